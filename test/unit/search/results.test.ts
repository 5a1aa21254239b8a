import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n';
import { cellText } from '../../../src/model/table';
import { passagesOfHits, passagesOfSpeaker, passagesToCode, speakersOf } from '../../../src/search/autocode';
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
    expect(table.note).toBe('Nota. 3 resultados en 1 fuentes.');
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
    expect(byCase.note).toBe('Note. 1 of 3 cases mention it (33.3%).');
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
