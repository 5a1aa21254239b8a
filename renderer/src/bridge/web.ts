import type { ImportRequest, ImportResult } from '../../../src/import';
import { unpackImportResult, type PackedImportResult } from '../../../src/import/packed-result';
import type { QdaBridge } from '../../../src/ipc/contract';

/** A pool of Web Workers running the same src/import code; requests go to the least busy. */
function createWorkerPool(size: number): (request: ImportRequest) => Promise<ImportResult> {
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

/** Sends import requests to one Web Worker. */
function createWorkerImporter(): (request: ImportRequest) => Promise<ImportResult> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(r: ImportResult): void; reject(e: Error): void; name: string }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<{ id: number; result: PackedImportResult }>) => {
    pending.get(event.data.id)?.resolve(unpackImportResult(event.data.result));
    pending.delete(event.data.id);
  };
  worker.onerror = (event) => {
    // A worker that dies takes its pending files with it: each gets a clear error.
    for (const p of pending.values()) p.reject(new Error(`the importer stopped (${event.message || 'worker error'})`));
    pending.clear();
  };
  return (request) =>
    new Promise<ImportResult>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, name: request.name });
      worker.postMessage({ id, request });
    });
}

/**
 * The bridge in a plain browser: files come from <input type=file> or drag and drop and
 * are parsed with the same src/import code, in a worker; saving is a download.
 */
export function createWebBridge(): QdaBridge {
  let importer: ((request: ImportRequest) => Promise<ImportResult>) | null = null;
  return {
    platform: 'web',
    importSource(request) {
      // One worker per spare core (at least one, at most four): parsing runs beside the page.
      importer ??= createWorkerPool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)));
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
