import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlphaNominal, percentAgreement, type Unit } from '../../../src/analysis/agreement';
import { agreementScope, agreementTable, disagreementsOf, POOLED_ROW, type AgreementOptions } from '../../../src/analysis/agreement-table';
import { judgedUnits } from '../../../src/analysis/agreement-units';
import { cellText } from '../../../src/model/table';
import { createTranslator } from '../../../src/i18n';
import { aCode, aSource } from '../factories';
import type { Code, Coder, ProjectData, Segment, Source, SourceContent } from '../../../src/model/types';

const code = (id: string, parentId: string | null = null): Code => aCode(id, id, parentId);
const coder = (id: string): Coder => ({ id, projectId: 'p', name: id, color: '#000' });
let n = 0;
const seg = (coderId: string, codeId: string, start: number, end: number, sourceId = 's1'): Segment => ({
  id: `g${n++}`,
  projectId: 'p',
  sourceId,
  codeId,
  start,
  end,
  coderId,
  createdAt: '',
});
const source = (id: string): Source => aSource(id);

function paragraphs(sourceId: string, parts: string[]): SourceContent {
  let at = 0;
  const ranges = parts.map((p) => {
    const r = { start: at, end: at + p.length };
    at += p.length + 1;
    return r;
  });
  return { sourceId, projectId: 'p', text: parts.join('\n'), paragraphs: ranges, turns: [], annotations: [] };
}

function project(
  contents: SourceContent[],
  segments: Segment[],
  codes = [code('X'), code('Y')],
  coders = [coder('Ana'), coder('Beto')],
): Pick<ProjectData, 'codes' | 'coders' | 'sources' | 'contents' | 'segments'> {
  return { codes, coders, sources: contents.map((c) => source(c.sourceId)), contents, segments };
}

const options = (patch: Partial<AgreementOptions> = {}): AgreementOptions => ({
  coderIds: ['Ana', 'Beto'],
  codeIds: [],
  sourceIds: [],
  level: 'paragraph',
  overlap: 0.9,
  uncoded: false,
  ...patch,
});
const column = (table: ReturnType<typeof agreementTable>, row: string, key: string) =>
  cellText(table.rows.find((r) => r.key === row)!.cells[table.columns.findIndex((c) => c.key === key)]);

describe('intercoder agreement from the coders’ segments', () => {
  // Four paragraphs; Ana codes X on 1 and 2, Beto on 1 and 3; nobody codes paragraph 4.
  const text = paragraphs('s1', ['Primer párrafo.', 'Segundo párrafo.', 'Tercer párrafo.', 'Cuarto párrafo.']);
  const p = text.paragraphs;
  const data = project(
    [text],
    [seg('Ana', 'X', p[0].start, p[0].end), seg('Ana', 'X', p[1].start + 2, p[1].start + 5), seg('Beto', 'X', p[0].start, p[0].end), seg('Beto', 'X', p[2].start, p[2].end)],
  );

  it('at paragraph level, without uncoded paragraphs: 1 of 3 agree, Cohen’s κ −0.50 (by hand: pₒ 1/3, pₑ 5/9)', () => {
    const table = agreementTable(data, options());
    expect(column(table, 'X', 'agreement')).toBe('33.3%');
    expect(column(table, 'X', 'kappa')).toBe('-0.50');
    expect(column(table, 'X', 'coder:Ana')).toBe('2');
    expect(column(table, 'X', 'disagreements')).toBe('2');
    expect(table.note).toContain('Unit: paragraph (3 paragraphs; sources compared: 1)');
    expect(table.note).toContain('do not count');
  });

  it('with uncoded paragraphs the fourth counts as agreement that X does not apply: 2 of 4, κ 0.00', () => {
    const table = agreementTable(data, options({ uncoded: true }));
    expect(column(table, 'X', 'agreement')).toBe('50.0%');
    expect(column(table, 'X', 'kappa')).toBe('0.00');
    expect(table.note).toContain('4 paragraphs');
    expect(table.note).toContain('count (as agreement');
  });

  it('at character level: Ana 0–6, Beto 2–8 of ten characters gives κ −1/3 without uncoded text and 1/6 with it', () => {
    const ten = paragraphs('s1', ['abcdefghij']);
    const chars = project([ten], [seg('Ana', 'X', 0, 6), seg('Beto', 'X', 2, 8)]);
    expect(column(agreementTable(chars, options({ level: 'character' })), 'X', 'kappa')).toBe('-0.33');
    expect(column(agreementTable(chars, options({ level: 'character', uncoded: true })), 'X', 'kappa')).toBe('0.17');
    const scope = agreementScope(chars, options({ level: 'character' }));
    expect(disagreementsOf(scope, 'X').map((d) => [d.start, d.end, d.coded])).toEqual([
      [0, 2, [true, false]],
      [6, 8, [false, true]],
    ]);
  });

  it('character units weigh their length: the coefficients equal those of one unit per character, on random coding by three coders', () => {
    let seed = 7;
    const random = (k: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % k;
    const long = paragraphs('s1', ['x'.repeat(400)]);
    const coders = [coder('A'), coder('B'), coder('C')];
    const segments = Array.from({ length: 60 }, () => {
      const start = random(380);
      return seg(['A', 'B', 'C'][random(3)], ['X', 'Y'][random(2)], start, start + 1 + random(60));
    });
    const scope = agreementScope(project([long], segments, [code('X'), code('Y')], coders), { ...options({ level: 'character', uncoded: true }), coderIds: ['A', 'B', 'C'] });
    for (const c of ['X', 'Y']) {
      const perCharacter: Unit[] = Array.from({ length: 400 }, (_, i) =>
        ['A', 'B', 'C'].map((who) => segments.some((s) => s.coderId === who && s.codeId === c && s.start <= i && i < Math.min(s.end, 400))),
      );
      const weighted = scope.units.map((u) => u.codes.map((set) => set.has(c)));
      const weights = scope.units.map((u) => u.weight);
      expect(weights.reduce((a, b) => a + b, 0)).toBe(400);
      expect(percentAgreement(weighted, weights)).toBeCloseTo(percentAgreement(perCharacter)!, 10);
      expect(cohenKappa(weighted, 0, 2, weights)).toBeCloseTo(cohenKappa(perCharacter, 0, 2)!, 10);
      expect(krippendorffAlphaNominal(weighted, weights)).toBeCloseTo(krippendorffAlphaNominal(perCharacter)!, 10);
    }
  });

  it('at segment level, segments sharing 90% of their extent are one unit; at 50% the looser pair matches too', () => {
    const long = paragraphs('s1', ['x'.repeat(600)]);
    const segs = [seg('Ana', 'X', 0, 100), seg('Beto', 'X', 5, 100), seg('Ana', 'X', 200, 300), seg('Beto', 'X', 250, 300), seg('Ana', 'Y', 400, 500), seg('Beto', 'X', 400, 500)];
    const data = project([long], segs);
    const at90 = agreementScope(data, options({ level: 'segment' }));
    expect(at90.units.map((u) => [u.start, u.end])).toEqual([
      [0, 100],
      [200, 300],
      [250, 300],
      [400, 500],
    ]);
    const table = agreementTable(data, options({ level: 'segment' }));
    // X: agree on the first unit, differ on the other three.
    expect(column(table, 'X', 'agreement')).toBe('25.0%');
    expect(table.note).toContain('at least 90% of their joint extent');
    const at50 = agreementScope(data, options({ level: 'segment', overlap: 0.5 }));
    expect(at50.units).toHaveLength(3);
  });

  it('cu-α compares which of a theme’s codes each coder applied where both coded within it (by hand: α 0.00), and the pooled row adds every code’s decisions', () => {
    const long = paragraphs('s1', ['x'.repeat(600)]);
    const codes = [code('T'), code('X', 'T'), code('Y', 'T')];
    const data = project([long], [seg('Ana', 'X', 0, 100), seg('Beto', 'X', 0, 100), seg('Ana', 'Y', 400, 500), seg('Beto', 'X', 400, 500)], codes);
    const table = agreementTable(data, { ...options({ level: 'segment' }), codeIds: ['T', 'X', 'Y'] });
    expect(table.rows.map((r) => r.key)).toEqual(['T', 'X', 'Y', POOLED_ROW]);
    expect(column(table, 'T', 'cuAlpha')).toBe('0.00');
    // The theme's row counts coding with any of its codes: both coders coded both passages within it.
    expect(column(table, 'T', 'agreement')).toBe('100.0%');
    // Chosen by default: the codes applied and the theme above them.
    expect(agreementScope(data, options({ level: 'segment' })).codes.map(({ code }) => code.id)).toEqual(['T', 'X', 'Y']);
    expect(column(table, 'X', 'cuAlpha')).toBe('');
    // Pooled: T (0,0)×2, X (1,1) and (0,1), Y (0,0) and (1,0): 4 of 6 agree.
    expect(column(table, POOLED_ROW, 'agreement')).toBe('66.7%');
    expect(disagreementsOf(agreementScope(data, { ...options({ level: 'segment' }), codeIds: ['T', 'X', 'Y'] }), POOLED_ROW).map((d) => d.codeId)).toEqual(['X', 'Y']);
  });

  it('compares only sources every coder coded, unless sources are chosen; says so when there are none or only one coder', () => {
    const a = paragraphs('s1', ['uno']);
    const b = paragraphs('s2', ['dos']);
    const data = project([a, b], [seg('Ana', 'X', 0, 3, 's1'), seg('Beto', 'X', 0, 3, 's1'), seg('Ana', 'X', 0, 3, 's2')]);
    expect(agreementScope(data, options()).sourceIds).toEqual(['s1']);
    expect(agreementScope(data, options({ sourceIds: ['s1', 's2'] })).sourceIds).toEqual(['s1', 's2']);
    const nothing = project([a], [seg('Ana', 'X', 0, 3, 's1')]);
    expect(agreementTable(nothing, options()).note).toBe('No source was coded by every chosen coder: choose the sources to compare.');
    expect(agreementTable(data, options({ coderIds: ['Ana'] })).rows).toEqual([]);
    const many = Array.from({ length: 31 }, (_, i) => coder(`c${i}`));
    const crowd = agreementTable({ ...data, coders: many }, options({ coderIds: many.map((c) => c.id) }));
    expect(crowd.rows).toEqual([]);
    expect(crowd.note).toBe('Agreement compares at most 30 coders at once: choose fewer.');
  });

  it('speaks Spanish and Portuguese in its headings and note', () => {
    const es = agreementTable(data, options(), createTranslator('es'));
    expect(es.columns.map((c) => c.label)).toContain('κ de Cohen');
    expect(es.note).toContain('Unidad: párrafo (3 párrafos');
    const pt = agreementTable(data, options(), createTranslator('pt'));
    expect(pt.title).toBe('Concordância entre codificadores');
    expect(pt.note).toContain('parágrafos');
  });

  it('counts a segment reaching outside its text (a damaged file’s) only over the text it covers', () => {
    const ten = paragraphs('s1', ['abcdefghij']);
    const units = judgedUnits(project([ten], [seg('Ana', 'X', -5, 4), seg('Beto', 'X', 6, 40)]), {
      coderIds: ['Ana', 'Beto'],
      codeIds: new Set(['X']),
      sourceIds: ['s1'],
      level: 'character',
      overlap: 0.9,
      uncoded: true,
    });
    expect(units.reduce((n, u) => n + u.weight, 0)).toBe(10);
    expect(units.every((u) => u.start >= 0 && u.end <= 10)).toBe(true);
  });

  it('at source level, compares whether each coder applied a code anywhere in each source', () => {
    const a = paragraphs('s1', ['uno dos']);
    const b = paragraphs('s2', ['tres cuatro']);
    const c = paragraphs('s3', ['cinco']);
    const data = project([a, b, c], [seg('Ana', 'X', 0, 3, 's1'), seg('Beto', 'X', 4, 7, 's1'), seg('Ana', 'X', 0, 4, 's2'), seg('Beto', 'Y', 0, 5, 's3')]);
    const table = agreementTable(data, options({ level: 'source', sourceIds: ['s1', 's2', 's3'] }));
    // X: s1 both, s2 Ana only, s3 neither (but coded with Y, so it counts): 2 of 3.
    expect(column(table, 'X', 'agreement')).toBe('66.7%');
    expect(table.note).toContain('Unit: source, whether each coder applied a code anywhere in it (3 sources).');
  });

  it('judges sentences within paragraphs', () => {
    const two = paragraphs('s1', ['Una frase. Otra frase.']);
    const units = judgedUnits(project([two], [seg('Ana', 'X', 0, 4)]), {
      coderIds: ['Ana', 'Beto'],
      codeIds: new Set(['X']),
      sourceIds: ['s1'],
      level: 'sentence',
      overlap: 0.9,
      uncoded: true,
    });
    expect(units.map((u) => two.text.slice(u.start, u.end))).toEqual(['Una frase.', 'Otra frase.']);
    expect(units.map((u) => u.codes[0].size)).toEqual([1, 0]);
  });
});
