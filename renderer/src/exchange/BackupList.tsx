import { useEffect, useState } from 'react';
import type { BackupEntry } from '@core/exchange/backups';
import { bridge } from '../bridge';
import { useI18n } from '../i18n';
import type { ProjectFile } from './ProjectFileOpener';

/** The desktop app's automatic backups, newest first: any one restores as a new project. */
export function BackupList({ onRestore }: { onRestore(file: ProjectFile): void }) {
  const { t, locale } = useI18n();
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  useEffect(() => {
    let live = true;
    void bridge.listBackups().then((list) => live && setBackups(list));
    return () => {
      live = false;
    };
  }, []);
  if (backups.length === 0) return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <section className="project-list backups" aria-label={t('backup.title')}>
      <h2>{t('backup.title')}</h2>
      <p className="hint">{t('backup.hint')}</p>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('backup.col.project')}</th>
            <th>{t('backup.col.when')}</th>
            <th className="num">{t('backup.col.size')}</th>
            <th aria-label={t('start.col.actions')} />
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.id}>
              <td>{b.projectName}</td>
              <td>{when.format(new Date(b.at))}</td>
              <td className="num">{size.format(b.size / 1024 / 1024)} MB</td>
              <td className="row-actions">
                <button onClick={() => onRestore({ name: b.id.split('/').pop()!, read: () => bridge.readBackup(b.id) })}>{t('backup.restore')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
