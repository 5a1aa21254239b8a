/** Function words found in one of our users' three languages and not the other two. */
const MARKERS: Record<string, string[]> = {
  es: ['el', 'los', 'las', 'y', 'es', 'por', 'una', 'del', 'pero', 'muy', 'como', 'también', 'porque', 'yo', 'ellos', 'hay', 'sí', 'qué', 'más', 'está', 'con', 'su', 'al', 'lo', 'le', 'se', 'cuando'],
  pt: ['o', 'os', 'e', 'em', 'um', 'uma', 'é', 'não', 'com', 'do', 'da', 'dos', 'das', 'mas', 'muito', 'eu', 'você', 'são', 'isso', 'ao', 'na', 'no', 'pelo', 'pela', 'quando', 'também'],
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'it', 'for', 'with', 'was', 'but', 'very', 'they', 'we', 'i', 'you', 'this', 'not', 'are', 'have', 'she', 'he'],
};
/** Letters and marks that only one of the languages writes. */
const LETTERS: [RegExp, string][] = [
  [/[ñ¿¡]/g, 'es'],
  [/[ãõç]/g, 'pt'],
];

/** Which languages each marker word belongs to, built once. */
const LANGUAGES_OF = new Map<string, string[]>();
for (const [lang, list] of Object.entries(MARKERS)) for (const w of list) LANGUAGES_OF.set(w, [...(LANGUAGES_OF.get(w) ?? []), lang]);
const LONGEST_MARKER = Math.max(...[...LANGUAGES_OF.keys()].map((w) => w.length));

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
  const sample = text.slice(0, 2500).replace(/^\s*[\p{L}\p{N} ]{1,20}:/gmu, ' ').toLowerCase();
  const scores = new Map<string, number>();
  const add = (lang: string, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  // Words are runs of letters; only the short ones can be markers, so only they are looked up.
  const table = letters();
  const isLetter = (i: number) => {
    const c = sample.charCodeAt(i);
    return c < 0x3000 ? table[c] === 1 : LETTER.test(String.fromCodePoint(sample.codePointAt(i)!));
  };
  let words = 0;
  for (let i = 0; i < sample.length; ) {
    if (!isLetter(i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < sample.length && isLetter(i)) i += sample.charCodeAt(i) >= 0xd800 && sample.charCodeAt(i) < 0xdc00 ? 2 : 1;
    words++;
    if (i - start <= LONGEST_MARKER) for (const lang of LANGUAGES_OF.get(sample.slice(start, i)) ?? []) add(lang, 1);
  }
  if (words < 5) return 'und';
  for (const [pattern, lang] of LETTERS) add(lang, 3 * (sample.match(pattern)?.length ?? 0));
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < words * 0.05) return 'und';
  return ranked[0][0];
}
