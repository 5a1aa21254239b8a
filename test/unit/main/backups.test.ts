import { describe, expect, it } from 'vitest';
import { backupsFolder, type BackupFs } from '../../../main/backups';
import { createHandlers, type HandlerDeps } from '../../../main/handlers';
import { createTranslator } from '../../../src/i18n';
import { utf8 } from '../helpers';

/** A file system in memory: folders are the prefixes of the files' paths. */
function memoryFs(failWrites = false) {
  const files = new Map<string, Uint8Array>();
  const fs: BackupFs = {
    mkdir: async () => undefined,
    readdir: async (dir) => {
      const names = [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]);
      if (names.length === 0) throw new Error('ENOENT');
      return [...new Set(names)];
    },
    writeFile: async (p, b) => {
      if (failWrites) throw new Error('ENOSPC: no space left on device');
      files.set(p, b);
    },
    readFile: async (p) => {
      const b = files.get(p);
      if (!b) throw new Error('ENOENT');
      return b;
    },
    unlink: async (p) => void files.delete(p),
    stat: async (p) => ({ size: files.get(p)!.length }),
    rename: async (a, b) => {
      files.set(b, files.get(a)!);
      files.delete(a);
    },
  };
  return { fs, files };
}

describe('the backups folder of the desktop app', () => {
  it('writes a project’s backups under its id, keeps the newest ten, and lists them newest first with the project’s name', async () => {
    const { fs, files } = memoryFs();
    let minute = 0;
    const folder = backupsFolder('/data/backups', fs, () => new Date(Date.UTC(2026, 11, 1, 10, minute++)));
    for (let i = 0; i < 12; i++) await folder.write({ projectId: 'p1', projectName: 'Visitas', bytes: utf8(`copia ${i}`) });
    await folder.write({ projectId: 'p2', projectName: 'Encuesta', bytes: utf8('otra') });
    const list = await folder.list();
    expect(list.filter((b) => b.projectId === 'p1')).toHaveLength(10);
    expect(list[0]).toMatchObject({ projectId: 'p2', projectName: 'Encuesta', id: 'p2/Encuesta 2026-12-01 10-12-00.qdpx' });
    expect(list[1]).toMatchObject({ projectName: 'Visitas', at: '2026-12-01T10:11:00.000Z' });
    expect(new TextDecoder().decode(await folder.read(list[1].id))).toBe('copia 11');
    expect([...files.keys()].some((p) => p.endsWith('.part'))).toBe(false);
  });

  it('reports a full disk to the page and leaves the backups that were there', async () => {
    const { fs, files } = memoryFs(true);
    const folder = backupsFolder('/data/backups', fs);
    await expect(folder.write({ projectId: 'p1', projectName: 'Visitas', bytes: utf8('x') })).rejects.toThrow(/no space left/);
    expect(files.size).toBe(0);
  });

  it('refuses, through the bridge, a backup id that climbs out of the folder or a project id that is a path', async () => {
    const { fs } = memoryFs();
    const deps = { backups: backupsFolder('/data/backups', fs), t: createTranslator('en') } as unknown as HandlerDeps;
    const handlers = createHandlers(deps);
    for (const id of ['../../etc/passwd', 'p1/../../x.qdpx', 'p1/.hidden.qdpx', '/etc/x.qdpx', 'p1/notas.txt'])
      await expect(handlers.readBackup(id), id).rejects.toThrow(/not a backup id/);
    await expect(handlers.backupProject({ projectId: '../x', projectName: 'P', bytes: new Uint8Array() })).rejects.toThrow(/projectId must be an id/);
  });
});
