import { isFoldedStopWord, stem, type WordLanguage } from '../analysis/languages';
import type { QueryTerm, QueryWord, SearchQuery } from './query';
import type { Word } from './words';

/** How one word of a unit is tested: by stem (a plain search word), exactly (in a phrase), or by a pattern (a wildcard). */
export type WordTest =
  | { kind: 'stem'; stem: string; /** a stop word, which the index leaves out */ stop: boolean }
  | { kind: 'exact'; folded: string }
  | { kind: 'pattern'; regex: RegExp; prefix: string | null };

/** Consecutive words that together make one match: one word, or a phrase. */
export type Sequence = WordTest[];

export type CompiledTerm = { kind: 'any'; sequences: Sequence[] } | { kind: 'near'; left: Sequence[]; right: Sequence[]; distance: number };

export interface CompiledItem {
  term: CompiledTerm;
  presence: 'optional' | 'required' | 'excluded';
}

/** A query made ready for the sources of one language (null: no stemmer, words folded only). */
export interface CompiledQuery {
  language: WordLanguage | null;
  items: CompiledItem[];
}

/** A stretch of a unit's words that matched: word indexes, end exclusive. */
export interface Occurrence {
  from: number;
  to: number;
}

const STEMS = new Map<string, string>();

/** The stem of a folded word in a language, remembered (a search stems the same words again and again). */
export function stemOf(folded: string, language: WordLanguage | null): string {
  if (!language) return folded;
  const key = `${language}:${folded}`;
  let s = STEMS.get(key);
  if (s === undefined) {
    s = stem(folded, language);
    if (STEMS.size > 200_000) STEMS.clear();
    STEMS.set(key, s);
  }
  return s;
}

export const isStop = (folded: string, language: WordLanguage | null) => language !== null && isFoldedStopWord(folded, language);

function patternTest(folded: string): WordTest {
  const escaped = folded
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join("[\\p{L}\\p{N}\\p{M}'’]*");
  const fixed = folded.indexOf('*');
  return { kind: 'pattern', regex: new RegExp(`^${escaped}$`, 'u'), prefix: fixed > 0 ? folded.slice(0, fixed) : null };
}

function wordTest(word: QueryWord, inPhrase: boolean, language: WordLanguage | null): WordTest {
  if (word.wildcard) return patternTest(word.folded);
  return inPhrase ? { kind: 'exact', folded: word.folded } : { kind: 'stem', stem: stemOf(word.folded, language), stop: isStop(word.folded, language) };
}

/** Words that count as one, from the project's thesaurus: each entry a word or a phrase. */
export type Synonyms = (word: QueryWord, language: WordLanguage | null) => QueryWord[][];

function sequences(term: Exclude<QueryTerm, { kind: 'near' }>, language: WordLanguage | null, synonyms?: Synonyms): Sequence[] {
  if (term.kind === 'phrase') return [term.words.map((w) => wordTest(w, true, language))];
  const own: Sequence = [wordTest(term.word, false, language)];
  const more = (synonyms?.(term.word, language) ?? []).map((words) => words.map((w) => wordTest(w, words.length > 1, language)));
  return [own, ...more];
}

export function compileQuery(query: SearchQuery, language: WordLanguage | null, synonyms?: Synonyms): CompiledQuery {
  return {
    language,
    items: query.items.map((item) => ({
      presence: item.presence,
      term:
        item.term.kind === 'near'
          ? {
              kind: 'near',
              left: sequences(item.term.left as Exclude<QueryTerm, { kind: 'near' }>, language, synonyms),
              right: sequences(item.term.right as Exclude<QueryTerm, { kind: 'near' }>, language, synonyms),
              distance: item.term.distance,
            }
          : { kind: 'any', sequences: sequences(item.term, language, synonyms) },
    })),
  };
}

/** The words of one unit, with their stems worked out only when a test needs them. */
export class UnitWords {
  private stems: (string | undefined)[] = [];
  constructor(
    readonly words: Word[],
    private readonly language: WordLanguage | null,
  ) {}
  stemAt(i: number): string {
    return (this.stems[i] ??= stemOf(this.words[i].folded, this.language));
  }
  passes(i: number, test: WordTest): boolean {
    const w = this.words[i];
    switch (test.kind) {
      case 'exact':
        return w.folded === test.folded;
      case 'pattern':
        return (test.prefix === null || w.folded.startsWith(test.prefix)) && test.regex.test(w.folded);
      case 'stem':
        return this.stemAt(i) === test.stem;
    }
  }
}

function occurrencesOf(unit: UnitWords, seqs: Sequence[]): Occurrence[] {
  const out: Occurrence[] = [];
  const n = unit.words.length;
  for (const seq of seqs) {
    if (!seq.length) continue;
    for (let i = 0; i + seq.length <= n; i++) {
      let ok = true;
      for (let k = 0; k < seq.length && ok; k++) ok = unit.passes(i + k, seq[k]);
      if (ok) out.push({ from: i, to: i + seq.length });
    }
  }
  return out;
}

function nearOccurrences(unit: UnitWords, term: Extract<CompiledTerm, { kind: 'near' }>): Occurrence[] {
  const left = occurrencesOf(unit, term.left);
  if (!left.length) return [];
  const right = occurrencesOf(unit, term.right);
  const out: Occurrence[] = [];
  for (const l of left)
    for (const r of right) {
      const gap = r.from >= l.to ? r.from - l.to : l.from >= r.to ? l.from - r.to : 0;
      if (gap <= term.distance) out.push({ from: Math.min(l.from, r.from), to: Math.max(l.to, r.to) });
    }
  return out;
}

export function termOccurrences(unit: UnitWords, term: CompiledTerm): Occurrence[] {
  return term.kind === 'near' ? nearOccurrences(unit, term) : occurrencesOf(unit, term.sequences);
}

/**
 * Where a query matches one unit (a paragraph or a speaker's turn), as merged stretches of
 * words; null when the unit does not match. A query of filters only matches the whole unit
 * (the caller passes `wholeUnit`).
 */
export function matchUnit(unit: UnitWords, query: CompiledQuery): Occurrence[] | null {
  const found: Occurrence[] = [];
  let required = 0;
  let optionalHit = false;
  let optional = 0;
  for (const item of query.items) {
    const occ = termOccurrences(unit, item.term);
    if (item.presence === 'excluded') {
      if (occ.length) return null;
      continue;
    }
    if (item.presence === 'required') {
      required++;
      if (!occ.length) return null;
    } else {
      optional++;
      if (occ.length) optionalHit = true;
    }
    found.push(...occ);
  }
  if (!required && optional && !optionalHit) return null;
  if (!required && !optional) return [];
  return mergeOccurrences(found);
}

/** Overlapping matches become one, in order: a passage is coded once. */
export function mergeOccurrences(list: Occurrence[]): Occurrence[] {
  const sorted = [...list].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: Occurrence[] = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (last && o.from < last.to) last.to = Math.max(last.to, o.to);
    else out.push({ ...o });
  }
  return out;
}
