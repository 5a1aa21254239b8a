import { foldWord } from './fold';

/** A word of a text: where it is (UTF-16 offsets into the text) and its folded form. */
export interface Word {
  start: number;
  end: number;
  folded: string;
}

/**
 * What counts as a word: letters, digits and combining marks, with an apostrophe inside
 * ("don't", "d'água") but not a hyphen ("bem-estar" is two words, as lunr splits it).
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** The words of a text (or of the part from `from` to `to`), in order. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(part); m; m = WORD.exec(part)) out.push({ start: from + m.index, end: from + m.index + m[0].length, folded: foldWord(m[0]) });
  return out;
}

/** The folded words of a string, for the index and the query: "¿Confiança?" → ["confianca"]. */
export function foldedWords(text: string): string[] {
  return wordsOf(text).map((w) => w.folded);
}
