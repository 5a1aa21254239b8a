import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { codePath, deletionImpact } from '@core/coding/codes';
import { deleteCode, mergeCodes } from '@core/db/coding';
import type { Code } from '@core/model/types';
import { Dialog } from '../components/Dialog';
import { TypedText } from '../editing/TypedText';
import { db } from '../db';
import { useI18n } from '../i18n';
import { useCoding } from './CodingContext';
import { mergeTargets } from './CodeTree';

/** Asks before deleting a code, naming what goes with it; the deletion can be undone. */
export function DeleteCodeDialog({ code, codes, onClose }: { code: Code; codes: Code[]; onClose(): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const impact = useLiveQuery(async () => {
    const [segments, memos] = await Promise.all([db.segments.where('projectId').equals(code.projectId).toArray(), db.memos.where('projectId').equals(code.projectId).toArray()]);
    return deletionImpact(codes, segments, memos, code.id);
  }, [code.id, codes]);
  return (
    <Dialog
      title={t('codes.deleteTitle', { name: code.name })}
      onCancel={onClose}
      actions={
        <>
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="danger" onClick={() => void coding.run(() => deleteCode(db, coding.projectId, code.id)).then(onClose)}>
            {t('codes.deleteConfirm')}
          </button>
        </>
      }
    >
      {impact && (
        <ul>
          {impact.codes > 1 && <li>{t('codes.deleteSubcodes', { count: impact.codes - 1 })}</li>}
          <li>{t('count.segments', { count: impact.segments })}</li>
          <li>{t('count.memos', { count: impact.memos })}</li>
        </ul>
      )}
      <p className="hint">{t('codes.deleteUndo')}</p>
    </Dialog>
  );
}

export function MergeCodeDialog({ code, codes, onClose }: { code: Code; codes: Code[]; onClose(): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const targets = mergeTargets(codes, code);
  const [into, setInto] = useState(targets[0]?.id ?? '');
  return (
    <Dialog
      title={t('codes.mergeTitle', { name: code.name })}
      onCancel={onClose}
      actions={
        <>
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" disabled={!into} onClick={() => void coding.run(() => mergeCodes(db, coding.projectId, code.id, into)).then(onClose)}>
            {t('codes.mergeConfirm')}
          </button>
        </>
      }
    >
      <label>
        {t('codes.mergeInto')}
        <select value={into} onChange={(e) => setInto(e.target.value)}>
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {codePath(codes, c.id)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('codes.mergeExplain')}</p>
    </Dialog>
  );
}

/** Description, inclusion and exclusion criteria and an example quote: the codebook entry. */
export function CodeDetails({ code, codes, onWriteMemo }: { code: Code; codes: Code[]; onWriteMemo(): void }) {
  const { t } = useI18n();
  const field = (key: 'description' | 'inclusion' | 'exclusion' | 'example', label: string) => (
    <label className="memo-field" key={`${code.id}-${key}`}>
      {label}
      <TypedText field={{ kind: 'code', id: code.id, field: key }} projectId={code.projectId} rows={key === 'description' ? 3 : 2} />
    </label>
  );
  return (
    <aside className="details coding-panel" aria-label={t('codes.detailsOf', { name: code.name })}>
      <h3>
        <span className="dot" style={{ background: code.color }} /> {codePath(codes, code.id)}
      </h3>
      {field('description', t('codes.description'))}
      {field('inclusion', t('codes.inclusion'))}
      {field('exclusion', t('codes.exclusion'))}
      {field('example', t('codes.example'))}
      <button onClick={onWriteMemo}>{t('memos.writeOn', { name: code.name })}</button>
    </aside>
  );
}
