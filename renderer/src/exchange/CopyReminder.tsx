import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { copyReminderDue } from '@core/exchange/backups';
import { bridge } from '../bridge';
import { db } from '../db';
import { useI18n } from '../i18n';

const copyKey = (projectId: string) => `qda.copySavedAt.${projectId}`;

/** Notes that a copy of the project was saved to a file now (the reminder starts over). */
export function noteCopySaved(projectId: string): void {
  localStorage.setItem(copyKey(projectId), new Date().toISOString());
}

/**
 * In the browser nothing is written to disk: when changes not in any downloaded copy are
 * more than a week old, the researcher is reminded to download one.
 */
export function CopyReminder({ projectId, onSaveCopy }: { projectId: string; onSaveCopy(): void }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState(false);
  const firstChange = useLiveQuery(async () => {
    const since = localStorage.getItem(copyKey(projectId)) ?? '';
    const first = await db.undoLog
      .where('projectId')
      .equals(projectId)
      .filter((e) => e.at > since)
      .first();
    return first?.at ?? null;
  }, [projectId]);
  if (bridge.platform !== 'web' || dismissed || !copyReminderDue({ firstChangeSinceCopyAt: firstChange ?? null, now: new Date() })) return null;
  return (
    <p className="notice" role="status">
      {t('backup.copyReminder', { date: new Date(firstChange!).toLocaleDateString() })}{' '}
      <button className="link" onClick={onSaveCopy}>
        {t('command.saveProjectCopy')}
      </button>{' '}
      <button className="link" onClick={() => setDismissed(true)}>
        {t('common.dismiss')}
      </button>
    </p>
  );
}
