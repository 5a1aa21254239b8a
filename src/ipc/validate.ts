import { DEFAULT_MAX_BYTES, type ImportRequest } from '../import';
import type { BackupRequest, SaveRequest } from './contract';

/** IPC arguments come from another process: check their shape before using them. */
export class InvalidArgument extends Error {}

function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fileName(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 1024 || v.includes('\0')) throw new InvalidArgument(`${what} must be a file name`);
  return v;
}

export function validateImportRequest(arg: unknown): ImportRequest {
  if (!isRecord(arg)) throw new InvalidArgument('importSource expects { name, bytes, options? }');
  const name = fileName(arg.name, 'name');
  if (!isBytes(arg.bytes)) throw new InvalidArgument('bytes must be a Uint8Array');
  const options = arg.options;
  if (options !== undefined && !isRecord(options)) throw new InvalidArgument('options must be an object');
  // The page may lower the size limit, never raise or remove it.
  if (options?.maxBytes !== undefined && (typeof options.maxBytes !== 'number' || !(options.maxBytes > 0) || !(options.maxBytes <= DEFAULT_MAX_BYTES)))
    throw new InvalidArgument(`options.maxBytes must be a number of bytes up to ${DEFAULT_MAX_BYTES}`);
  if (arg.bytes.length > DEFAULT_MAX_BYTES) throw new InvalidArgument(`bytes must be at most ${DEFAULT_MAX_BYTES} long`);
  if (options?.survey !== undefined) {
    const s = options.survey;
    const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
    if (
      !isRecord(s) ||
      !optionalString(s.idColumn) ||
      !optionalString(s.respondent) ||
      !strings(s.answerColumns) ||
      !strings(s.attributeColumns) ||
      (s.sourcePer !== 'answer' && s.sourcePer !== 'respondent')
    ) {
      throw new InvalidArgument('options.survey is not a valid survey mapping');
    }
  }
  return { name, bytes: arg.bytes, options: options as ImportRequest['options'] };
}

export function validateSaveRequest(arg: unknown): SaveRequest {
  if (!isRecord(arg)) throw new InvalidArgument('saveFile expects { suggestedName, bytes, filterName, extensions }');
  const suggestedName = fileName(arg.suggestedName, 'suggestedName').replace(/[\\/]/g, '_');
  if (!isBytes(arg.bytes)) throw new InvalidArgument('bytes must be a Uint8Array');
  if (typeof arg.filterName !== 'string') throw new InvalidArgument('filterName must be a string');
  if (!Array.isArray(arg.extensions) || !arg.extensions.every((e) => typeof e === 'string' && /^[a-z0-9]{1,8}$/i.test(e)))
    throw new InvalidArgument('extensions must be short alphanumeric strings');
  return { suggestedName, bytes: arg.bytes, filterName: arg.filterName, extensions: arg.extensions as string[] };
}

/** A picked file's id, as pickSourceFiles gave it. */
export function validatePickedFileId(arg: unknown): string {
  if (typeof arg !== 'string' || !/^[0-9a-f-]{36}$/.test(arg)) throw new InvalidArgument('readPickedFile expects the id of a picked file');
  return arg;
}

const GUIDISH = /^[0-9A-Za-z-]{1,64}$/;

/** A backup request: a project id that is safe as a folder name, a name, and the .qdpx bytes. */
export function validateBackupRequest(arg: unknown): BackupRequest {
  if (!isRecord(arg)) throw new InvalidArgument('backupProject expects { projectId, projectName, bytes }');
  if (typeof arg.projectId !== 'string' || !GUIDISH.test(arg.projectId)) throw new InvalidArgument('projectId must be an id');
  if (typeof arg.projectName !== 'string' || arg.projectName.length > 500) throw new InvalidArgument('projectName must be a short string');
  if (!(arg.bytes instanceof Uint8Array)) throw new InvalidArgument('bytes must be a Uint8Array');
  return { projectId: arg.projectId, projectName: arg.projectName, bytes: arg.bytes };
}

/** A backup id as listBackups gives it: "<projectId>/<file>.qdpx", never a path that climbs out. */
export function validateBackupId(arg: unknown): string {
  if (typeof arg !== 'string') throw new InvalidArgument('a backup id must be a string');
  const [projectId, file, ...rest] = arg.split('/');
  if (rest.length || !GUIDISH.test(projectId ?? '') || !file || !/^[^/\\]+\.qdpx$/.test(file) || file.startsWith('.')) throw new InvalidArgument('not a backup id');
  return arg;
}
