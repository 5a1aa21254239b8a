import { deliverChanges, onLocalChanges, setHistoryWindow, type Change } from '@core/db/changes';
import { db } from '../db';
import { newId } from '@core/util/id';

const ID_KEY = 'qda.window';
const LOCK_PREFIX = 'qda-window:';
const CHANNEL = 'qda-changes';

/**
 * This window (a browser tab or a desktop window): an id kept across reloads of the same
 * tab, held as a Web Lock while the window lives, so other windows know it is open. Its
 * id names the undo steps and drafts it writes.
 */
export const windowId = claimId();
/** This page load: an import left running by an earlier load of this window was cut short. */
export const pageId = newId();
const open = new Set<string>([windowId]);
let known = false;

function claimId(): string {
  const kept = sessionStorage.getItem(ID_KEY);
  const id = kept ?? newId();
  sessionStorage.setItem(ID_KEY, id);
  return id;
}

/**
 * Holds this window's lock for as long as the page lives. After a reload the page before
 * may still hold it for a moment while it unloads: wait for it. A lock still held after a
 * few seconds belongs to another open tab with the same id (a duplicated tab copies
 * sessionStorage): this tab takes an id of its own.
 */
async function holdLock(): Promise<void> {
  const locks = navigator.locks;
  if (!locks) return;
  const giveUp = new AbortController();
  const timer = setTimeout(() => giveUp.abort(), 3000);
  try {
    await new Promise<void>((held, refused) => {
      locks
        .request(LOCK_PREFIX + windowId, { signal: giveUp.signal }, () => {
          clearTimeout(timer);
          held();
          return new Promise<void>(() => undefined);
        })
        .catch(refused);
    });
  } catch {
    sessionStorage.setItem(ID_KEY, newId());
    location.reload();
  }
}

/** Reads which windows are open now (each holds its lock). */
export async function refreshOpenWindows(): Promise<void> {
  const locks = navigator.locks;
  if (!locks) return;
  const { held = [] } = await locks.query();
  open.clear();
  open.add(windowId);
  for (const l of held) if (l.name?.startsWith(LOCK_PREFIX)) open.add(l.name.slice(LOCK_PREFIX.length));
  known = true;
}

/** Until the open windows are known, every other window counts as open: nothing of theirs is taken over. */
export function isWindowOpen(id: string): boolean {
  return !known || open.has(id);
}

/**
 * Starts this window's part in the project's shared life: its own undo history, and the
 * changes it commits told to the other windows (whose views of segments and counts update
 * from them), and theirs to it.
 */
export function startWindow(): void {
  void holdLock().then(refreshOpenWindows);
  void refreshOpenWindows();
  setHistoryWindow(db, { id: windowId, isOpen: isWindowOpen });
  window.addEventListener('focus', () => void refreshOpenWindows());
  setInterval(() => void refreshOpenWindows(), 5000);
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  onLocalChanges(db, (projectId, changes) => {
    // A transcript's text is not needed by the other windows' views, and can be large.
    const sent = changes.filter((c) => c.table !== 'sourceContents');
    if (sent.length) channel.postMessage({ projectId, changes: sent });
  });
  channel.onmessage = (e: MessageEvent<{ projectId: string; changes: Change[] }>) => {
    if (e.data && typeof e.data.projectId === 'string' && Array.isArray(e.data.changes)) deliverChanges(db, e.data.projectId, e.data.changes);
  };
}
