import { useEffect, useState } from 'react';
import { dismissImportRecord, interruptedImports, interruptedSummary } from '@core/db/import-records';
import type { ImportRecord } from '@core/model/types';
import { db } from '../db';
import { useI18n } from '../i18n';
import { isWindowOpen, pageId, refreshOpenWindows, windowId } from '../windows/window-identity';

/** Imports cut short by a reload, a crash or a closed window: how far each got, and the files it did not reach. */
export function InterruptedImports({ projectId }: { projectId: string }) {
  const { t, locale } = useI18n();
  const [records, setRecords] = useState<ImportRecord[]>([]);
  useEffect(() => {
    let live = true;
    void refreshOpenWindows()
      .then(() => interruptedImports(db, projectId, pageId, isWindowOpen, windowId))
      .then((r) => live && setRecords(r));
    return () => {
      live = false;
    };
  }, [projectId]);
  if (records.length === 0) return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      {records.map((r) => {
        const { stored, total, missing } = interruptedSummary(r);
        return (
          <div key={r.id} className="notice interrupted" role="status">
            <p>
              <strong>{t('import.interrupted', { stored, total, date: when.format(new Date(r.startedAt)) })}</strong> {t('import.interruptedHelp')}
            </p>
            {missing.length > 0 && (
              <details>
                <summary>{t('import.notReached', { count: missing.length })}</summary>
                <ul className="missing-files">
                  {missing.map((name, i) => (
                    <li key={i}>{name}</li>
                  ))}
                </ul>
              </details>
            )}
            <button
              className="link"
              onClick={() => {
                void dismissImportRecord(db, r.id);
                setRecords((list) => list.filter((x) => x.id !== r.id));
              }}
            >
              {t('common.dismiss')}
            </button>
          </div>
        );
      })}
    </>
  );
}
