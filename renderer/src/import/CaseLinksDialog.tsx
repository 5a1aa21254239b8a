import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { linkSourcesToCases } from '@core/db/sources';
import { useCoding } from '../coding/CodingContext';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { useI18n } from '../i18n';

/**
 * The sources of the latest import with the case each was linked to, editable (existing
 * cases offered as the researcher types, blank for none), so a folder is assigned in one
 * pass: one undo step.
 */
export function CaseLinksDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const listId = useId();
  const data = useLiveQuery(async () => {
    const imports = await db.imports.where('projectId').equals(projectId).sortBy('startedAt');
    const since = imports[imports.length - 1]?.startedAt ?? '';
    const [sources, cases] = await Promise.all([db.sources.where('projectId').equals(projectId).toArray(), db.cases.where('projectId').equals(projectId).sortBy('name')]);
    return { sources: sources.filter((s) => s.importedAt >= since).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })), cases };
  }, [projectId]);
  const [typed, setTyped] = useState<Record<string, string>>({});
  if (!data) return null;
  const caseName = new Map(data.cases.map((c) => [c.id, c.name]));
  const valueOf = (sourceId: string, caseIds: string[]) => typed[sourceId] ?? caseIds.map((id) => caseName.get(id) ?? '').join(', ');
  const apply = () =>
    void coding.run(async () => {
      const count = await linkSourcesToCases(
        db,
        projectId,
        data.sources.map((s) => ({ sourceId: s.id, caseName: valueOf(s.id, s.caseIds) })),
      );
      coding.setStatus(t('caseLinks.done', { count }));
      onClose();
    });
  return (
    <Dialog
      wide
      title={t('caseLinks.title')}
      onCancel={onClose}
      actions={
        <>
          <button onClick={onClose}>{t('common.cancel')}</button>
          <button className="primary" onClick={apply}>
            {t('caseLinks.apply')}
          </button>
        </>
      }
    >
      <p className="hint">{t('caseLinks.help')}</p>
      <datalist id={listId}>
        {data.cases.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
      <table className="grid case-links">
        <thead>
          <tr>
            <th>{t('table.source')}</th>
            <th>{t('table.case')}</th>
          </tr>
        </thead>
        <tbody>
          {data.sources.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>
                <input
                  list={listId}
                  aria-label={t('caseLinks.caseOf', { source: s.name })}
                  value={valueOf(s.id, s.caseIds)}
                  onChange={(e) => setTyped((x) => ({ ...x, [s.id]: e.target.value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
