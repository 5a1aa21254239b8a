import { describe, expect, it } from 'vitest';
import { brennanPredigerKappa, cohenKappa, krippendorffAlphaNominal, meanPairwiseKappa, percentAgreement, type Unit } from '../../../src/analysis/agreement';

/** Two coders' yes/no on n units: both yes, yes/no, no/yes, both no. */
const table2x2 = (yy: number, yn: number, ny: number, nn: number): Unit[] => [
  ...Array.from({ length: yy }, () => ['yes', 'yes']),
  ...Array.from({ length: yn }, () => ['yes', 'no']),
  ...Array.from({ length: ny }, () => ['no', 'yes']),
  ...Array.from({ length: nn }, () => ['no', 'no']),
];

describe('intercoder agreement, checked against worked examples from the methods literature', () => {
  it('Cohen’s κ: 50 units, 20 both yes, 5 yes/no, 10 no/yes, 15 both no — p_o 0.70, p_e 0.50, κ 0.40 (Cohen 1960, as worked in Wikipedia’s “Cohen’s kappa”)', () => {
    const units = table2x2(20, 5, 10, 15);
    expect(percentAgreement(units)).toBeCloseTo(0.7, 10);
    expect(cohenKappa(units)).toBeCloseTo(0.4, 10);
  });

  it('Brennan–Prediger κ takes chance as one in the number of categories: the same table with 2 categories gives 0.40, with 4 gives 0.60', () => {
    const units = table2x2(20, 5, 10, 15);
    expect(brennanPredigerKappa(units, 2)).toBeCloseTo(0.4, 10);
    expect(brennanPredigerKappa(units, 4)).toBeCloseTo(0.6, 10);
  });

  it('Krippendorff’s α, nominal, 4 observers × 12 units with missing values: 0.743 (Krippendorff 2011, “Computing Krippendorff’s Alpha-Reliability”, example C)', () => {
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    expect(krippendorffAlphaNominal(A.map((_, i) => [A[i], B[i], C[i], D[i]]))!).toBeCloseTo(0.743, 3);
  });

  it('Krippendorff’s α, binary, 2 observers × 10 units: 0.095 (Krippendorff 2011, example A)', () => {
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlphaNominal(A.map((_, i) => [A[i], B[i]]))!).toBeCloseTo(0.095, 3);
  });

  it('edge cases: perfect agreement is 1; no variation leaves κ and α undefined, not NaN; a coder who coded nothing; a single unit', () => {
    const perfect = table2x2(7, 0, 0, 5);
    expect(cohenKappa(perfect)).toBe(1);
    expect(krippendorffAlphaNominal(perfect)).toBe(1);
    const allYes = table2x2(9, 0, 0, 0);
    expect(percentAgreement(allYes)).toBe(1);
    expect(cohenKappa(allYes)).toBeNull();
    expect(krippendorffAlphaNominal(allYes)).toBeNull();
    // The second coder left every unit uncoded ("no"): agreement only where the first did too.
    const nothing = table2x2(0, 4, 0, 6);
    expect(percentAgreement(nothing)).toBeCloseTo(0.6, 10);
    expect(cohenKappa(nothing)).toBe(0);
    expect(krippendorffAlphaNominal(nothing)!).toBeLessThan(0);
    expect(cohenKappa([['yes', 'no']])).toBe(0);
    expect(krippendorffAlphaNominal([['yes', null]])).toBeNull();
    expect(cohenKappa([])).toBeNull();
  });

  it('a weighted unit counts as that many units: 20 characters both coded weigh as 20 units of one character', () => {
    const expanded = table2x2(20, 5, 10, 15);
    const weighted: Unit[] = [
      ['yes', 'yes'],
      ['yes', 'no'],
      ['no', 'yes'],
      ['no', 'no'],
    ];
    const weights = [20, 5, 10, 15];
    expect(percentAgreement(weighted, weights)).toBeCloseTo(percentAgreement(expanded)!, 10);
    expect(cohenKappa(weighted, 0, 1, weights)).toBeCloseTo(cohenKappa(expanded)!, 10);
    expect(brennanPredigerKappa(weighted, 2, weights)).toBeCloseTo(brennanPredigerKappa(expanded, 2)!, 10);
    expect(krippendorffAlphaNominal(weighted, weights)).toBeCloseTo(krippendorffAlphaNominal(expanded)!, 10);
  });

  it('with three coders, κ is the mean of the pairs’ Cohen κ (Light’s κ)', () => {
    const units: Unit[] = [
      ['a', 'a', 'b'],
      ['b', 'b', 'b'],
      ['a', 'b', 'a'],
      ['b', 'b', 'a'],
    ];
    const pairs = [cohenKappa(units, 0, 1)!, cohenKappa(units, 0, 2)!, cohenKappa(units, 1, 2)!];
    expect(meanPairwiseKappa(units, 3)).toBeCloseTo((pairs[0] + pairs[1] + pairs[2]) / 3, 10);
    expect(meanPairwiseKappa(units, 2)).toBeCloseTo(pairs[0], 10);
  });
});
