import { useEffect, useState } from 'react';
import { ImportFailure } from '@core/import/result';
import { useI18n } from '../i18n';
import { importErrorText } from '../labels';

export type SheetRead<T> = { state: 'reading' } | { state: 'read'; value: T } | { state: 'failed'; message: string };

/**
 * Reads a chosen file for a dialog (a workbook's reader loads on demand, so reading is
 * asynchronous): reading, then what was read or why it could not be, in the researcher's
 * language. A dialog closed meanwhile ignores the answer.
 */
export function useSheetRead<T>(bytes: Uint8Array, read: (bytes: Uint8Array) => Promise<T>): SheetRead<T> {
  const { t } = useI18n();
  const [result, setResult] = useState<SheetRead<T>>({ state: 'reading' });
  useEffect(() => {
    let live = true;
    setResult({ state: 'reading' });
    read(bytes).then(
      (value) => live && setResult({ state: 'read', value }),
      (e: unknown) => live && setResult({ state: 'failed', message: e instanceof ImportFailure ? importErrorText(t, e) : e instanceof Error ? e.message : String(e) }),
    );
    return () => void (live = false);
  }, [bytes, read, t]);
  return result;
}
