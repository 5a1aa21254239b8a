import type { QdaDatabase } from './database';
import type { UndoEntry } from './database';
import { CHANGE_TABLES, type Change } from '../model/change';

export type { Change } from '../model/change';

/** How many steps back the researcher can go in a project. */
export const UNDO_DEPTH = 200;

function tablesOf(db: QdaDatabase, changes: Change[]) {
  return [...new Set(changes.map((c) => c.table))].map((t) => db.table(t));
}

async function apply(db: QdaDatabase, changes: Change[], direction: 'forward' | 'back') {
  const ordered = direction === 'forward' ? changes : [...changes].reverse();
  for (const c of ordered) {
    const row = direction === 'forward' ? c.after : c.before;
    if (row === undefined) await db.table(c.table).delete(c.key);
    else await db.table(c.table).put(row);
  }
}

/**
 * Applies a researcher's action as one transaction and one undo step. Redo steps are
 * dropped: a new action starts a new branch of history.
 */
export async function commitChanges(db: QdaDatabase, projectId: string, label: string, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  await db.transaction('rw', [db.undoLog, ...tablesOf(db, changes)], async () => {
    await apply(db, changes, 'forward');
    await recordUndoSteps(db, projectId, [{ label, changes }]);
  });
}

/**
 * Records steps whose changes the caller has already written, inside the caller's
 * transaction (which must include the undo log): imports write in bulk, then record.
 */
export async function recordUndoSteps(db: QdaDatabase, projectId: string, steps: { label: string; changes: Change[] }[]): Promise<void> {
  const log = await db.undoLog.where('projectId').equals(projectId).toArray();
  const undone = log.filter((e) => e.undone).map((e) => e.seq!);
  if (undone.length) await db.undoLog.bulkDelete(undone);
  const kept = log.filter((e) => !e.undone);
  const excess = kept.length + steps.length - UNDO_DEPTH;
  if (excess > 0) await db.undoLog.bulkDelete(kept.slice(0, excess).map((e) => e.seq!));
  const at = new Date().toISOString();
  await db.undoLog.bulkAdd(steps.slice(-UNDO_DEPTH).map(({ label, changes }) => ({ projectId, label, at, changes, undone: false })));
}

/** What Undo and Redo would do now, for the Edit menu's labels. */
export async function undoState(db: QdaDatabase, projectId: string): Promise<{ undo?: string; redo?: string }> {
  const log = await db.undoLog.where('projectId').equals(projectId).toArray();
  const done = log.filter((e) => !e.undone);
  const undone = log.filter((e) => e.undone);
  return { undo: done.at(-1)?.label, redo: undone[0]?.label };
}

/** Undoes the last step; returns its label, or null when there is nothing to undo. */
export async function undo(db: QdaDatabase, projectId: string): Promise<string | null> {
  return step(db, projectId, 'undo');
}

/** Redoes the last undone step; returns its label, or null when there is nothing to redo. */
export async function redo(db: QdaDatabase, projectId: string): Promise<string | null> {
  return step(db, projectId, 'redo');
}

async function step(db: QdaDatabase, projectId: string, what: 'undo' | 'redo'): Promise<string | null> {
  const allTables = Object.keys(CHANGE_TABLES).map((t) => db.table(t));
  return db.transaction('rw', [db.undoLog, ...allTables], async () => {
    const log: UndoEntry[] = await db.undoLog.where('projectId').equals(projectId).toArray();
    const entry = what === 'undo' ? log.filter((e) => !e.undone).at(-1) : log.find((e) => e.undone);
    if (!entry) return null;
    await apply(db, entry.changes as Change[], what === 'undo' ? 'back' : 'forward');
    await db.undoLog.update(entry.seq!, { undone: what === 'undo' });
    return entry.label;
  });
}
