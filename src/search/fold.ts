/**
 * Accent and case folding: "Intervención" and "intervencion" are one word to a search, as
 * are "AÇÃO" and "acao". Lunr's stemmers leave accents ("ação" → "açã"), so every word is
 * folded before it is stemmed, in the index and in the query alike.
 */

const FOLDED = new Map<string, string>();

/** One character (a code point) folded: its base letters, lower case, without combining marks. */
function foldChar(c: string): string {
  let f = FOLDED.get(c);
  if (f === undefined) {
    f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Letters whose decomposition keeps no base letter (ß, æ, ø) fold to what a keyboard types.
    f = f.replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd');
    if (FOLDED.size < 20_000) FOLDED.set(c, f);
  }
  return f;
}

const PLAIN = /^[a-z0-9]*$/;

/** A word folded: "Confiança" → "confianca". */
export function foldWord(word: string): string {
  if (PLAIN.test(word)) return word;
  let out = '';
  for (const c of word) out += foldChar(c);
  return out;
}

/** A whole text folded (accents off, lower case): for filters that match as the researcher types. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether every word typed appears in the text, accents and capitals aside: "entrev dra" finds "Entrevista DRA". */
export function hasAllWords(text: string, typed: string): boolean {
  const words = foldText(typed).split(/\s+/).filter(Boolean);
  const folded = foldText(text);
  return words.every((w) => folded.includes(w));
}

/** The items whose name has every word typed (all of them when nothing is typed). */
export function filterByName<T extends { name: string }>(items: T[] | undefined, typed: string): T[] | undefined {
  return typed.trim() && items ? items.filter((i) => hasAllWords(i.name, typed)) : items;
}
