import { useRef, useSyncExternalStore } from 'react';
import type { MessageKey } from '@core/i18n';
import { useVisibleRows } from '../components/useVisibleRows';
import { useI18n } from '../i18n';
import { importErrorText, noteText } from '../labels';
import type { ImportProgressStore, ImportRow } from './import-progress';

/**
 * One progress bar, what came of the files so far, and a row per file: done, warning,
 * duplicate or error with its reason. A folder of hundreds of files scrolls smoothly:
 * only the rows in view are drawn.
 */
export function ImportPanel({ progress, onCancel, onClose, onLinkCases }: { progress: ImportProgressStore; onCancel(): void; onClose(): void; onLinkCases?(): void }) {
  const { t } = useI18n();
  const { rows, running } = useSyncExternalStore(progress.subscribe, progress.getSnapshot);
  const scroller = useRef<HTMLElement>(null);
  const { items, padTop, padBottom } = useVisibleRows(rows.length, scroller, 27);
  if (rows.length === 0) return null;
  const counts = countByStatus(rows);
  const finished = rows.length - counts.waiting - counts.working;
  const summary = (
    [
      ['import.count.imported', counts.done + counts.warning],
      ['import.count.warning', counts.warning],
      ['import.count.duplicate', counts.duplicate],
      ['import.count.error', counts.error],
    ] as [MessageKey, number][]
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(key, { count }))
    .join(' · ');
  return (
    <section className="import-panel" aria-label={t('import.panel')} ref={scroller}>
      <header>
        <strong>{running ? t('import.progress', { done: finished, total: rows.length }) : t('import.finished', { done: finished, total: rows.length })}</strong>
        <progress max={rows.length} value={finished} aria-label={t('import.panel')} />
        <span className="import-summary">{summary}</span>
        {!running && onLinkCases && counts.done + counts.warning > 0 && <button onClick={onLinkCases}>{t('caseLinks.open')}</button>}
        {running ? <button onClick={onCancel}>{t('common.cancel')}</button> : <button onClick={onClose}>{t('common.close')}</button>}
      </header>
      <ul style={{ paddingTop: padTop, paddingBottom: padBottom }}>
        {items.map(({ index }) => (
          <Row key={rows[index].id} row={rows[index]} />
        ))}
      </ul>
    </section>
  );
}

function Row({ row: r }: { row: ImportRow }) {
  const { t } = useI18n();
  return (
    <li className={`import-row ${r.status}`} data-status={r.status}>
      <span className="file">{r.fileName}</span>
      <span className="status">{t(`import.status.${r.status}` as MessageKey)}</span>
      <span className="detail">
        {r.status === 'error' && r.error && importErrorText(t, r.error)}
        {r.status === 'duplicate' && t('import.duplicateOf', { name: r.duplicateOf ?? '' })}
        {r.status === 'warning' && r.warnings?.map((w) => noteText(t, w)).join('; ')}
        {r.status === 'done' && r.added && r.added > 1 && t('count.sources', { count: r.added })}
      </span>
    </li>
  );
}

function countByStatus(rows: ImportRow[]): Record<ImportRow['status'], number> {
  const counts = { waiting: 0, working: 0, done: 0, warning: 0, duplicate: 0, error: 0, cancelled: 0, skipped: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
