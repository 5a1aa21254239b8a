import { editCoder } from '@core/db/coding';
import type { Coder } from '@core/model/types';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { TypedText } from '../editing/TypedText';
import { db } from '../db';
import { useI18n } from '../i18n';
import { useCoding } from './CodingContext';

export const USER_KEY = 'qda-studio.user';
/** The coder chosen last in a project, on this machine. */
export const coderKey = (projectId: string) => `qda-studio.coder.${projectId}`;

/**
 * Who is coding: the project's coders to pick from (their names and colours editable when
 * switching), or a name for a new coder. Every segment records its coder.
 */
export function CoderPrompt({
  coders,
  currentId,
  onChoose,
  onCancel,
}: {
  coders: Coder[];
  currentId?: string;
  /** A coder of the project, or the name of a new one. */
  onChoose(choice: { id: string } | { name: string }): void;
  /** Only when switching: at the start someone must be coding. */
  onCancel?(): void;
}) {
  const { t } = useI18n();
  // At the start the name last given on this machine is offered; when switching, the field is for someone new.
  const [name, setName] = useState(() => (onCancel ? '' : (localStorage.getItem(USER_KEY) ?? '')));
  const done = () => {
    const n = name.trim();
    if (!n && coders.length && onCancel) return onCancel();
    const chosen = n || t('coder.default');
    localStorage.setItem(USER_KEY, chosen);
    const existing = coders.filter((c) => c.name === chosen);
    onChoose(existing.length === 1 ? { id: existing[0].id } : { name: chosen });
  };
  return (
    <Dialog
      title={t('coder.title')}
      onCancel={onCancel ?? done}
      actions={
        <>
          {onCancel && <button onClick={onCancel}>{t('common.cancel')}</button>}
          <button className="primary" onClick={done}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <p>{t('coder.explain')}</p>
      {coders.length > 0 && (
        <ul className="coder-list" aria-label={t('coder.list')}>
          {coders.map((c) => (
            <li key={c.id} className={c.id === currentId ? 'current' : undefined}>
              {onCancel ? <CoderColour coder={c} /> : <span className="coder-swatch" style={{ background: c.color }} />}
              {onCancel ? (
                <TypedText field={{ kind: 'coderName', id: c.id }} projectId={c.projectId} multiline={false} aria-label={t('coder.nameOf', { name: c.name })} />
              ) : (
                <span>{c.name}</span>
              )}
              <button
                className={c.id === currentId ? undefined : 'primary'}
                disabled={c.id === currentId}
                aria-label={c.id === currentId ? undefined : t('coder.codeAs', { name: c.name })}
                onClick={() => {
                  localStorage.setItem(USER_KEY, c.name);
                  onChoose({ id: c.id });
                }}
              >
                {c.id === currentId ? t('coder.isCurrent') : t('coder.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          done();
        }}
      >
        <label>
          {coders.length ? t('coder.someoneElse') : null}
          <input aria-label={t('coder.name')} placeholder={t('coder.placeholder')} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}

function CoderColour({ coder }: { coder: Coder }) {
  const { t } = useI18n();
  const coding = useCoding();
  return (
    <input
      type="color"
      className="coder-colour"
      aria-label={t('coder.colourOf', { name: coder.name })}
      value={coder.color}
      onChange={(e) => void coding.run(() => editCoder(db, coder.id, { color: e.target.value }))}
    />
  );
}
