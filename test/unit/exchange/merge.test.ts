import { describe, expect, it } from 'vitest';
import { mergeChanges, proposeMerge } from '../../../src/exchange/merge';
import type { Change } from '../../../src/model/change';
import type { Code, ProjectData, Segment, Source } from '../../../src/model/types';
import { aCode, aSource } from '../factories';

const text = 'E: ¿Qué cambió?\nDRA: Lo más visible es un canbio de actitud.\nE: ¿Y el registro?\nDRA: No queda escrito en ninguna parte.';
const source = (id: string, name: string, sha256 = id): Source => aSource(id, { name, originalFileName: name, sha256, language: 'es', words: 20, caseIds: ['k1'] });
const code = (id: string, name: string, parentId: string | null = null): Code => aCode(id, name, parentId);
const seg = (id: string, sourceId: string, codeId: string, coderId: string, phrase: string, within = text): Segment => {
  const start = within.indexOf(phrase);
  return { id, projectId: 'p', sourceId, codeId, coderId, start, end: start + phrase.length, createdAt: '' };
};

function ours(): ProjectData {
  return {
    project: { id: 'p', name: 'Equipo', createdAt: '', openedAt: '', sourceKinds: [], citationPattern: '', dataVersion: 4 },
    sources: [source('s1', 'DRA_entrevista')],
    contents: [{ sourceId: 's1', projectId: 'p', text, paragraphs: [], turns: [], annotations: [] }],
    cases: [{ id: 'k1', projectId: 'p', name: 'DRA', description: '', values: { role: 'Director' } }],
    attributes: [
      { id: 'role', projectId: 'p', name: 'Role', type: 'text', values: [], order: 0 },
      { id: 'training', projectId: 'p', name: 'Training', type: 'text', values: [], order: 1 },
    ],
    codes: [code('c1', 'Cambio de actitud'), code('c2', 'Registro')],
    segments: [seg('g1', 's1', 'c1', 'ana', 'un canbio de actitud')],
    memos: [{ id: 'm1', projectId: 'p', title: 'Idea', body: 'El cambio es visible.', type: 'memo', date: '', links: { codeId: 'c1' }, createdAt: '', updatedAt: '' }],
    coders: [{ id: 'ana', projectId: 'p', name: 'Ana', color: '#111' }],
    analyses: [],
  };
}

/** Their copy: ours as exported, then coded by Beto on their machine. */
function theirs(): ProjectData {
  const data = structuredClone(ours());
  data.project.id = 'their-project';
  data.coders.push({ id: 'beto', projectId: 'p', name: 'Beto', color: '#222' });
  data.codes.push(code('c3', 'Confianza'));
  data.segments.push(seg('g2', 's1', 'c2', 'beto', 'No queda escrito'), seg('g3', 's1', 'c3', 'beto', 'Lo más visible'));
  data.cases[0].values = { role: 'Directora', training: 'Sí' };
  data.memos[0].body = 'El cambio es visible; Beto lo ve en los controles.';
  data.memos.push({ id: 'm2', projectId: 'p', title: 'Registro', body: 'Nadie escribe.', type: 'memo', date: '', links: { segmentId: 'g2' }, createdAt: '', updatedAt: '' });
  return data;
}

/** Our project after the changes: what the store would hold. */
function apply(data: ProjectData, changes: Change[]): ProjectData {
  const next = structuredClone(data);
  for (const c of changes) {
    const table = c.table === 'sourceContents' ? 'contents' : c.table;
    if (table === 'projects') continue;
    const rows = next[table] as { id?: string; sourceId?: string }[];
    const keyOf = (r: { id?: string; sourceId?: string }) => (c.table === 'sourceContents' ? r.sourceId : r.id);
    const at = rows.findIndex((r) => keyOf(r) === c.key);
    if (c.after === undefined) rows.splice(at, 1);
    else if (at >= 0) rows[at] = c.after as never;
    else rows.push(c.after as never);
  }
  return next;
}

const none = { sources: new Set<string>(), codes: new Set<string>() };

describe('merging a colleague’s copy of the project', () => {
  it('adds their coder, their code and their coding, and keeps ours', () => {
    const { changes, report } = mergeChanges(ours(), theirs(), none);
    const merged = apply(ours(), changes);
    expect(merged.coders.map((c) => c.name)).toEqual(['Ana', 'Beto']);
    expect(merged.codes.map((c) => c.name)).toEqual(['Cambio de actitud', 'Registro', 'Confianza']);
    expect(merged.segments.map((s) => [s.coderId, text.slice(s.start, s.end)])).toEqual([
      ['ana', 'un canbio de actitud'],
      ['beto', 'No queda escrito'],
      ['beto', 'Lo más visible'],
    ]);
    expect(report.sources).toMatchObject({ byGuid: 1, added: 0 });
    expect(report.segments).toMatchObject({ added: 2, alreadyHere: 1 });
    expect(report.coders.added).toEqual(['Beto']);
  });

  it('lists a case value both copies hold differently, keeps both in a memo, and takes a value only they have', () => {
    const { changes, report } = mergeChanges(ours(), theirs(), none, { fileName: 'Equipo-Beto.qdpx' });
    const merged = apply(ours(), changes);
    expect(merged.cases[0].values).toEqual({ role: 'Director', training: 'Sí' });
    expect(report.values.conflicts).toEqual([{ case: 'DRA', attribute: 'Role', ours: 'Director', theirs: 'Directora' }]);
    const memo = merged.memos.find((m) => m.title === 'To resolve after merging Equipo-Beto.qdpx')!;
    expect(memo.body).toContain('DRA, Role: ours “Director”, theirs “Directora”.');
  });

  it('keeps their version of a memo we both changed beside ours, and links their new memo to their segment here', () => {
    const { changes, report } = mergeChanges(ours(), theirs(), none);
    const merged = apply(ours(), changes);
    expect(merged.memos.find((m) => m.id === 'm1')!.body).toBe('El cambio es visible.');
    expect(merged.memos.find((m) => m.title === 'Idea (their version)')!.body).toBe('El cambio es visible; Beto lo ve en los controles.');
    expect(merged.memos.find((m) => m.title === 'Registro')!.links).toEqual({ segmentId: 'g2' });
    expect(report.memos.conflicts).toEqual(['Idea']);
  });

  it('changes nothing when the same copy is merged twice', () => {
    const once = apply(ours(), mergeChanges(ours(), theirs(), none, { fileName: 'x.qdpx' }).changes);
    const again = mergeChanges(once, theirs(), none, { fileName: 'x.qdpx' });
    expect(again.changes).toEqual([]);
    expect(again.report.segments).toMatchObject({ added: 0, alreadyHere: 3 });
  });

  it('keeps two coders apart who share a name on two machines', () => {
    const copy = theirs();
    copy.coders.find((c) => c.id === 'beto')!.name = 'Ana';
    const { changes, report } = mergeChanges(ours(), copy, none);
    expect(apply(ours(), changes).coders.map((c) => [c.id, c.name])).toEqual([
      ['ana', 'Ana'],
      ['beto', 'Ana'],
    ]);
    expect(report.coders.sameName).toEqual(['Ana']);
    // Their Ana had our Ana's colour on her own machine: here she gets another, so their stripes differ.
    copy.coders.find((c) => c.id === 'beto')!.color = '#111';
    const recoloured = apply(ours(), mergeChanges(ours(), copy, none).changes).coders;
    expect(recoloured[1].color).not.toBe(recoloured[0].color);
  });

  it('matches a source by its content when the ids differ, and by name only when the researcher confirms', () => {
    const copy = theirs();
    copy.sources[0].id = 'other-id';
    copy.contents[0].sourceId = 'other-id';
    for (const s of copy.segments) s.sourceId = 'other-id';
    const byContent = mergeChanges(ours(), copy, none);
    expect(byContent.report.sources).toMatchObject({ byHash: 1, added: 0 });
    // Another tool read it from another file: the hash differs, the text is the same.
    copy.sources[0].sha256 = 'read by another tool';
    expect(mergeChanges(ours(), copy, none).report.sources).toMatchObject({ byHash: 1, added: 0 });
    copy.contents[0].text = `${text} Añadido.`;
    expect(proposeMerge(ours(), copy).sources.map((m) => [m.theirs.id, m.ours.id])).toEqual([['other-id', 's1']]);
    // Nothing of theirs is ours but a name: perhaps the copy of another project, and the researcher is told.
    expect(proposeMerge(ours(), copy).unrelated).toBe(true);
    expect(proposeMerge(ours(), theirs()).unrelated).toBe(false);
    expect(mergeChanges(ours(), copy, none).report.sources).toMatchObject({ added: 1 });
    expect(mergeChanges(ours(), copy, { sources: new Set(['other-id']), codes: new Set() }).report.sources).toMatchObject({ byName: 1, added: 0 });
  });

  it('matches a code by name under the same parent only when confirmed', () => {
    const copy = theirs();
    copy.codes.find((c) => c.id === 'c2')!.id = 'c2-elsewhere';
    for (const s of copy.segments) if (s.codeId === 'c2') s.codeId = 'c2-elsewhere';
    expect(proposeMerge(ours(), copy).codes.map((m) => m.ours.name)).toEqual(['Registro']);
    const confirmed = mergeChanges(ours(), copy, { sources: new Set(), codes: new Set(['c2-elsewhere']) });
    expect(apply(ours(), confirmed.changes).codes.map((c) => c.name)).toEqual(['Cambio de actitud', 'Registro', 'Confianza']);
    expect(mergeChanges(ours(), copy, none).report.codes.added).toBe(2);
  });

  it('places their coding on our text where someone fixed a typo, and lists what cannot be placed, never dropping it', () => {
    // We fixed "canbio" and removed the last question and answer; they coded on the old text.
    const fixed = text.replace('canbio', 'cambio').replace('\nE: ¿Y el registro?\nDRA: No queda escrito en ninguna parte.', '');
    const mine = ours();
    mine.contents[0].text = fixed;
    mine.segments = [];
    const { changes, report } = mergeChanges(mine, theirs(), none, { fileName: 'copia.qdpx' });
    const merged = apply(mine, changes);
    const coded = merged.segments.map((s) => fixed.slice(s.start, s.end));
    expect(coded).toContain('un cambio de actitud');
    expect(coded).toContain('Lo más visible');
    expect(report.segments.unplaced).toEqual([{ source: 'DRA_entrevista', code: 'Registro', coder: 'Beto', text: 'No queda escrito' }]);
    expect(report.sources.textChanged).toEqual(['DRA_entrevista']);
    expect(merged.memos.find((m) => m.title.startsWith('To resolve'))!.body).toContain('Not placed on our text of DRA_entrevista (Registro, Beto): “No queda escrito”');
  });

  it('takes a codebook entry only they wrote, lists one written differently, and links a source to the case they linked it to', () => {
    const mine = ours();
    mine.codes[0].inclusion = 'Cuando habla del trato.';
    mine.sources[0].caseIds = [];
    const copy = theirs();
    copy.codes[0].inclusion = 'Cuando habla de la relación.';
    copy.codes[1].description = 'Lo que se escribe de la visita.';
    copy.codes[1].name = 'Registro escrito';
    const { changes, report } = mergeChanges(mine, copy, none, { fileName: 'c.qdpx' });
    const merged = apply(mine, changes);
    expect(merged.codes[0].inclusion).toBe('Cuando habla del trato.');
    expect(merged.codes[1].description).toBe('Lo que se escribe de la visita.');
    expect(report.codes.conflicts).toEqual([
      { code: 'Cambio de actitud', field: 'inclusion', ours: 'Cuando habla del trato.', theirs: 'Cuando habla de la relación.' },
      { code: 'Registro', field: 'name', ours: 'Registro', theirs: 'Registro escrito' },
    ]);
    expect(merged.codes[1].name).toBe('Registro');
    expect(merged.memos.find((m) => m.title.startsWith('To resolve'))!.body).toContain(
      'Cambio de actitud, Include when: ours “Cuando habla del trato.”, theirs “Cuando habla de la relación.”.',
    );
    expect(merged.sources[0].caseIds).toEqual(['k1']);
    expect(report.sources.linked).toBe(1);
  });

  it('gives a row a new id when another project in the store holds its id', () => {
    const { changes } = mergeChanges(ours(), theirs(), none, { takenIds: new Set(['beto', 'g2']) });
    const merged = apply(ours(), changes);
    const beto = merged.coders.find((c) => c.name === 'Beto')!;
    expect(beto.id).not.toBe('beto');
    expect(merged.segments.every((s) => s.coderId !== 'beto')).toBe(true);
    expect(merged.segments.some((s) => s.id === 'g2')).toBe(false);
  });
});
