import type { WordLanguage } from '../analysis/languages';
import type { Message } from '../model/errors';
import { compileFilters, unitsOf, type SearchCorpus, type SearchSource, type SearchUnit, type UnitFilter } from './corpus';
import { compileQuery, matchUnit, UnitText, type CompiledQuery, type Synonyms } from './match';
import { candidateUnits, type Partition } from './partition';
import { parseQuery, parseRegex, type SearchQuery } from './query';
import { thesaurusSynonyms, type Thesaurus } from './thesaurus';

/** One place a search found: a stretch of a source's text, in its unit. */
export interface SearchHit {
  sourceId: string;
  start: number;
  end: number;
  /** The paragraph or turn it is in. */
  unitStart: number;
  unitEnd: number;
  speaker: string;
}

export interface SearchRequest {
  query: string;
  /** `words`: the query language; `regex`: a regular expression scanned over the text. */
  mode: 'words' | 'regex';
  /** Expand words through the project's thesaurus. */
  thesaurus?: Thesaurus;
  /** Stop after this many hits (the first screen of results); all of them by default, up to MAX_HITS. */
  limit?: number;
}

export type SearchOutcome =
  /** `complete` false: the search stopped at its limit; more hits follow in reading order. */
  { ok: true; hits: SearchHit[]; unitsMatched: number; complete: boolean } | { ok: false; error: Message };

/** A group of units of one language, with the index that narrows them, or none (every unit is read). */
export interface UnitGroup {
  language: WordLanguage | null;
  units: SearchUnit[];
  partition?: Partition;
}

/** The project's units by language, read from the text, without an index (the reference search, and the fallback). */
export function unitGroupsOf(corpus: SearchCorpus, contents: Map<string, Parameters<typeof unitsOf>[0]>): UnitGroup[] {
  const byLanguage = new Map<WordLanguage | null, SearchUnit[]>();
  for (const source of corpus.sources.values()) {
    const content = contents.get(source.id);
    if (!content) continue;
    const list = byLanguage.get(source.language) ?? byLanguage.set(source.language, []).get(source.language)!;
    list.push(...unitsOf(content));
  }
  return [...byLanguage].map(([language, units]) => ({ language, units }));
}

/** Stops a search that has found this many: a word in every paragraph of a large corpus. */
export const MAX_HITS = 100_000;

/** Each source's place in reading order (sources by name), worked out once per corpus. */
const READING_ORDER = new WeakMap<SearchCorpus, Map<string, number>>();
function readingOrder(corpus: SearchCorpus): Map<string, number> {
  let order = READING_ORDER.get(corpus);
  if (!order) {
    const collator = new Intl.Collator(undefined, { numeric: true });
    order = new Map([...corpus.sources.values()].sort((a, b) => collator.compare(a.name, b.name)).map((s, i) => [s.id, i]));
    READING_ORDER.set(corpus, order);
  }
  return order;
}

/**
 * Checks the candidate units on their text in reading order, so that the first hits come
 * first: with a limit, a search stops there (the first screen of results) and says it is
 * not complete.
 */
/** Per unit of a group, its source's place in reading order: worked out once per group and corpus. */
const UNIT_ORDER = new WeakMap<SearchUnit[], { corpus: SearchCorpus; order: Int32Array }>();
function unitOrder(units: SearchUnit[], corpus: SearchCorpus): Int32Array {
  const known = UNIT_ORDER.get(units);
  if (known?.corpus === corpus) return known.order;
  const byId = readingOrder(corpus);
  const order = new Int32Array(units.length);
  for (let u = 0; u < units.length; u++) order[u] = byId.get(units[u].sourceId) ?? 0;
  UNIT_ORDER.set(units, { corpus, order });
  return order;
}

function searchWords(groups: UnitGroup[], corpus: SearchCorpus, query: SearchQuery, pass: UnitFilter, limit: number, synonyms?: Synonyms): SearchOutcome {
  const compiled = new Map<WordLanguage | null, CompiledQuery>();
  // Candidates by source, in reading order; within a source, by place in the text.
  const bySource: number[][] = [];
  // Group and unit in one number (a group's units stay below span).
  const span = 2 ** Math.max(20, Math.ceil(Math.log2(Math.max(1, ...groups.map((g) => g.units.length)) + 1)));
  groups.forEach((group, g) => {
    const q = compiled.get(group.language) ?? compiled.set(group.language, compileQuery(query, group.language, synonyms)).get(group.language)!;
    const candidates = group.partition ? candidateUnits(group.partition, q, query.filters) : null;
    const order = unitOrder(group.units, corpus);
    const add = (u: number) => (bySource[order[u]] ??= []).push(g * span + u);
    if (candidates) candidates.forEach(add);
    else for (let u = 0; u < group.units.length; u++) add(u);
  });
  const start = (packed: number) => groups[Math.floor(packed / span)].units[packed % span].start;
  const queue = function* () {
    for (const list of bySource) {
      if (!list) continue;
      if (list.length > 1) list.sort((a, b) => start(a) - start(b));
      yield* list;
    }
  };
  const hits: SearchHit[] = [];
  let unitsMatched = 0;
  let complete = true;
  for (const packed of queue()) {
    if (hits.length >= limit) {
      complete = false;
      break;
    }
    const group = groups[Math.floor(packed / span)];
    const unit = group.units[packed % span];
    const source = corpus.sources.get(unit.sourceId);
    if (!source || !pass(unit, source)) continue;
    const found = matchUnit(new UnitText(source.text, unit.start, unit.end, group.language), compiled.get(group.language)!);
    if (!found) continue;
    unitsMatched++;
    const hit = (start: number, end: number) => hits.push({ sourceId: unit.sourceId, start, end, unitStart: unit.start, unitEnd: unit.end, speaker: unit.speaker });
    if (!found.length) hit(unit.start, unit.end);
    for (const o of found) hit(o.start, o.end);
  }
  return { ok: true, hits, unitsMatched, complete };
}

function searchRegex(groups: UnitGroup[], corpus: SearchCorpus, regex: RegExp, limit: number): SearchOutcome {
  const hits: SearchHit[] = [];
  let unitsMatched = 0;
  for (const group of groups)
    for (const unit of group.units) {
      const source = corpus.sources.get(unit.sourceId) as SearchSource | undefined;
      if (!source) continue;
      const text = source.text.slice(unit.start, unit.end);
      regex.lastIndex = 0;
      let any = false;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        any = true;
        hits.push({
          sourceId: unit.sourceId,
          start: unit.start + m.index,
          end: unit.start + m.index + m[0].length,
          unitStart: unit.start,
          unitEnd: unit.end,
          speaker: unit.speaker,
        });
        if (hits.length >= limit) break;
      }
      if (any) unitsMatched++;
      if (hits.length >= limit) break;
    }
  const order = readingOrder(corpus);
  hits.sort((a, b) => (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || a.start - b.start);
  return { ok: true, hits, unitsMatched, complete: hits.length < limit };
}

/** Runs a search over the project's units (narrowed by their indexes where they have one). */
export function runSearch(groups: UnitGroup[], corpus: SearchCorpus, request: SearchRequest): SearchOutcome {
  const limit = Math.min(request.limit ?? MAX_HITS, MAX_HITS);
  if (request.mode === 'regex') {
    const parsed = parseRegex(request.query);
    return parsed.ok ? searchRegex(groups, corpus, parsed.regex, limit) : parsed;
  }
  const parsed = parseQuery(request.query);
  if (!parsed.ok) return parsed;
  const filters = compileFilters(parsed.query.filters, corpus);
  if (!filters.ok) return filters;
  return searchWords(groups, corpus, parsed.query, filters.pass, limit, request.thesaurus ? thesaurusSynonyms(request.thesaurus) : undefined);
}
