import { describe, expect, it } from 'vitest';
import { groupByCode, retrieve, type RetrievalQuery } from '../../../src/coding/retrieval';
import type { Attribute, Case, Code, ProjectData, Segment, Source, SourceContent } from '../../../src/model/types';

// A tiny ViDA-like project, built by hand so every expected quote can be read off below.
const textA = 'E: ¿Qué cambió?\nARIII: Hay más cercanía y confianza con las familias.\nE: ¿Y los desafíos?\nARIII: El registro.';
const textB = 'Informe de visita.\nLa gestante percibe la ayuda y confía en la profesional.';
const para = (text: string) => {
  const out: { start: number; end: number }[] = [];
  let s = 0;
  for (const line of text.split('\n')) {
    out.push({ start: s, end: s + line.length });
    s += line.length + 1;
  }
  return out;
};
const role: Attribute = { id: 'role', projectId: 'p', name: 'Role', type: 'category', values: ['Professional', 'Director'], order: 0 };
const cases: Case[] = [
  { id: 'c1', projectId: 'p', name: 'ARIII', description: '', values: { role: 'Professional' } },
  { id: 'c2', projectId: 'p', name: 'DRI', description: '', values: { role: 'Director' } },
];
const sources: Source[] = [
  { id: 'a', projectId: 'p', name: 'ARIII_phone', kind: 'phone interview', caseIds: ['c1'] } as Source,
  { id: 'b', projectId: 'p', name: 'DRI_Rep1', kind: 'report', caseIds: ['c2'] } as Source,
];
const contents: SourceContent[] = [
  { sourceId: 'a', projectId: 'p', text: textA, paragraphs: para(textA), turns: [{ speaker: 'ARIII', start: 16, end: 70 }], annotations: [] },
  { sourceId: 'b', projectId: 'p', text: textB, paragraphs: para(textB), turns: [], annotations: [] },
];
const code = (id: string, name: string, parentId: string | null = null, order = 0): Code => ({
  id,
  projectId: 'p',
  parentId,
  name,
  color: '#000',
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  order,
});
const codes = [code('rel', 'Relationship', null, 0), code('close', 'Closeness', 'rel', 0), code('trust', 'Trust', 'rel', 1), code('chal', 'Challenges', null, 1)];
const at = (sourceId: string, text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, sourceId };
};
const seg = (id: string, codeId: string, where: { start: number; end: number; sourceId: string }): Segment => ({
  id,
  projectId: 'p',
  codeId,
  coderId: 'ana',
  createdAt: '',
  ...where,
});
const segments = [
  seg('s1', 'close', at('a', textA, 'más cercanía y confianza')), // 23..47
  seg('s2', 'trust', at('a', textA, 'confianza con las familias')),
  seg('s3', 'chal', at('a', textA, 'El registro')),
  seg('s4', 'trust', at('b', textB, 'confía en la profesional')),
];
const data = (pattern = '({case}, {paragraph})'): Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases' | 'codes' | 'segments'> => ({
  project: { citationPattern: pattern } as ProjectData['project'],
  sources,
  contents,
  cases,
  codes,
  segments,
});
const q = (query: Partial<RetrievalQuery>): RetrievalQuery => ({ codeIds: [], mode: 'or', includeSubcodes: false, ...query });

describe('retrieving coded segments', () => {
  it('brings back every quote of a code, with its citation and a little context', () => {
    const [first, second] = retrieve(data(), q({ codeIds: ['trust'] }));
    expect(first).toMatchObject({ text: 'confianza con las familias', citation: '(ARIII, 2)', speaker: 'ARIII', paragraph: 2, caseNames: ['ARIII'] });
    expect(first.before).toBe('ARIII: Hay más cercanía y ');
    expect(first.after).toBe('.');
    expect(second).toMatchObject({ text: 'confía en la profesional', citation: '(DRI, 2)' });
  });

  it('includes subcodes under a theme when asked', () => {
    expect(retrieve(data(), q({ codeIds: ['rel'] }))).toEqual([]);
    expect(retrieve(data(), q({ codeIds: ['rel'], includeSubcodes: true })).map((r) => r.text)).toEqual([
      'más cercanía y confianza',
      'confianza con las familias',
      'confía en la profesional',
    ]);
  });

  it('"and" gives the text coded with both codes; "not" the segments the other code does not touch', () => {
    expect(retrieve(data(), q({ codeIds: ['close', 'trust'], mode: 'and' })).map((r) => [r.text, r.codeIds])).toEqual([['confianza', ['close', 'trust']]]);
    expect(retrieve(data(), q({ codeIds: ['trust', 'close'], mode: 'not' })).map((r) => r.text)).toEqual(['confía en la profesional']);
    expect(retrieve(data(), q({ codeIds: ['close', 'chal'], mode: 'and' }))).toEqual([]);
  });

  it('filters by source kind and by case attribute (role = Director)', () => {
    expect(retrieve(data(), q({ codeIds: ['trust'], sourceKinds: ['report'] })).map((r) => r.sourceName)).toEqual(['DRI_Rep1']);
    expect(retrieve(data(), q({ codeIds: ['trust'], attributeFilters: [{ attributeId: role.id, values: ['Director'] }] })).map((r) => r.caseNames)).toEqual([['DRI']]);
  });

  it('brings back one coder’s quotes only when asked', () => {
    const team = data();
    team.segments = [...team.segments, { ...team.segments[1], id: 'other', coderId: 'beto' }];
    expect(retrieve(team, q({ codeIds: ['trust'], coderIds: ['beto'] })).map((r) => r.coderIds)).toEqual([['beto']]);
    expect(retrieve(team, q({ codeIds: ['trust'], coderIds: [] }))).toEqual(retrieve(team, q({ codeIds: ['trust'] })));
    expect(retrieve(team, q({ codeIds: ['trust'], coderIds: ['ana'] }))).toEqual(retrieve(data(), q({ codeIds: ['trust'] })));
  });

  it('cites reports by number with the project’s pattern', () => {
    const [, report] = retrieve(data('({case}, Rep {reportNumber})'), q({ codeIds: ['trust'] }));
    expect(report.citation).toBe('(DRI, Rep 1)');
    const [phone] = retrieve(data('({case}, Rep {reportNumber})'), q({ codeIds: ['trust'] }));
    expect(phone.citation).toBe('(ARIII)');
  });

  it('groups quotes under their codes in codebook order', () => {
    const groups = groupByCode(retrieve(data(), q({ codeIds: ['chal', 'trust', 'close'] })), codes);
    expect(groups.map((g) => [g.path, g.quotes.length])).toEqual([
      ['Relationship › Closeness', 1],
      ['Relationship › Trust', 2],
      ['Challenges', 1],
    ]);
  });
});
