import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../../src/exchange/qdpx-read';
import { mapToOurText } from '../../../src/exchange/text-map';
import { normalizeText } from '../../../src/import/normalize';

/** A .qdpx as another tool writes it: one text file, selections counted the tool's way. */
function foreignQdpx(stored: string, selections: { start: number; end: number; name?: string }[], encodeBom = true): Uint8Array {
  const sels = selections
    .map(
      (s, i) =>
        `<PlainTextSelection guid="00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}" name="${s.name ?? ''}" startPosition="${s.start}" endPosition="${s.end}"><Coding guid="00000000-0000-4000-8000-0000000002${String(i).padStart(2, '0')}"><CodeRef targetGUID="00000000-0000-4000-8000-000000000010"/></Coding></PlainTextSelection>`,
    )
    .join('');
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Otra herramienta" origin="Other tool"><CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000010" name="Confianza" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="Entrevista" plainTextPath="internal://00000000-0000-4000-8000-000000000001.txt">${sels}</TextSource></Sources></Project>`;
  return zipSync({ 'project.qde': strToU8(qde), 'sources/00000000-0000-4000-8000-000000000001.txt': strToU8((encodeBom ? '\ufeff' : '') + stored) });
}

describe('positions counted by other tools', () => {
  const stored = 'E: ¿Confías en ellos?\r\nM: Sí 😊, mucho más que antes.\r\nE: ¿Por qué?\r\nM: Porque escuchan.\r\n';

  it('reads NVivo’s counting (UTF-16 units of the CRLF text, no BOM) as the words it coded', async () => {
    const words = 'mucho más que antes';
    const { data, report } = await readQdpx(foreignQdpx(stored, [{ start: stored.indexOf(words), end: stored.indexOf(words) + words.length }]));
    const text = data.contents[0].text;
    expect(text).toBe(normalizeText(stored));
    expect(data.segments.map((s) => text.slice(s.start, s.end))).toEqual([words]);
    expect(report).toEqual([]);
  });

  it('finds that a tool counted characters (code points) on \\n text from the words its selections carry, and says so', async () => {
    const lf = stored.replace(/\r\n/g, '\n');
    const cp = (s: string) => [...s].length;
    const selections = ['Porque escuchan', 'mucho más que antes', '¿Por qué?'].map((w) => ({
      start: cp(lf.slice(0, lf.indexOf(w))),
      end: cp(lf.slice(0, lf.indexOf(w))) + cp(w),
      name: w,
    }));
    const { data, report } = await readQdpx(foreignQdpx(stored, selections));
    const text = data.contents[0].text;
    expect(data.segments.map((s) => text.slice(s.start, s.end))).toEqual(['Porque escuchan', 'mucho más que antes', '¿Por qué?']);
    expect(report.map((n) => [n.code, n.params.counting])).toEqual([['positions-counted', 'code-points-lf']]);
  });

  it('reports a selection past the end of its text with its source and code, and imports the rest', async () => {
    const { data, report } = await readQdpx(
      foreignQdpx(stored, [
        { start: 3, end: 9 },
        { start: 70, end: 900 },
        { start: 12, end: 5 },
      ]),
    );
    expect(data.segments).toHaveLength(1);
    expect(report.filter((n) => n.code === 'selection-outside-text').map((n) => [n.params.source, n.params.code, n.params.start, n.params.end])).toEqual([
      ['Entrevista', 'Confianza', '70', '900'],
      ['Entrevista', 'Confianza', '12', '5'],
    ]);
  });

  it('maps every position of any text to ours: the text is normalizeText’s, and positions keep their order', () => {
    const piece = fc.constantFrom('a', 'é', ' ', '  ', '\t', '\r\n', '\r', '\n', '😊', 'e\u0301', '\u00ad', '\u2028', 'ç', '\ufeff', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const raw = parts.join('');
        const { text, at } = mapToOurText(raw);
        expect(text).toBe(normalizeText(raw));
        expect(at[raw.length]).toBe(text.length);
        for (let i = 1; i <= raw.length; i++) expect(at[i]).toBeGreaterThanOrEqual(at[i - 1]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a source given only as a Word file', () => {
  it('is read through the Word importer, and the report says its coded passages may not line up', async () => {
    const { openProjectFile } = await import('../../../src/exchange');
    const { fixture } = await import('../helpers');
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Solo Word"><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="Entrevista DRC" richTextPath="internal://00000000-0000-4000-8000-000000000001.docx"/></Sources></Project>`;
    const bytes = zipSync({ 'project.qde': strToU8(qde), 'sources/00000000-0000-4000-8000-000000000001.docx': fixture('formats/entrevista_DRC.docx') });
    const result = await openProjectFile('solo-word.qdpx', bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.contents[0].text).toContain('DRC: Cambió la mirada.');
    expect(result.report.map((n) => [n.code, n.params.source])).toEqual([['rich-text-only', 'Entrevista DRC']]);
  });
});
