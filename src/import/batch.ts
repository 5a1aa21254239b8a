import { DEFAULT_MAX_BYTES, tooLargeError, type ImportError, type ImportRequest, type ImportResult } from './index';
import type { PackedImportResult } from './packed-result';
import type { ImportNote } from '../model/types';
import { isStorageFull } from '../util/storage';

export interface BatchFile {
  name: string;
  /** Size in bytes when known before reading: a file over the limit is refused unread. */
  size?: number;
  read(): Promise<Uint8Array>;
}

/** What storing one file's result came to. */
export type StoreOutcome = { status: 'added'; sources: number } | { status: 'duplicate'; existingName: string };

export type BatchStatus = 'working' | 'done' | 'warning' | 'duplicate' | 'error' | 'cancelled' | 'skipped';

export interface BatchEvent {
  index: number;
  status: BatchStatus;
  added?: number;
  warnings?: ImportNote[];
  error?: ImportError;
  duplicateOf?: string;
}

/** A parsed file, as importSource gives it or packed as it comes from a worker or process. */
export type ParsedFile = Extract<ImportResult | PackedImportResult, { ok: true }>;

export interface BatchSteps {
  /** Turns a file into an import request; null skips it (e.g. a survey whose mapping was cancelled). */
  prepare(file: BatchFile, bytes: Uint8Array): Promise<ImportRequest | null>;
  parse(request: ImportRequest): Promise<ImportResult | PackedImportResult>;
  /** Stores parsed files in one transaction, each whole or not at all; one outcome per file, in order. */
  store(files: ParsedFile[]): Promise<StoreOutcome[]>;
}

export interface BatchLimits {
  /** Files over this size are refused unread. */
  maxBytes: number;
  /** How many parsed files may wait for the store, and go into one transaction. */
  groupFiles: number;
  /** How much text (UTF-16 units) one transaction may carry. */
  groupChars: number;
}

/**
 * Files read ahead of the one being prepared: reading a file is a round trip (to the
 * browser's file store or the main process), so many go side by side (in Chromium, 500
 * transcripts are read about a fifth faster 32 at a time than 8), up to a bound on their
 * bytes, so that a folder of large PDFs is not all held in memory at once.
 */
const READ_AHEAD = 32;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

const DEFAULT_LIMITS: BatchLimits = { maxBytes: DEFAULT_MAX_BYTES, groupFiles: 128, groupChars: 8_000_000 };

type Parsed = { kind: 'parsed'; result: ImportResult | PackedImportResult } | { kind: 'skipped' } | { kind: 'failed'; error: ImportError };

/**
 * Imports files in order: files are read and parsed one after another (so a survey's
 * mapping dialog comes up one at a time) while earlier files are being stored; parsed
 * files are committed in groups, each file whole or not at all. One bad file never stops
 * the rest: a group whose transaction fails is stored again file by file. Cancelling
 * stops before the next file and reports the remaining ones as cancelled.
 */
export async function runImportBatch(
  files: BatchFile[],
  steps: BatchSteps,
  onEvent: (e: BatchEvent) => void,
  isCancelled: () => boolean = () => false,
  limits: Partial<BatchLimits> = {},
): Promise<void> {
  const { maxBytes, groupFiles, groupChars } = { ...DEFAULT_LIMITS, ...limits };
  const results: (Parsed | undefined)[] = new Array(files.length);
  const parsing: Promise<Parsed>[] = [];
  let reported = 0; // files before this index have their final event
  let chain: Promise<unknown> = Promise.resolve();

  // Files being read ahead (see READ_AHEAD), side by side, while earlier ones are prepared.
  const reads = new Map<number, Promise<Uint8Array>>();
  const readAhead = (from: number) => {
    let bytes = 0;
    for (let i = from; i < Math.min(files.length, from + READ_AHEAD) && (i === from || bytes < READ_AHEAD_BYTES); i++) {
      const file = files[i];
      bytes += file.size ?? 0;
      if (reads.has(i) || (file.size !== undefined && file.size > maxBytes)) continue;
      const read = file.read();
      read.catch(() => undefined); // a failed read is reported when its file's turn comes
      reads.set(i, read);
    }
  };
  /** Reads and prepares one file (in order: a survey's dialog comes up one at a time). */
  const prepareOne = async (index: number): Promise<{ request: ImportRequest } | Parsed> => {
    const file = files[index];
    onEvent({ index, status: 'working' });
    if (file.size !== undefined && file.size > maxBytes) return { kind: 'failed', error: tooLargeError(file.name, file.size, maxBytes) };
    readAhead(index);
    const read = reads.get(index)!;
    reads.delete(index);
    try {
      const request = await steps.prepare(file, await read);
      return request ? { request } : { kind: 'skipped' };
    } catch (e) {
      return { kind: 'failed', error: unexpected(file.name, e) };
    }
  };
  const parseOne = async (index: number, prepared: { request: ImportRequest } | Parsed): Promise<Parsed> => {
    if (!('request' in prepared)) return prepared;
    try {
      return { kind: 'parsed', result: await steps.parse(prepared.request) };
    } catch (e) {
      return { kind: 'failed', error: unexpected(files[index].name, e) };
    }
  };
  /**
   * Keeps work going ahead of the store, up to two groups ahead: files are prepared one
   * after another, and each is handed to the parser as soon as it is ready (the parser
   * may be a worker or another process, so parsing overlaps preparing and storing).
   */
  const parseAhead = () => {
    while (parsing.length < files.length && parsing.length - reported < 2 * groupFiles && !isCancelled()) {
      const index = parsing.length;
      const prepared = chain.then(() => (isCancelled() ? ({ kind: 'skipped' } as Parsed) : prepareOne(index)));
      chain = prepared;
      const job = prepared.then((p) => parseOne(index, p));
      job.then((r) => (results[index] = r));
      parsing.push(job);
    }
  };

  const storeGroup = async (group: { index: number; result: ParsedFile }[]) => {
    let outcomes: StoreOutcome[] | null = null;
    try {
      outcomes = await steps.store(group.map((g) => g.result));
    } catch (e) {
      if (group.length === 1) {
        onEvent({ index: group[0].index, status: 'error', error: unexpected(files[group[0].index].name, e) });
        return;
      }
    }
    if (!outcomes) {
      for (const g of group) await storeGroup([g]);
      return;
    }
    group.forEach((g, i) => {
      const outcome = outcomes![i];
      if (outcome.status === 'duplicate') onEvent({ index: g.index, status: 'duplicate', duplicateOf: outcome.existingName });
      else {
        const warnings = g.result.sources.flatMap((s) => s.warnings);
        onEvent({ index: g.index, status: warnings.length ? 'warning' : 'done', added: outcome.sources, warnings });
      }
    });
  };

  while (reported < files.length) {
    parseAhead();
    if (isCancelled() && reported >= parsing.length) break;
    await parsing[reported];
    // Take what is already parsed, in order, up to the group limits.
    const group: { index: number; result: ParsedFile }[] = [];
    let chars = 0;
    let next = reported;
    while (next < files.length && results[next] && group.length < groupFiles && chars < groupChars) {
      const parsed = results[next]!;
      if (isCancelled() && parsed.kind === 'parsed') break;
      if (parsed.kind === 'skipped') onEvent({ index: next, status: isCancelled() ? 'cancelled' : 'skipped' });
      else if (parsed.kind === 'failed') onEvent({ index: next, status: 'error', error: parsed.error });
      else if (!parsed.result.ok) onEvent({ index: next, status: 'error', error: parsed.result.error });
      else {
        group.push({ index: next, result: parsed.result });
        chars += parsed.result.sources.reduce((n, s) => n + s.text.length, 0);
      }
      next++;
    }
    if (group.length > 0) await storeGroup(group);
    reported = next;
    if (isCancelled()) break;
  }
  for (let index = reported; index < files.length; index++) onEvent({ index, status: 'cancelled' });
}

function unexpected(fileName: string, e: unknown): ImportError {
  if (isStorageFull(e)) return { code: 'storage-full', fileName, message: 'not enough storage space to keep it', params: {} };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'corrupt', fileName, message: `could not be imported (${message})`, params: { reason: message } };
}
