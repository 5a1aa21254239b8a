import { describe, expect, it } from 'vitest';
import { describeMerge, mergedNothing } from '../../../src/exchange/merge-report';
import type { MergeReport } from '../../../src/exchange/merge';
import { createTranslator } from '../../../src/i18n';

const report: MergeReport = {
  sources: { added: 1, byGuid: 10, byHash: 0, byName: 0, textChanged: ['DRA_profundidad'], linked: 0 },
  codes: { added: 2, byGuid: 12, byName: 1, filled: 0, conflicts: [{ code: 'Vínculo', field: 'inclusion', ours: 'Confianza', theirs: 'Cercanía' }] },
  coders: { added: ['Beto'], matched: 1, sameName: [] },
  cases: { added: 0, matched: 10 },
  segments: { added: 14, alreadyHere: 50, moved: 3, unplaced: [{ source: 'DRA_profundidad', code: 'Registro', coder: 'Beto', text: 'No queda escrito' }] },
  memos: { added: 1, alreadyHere: 4, conflicts: ['Idea'] },
  values: { added: 0, conflicts: [{ case: 'DRA', attribute: 'Rol', ours: 'Directora', theirs: 'Director' }] },
  analyses: { added: 0 },
};

describe('the merge report, in the researcher’s language', () => {
  it('says what was added, matched and in conflict, in Spanish and Portuguese', () => {
    const es = describeMerge(report, createTranslator('es')).map((p) => p.text);
    expect(es).toContain('Segmentos codificados: 14 añadidos (3 ubicados en texto cambiado), 50 ya estaban.');
    expect(es.join(' ')).toContain('1 segmento codificado no se pudo ubicar');
    const pt = describeMerge(report, createTranslator('pt'));
    expect(pt.find((p) => p.text.startsWith('1 valor de caso difere'))?.items).toEqual(['DRA, Rol: nosso «Directora», deles «Director».']);
    expect(es.join(' ')).toContain('1 entrada del libro de códigos difiere');
    expect(describeMerge(report, createTranslator('es')).find((p) => p.text.startsWith('1 entrada'))?.items).toEqual([
      'Vínculo, Incluir cuando: nuestro «Confianza», suyo «Cercanía».',
    ]);
    expect(mergedNothing(report)).toBe(false);
  });

  it('knows when a merge changed nothing', () => {
    const nothing: MergeReport = {
      ...report,
      sources: { ...report.sources, added: 0, textChanged: [] },
      codes: { added: 0, byGuid: 12, byName: 0, filled: 0, conflicts: [] },
      coders: { added: [], matched: 2, sameName: [] },
      segments: { added: 0, alreadyHere: 64, moved: 0, unplaced: [] },
      memos: { added: 0, alreadyHere: 5, conflicts: [] },
      values: { added: 0, conflicts: [] },
    };
    expect(mergedNothing(nothing)).toBe(true);
  });
});
