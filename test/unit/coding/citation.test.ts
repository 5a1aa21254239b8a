import { describe, expect, it } from 'vitest';
import { formatCitation, paragraphAt, reportNumberOf, speakerAt } from '../../../src/coding/citation';

describe('citing a quote the way the researcher publishes it', () => {
  it.each([
    ['({case}, {paragraph})', { case: 'ARIII', paragraph: 3 }, '(ARIII, 3)'],
    ['({case}, Rep {reportNumber})', { case: 'RD', reportNumber: '1' }, '(RD, Rep 1)'],
    ['({speaker})', { speaker: 'Caregiver 1' }, '(Caregiver 1)'],
    ['({case}, Rep {reportNumber})', { case: 'RD' }, '(RD)'],
    ['({case}, {paragraph})', { paragraph: 12 }, '(12)'],
    ['[{source}; ¶ {paragraph}]', { source: 'DRA_profundidad', paragraph: 4 }, '[DRA_profundidad; ¶ 4]'],
    ['({case}, {date})', {}, ''],
  ])('fills %s', (pattern, fields, expected) => {
    expect(formatCitation(pattern, fields)).toBe(expected);
  });

  it.each([
    ['Informe_RLA_Rep2', '2'],
    ['RD Rep 1', '1'],
    ['BI, BH y BE - rep2', '2'],
    ['Report_RLB_Rep1', '1'],
    ['Informe N.º 3 – RLC', '3'],
    ['TMA_telefonica', undefined],
    ['Reproducción', undefined],
  ])('reads the report number of "%s"', (name, n) => {
    expect(reportNumberOf(name)).toBe(n);
  });

  it('finds the paragraph number and the speaker of an offset', () => {
    const content = {
      paragraphs: [
        { start: 0, end: 10 },
        { start: 11, end: 30 },
        { start: 31, end: 50 },
      ],
      // The third paragraph is a caption nobody is named in.
      turns: [
        { speaker: 'E', start: 11, end: 30 },
        { speaker: '', start: 31, end: 50, startTime: 12, endTime: 15 },
      ],
    };
    expect([0, 10, 11, 29, 31, 49].map((o) => paragraphAt(content, o))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(speakerAt(content, 15)).toBe('E');
    expect(speakerAt(content, 35)).toBeUndefined();
  });
});
