import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { filterByName } from '@core/search/fold';
import { compareNatural } from '@core/util/natural-order';
import { historyText, undoState } from '@core/db/changes';
import { createMemo, ensureCoder } from '@core/db/coding';
import { SOURCE_EXTENSIONS, type SurveyMapping } from '@core/import';
import type { CommandState, ViewName, Workbench } from '@core/app/commands';
import { commandForKey } from '@core/app/commands';
import type { Code, Coder, Source } from '@core/model/types';
import { bridge } from '../bridge';
import { CodeDetails, DeleteCodeDialog, MergeCodeDialog } from '../coding/CodeDialogs';
import { CodeTree, type CodeRequest } from '../coding/CodeTree';
import { useCodeCounts } from '../coding/useCodeCounts';
import { CoderPrompt, coderKey, USER_KEY } from '../coding/CoderPrompt';
import { coderAtStart } from '@core/coding/current-coder';
import { CodingPanel } from '../coding/CodingPanel';
import { CodingProvider, useCoding } from '../coding/CodingContext';
import { QuickCodePalette } from '../coding/QuickCodePalette';
import { ShortcutHelp } from '../commands/ShortcutHelp';
import { CommandPalette } from '../commands/CommandPalette';
import { CommandsProvider, isTyping, resolve, type Commands } from '../commands/CommandsContext';
import { CommandButton } from '../commands/CommandButton';
import { LocalePicker } from '../components/LocalePicker';
import { Splitter, usePaneWidth } from '../components/Splitter';
import { ViewBoundary } from '../components/ViewBoundary';
import { Dialog } from '../components/Dialog';
import { InterruptedImports } from '../import/InterruptedImports';
import { recoverDrafts } from '../editing/recoverDrafts';
import { db } from '../db';
import { useI18n } from '../i18n';
import { ClassificationDialog } from '../import/ClassificationDialog';
import { ImportPanel } from '../import/ImportPanel';
import { SurveyMappingDialog } from '../import/SurveyMappingDialog';
import { filesFromDrop, filesFromList, useImportQueue } from '../import/useImportQueue';
import { isProjectFile, useProjectFileOpener } from '../exchange/ProjectFileOpener';
import { useCodebookImporter } from '../exchange/CodebookImport';
import { useMergeCopy } from '../exchange/MergeCopy';
import { CopyReminder, noteCopySaved } from '../exchange/CopyReminder';
import { useAutoBackup } from '../exchange/useAutoBackup';
import { loadProjectData } from '@core/db/snapshot';
import { writeQdc } from '@core/exchange';
import { writeProjectFile } from '../exchange/exchange-jobs';
import { saveRequest } from '@core/export/file-name';
import { AnalysesView } from './AnalysesView';
import { CasesSheet } from './CasesSheet';
import { CodebookView } from './CodebookView';
import { MemosView } from './MemosView';
import { RetrievalView } from './RetrievalView';
import { SourceDetails } from './SourceDetails';
import { SourceList } from './SourceList';
import { SourceViewer } from './SourceViewer';
import { SearchView, type SearchRequest } from './SearchView';
import { CaseLinksDialog } from '../import/CaseLinksDialog';
import { agreementAnalysis } from '@core/db/analyses';
import { SearchService } from '../search/search-service';
import type { SavedSearch } from '@core/analysis/definition';

type View =
  | { type: 'sources' }
  | { type: 'source'; id: string; focus?: number }
  | { type: 'cases' }
  | { type: 'retrieval' }
  | { type: 'codebook' }
  | { type: 'memos'; open?: string }
  | { type: 'analyses'; open?: string }
  | { type: 'search'; saved?: SavedSearch };

interface PendingSurvey {
  fileName: string;
  bytes: Uint8Array;
  resolve(mapping: SurveyMapping | null): void;
}

/** The project: navigator (sources, cases, codes), the main view, and the right pane. */
export function Workspace({ projectId, onClose, onOpen }: { projectId: string; onClose(): void; onOpen(projectId: string): void }) {
  const coders = useLiveQuery(() => db.coders.where('projectId').equals(projectId).toArray(), [projectId]);
  const [coderId, setCoderId] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const choose = useCallback(
    (id: string) => {
      localStorage.setItem(coderKey(projectId), id);
      setCoderId(id);
      setAsking(false);
    },
    [projectId],
  );
  // Not a live query: finding the coder may create one, and live queries only read.
  const chooseOrCreate = useCallback(
    (choice: { id: string } | { name: string }) => {
      if ('id' in choice) choose(choice.id);
      else void ensureCoder(db, projectId, choice.name).then((c) => choose(c.id));
    },
    [choose, projectId],
  );
  // The coder coding now went away (a merge that brought them was undone): who codes is asked again.
  // Only a coder once seen among the project's coders can have gone (a new one may not be listed yet).
  const coderSeen = useRef<string | null>(null);
  useEffect(() => {
    if (!coders || !coderId) return;
    const here = coders.some((c) => c.id === coderId);
    if (here) coderSeen.current = coderId;
    else if (coderSeen.current === coderId) {
      coderSeen.current = null;
      localStorage.removeItem(coderKey(projectId));
      setCoderId(null);
    }
  }, [coders, coderId, projectId]);
  useEffect(() => {
    if (!coders || coderId) return;
    const start = coderAtStart(coders, localStorage.getItem(coderKey(projectId)), localStorage.getItem(USER_KEY));
    if ('use' in start) choose(start.use);
    else if ('create' in start) chooseOrCreate({ name: start.create });
    else setAsking(true);
  }, [coders, coderId, projectId, choose, chooseOrCreate]);
  if (!coderId) return asking && coders ? <CoderPrompt coders={coders} onChoose={chooseOrCreate} /> : null;
  return (
    <CodingProvider projectId={projectId} coderId={coderId}>
      <WorkspaceBody projectId={projectId} onClose={onClose} onOpen={onOpen} coders={coders ?? []} onSwitchCoder={chooseOrCreate} />
    </CodingProvider>
  );
}

/** A view's identity: a failed view is tried again when the researcher goes elsewhere. */
function viewKey(view: View): string {
  return view.type === 'source' ? `source:${view.id}` : view.type;
}

function WorkspaceBody({
  projectId,
  onClose,
  onOpen,
  coders,
  onSwitchCoder,
}: {
  projectId: string;
  onClose(): void;
  onOpen(projectId: string): void;
  coders: Coder[];
  onSwitchCoder(choice: { id: string } | { name: string }): void;
}) {
  const { t, locale } = useI18n();
  const coding = useCoding();
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId]);
  const sources = useLiveQuery(() => db.sources.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  const cases = useLiveQuery(() => db.cases.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  const codes = useLiveQuery(() => db.codes.where('projectId').equals(projectId).toArray(), [projectId]);
  const analyses = useLiveQuery(() => db.analyses.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  const history = useLiveQuery(() => undoState(db, projectId), [projectId]);
  const counts = useCodeCounts(projectId, codes ?? []);
  const [view, setView] = useState<View>({ type: 'sources' });
  const nav = usePaneWidth('navigator', 260, 180, 520);
  const sourcesHeight = usePaneWidth('navigator-sources', 240, 80, 900);
  const [sourcesOpen, setSourcesOpen] = useState(() => localStorage.getItem('qda-studio.sourcesOpen') !== 'no');
  useEffect(() => localStorage.setItem('qda-studio.sourcesOpen', sourcesOpen ? 'yes' : 'no'), [sourcesOpen]);
  const [sourceFilter, setSourceFilter] = useState('');
  const [linkingCases, setLinkingCases] = useState(false);
  const sideWidth = usePaneWidth('side', 320, 240, 640);
  const [side, setSide] = useState<'coding' | 'source' | 'code'>('coding');
  const [selectedCodeId, setSelectedCodeId] = useState<string | null>(null);
  const [palette, setPalette] = useState<'code' | 'commands' | null>(null);
  const [codeRequest, setCodeRequest] = useState<CodeRequest | null>(null);
  const [searchRequest, setSearchRequest] = useState<SearchRequest | null>(null);
  const [searchHits, setSearchHits] = useState(0);
  const [searchService, setSearchService] = useState<SearchService | null>(null);
  // The project's search index lives while the project is open, kept up to date as sources change.
  useEffect(() => {
    const service = new SearchService(projectId);
    setSearchService(service);
    return () => service.close();
  }, [projectId]);
  const askSearch = (action: SearchRequest['action']) => {
    if (view.type !== 'search') setView({ type: 'search' });
    setSearchRequest((r) => ({ action, n: (r?.n ?? 0) + 1 }));
  };
  const [help, setHelp] = useState(false);
  const [switchingCoder, setSwitchingCoder] = useState(false);
  const coder = coders.find((c) => c.id === coding.coderId);
  // The window's title says whose coding new segments record.
  useEffect(() => {
    if (!project || !coder) return;
    document.title = `${project.name} — ${t('coder.current', { name: coder.name })} — ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [project, coder, t]);
  const [deleting, setDeleting] = useState<Code | null>(null);
  const [merging, setMerging] = useState<Code | null>(null);
  const [survey, setSurvey] = useState<PendingSurvey | null>(null);
  const [classification, setClassification] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const classificationInput = useRef<HTMLInputElement>(null);

  const openSource = useCallback((id: string) => setView({ type: 'source', id }), []);
  // In the order people number them (P2 before P10), as the source list shows them.
  const filteredSources = useMemo(
    () =>
      filterByName(sources, sourceFilter)
        ?.slice()
        .sort((a, b) => compareNatural(a.name, b.name, locale)),
    [sources, sourceFilter, locale],
  );
  /** A new memo attached to a source or code, opened in the memos view. */
  const writeMemo = (links: { sourceId?: string; codeId?: string }, title: string) =>
    void coding.run(async () => {
      const memo = await createMemo(db, projectId, { title, body: '', type: 'memo', date: new Date().toISOString().slice(0, 10), links });
      setView({ type: 'memos', open: memo.id });
    });
  const mapSurvey = useCallback((fileName: string, bytes: Uint8Array) => new Promise<SurveyMapping | null>((resolve) => setSurvey({ fileName, bytes, resolve })), []);
  const [lowSpace, setLowSpace] = useState<{ need: string; free: string; resolve(go: boolean): void } | null>(null);
  const askLowSpace = useCallback((need: string, free: string) => new Promise<boolean>((resolve) => setLowSpace({ need, free, resolve })), []);
  const queue = useImportQueue(projectId, mapSurvey, askLowSpace);

  const importSources = () => {
    if (bridge.platform === 'electron')
      void bridge.pickSourceFiles().then((files) => queue.run(files.map((f) => ({ name: f.name, size: f.size, read: () => bridge.readPickedFile(f.id) }))));
    else fileInput.current?.click();
  };
  const showCode = (id: string) => {
    setSelectedCodeId(id);
    setSide('code');
  };
  const opener = useProjectFileOpener(onOpen);
  const [saving, setSaving] = useState<{ name: string; done: number; total: number } | null>(null);
  const codebookImporter = useCodebookImporter(projectId, setNotice);
  const mergeCopy = useMergeCopy(projectId);
  useAutoBackup(
    projectId,
    useCallback((reason: string) => setNotice(t('backup.failed', { reason })), [t]),
  );
  const saveProjectCopy = async () => {
    const data = await loadProjectData(db, projectId);
    setSaving({ name: data.project.name, done: 0, total: data.sources.length });
    try {
      const bytes = await writeProjectFile(data, (done, total) => setSaving({ name: data.project.name, done, total }));
      const result = await bridge.saveFile(saveRequest(data.project.name, 'qdpx', bytes));
      if (result.saved) noteCopySaved(projectId);
    } finally {
      setSaving(null);
    }
  };
  const saveCodebookFile = async () => {
    const data = await loadProjectData(db, projectId);
    await bridge.saveFile(saveRequest(`${t('codebook.title')} - ${data.project.name}`, 'qdc', writeQdc(data.codes, new Set(data.segments.map((s) => s.codeId)))));
  };
  const bench: Workbench = {
    newProject: onClose,
    saveProjectCopy: () => coding.run(saveProjectCopy),
    openProjectFile: opener.pick,
    saveCodebookFile: () => coding.run(saveCodebookFile),
    importCodebookFile: codebookImporter.pick,
    closeProject: onClose,
    importSources,
    importFolder: () => folderInput.current?.click(),
    importClassification: () => classificationInput.current?.click(),
    undo: coding.undo,
    redo: coding.redo,
    editTyping: (action) => document.execCommand(action),
    show: (type: ViewName) => setView({ type }),
    openQuickCode: () => setPalette('code'),
    openPalette: () => setPalette('commands'),
    openShortcuts: () => setHelp(true),
    codeWithLast: () => (coding.lastCodeId ? coding.codeSelection(coding.lastCodeId) : Promise.resolve()),
    codeInVivo: () => (coding.selection ? coding.codeSelectionWithNewCode(coding.selection.text.slice(0, 60)) : Promise.resolve()),
    uncodeSegment: () => (coding.selectedSegmentId ? coding.uncodeSegment(coding.selectedSegmentId) : Promise.resolve()),
    moveSegmentEdge: coding.moveSegmentBoundary,
    writeSegmentMemo: () => {
      setSide('coding');
      setTimeout(() => document.getElementById('segment-memo')?.focus(), 0);
    },
    clearSelection: () => {
      coding.setSelection(null);
      coding.selectSegment(null);
    },
    newCode: () => setCodeRequest((r) => ({ action: 'new', codeId: null, n: (r?.n ?? 0) + 1 })),
    applyCode: (id) => (coding.selection ? void coding.codeSelection(id) : showCode(id)),
    renameCode: (id) => setCodeRequest((r) => ({ action: 'rename', codeId: id, n: (r?.n ?? 0) + 1 })),
    showCodeActions: (id) => setCodeRequest((r) => ({ action: 'actions', codeId: id, n: (r?.n ?? 0) + 1 })),
    mergeCode: (id) => setMerging(codes?.find((c) => c.id === id) ?? null),
    deleteCode: (id) => setDeleting(codes?.find((c) => c.id === id) ?? null),
    autocodeHits: () => askSearch('autocode'),
    codeSpeaker: () => askSearch('speaker'),
    codeStructure: () => askSearch('structure'),
    saveSearch: () => askSearch('save'),
    editThesaurus: () => askSearch('thesaurus'),
    switchCoder: () => setSwitchingCoder(true),
    mergeCopy: mergeCopy.pick,
    openAgreement: () =>
      coding.run(async () => {
        const analysis = await agreementAnalysis(db, projectId, t('analysis.type.agreement'));
        setView({ type: 'analyses', open: analysis.id });
      }),
  };
  const state: CommandState = {
    inProject: true,
    typing: false,
    hasSelection: !!coding.selection,
    hasSegment: !!coding.selectedSegmentId,
    hasLastCode: !!coding.lastCodeId,
    codeId: selectedCodeId,
    canUndo: !!history?.undo,
    canRedo: !!history?.redo,
    hasHits: view.type === 'search' && searchHits > 0,
  };
  const commands: Commands = {
    state,
    run(command, via, about) {
      const c = resolve(command);
      const now = { ...state, typing: isTyping(document.activeElement), ...about };
      if (!c || !c.enabled(now)) return false;
      void c.run(bench, now, via);
      return true;
    },
  };
  // The menu and the keyboard are wired once; they run the latest commands.
  const latest = useRef(commands);
  latest.current = commands;
  useEffect(() => bridge.onMenuCommand((id) => void latest.current.run(id, 'menu')), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const now = { ...latest.current.state, typing: isTyping(e.target) };
      const command = commandForKey(e, now);
      if (command && latest.current.run(command, 'key')) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // What was typed here before a reload, a crash or a closed window reaches the store now.
  useEffect(() => {
    void recoverDrafts(projectId, t('edit.bothKept', { time: new Date().toLocaleString() })).then((count) => count > 0 && setNotice(t('edit.recovered', { count })));
    // Once per opening of the project.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId]);

  useEffect(() => {
    if (!coding.status) return;
    const timer = setTimeout(() => coding.setStatus(null), 4000);
    return () => clearTimeout(timer);
  }, [coding]);

  if (project === undefined) return <div className="loading">{t('common.loading')}</div>;
  if (project === null) return null;
  const selectedCode = codes?.find((c) => c.id === selectedCodeId);

  const sidePane =
    view.type === 'source' ? (
      <div className="side-pane">
        <Splitter label={t('workspace.resizeSide')} width={sideWidth.width} min={240} max={640} direction={-1} onChange={sideWidth.setWidth} />
        <div className="tabs" role="tablist" aria-label={t('side.tabs')}>
          <button role="tab" aria-selected={side === 'coding'} onClick={() => setSide('coding')}>
            {t('side.coding')}
          </button>
          <button role="tab" aria-selected={side === 'code'} disabled={!selectedCode} onClick={() => setSide('code')}>
            {t('side.code')}
          </button>
          <button role="tab" aria-selected={side === 'source'} onClick={() => setSide('source')}>
            {t('side.source')}
          </button>
        </div>
        {side === 'coding' && <CodingPanel codes={codes ?? []} onOpenPalette={() => setPalette('code')} />}
        {side === 'code' && selectedCode && (
          <CodeDetails key={selectedCode.id} code={selectedCode} codes={codes ?? []} onWriteMemo={() => writeMemo({ codeId: selectedCode.id }, selectedCode.name)} />
        )}
        {side === 'source' && (
          <SourceSide projectId={projectId} sourceId={view.id} onDeleted={() => setView({ type: 'sources' })} onWriteMemo={(name) => writeMemo({ sourceId: view.id }, name)} />
        )}
      </div>
    ) : null;

  return (
    <CommandsProvider value={commands}>
      <div
        className={dragging ? 'workspace dragging' : 'workspace'}
        style={{ '--nav-w': `${nav.width}px`, '--side-w': `${sideWidth.width}px` } as CSSProperties}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
        onDrop={async (e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragging(false);
          const files = await filesFromDrop(e.dataTransfer);
          // A project file dropped on a project opens as a project of its own; sources are imported.
          const project = files.find((f) => isProjectFile(f.name));
          if (project) opener.openFile(project);
          const others = files.filter((f) => !isProjectFile(f.name));
          if (others.length) void queue.run(others);
        }}
      >
        <header className="topbar">
          <button className="back" onClick={onClose} title={t('workspace.backTitle')}>
            ← {t('workspace.projects')}
          </button>
          <h1>{project.name}</h1>
          {coder && (
            <CommandButton id="team.switch-coder" className="coder-chip" title={t('coder.switchTitle')}>
              <span className="coder-swatch" style={{ background: coder.color }} /> {t('coder.current', { name: coder.name })}
            </CommandButton>
          )}
          <div className="history">
            <CommandButton id="edit.undo" title={history?.undo ? t('coding.undoTitle', { label: historyText(history.undo, locale) }) : undefined}>
              ↶ {t('coding.undo')}
            </CommandButton>
            <CommandButton id="edit.redo" title={history?.redo ? t('coding.redoTitle', { label: historyText(history.redo, locale) }) : undefined}>
              ↷ {t('coding.redo')}
            </CommandButton>
            <CommandButton id="help.palette">☰</CommandButton>
            <CommandButton id="help.shortcuts">?</CommandButton>
          </div>
          <div className="import-controls">
            {bridge.platform === 'electron' ? (
              // The desktop app picks files in main (size checks, one bridge), as its menu and shortcut do.
              <CommandButton id="sources.import" className="button primary">
                {t('workspace.importSources')}
              </CommandButton>
            ) : (
              <label className="button primary">
                {t('workspace.importSources')}
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  aria-label={t('workspace.importSources')}
                  accept={SOURCE_EXTENSIONS.map((e) => `.${e}`).join(',')}
                  onChange={(e) => {
                    void queue.run(filesFromList(e.target.files));
                    e.target.value = '';
                  }}
                />
              </label>
            )}
            <label className="button">
              {t('workspace.importFolder')}
              <input
                ref={folderInput}
                type="file"
                aria-label={t('workspace.importFolder')}
                {...{ webkitdirectory: '' }}
                onChange={(e) => {
                  void queue.run(filesFromList(e.target.files).filter((f) => !f.name.startsWith('.')));
                  e.target.value = '';
                }}
              />
            </label>
            <label className="button">
              {t('workspace.importClassification')}
              <input
                ref={classificationInput}
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,.ods"
                aria-label={t('workspace.importClassification')}
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) setClassification({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
                }}
              />
            </label>
          </div>
          <LocalePicker />
        </header>
        <nav className="navigator" aria-label={t('workspace.navigator')}>
          {/* Sources, views and the codebook each scroll on their own: the codebook stays in view however many sources there are. */}
          <div className="nav-sources" style={sourcesOpen ? { height: sourcesHeight.width } : undefined}>
            <div className="nav-head-row">
              <button
                className="nav-toggle"
                aria-expanded={sourcesOpen}
                aria-label={t(sourcesOpen ? 'workspace.hideSources' : 'workspace.showSources')}
                title={t(sourcesOpen ? 'workspace.hideSources' : 'workspace.showSources')}
                onClick={() => setSourcesOpen((o) => !o)}
              >
                {sourcesOpen ? '▾' : '▸'}
              </button>
              <button className={view.type === 'sources' || view.type === 'source' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'sources' })}>
                {t('workspace.sources')} <span className="count">{sources?.length ?? 0}</span>
              </button>
            </div>
            {sourcesOpen && (sources?.length ?? 0) > 8 && (
              <input
                type="search"
                className="nav-filter"
                placeholder={t('workspace.filterSources')}
                aria-label={t('workspace.filterSources')}
                value={sourceFilter}
                onChange={(e) => setSourceFilter(e.target.value)}
              />
            )}
            {sourcesOpen && (
              <div className="nav-scroll">
                <SourceNav sources={filteredSources} kinds={project.sourceKinds} openId={view.type === 'source' ? view.id : null} onOpen={openSource} />
              </div>
            )}
          </div>
          {sourcesOpen && (
            <Splitter
              label={t('workspace.resizeSources')}
              width={sourcesHeight.width}
              min={80}
              max={900}
              direction={1}
              orientation="horizontal"
              onChange={sourcesHeight.setWidth}
            />
          )}
          <div className="nav-views">
            <button className={view.type === 'cases' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'cases' })}>
              {t('workspace.cases')} <span className="count">{cases?.length ?? 0}</span>
            </button>
            <button className={view.type === 'memos' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'memos' })}>
              {t('workspace.memos')}
            </button>
            <button className={view.type === 'retrieval' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'retrieval' })}>
              {t('workspace.retrieval')}
            </button>
            <button className={view.type === 'search' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'search' })}>
              {t('search.title')}
            </button>
            <button className={view.type === 'analyses' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'analyses' })}>
              {t('analysis.title')} <span className="count">{analyses?.length ?? 0}</span>
            </button>
            {analyses && analyses.length > 0 && (
              <ul className="nav-list" aria-label={t('analysis.title')}>
                {analyses.map((a) => (
                  <li key={a.id}>
                    <button onClick={() => setView(a.definition?.type === 'search' ? { type: 'search', saved: a.definition.search } : { type: 'analyses', open: a.id })}>
                      {a.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="nav-codes">
            <button className={view.type === 'codebook' ? 'nav-head active' : 'nav-head'} onClick={() => setView({ type: 'codebook' })}>
              {t('workspace.codes')} <span className="count">{codes?.length ?? 0}</span>
            </button>
            <CodeTree
              codes={codes ?? []}
              counts={counts}
              selectedCodeId={selectedCodeId}
              onSelectCode={(id) => {
                setSelectedCodeId(id);
                setSide('code');
              }}
              onAskDelete={setDeleting}
              onAskMerge={setMerging}
              request={codeRequest}
            />
            <p className="drop-hint">{t('workspace.dropHint')}</p>
          </div>
          <Splitter label={t('workspace.resizeNavigator')} width={nav.width} min={180} max={520} direction={1} onChange={nav.setWidth} />
        </nav>
        <main className="main-pane">
          {notice && (
            <p className="notice" role="status">
              {notice}{' '}
              <button className="link" onClick={() => setNotice(null)}>
                {t('common.dismiss')}
              </button>
            </p>
          )}
          <CopyReminder projectId={projectId} onSaveCopy={() => void coding.run(saveProjectCopy)} />
          <InterruptedImports projectId={projectId} />
          <ViewBoundary key={viewKey(view)} onBack={() => setView({ type: 'sources' })}>
            {view.type === 'source' && <SourceViewer key={view.id} sourceId={view.id} codes={codes ?? []} side={sidePane} focusOffset={view.focus} />}
            {view.type !== 'source' && (
              <div className={selectedCode && side === 'code' ? 'with-side' : undefined}>
                <div className="with-side-main">
                  {view.type === 'sources' && <SourceList project={project} sources={sources ?? []} cases={cases ?? []} onOpen={(id) => setView({ type: 'source', id })} />}
                  {view.type === 'cases' && <CasesSheet projectId={projectId} />}
                  {view.type === 'retrieval' && (
                    <RetrievalView
                      project={project}
                      onOpenQuote={(q) => {
                        setView({ type: 'source', id: q.sourceId, focus: q.start });
                        setSide('coding');
                        coding.setSelection(null);
                        coding.selectSegment(q.segmentIds.length === 1 ? q.segmentIds[0] : null);
                      }}
                    />
                  )}
                  {view.type === 'analyses' && (
                    <AnalysesView
                      key={view.open}
                      projectId={projectId}
                      initialId={view.open}
                      onOpenSource={(id, start, end) => {
                        // The disagreement's stretch opens selected, ready to recode.
                        setView({ type: 'source', id, focus: start });
                        setSide('coding');
                        coding.selectSegment(null);
                        void db.sourceContents.get(id).then((c) => c && coding.setSelection({ sourceId: id, start, end, text: c.text.slice(start, end) }));
                      }}
                    />
                  )}
                  {view.type === 'search' && (
                    <SearchView
                      key={view.saved ? JSON.stringify(view.saved) : 'search'}
                      project={project}
                      codes={codes ?? []}
                      service={searchService}
                      request={searchRequest}
                      onHits={setSearchHits}
                      initialQuery={view.saved}
                      onOpenHit={(hit) => {
                        setView({ type: 'source', id: hit.sourceId, focus: hit.start });
                        setSide('coding');
                        coding.selectSegment(null);
                        void db.sourceContents
                          .get(hit.sourceId)
                          .then((c) => c && coding.setSelection({ sourceId: hit.sourceId, start: hit.start, end: hit.end, text: c.text.slice(hit.start, hit.end) }));
                      }}
                    />
                  )}
                  {view.type === 'codebook' && <CodebookView project={project} codes={codes ?? []} counts={counts} />}
                  {view.type === 'memos' && (
                    <MemosView key={view.open} projectId={projectId} sources={sources ?? []} cases={cases ?? []} codes={codes ?? []} initialMemoId={view.open} />
                  )}
                </div>
                {selectedCode && side === 'code' && (
                  <div className="side-pane">
                    <div className="tabs">
                      <button className="link close-side" onClick={() => setSelectedCodeId(null)} aria-label={t('common.close')}>
                        ×
                      </button>
                    </div>
                    <CodeDetails key={selectedCode.id} code={selectedCode} codes={codes ?? []} onWriteMemo={() => writeMemo({ codeId: selectedCode.id }, selectedCode.name)} />
                  </div>
                )}
              </div>
            )}
          </ViewBoundary>
        </main>
        {coding.status && (
          <div className="toast" role="status">
            {coding.status}
          </div>
        )}
        {opener.view}
        {saving && (
          <div className="toast" role="status">
            <progress aria-label={t('exchange.saving', { name: saving.name })} value={saving.done} max={saving.total || 1} /> {t('exchange.saving', { name: saving.name })}
          </div>
        )}
        {codebookImporter.view}
        {mergeCopy.view}
        <ImportPanel progress={queue.progress} onCancel={queue.cancel} onClose={queue.clear} onLinkCases={() => setLinkingCases(true)} />
        {linkingCases && <CaseLinksDialog projectId={projectId} onClose={() => setLinkingCases(false)} />}
        {palette === 'code' && <QuickCodePalette codes={codes ?? []} onClose={() => setPalette(null)} />}
        {palette === 'commands' && <CommandPalette onClose={() => setPalette(null)} />}
        {help && <ShortcutHelp onClose={() => setHelp(false)} />}
        {switchingCoder && (
          <CoderPrompt
            coders={coders}
            currentId={coding.coderId}
            onChoose={(choice) => {
              onSwitchCoder(choice);
              setSwitchingCoder(false);
            }}
            onCancel={() => setSwitchingCoder(false)}
          />
        )}
        {deleting && <DeleteCodeDialog code={deleting} codes={codes ?? []} onClose={() => setDeleting(null)} />}
        {merging && <MergeCodeDialog code={merging} codes={codes ?? []} onClose={() => setMerging(null)} />}
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
        {lowSpace && (
          <Dialog
            title={t('storage.wontFitTitle')}
            onCancel={() => (lowSpace.resolve(false), setLowSpace(null))}
            actions={
              <>
                <button onClick={() => (lowSpace.resolve(false), setLowSpace(null))}>{t('common.cancel')}</button>
                <button className="primary" onClick={() => (lowSpace.resolve(true), setLowSpace(null))}>
                  {t('storage.importAnyway')}
                </button>
              </>
            }
          >
            <p>{t('storage.wontFit', { need: lowSpace.need, free: lowSpace.free })}</p>
          </Dialog>
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
    </CommandsProvider>
  );
}

/** The navigator's list of sources; memoised, as a project can hold hundreds. */
const SourceNav = memo(function SourceNav({ sources, kinds, openId, onOpen }: { sources: Source[] | undefined; kinds: string[]; openId: string | null; onOpen(id: string): void }) {
  const { t } = useI18n();
  return (
    <ul role="listbox" aria-label={t('workspace.sources')} className="nav-list">
      {sources?.map((s) => (
        <li key={s.id} role="option" aria-selected={openId === s.id}>
          <button onClick={() => onOpen(s.id)} title={s.originalFileName}>
            <span className={`kind-dot k-${kinds.indexOf(s.kind)}`} aria-hidden />
            {s.name}
          </button>
        </li>
      ))}
    </ul>
  );
});

/** The source's own details in the right pane. */
function SourceSide({ projectId, sourceId, onDeleted, onWriteMemo }: { projectId: string; sourceId: string; onDeleted(): void; onWriteMemo(name: string): void }) {
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId]);
  const source = useLiveQuery(() => db.sources.get(sourceId), [sourceId]);
  const content = useLiveQuery(() => db.sourceContents.get(sourceId), [sourceId]);
  const cases = useLiveQuery(() => db.cases.where('projectId').equals(projectId).sortBy('name'), [projectId]);
  if (!project || !source || !content || !cases) return null;
  return <SourceDetails project={project} source={source} content={content} cases={cases} onDeleted={onDeleted} onWriteMemo={() => onWriteMemo(source.name)} />;
}
