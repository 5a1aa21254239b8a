// Parses files in a worker thread of the main process: a file that stalls or exhausts its
// memory is stopped there (see importer.ts), and the windows and menus never wait on it.
import { parentPort } from 'node:worker_threads';
import { importSource, type ImportRequest } from '../src/import';
import { packImportResult, type PackedImportResult } from '../src/import/packed-result';

parentPort?.on('message', async ({ batch }: { batch: { id: number; request: ImportRequest }[] }) => {
  const results: { id: number; result: PackedImportResult }[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const { id, request } of batch) {
    const packed = packImportResult(await importSource(request));
    results.push({ id, result: packed.packed });
    transfer.push(...packed.transfer);
  }
  parentPort?.postMessage({ results }, transfer);
});
