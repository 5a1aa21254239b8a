import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n';
import { cellText } from '../../../src/model/table';
import { passagesOfHits, passagesOfSpeaker, passagesOfStructure, passagesToCode, speakersOf, structureOf } from '../../../src/search/autocode';
import { corpusOf } from '../../../src/search/corpus';
import { hitsByCaseTable, hitsBySourceTable, kwicLine, kwicTable, sortHits } from '../../../src/search/kwic';
import type { SearchHit } from '../../../src/search/search';
import { contents, searchData } from './corpus-fixture';
import { searchBothWays } from './helpers';

const hitsOf = (query: string): SearchHit[] => {
  const { indexed } = searchBothWays(searchData, { query, mode: 'words' });
  if (!indexed.ok) throw new Error(indexed.error.key);
  return indexed.hits;
};
const textOf = (id: string) => contents.find((c) => c.sourceId === id)!.text;
const contentOf = (id: string) => contents.find((c) => c.sourceId === id);
const corpus = corpusOf(searchData);
const slice = (p: { sourceId: string; start: number; end: number }) => textOf(p.sourceId).slice(p.start, p.end);

describe('keyword in context', () => {
  it('shows each hit with the words before and after it, in its paragraph or turn', () => {
    const [line] = hitsOf('vinculo').map((h) => kwicLine(h, textOf, 30));
    expect(line.match).toBe('vínculo');
    expect(line.left).toBe('… todo. Sentí confianza y un ');
    expect(line.right).toBe(' con la profesional que venía …');
  });

  it('sorts hits by case, speaker or case attribute, then in reading order', () => {
    const hits = hitsOf('familia family');
    expect(sortHits(hits, corpus, 'case').map((h) => h.sourceId)).toEqual(['s-es', 's-pt', 's-en', 's-en']);
    expect(sortHits(hits, corpus, 'attribute:a-training').map((h) => h.sourceId)).toEqual(['s-pt', 's-es', 's-en', 's-en']);
    expect(sortHits(hits, corpus, 'speaker')[0].speaker).toBe('Entrevistadora');
  });

  it('is a Table with its headings in the export language', () => {
    const es = (key: string, params?: Record<string, string | number>) => translate('es', key as never, params);
    const table = kwicTable(
      hitsOf('miedo').map((h) => kwicLine(h, textOf)),
      corpus,
      'miedo',
      es,
    );
    expect(table.title).toBe('Búsqueda de texto: miedo');
    expect(table.columns.map((c) => c.label)).toEqual(['Fuente', 'Caso', 'Hablante', 'Antes', 'Encontrado', 'Después']);
    expect(table.rows.map((r) => cellText(r.cells[4]))).toEqual(['miedo', 'miedo', 'miedo']);
    expect(table.note).toBe('3 resultados en 1 fuentes.');
  });

  it('counts hits per source, and how many cases mention it, in all and by attribute group', () => {
    const hits = hitsOf('familia family');
    const bySource = hitsBySourceTable(hits, corpus, 'familia');
    expect(bySource.rows.map((r) => r.cells.map((c) => cellText(c)))).toEqual([
      ['Entrevista ARIII', 'ARIII', '1', '1'],
      ['Field note P3', 'P3', '2', '2'],
      ['Relatório DRI', 'DRI', '1', '1'],
    ]);
    const byCase = hitsByCaseTable(hitsOf('miedo'), corpus, 'miedo');
    expect(byCase.note).toBe('1 of 3 cases mentions it (33.3%).');
    const byGroup = hitsByCaseTable(hitsOf('trust'), corpus, 'trust', undefined, 'a-training');
    expect(byGroup.rows.map((r) => r.cells.map((c) => cellText(c)))).toEqual([
      ['Sí', '1', '2', '50.0%'],
      ['No', '0', '1', '0.0%'],
    ]);
  });
});

describe('auto-coding the hits', () => {
  it('codes the exact match, the sentence, the paragraph or the speaker turn', () => {
    const hits = hitsOf('miedo');
    expect(passagesOfHits(hits, contentOf, { level: 'match', contextWords: 0 }).map(slice)).toEqual(['miedo', 'miedo', 'miedo']);
    expect(passagesOfHits(hits, contentOf, { level: 'match', contextWords: 2 }).map(slice)).toEqual(['Y el miedo al principio', 'principio tenía miedo, mucho miedo, pero los']);
    expect(passagesOfHits(hits, contentOf, { level: 'sentence', contextWords: 0 }).map(slice)).toEqual([
      '¿Y el miedo al principio?',
      'Al principio tenía miedo, mucho miedo, pero los vínculos se hicieron fuertes.',
    ]);
    expect(passagesOfHits(hits, contentOf, { level: 'turn', contextWords: 0 }).map(slice)).toEqual([
      '¿Y el miedo al principio?',
      'Al principio tenía miedo, mucho miedo, pero los vínculos se hicieron fuertes. La falta de tiempo era un problema.',
    ]);
    expect(passagesOfHits(hits, contentOf, { level: 'paragraph', contextWords: 0 }).map(slice)[0]).toBe('Entrevistadora: ¿Y el miedo al principio?');
  });

  it('codes every turn of one speaker, and lists the speakers by their turns', () => {
    expect(speakersOf(contents)).toEqual([
      { speaker: 'Entrevistadora', turns: 2 },
      { speaker: 'Madre', turns: 2 },
    ]);
    expect(passagesOfSpeaker(contents, 'madre').map(slice)).toHaveLength(2);
  });

  it('does not code twice what the code already covers', () => {
    const passages = passagesOfHits(hitsOf('miedo'), contentOf, { level: 'turn', contextWords: 0 });
    const existing = [{ sourceId: passages[0].sourceId, codeId: 'k', start: passages[0].start, end: passages[0].end }];
    expect(passagesToCode(passages, existing, 'k')).toHaveLength(1);
    expect(passagesToCode(passages, existing, 'other')).toHaveLength(2);
  });
});

describe('coding by structure', () => {
  it('codes every paragraph under a Word heading, across sources, subheadings included', async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
    const { importSource } = await import('../../../src/import');
    const word = (title: string) =>
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
              new Paragraph({ text: 'Antecedentes', heading: HeadingLevel.HEADING_1 }),
              new Paragraph('La familia vive en la comuna desde 2010.'),
              new Paragraph({ text: 'Vivienda', heading: HeadingLevel.HEADING_2 }),
              new Paragraph('Casa de madera, dos piezas.'),
              new Paragraph({ text: 'Intervención', heading: HeadingLevel.HEADING_1 }),
              new Paragraph('Se realizaron ocho visitas.'),
            ],
          },
        ],
      });
    const imported = await Promise.all(
      ['Informe A', 'Informe B'].map(async (name) => {
        const result = await importSource({ name: `${name}.docx`, bytes: new Uint8Array(await Packer.toBuffer(word(name))) });
        if (!result.ok) throw new Error(result.error.message);
        return { ...result.sources[0], id: name, name, kind: 'report', sourceId: name };
      }),
    );
    const parts = structureOf(imported, imported);
    expect(parts.map((p) => [p.label, p.passages])).toEqual(
      expect.arrayContaining([
        ['Antecedentes', 2],
        ['Vivienda', 2],
        ['Intervención', 2],
      ]),
    );
    const background = passagesOfStructure(imported, imported, parts.find((p) => p.label === 'Antecedentes')!.key);
    expect(background.map((p) => imported.find((s) => s.id === p.sourceId)!.text.slice(p.start, p.end))).toEqual([
      'La familia vive en la comuna desde 2010.\nVivienda\nCasa de madera, dos piezas.',
      'La familia vive en la comuna desde 2010.\nVivienda\nCasa de madera, dos piezas.',
    ]);
  });

  it('codes every answer to one survey question, whether a source holds one answer or all of a respondent’s', async () => {
    const { importSource } = await import('../../../src/import');
    const csv = new TextEncoder().encode('ID,¿Qué cambió?,¿Qué falta?\nR1,Más confianza,Tiempo\nR2,Nada,Más visitas\n');
    const one = await importSource({
      name: 'encuesta.csv',
      bytes: csv,
      options: { survey: { idColumn: 'ID', answerColumns: ['¿Qué cambió?', '¿Qué falta?'], attributeColumns: [], sourcePer: 'answer' } },
    });
    const all = await importSource({
      name: 'encuesta.csv',
      bytes: csv,
      options: { survey: { idColumn: 'ID', answerColumns: ['¿Qué cambió?', '¿Qué falta?'], attributeColumns: [], sourcePer: 'respondent' } },
    });
    for (const result of [one, all]) {
      if (!result.ok) throw new Error(result.error.message);
      const sources = result.sources.map((s, i) => ({ ...s, id: `s${i}`, sourceId: `s${i}`, kind: 'survey answer' }));
      const key = structureOf(sources, sources).find((p) => p.label === '¿Qué falta?')!.key;
      const answers = passagesOfStructure(sources, sources, key).map((p) => sources.find((s) => s.id === p.sourceId)!.text.slice(p.start, p.end));
      expect(answers).toEqual(['Tiempo', 'Más visitas']);
    }
  });
});
