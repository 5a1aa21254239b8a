import type { ImportRequest } from '../../../src/import';
import type { PackedImportResult } from '../../../src/import/packed-result';
import type { QdaBridge } from '../../../src/ipc/contract';

/** A pool of Web Workers running the same src/import code; requests go to the least busy. */
function createWorkerPool(size: number): (request: ImportRequest) => Promise<PackedImportResult> {
  const workers = Array.from({ length: size }, () => createWorkerImporter());
  const busy = new Array(size).fill(0);
  return async (request) => {
    const i = busy.indexOf(Math.min(...busy));
    busy[i]++;
    try {
      return await workers[i](request);
    } finally {
      busy[i]--;
    }
  };
}

/** Files sent to a worker in one message at most: a few milliseconds of parsing. */
const MAX_BATCH = 16;

/**
 * Sends import requests to one Web Worker. Requests made in the same turn of the event
 * loop (a folder whose files are already read) go in one message and come back in one:
 * a message each way per file cost more than parsing a short transcript.
 */
function createWorkerImporter(): (request: ImportRequest) => Promise<PackedImportResult> {
  const pending = new Map<number, { resolve(r: PackedImportResult): void; reject(e: Error): void; name: string }>();
  let queue: { id: number; request: ImportRequest }[] = [];
  let nextId = 1;
  const start = () => {
    const started = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<{ results: { id: number; result: PackedImportResult }[] }>) => {
      for (const { id, result } of event.data.results) {
        pending.get(id)?.resolve(result);
        pending.delete(id);
      }
    };
    started.onerror = (event) => {
      // A worker that fails takes its pending files with it, each with a clear error; the
      // files after them go to a fresh worker (started when they come) rather than wait for
      // one that may be gone.
      for (const p of pending.values()) p.reject(new Error(`the importer stopped (${event.message || 'worker error'})`));
      pending.clear();
      started.terminate();
      if (worker === started) worker = null;
    };
    return started;
  };
  let worker: Worker | null = null;
  const flush = () => {
    while (queue.length) {
      const batch = queue.splice(0, MAX_BATCH);
      // The files' bytes move to the worker rather than being copied (see the contract).
      const transfer = [...new Set(batch.map(({ request }) => request.bytes.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
      worker ??= start();
      worker.postMessage({ batch }, { transfer });
    }
  };
  return (request) =>
    new Promise<PackedImportResult>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, name: request.name });
      if (queue.length === 0) setTimeout(flush, 0);
      queue.push({ id, request });
    });
}

/**
 * The bridge in a plain browser: files come from <input type=file> or drag and drop and
 * are parsed with the same src/import code, in a worker; saving is a download.
 */
export function createWebBridge(): QdaBridge {
  let importer: ((request: ImportRequest) => Promise<PackedImportResult>) | null = null;
  return {
    platform: 'web',
    importSource(request) {
      // One worker per core, at most four: while a folder is imported the page mostly waits
      // for the store, so parsing may have every core (measured: two workers on two cores
      // import 500 transcripts about 8% faster than one).
      importer ??= createWorkerPool(Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2)));
      return importer(request);
    },
    pickSourceFiles: async () => [],
    async saveFile({ suggestedName, bytes }) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, where: suggestedName };
    },
    onMenuCommand: () => () => undefined,
  };
}
