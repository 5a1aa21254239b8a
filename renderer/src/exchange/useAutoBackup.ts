import { useEffect, useRef } from 'react';
import { liveQuery } from 'dexie';
import { loadProjectData } from '@core/db/snapshot';
import { backupDue } from '@core/exchange/backups';
import { writeProjectFile } from './exchange-jobs';
import { BEFORE_CLOSE } from '@core/ipc/contract';
import { bridge } from '../bridge';
import { db } from '../db';

/** The backup the window runs before it closes (the open project's), if a project is open. */
let backupBeforeClose: (() => Promise<void>) | null = null;

/** Answers the desktop app's "about to close": back up the open project, then let the window go. */
export function listenForClose(): () => void {
  return bridge.onMenuCommand((command) => {
    if (command !== BEFORE_CLOSE) return;
    void (backupBeforeClose?.() ?? Promise.resolve()).finally(() => void bridge.readyToClose());
  });
}

/**
 * The desktop app backs up the open project (.qdpx in the backups folder) every half hour
 * when something changed, when the project is closed and before the window closes.
 */
export function useAutoBackup(projectId: string, onError: (message: string) => void): void {
  const state = useRef({ lastChangeAt: null as string | null, lastBackupAt: null as string | null, running: false });
  useEffect(() => {
    if (bridge.platform !== 'electron') return;
    let live = true;
    // Followed outside React: a change is no reason to draw the window again.
    const changes = liveQuery(async () => (await db.undoLog.where('projectId').equals(projectId).last())?.at ?? null).subscribe({
      next: (at) => void (state.current.lastChangeAt = at),
    });
    void bridge.listBackups().then((all) => {
      const newest = all.find((b) => b.projectId === projectId);
      if (live && newest) state.current.lastBackupAt = newest.at;
    });
    const backup = async (closing: boolean) => {
      const s = state.current;
      if (s.running || !backupDue({ lastChangeAt: s.lastChangeAt, lastBackupAt: s.lastBackupAt, now: new Date(), closing })) return;
      s.running = true;
      try {
        const data = await loadProjectData(db, projectId);
        const entry = await bridge.backupProject({ projectId, projectName: data.project.name, bytes: await writeProjectFile(data) });
        if (entry) s.lastBackupAt = entry.at;
      } catch (e) {
        onError(e instanceof Error ? e.message : String(e));
      } finally {
        s.running = false;
      }
    };
    const timer = setInterval(() => void backup(false), 60_000);
    backupBeforeClose = () => backup(true);
    return () => {
      live = false;
      changes.unsubscribe();
      clearInterval(timer);
      backupBeforeClose = null;
      void backup(true);
    };
  }, [projectId, onError]);
}
