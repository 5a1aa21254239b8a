// Parses files off the page's main thread, so a large import never blocks typing.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { importSource, type ImportRequest } from '@core/import';
import { packImportResult, type PackedImportResult } from '@core/import/packed-result';

let pdfReady: Promise<void> | null = null;
function preparePdfJs(): Promise<void> {
  pdfReady ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  });
  return pdfReady;
}

/** Files arrive in batches (see web.ts) and their results go back together, packed. */
self.onmessage = async (event: MessageEvent<{ batch: { id: number; request: ImportRequest }[] }>) => {
  const results: { id: number; result: PackedImportResult }[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const { id, request } of event.data.batch) {
    if (/\.pdf$/i.test(request.name)) await preparePdfJs();
    const packed = packImportResult(await importSource(request));
    results.push({ id, result: packed.packed });
    transfer.push(...packed.transfer);
  }
  self.postMessage({ results }, { transfer });
};
