import { describe, expect, it } from 'vitest';
import { frequencyTable } from '../../../src/analysis/frequency';
import { cellText, type Table } from '../../../src/model/table';
import { data, training } from './fixture';

const grid = (t: Table) => t.rows.map((r) => r.cells.map((c) => cellText(c)));

describe('the content-analysis frequency table', () => {
  it('counts segments, sources and cases per code, the hierarchy indented', () => {
    const table = frequencyTable(data, { rollUp: false });
    expect(table.columns.map((c) => c.label)).toEqual(['Code', 'Segments', 'Sources', 'Cases', '% of cases']);
    expect(table.rows.map((r) => r.depth)).toEqual([0, 1, 1, 0]);
    // REL has no segments of its own. TRUST: s1 (1) + s2 (2) = 3 segments, 2 sources, cases P1 P2 = 2 of 4 = 50%.
    // CLOSE: s1 + s3 = 2 segments, 2 sources, P1 D1 = 50%. CHAL: s1 + s3, P1 D1 = 50%.
    expect(grid(table)).toEqual([
      ['Relationship', '0', '0', '0', '0.0%'],
      ['Trust', '3', '2', '2', '50.0%'],
      ['Closeness', '2', '2', '2', '50.0%'],
      ['Challenges', '2', '2', '2', '50.0%'],
    ]);
  });

  it('rolls subcodes up into their theme', () => {
    // REL = TRUST + CLOSE = 5 segments in s1, s2, s3; cases P1, P2, D1 = 3 of 4 = 75%.
    expect(grid(frequencyTable(data, { rollUp: true }))[0]).toEqual(['Relationship', '5', '3', '3', '75.0%']);
  });

  it('splits by training with column percentages that are shares of each group', () => {
    const table = frequencyTable(data, { rollUp: true, splitByAttributeId: training.id });
    // Groups: without = {D1, P3} (2 cases), with = {P1, P2} (2 cases).
    expect(table.columns.slice(5).map((c) => `${c.group}: ${c.label}`)).toEqual(['without: n (of 2)', 'without: %', 'with: n (of 2)', 'with: %']);
    // REL: cases P1 P2 D1 → without: D1 = 1 of 2 = 50%; with: P1 P2 = 2 of 2 = 100%.
    // CHAL: P1, D1 → without 1 (50%), with 1 (50%).
    expect(grid(table)[0].slice(5)).toEqual(['1', '50.0%', '2', '100.0%']);
    expect(grid(table)[3].slice(5)).toEqual(['1', '50.0%', '1', '50.0%']);
  });

  it('filters by source kind: only phone interviews', () => {
    // Phone interviews: s1 (P1) and s4 (P3): 2 cases in scope. TRUST only in s1 → 1 segment, 1 case = 50%.
    const table = frequencyTable(data, { rollUp: false, sourceKinds: ['phone interview'] });
    expect(grid(table)[1]).toEqual(['Trust', '1', '1', '1', '50.0%']);
    expect(table.note).toContain('2 cases.');
  });

  it('gives an empty, well-formed table for a project with no codes', () => {
    const table = frequencyTable({ ...data, codes: [], segments: [] }, { rollUp: true });
    expect(table.rows).toEqual([]);
    expect(table.columns).toHaveLength(5);
  });
});

describe('an analysis of one coder’s coding', () => {
  it('counts only the chosen coders’ segments in a saved frequency table, and the quotes behind a cell follow', async () => {
    const { runAnalysis, quotesOfCell } = await import('../../../src/analysis/run');
    // The second coder coded Trust once more, in s4 (case P3).
    const team = {
      ...data,
      coders: ['c', 'beto'].map((id) => ({ id, projectId: 'p', name: id, color: '#000' })),
      segments: [...data.segments, { ...data.segments[0], id: 'b1', sourceId: 's4', coderId: 'beto' }],
    };
    const saved = { name: 'Frecuencias', summaries: {}, definition: { type: 'frequency' as const, options: { rollUp: false } } };
    const everyone = runAnalysis(team, saved);
    const mine = runAnalysis(team, { ...saved, definition: { ...saved.definition, coderIds: ['c'] } });
    expect(grid(everyone.table)[1]).toEqual(['Trust', '4', '3', '3', '75.0%']);
    expect(grid(mine.table)[1]).toEqual(['Trust', '3', '2', '2', '50.0%']);
    expect(quotesOfCell(team, { ...saved.definition, coderIds: ['beto'] }, mine, 1, 1)?.quotes.map((q) => q.sourceId)).toEqual(['s4']);
    // A coder chosen once and since gone chooses nothing: everyone's coding counts again.
    expect(grid(runAnalysis(team, { ...saved, definition: { ...saved.definition, coderIds: ['gone'] } }).table)[1]).toEqual(grid(everyone.table)[1]);
  });
});
