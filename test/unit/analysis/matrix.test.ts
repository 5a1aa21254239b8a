import { describe, expect, it } from 'vitest';
import { buildMatrix, cellKey, cellQuotes, matrixTable } from '../../../src/analysis/matrix';
import { cellText, type Table } from '../../../src/model/table';
import { data, role, training } from './fixture';

const grid = (t: Table) => t.rows.map((r) => r.cells.map((c) => cellText(c)));

describe('the framework matrix (cases × pillars)', () => {
  const matrix = buildMatrix(data, { codeIds: ['TRUST', 'CLOSE', 'CHAL'], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' });

  it('counts each case’s segments under each code', () => {
    // D1: CLOSE 1, CHAL 1. P1: TRUST 1, CLOSE 1, CHAL 1. P2: TRUST 2. P3: nothing.
    expect(grid(matrixTable(matrix, { title: 'M', show: 'counts', corner: 'Case' }))).toEqual([
      ['D1', '0', '1', '1'],
      ['P1', '1', '1', '1'],
      ['P2', '2', '0', '0'],
      ['P3', '0', '0', '0'],
    ]);
  });

  it('keeps the quotes of each cell, with citations', () => {
    const p2trust = cellQuotes(data, matrix.cells[2][0]);
    // P2's TRUST segments: 0–8 "abcdefgh" and 20–30 "abcdefghij"; offset 20 is still in paragraph 1 (0–20).
    expect(p2trust.map((q) => [q.text, q.citation])).toEqual([
      ['abcdefgh', '(P2, 1)'],
      ['abcdefghij', '(P2, 1)'],
    ]);
  });

  it('exports the researcher’s summaries, and summaries with their quotes', () => {
    const summaries = { [cellKey('P2', 'TRUST')]: 'Confía en la profesional.' };
    const table = matrixTable(matrix, { title: 'M', show: 'summaries', summaries });
    expect(grid(table)[2]).toEqual(['P2', 'Confía en la profesional.', '', '']);
    const both = matrixTable(matrix, { title: 'M', show: 'summaries and quotes', summaries }, data);
    expect(cellText(both.rows[2].cells[1])).toBe('Confía en la profesional.\n“abcdefgh” (P2, 1)\n“abcdefghij” (P2, 1)');
  });

  it('groups rows by an attribute value instead of by case', () => {
    const byRole = buildMatrix(data, { codeIds: ['TRUST', 'CHAL'], includeSubcodes: false, grouping: { kind: 'attribute', attributeId: role.id }, codesOn: 'columns' });
    // Professional: TRUST 3 (P1 1 + P2 2), CHAL 1 (P1). Director: TRUST 0, CHAL 1 (D1).
    expect(grid(matrixTable(byRole, { title: 'M', show: 'counts' }))).toEqual([
      ['Professional', '3', '1'],
      ['Director', '0', '1'],
    ]);
  });
});

describe('the matrix coding query (codes × training)', () => {
  const matrix = buildMatrix(data, { codeIds: ['REL', 'CHAL'], includeSubcodes: true, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' });

  it('counts segments, sources or cases per code and group', () => {
    // REL (with subcodes): without = D1's CLOSE (1 segment, 1 source, 1 case); with = P1 TRUST+CLOSE, P2 TRUST×2 (4 segments, 2 sources, 2 cases).
    expect(grid(matrixTable(matrix, { title: 'Q', show: 'counts', count: 'segments' }))).toEqual([
      ['Relationship', '1', '4'],
      ['Challenges', '1', '1'],
    ]);
    expect(grid(matrixTable(matrix, { title: 'Q', show: 'counts', count: 'cases' }))).toEqual([
      ['Relationship', '1', '2'],
      ['Challenges', '1', '1'],
    ]);
  });

  it('gives row and column percentages that add up to 100', () => {
    // Row %: REL 1/5 = 20%, 4/5 = 80%. Column % (segments): without: REL 1 of 2 = 50%, CHAL 50%; with: REL 4 of 5 = 80%, CHAL 20%.
    expect(grid(matrixTable(matrix, { title: 'Q', show: 'counts', percent: 'row' }))[0]).toEqual(['Relationship', '20.0%', '80.0%']);
    const col = matrixTable(matrix, { title: 'Q', show: 'counts', percent: 'column' });
    expect(grid(col).map((r) => r[2])).toEqual(['80.0%', '20.0%']);
    const sum = col.rows.reduce((n, r) => n + (r.cells[1].kind === 'number' ? r.cells[1].value : 0), 0);
    expect(sum).toBe(100);
  });

  it('is empty but well formed with no codes chosen', () => {
    const empty = buildMatrix(data, { codeIds: [], includeSubcodes: true, grouping: { kind: 'cases' }, codesOn: 'columns' });
    const table = matrixTable(empty, { title: 'E', show: 'counts' });
    expect(table.columns).toHaveLength(1);
    expect(table.rows).toHaveLength(4);
  });
});

describe('a matrix cell of a team’s coding', () => {
  it('shows a passage two coders coded alike once, naming both coders', () => {
    const first = data.segments[0];
    const quotes = cellQuotes(data, [first, { ...first, id: 'second-coder', coderId: 'beto' }]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].coderIds.sort()).toEqual(['beto', first.coderId].sort());
    expect(quotes[0].segmentIds).toEqual([first.id, 'second-coder']);
  });
});
