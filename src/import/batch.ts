import { DEFAULT_MAX_BYTES, tooLargeError, type ImportError, type ImportRequest, type ImportResult } from './index';

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
  warnings?: string[];
  error?: ImportError;
  duplicateOf?: string;
}

export interface BatchSteps {
  /** Turns a file into an import request; null skips it (e.g. a survey whose mapping was cancelled). */
  prepare(file: BatchFile, bytes: Uint8Array): Promise<ImportRequest | null>;
  parse(request: ImportRequest): Promise<ImportResult>;
  /** Stores one file's result in one transaction. */
  store(result: Extract<ImportResult, { ok: true }>): Promise<StoreOutcome>;
}

type Parsed = { kind: 'parsed'; result: ImportResult } | { kind: 'skipped' } | { kind: 'failed'; error: ImportError };

/**
 * Imports files one transaction each, in order, parsing the next file while the current
 * one is being stored. One bad file never stops the rest; cancelling stops before the
 * next file and reports the remaining ones as cancelled.
 */
export async function runImportBatch(
  files: BatchFile[],
  steps: BatchSteps,
  onEvent: (e: BatchEvent) => void,
  isCancelled: () => boolean = () => false,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<void> {
  const start = async (index: number): Promise<Parsed> => {
    const file = files[index];
    onEvent({ index, status: 'working' });
    if (file.size !== undefined && file.size > maxBytes) return { kind: 'failed', error: tooLargeError(file.name, file.size, maxBytes) };
    try {
      const bytes = await file.read();
      const request = await steps.prepare(file, bytes);
      if (!request) return { kind: 'skipped' };
      return { kind: 'parsed', result: await steps.parse(request) };
    } catch (e) {
      return { kind: 'failed', error: unexpected(file.name, e) };
    }
  };

  let next: Promise<Parsed> | null = files.length > 0 ? start(0) : null;
  for (let index = 0; index < files.length; index++) {
    if (isCancelled() || !next) {
      for (let rest = index; rest < files.length; rest++) onEvent({ index: rest, status: 'cancelled' });
      return;
    }
    const parsed = await next;
    next = index + 1 < files.length && !isCancelled() ? start(index + 1) : null;
    if (parsed.kind === 'skipped') onEvent({ index, status: 'skipped' });
    else if (parsed.kind === 'failed') onEvent({ index, status: 'error', error: parsed.error });
    else if (!parsed.result.ok) onEvent({ index, status: 'error', error: parsed.result.error });
    else {
      try {
        const outcome = await steps.store(parsed.result);
        if (outcome.status === 'duplicate') onEvent({ index, status: 'duplicate', duplicateOf: outcome.existingName });
        else {
          const warnings = parsed.result.sources.flatMap((s) => s.warnings);
          onEvent({ index, status: warnings.length ? 'warning' : 'done', added: outcome.sources, warnings });
        }
      } catch (e) {
        onEvent({ index, status: 'error', error: unexpected(files[index].name, e) });
      }
    }
  }
}

function unexpected(fileName: string, e: unknown): ImportError {
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'corrupt', fileName, message: `could not be imported (${message})`, params: { reason: message } };
}
