import { unzipSync } from 'fflate';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentToDocx } from '../../../src/export/docx';
import type { Table } from '../../../src/model/table';

const GOLDEN = new URL('./golden/table1-document.xml', import.meta.url);

/** A small Table in the shape of ViDA's Table 1, with a group header, a hierarchy, numbers, quotes and a note. */
const table: Table = {
  title: 'Changes perceived by professionals after training.',
  columns: [
    { key: 'theme', label: 'Theme' },
    { key: 'without-n', label: 'n', group: 'Without training', numeric: true },
    { key: 'without-pct', label: '%', group: 'Without training', numeric: true },
    { key: 'with-n', label: 'n', group: 'With training', numeric: true },
    { key: 'with-pct', label: '%', group: 'With training', numeric: true },
    { key: 'quote', label: 'Example' },
  ],
  rows: [
    {
      key: 'rel',
      cells: [
        { kind: 'text', text: 'Relationship skills' },
        { kind: 'number', value: 2 },
        { kind: 'number', value: 50, decimals: 1, percent: true },
        { kind: 'number', value: 5 },
        { kind: 'number', value: 62.5, decimals: 1, percent: true },
        { kind: 'quotes', quotes: [{ text: 'Ahora me siento a conversar con la mamá.', citation: '(TMA, 4)' }] },
      ],
    },
    {
      key: 'fam',
      depth: 1,
      cells: [
        { kind: 'text', text: 'Family involvement' },
        { kind: 'number', value: 1 },
        { kind: 'number', value: 25, decimals: 1, percent: true },
        { kind: 'number', value: 4 },
        { kind: 'number', value: 50, decimals: 1, percent: true },
        { kind: 'empty' },
      ],
    },
  ],
  note: 'Counts are cases.',
};

/** Word's XML with the parts that change on every save (none today) left as they are. */
async function documentXml(): Promise<string> {
  const bytes = await documentToDocx({ title: 'Results', blocks: [{ kind: 'table', table, number: 1 }] });
  return new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
}

describe('the Word exporter', () => {
  it('writes the same document.xml for the same Table (golden file; UPDATE_GOLDEN=1 rewrites it)', async () => {
    const xml = await documentXml();
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, xml);
    // A missing golden file is a failure, not a fresh start: the comparison would prove nothing.
    expect(existsSync(GOLDEN), `${GOLDEN} is missing; run with UPDATE_GOLDEN=1 once, look at the file, and commit it`).toBe(true);
    expect(xml).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('marks the header rows to repeat on every page and draws APA lines only', async () => {
    const xml = await documentXml();
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:gridSpan w:val="2"\/>/g)).toHaveLength(2); // "Without training" and "With training" over n and %
    expect(xml).toContain('62.5%');
    expect(xml).toContain('w:orient="landscape"'); // six columns: a wide table turns the page
    expect(xml).not.toMatch(/<w:insideV [^>]*w:val="single"/);
    expect(xml).toContain('(TMA, 4)');
  });
});
