import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { filterMemos, memoTarget, type MemoFilter, type MemoTarget } from '@core/coding/memos';
import { codePath } from '@core/coding/codes';
import { createMemo, deleteMemo, editMemo } from '@core/db/coding';
import type { MessageKey } from '@core/i18n';
import type { Case, Code, Memo, Source } from '@core/model/types';
import { useCoding } from '../coding/CodingContext';
import { TypedText } from '../editing/TypedText';
import { db } from '../db';
import { useI18n } from '../i18n';

const TARGETS: MemoTarget[] = ['project', 'source', 'case', 'code', 'segment'];

/** Every memo of the project; field notes by date for longitudinal studies. */
export function MemosView({ projectId, sources, cases, codes, initialMemoId }: { projectId: string; sources: Source[]; cases: Case[]; codes: Code[]; initialMemoId?: string }) {
  const { t } = useI18n();
  const coding = useCoding();
  const memos = useLiveQuery(() => db.memos.where('projectId').equals(projectId).toArray(), [projectId]);
  const [filter, setFilter] = useState<MemoFilter>({ target: 'all', type: 'all' });
  const [openId, setOpenId] = useState<string | null>(initialMemoId ?? null);
  if (!memos) return <div className="loading">{t('common.loading')}</div>;
  const shown = filterMemos(memos, filter);
  const open = memos.find((m) => m.id === openId);
  const attachedTo = (m: Memo) => {
    const l = m.links;
    if (l.segmentId) return t('memos.onSegment');
    if (l.codeId) return codePath(codes, l.codeId);
    if (l.caseId) return cases.find((c) => c.id === l.caseId)?.name ?? '';
    if (l.sourceId) return sources.find((s) => s.id === l.sourceId)?.name ?? '';
    return t('memos.target.project');
  };
  const newMemo = async (type: Memo['type']) => {
    await coding.run(async () => {
      const memo = await createMemo(db, projectId, { title: '', body: '', type, date: new Date().toISOString().slice(0, 10), links: {} });
      setOpenId(memo.id);
    });
  };
  return (
    <section className="memos-view" aria-label={t('memos.title')}>
      <div className="list-toolbar">
        <h2>{t('memos.title')}</h2>
        <button onClick={() => void newMemo('memo')}>+ {t('memos.newMemo')}</button>
        <button onClick={() => void newMemo('field-note')}>+ {t('memos.newFieldNote')}</button>
      </div>
      <div className="memo-filters">
        <label>
          {t('memos.attachedTo')}
          <select value={filter.target} onChange={(e) => setFilter({ ...filter, target: e.target.value as MemoFilter['target'] })}>
            <option value="all">{t('memos.all')}</option>
            {TARGETS.map((x) => (
              <option key={x} value={x}>
                {t(`memos.target.${x}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('memos.type')}
          <select value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.target.value as MemoFilter['type'] })}>
            <option value="all">{t('memos.all')}</option>
            <option value="memo">{t('memos.type.memo')}</option>
            <option value="field-note">{t('memos.type.field-note')}</option>
          </select>
        </label>
        <label>
          {t('memos.from')}
          <input type="date" value={filter.from ?? ''} onChange={(e) => setFilter({ ...filter, from: e.target.value || undefined })} />
        </label>
        <label>
          {t('memos.to')}
          <input type="date" value={filter.to ?? ''} onChange={(e) => setFilter({ ...filter, to: e.target.value || undefined })} />
        </label>
        <input
          type="search"
          aria-label={t('memos.search')}
          placeholder={t('memos.search')}
          value={filter.text ?? ''}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
      </div>
      <div className="memos-layout">
        <ul className="memo-list" aria-label={t('memos.list')}>
          {shown.map((m) => (
            <li key={m.id} className={m.id === openId ? 'active' : undefined}>
              <button onClick={() => setOpenId(m.id)}>
                <span className="memo-date">{m.date}</span> <strong>{m.title}</strong>
                <span className="hint">
                  {m.type === 'field-note' ? t('memos.type.field-note') : t('memos.type.memo')} ·{' '}
                  {memoTarget(m) === 'project' ? attachedTo(m) : `${t(`memos.target.${memoTarget(m)}` as MessageKey)}: ${attachedTo(m)}`}
                </span>
              </button>
            </li>
          ))}
          {shown.length === 0 && <li className="hint">{t('memos.none')}</li>}
        </ul>
        {open && (
          <MemoEditor
            key={open.id}
            memo={open}
            sources={sources}
            cases={cases}
            codes={codes}
            onDelete={() => void coding.run(() => deleteMemo(db, open.id)).then(() => setOpenId(null))}
          />
        )}
      </div>
    </section>
  );
}

function MemoEditor({ memo, sources, cases, codes, onDelete }: { memo: Memo; sources: Source[]; cases: Case[]; codes: Code[]; onDelete(): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const save = (edit: Parameters<typeof editMemo>[2]) => void coding.run(() => editMemo(db, memo.id, edit));
  const link = memo.links.sourceId
    ? `source:${memo.links.sourceId}`
    : memo.links.caseId
      ? `case:${memo.links.caseId}`
      : memo.links.codeId
        ? `code:${memo.links.codeId}`
        : memo.links.segmentId
          ? 'segment'
          : 'project';
  return (
    <form className="memo-editor" aria-label={t('memos.editor')} onSubmit={(e) => e.preventDefault()}>
      <TypedText field={{ kind: 'memo', id: memo.id, field: 'title' }} projectId={memo.projectId} multiline={false} className="memo-title" aria-label={t('memos.memoTitle')} />
      <div className="memo-meta">
        <label>
          {t('memos.type')}
          <select value={memo.type} onChange={(e) => save({ type: e.target.value as Memo['type'] })}>
            <option value="memo">{t('memos.type.memo')}</option>
            <option value="field-note">{t('memos.type.field-note')}</option>
          </select>
        </label>
        <label>
          {t('memos.date')}
          <input type="date" value={memo.date} onChange={(e) => e.target.value && save({ date: e.target.value })} />
        </label>
        {link !== 'segment' && (
          <label>
            {t('memos.attachedTo')}
            <select
              value={link}
              onChange={(e) => {
                const [kind, id] = e.target.value.split(':');
                save({ links: kind === 'source' ? { sourceId: id } : kind === 'case' ? { caseId: id } : kind === 'code' ? { codeId: id } : {} });
              }}
            >
              <option value="project">{t('memos.target.project')}</option>
              <optgroup label={t('memos.target.source')}>
                {sources.map((s) => (
                  <option key={s.id} value={`source:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('memos.target.case')}>
                {cases.map((c) => (
                  <option key={c.id} value={`case:${c.id}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('memos.target.code')}>
                {codes.map((c) => (
                  <option key={c.id} value={`code:${c.id}`}>
                    {codePath(codes, c.id)}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
        )}
      </div>
      <TypedText field={{ kind: 'memo', id: memo.id, field: 'body' }} projectId={memo.projectId} className="memo-body" aria-label={t('memos.body')} rows={16} />
      <p className="hint">{t('memos.formatting')}</p>
      <button type="button" className="danger" onClick={onDelete}>
        {t('memos.delete')}
      </button>
    </form>
  );
}
