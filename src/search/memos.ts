import type { WordLanguage } from '../analysis/languages';
import { paragraphsOf } from '../import/normalize';
import type { Memo } from '../model/types';
import type { SearchCorpus } from './corpus';
import { runSearch, unitGroupsOf, type SearchOutcome, type SearchRequest } from './search';

/** A memo's text as search reads it: its title, then its body. */
const memoText = (m: Memo) => `${m.title}\n${m.body}`;

/**
 * Searches the project's memos with the same query (their own group of results), stemmed in
 * the project's main language. Field filters about speakers, cases or kinds leave memos out.
 */
export function searchMemos(memos: Memo[], language: WordLanguage | null, request: SearchRequest): SearchOutcome {
  const corpus: SearchCorpus = {
    sources: new Map(memos.map((m) => [m.id, { id: m.id, name: m.title, kind: 'memo', language, caseIds: [], text: memoText(m) }])),
    cases: new Map(),
    attributes: [],
  };
  const contents = new Map(memos.map((m) => [m.id, { sourceId: m.id, text: memoText(m), paragraphs: paragraphsOf(memoText(m)), turns: [] }]));
  const outcome = runSearch(unitGroupsOf(corpus, contents), corpus, request);
  // A filter on an attribute the project has is no error for memos: they simply have none.
  if (!outcome.ok && outcome.error.key === 'search.error.unknown-attribute') return { ok: true, hits: [], unitsMatched: 0, complete: true };
  return outcome;
}

/** The language most of the project's sources are in: memos are stemmed in it. */
export function mainLanguage(corpus: SearchCorpus): WordLanguage | null {
  const count = new Map<WordLanguage | null, number>();
  for (const s of corpus.sources.values()) count.set(s.language, (count.get(s.language) ?? 0) + s.text.length);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
