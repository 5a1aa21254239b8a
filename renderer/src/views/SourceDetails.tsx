import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deleteSource, linkSourceToCase, updateSource } from '@core/db/sources';
import type { Attribute, Case, Project, Source, SourceContent } from '@core/model/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { db } from '../db';
import { useI18n } from '../i18n';
import { KindSelect } from '../components/KindSelect';
import { LANGUAGES, languageLabel, noteText } from '../labels';

interface Props {
  project: Project;
  source: Source;
  content: SourceContent;
  cases: Case[];
  onDeleted(): void;
  onWriteMemo(): void;
}

/** The right pane beside a source: what it is, when, in which language, whose. */
export function SourceDetails({ project, source, content, cases, onDeleted, onWriteMemo }: Props) {
  const { t } = useI18n();
  const [newCase, setNewCase] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const attributes = useLiveQuery(() => db.attributes.where('projectId').equals(project.id).sortBy('order'), [project.id]);
  const linked = new Set(source.caseIds);
  const toggleCase = (id: string) => updateSource(db, source.id, { caseIds: linked.has(id) ? source.caseIds.filter((c) => c !== id) : [...source.caseIds, id] });
  const addCase = async () => {
    const name = newCase.trim();
    if (!name) return;
    await linkSourceToCase(db, source.id, name);
    setNewCase('');
  };
  const languages = LANGUAGES.includes(source.language as (typeof LANGUAGES)[number]) ? LANGUAGES : [...LANGUAGES, source.language];
  const kinds = project.sourceKinds.includes(source.kind) ? project.sourceKinds : [...project.sourceKinds, source.kind];
  return (
    <aside className="details" aria-label={t('details.label')}>
      <h3>{t('details.title')}</h3>
      <label>
        {t('sources.col.kind')}
        <KindSelect kinds={kinds} value={source.kind} onChange={(kind) => void updateSource(db, source.id, { kind })} />
      </label>
      <label>
        {t('sources.col.date')}
        <input type="date" value={source.date ?? ''} onChange={(e) => void updateSource(db, source.id, { date: e.target.value || undefined })} />
      </label>
      <label>
        {t('details.language')}
        <select value={source.language} onChange={(e) => void updateSource(db, source.id, { language: e.target.value })}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageLabel(t, l)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('details.cases')}</legend>
        <ul className="case-checks">
          {cases.map((c) => (
            <li key={c.id}>
              <label>
                <input type="checkbox" checked={linked.has(c.id)} onChange={() => void toggleCase(c.id)} /> {c.name}
              </label>
            </li>
          ))}
        </ul>
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void addCase();
          }}
        >
          <input value={newCase} placeholder={t('details.newCase')} aria-label={t('details.newCase')} onChange={(e) => setNewCase(e.target.value)} />
          <button type="submit" disabled={!newCase.trim()}>
            {t('common.add')}
          </button>
        </form>
      </fieldset>
      {cases
        .filter((c) => linked.has(c.id))
        .map((c) => (
          <CaseAttributes key={c.id} kase={c} attributes={attributes ?? []} />
        ))}
      <dl className="facts">
        <dt>{t('details.file')}</dt>
        <dd>{source.originalFileName}</dd>
        {source.encoding && (
          <>
            <dt>{t('details.encoding')}</dt>
            <dd>{source.encoding}</dd>
          </>
        )}
        <dt>{t('details.fingerprint')}</dt>
        <dd title={source.sha256}>sha-256 {source.sha256.slice(0, 12)}…</dd>
      </dl>
      {source.warnings.length > 0 && (
        <div className="warnings">
          <h4>{t('details.warnings')}</h4>
          <ul>
            {source.warnings.map((w, i) => (
              <li key={i}>{noteText(t, w)}</li>
            ))}
          </ul>
        </div>
      )}
      {content.annotations.some((a) => a.kind === 'comment') && (
        <div className="annotations">
          <h4>{t('details.comments')}</h4>
          <ul>
            {content.annotations
              .filter((a) => a.kind === 'comment')
              .map((a, i) => (
                <li key={i}>
                  <strong>{a.label}</strong> {a.text}
                </li>
              ))}
          </ul>
        </div>
      )}
      <button onClick={onWriteMemo}>{t('memos.writeOn', { name: source.name })}</button>
      <button className="danger" onClick={() => setConfirmDelete(true)}>
        {t('details.delete')}
      </button>
      {confirmDelete && (
        <ConfirmDialog
          title={t('details.deleteTitle', { name: source.name })}
          confirmLabel={t('details.deleteConfirm')}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await deleteSource(db, source.id);
            onDeleted();
          }}
        >
          <p>{t('details.deleteWarning')}</p>
        </ConfirmDialog>
      )}
    </aside>
  );
}

/** The linked case's attributes, so the researcher reads who is speaking (role, municipality…). */
function CaseAttributes({ kase, attributes }: { kase: Case; attributes: Attribute[] }) {
  const { t } = useI18n();
  const shown = attributes.filter((a) => kase.values[a.id] !== undefined && kase.values[a.id] !== null);
  if (shown.length === 0) return null;
  return (
    <dl className="facts case-facts" aria-label={t('details.caseAttributes', { name: kase.name })}>
      <dt className="case-name">{kase.name}</dt>
      <dd />
      {shown.map((a) => {
        const v = kase.values[a.id];
        return [<dt key={`${a.id}-k`}>{a.name}</dt>, <dd key={`${a.id}-v`}>{typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v)}</dd>];
      })}
    </dl>
  );
}
