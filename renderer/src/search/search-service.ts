import { liveQuery, type Subscription } from 'dexie';
import { ResearcherError } from '@core/model/errors';
import type { SearchRequest } from '@core/search/search';
import { db } from '../db';
import type { SearchJob, SearchReply } from './search-protocol';

export type SearchResult = Extract<SearchReply, { kind: 'result' }>;
export interface IndexState {
  /** Partitions read (`load`) or rebuilt (`build`) so far; null once the index is ready. */
  building: { done: number; total: number; phase: 'load' | 'build' } | null;
  failed: string | null;
}

/** A search that takes longer than this is stopped: a regular expression built to backtrack forever. */
const SEARCH_LIMIT_MS = 15_000;
const KWIC_LINES = 2000;

/**
 * The open project's search: a worker holding its indexes, told to bring them up to date
 * whenever the project's sources or cases change (in this window or another).
 */
export class SearchService {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, { resolve(r: SearchResult): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>();
  private listeners = new Set<(s: IndexState) => void>();
  private watch: Subscription;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  state: IndexState = { building: { done: 0, total: 0, phase: 'load' }, failed: null };

  constructor(readonly projectId: string) {
    this.worker = this.start();
    // What the index depends on: sources (text, names, kinds, languages, cases) and case names.
    this.watch = liveQuery(() => Promise.all([db.sources.where({ projectId }).toArray(), db.cases.where({ projectId }).toArray()])).subscribe(() => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.send({ kind: 'open', projectId }), 300);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SearchReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.setState({ building: null, failed: event.message || 'worker' });
    };
    worker.postMessage({ kind: 'open', projectId: this.projectId } satisfies SearchJob);
    return worker;
  }

  private send(job: SearchJob) {
    this.worker.postMessage(job);
  }

  private receive(reply: SearchReply) {
    if (reply.kind === 'progress') this.setState({ building: reply.total ? { done: reply.done, total: reply.total, phase: reply.phase } : this.state.building, failed: null });
    else if (reply.kind === 'ready') this.setState({ building: null, failed: null });
    else if (reply.kind === 'failed') this.setState({ building: null, failed: reply.reason });
    else {
      const p = this.pending.get(reply.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(reply.id);
      p.resolve(reply);
    }
  }

  private setState(s: IndexState) {
    this.state = s;
    this.listeners.forEach((l) => l(s));
  }

  onState(listener: (s: IndexState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  search(request: SearchRequest): Promise<SearchResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // The worker is stuck in one search: it is replaced, its indexes read back from the store.
        this.worker.terminate();
        for (const [, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new ResearcherError('search.error.too-slow', { seconds: SEARCH_LIMIT_MS / 1000 }));
        }
        this.pending.clear();
        this.worker = this.start();
      }, SEARCH_LIMIT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ kind: 'search', id, request, lines: KWIC_LINES });
    });
  }

  close() {
    this.watch.unsubscribe();
    clearTimeout(this.debounce);
    this.worker.terminate();
    for (const [, p] of this.pending) clearTimeout(p.timer);
  }
}
