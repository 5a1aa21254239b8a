// Writes and reads .qdpx files off the page's main thread: a large project never freezes
// the window, and the page can show how far it got.
import { openProjectFile, writeQdpx } from '@core/exchange';
import type { ProjectData } from '@core/model/types';

export type ExchangeJob = { kind: 'write'; data: ProjectData } | { kind: 'open'; name: string; bytes: Uint8Array };

self.onmessage = async (event: MessageEvent<ExchangeJob>) => {
  const progress = (done: number, total: number) => self.postMessage({ progress: { done, total } });
  const job = event.data;
  if (job.kind === 'write') {
    const bytes = writeQdpx(job.data, { onProgress: progress });
    self.postMessage({ result: bytes }, { transfer: [bytes.buffer as ArrayBuffer] });
  } else {
    self.postMessage({ result: await openProjectFile(job.name, job.bytes, progress) });
  }
};
