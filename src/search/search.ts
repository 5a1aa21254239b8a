import type { WordLanguage } from '../analysis/languages';
import type { Message } from '../model/errors';
import { compileFilters, unitsOf, type SearchCorpus, type SearchSource, type SearchUnit, type UnitFilter } from './corpus';
import { compileQuery, matchUnit, UnitWords, type CompiledQuery, type Synonyms } from './match';
import { candidateUnits, type Partition } from './partition';
import { parseQuery, parseRegex, type SearchQuery } from './query';
import { thesaurusSynonyms, type Thesaurus } from './thesaurus';
import { wordsOf } from './words';

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
  /** Memos are searched too when given (their own group of results). */
}

export type SearchOutcome = { ok: true; hits: SearchHit[]; unitsMatched: number } | { ok: false; error: Message };

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

function searchWords(groups: UnitGroup[], corpus: SearchCorpus, query: SearchQuery, pass: UnitFilter, synonyms?: Synonyms): SearchOutcome {
  const hits: SearchHit[] = [];
  let unitsMatched = 0;
  const compiled = new Map<WordLanguage | null, CompiledQuery>();
  for (const group of groups) {
    const q = compiled.get(group.language) ?? compiled.set(group.language, compileQuery(query, group.language, synonyms)).get(group.language)!;
    const candidates = group.partition ? candidateUnits(group.partition, q, query.filters) : null;
    const indexes = candidates ? [...candidates].sort((a, b) => a - b) : null;
    const count = indexes ? indexes.length : group.units.length;
    for (let k = 0; k < count; k++) {
      const unit = group.units[indexes ? indexes[k] : k];
      const source = corpus.sources.get(unit.sourceId);
      if (!source || !pass(unit, source)) continue;
      const words = new UnitWords(wordsOf(source.text, unit.start, unit.end), group.language);
      const found = matchUnit(words, q);
      if (!found) continue;
      unitsMatched++;
      if (!found.length) hits.push({ sourceId: unit.sourceId, start: unit.start, end: unit.end, unitStart: unit.start, unitEnd: unit.end, speaker: unit.speaker });
      for (const o of found)
        hits.push({ sourceId: unit.sourceId, start: words.words[o.from].start, end: words.words[o.to - 1].end, unitStart: unit.start, unitEnd: unit.end, speaker: unit.speaker });
      if (hits.length >= MAX_HITS) break;
    }
  }
  return { ok: true, hits: sortHits(hits, corpus), unitsMatched };
}

function searchRegex(groups: UnitGroup[], corpus: SearchCorpus, regex: RegExp): SearchOutcome {
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
        if (hits.length >= MAX_HITS) break;
      }
      if (any) unitsMatched++;
      if (hits.length >= MAX_HITS) break;
    }
  return { ok: true, hits: sortHits(hits, corpus), unitsMatched };
}

/** Hits in reading order: sources by name, then by place in the text. */
function sortHits(hits: SearchHit[], corpus: SearchCorpus): SearchHit[] {
  const order = new Map([...corpus.sources.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })).map((s, i) => [s.id, i]));
  return hits.sort((a, b) => (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || a.start - b.start);
}

/** Runs a search over the project's units (narrowed by their indexes where they have one). */
export function runSearch(groups: UnitGroup[], corpus: SearchCorpus, request: SearchRequest): SearchOutcome {
  if (request.mode === 'regex') {
    const parsed = parseRegex(request.query);
    return parsed.ok ? searchRegex(groups, corpus, parsed.regex) : parsed;
  }
  const parsed = parseQuery(request.query);
  if (!parsed.ok) return parsed;
  const filters = compileFilters(parsed.query.filters, corpus);
  if (!filters.ok) return filters;
  return searchWords(groups, corpus, parsed.query, filters.pass, request.thesaurus ? thesaurusSynonyms(request.thesaurus) : undefined);
}
