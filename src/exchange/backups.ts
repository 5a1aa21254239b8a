import { exportFileName } from '../export/file-name';

/** How often an open project with changes is backed up, how many backups are kept, when a browser copy is due. */
export const BACKUP_EVERY_MS = 30 * 60_000;
export const BACKUPS_KEPT = 10;
export const COPY_REMINDER_AFTER_MS = 7 * 24 * 60 * 60_000;

/** One automatic backup of a project, as the backups folder lists it. */
export interface BackupEntry {
  /** What the app knows the file by: "<projectId>/<file name>". */
  id: string;
  projectId: string;
  projectName: string;
  /** ISO time the backup was written. */
  at: string;
  size: number;
}

const stamp = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');

/** "Visitas domiciliarias 2026-12-01 14-30-00.qdpx": the project's name and when, sortable, safe on every system. */
export function backupFileName(projectName: string, at: Date): string {
  return exportFileName(`${projectName.slice(0, 60)} ${stamp(at)}`, 'qdpx');
}

/** The time a backup file's name carries, or null when the name is not one of ours. */
export function backupTime(fileName: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2}) (\d{2})-(\d{2})-(\d{2})\.qdpx$/.exec(fileName);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z` : null;
}

/** Which backups of a project to delete so that the newest `keep` remain. */
export function backupsToPrune(fileNames: string[], keep = BACKUPS_KEPT): string[] {
  const ours = fileNames.filter((n) => backupTime(n) !== null).sort((a, b) => backupTime(b)!.localeCompare(backupTime(a)!));
  return ours.slice(keep);
}

/** Whether an open project is due a backup: something changed since the last one, and the interval has passed (or the project is closing). */
export function backupDue(state: { lastChangeAt: string | null; lastBackupAt: string | null; now: Date; closing?: boolean }): boolean {
  if (!state.lastChangeAt) return false;
  if (state.lastBackupAt && state.lastChangeAt <= state.lastBackupAt) return false;
  if (state.closing || !state.lastBackupAt) return true;
  return state.now.getTime() - Date.parse(state.lastBackupAt) >= BACKUP_EVERY_MS;
}

/**
 * In the browser, where nothing is written to disk: whether to remind the researcher to
 * download a copy, because changes not in any saved copy are older than a week.
 */
export function copyReminderDue(state: { firstChangeSinceCopyAt: string | null; now: Date }): boolean {
  return state.firstChangeSinceCopyAt !== null && state.now.getTime() - Date.parse(state.firstChangeSinceCopyAt) >= COPY_REMINDER_AFTER_MS;
}
