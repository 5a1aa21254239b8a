import type { KwicLine } from '@core/search/kwic';
import type { SearchOutcome, SearchRequest } from '@core/search/search';

/** What the window asks of the search worker. */
export type SearchJob =
  /** Open a project's indexes, or bring them up to date after its sources changed. */
  { kind: 'open'; projectId: string } | { kind: 'search'; id: number; request: SearchRequest; /** how many keyword-in-context lines to send */ lines: number };

/** What the search worker tells the window. */
export type SearchReply =
  | { kind: 'progress'; done: number; total: number; phase: 'load' | 'build' }
  | { kind: 'ready'; sources: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'result'; id: number; outcome: SearchOutcome; lines: KwicLine[]; memos: KwicLine[] };
