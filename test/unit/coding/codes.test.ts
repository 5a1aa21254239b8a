import { describe, expect, it } from 'vitest';
import { codePath, flattenTree, moveCodeChanges, subtreeIds } from '../../../src/coding/codes';
import { moveBoundary } from '../../../src/coding/segments';
import { codeCounts } from '../../../src/coding/counts';
import { commitChanges, historyText, redo, step, undo, UNDO_DEPTH, undoState } from '../../../src/db/changes';
import { codeText, codeTextWithNewCode, createCode, deleteCode, editCode, mergeCodes, moveCode, uncode } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import { addImportedSources } from '../../../src/db/sources';
import { importSource } from '../../../src/import';
import type { Code } from '../../../src/model/types';
import { freshDatabase, utf8 } from '../helpers';

async function projectWithSource(text = 'E: ¿Qué cambió?\nARIII: Hay más cercanía con las familias.\nE: ¿Y?\nARIII: Más confianza.') {
  const db = freshDatabase();
  const project = await createProject(db, 'ViDA');
  const result = await importSource({ name: 'ARIII_phone.txt', bytes: utf8(text) });
  if (!result.ok) throw new Error(result.error.message);
  const outcome = await addImportedSources(db, project.id, result);
  if (outcome.status !== 'added') throw new Error('not added');
  return { db, projectId: project.id, sourceId: outcome.sources[0].id, text: result.sources[0].text };
}

const req = (projectId: string, sourceId: string, codeId: string, start: number, end: number) => ({ projectId, sourceId, codeId, start, end, coderId: 'coder-1' });

describe('the codebook tree', () => {
  it('creates themes and subthemes, and walks them in reading order with paths', async () => {
    const { db, projectId } = await projectWithSource();
    const relation = await createCode(db, projectId, 'Relationship component');
    const closeness = await createCode(db, projectId, 'Closeness', relation.id);
    await createCode(db, projectId, 'Trust', relation.id);
    await createCode(db, projectId, 'Challenges');
    await expect(createCode(db, projectId, 'closeness', relation.id)).rejects.toThrow('already a code');
    const codes = await db.codes.toArray();
    expect(flattenTree(codes).map((n) => `${'  '.repeat(n.depth)}${n.code.name}`)).toEqual(['Relationship component', '  Closeness', '  Trust', 'Challenges']);
    expect(codePath(codes, closeness.id)).toBe('Relationship component › Closeness');
  });

  it('creates one code when two windows create the same name at the same moment', async () => {
    const { db, projectId } = await projectWithSource();
    const outcomes = await Promise.allSettled([createCode(db, projectId, 'Vínculo'), createCode(db, projectId, 'vínculo')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.codes.count()).toBe(1);
  });

  it('merges and deletes against the codebook as it is, also when two windows act at once', async () => {
    const { db, projectId, sourceId } = await projectWithSource();
    const a = await createCode(db, projectId, 'A');
    const b = await createCode(db, projectId, 'B');
    await codeText(db, req(projectId, sourceId, a.id, 3, 14));
    // One window merges A into B while the other deletes A: whichever runs second finds A gone.
    await Promise.all([mergeCodes(db, projectId, a.id, b.id), deleteCode(db, projectId, a.id)]);
    expect((await db.codes.toArray()).map((c) => c.name)).toEqual(['B']);
    expect((await db.segments.toArray()).map((s) => s.codeId)).toEqual([b.id]);
  });

  it('moves a subcode under another theme and reorders, refusing to move a code under itself', async () => {
    const { db, projectId } = await projectWithSource();
    const a = await createCode(db, projectId, 'A');
    const a1 = await createCode(db, projectId, 'A1', a.id);
    const b = await createCode(db, projectId, 'B');
    await moveCode(db, projectId, a1.id, b.id, 0);
    await moveCode(db, projectId, b.id, null, 0);
    const codes = await db.codes.toArray();
    expect(flattenTree(codes).map((n) => n.code.name)).toEqual(['B', 'A1', 'A']);
    expect(() => moveCodeChanges(codes, b.id, a1.id, 0)).toThrow('under itself');
  });

  it('counts segments and sources per code, with and without subcodes', () => {
    const codes = [
      { id: 't', parentId: null },
      { id: 's', parentId: 't' },
    ] as Code[];
    const seg = (id: string, codeId: string, sourceId: string) => ({ id, codeId, sourceId }) as never;
    const counts = codeCounts(codes, [seg('1', 't', 'x'), seg('2', 's', 'x'), seg('3', 's', 'y')]);
    expect(counts.get('t')).toEqual({ segments: 1, sources: 1, segmentsWithSubcodes: 3, sourcesWithSubcodes: 2 });
    expect(counts.get('s')).toEqual({ segments: 2, sources: 2, segmentsWithSubcodes: 2, sourcesWithSubcodes: 2 });
    expect(subtreeIds(codes, 't')).toEqual(new Set(['t', 's']));
  });
});

describe('coding text, merging and deleting codes, with undo', () => {
  it('codes a phrase once: coding the same words again with the same code changes nothing', async () => {
    const { db, projectId, sourceId, text } = await projectWithSource();
    const code = await createCode(db, projectId, 'Cercanía');
    const start = text.indexOf('más cercanía');
    const first = await codeText(db, req(projectId, sourceId, code.id, start, start + 12));
    const again = await codeText(db, req(projectId, sourceId, code.id, start, start + 12));
    expect(again?.id).toBe(first?.id);
    expect(await db.segments.count()).toBe(1);
    expect(text.slice(first!.start, first!.end)).toBe('más cercanía');
  });

  it('lets a second coder code the same words with the same code: agreement needs both codings', async () => {
    const { db, projectId, sourceId, text } = await projectWithSource();
    const code = await createCode(db, projectId, 'Cercanía');
    const start = text.indexOf('más cercanía');
    const ana = await codeText(db, req(projectId, sourceId, code.id, start, start + 12));
    const beto = await codeText(db, { ...req(projectId, sourceId, code.id, start, start + 12), coderId: 'beto' });
    expect(beto?.id).not.toBe(ana?.id);
    expect((await db.segments.toArray()).map((s) => s.coderId).sort()).toEqual([ana!.coderId, 'beto'].sort());
  });

  it('merges two codes: segments move, duplicates collapse, subcodes move, the code goes', async () => {
    const { db, projectId, sourceId, text } = await projectWithSource();
    const trust = await createCode(db, projectId, 'Confianza');
    const trust2 = await createCode(db, projectId, 'Trust');
    const child = await createCode(db, projectId, 'Mutual trust', trust2.id);
    const s = text.indexOf('Más confianza');
    await codeText(db, req(projectId, sourceId, trust.id, s, s + 13));
    await codeText(db, req(projectId, sourceId, trust2.id, s, s + 13)); // same words: collapses
    await codeText(db, req(projectId, sourceId, trust2.id, 0, 15)); // moves
    await mergeCodes(db, projectId, trust2.id, trust.id);
    const segments = await db.segments.toArray();
    expect(segments.map((x) => x.codeId)).toEqual([trust.id, trust.id]);
    expect(segments).toHaveLength(2);
    expect((await db.codes.get(child.id))?.parentId).toBe(trust.id);
    expect(await db.codes.get(trust2.id)).toBeUndefined();
    await undo(db, projectId);
    expect(await db.segments.count()).toBe(3);
    expect((await db.codes.get(child.id))?.parentId).toBe(trust2.id);
  });

  it('deletes a code with its subcodes and segments as one step, and undo brings all back', async () => {
    const { db, projectId, sourceId } = await projectWithSource();
    const theme = await createCode(db, projectId, 'Tema');
    const sub = await createCode(db, projectId, 'Subtema', theme.id);
    await codeText(db, req(projectId, sourceId, sub.id, 0, 5));
    await codeText(db, req(projectId, sourceId, theme.id, 3, 9));
    await deleteCode(db, projectId, theme.id);
    expect(await db.codes.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
    expect(historyText((await undoState(db, projectId)).undo)).toBe('Delete code “Tema”');
    await undo(db, projectId);
    expect(await db.codes.count()).toBe(2);
    expect(await db.segments.count()).toBe(2);
    await redo(db, projectId);
    expect(await db.codes.count()).toBe(0);
  });

  it('undoes and redoes coding, renaming and recolouring step by step; a new action drops the redo steps', async () => {
    const { db, projectId, sourceId } = await projectWithSource();
    const { code, segment } = await codeTextWithNewCode(db, req(projectId, sourceId, '', 3, 15), 'Cambio');
    await editCode(db, code.id, { name: 'Cambio percibido' });
    await editCode(db, code.id, { color: '#000000' });
    expect(historyText(await undo(db, projectId))).toBe('Recolour “Cambio percibido”');
    expect(historyText(await undo(db, projectId))).toBe('Rename “Cambio”');
    expect((await db.codes.get(code.id))?.name).toBe('Cambio');
    expect(historyText(await redo(db, projectId))).toBe('Rename “Cambio”');
    await uncode(db, projectId, [segment.id]);
    expect(historyText(await redo(db, projectId))).toBeNull();
    expect(historyText(await undo(db, projectId))).toBe('Uncode segment');
    expect(await db.segments.count()).toBe(1);
    expect(historyText(await undo(db, projectId))).toBe('Rename “Cambio”');
    expect(historyText(await undo(db, projectId))).toBe('Code with new code “Cambio”');
    expect(await db.codes.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
    expect(historyText(await undo(db, projectId))).toBe('Import “ARIII_phone.txt”');
    expect(historyText(await undo(db, projectId))).toBeNull();
  });

  it('keeps the last 200 steps: the oldest go first, the newest can all be undone', async () => {
    const { db, projectId } = await projectWithSource();
    for (let i = 1; i <= UNDO_DEPTH + 5; i++) await createCode(db, projectId, `Code ${i}`);
    expect(await db.undoLog.where('projectId').equals(projectId).count()).toBe(UNDO_DEPTH);
    let undone = 0;
    while (await undo(db, projectId)) undone++;
    expect(undone).toBe(UNDO_DEPTH);
    // The import and the first five codes are beyond reach; the rest are gone again.
    expect((await db.codes.toArray()).map((c) => c.name).sort()).toEqual(['Code 1', 'Code 2', 'Code 3', 'Code 4', 'Code 5']);
  });

  it('an import after undo drops the redo steps, like any new action', async () => {
    const { db, projectId } = await projectWithSource();
    await createCode(db, projectId, 'Vínculo');
    await createCode(db, projectId, 'Confianza');
    await undo(db, projectId);
    await undo(db, projectId);
    const second = await importSource({ name: 'GF_report.txt', bytes: utf8('Informe: más visitas a las familias.') });
    if (!second.ok) throw new Error(second.error.message);
    await addImportedSources(db, projectId, second);
    expect(historyText(await redo(db, projectId))).toBeNull();
    expect(historyText(await undo(db, projectId))).toBe('Import “GF_report.txt”');
    expect(historyText(await undo(db, projectId))).toBe('Import “ARIII_phone.txt”');
    expect(historyText(await redo(db, projectId))).toBe('Import “ARIII_phone.txt”');
    expect(historyText(await redo(db, projectId))).toBe('Import “GF_report.txt”');
    expect(await db.codes.count()).toBe(0);
  });

  it('keeps each project’s undo history to itself', async () => {
    const { db, projectId } = await projectWithSource();
    const other = await createProject(db, 'Other');
    await createCode(db, projectId, 'Here');
    await commitChanges(db, other.id, step('history.adjustSegment'), []);
    expect(historyText(await undo(db, other.id))).toBeNull();
    expect(historyText(await undo(db, projectId))).toBe('New code “Here”');
  });
});

describe('adjusting a segment a word at a time', () => {
  const text = 'Hay más cercanía y confianza con las familias.';
  const seg = { start: text.indexOf('cercanía'), end: text.indexOf(' con las') };
  const show = (r: { start: number; end: number }) => text.slice(r.start, r.end);
  it('moves the start and the end by whole words and never empties the segment', () => {
    expect(show(seg)).toBe('cercanía y confianza');
    expect(show(moveBoundary(text, seg, 'start', -1))).toBe('más cercanía y confianza');
    expect(show(moveBoundary(text, seg, 'start', 1))).toBe('y confianza');
    expect(show(moveBoundary(text, seg, 'end', 1))).toBe('cercanía y confianza con');
    expect(show(moveBoundary(text, seg, 'end', -1))).toBe('cercanía y');
    const one = { start: 4, end: 7 };
    expect(show(moveBoundary(text, one, 'end', -1))).toBe('más');
    expect(show(moveBoundary(text, one, 'start', 1))).toBe('más');
  });
});
