import { useState } from 'react';
import { applyClassification } from '@core/db/cases';
import { matchClassification } from '@core/import/classification';
import { readSheetTable } from '@core/import/workbook-table';
import { useSheetRead } from './useSheetRead';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { useI18n } from '../i18n';

interface Props {
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
  caseNames: string[];
  onClose(message?: string): void;
}

/** Previews which sheet rows match which cases before setting their attributes. */
export function ClassificationDialog({ projectId, fileName, bytes, caseNames, onClose }: Props) {
  const { t } = useI18n();
  const read = useSheetRead(bytes, readSheetTable);
  const [nameColumn, setNameColumn] = useState<string | undefined>();
  const [createUnmatched, setCreateUnmatched] = useState(false);
  if (read.state === 'reading') {
    return (
      <Dialog title={t('classification.title', { name: fileName })} onCancel={() => onClose()} actions={<button onClick={() => onClose()}>{t('common.cancel')}</button>}>
        <p className="hint" role="status">
          {t('classification.reading')}
        </p>
      </Dialog>
    );
  }
  if (read.state === 'failed') {
    return (
      <Dialog title={t('classification.title', { name: fileName })} onCancel={() => onClose()} actions={<button onClick={() => onClose()}>{t('common.close')}</button>}>
        <p className="error" role="alert">
          {t('classification.unreadable', { name: fileName, message: read.message })}
        </p>
      </Dialog>
    );
  }
  const table = read.value;
  const match = matchClassification(table, caseNames, nameColumn);
  return (
    <Dialog
      wide
      title={t('classification.title', { name: fileName })}
      onCancel={() => onClose()}
      actions={
        <>
          <button onClick={() => onClose()}>{t('common.cancel')}</button>
          <button
            className="primary"
            disabled={match.matched.length === 0 && !(createUnmatched && match.unmatched.length > 0)}
            onClick={async () => {
              const r = await applyClassification(db, projectId, table, match, createUnmatched);
              onClose(t('classification.applied', { updated: r.updated, created: r.created }));
            }}
          >
            {t('classification.apply')}
          </button>
        </>
      }
    >
      <label>
        {t('classification.nameColumn')}{' '}
        <select value={match.nameColumn} onChange={(e) => setNameColumn(e.target.value)}>
          {table.columns.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <p>{t('classification.attributes', { list: match.attributeColumns.join(', ') })}</p>
      <div className="columns-2">
        <div>
          <h3>{t('classification.matched', { count: match.matched.length })}</h3>
          <ul className="chips">
            {/* A row that writes its case another way ("P01" for P1) says which case it found. */}
            {match.matched.map((m) => (
              <li key={m.row}>{m.name === m.caseName ? m.caseName : `${m.name} → ${m.caseName}`}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t('classification.unmatched', { count: match.unmatched.length })}</h3>
          <ul className="chips warn">
            {match.unmatched.map((m) => (
              <li key={m.row}>{m.name}</li>
            ))}
          </ul>
          {match.unmatched.length > 0 && (
            <label>
              <input type="checkbox" checked={createUnmatched} onChange={(e) => setCreateUnmatched(e.target.checked)} /> {t('classification.createUnmatched')}
            </label>
          )}
        </div>
      </div>
      {match.untouched.length > 0 && <p className="hint">{t('classification.untouched', { list: match.untouched.join(', ') })}</p>}
    </Dialog>
  );
}
