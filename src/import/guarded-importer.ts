import type { ImportRequest } from './index';
import type { PackedImportResult } from './packed-result';

/** A worker (Web Worker, worker thread, utility process) that parses batches of files. */
export interface ImportWorker {
  /** Sends a batch; `handOver` says the bytes may be moved rather than copied. */
  post(batch: { id: number; request: ImportRequest }[], handOver: boolean): void;
  onResults(listener: (results: { id: number; result: PackedImportResult }[]) => void): void;
  /** The worker died (an uncaught error, out of memory). */
  onFailure(listener: (reason: string) => void): void;
  terminate(): void;
}

export interface GuardOptions {
  /** How long one batch may take before its worker is killed (a lone file: then refused as too slow). */
  timeLimitMs: number;
  /** Files sent in one message at most. */
  maxBatch: number;
}

interface Pending {
  id: number;
  request: ImportRequest;
  resolve(result: PackedImportResult): void;
  /** Sent on its own after its batch failed: if it fails again, it is the file to blame. */
  alone: boolean;
}

/**
 * Sends import requests to one worker, each batch with a time limit. A batch that runs
 * over it, or kills its worker, costs only the file to blame: the worker is terminated
 * and replaced, the batch's files go again one at a time, and a file that still fails is
 * refused ("took too long to read"; "stopped the importer") while the others import.
 * Requests made in the same turn of the event loop go in one message and come back in one.
 */
export function createGuardedImporter(spawn: () => ImportWorker, options: GuardOptions): (request: ImportRequest) => Promise<PackedImportResult> {
  const waiting: Pending[] = [];
  let worker: ImportWorker | null = null;
  let inFlight: { files: Pending[]; timer: ReturnType<typeof setTimeout> } | null = null;
  let nextId = 1;
  let scheduled = false;

  const start = (): ImportWorker => {
    const w = spawn();
    w.onResults((results) => {
      // Only a batch's results count: pdf.js, running in the same worker, posts messages of its own.
      if (w !== worker || !inFlight || !Array.isArray(results)) return;
      clearTimeout(inFlight.timer);
      const byId = new Map(inFlight.files.map((p) => [p.id, p]));
      inFlight = null;
      for (const { id, result } of results) byId.get(id)?.resolve(result);
      sendNext();
    });
    w.onFailure((reason) => w === worker && failed('crash', reason));
    return w;
  };

  const failed = (why: 'slow' | 'crash', reason = '') => {
    const batch = inFlight;
    inFlight = null;
    worker?.terminate();
    worker = null;
    if (!batch) return;
    clearTimeout(batch.timer);
    if (batch.files.length === 1) batch.files[0].resolve(refusal(batch.files[0].request.name, why, options.timeLimitMs, reason));
    // Which file was to blame is not known: each goes again on its own, first in line.
    else waiting.unshift(...batch.files.map((p) => ({ ...p, alone: true })));
    sendNext();
  };

  const sendNext = () => {
    if (inFlight || waiting.length === 0) return;
    const files = waiting[0].alone ? waiting.splice(0, 1) : takeBatch();
    worker ??= start();
    // A lone file's bytes move to the worker; a batch's are copied, to send them again one by one if it fails.
    worker.post(
      files.map(({ id, request }) => ({ id, request })),
      files.length === 1,
    );
    inFlight = { files, timer: setTimeout(() => failed('slow'), options.timeLimitMs) };
  };

  const takeBatch = () => {
    let n = 0;
    while (n < waiting.length && n < options.maxBatch && !waiting[n].alone) n++;
    return waiting.splice(0, n);
  };

  return (request) =>
    new Promise<PackedImportResult>((resolve) => {
      waiting.push({ id: nextId++, request, resolve, alone: false });
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          sendNext();
        }, 0);
      }
    });
}

function refusal(fileName: string, why: 'slow' | 'crash', limitMs: number, reason: string): PackedImportResult {
  if (why === 'slow') {
    const seconds = Math.round(limitMs / 1000);
    return { ok: false, error: { code: 'too-slow', fileName, message: `took too long to read (over ${seconds} seconds)`, params: { seconds } } };
  }
  return { ok: false, error: { code: 'stopped-importer', fileName, message: `reading it stopped the importer (${reason || 'it may be damaged or too large'})`, params: {} } };
}
