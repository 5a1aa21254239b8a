import { describe, expect, it } from 'vitest';
import type { QdaDatabase } from '../../../src/db/database';
import { historyText, onCommittedChanges, redo, setHistoryWindow, undo, undoState } from '../../../src/db/changes';
import { codeText, createCode, createMemo, editCode } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import { createAnalysis } from '../../../src/db/analyses';
import { addImportedSources } from '../../../src/db/sources';
import { readTypedField, saveTypedField } from '../../../src/db/typed-fields';
import { importSource } from '../../../src/import';
import { ResearcherError } from '../../../src/model/errors';
import { freshDatabase, utf8 } from '../helpers';

const MARK = '— both kept —';

async function project() {
  const db = freshDatabase();
  const p = await createProject(db, 'ViDA');
  const memo = await createMemo(db, p.id, { title: 'Visitas', body: '', type: 'memo', date: '2026-12-01', links: {} });
  return { db, projectId: p.id, memo };
}

/** Two windows on one project: each records and undoes as itself. */
function windows(db: QdaDatabase, open = new Set(['A', 'B'])) {
  return {
    as(id: string) {
      setHistoryWindow(db, { id, isOpen: (w) => open.has(w) });
    },
    close(id: string) {
      open.delete(id);
    },
  };
}

describe('typing saved as it happens', () => {
  it('stores a memo as it is typed, and one sitting of saves is one undo step', async () => {
    const { db, projectId, memo } = await project();
    const field = { kind: 'memo', id: memo.id, field: 'body' } as const;
    let base = '';
    for (const typed of ['La', 'La madre', 'La madre confía más.']) {
      const out = await saveTypedField(db, field, typed, base, 'sitting-1', MARK);
      if (out.status !== 'saved') throw new Error('gone');
      base = out.stored;
    }
    expect(await readTypedField(db, field)).toBe('La madre confía más.');
    expect(historyText((await undoState(db, projectId)).undo)).toBe('Edit memo “Visitas”');
    await undo(db, projectId);
    expect(await readTypedField(db, field)).toBe('');
    // The step before it is the memo's creation, not an earlier keystroke.
    expect(historyText((await undoState(db, projectId)).undo)).toBe('New memo “Visitas”');
    await redo(db, projectId);
    expect(await readTypedField(db, field)).toBe('La madre confía más.');
  });

  it('makes a second sitting in the same field a step of its own', async () => {
    const { db, projectId, memo } = await project();
    const field = { kind: 'memo', id: memo.id, field: 'body' } as const;
    await saveTypedField(db, field, 'Primera', '', 'sitting-1', MARK);
    await saveTypedField(db, field, 'Primera. Segunda', 'Primera', 'sitting-2', MARK);
    await undo(db, projectId);
    expect(await readTypedField(db, field)).toBe('Primera');
  });

  it('keeps both texts when another window saved the same memo meanwhile, and says so', async () => {
    const { db, memo } = await project();
    const field = { kind: 'memo', id: memo.id, field: 'body' } as const;
    await saveTypedField(db, field, 'Visita difícil.', '', 'window-b', MARK);
    const out = await saveTypedField(db, field, 'La madre confía.', '', 'window-a', MARK);
    expect(out).toEqual({ status: 'saved', stored: `Visita difícil.\n\n${MARK}\nLa madre confía.`, conflict: true });
  });

  it('saves a code’s description, a segment memo, a cell summary and an analysis name the same way', async () => {
    const { db, projectId } = await project();
    const code = await createCode(db, projectId, 'Confianza');
    const description = { kind: 'code', id: code.id, field: 'description' } as const;
    await saveTypedField(db, description, 'Cuando la familia', '', 's1', MARK);
    expect(await readTypedField(db, description)).toBe('Cuando la familia');
    const imported = await importSource({ name: 'ARIII.txt', bytes: utf8('E: ¿Qué cambió?\nARIII: Más confianza.') });
    if (!imported.ok) throw new Error('import');
    const added = await addImportedSources(db, projectId, imported);
    if (added.status !== 'added') throw new Error('add');
    const segment = await codeText(db, { projectId, sourceId: added.sources[0].id, codeId: code.id, start: 0, end: 5, coderId: 'c' });
    const segmentMemo = { kind: 'segmentMemo', segmentId: segment!.id } as const;
    await saveTypedField(db, segmentMemo, 'Pregunta abierta', '', 's2', MARK);
    expect(await readTypedField(db, segmentMemo)).toBe('Pregunta abierta');
  });

  it('saves the citation pattern and an analysis’s own stop words as typed, one undo step each sitting', async () => {
    const { db, projectId } = await project();
    const pattern = { kind: 'citationPattern', projectId } as const;
    await saveTypedField(db, pattern, '({case}, p', '({case}, {paragraph})', 's1', MARK);
    await saveTypedField(db, pattern, '({case}, párr. {paragraph})', '({case}, p', 's1', MARK);
    expect(await readTypedField(db, pattern)).toBe('({case}, párr. {paragraph})');
    expect(historyText((await undoState(db, projectId)).undo)).toBe('Change the citation pattern');
    await undo(db, projectId);
    expect(await readTypedField(db, pattern)).toBe('({case}, {paragraph})');

    const analysis = await createAnalysis(db, projectId, 'Palabras', { type: 'words', options: { scope: 'project' } } as never);
    const stopWords = { kind: 'stopWords', analysisId: analysis.id } as const;
    await saveTypedField(db, stopWords, 'entrevistadora, mmm,', '', 's2', MARK);
    expect(await readTypedField(db, stopWords)).toBe('entrevistadora, mmm');
  });

  it('says a field is gone when its memo was deleted meanwhile', async () => {
    const { db, memo } = await project();
    await db.memos.delete(memo.id);
    expect(await saveTypedField(db, { kind: 'memo', id: memo.id, field: 'body' }, 'texto', '', 's', MARK)).toEqual({ status: 'gone' });
  });
});

describe('two windows on one project', () => {
  it('gives each window its own undo: Undo in one never takes back the other’s step', async () => {
    const { db, projectId } = await project();
    const w = windows(db);
    w.as('A');
    const trust = await createCode(db, projectId, 'Trust');
    w.as('B');
    await createCode(db, projectId, 'Distance');
    w.as('A');
    expect(historyText((await undoState(db, projectId)).undo)).toBe('New code “Trust”');
    await undo(db, projectId);
    expect((await db.codes.toArray()).map((c) => c.name)).toEqual(['Distance']);
    expect(await db.codes.get(trust.id)).toBeUndefined();
    w.as('B');
    expect(historyText((await undoState(db, projectId)).undo)).toBe('New code “Distance”');
    // A's redo step is A's: a new action in B does not drop it.
    await createCode(db, projectId, 'Closeness');
    w.as('A');
    expect(historyText((await undoState(db, projectId)).redo)).toBe('New code “Trust”');
    await redo(db, projectId);
    expect(await db.codes.get(trust.id)).toBeDefined();
  });

  it('refuses to undo a step whose data another window changed since, naming both steps', async () => {
    const { db, projectId } = await project();
    const w = windows(db);
    w.as('A');
    const code = await createCode(db, projectId, 'Trust');
    await editCode(db, code.id, { description: 'A wrote this' });
    w.as('B');
    await editCode(db, code.id, { color: '#aa0000' });
    w.as('A');
    const refusal = await undo(db, projectId).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ResearcherError);
    expect((refusal as ResearcherError).message).toBe(
      'Cannot undo “Edit “Trust””: another window has changed the same data since (“Recolour “Trust””). Undo that first, in the window where it was done.',
    );
    expect((await db.codes.get(code.id))!.description).toBe('A wrote this');
  });

  it('lets a window take over the steps of a window that has been closed', async () => {
    const { db, projectId } = await project();
    const w = windows(db);
    w.as('B');
    await createCode(db, projectId, 'Distance');
    w.close('B');
    w.as('A');
    expect(historyText(await undo(db, projectId))).toBe('New code “Distance”');
  });
});

describe('the listeners of a store', () => {
  it('hear the changes committed in their own store, never another store’s', async () => {
    const one = await project();
    const other = await project();
    const heard: string[] = [];
    const stop = onCommittedChanges(one.db, (_, changes) => heard.push(...changes.map((c) => c.table)));
    await createCode(other.db, other.projectId, 'Confianza');
    await createCode(one.db, one.projectId, 'Vínculo');
    expect(heard).toEqual(['codes']);
    stop();
    await createCode(one.db, one.projectId, 'Cercanía');
    expect(heard).toEqual(['codes']);
  });
});
