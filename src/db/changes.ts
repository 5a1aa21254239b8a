import Dexie from 'dexie';
import type { QdaDatabase } from './database';
import type { UndoEntry } from './database';
import { CHANGE_TABLES, reversed, since, type Change } from '../model/change';
import { translate, type Locale, type MessageKey } from '../i18n';
import { ResearcherError } from '../model/errors';

export type { Change } from '../model/change';

export type ChangeListener = (projectId: string, changes: Change[]) => void;

/**
 * Called after every committed action, undo and redo with the rows it changed, so views
 * that keep large sets in memory (a transcript's 5,000 segments, the codebook's counts)
 * update what changed instead of reading everything again. Changes committed in another
 * window of the same project arrive here too (see deliverChanges). Listeners belong to
 * the database: two stores open in one page never hear each other.
 */
export function onCommittedChanges(db: QdaDatabase, listener: ChangeListener): () => void {
  db.changeListeners.committed.add(listener);
  return () => void db.changeListeners.committed.delete(listener);
}

/** Hears only this window's own commits: what a window passes on to the others. */
export function onLocalChanges(db: QdaDatabase, listener: ChangeListener): () => void {
  db.changeListeners.local.add(listener);
  return () => void db.changeListeners.local.delete(listener);
}

/** Changes committed elsewhere (another window of the project), told to this window's views. */
export function deliverChanges(db: QdaDatabase, projectId: string, changes: Change[]): void {
  for (const listener of db.changeListeners.committed) listener(projectId, changes);
}

function notify(db: QdaDatabase, projectId: string, changes: Change[]) {
  deliverChanges(db, projectId, changes);
  for (const listener of db.changeListeners.local) listener(projectId, changes);
}

/**
 * The window that records and undoes steps. Each window undoes its own steps (and those
 * of windows closed since, and steps recorded before windows had ids): Undo in one window
 * never takes back what the researcher just did in another.
 */
export interface HistoryWindow {
  id: string;
  isOpen(windowId: string): boolean;
}

export function setHistoryWindow(db: QdaDatabase, window: HistoryWindow | undefined): void {
  db.historyWindow = window;
}

const isMine = (db: QdaDatabase) => (e: UndoEntry) => {
  const own = db.historyWindow;
  return !own || !e.window || e.window === own.id || !own.isOpen(e.window);
};

/**
 * How a step is named in the Edit menu and the Undo button: a message and its values, so
 * it reads in the researcher's language (see historyText).
 */
export interface StepLabel {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export function step(key: MessageKey, params?: Record<string, string | number>): StepLabel {
  return params ? { key, params } : { key };
}

/** A step's name in a language (English by default). */
export function historyText(label: StepLabel, locale?: Locale): string;
export function historyText(label: StepLabel | null | undefined, locale?: Locale): string | null;
export function historyText(label: StepLabel | null | undefined, locale: Locale = 'en'): string | null {
  if (label === null || label === undefined) return null;
  return translate(locale, label.key, label.params);
}

const inverse = (changes: Change[]): Change[] => [...changes].reverse().map(reversed);

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
export async function commitChanges(db: QdaDatabase, projectId: string, label: StepLabel, changes: Change[], options: { session?: string } = {}): Promise<void> {
  if (changes.length === 0) return;
  await db.transaction('rw', [db.undoLog, ...tablesOf(db, changes)], async () => {
    // Listeners hear of the change once it is really stored, also when this runs inside
    // a caller's transaction (which commits after this function returns).
    Dexie.currentTransaction.idbtrans.addEventListener('complete', () => notify(db, projectId, changes));
    // The rows and the history step are independent writes: send them together.
    await Promise.all([apply(db, changes, 'forward'), readUndoTail(db, projectId).then((tail) => writeUndoSteps(db, projectId, tail, [{ label, changes, ...options }]))]);
  });
}

/** What the undo log of a project holds now: every step's key (oldest first), this window's undone ones, the newest. */
export interface UndoTail {
  keys: number[];
  undone: number[];
  newest?: UndoEntry;
  /** The newest step this window can extend (an edit session or a batch goes on in it). */
  newestOwn?: UndoEntry;
}

/** One step to record; steps of the same batch recorded one after another become one step. */
export interface UndoStep {
  label: StepLabel;
  changes: Change[];
  /** A researcher's action stored in several transactions (a folder import): one step in the history. */
  batch?: string;
  /**
   * One sitting of typing in a field (a memo, a code's description): saved as typed, one
   * step however many saves it took. Saves of the same session extend its step while it
   * is this window's newest.
   */
  session?: string;
}

/**
 * Reads what recording a step needs to know, in one round trip: imports read it together
 * with everything else they need.
 */
export async function readUndoTail(db: QdaDatabase, projectId: string): Promise<UndoTail> {
  const [keys, { undone, lastDone, newest }] = await Promise.all([db.undoLog.where('projectId').equals(projectId).primaryKeys() as Promise<number[]>, newestSteps(db, projectId)]);
  return { keys, undone: undone.map((e) => e.seq!), newest, newestOwn: undone.length ? undefined : lastDone };
}

/**
 * Records steps whose changes the caller writes in the same transaction (which must
 * include the undo log): drops the redo branch and the steps beyond UNDO_DEPTH. Writes
 * only, so the caller can send them together with its own. A step of the batch the newest
 * step belongs to is added to that step. Resolves to the key of the newest step.
 */
export async function writeUndoSteps(db: QdaDatabase, projectId: string, tail: UndoTail, steps: UndoStep[]): Promise<number> {
  const slim = (changes: Change[]) => changes.map((c) => (c.lazy ? { ...c, after: undefined } : c));
  const own = tail.newestOwn;
  if (steps.length === 1 && own && own.seq === tail.newest?.seq) {
    const [next] = steps;
    if (next.batch && own.batch === next.batch) return db.undoLog.put({ ...own, changes: [...own.changes, ...slim(next.changes)] });
    if (next.session && own.session === next.session) return db.undoLog.put({ ...own, changes: mergeSessionChanges(own.changes, slim(next.changes)) });
  }
  const undone = new Set(tail.undone);
  const kept = tail.keys.filter((k) => !undone.has(k));
  const recorded = steps.slice(-UNDO_DEPTH);
  const excess = Math.max(0, kept.length + recorded.length - UNDO_DEPTH);
  const dropped = [...tail.undone, ...kept.slice(0, excess)];
  const at = new Date().toISOString();
  const window = db.historyWindow?.id;
  const [, newestKey] = await Promise.all([
    dropped.length ? db.undoLog.bulkDelete(dropped) : undefined,
    db.undoLog.bulkAdd(
      recorded.map(({ label, changes, batch, session }) => ({
        projectId,
        label,
        at,
        changes: slim(changes),
        undone: false,
        ...(batch ? { batch } : {}),
        ...(session ? { session } : {}),
        ...(window ? { window } : {}),
      })),
    ),
  ]);
  return newestKey;
}

/** A session's step after one more save: each row keeps its state before the session and takes its newest. */
function mergeSessionChanges(earlier: Change[], later: Change[]): Change[] {
  const merged = new Map(earlier.map((c) => [`${c.table}\u0000${c.key}`, c]));
  for (const c of later) {
    const id = `${c.table}\u0000${c.key}`;
    const first = merged.get(id);
    merged.set(id, first ? since(c, first) : c);
  }
  return [...merged.values()];
}

/**
 * This window's steps waiting to be redone (newest first) and its last step that can be
 * undone, with the steps of other windows recorded since (`later`). A window's undone
 * steps are always its newest ones, so only the end of the log is read: the log can hold
 * whole imported transcripts, and every action consults it.
 */
async function newestSteps(db: QdaDatabase, projectId: string): Promise<{ undone: UndoEntry[]; lastDone?: UndoEntry; newest?: UndoEntry; later: UndoEntry[] }> {
  const tail = await db.undoLog
    .where('projectId')
    .equals(projectId)
    .reverse()
    .until((e) => isMine(db)(e) && !e.undone, true)
    .toArray();
  const mine = tail.filter(isMine(db));
  const later = tail.filter((e) => !isMine(db)(e));
  const last = mine[mine.length - 1];
  return last && !last.undone ? { undone: mine.slice(0, -1), lastDone: last, newest: tail[0], later } : { undone: mine, newest: tail[0], later };
}

/** What Undo and Redo would do now, for the Edit menu's labels. */
export async function undoState(db: QdaDatabase, projectId: string): Promise<{ undo?: StepLabel; redo?: StepLabel }> {
  const { undone, lastDone } = await newestSteps(db, projectId);
  return { undo: lastDone?.label, redo: undone.at(-1)?.label };
}

/** Undoes the last step; returns its label, or null when there is nothing to undo. */
export async function undo(db: QdaDatabase, projectId: string): Promise<StepLabel | null> {
  return undoOrRedo(db, projectId, 'undo');
}

/** Redoes the last undone step; returns its label, or null when there is nothing to redo. */
export async function redo(db: QdaDatabase, projectId: string): Promise<StepLabel | null> {
  return undoOrRedo(db, projectId, 'redo');
}

async function undoOrRedo(db: QdaDatabase, projectId: string, what: 'undo' | 'redo'): Promise<StepLabel | null> {
  const allTables = Object.keys(CHANGE_TABLES).map((t) => db.table(t));
  const done = await db.transaction('rw', [db.undoLog, ...allTables], async () => {
    const { undone, lastDone, later } = await newestSteps(db, projectId);
    const entry = what === 'undo' ? lastDone : undone.at(-1);
    if (!entry) return null;
    const changes = entry.changes as Change[];
    const clash = clashingStep(changes, later, entry.seq!);
    if (clash) {
      throw new ResearcherError(what === 'undo' ? 'history.undoClash' : 'history.redoClash', { label: entry.label, other: clash.label });
    }
    if (what === 'undo' && changes.some((c) => c.lazy)) {
      // Keep now, for redo, the rows the history did not copy when the step was recorded.
      for (const c of changes) if (c.lazy) Object.assign(c, { after: await db.table(c.table).get(c.key), lazy: false });
    }
    await apply(db, changes, what === 'undo' ? 'back' : 'forward');
    await db.undoLog.update(entry.seq!, { undone: what === 'undo', changes });
    return entry;
  });
  if (!done) return null;
  notify(db, projectId, what === 'undo' ? inverse(done.changes) : done.changes);
  return done.label;
}

/**
 * A step another window recorded after this one that touched the same rows and is still
 * in force: undoing or redoing ours would overwrite what was done there.
 */
function clashingStep(changes: Change[], later: UndoEntry[], seq: number): UndoEntry | undefined {
  const others = later.filter((e) => !e.undone && e.seq! > seq);
  if (others.length === 0) return undefined;
  const rows = new Set(changes.map((c) => `${c.table}\u0000${c.key}`));
  return others.find((e) => e.changes.some((c) => rows.has(`${c.table}\u0000${c.key}`)));
}
