/** Frequent function words that tell our users' three languages apart. */
const MARKERS: Record<string, string[]> = {
  es: ['el', 'la', 'los', 'las', 'que', 'de', 'y', 'en', 'un', 'una', 'es', 'por', 'con', 'para', 'del', 'pero', 'muy', 'como', 'también', 'porque', 'yo', 'ellos', 'hay', 'sí'],
  pt: ['o', 'a', 'os', 'as', 'que', 'de', 'e', 'em', 'um', 'uma', 'é', 'não', 'com', 'para', 'do', 'da', 'dos', 'das', 'mas', 'muito', 'também', 'porque', 'eu', 'você', 'são', 'isso'],
  en: ['the', 'and', 'of', 'to', 'a', 'in', 'is', 'that', 'it', 'for', 'with', 'was', 'but', 'very', 'they', 'we', 'i', 'you', 'this', 'not', 'are', 'have'],
};

/** Guesses whether a text is Spanish, Portuguese or English; "und" when it cannot tell. */
export function guessLanguage(text: string): string {
  const words = text.slice(0, 20000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return 'und';
  const sets = Object.entries(MARKERS).map(([lang, list]) => [lang, new Set(list)] as const);
  const scores = new Map<string, number>();
  for (const w of words) for (const [lang, set] of sets) if (set.has(w)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < words.length * 0.05) return 'und';
  return ranked[0][0];
}
