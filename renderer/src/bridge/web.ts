import type { ImportRequest } from '@core/import';
import type { PackedImportResult } from '@core/import/packed-result';
import type { QdaBridge } from '@core/ipc/contract';
import { createGuardedImporter } from '@core/import/guarded-importer';

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
/** How long a batch of files may take to read before its worker is replaced (a single 300-page PDF takes a few seconds). */
const TIME_LIMIT_MS = 60_000;

/**
 * One Web Worker behind a guard (see createGuardedImporter): requests made in the same
 * turn of the event loop go in one message and come back in one, and a file that stalls
 * or kills the worker is refused while the others import.
 */
function createWorkerImporter(): (request: ImportRequest) => Promise<PackedImportResult> {
  return createGuardedImporter(
    () => {
      const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
      return {
        post(batch, handOver) {
          // A lone file's bytes move to the worker rather than being copied (see the contract).
          const transfer = handOver ? [...new Set(batch.map(({ request }) => request.bytes.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) : [];
          worker.postMessage({ batch }, { transfer });
        },
        onResults: (listener) =>
          (worker.onmessage = (event: MessageEvent<{ results?: { id: number; result: PackedImportResult }[] }>) => event.data?.results && listener(event.data.results)),
        onFailure: (listener) =>
          (worker.onerror = (event) => {
            event.preventDefault();
            listener(event.message || 'worker error');
          }),
        terminate: () => worker.terminate(),
      };
    },
    { timeLimitMs: TIME_LIMIT_MS, maxBatch: MAX_BATCH },
  );
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
    pickExchangeFile: async () => null,
    readPickedFile: async () => {
      throw new Error('In the browser, files come from the file input or a drop.');
    },
    async saveFile({ suggestedName, bytes }) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, where: suggestedName };
    },
    // In the browser nothing is written to disk: the researcher downloads copies (see the copy reminder).
    backupProject: async () => null,
    listBackups: async () => [],
    readBackup: async () => {
      throw new Error('In the browser there are no backups on disk.');
    },
    readyToClose: async () => undefined,
    onMenuCommand: () => () => undefined,
  };
}
