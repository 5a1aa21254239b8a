import { Worker } from 'node:worker_threads';
import { createGuardedImporter } from '../src/import/guarded-importer';
import type { ImportRequest } from '../src/import';
import type { PackedImportResult } from '../src/import/packed-result';

/** A batch of files may take this long to read before its worker is stopped. */
const TIME_LIMIT_MS = 60_000;
/** The JavaScript heap one worker may use: ample for a 100 MB PDF, far below what would starve the app. */
const MEMORY_LIMIT_MB = 1536;

/**
 * The desktop app's importer: files are parsed in a worker thread with a time and memory
 * limit; a file that stalls or exhausts it is refused and a new worker reads the next.
 * `workerPath` is the built import-worker.js beside the main process's code.
 */
export function createThreadImporter(workerPath: string): (request: ImportRequest) => Promise<PackedImportResult> {
  return createGuardedImporter(
    () => {
      const worker = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB, stackSizeMb: 8 } });
      return {
        post(batch, handOver) {
          const transfer = handOver ? [...new Set(batch.map(({ request }) => request.bytes.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) : [];
          worker.postMessage({ batch }, transfer);
        },
        onResults: (listener) => void worker.on('message', (m: { results?: { id: number; result: PackedImportResult }[] }) => m?.results && listener(m.results)),
        onFailure: (listener) => {
          worker.on('error', (e: Error & { code?: string }) => listener(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needs more memory than a document should' : e.message));
          worker.on('exit', (code) => code !== 0 && listener(`the reader stopped (${code})`));
        },
        terminate: () => void worker.terminate(),
      };
    },
    { timeLimitMs: TIME_LIMIT_MS, maxBatch: 16 },
  );
}
