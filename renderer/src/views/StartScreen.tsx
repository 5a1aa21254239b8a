import { FirstSteps } from './FirstSteps';
import { useLiveQuery } from 'dexie-react-hooks';
import { errorText } from '@core/model/errors';
import { useEffect, useState } from 'react';
import {
  describeProjectContents,
  deleteProject,
  emptyExpiredTrash,
  listProjects,
  markProjectOpened,
  moveProjectToTrash,
  purgeDate,
  renameProject,
  restoreProject,
  createProject,
  TRASH_DAYS,
  type ProjectContents,
  type ProjectSummary,
} from '@core/db/projects';
import { usePersistence } from '../storage';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { LocalePicker } from '../components/LocalePicker';
import { db } from '../db';
import { useI18n } from '../i18n';
import { openSampleProject } from '../sample';
import { isProjectFile, useProjectFileOpener } from '../exchange/ProjectFileOpener';
import { BackupList } from '../exchange/BackupList';

export function StartScreen({ onOpen }: { onOpen(id: string): void }) {
  const { t, locale } = useI18n();
  const projects = useLiveQuery(() => listProjects(db), []);
  const trash = useLiveQuery(() => listProjects(db, 'trash'), []);
  const persisted = usePersistence();
  const [forgetting, setForgetting] = useState<ProjectSummary | null>(null);
  // Projects in the trash for more than TRASH_DAYS go for good when the start screen opens.
  useEffect(() => void emptyExpiredTrash(db), []);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<{ project: ProjectSummary; contents: ProjectContents } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async (id: string) => {
    await markProjectOpened(db, id);
    onOpen(id);
  };
  const create = async () => {
    if (!name.trim()) return;
    const p = await createProject(db, name);
    setName('');
    onOpen(p.id);
  };
  const sample = async (worked: boolean) => {
    setBusy(true);
    setError(null);
    try {
      onOpen(await openSampleProject(locale, worked));
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const opener = useProjectFileOpener((id) => void open(id));

  return (
    <div
      className="start"
      onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
      onDrop={(e) => {
        const file = Array.from(e.dataTransfer.files).find((f) => isProjectFile(f.name));
        if (!file) return;
        e.preventDefault();
        opener.openFile({ name: file.name, read: async () => new Uint8Array(await file.arrayBuffer()) });
      }}
    >
      {opener.view}
      <header className="start-header">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('start.tagline')}</p>
        <LocalePicker />
      </header>
      <section className="start-actions">
        <form
          className="new-project"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label htmlFor="new-project-name">{t('start.newProject')}</label>
          <input id="new-project-name" value={name} placeholder={t('start.newProjectPlaceholder')} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('start.create')}
          </button>
        </form>
        <button className="sample" onClick={() => void sample(true)} disabled={busy} title={t('start.sampleTitle')}>
          {busy ? t('start.sampleBuilding') : t('start.openSample')}
        </button>
        <button className="sample link" onClick={() => void sample(false)} disabled={busy}>
          {t('start.practiseSample')}
        </button>
        <button className="open-file" onClick={opener.pick} title={t('exchange.openTitle')}>
          {t('command.openProjectFile')}
        </button>
        <p className="hint drop-hint">{t('exchange.dropHint')}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
      <FirstSteps />
      {persisted === false && (
        <p className="notice storage-warning" role="note">
          {t('storage.notPersistent')}
        </p>
      )}
      <section className="project-list" aria-label={t('start.projects')}>
        <h2>{t('start.projects')}</h2>
        {projects && projects.length === 0 && <p className="empty">{t('start.noProjects')}</p>}
        {projects && projects.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th>{t('start.col.name')}</th>
                <th className="num">{t('start.col.sources')}</th>
                <th>{t('start.col.lastOpened')}</th>
                <th aria-label={t('start.col.actions')} />
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td>
                    {renaming?.id === p.id ? (
                      <form
                        onSubmit={async (e) => {
                          e.preventDefault();
                          await renameProject(db, p.id, renaming.name);
                          setRenaming(null);
                        }}
                      >
                        <input
                          aria-label={t('start.renameLabel')}
                          value={renaming.name}
                          autoFocus
                          onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                          onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                        />
                        <button type="submit">{t('common.save')}</button>
                      </form>
                    ) : (
                      <button className="link" onClick={() => void open(p.id)}>
                        {p.name}
                      </button>
                    )}
                  </td>
                  <td className="num">{p.sourceCount}</td>
                  <td>{dateFormat.format(new Date(p.openedAt))}</td>
                  <td className="row-actions">
                    <button onClick={() => void open(p.id)}>{t('start.open')}</button>
                    <button onClick={() => setRenaming({ id: p.id, name: p.name })}>{t('start.rename')}</button>
                    <button className="danger" onClick={async () => setDeleting({ project: p, contents: await describeProjectContents(db, p.id) })}>
                      {t('start.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {trash && trash.length > 0 && (
        <section className="project-list trash" aria-label={t('start.trash')}>
          <h2>{t('start.trash')}</h2>
          <p className="hint">{t('start.trashHint', { days: TRASH_DAYS })}</p>
          <table className="grid">
            <tbody>
              {trash.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td className="num">{t('count.sources', { count: p.sourceCount })}</td>
                  <td>
                    {t('start.deletedOn', {
                      date: dateFormat.format(new Date(p.deletedAt!)),
                      until: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(purgeDate(p.deletedAt!))),
                    })}
                  </td>
                  <td className="row-actions">
                    <button onClick={() => void restoreProject(db, p.id)}>{t('start.restore')}</button>
                    <button className="danger" onClick={() => setForgetting(p)}>
                      {t('start.deleteForever')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <BackupList onRestore={opener.openFile} />
      {forgetting && (
        <ConfirmDialog
          title={t('start.deleteForeverTitle', { name: forgetting.name })}
          confirmLabel={t('start.deleteForever')}
          onCancel={() => setForgetting(null)}
          onConfirm={async () => {
            await deleteProject(db, forgetting.id);
            setForgetting(null);
          }}
        >
          <p>{t('start.deleteForeverWarning')}</p>
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('start.deleteTitle', { name: deleting.project.name })}
          confirmLabel={t('start.deleteConfirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await moveProjectToTrash(db, deleting.project.id);
            setDeleting(null);
          }}
        >
          <p>{t('start.trashWarning', { days: TRASH_DAYS })}</p>
          <ul>
            <li>{t('count.sources', { count: deleting.contents.sources })}</li>
            <li>{t('count.cases', { count: deleting.contents.cases })}</li>
            <li>{t('count.codes', { count: deleting.contents.codes })}</li>
            <li>{t('count.segments', { count: deleting.contents.segments })}</li>
            <li>{t('count.memos', { count: deleting.contents.memos })}</li>
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}
