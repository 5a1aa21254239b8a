// Keeps the open project's search indexes in a worker: building them (after an import, a
// deletion, or on first opening) and answering searches never freezes the window.
import { openSearchIndex, type SearchableProject } from '@core/db/search-index';
import { QdaDatabase } from '@core/db/database';
import { kwicLine } from '@core/search/kwic';
import { mainLanguage, searchMemos } from '@core/search/memos';
import { runSearch, type SearchRequest } from '@core/search/search';
import type { SearchReply, SearchJob } from './search-protocol';

const db = new QdaDatabase('qda-studio');
let project: SearchableProject | null = null;
let wanted: string | null = null;
/** Refreshes run one after the other; a search waits for the one under way. */
let ready: Promise<void> = Promise.resolve();

const post = (reply: SearchReply) => self.postMessage(reply);

function refresh(projectId: string) {
  wanted = projectId;
  ready = ready.then(async () => {
    if (wanted !== projectId) return;
    try {
      project = await openSearchIndex(db, projectId, project, (done, total, phase) => post({ kind: 'progress', done, total, phase }));
      post({ kind: 'ready', sources: project.corpus.sources.size });
    } catch (e) {
      post({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  });
}

async function search(id: number, request: SearchRequest, lines: number) {
  await ready;
  if (!project) return post({ kind: 'result', id, outcome: { ok: true, hits: [], unitsMatched: 0, complete: true }, lines: [], memos: [] });
  const outcome = runSearch(project.groups, project.corpus, request);
  const textOf = (sourceId: string) => project!.corpus.sources.get(sourceId)?.text ?? '';
  const memoOutcome = searchMemos(project.memos, mainLanguage(project.corpus), request);
  const memoText = new Map(project.memos.map((m) => [m.id, `${m.title}\n${m.body}`]));
  post({
    kind: 'result',
    id,
    outcome,
    lines: outcome.ok ? outcome.hits.slice(0, lines).map((h) => kwicLine(h, textOf)) : [],
    memos: memoOutcome.ok ? memoOutcome.hits.slice(0, lines).map((h) => kwicLine(h, (mid) => memoText.get(mid) ?? '')) : [],
  });
}

self.onmessage = (event: MessageEvent<SearchJob>) => {
  const job = event.data;
  if (job.kind === 'open') refresh(job.projectId);
  else void search(job.id, job.request, job.lines);
};
