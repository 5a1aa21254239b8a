import type { ImportError } from '@core/import';
import type { ImportNote } from '@core/model/types';
import type { BatchEvent, BatchStatus } from '@core/import/batch';

export type RowStatus = 'waiting' | BatchStatus;

export interface ImportRow {
  id: number;
  fileName: string;
  status: RowStatus;
  added?: number;
  warnings?: ImportNote[];
  error?: ImportError;
  duplicateOf?: string;
}

export interface ImportProgress {
  rows: ImportRow[];
  running: boolean;
}

/**
 * The rows of the import panel, outside React state: a folder of 500 files sends a
 * thousand events, and only the panel should redraw for them, once a frame at most,
 * not the whole workspace once an event.
 */
export class ImportProgressStore {
  private rows: ImportRow[] = [];
  private running = false;
  private snapshot: ImportProgress = { rows: [], running: false };
  private listeners = new Set<() => void>();
  private pending: number | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): ImportProgress => this.snapshot;

  start(fileNames: string[], firstId: number): void {
    this.rows = fileNames.map((fileName, i) => ({ id: firstId + i, fileName, status: 'waiting' }));
    this.running = true;
    this.publish(true);
  }

  /** Applies one file's event from runImportBatch (index in the batch's file order). */
  update({ index, ...event }: BatchEvent): void {
    this.rows[index] = { ...this.rows[index], ...event };
    this.publish(false);
  }

  finish(): void {
    this.running = false;
    this.publish(true);
  }

  clear(): void {
    this.rows = [];
    this.publish(true);
  }

  private publish(now: boolean): void {
    if (now) {
      if (this.pending !== null) cancelAnimationFrame(this.pending);
      this.pending = null;
      this.emit();
    } else {
      this.pending ??= requestAnimationFrame(() => {
        this.pending = null;
        this.emit();
      });
    }
  }

  private emit(): void {
    this.snapshot = { rows: [...this.rows], running: this.running };
    for (const listener of this.listeners) listener();
  }
}
