import type { MessageKey } from '../../../src/i18n';
import { useI18n } from '../i18n';
import type { ImportRow } from './useImportQueue';

/** One progress bar and a row per file: done, warning, duplicate or error with its reason. */
export function ImportPanel({ rows, running, onCancel, onClose }: { rows: ImportRow[]; running: boolean; onCancel(): void; onClose(): void }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  const finished = rows.filter((r) => r.status !== 'waiting' && r.status !== 'working').length;
  return (
    <section className="import-panel" aria-label={t('import.panel')}>
      <header>
        <strong>{running ? t('import.progress', { done: finished, total: rows.length }) : t('import.finished', { done: finished, total: rows.length })}</strong>
        <progress max={rows.length} value={finished} aria-label={t('import.panel')} />
        {running ? <button onClick={onCancel}>{t('common.cancel')}</button> : <button onClick={onClose}>{t('common.close')}</button>}
      </header>
      <ul>
        {rows.map((r) => (
          <li key={r.id} className={`import-row ${r.status}`} data-status={r.status}>
            <span className="file">{r.fileName}</span>
            <span className="status">{t(`import.status.${r.status}` as MessageKey)}</span>
            <span className="detail">
              {r.status === 'error' && r.error && t(`import.error.${r.error.code}` as MessageKey, { ...r.error.params, message: r.error.message })}
              {r.status === 'duplicate' && t('import.duplicateOf', { name: r.duplicateOf ?? '' })}
              {r.status === 'warning' && r.warnings?.join('; ')}
              {r.status === 'done' && r.added && r.added > 1 && t('count.sources', { count: r.added })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
