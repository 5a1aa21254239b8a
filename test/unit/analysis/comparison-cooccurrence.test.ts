import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../../../src/analysis/comparison';
import { cooccurrenceTable } from '../../../src/analysis/cooccurrence';
import { buildMatrix, cellKey } from '../../../src/analysis/matrix';
import { documentToDocx } from '../../../src/export/docx';
import { cellText, type Table } from '../../../src/model/table';
import { data, training } from './fixture';

const grid = (t: Table) => t.rows.map((r) => r.cells.map((c) => cellText(c)));

describe('the comparison table (the shape of ViDA’s Table 1)', () => {
  const matrix = buildMatrix(data, { codeIds: ['TRUST', 'CLOSE'], includeSubcodes: false, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' });
  const summaries = {
    [cellKey('TRUST', 'without')]: 'Have relationship skills',
    [cellKey('TRUST', 'with')]: 'Deepen and develop relationship skills.',
    [cellKey('CLOSE', 'without')]: 'Only get involved with the pregnant woman',
    [cellKey('CLOSE', 'with')]: 'Get involved with the pregnant woman and other members of the family.',
  };

  it('numbers the rows, one column per group, cells from the summaries', () => {
    const table = comparisonTable(matrix, { title: 'Changes perceived by professionals after training.', summaries, rowLabels: false, fallback: 'empty' });
    expect(table.columns.map((c) => c.label)).toEqual(['without', 'with']);
    expect(grid(table)).toEqual([
      ['1. Have relationship skills', 'Deepen and develop relationship skills.'],
      ['2. Only get involved with the pregnant woman', 'Get involved with the pregnant woman and other members of the family.'],
    ]);
  });

  it('exports to Word with the same structure: title, two columns, numbered rows', async () => {
    const table = comparisonTable(matrix, { title: 'Changes perceived by professionals after training.', summaries, rowLabels: false, fallback: 'empty' });
    const bytes = await documentToDocx({ title: 'Results', blocks: [{ kind: 'table', table, number: 1 }] });
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('Table 1');
    expect(html).toContain('Changes perceived by professionals after training.');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    // The header row is a repeated header row (Word's tblHeader), read back as <thead>.
    expect(html).toContain('<thead><tr><th><p><strong>without</strong></p></th><th><p><strong>with</strong></p></th></tr></thead>');
    expect(html).toContain('<td><p>1. Have relationship skills</p></td>');
  });

  it('shows a cell’s first quote where no summary was written yet, when asked', () => {
    const table = comparisonTable(matrix, { title: 'T', summaries: {}, rowLabels: true, fallback: 'first quote' }, data);
    // TRUST with training: P1's segment 0–10 is the first quote.
    expect(grid(table)[0]).toEqual(['1. Relationship › Trust', '', '“abcdefghij” (P1, 1)']);
  });
});

describe('code co-occurrence', () => {
  it('counts overlapping segments, shared paragraphs and shared sources, with Jaccard', () => {
    const codeIds = ['TRUST', 'CLOSE', 'CHAL'];
    // Overlap: TRUST 0–10 and CLOSE 5–15 overlap in s1 → 1; TRUST has 3 segments (diagonal).
    expect(grid(cooccurrenceTable(data, { codeIds, includeSubcodes: false, unit: 'overlap', jaccard: false }))).toEqual([
      ['Relationship › Trust', '3', '1', '0'],
      ['Relationship › Closeness', '1', '2', '0'],
      ['Challenges', '0', '0', '2'],
    ]);
    // Sources: TRUST {s1, s2}, CLOSE {s1, s3}, CHAL {s1, s3} → TRUST∩CLOSE = 1, CLOSE∩CHAL = 2; Jaccard CLOSE/CHAL = 2/2 = 1.
    const bySource = cooccurrenceTable(data, { codeIds, includeSubcodes: false, unit: 'source', jaccard: false });
    expect(grid(bySource)[1]).toEqual(['Relationship › Closeness', '1', '2', '2']);
    const jaccard = cooccurrenceTable(data, { codeIds, includeSubcodes: false, unit: 'source', jaccard: true });
    expect(grid(jaccard)[0]).toEqual(['Relationship › Trust', '1.00', '0.33', '0.33']);
    // Paragraphs: CLOSE in s1#1 (5–15) and s3#1; CHAL in s1#2 (40–50) and s3#2 (30–40) → none shared.
    expect(grid(cooccurrenceTable(data, { codeIds, includeSubcodes: false, unit: 'paragraph', jaccard: false }))[1][3]).toBe('0');
  });
});
