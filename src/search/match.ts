import { isFoldedStopWord, stem, type WordLanguage } from '../analysis/languages';
import type { QueryTerm, QueryWord, SearchQuery } from './query';
import { foldWord } from './fold';
import { wordsOf, type Word } from './words';

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

/** A stretch of a source's text that matched (UTF-16 offsets, end exclusive). */
export interface Occurrence {
  start: number;
  end: number;
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

/** One unit's text, read word by word only for a word without fixed first letters (a leading wildcard). */
export class UnitText {
  private words: Word[] | null = null;
  private stems: (string | undefined)[] = [];
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly language: WordLanguage | null,
  ) {}
  wordList(): Word[] {
    return (this.words ??= wordsOf(this.text, this.start, this.end));
  }
  stemAt(i: number): string {
    return (this.stems[i] ??= stemOf(this.wordList()[i].folded, this.language));
  }
  passesAt(i: number, test: WordTest): boolean {
    const w = this.wordList()[i];
    return test.kind === 'stem' ? w.folded.charCodeAt(0) === test.stem.charCodeAt(0) && this.stemAt(i) === test.stem : passesFolded(w.folded, test, this.language);
  }
}

function passesFolded(folded: string, test: WordTest, language: WordLanguage | null): boolean {
  switch (test.kind) {
    case 'exact':
      return folded === test.folded;
    case 'pattern':
      return (test.prefix === null || folded.startsWith(test.prefix)) && test.regex.test(folded);
    case 'stem':
      // Stemmers change a word's ending, never its first letter: most words are ruled out unstemmed.
      return folded.charCodeAt(0) === test.stem.charCodeAt(0) && stemOf(folded, language) === test.stem;
  }
}

/**
 * A regular expression that finds, in unfolded text, the words that may pass a test: words
 * beginning with the letters the test fixes (any accent, any case). Stemmers keep a word's
 * first two letters (Spanish and Portuguese change only the region after them; Porter only
 * suffixes), so a stem's first two letters begin every word with that stem.
 */
const SCANS = new Map<string, RegExp | null>();
function scannerFor(test: WordTest): RegExp | null {
  const fixed = test.kind === 'stem' ? test.stem.slice(0, 2) : test.kind === 'exact' ? test.folded : (test.prefix ?? '');
  if (!fixed) return null;
  let scan = SCANS.get(fixed);
  if (scan === undefined) {
    const letters = [...fixed].map(letterClass).join('');
    scan = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?<![\\p{L}\\p{N}\\p{M}]['’])${letters}[\\p{L}\\p{N}\\p{M}]*(?:['’][\\p{L}\\p{N}\\p{M}]+)*`, 'giu');
    if (SCANS.size > 1000) SCANS.clear();
    SCANS.set(fixed, scan);
  }
  return scan;
}

/** The characters that fold to a letter: "a" → [aáàâãäåā…], read from the folding itself. */
let variants: Map<string, string[]> | null = null;
function letterClass(letter: string): string {
  if (!variants) {
    variants = new Map();
    for (let cp = 0xc0; cp <= 0x24f; cp++) {
      const c = String.fromCodePoint(cp);
      const f = foldWord(c);
      if (f.length === 1 && f !== c.toLowerCase()) (variants.get(f) ?? variants.set(f, []).get(f)!).push(c);
    }
  }
  const escaped = letter.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const more = variants.get(letter);
  return more ? `[${escaped}${more.join('')}]` : escaped;
}

/** Single words found by scanning the text: no word list is built for the unit. */
function scanOccurrences(unit: UnitText, test: WordTest, out: Occurrence[]): void {
  const scan = scannerFor(test);
  if (!scan) {
    const words = unit.wordList();
    for (let i = 0; i < words.length; i++) if (unit.passesAt(i, test)) out.push({ start: words[i].start, end: words[i].end });
    return;
  }
  scan.lastIndex = unit.start;
  for (let m = scan.exec(unit.text); m && m.index < unit.end; m = scan.exec(unit.text)) {
    const end = Math.min(m.index + m[0].length, unit.end);
    if (passesFolded(foldWord(unit.text.slice(m.index, end)), test, unit.language)) out.push({ start: m.index, end });
  }
}

/** Whether at most `max` words stand between two places of a text (read only as far as needed). */
function wordsBetweenAtMost(text: string, from: number, to: number, max: number): boolean {
  return to <= from || wordsOf(text, from, to, max + 1).length <= max;
}

/** A phrase found by scanning for its first word, then reading the words right after it. */
function phraseOccurrences(unit: UnitText, seq: Sequence, out: Occurrence[]): void {
  const firsts: Occurrence[] = [];
  scanOccurrences(unit, seq[0], firsts);
  for (const o of firsts) {
    const next = wordsOf(unit.text, o.end, unit.end, seq.length - 1);
    if (next.length === seq.length - 1 && next.every((w, k) => passesFolded(w.folded, seq[k + 1], unit.language))) out.push({ start: o.start, end: next[next.length - 1].end });
  }
}

/** Both sides of a NEAR found by scanning (as single words are), then the words between counted. */
function nearOccurrences(unit: UnitText, term: Extract<CompiledTerm, { kind: 'near' }>): Occurrence[] {
  const left = sequencesOccurrences(unit, term.left);
  if (!left.length) return [];
  const right = sequencesOccurrences(unit, term.right);
  const out: Occurrence[] = [];
  for (const l of left)
    for (const r of right) {
      const [first, second] = l.start <= r.start ? [l, r] : [r, l];
      if (wordsBetweenAtMost(unit.text, first.end, second.start, term.distance)) out.push({ start: first.start, end: Math.max(first.end, second.end) });
    }
  return out;
}

function sequencesOccurrences(unit: UnitText, sequences: Sequence[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const seq of sequences) {
    if (seq.length === 1) scanOccurrences(unit, seq[0], out);
    else if (seq.length > 1) phraseOccurrences(unit, seq, out);
  }
  return out;
}

export function termOccurrences(unit: UnitText, term: CompiledTerm): Occurrence[] {
  return term.kind === 'near' ? nearOccurrences(unit, term) : sequencesOccurrences(unit, term.sequences);
}

/**
 * Where a query matches one unit (a paragraph or a speaker's turn), as merged stretches of
 * text; null when the unit does not match, and no stretch for a query of filters only
 * (the whole unit matches).
 */
export function matchUnit(unit: UnitText, query: CompiledQuery): Occurrence[] | null {
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
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Occurrence[] = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (last && o.start < last.end) last.end = Math.max(last.end, o.end);
    else out.push({ ...o });
  }
  return out;
}
