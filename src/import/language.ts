import { codePointOfUnit } from '../util/code-point';

/** Function words found in one of our users' three languages and not the other two. */
const MARKERS: Record<string, string[]> = {
  es: [
    'el',
    'los',
    'las',
    'y',
    'es',
    'por',
    'una',
    'del',
    'pero',
    'muy',
    'como',
    'también',
    'porque',
    'yo',
    'ellos',
    'hay',
    'sí',
    'qué',
    'más',
    'está',
    'con',
    'su',
    'al',
    'lo',
    'le',
    'se',
    'cuando',
  ],
  pt: [
    'o',
    'os',
    'e',
    'em',
    'um',
    'uma',
    'é',
    'não',
    'com',
    'do',
    'da',
    'dos',
    'das',
    'mas',
    'muito',
    'eu',
    'você',
    'são',
    'isso',
    'ao',
    'na',
    'no',
    'pelo',
    'pela',
    'quando',
    'também',
  ],
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'it', 'for', 'with', 'was', 'but', 'very', 'they', 'we', 'i', 'you', 'this', 'not', 'are', 'have', 'she', 'he'],
};
/** Letters and marks that only one of the languages writes. */
const LETTERS: [RegExp, string][] = [
  [/[ñ¿¡]/g, 'es'],
  [/[ãõç]/g, 'pt'],
];

/**
 * The marker words as a trie over lower-case Latin-1 code units (every marker is written in
 * them), so a word is looked up letter by letter as it is scanned, with no string made for
 * it: state 0 is the start, -1 no marker; MARKER_LANGUAGES[state] says whose word ends there.
 */
const LATIN_1 = 256;
const { transitions: MARKER_TRIE, languages: MARKER_LANGUAGES } = markerTrie();
function markerTrie(): { transitions: Int32Array; languages: string[][] } {
  const words = Object.entries(MARKERS).flatMap(([lang, list]) => list.map((w) => [w, lang] as const));
  const states = 1 + words.reduce((n, [w]) => n + w.length, 0);
  const transitions = new Int32Array(states * LATIN_1).fill(-1);
  const languages: string[][] = [[]];
  for (const [word, lang] of words) {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const at = state * LATIN_1 + word.charCodeAt(i);
      if (transitions[at] === -1) {
        transitions[at] = languages.length;
        languages.push([]);
      }
      state = transitions[at];
    }
    languages[state].push(lang);
  }
  return { transitions, languages };
}

const LETTER = /\p{L}/u;
/** Whether each code unit below 0x3000 is a letter: words are found by a scan, not a regex per file. */
let letterTable: Uint8Array | null = null;
function letters(): Uint8Array {
  if (!letterTable) {
    letterTable = new Uint8Array(0x3000);
    for (let c = 0; c < 0x3000; c++) if (LETTER.test(String.fromCharCode(c))) letterTable[c] = 1;
  }
  return letterTable;
}

/** Guesses whether a text is Spanish, Portuguese or English; "und" when it cannot tell. */
export function guessLanguage(text: string): string {
  // Speaker labels ("E:", "P1:") are not words of the language.
  const sample = text
    .slice(0, 2500)
    .replace(/^\s*[\p{L}\p{N} ]{1,20}:/gmu, ' ')
    .toLowerCase();
  const scores = new Map<string, number>();
  const add = (lang: string, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  const table = letters();
  // One pass: a word is counted where it ends, and looked up in the trie as it is read.
  let words = 0;
  let inWord = 0;
  let state = 0;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    const letter = c < 0x3000 ? table[c] : LETTER.test(String.fromCodePoint(codePointOfUnit(sample, i))) ? 1 : 0;
    if (letter === 1) {
      state = state !== -1 && c < LATIN_1 ? MARKER_TRIE[state * LATIN_1 + c] : -1;
    } else if (inWord === 1) {
      words++;
      if (state > 0) for (const lang of MARKER_LANGUAGES[state]) add(lang, 1);
      state = 0;
    }
    inWord = letter;
  }
  if (words < 5) return 'und';
  for (const [pattern, lang] of LETTERS) add(lang, 3 * (sample.match(pattern)?.length ?? 0));
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < words * 0.05) return 'und';
  return ranked[0][0];
}
