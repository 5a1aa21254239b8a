import { useLiveQuery } from 'dexie-react-hooks';
import { errorText } from '@core/model/errors';
import { useEffect, useRef, useState } from 'react';
import { addSourceKind, countSourcesByKind, removeSourceKind, renameSourceKind } from '@core/db/projects';
import type { Project } from '@core/model/types';
import { Dialog } from '../components/Dialog';
import { commitOnLeave } from '../editing/useTypedField';
import { db } from '../db';
import { useI18n } from '../i18n';
import { kindLabel } from '../labels';

/** The project's list of source kinds: add, rename (on every source), remove (sources move to another kind). */
export function SourceKindsDialog({ project, onClose }: { project: Project; onClose(): void }) {
  const { t, locale } = useI18n();
  const counts = useLiveQuery(() => countSourcesByKind(db, project.id), [project.id]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [added, setAdded] = useState('');
  const [error, setError] = useState<string | null>(null);
  const guard = (work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (e: unknown) => setError(errorText(locale, e)),
    );
  // Kind names being typed are saved if the page goes away first (a reload, a closed window).
  const pending = useRef(drafts);
  pending.current = drafts;
  const typing = Object.keys(drafts).length > 0;
  useEffect(
    () =>
      typing
        ? commitOnLeave(() => {
            for (const [kind, draft] of Object.entries(pending.current)) if (draft.trim() && draft !== kindLabel(t, kind)) void renameSourceKind(db, project.id, kind, draft);
          })
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [typing],
  );
  return (
    <Dialog title={t('kinds.title')} onCancel={onClose} actions={<button onClick={onClose}>{t('common.close')}</button>}>
      <p className="hint">{t('kinds.hint')}</p>
      <table className="grid">
        <tbody>
          {project.sourceKinds.map((kind) => {
            const others = project.sourceKinds.filter((k) => k !== kind);
            const replacement = others.includes('other') ? 'other' : others[0];
            return (
              <tr key={kind}>
                <td>
                  <input
                    aria-label={t('kinds.nameOf', { kind: kindLabel(t, kind) })}
                    value={drafts[kind] ?? kindLabel(t, kind)}
                    onChange={(e) => setDrafts({ ...drafts, [kind]: e.target.value })}
                    onBlur={() => {
                      const draft = drafts[kind];
                      if (draft !== undefined && draft !== kindLabel(t, kind)) void guard(renameSourceKind(db, project.id, kind, draft));
                      setDrafts(({ [kind]: _, ...rest }) => rest);
                    }}
                    onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                  />
                </td>
                <td className="num">{t('count.sources', { count: counts?.get(kind) ?? 0 })}</td>
                <td>
                  <button
                    className="icon danger"
                    disabled={others.length === 0}
                    aria-label={t('kinds.remove', { kind: kindLabel(t, kind) })}
                    title={t('kinds.removeTitle', { other: replacement ? kindLabel(t, replacement) : '' })}
                    onClick={() => void guard(removeSourceKind(db, project.id, kind, replacement))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void guard(addSourceKind(db, project.id, added)).then(() => setAdded(''));
        }}
      >
        <input value={added} placeholder={t('kinds.new')} aria-label={t('kinds.new')} onChange={(e) => setAdded(e.target.value)} />
        <button type="submit" disabled={!added.trim()}>
          {t('common.add')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
