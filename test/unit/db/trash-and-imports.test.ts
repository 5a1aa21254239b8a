import { describe, expect, it } from 'vitest';
import { dismissImportRecord, finishImportRecord, interruptedImports, interruptedSummary, noteImportProgress, startImportRecord } from '../../../src/db/import-records';
import { createProject, emptyExpiredTrash, listProjects, moveProjectToTrash, purgeDate, restoreProject } from '../../../src/db/projects';
import { isStorageFull, importWillNotFit } from '../../../src/util/storage';
import { freshDatabase } from '../helpers';

describe('the trash', () => {
  it('keeps a deleted project for 30 days, restorable with everything in it, then deletes it for good', async () => {
    const db = freshDatabase();
    const kept = await createProject(db, 'ViDA');
    const gone = await createProject(db, 'Borrador');
    await moveProjectToTrash(db, gone.id, '2026-11-01T10:00:00.000Z');
    expect((await listProjects(db)).map((p) => p.name)).toEqual(['ViDA']);
    expect((await listProjects(db, 'trash')).map((p) => p.name)).toEqual(['Borrador']);
    expect(purgeDate('2026-11-01T10:00:00.000Z')).toBe('2026-12-01T10:00:00.000Z');
    expect(await emptyExpiredTrash(db, '2026-11-30T10:00:00.000Z')).toBe(0);
    await restoreProject(db, gone.id);
    expect((await listProjects(db)).map((p) => p.name).sort()).toEqual(['Borrador', 'ViDA']);
    await moveProjectToTrash(db, gone.id, '2026-11-01T10:00:00.000Z');
    expect(await emptyExpiredTrash(db, '2026-12-01T10:00:01.000Z')).toBe(1);
    expect(await db.projects.get(gone.id)).toBeUndefined();
    expect(await db.projects.get(kept.id)).toBeDefined();
  });
});

describe('an import cut short by a reload or a crash', () => {
  it('is seen when the project opens again: how many files were stored, and which were not reached', async () => {
    const db = freshDatabase();
    const p = await createProject(db, 'ViDA');
    const files = Array.from({ length: 300 }, (_, i) => `P${i + 1}.txt`);
    const record = await startImportRecord(db, p.id, files, 'window-1', 'page-1');
    await noteImportProgress(
      db,
      record.id,
      127,
      Array.from({ length: 127 }, (_, i) => i),
    );
    // The page reloads: same window, another page load.
    const [cut] = await interruptedImports(db, p.id, 'page-2', () => true, 'window-1');
    const summary = interruptedSummary(cut);
    expect([summary.stored, summary.total, summary.missing.length, summary.missing[0]]).toEqual([127, 300, 173, 'P128.txt']);
    await dismissImportRecord(db, cut.id);
    expect(await interruptedImports(db, p.id, 'page-2', () => true, 'window-1')).toEqual([]);
  });

  it('is not taken for cut short while its window is still importing, or once it finished', async () => {
    const db = freshDatabase();
    const p = await createProject(db, 'ViDA');
    await startImportRecord(db, p.id, ['a.txt'], 'other-window', 'other-page');
    const done = await startImportRecord(db, p.id, ['b.txt'], 'window-1', 'page-1');
    await finishImportRecord(db, done.id, 'finished', 1, [0]);
    expect(await interruptedImports(db, p.id, 'page-2', (w) => w === 'other-window', 'window-1')).toEqual([]);
    // The other window closes mid-import: now it was cut short.
    expect((await interruptedImports(db, p.id, 'page-2', () => false, 'window-1')).map((r) => r.files)).toEqual([['a.txt']]);
  });
});

describe('a full disk', () => {
  it('is told apart from a damaged file, however the store wraps it', () => {
    expect(isStorageFull({ name: 'QuotaExceededError', message: 'The quota has been exceeded.' })).toBe(true);
    expect(isStorageFull({ name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isStorageFull(new Error('damaged Word file'))).toBe(false);
  });

  it('warns before an import that will not fit in what is free', () => {
    expect(importWillNotFit(300 * 1024 ** 2, { usage: 900 * 1024 ** 2, quota: 1024 ** 3 })).toEqual({ need: 450 * 1024 ** 2, free: 124 * 1024 ** 2 });
    expect(importWillNotFit(10 * 1024 ** 2, { usage: 0, quota: 1024 ** 3 })).toBeNull();
    expect(importWillNotFit(10 * 1024 ** 2, undefined)).toBeNull();
  });
});
