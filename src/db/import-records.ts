import type { ImportRecord } from '../model/types';
import { newId, nowIso } from '../util/id';
import type { QdaDatabase } from './database';

/** Starts the record of an import, before its first file is read. */
export async function startImportRecord(db: QdaDatabase, projectId: string, files: string[], window: string, page: string): Promise<ImportRecord> {
  const record: ImportRecord = { id: newId(), projectId, startedAt: nowIso(), files, stored: 0, settled: [], status: 'running', window, page };
  await db.imports.add(record);
  return record;
}

/** Writes how far an import has got (stored files, and which files reached an end). */
export async function noteImportProgress(db: QdaDatabase, id: string, stored: number, settled: number[]): Promise<void> {
  await db.imports.update(id, { stored, settled: [...settled] });
}

export async function finishImportRecord(db: QdaDatabase, id: string, status: 'finished' | 'cancelled', stored: number, settled: number[]): Promise<void> {
  await db.imports.update(id, { status, stored, settled: [...settled] });
}

/**
 * Imports of a project that were cut short: records still "running" that were started by
 * a page load that is gone (this window before a reload, or a window no longer open).
 * They are marked interrupted, and returned with those marked before and not yet dismissed.
 */
export async function interruptedImports(db: QdaDatabase, projectId: string, page: string, isWindowOpen: (window: string) => boolean, thisWindow: string): Promise<ImportRecord[]> {
  return db.transaction('rw', db.imports, async () => {
    const records = await db.imports.where('projectId').equals(projectId).toArray();
    const cut = records.filter((r) => r.status === 'running' && r.page !== page && (r.window === thisWindow || !isWindowOpen(r.window)));
    for (const r of cut) await db.imports.update(r.id, { status: 'interrupted' });
    return records
      .map((r) => (cut.includes(r) ? { ...r, status: 'interrupted' as const } : r))
      .filter((r) => r.status === 'interrupted' && !r.dismissed)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  });
}

export async function dismissImportRecord(db: QdaDatabase, id: string): Promise<void> {
  await db.imports.update(id, { dismissed: true });
}

/** What an interrupted import came to: how many files were stored, and the files it never finished. */
export function interruptedSummary(record: ImportRecord): { stored: number; total: number; missing: string[] } {
  const settled = new Set(record.settled);
  return { stored: record.stored, total: record.files.length, missing: record.files.filter((_, i) => !settled.has(i)) };
}
