// Parses files off the page's main thread, so a large import never blocks typing.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { importSource, type ImportRequest } from '../../../src/import';
import { packImportResult } from '../../../src/import/packed-result';

let pdfReady: Promise<void> | null = null;
function preparePdfJs(): Promise<void> {
  pdfReady ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  });
  return pdfReady;
}

self.onmessage = async (event: MessageEvent<{ id: number; request: ImportRequest }>) => {
  const { id, request } = event.data;
  if (/\.pdf$/i.test(request.name)) await preparePdfJs();
  const { packed, transfer } = packImportResult(await importSource(request));
  self.postMessage({ id, result: packed }, { transfer });
};
