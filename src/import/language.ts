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

/** Guesses whether a text is Spanish, Portuguese or English; "und" when it cannot tell. */
export function guessLanguage(text: string): string {
  // Speaker labels ("E:", "P1:") are not words of the language.
  const sample = text.slice(0, 2500).replace(/^\s*[\p{L}\p{N} ]{1,20}:/gmu, ' ').toLowerCase();
  const words = sample.match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return 'und';
  const scores = new Map<string, number>();
  const add = (lang: string, n: number) => scores.set(lang, (scores.get(lang) ?? 0) + n);
  for (const w of words) {
    const langs = LANGUAGES_OF.get(w);
    if (langs) for (const lang of langs) add(lang, 1);
  }
  for (const [pattern, lang] of LETTERS) add(lang, 3 * (sample.match(pattern)?.length ?? 0));
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < words.length * 0.05) return 'und';
  return ranked[0][0];
}
