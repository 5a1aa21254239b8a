import { importSource, SOURCE_EXTENSIONS, DEFAULT_MAX_BYTES } from '../src/import';
import { packImportResult } from '../src/import/packed-result';
import { BRIDGE_METHODS, channelOf, type BridgeHandlers, type BridgeMethod, type PickedFile } from '../src/ipc/contract';
import { validateImportRequest, validateSaveRequest } from '../src/ipc/validate';
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
}

export function createHandlers(deps: HandlerDeps): BridgeHandlers {
  return {
    importSource: async (request) => packImportResult(await importSource(validateImportRequest(request))).packed,

    async pickSourceFiles() {
      const result = await deps.dialog.showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: deps.t('workspace.sources'), extensions: [...SOURCE_EXTENSIONS] }],
      });
      if (result.canceled) return [];
      const files: PickedFile[] = [];
      for (const path of result.filePaths) {
        const name = path.replace(/^.*[\\/]/, '');
        const info = await deps.fs.stat(path);
        // Oversized files are passed on unread, with their size, so the import names the
        // limit without loading gigabytes into memory first.
        if (!info.isFile()) continue;
        files.push({ name, size: info.size, bytes: info.size > DEFAULT_MAX_BYTES ? new Uint8Array(0) : await deps.fs.readFile(path) });
      }
      return files;
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
