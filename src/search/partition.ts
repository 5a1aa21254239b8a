import lunr from 'lunr';
import type { WordLanguage } from '../analysis/languages';
import { unitsOf, type SearchSource, type SearchUnit } from './corpus';
import { isStop, stemOf, type CompiledQuery, type CompiledTerm, type Sequence, type WordTest } from './match';
import { foldedWords, wordsOf } from './words';
import type { QueryFilter } from './query';
import type { SourceContent } from '../model/types';

/**
 * One lunr index over a few sources of one language. A project's sources are split into
 * partitions of PARTITION_SIZE, so that importing, editing or deleting a source rebuilds
 * one small index, not the language's whole corpus. The benchmark chose the size: 25
 * sources of 3,000 words took 360-420 ms to rebuild, 15 take about 200 ms (target 300),
 * while queries over the larger number of partitions stayed as fast.
 */
export const PARTITION_SIZE = 15;

/**
 * The fields of a unit: its words (stemmed) and its speaker (folded). The source's name,
 * kind and cases are the same for all its units: filters read them from the source, exact
 * and current, rather than from a copy in every unit's index entry (which doubled the
 * index's size and build time).
 */
const FIELDS = ['text', 'speaker'] as const;

export interface PartitionSource {
  source: SearchSource;
  content: Pick<SourceContent, 'sourceId' | 'text' | 'paragraphs' | 'turns'>;
  caseNames: string[];
}

export interface Partition {
  language: WordLanguage | null;
  sourceIds: string[];
  units: SearchUnit[];
  index: lunr.Index;
}

/** A partition as it is stored: its units packed (three numbers each) and its index serialized. */
export interface StoredPartition {
  language: WordLanguage | null;
  sourceIds: string[];
  /** Per unit: its source (an index into sourceIds), start and end. */
  offsets: Uint32Array;
  /** Per unit: its speaker ('' for a paragraph). */
  speakers: string[];
  index: string;
}

/** A stored partition as a row of the project's search index table. */
export interface SearchIndexRow extends StoredPartition {
  id: string;
  projectId: string;
  /** sourceId → the source's fingerprint when the partition was built (see index-plan). */
  fingerprints: Record<string, string>;
}

/**
 * A field's terms. Plain strings, not lunr.Tokens: with no pipeline and no metadata kept,
 * lunr only uses a term as a key, and a string saves a token object and a toString per word.
 */
function termsOf(value: unknown, field: string, language: WordLanguage | null): string[] {
  if (typeof value !== 'string' || !value) return [];
  const out: string[] = [];
  for (const w of wordsOf(value)) {
    if (field !== 'text') out.push(w.folded);
    else if (!isStop(w.folded, language)) out.push(stemOf(w.folded, language));
  }
  return out;
}

/** Builds the index of a few sources of one language. */
export function buildPartition(language: WordLanguage | null, sources: PartitionSource[]): Partition {
  const builder = new lunr.Builder();
  // Our own words, folding and stemming stand in for lunr's pipeline (which would chain stemmers and trim accents away).
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = ((value: unknown, meta?: { fields?: string[] }) => termsOf(value, meta?.fields?.[0] ?? 'text', language)) as unknown as typeof lunr.tokenizer;
  builder.ref('u');
  for (const f of FIELDS) builder.field(f);
  const units: SearchUnit[] = [];
  for (const { content } of sources) {
    for (const unit of unitsOf(content)) {
      builder.add({ u: String(units.length), text: content.text.slice(unit.start, unit.end), speaker: unit.speaker });
      units.push(unit);
    }
  }
  return { language, sourceIds: sources.map((s) => s.source.id), units, index: builder.build() };
}

export function storePartition(p: Partition): StoredPartition {
  const place = new Map(p.sourceIds.map((id, i) => [id, i]));
  const offsets = new Uint32Array(p.units.length * 3);
  p.units.forEach((u, i) => offsets.set([place.get(u.sourceId) ?? 0, u.start, u.end], i * 3));
  return { language: p.language, sourceIds: p.sourceIds, offsets, speakers: p.units.map((u) => u.speaker), index: JSON.stringify(p.index) };
}

/** A stored partition ready to search; null when its row is damaged (it is then rebuilt). */
export function loadPartition(stored: StoredPartition): Partition | null {
  try {
    const units: SearchUnit[] = [];
    for (let i = 0; i < stored.speakers.length; i++) {
      const sourceId = stored.sourceIds[stored.offsets[i * 3]];
      if (sourceId === undefined) return null;
      units.push({ sourceId, start: stored.offsets[i * 3 + 1], end: stored.offsets[i * 3 + 2], speaker: stored.speakers[i] });
    }
    return { language: stored.language, sourceIds: stored.sourceIds, units, index: lunr.Index.load(JSON.parse(stored.index)) };
  } catch {
    return null;
  }
}

/** `null` stands for every unit: the index cannot narrow this term (a leading wildcard, a phrase of stop words only). */
type Units = Set<number> | null;

function intersect(a: Units, b: Units): Units {
  if (a === null) return b;
  if (b === null) return a;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const x of small) if (large.has(x)) out.add(x);
  return out;
}
function union(a: Units, b: Units): Units {
  if (a === null || b === null) return null;
  if (!a.size) return b;
  if (!b.size) return a;
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

/** The parts of a lunr index its typings leave out: its postings and the set of its terms (lunr 2.3's documented JSON shape). */
interface IndexInside {
  invertedIndex: Record<string, Record<string, Record<string, unknown>> | undefined>;
  tokenSet: { intersect(other: unknown): { toArray(): string[] } };
}
const TokenSet = lunr.TokenSet as unknown as { fromString(s: string): unknown };

/** A partition's postings as they were asked for, kept: a search asks for the same frequent words again. */
const POSTINGS = new WeakMap<lunr.Index, Map<string, Set<number>>>();
const POSTINGS_KEPT = 2000;

/** The units holding a term (never changed by the caller: the sets combine into new ones). */
function posting(index: lunr.Index, term: string, field: (typeof FIELDS)[number] = 'text'): Set<number> {
  let kept = POSTINGS.get(index);
  if (!kept) POSTINGS.set(index, (kept = new Map()));
  const key = `${field}:${term}`;
  let units = kept.get(key);
  if (!units) {
    const entry = (index as unknown as IndexInside).invertedIndex[term];
    units = new Set(entry ? Object.keys(entry[field]).map(Number) : []);
    if (kept.size >= POSTINGS_KEPT) kept.clear();
    kept.set(key, units);
  }
  return units;
}

/** A field filter narrows by its words in that field ("speaker:Entrevistadora"); the filter itself is checked on each unit after. */
function filterUnits(p: Partition, filter: QueryFilter): Units {
  if (filter.kind !== 'field' || filter.field !== 'speaker' || filter.exclude || filter.value.includes('*')) return null;
  let out: Units = null;
  for (const word of foldedWords(filter.value)) out = intersect(out, posting(p.index, word, 'speaker'));
  return out;
}

/** How many letters of a wildcard's fixed start the index can trust: stems may end a letter or two before the word does. */
function stemSafePrefix(prefix: string, language: WordLanguage | null): string {
  if (!language) return prefix;
  const s = stemOf(prefix, language);
  let common = 0;
  while (common < prefix.length && common < s.length && prefix[common] === s[common]) common++;
  return prefix.slice(0, Math.max(Math.min(3, prefix.length), common - 2));
}

function wordUnits(p: Partition, test: WordTest): Units {
  switch (test.kind) {
    case 'stem':
      return test.stop ? null : posting(p.index, test.stem);
    case 'exact':
      return isStop(test.folded, p.language) ? null : posting(p.index, stemOf(test.folded, p.language));
    case 'pattern': {
      if (test.prefix === null) return null;
      const prefix = stemSafePrefix(test.prefix, p.language);
      const terms = (p.index as unknown as IndexInside).tokenSet.intersect(TokenSet.fromString(`${prefix}*`)).toArray();
      const out = new Set<number>();
      for (const t of terms) for (const u of posting(p.index, t)) out.add(u);
      return out;
    }
  }
}

function sequenceUnits(p: Partition, seq: Sequence): Units {
  let out: Units = null;
  for (const test of seq) {
    out = intersect(out, wordUnits(p, test));
    if (out && out.size === 0) return out;
  }
  return out;
}

function termUnits(p: Partition, term: CompiledTerm): Units {
  if (term.kind === 'near') return intersect(termUnits(p, { kind: 'any', sequences: term.left }), termUnits(p, { kind: 'any', sequences: term.right }));
  let out: Units = new Set();
  for (const seq of term.sequences) out = union(out, sequenceUnits(p, seq));
  return out;
}

/** The units of a partition that may match a query (a superset: each is then checked on its text); null for all. */
export function candidateUnits(p: Partition, query: CompiledQuery, filters: QueryFilter[] = []): Units {
  let out: Units = null;
  for (const f of filters) out = intersect(out, filterUnits(p, f));
  const required = query.items.filter((i) => i.presence === 'required');
  const optional = query.items.filter((i) => i.presence === 'optional');
  for (const item of required) out = intersect(out, termUnits(p, item.term));
  if (required.length || !optional.length) return out;
  let any: Units = new Set();
  for (const item of optional) any = union(any, termUnits(p, item.term));
  return intersect(out, any);
}

/** What a partition needs of a source: its search view, its text and structure, its cases' names. */
export function partitionSourceOf(source: SearchSource, content: PartitionSource['content'], cases: Map<string, { name: string }>): PartitionSource {
  return { source, content, caseNames: source.caseIds.map((id) => cases.get(id)?.name ?? '').filter(Boolean) };
}
