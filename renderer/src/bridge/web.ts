import { importSource } from '../../../src/import';
import type { QdaBridge } from '../../../src/ipc/contract';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

/** pdf.js is loaded on first use; its worker must be set before it parses anything. */
let pdfReady: Promise<void> | null = null;
function preparePdfJs(): Promise<void> {
  pdfReady ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  });
  return pdfReady;
}

/**
 * The bridge in a plain browser: files come from <input type=file> or drag and drop and
 * are parsed here with the same src/import code; saving is a download.
 */
export function createWebBridge(): QdaBridge {
  return {
    platform: 'web',
    async importSource(request) {
      if (/\.pdf$/i.test(request.name)) await preparePdfJs();
      return importSource(request);
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
