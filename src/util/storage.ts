/**
 * Whether a failed write failed because the disk (or the browser's share of it) is full.
 * Dexie passes IndexedDB's QuotaExceededError on by name, sometimes inside an abort.
 */
export function isStorageFull(e: unknown): boolean {
  for (let x = e as { name?: string; inner?: unknown; cause?: unknown } | undefined, depth = 0; x && depth < 4; x = (x.inner ?? x.cause) as typeof x, depth++) {
    if (x.name === 'QuotaExceededError' || /quota/i.test(String((x as { message?: string }).message ?? ''))) return true;
  }
  return false;
}

/** Megabytes as a researcher reads them. */
export function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.max(0.1, bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
}

/** Whether an import of this many bytes will not fit in what the browser says is free (with room for the history and indexes). */
export function importWillNotFit(importBytes: number, estimate: { usage?: number; quota?: number } | undefined): { need: number; free: number } | null {
  if (!estimate?.quota) return null;
  const free = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  const need = Math.round(importBytes * 1.5);
  return need > free ? { need, free } : null;
}
