import { openProjectFile, writeQdpx, type Opened } from '@core/exchange';
import type { QdpxReadResult } from '@core/exchange/qdpx-read';
import { ResearcherError } from '@core/model/errors';
import type { ProjectData } from '@core/model/types';
import type { ExchangeJob } from './exchange-worker';

/** How long the worker may go without progress: far longer than one source ever takes. */
const STALL_MS = 120_000;

export type Progress = (done: number, total: number) => void;

/** Runs one job in a worker of its own, passing its progress on; in place where workers are not available. */
function inWorker<T>(job: ExchangeJob, onProgress: Progress, transfer: Transferable[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./exchange-worker.ts', import.meta.url), { type: 'module' });
    // A file that keeps the worker busy this long without a sign of progress is given up on, not waited for.
    let timer = setTimeout(() => stop(new ResearcherError('error.exchangeStalled', { seconds: STALL_MS / 1000 })), STALL_MS);
    const stop = (error: Error | null, result?: T) => {
      clearTimeout(timer);
      worker.terminate();
      if (error) reject(error);
      else resolve(result as T);
    };
    worker.onmessage = (event: MessageEvent<{ progress?: { done: number; total: number }; result?: T }>) => {
      if (!event.data.progress) return stop(null, event.data.result);
      clearTimeout(timer);
      timer = setTimeout(() => stop(new ResearcherError('error.exchangeStalled', { seconds: STALL_MS / 1000 })), STALL_MS);
      onProgress(event.data.progress.done, event.data.progress.total);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop(new ResearcherError('error.exchangeStopped', { reason: event.message || '' }));
    };
    worker.postMessage(job, transfer);
  });
}

const workers = typeof Worker !== 'undefined';

/** The project as .qdpx bytes, written off the main thread. */
export function writeProjectFile(data: ProjectData, onProgress: Progress = () => undefined): Promise<Uint8Array> {
  return workers ? inWorker<Uint8Array>({ kind: 'write', data }, onProgress, []) : Promise.resolve(writeQdpx(data, { onProgress }));
}

/** A .qdpx or .qde file read off the main thread: its data and report, or why it was refused. */
export function readProjectFile(name: string, bytes: Uint8Array, onProgress: Progress = () => undefined): Promise<Opened<QdpxReadResult>> {
  return workers ? inWorker({ kind: 'open', name, bytes }, onProgress, [bytes.buffer as ArrayBuffer]) : openProjectFile(name, bytes, onProgress);
}
