/**
 * Intercoder agreement coefficients over units (a character, a sentence, a paragraph or a
 * segment) and the value each coder gave each unit (a code applied or not, or a category).
 * A value of null means the coder did not judge that unit. Each coefficient returns null
 * where it is undefined (no pairable values, or no variation to be expected), never NaN.
 *
 * A unit may carry a weight: a stretch of n characters that every coder treated alike is
 * n character units, counted once (character-level agreement never walks characters).
 */
export type Value = string | number | boolean;
/** One unit: the value each coder gave it, in the same coder order for every unit. */
export type Unit = (Value | null)[];
/** How many units each entry stands for; omitted, each is one. */
export type Weights = readonly number[] | undefined;

const key = (v: Value) => `${typeof v}:${String(v)}`;
const judged = (v: Value | null | undefined): v is Value => v !== null && v !== undefined;

/** Share of agreeing pairs of values, over every pair of coders who judged a unit. */
export function percentAgreement(units: Unit[], weights?: Weights): number | null {
  let agree = 0;
  let pairs = 0;
  units.forEach((u, index) => {
    const w = weights?.[index] ?? 1;
    const values = u.filter(judged);
    for (let i = 0; i < values.length; i++)
      for (let j = i + 1; j < values.length; j++) {
        pairs += w;
        if (key(values[i]) === key(values[j])) agree += w;
      }
  });
  return pairs ? agree / pairs : null;
}

/** Cohen's κ for two coders: agreement beyond what their own marginal distributions would give by chance. */
export function cohenKappa(units: Unit[], a = 0, b = 1, weights?: Weights): number | null {
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  let n = 0;
  units.forEach((u, index) => {
    const x = u[a];
    const y = u[b];
    if (!judged(x) || !judged(y)) return;
    const w = weights?.[index] ?? 1;
    first.set(key(x), (first.get(key(x)) ?? 0) + w);
    second.set(key(y), (second.get(key(y)) ?? 0) + w);
    if (key(x) === key(y)) agree += w;
    n += w;
  });
  if (!n) return null;
  const observed = agree / n;
  let expected = 0;
  for (const [k, count] of first) expected += (count / n) * ((second.get(k) ?? 0) / n);
  return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
}

/**
 * Cohen's κ for any number of coders: for two, Cohen's own; for more, the mean over every
 * pair of coders (Light's κ). Null when no pair has a κ.
 */
export function meanPairwiseKappa(units: Unit[], coders: number, weights?: Weights): number | null {
  const kappas: number[] = [];
  for (let a = 0; a < coders; a++)
    for (let b = a + 1; b < coders; b++) {
      const k = cohenKappa(units, a, b, weights);
      if (k !== null) kappas.push(k);
    }
  return kappas.length ? kappas.reduce((s, k) => s + k, 0) / kappas.length : null;
}

/**
 * Brennan and Prediger's κ (the free-marginal κ MAXQDA reports): chance agreement is one in
 * the number of categories, whatever the coders' own distributions. Over all pairs of
 * coders when there are more than two.
 */
export function brennanPredigerKappa(units: Unit[], categories: number, weights?: Weights): number | null {
  const observed = percentAgreement(units, weights);
  if (observed === null || categories < 2) return null;
  const chance = 1 / categories;
  return (observed - chance) / (1 - chance);
}

/**
 * Krippendorff's α for nominal data, any number of coders, missing values allowed: one
 * minus observed over expected disagreement in the coincidence matrix. With values "coded"
 * and "not coded" it is the binary α of one code.
 */
export function krippendorffAlphaNominal(units: Unit[], weights?: Weights): number | null {
  const coincidences = new Map<string, Map<string, number>>();
  let n = 0;
  units.forEach((u, index) => {
    const values = u.filter(judged).map(key);
    const m = values.length;
    // A unit one coder alone judged is not pairable: it tells nothing of agreement.
    if (m < 2) return;
    const w = (weights?.[index] ?? 1) / (m - 1);
    for (let i = 0; i < m; i++) {
      const row = coincidences.get(values[i]) ?? coincidences.set(values[i], new Map()).get(values[i])!;
      for (let j = 0; j < m; j++) if (i !== j) row.set(values[j], (row.get(values[j]) ?? 0) + w);
    }
    n += m * (weights?.[index] ?? 1);
  });
  if (n < 2) return null;
  const totals = new Map<string, number>();
  let observed = 0;
  for (const [c, row] of coincidences)
    for (const [k, count] of row) {
      totals.set(c, (totals.get(c) ?? 0) + count);
      if (c !== k) observed += count;
    }
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  expected /= n - 1;
  // Every value the same: no disagreement could be expected, α says nothing.
  return expected <= 1e-12 ? null : 1 - observed / expected;
}
