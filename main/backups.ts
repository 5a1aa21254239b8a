import { backupFileName, backupsToPrune, backupTime, type BackupEntry } from '../src/exchange/backups';
import type { BackupRequest } from '../src/ipc/contract';

/** The file system the backups folder needs, injected so tests pass a fake. */
export interface BackupFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number }>;
  rename(from: string, to: string): Promise<void>;
}

const readdirOrNone = async (fs: BackupFs, path: string) => fs.readdir(path).catch(() => [] as string[]);

/**
 * The backups folder: <folder>/<projectId>/<name and time>.qdpx, the newest ten of each
 * project kept. A backup is written beside its final name first, so a crash mid-write never
 * leaves a cut file under a backup's name.
 */
export function backupsFolder(folder: string, fs: BackupFs, now: () => Date = () => new Date()) {
  const join = (...parts: string[]) => parts.join('/');
  // The project's name is kept in a small file beside its backups, for the start screen's list.
  const nameFile = '.name';
  return {
    async write({ projectId, projectName, bytes }: BackupRequest): Promise<BackupEntry> {
      const dir = join(folder, projectId);
      await fs.mkdir(dir, { recursive: true });
      const at = now();
      const file = backupFileName(projectName, at);
      await fs.writeFile(join(dir, `${file}.part`), bytes);
      await fs.rename(join(dir, `${file}.part`), join(dir, file));
      await fs.writeFile(join(dir, nameFile), new TextEncoder().encode(projectName));
      for (const old of backupsToPrune(await fs.readdir(dir))) await fs.unlink(join(dir, old));
      return { id: `${projectId}/${file}`, projectId, projectName, at: at.toISOString(), size: bytes.length };
    },
    async list(): Promise<BackupEntry[]> {
      const out: BackupEntry[] = [];
      for (const projectId of await readdirOrNone(fs, folder)) {
        const files = await readdirOrNone(fs, join(folder, projectId));
        const name = files.includes(nameFile) ? new TextDecoder().decode(await fs.readFile(join(folder, projectId, nameFile))) : projectId;
        for (const file of files) {
          const at = backupTime(file);
          if (!at) continue;
          out.push({ id: `${projectId}/${file}`, projectId, projectName: name, at, size: (await fs.stat(join(folder, projectId, file))).size });
        }
      }
      return out.sort((a, b) => b.at.localeCompare(a.at));
    },
    read(id: string): Promise<Uint8Array> {
      return fs.readFile(join(folder, id));
    },
  };
}
