import { importSource, SOURCE_EXTENSIONS, type ImportRequest } from '../src/import';
import { packImportResult, type PackedImportResult } from '../src/import/packed-result';
import { BRIDGE_METHODS, channelOf, type BridgeHandlers, type BridgeMethod, type PickedFile } from '../src/ipc/contract';
import { InvalidArgument, validateBackupId, validateBackupRequest, validateImportRequest, validatePickedFileId, validateSaveRequest } from '../src/ipc/validate';
import type { backupsFolder } from './backups';
import { newId } from '../src/util/id';
import type { Translator } from '../src/i18n';

/** The slices of Electron and Node that the handlers use, injected so tests pass fakes. */
export interface HandlerDeps {
  ipcMain: {
    handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown): void;
  };
  dialog: {
    showOpenDialog(options: { properties: string[]; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
  };
  fs: {
    readFile(path: string): Promise<Uint8Array>;
    writeFile(path: string, bytes: Uint8Array): Promise<void>;
    stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  };
  /** Only the app's own pages may call the bridge. */
  isTrustedUrl(url: string): boolean;
  /** The researcher's language, for what the system dialogs show. */
  t: Translator;
  /** The backups folder (see backups.ts); backups are off when not given. */
  backups?: ReturnType<typeof backupsFolder>;
  /** The window asked to back up before closing may close now. */
  readyToClose?(): void;
  /** Parses a file off the main process (a worker thread with time and memory limits); in-process when not given. */
  importer?: (request: ImportRequest) => Promise<PackedImportResult>;
}

export function createHandlers(deps: HandlerDeps): BridgeHandlers {
  /** Files picked and not yet read: the page asks for them by id, never by path. */
  const picked = new Map<string, string>();
  const importer = deps.importer ?? (async (request: ImportRequest) => packImportResult(await importSource(request)).packed);
  return {
    importSource: async (request) => importer(validateImportRequest(request)),

    async pickSourceFiles() {
      const result = await deps.dialog.showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: deps.t('workspace.sources'), extensions: [...SOURCE_EXTENSIONS] }],
      });
      if (result.canceled) return [];
      const files: PickedFile[] = [];
      for (const path of result.filePaths) {
        const info = await deps.fs.stat(path);
        if (!info.isFile()) continue;
        const id = newId();
        picked.set(id, path);
        files.push({ id, name: path.replace(/^.*[\\/]/, ''), size: info.size });
      }
      return files;
    },

    async pickExchangeFile(kind) {
      const project = kind === 'project';
      const result = await deps.dialog.showOpenDialog({
        properties: ['openFile'],
        filters: [
          project
            ? { name: deps.t('command.openProjectFile').replace(/…$/, ''), extensions: ['qdpx', 'qde'] }
            : { name: deps.t('command.importCodebookFile').replace(/…$/, ''), extensions: ['qdc'] },
        ],
      });
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      const info = await deps.fs.stat(path);
      if (!info.isFile()) return null;
      const id = newId();
      picked.set(id, path);
      return { id, name: path.replace(/^.*[\\/]/, ''), size: info.size };
    },

    async readPickedFile(id) {
      const path = picked.get(validatePickedFileId(id));
      if (!path) throw new InvalidArgument('that file was not picked, or was read already');
      picked.delete(id);
      return deps.fs.readFile(path);
    },

    backupProject: async (request) => (deps.backups ? deps.backups.write(validateBackupRequest(request)) : null),
    listBackups: async () => (deps.backups ? deps.backups.list() : []),
    async readBackup(id) {
      if (!deps.backups) throw new InvalidArgument('there are no backups');
      return deps.backups.read(validateBackupId(id));
    },
    async readyToClose() {
      deps.readyToClose?.();
    },

    async saveFile(request) {
      const { suggestedName, bytes, filterName, extensions } = validateSaveRequest(request);
      const result = await deps.dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: filterName, extensions }] });
      if (result.canceled || !result.filePath) return { saved: false };
      await deps.fs.writeFile(result.filePath, bytes);
      return { saved: true, where: result.filePath };
    },
  };
}

/** Registers every bridge method on its channel, refusing calls from untrusted frames. */
export function registerHandlers(deps: HandlerDeps): void {
  const handlers = createHandlers(deps);
  for (const method of BRIDGE_METHODS) {
    deps.ipcMain.handle(channelOf(method), (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!deps.isTrustedUrl(url)) throw new Error(`Refused ${method} from an untrusted page: ${url}`);
      const handler = handlers[method as BridgeMethod] as (...a: unknown[]) => unknown;
      return handler(...args);
    });
  }
}
