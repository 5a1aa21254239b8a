import { useLiveQuery } from 'dexie-react-hooks';
import { errorText } from '@core/model/errors';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createAttribute, createCase, deleteAttribute, deleteCase, renameCase, setCaseValue, updateAttribute } from '@core/db/cases';
import type { MessageKey } from '@core/i18n';
import type { Attribute, AttributeType, AttributeValue, Case } from '@core/model/types';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { commitOnLeave, writeDraft } from '../editing/useTypedField';
import { draftKey } from '@core/editing/drafts';
import type { TypedField } from '@core/editing/typed-field';
import { useI18n } from '../i18n';

const TYPES: AttributeType[] = ['text', 'number', 'date', 'boolean', 'category'];

/** Cases and their attributes, edited like a spreadsheet: Enter moves down, Tab moves right. */
export function CasesSheet({ projectId }: { projectId: string }) {
  const { t, locale } = useI18n();
  const cases = useLiveQuery(() => db.cases.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  const attributes = useLiveQuery(() => db.attributes.where('projectId').equals(projectId).sortBy('order'), [projectId]);
  const sourceCounts = useLiveQuery(async () => {
    const counts = new Map<string, number>();
    await db.sources
      .where('projectId')
      .equals(projectId)
      .each((s) => s.caseIds.forEach((id) => counts.set(id, (counts.get(id) ?? 0) + 1)));
    return counts;
  }, [projectId]);
  const [newCase, setNewCase] = useState('');
  const [newAttr, setNewAttr] = useState<{ name: string; type: AttributeType }>({ name: '', type: 'text' });
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ title: string; body: string; run(): Promise<void> } | null>(null);

  const guard = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
    } catch (e) {
      setError(errorText(locale, e));
    }
  };
  if (!cases || !attributes) return <div className="loading">{t('common.loading')}</div>;

  return (
    <section className="cases-sheet">
      <div className="list-toolbar">
        <h2>{t('workspace.cases')}</h2>
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void guard(async () => {
              await createCase(db, projectId, newCase);
              setNewCase('');
            });
          }}
        >
          <input value={newCase} placeholder={t('cases.newCase')} aria-label={t('cases.newCase')} onChange={(e) => setNewCase(e.target.value)} />
          <button type="submit" disabled={!newCase.trim()}>
            {t('cases.addCase')}
          </button>
        </form>
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void guard(async () => {
              await createAttribute(db, projectId, newAttr.name, newAttr.type);
              setNewAttr({ name: '', type: 'text' });
            });
          }}
        >
          <input
            value={newAttr.name}
            placeholder={t('cases.newAttribute')}
            aria-label={t('cases.newAttribute')}
            onChange={(e) => setNewAttr({ ...newAttr, name: e.target.value })}
          />
          <select aria-label={t('cases.attributeType')} value={newAttr.type} onChange={(e) => setNewAttr({ ...newAttr, type: e.target.value as AttributeType })}>
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`attrType.${ty}` as MessageKey)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!newAttr.name.trim()}>
            {t('cases.addAttribute')}
          </button>
        </form>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {cases.length === 0 ? (
        <div className="empty-state">
          <p>{t('cases.empty')}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="grid sheet sticky" role="grid" aria-label={t('workspace.cases')}>
            <thead>
              <tr>
                <th>{t('cases.col.case')}</th>
                <th className="num">{t('cases.col.sources')}</th>
                {attributes.map((a) => (
                  <th key={a.id}>
                    <AttributeHeader
                      attribute={a}
                      onError={setError}
                      onDelete={() =>
                        setConfirm({ title: t('cases.deleteAttributeTitle', { name: a.name }), body: t('cases.deleteAttributeBody'), run: () => deleteAttribute(db, a.id) })
                      }
                    />
                  </th>
                ))}
                <th aria-label={t('start.col.actions')} />
              </tr>
            </thead>
            <tbody>
              {cases.map((c, row) => (
                <tr key={c.id}>
                  <td>
                    <CellInput label={t('cases.nameOf', { name: c.name })} value={c.name} row={row} col={0} onCommit={(v) => guard(() => renameCase(db, c.id, v))} />
                  </td>
                  <td className="num">{sourceCounts?.get(c.id) ?? 0}</td>
                  {attributes.map((a, col) => (
                    <td key={a.id} className={a.type === 'number' ? 'num' : undefined}>
                      <ValueCell kase={c} attribute={a} row={row} col={col + 1} onError={setError} />
                    </td>
                  ))}
                  <td>
                    <button
                      className="icon danger"
                      aria-label={t('cases.deleteCase', { name: c.name })}
                      title={t('cases.deleteCase', { name: c.name })}
                      onClick={() =>
                        setConfirm({
                          title: t('cases.deleteCaseTitle', { name: c.name }),
                          body: t('cases.deleteCaseBody', { count: sourceCounts?.get(c.id) ?? 0 }),
                          run: () => deleteCase(db, c.id),
                        })
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {attributes
        .filter((a) => a.type === 'category')
        .map((a) => (
          <datalist key={a.id} id={`values-${a.id}`}>
            {a.values.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        ))}
      {confirm && (
        <Dialog
          title={confirm.title}
          onCancel={() => setConfirm(null)}
          actions={
            <>
              <button onClick={() => setConfirm(null)}>{t('common.cancel')}</button>
              <button className="danger" onClick={() => void confirm.run().then(() => setConfirm(null))}>
                {t('common.delete')}
              </button>
            </>
          }
        >
          <p>{confirm.body}</p>
        </Dialog>
      )}
    </section>
  );
}

function AttributeHeader({ attribute, onDelete, onError }: { attribute: Attribute; onDelete(): void; onError(m: string): void }) {
  const { t, locale } = useI18n();
  return (
    <div className="attr-head">
      <CellInput
        label={t('cases.attributeName', { name: attribute.name })}
        value={attribute.name}
        row={-1}
        col={-1}
        onCommit={(v) => updateAttribute(db, attribute.id, { name: v }).catch((e: unknown) => onError(errorText(locale, e)))}
      />
      <select
        aria-label={t('cases.attributeTypeOf', { name: attribute.name })}
        value={attribute.type}
        onChange={(e) => void updateAttribute(db, attribute.id, { type: e.target.value as AttributeType })}
      >
        {TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`attrType.${ty}` as MessageKey)}
          </option>
        ))}
      </select>
      <button className="icon" aria-label={t('cases.deleteAttribute', { name: attribute.name })} title={t('cases.deleteAttribute', { name: attribute.name })} onClick={onDelete}>
        ×
      </button>
    </div>
  );
}

function display(value: AttributeValue | undefined, t: (k: MessageKey) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return String(value);
}

function ValueCell({ kase, attribute, row, col, onError }: { kase: Case; attribute: Attribute; row: number; col: number; onError(m: string): void }) {
  const { t, locale } = useI18n();
  const value = kase.values[attribute.id];
  const label = `${kase.name} · ${attribute.name}`;
  if (attribute.type === 'boolean') {
    return (
      <select
        className="cell"
        aria-label={label}
        data-row={row}
        data-col={col}
        value={value === true ? 'yes' : value === false ? 'no' : ''}
        onChange={(e) => void setCaseValue(db, kase.id, attribute.id, e.target.value).catch((er: unknown) => onError(errorText(locale, er)))}
      >
        <option value="" />
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    );
  }
  return (
    <CellInput
      label={label}
      value={display(value, t)}
      row={row}
      col={col}
      type={attribute.type === 'date' ? 'date' : 'text'}
      list={attribute.type === 'category' ? `values-${attribute.id}` : undefined}
      draft={{ field: { kind: 'caseValue', caseId: kase.id, attributeId: attribute.id }, projectId: kase.projectId }}
      onCommit={(v) =>
        setCaseValue(db, kase.id, attribute.id, v).then(
          () => true,
          (er: unknown) => (onError(errorText(locale, er)), false),
        )
      }
    />
  );
}

interface CellProps {
  label: string;
  value: string;
  row: number;
  col: number;
  type?: string;
  list?: string;
  /** Resolves to false when the value was not stored (its draft is then kept). */
  onCommit(value: string): Promise<unknown> | void;
  /** Where a value being typed is kept until it is stored (a reload or crash mid-cell loses nothing). */
  draft?: { field: TypedField; projectId: string };
}

/** A sheet cell: commits on Enter or leaving the cell, Escape restores, Enter moves down. */
function CellInput({ label, value, row, col, type = 'text', list, onCommit, draft: keep }: CellProps) {
  const [draft, setDraftState] = useState<string | null>(null);
  // What is typed, read by commit through a ref: a blur or pagehide that comes before the
  // next render must see the last key, not the value of the render before.
  const typed = useRef<string | null>(null);
  const draftKeyOf = keep && draftKey(keep.field);
  const setDraft = (next: string | null) => {
    typed.current = next;
    setDraftState(next);
    if (draftKeyOf && next !== null) writeDraft(draftKeyOf, keep.field, keep.projectId, next, value);
    else if (draftKeyOf) localStorage.removeItem(draftKeyOf);
  };
  const commit = () => {
    const text = typed.current;
    if (text === null) return;
    if (text === value) return setDraft(null);
    typed.current = null;
    setDraftState(null);
    // The kept draft goes once the store has the value.
    void Promise.resolve(onCommit(text)).then((stored) => stored !== false && draftKeyOf && localStorage.removeItem(draftKeyOf));
  };
  // A value being typed is committed if the page goes away first (a reload, a closed window).
  const latest = useRef(commit);
  latest.current = commit;
  useEffect(() => commitOnLeave(() => latest.current()), []);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setDraft(null);
      e.currentTarget.blur();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit();
      const below = document.querySelector<HTMLElement>(`[data-row="${row + (e.shiftKey ? -1 : 1)}"][data-col="${col}"]`);
      below?.focus();
    }
  };
  return (
    <input
      className="cell"
      aria-label={label}
      data-row={row}
      data-col={col}
      type={type}
      list={list}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}
