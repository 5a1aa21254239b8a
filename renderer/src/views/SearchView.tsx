import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createAnalysis } from '@core/db/analyses';
import type { Translator } from '@core/i18n';
import { errorText } from '@core/model/errors';
import type { Code, Project } from '@core/model/types';
import { corpusOf } from '@core/search/corpus';
import { hitSpread, hitsByCaseTable, hitsBySourceTable, kwicTable, memoHitsTable, sortHits, type HitOrder, type KwicLine } from '@core/search/kwic';
import type { SearchHit } from '@core/search/search';
import { parseThesaurus } from '@core/search/thesaurus';
import { useCoding } from '../coding/CodingContext';
import { Dialog } from '../components/Dialog';
import { TableExports } from '../components/TableExports';
import { TableGrid } from '../components/TableGrid';
import { TypedText } from '../editing/TypedText';
import { db } from '../db';
import { useI18n } from '../i18n';
import { AutocodeDialog, SpeakerDialog, StructureDialog } from '../search/AutocodeDialogs';
import type { IndexState, SearchResult, SearchService } from '../search/search-service';

/** What the window's commands ask of the search view (a counter so the same request can come twice). */
export interface SearchRequest {
  action: 'autocode' | 'speaker' | 'structure' | 'save' | 'thesaurus';
  n: number;
}

type Tab = 'hits' | 'sources' | 'cases' | 'memos';
const HELP = ['words', 'accents', 'phrase', 'wildcard', 'required', 'near', 'fields', 'attribute', 'regex'] as const;
const lastQueryKey = (projectId: string) => `qda-studio.search.${projectId}`;

function useIndexState(service: SearchService | null): IndexState | null {
  const [state, setState] = useState<IndexState | null>(service?.state ?? null);
  useEffect(() => {
    if (!service) return;
    setState(service.state);
    return service.onState(setState);
  }, [service]);
  return state;
}

/**
 * Text search: a query over every source (words stemmed in each source's language, phrases,
 * wildcards, NEAR, filters), its hits in context, how far they reach (sources, cases,
 * attribute groups), and the hits coded at the level chosen.
 */
export function SearchView({
  project,
  codes,
  service,
  request,
  onHits,
  onOpenHit,
  initialQuery,
}: {
  project: Project;
  codes: Code[];
  service: SearchService | null;
  request: SearchRequest | null;
  onHits(count: number): void;
  onOpenHit(hit: SearchHit): void;
  initialQuery?: { query: string; mode: 'words' | 'regex'; thesaurus: boolean };
}) {
  const { t, locale } = useI18n();
  const coding = useCoding();
  const saved = useMemo(() => {
    try {
      return JSON.parse(localStorage.getItem(lastQueryKey(project.id)) ?? 'null') as typeof initialQuery | null;
    } catch {
      return null;
    }
  }, [project.id]);
  const [query, setQuery] = useState(initialQuery?.query ?? saved?.query ?? '');
  const [mode, setMode] = useState<'words' | 'regex'>(initialQuery?.mode ?? saved?.mode ?? 'words');
  const [useThesaurus, setUseThesaurus] = useState(initialQuery?.thesaurus ?? saved?.thesaurus ?? false);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('hits');
  const [order, setOrder] = useState<HitOrder>('source');
  const [groupBy, setGroupBy] = useState<string>('');
  const [help, setHelp] = useState(false);
  const [dialog, setDialog] = useState<'autocode' | 'speaker' | 'structure' | 'thesaurus' | null>(null);
  const index = useIndexState(service);
  const sources = useLiveQuery(() => db.sources.where('projectId').equals(project.id).toArray(), [project.id]);
  const cases = useLiveQuery(() => db.cases.where('projectId').equals(project.id).toArray(), [project.id]);
  const attributes = useLiveQuery(() => db.attributes.where('projectId').equals(project.id).sortBy('order'), [project.id]);
  const memoTitles = useLiveQuery(async () => new Map((await db.memos.where('projectId').equals(project.id).toArray()).map((m) => [m.id, m.title])), [project.id]);
  // The names search results are shown with: no text needed here (the worker holds it).
  const corpus = useMemo(() => corpusOf({ sources: sources ?? [], contents: [], cases: cases ?? [], attributes: attributes ?? [] }), [sources, cases, attributes]);
  const thesaurus = useMemo(() => parseThesaurus(project.thesaurus ?? ''), [project.thesaurus]);
  const ready = !!service && index?.building === null;

  // Runs as the researcher types (after a pause), and again when the index or the project's sources change.
  const asked = useRef(0);
  useEffect(() => {
    localStorage.setItem(lastQueryKey(project.id), JSON.stringify({ query, mode, thesaurus: useThesaurus }));
    if (!service || !query.trim()) {
      setResult(null);
      setFailure(null);
      return;
    }
    const n = ++asked.current;
    const timer = setTimeout(() => {
      setBusy(true);
      service
        .search({ query, mode, thesaurus: useThesaurus ? thesaurus : undefined })
        .then((r) => {
          if (n !== asked.current) return;
          setResult(r);
          setFailure(null);
        })
        .catch((e) => {
          if (n !== asked.current) return;
          setFailure(errorText(locale, e));
          setResult(null);
        })
        .finally(() => n === asked.current && setBusy(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [service, query, mode, useThesaurus, thesaurus, ready, sources, cases, project.id, locale]);

  const outcome = result?.outcome.ok ? result.outcome : null;
  const hits = useMemo(() => outcome?.hits ?? [], [outcome]);
  useEffect(() => onHits(hits.length), [hits.length, onHits]);

  const lineOf = useMemo(() => new Map((result?.lines ?? []).map((l) => [`${l.hit.sourceId}:${l.hit.start}`, l])), [result]);
  const orderedLines = useMemo<KwicLine[]>(
    () =>
      sortHits(hits.slice(0, result?.lines.length ?? 0), corpus, order)
        .map((h) => lineOf.get(`${h.sourceId}:${h.start}`))
        .filter((l): l is KwicLine => !!l),
    [hits, result, corpus, order, lineOf],
  );
  const tableFor = (lt: Translator) => {
    if (tab === 'sources') return hitsBySourceTable(hits, corpus, query, lt);
    if (tab === 'cases') return hitsByCaseTable(hits, corpus, query, lt, groupBy || undefined);
    if (tab === 'memos') return memoHitsTable(result?.memos ?? [], (id) => memoTitles?.get(id) ?? '', query, lt);
    return kwicTable(orderedLines, corpus, query, lt);
  };
  const table = tableFor(t);
  const spread = hitSpread(hits, corpus);

  const saveSearch = () =>
    void coding.run(async () => {
      const name = `${t('analysis.type.search')}: ${query}`;
      await createAnalysis(db, project.id, name.slice(0, 120), { type: 'search', search: { query, mode, thesaurus: useThesaurus } });
      coding.setStatus(t('search.saved', { name }));
    });

  // The window's commands (menu, keys, palette) act here.
  const lastRequest = useRef(0);
  useEffect(() => {
    if (!request || request.n === lastRequest.current) return;
    lastRequest.current = request.n;
    if (request.action === 'save' && hits.length) saveSearch();
    else if (request.action === 'autocode' && hits.length) setDialog('autocode');
    else if (request.action === 'speaker') setDialog('speaker');
    else if (request.action === 'structure') setDialog('structure');
    else if (request.action === 'thesaurus') setDialog('thesaurus');
    // Each request acts once, when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  return (
    <section className="search-view" aria-label={t('search.title')}>
      <div className="search-bar">
        <input
          type="search"
          className="search-box"
          autoFocus
          aria-label={t('search.box')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label>
          {t('search.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as 'words' | 'regex')}>
            <option value="words">{t('search.mode.words')}</option>
            <option value="regex">{t('search.mode.regex')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={useThesaurus} disabled={mode === 'regex'} onChange={(e) => setUseThesaurus(e.target.checked)} /> {t('search.useThesaurus')}
        </label>
        <button className="link" onClick={() => setDialog('thesaurus')}>
          {t('search.editThesaurus')}
        </button>
        <button className="link" aria-expanded={help} onClick={() => setHelp((h) => !h)}>
          {t('search.help')}
        </button>
      </div>
      {help && (
        <ul className="search-help">
          {HELP.map((k) => (
            <li key={k}>{t(`search.help.${k}`)}</li>
          ))}
        </ul>
      )}
      {index?.building && index.building.total > 0 && (
        <p className="search-indexing" role="status">
          <progress value={index.building.done} max={index.building.total} aria-label={t(index.building.phase === 'load' ? 'search.loading' : 'search.indexing', index.building)} />{' '}
          {t(index.building.phase === 'load' ? 'search.loading' : 'search.indexing', index.building)}
        </p>
      )}
      {index?.failed && <p role="alert">{t('search.indexFailed', { reason: index.failed })}</p>}
      {!query.trim() && <p className="empty-state">{t('search.empty')}</p>}
      {result && !result.outcome.ok && (
        <p role="alert" className="search-error">
          {t(result.outcome.error.key, result.outcome.error.params)}
        </p>
      )}
      {failure && (
        <p role="alert" className="search-error">
          {failure}
        </p>
      )}
      {outcome && (
        <>
          <div className="search-summary">
            <strong role="status">
              {hits.length ? t('search.spread', { ...spread, pct: spread.totalCases ? Math.round((1000 * spread.cases) / spread.totalCases) / 10 : 0 }) : t('search.none')}
              {busy ? ` · ${t('search.searching')}` : ''}
            </strong>
            {!outcome.complete && <span className="hint">{t('search.limitReached', { limit: hits.length })}</span>}
            {outcome.complete && hits.length > (result?.lines.length ?? 0) && (
              <span className="hint">{t('search.truncated', { shown: result?.lines.length ?? 0, hits: hits.length })}</span>
            )}
          </div>
          {(hits.length > 0 || (result?.memos.length ?? 0) > 0) && (
            <>
              <div className="tabs" role="tablist" aria-label={t('search.title')}>
                {(['hits', 'sources', 'cases', 'memos'] as const).map((k) => (
                  <button key={k} role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
                    {k === 'memos' ? t('search.tab.memos', { count: result?.memos.length ?? 0 }) : t(`search.tab.${k}`)}
                  </button>
                ))}
              </div>
              <div className="list-toolbar">
                {tab === 'hits' && (
                  <label>
                    {t('search.sortBy')}{' '}
                    <select value={order} onChange={(e) => setOrder(e.target.value as HitOrder)}>
                      <option value="source">{t('table.source')}</option>
                      <option value="case">{t('table.case')}</option>
                      <option value="speaker">{t('search.speaker')}</option>
                      {(attributes ?? []).map((a) => (
                        <option key={a.id} value={`attribute:${a.id}`}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {tab === 'cases' && (
                  <label>
                    {t('search.groupBy')}{' '}
                    <select value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
                      <option value="">{t('search.allCases')}</option>
                      {(attributes ?? []).map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <button className="primary" disabled={!hits.length} onClick={() => setDialog('autocode')}>
                  {t('search.autocode')}
                </button>
                <button onClick={() => setDialog('speaker')}>{t('search.codeSpeaker')}</button>
                <button onClick={() => setDialog('structure')}>{t('search.codeStructure')}</button>
                <button disabled={!hits.length} onClick={saveSearch}>
                  {t('search.save')}
                </button>
                <TableExports name={table.title} subtitle={project.name} table={tableFor} disabled={!hits.length} />
              </div>
              <div className={tab === 'hits' ? 'kwic' : tab === 'memos' ? 'kwic kwic-memos' : undefined}>
                <TableGrid
                  table={table}
                  dataFrom={0}
                  onCellClick={
                    tab === 'hits'
                      ? (row) => {
                          const line = orderedLines[row];
                          if (line) onOpenHit(line.hit);
                        }
                      : undefined
                  }
                />
              </div>
            </>
          )}
        </>
      )}
      {dialog === 'autocode' && outcome && <AutocodeDialog query={query} hits={hits} codes={codes} onClose={() => setDialog(null)} />}
      {dialog === 'speaker' && <SpeakerDialog projectId={project.id} sources={sources ?? []} codes={codes} onClose={() => setDialog(null)} />}
      {dialog === 'structure' && <StructureDialog projectId={project.id} sources={sources ?? []} codes={codes} onClose={() => setDialog(null)} />}
      {dialog === 'thesaurus' && (
        <Dialog
          title={t('search.thesaurusTitle')}
          onCancel={() => setDialog(null)}
          actions={
            <button className="primary" onClick={() => setDialog(null)}>
              {t('common.close')}
            </button>
          }
        >
          <p className="hint">{t('search.thesaurusHelp')}</p>
          <TypedText field={{ kind: 'thesaurus', projectId: project.id }} projectId={project.id} multiline className="thesaurus" aria-label={t('search.thesaurusTitle')} />
        </Dialog>
      )}
    </section>
  );
}
