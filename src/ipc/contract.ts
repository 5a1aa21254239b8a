import type { ImportRequest } from '../import';
import type { PackedImportResult } from '../import/packed-result';
import type { BackupEntry } from '../exchange/backups';

export type { BackupEntry };

/** An automatic backup of an open project, written by the renderer's .qdpx writer. */
export interface BackupRequest {
  projectId: string;
  projectName: string;
  bytes: Uint8Array;
}

/**
 * A file the researcher picked in the native dialog: named and sized, not yet read. The
 * import reads each one when its turn comes (readPickedFile), so a folder of large PDFs
 * is never all in memory at once.
 */
export interface PickedFile {
  /** What the main process knows the file by; the page never sees or sends a path. */
  id: string;
  name: string;
  size: number;
}

export interface SaveRequest {
  suggestedName: string;
  bytes: Uint8Array;
  /** e.g. "Word document" + ["docx"], for the save dialog's filter. */
  filterName: string;
  extensions: string[];
}

export type SaveResult = { saved: true; where: string } | { saved: false };

/**
 * The whole bridge between the renderer and the platform, as one typed handler map.
 * Electron's main process implements it with ipcMain.handle, the preload exposes it as
 * `window.qda`, and the web bridge implements it in a plain browser.
 */
export interface BridgeHandlers {
  /**
   * Parses one file's bytes into sources (the same src/import code everywhere). The result
   * crosses a process or thread, so its offsets come packed; the store takes them as they are.
   * The bytes are handed over, not copied (a 100 MB PDF is not held twice): the caller
   * must not use them afterwards.
   */
  importSource(request: ImportRequest): Promise<PackedImportResult>;
  /** Native file picker for sources; the web bridge uses an <input type=file> instead. */
  pickSourceFiles(): Promise<PickedFile[]>;
  /** Native file picker for one project (.qdpx, .qde) or codebook (.qdc); the web bridge uses an <input type=file>. */
  pickExchangeFile(kind: 'project' | 'codebook'): Promise<PickedFile | null>;
  /** The bytes of a file picked before, read now (once). */
  readPickedFile(id: string): Promise<Uint8Array>;
  /** Saves bytes where the researcher chooses (a download in the browser). */
  saveFile(request: SaveRequest): Promise<SaveResult>;
  /** Writes a project's automatic backup to the backups folder, keeping its newest ten (nothing in the browser). */
  backupProject(request: BackupRequest): Promise<BackupEntry | null>;
  /** The backups in the backups folder, newest first (none in the browser). */
  listBackups(): Promise<BackupEntry[]>;
  /** The bytes of one backup, to open it as a new project. */
  readBackup(id: string): Promise<Uint8Array>;
  /** The window may close now: the backup it was asked for before closing is written. */
  readyToClose(): Promise<void>;
}

export type BridgeMethod = keyof BridgeHandlers;

export const BRIDGE_METHODS = [
  'importSource',
  'pickSourceFiles',
  'pickExchangeFile',
  'readPickedFile',
  'saveFile',
  'backupProject',
  'listBackups',
  'readBackup',
  'readyToClose',
] as const satisfies readonly BridgeMethod[];

// Every method of the contract is registered: a method left out of the list does not compile.
const everyMethod: [Exclude<BridgeMethod, (typeof BRIDGE_METHODS)[number]>] extends [never] ? true : never = true;
void everyMethod;

export function channelOf(method: BridgeMethod): string {
  return `qda:${method}`;
}

/** What the application menu sends to the renderer: a command id of src/app/commands. */
export type MenuCommand = string;

export const MENU_CHANNEL = 'qda:menu';

/** Sent on the menu channel when the window is about to close: back up the open project, then call readyToClose. */
export const BEFORE_CLOSE = 'app.before-close';

export interface QdaBridge extends BridgeHandlers {
  platform: 'electron' | 'web';
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
