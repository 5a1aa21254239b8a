import { useEffect, useState } from 'react';
import { megabytes } from '@core/util/storage';

/** How much of the disk the projects use and how much the browser says is still free. */
export async function storageFigures(): Promise<{ used: string; free: string; usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    if (!e?.quota) return null;
    const usage = e.usage ?? 0;
    return { used: megabytes(usage), free: megabytes(Math.max(0, e.quota - usage)), usage, quota: e.quota };
  } catch {
    return null;
  }
}

/** Asks the browser not to clear the projects under storage pressure; the answer is kept for the start screen. */
const persistence: Promise<boolean> = (async () => {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
})();

/** Whether the browser agreed to keep the projects for good (undefined while it answers). */
export function usePersistence(): boolean | undefined {
  const [persisted, setPersisted] = useState<boolean | undefined>(undefined);
  useEffect(() => void persistence.then(setPersisted), []);
  return persisted;
}
