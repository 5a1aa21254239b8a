import { describe, expect, it } from 'vitest';
import { acceptVersionChanges } from '../../../src/coding/accept-version';
import { historyText, undo } from '../../../src/db/changes';
import { acceptVersion, codeText, createCode, createMemo, ensureCoder } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import type { Segment } from '../../../src/model/types';
import { freshDatabase } from '../helpers';

const seg = (id: string, coderId: string, start: number, end: number, codeId = 'X'): Segment => ({ id, projectId: 'p', sourceId: 's', codeId, start, end, coderId, createdAt: '' });
const request = { projectId: 'p', sourceId: 's', codeId: 'X', fromCoderId: 'Ana', toCoderIds: ['Beto'] };

describe('accepting one coder’s version of a disagreement', () => {
  it('gives the other coder the accepted coding inside the stretch and keeps theirs outside it', () => {
    // Ana coded 10–30; Beto coded 0–20 and 40–50. Accept Ana's version over 20–30.
    const segments = [seg('a', 'Ana', 10, 30), seg('b1', 'Beto', 0, 20), seg('b2', 'Beto', 40, 50)];
    const changes = acceptVersionChanges(segments, [], { ...request, start: 20, end: 30 });
    expect(changes.filter((c) => c.before).map((c) => c.key)).toEqual(['b1']);
    expect(changes.flatMap((c) => (c.after && c.table === 'segments' ? [[c.after.start, c.after.end, c.after.coderId]] : []))).toEqual([[0, 30, 'Beto']]);
  });

  it('removes the other coder’s coding where the accepted coder coded nothing, and moves its memo to the source', () => {
    const segments = [seg('b', 'Beto', 5, 15)];
    const memo = { id: 'm', projectId: 'p', title: '', body: 'por qué', type: 'memo' as const, date: '', links: { segmentId: 'b' }, createdAt: '', updatedAt: '' };
    const changes = acceptVersionChanges(segments, [memo], { ...request, start: 5, end: 15 });
    expect(changes.map((c) => [c.table, c.key, !!c.after])).toEqual([
      ['segments', 'b', false],
      ['memos', 'm', true],
    ]);
    const after = changes[1].after as typeof memo;
    expect(after.links).toEqual({ sourceId: 's' });
  });

  it('changes nothing when the coders already agree there', () => {
    expect(acceptVersionChanges([seg('a', 'Ana', 0, 10), seg('b', 'Beto', 0, 10)], [], { ...request, start: 0, end: 10 })).toEqual([]);
  });

  it('is one undo step in the project, named for the coder and the code', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Equipo');
    const code = await createCode(db, project.id, 'Vínculo');
    const ana = await ensureCoder(db, project.id, 'Ana');
    const beto = await ensureCoder(db, project.id, 'Beto');
    await db.sourceContents.add({ sourceId: 's', projectId: project.id, text: 'x'.repeat(60), paragraphs: [{ start: 0, end: 60 }], turns: [], annotations: [] });
    await codeText(db, { projectId: project.id, sourceId: 's', codeId: code.id, start: 0, end: 20, coderId: ana.id });
    const theirs = await codeText(db, { projectId: project.id, sourceId: 's', codeId: code.id, start: 30, end: 40, coderId: beto.id });
    await createMemo(db, project.id, { title: 'Nota', body: 'dudoso', type: 'memo', date: '2026-12-02', links: { segmentId: theirs!.id } });
    await acceptVersion(db, { projectId: project.id, sourceId: 's', codeId: code.id, start: 0, end: 40, fromCoderId: ana.id, toCoderIds: [beto.id] });
    const betos = await db.segments.where('coderId').equals(beto.id).toArray();
    expect(betos.map((s) => [s.start, s.end])).toEqual([[0, 20]]);
    // Beto's segment lay outside Ana's coding: its memo stays with the source.
    expect((await db.memos.toArray())[0].links).toEqual({ sourceId: 's' });
    expect(historyText(await undo(db, project.id))).toBe('Accept Ana’s coding of Vínculo');
    expect((await db.segments.where('coderId').equals(beto.id).toArray()).map((s) => [s.start, s.end])).toEqual([[30, 40]]);
    expect((await db.memos.toArray())[0].links.segmentId).toBe(theirs!.id);
  });
});
