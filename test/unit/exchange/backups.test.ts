import { describe, expect, it } from 'vitest';
import { backupDue, backupFileName, backupsToPrune, backupTime, copyReminderDue } from '../../../src/exchange/backups';

describe('automatic backups', () => {
  it('names a backup by its project and time, and reads the time back', () => {
    const name = backupFileName('Visitas: "Los Aromos"', new Date('2026-12-01T14:30:05Z'));
    expect(name).toBe('Visitas Los Aromos 2026-12-01 14-30-05.qdpx');
    expect(backupTime(name)).toBe('2026-12-01T14:30:05.000Z');
    expect(backupTime('notas.txt')).toBeNull();
  });

  it('keeps the ten newest backups of a project and prunes the rest, leaving other files alone', () => {
    const names = Array.from({ length: 13 }, (_, i) => backupFileName('P', new Date(Date.UTC(2026, 0, 1 + i))));
    const pruned = backupsToPrune([...names, 'léame.txt']);
    expect(pruned).toEqual(names.slice(0, 3).reverse());
  });

  it('backs up when something changed since the last backup and half an hour has passed, or at once when the project closes', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(backupDue({ lastChangeAt: null, lastBackupAt: null, now })).toBe(false);
    expect(backupDue({ lastChangeAt: '2026-12-01T11:59:00.000Z', lastBackupAt: null, now })).toBe(true);
    expect(backupDue({ lastChangeAt: '2026-12-01T11:59:00.000Z', lastBackupAt: '2026-12-01T11:40:00.000Z', now })).toBe(false);
    expect(backupDue({ lastChangeAt: '2026-12-01T11:59:00.000Z', lastBackupAt: '2026-12-01T11:40:00.000Z', now, closing: true })).toBe(true);
    expect(backupDue({ lastChangeAt: '2026-12-01T11:59:00.000Z', lastBackupAt: '2026-12-01T11:29:00.000Z', now })).toBe(true);
    expect(backupDue({ lastChangeAt: '2026-12-01T11:20:00.000Z', lastBackupAt: '2026-12-01T11:29:00.000Z', now, closing: true })).toBe(false);
  });

  it('reminds a browser user to download a copy when changes not in any copy are more than a week old', () => {
    const now = new Date('2026-12-10T12:00:00Z');
    expect(copyReminderDue({ firstChangeSinceCopyAt: null, now })).toBe(false);
    expect(copyReminderDue({ firstChangeSinceCopyAt: '2026-12-05T12:00:00.000Z', now })).toBe(false);
    expect(copyReminderDue({ firstChangeSinceCopyAt: '2026-12-03T11:00:00.000Z', now })).toBe(true);
  });
});
