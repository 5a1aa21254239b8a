import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SurveyMapping } from '../../../src/import';
import type { MenuCommand } from '../../../src/ipc/contract';
import { bridge } from '../bridge';
import { LocalePicker } from '../components/LocalePicker';
import { db } from '../db';
import { useI18n } from '../i18n';
import { ClassificationDialog } from '../import/ClassificationDialog';
import { ImportPanel } from '../import/ImportPanel';
import { SurveyMappingDialog } from '../import/SurveyMappingDialog';
import { filesFromDrop, filesFromList, useImportQueue } from '../import/useImportQueue';
import { CasesSheet } from './CasesSheet';
import { SourceList } from './SourceList';
import { SourceViewer } from './SourceViewer';

type View = { type: 'sources' } | { type: 'source'; id: string } | { type: 'cases' };

interface PendingSurvey {
  fileName: string;
  bytes: Uint8Array;
  resolve(mapping: SurveyMapping | null): void;
}

export function Workspace({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const { t } = useI18n();
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId]);
  const sources = useLiveQuery(() => db.sources.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  const cases = useLiveQuery(() => db.cases.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  const [view, setView] = useState<View>({ type: 'sources' });
  const [survey, setSurvey] = useState<PendingSurvey | null>(null);
  const [classification, setClassification] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const mapSurvey = useCallback((fileName: string, bytes: Uint8Array) => new Promise<SurveyMapping | null>((resolve) => setSurvey({ fileName, bytes, resolve })), []);
  const queue = useImportQueue(projectId, mapSurvey);

  useEffect(
    () =>
      bridge.onMenuCommand((command: MenuCommand) => {
        if (command === 'import-sources') {
          if (bridge.platform === 'electron') void bridge.pickSourceFiles().then((files) => queue.run(files.map((f) => ({ name: f.name, size: f.size, read: async () => f.bytes }))));
          else fileInput.current?.click();
        } else if (command === 'close-project') onClose();
        else if (command === 'show-sources') setView({ type: 'sources' });
        else if (command === 'show-cases') setView({ type: 'cases' });
      }),
    [queue, onClose],
  );

  if (project === undefined) return <div className="loading">{t('common.loading')}</div>;
  if (project === null) return null;

  return (
    <div
      className={dragging ? 'workspace dragging' : 'workspace'}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={async (e) => {
        e.preventDefault();
        setDragging(false);
        void queue.run(await filesFromDrop(e.dataTransfer));
      }}
    >
      <header className="topbar">
        <button className="back" onClick={onClose} title={t('workspace.backTitle')}>
          ← {t('workspace.projects')}
        </button>
        <h1>{project.name}</h1>
        <div className="import-controls">
          <label className="button primary">
            {t('workspace.importSources')}
            <input ref={fileInput} type="file" multiple aria-label={t('workspace.importSources')} accept=".txt,.md,.docx,.pdf,.odt,.rtf,.vtt,.srt,.csv" onChange={(e) => {
              void queue.run(filesFromList(e.target.files));
              e.target.value = '';
            }} />
          </label>
          <label className="button">
            {t('workspace.importFolder')}
            <input type="file" aria-label={t('workspace.importFolder')} {...{ webkitdirectory: '' }} onChange={(e) => {
              void queue.run(filesFromList(e.target.files).filter((f) => !f.name.startsWith('.')));
              e.target.value = '';
            }} />
          </label>
          <label className="button">
            {t('workspace.importClassification')}
            <input type="file" accept=".csv" aria-label={t('workspace.importClassification')} onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) setClassification({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
            }} />
          </label>
        </div>
        <LocalePicker />
      </header>
      <nav className="navigator" aria-label={t('workspace.navigator')}>
        <button className={view.type !== 'cases' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'sources' })}>
          {t('workspace.sources')} <span className="count">{sources?.length ?? 0}</span>
        </button>
        <ul role="listbox" aria-label={t('workspace.sources')} className="nav-list">
          {sources?.map((s) => (
            <li key={s.id} role="option" aria-selected={view.type === 'source' && view.id === s.id}>
              <button onClick={() => setView({ type: 'source', id: s.id })} title={s.originalFileName}>
                <span className={`kind-dot k-${project.sourceKinds.indexOf(s.kind)}`} aria-hidden />
                {s.name}
              </button>
            </li>
          ))}
        </ul>
        <button className={view.type === 'cases' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'cases' })}>
          {t('workspace.cases')} <span className="count">{cases?.length ?? 0}</span>
        </button>
        <p className="drop-hint">{t('workspace.dropHint')}</p>
      </nav>
      <main className="main-pane">
        {notice && (
          <p className="notice" role="status">
            {notice} <button className="link" onClick={() => setNotice(null)}>{t('common.dismiss')}</button>
          </p>
        )}
        {view.type === 'sources' && <SourceList project={project} sources={sources ?? []} cases={cases ?? []} onOpen={(id) => setView({ type: 'source', id })} />}
        {view.type === 'source' && <SourceViewer key={view.id} project={project} sourceId={view.id} cases={cases ?? []} onDeleted={() => setView({ type: 'sources' })} />}
        {view.type === 'cases' && <CasesSheet projectId={projectId} />}
      </main>
      <ImportPanel rows={queue.rows} running={queue.running} onCancel={queue.cancel} onClose={queue.clear} />
      {survey && (
        <SurveyMappingDialog
          fileName={survey.fileName}
          bytes={survey.bytes}
          onDone={(m) => {
            survey.resolve(m);
            setSurvey(null);
          }}
        />
      )}
      {classification && (
        <ClassificationDialog
          projectId={projectId}
          fileName={classification.fileName}
          bytes={classification.bytes}
          caseNames={(cases ?? []).map((c) => c.name)}
          onClose={(message) => {
            setClassification(null);
            if (message) setNotice(message);
          }}
        />
      )}
    </div>
  );
}
