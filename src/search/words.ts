import { foldWord } from './fold';

/** A word of a text: where it is (UTF-16 offsets into the text) and its folded form. */
export interface Word {
  start: number;
  end: number;
  folded: string;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const wordChar = new Map<number, boolean>();

/** Whether a code point is part of a word: a letter, a digit or a combining mark. */
function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let known = wordChar.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    if (wordChar.size < 50_000) wordChar.set(cp, known);
  }
  return known;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * The words of a text (or of the part from `from` to `to`), in order. A word is letters,
 * digits and combining marks, with an apostrophe inside ("don't", "d'água") but not a
 * hyphen ("bem-estar" is two words, as lunr splits it). One pass over the characters,
 * stopping after `max` words: search reads the words of the paragraphs it checks.
 */
export function wordsOf(text: string, from = 0, to = text.length, max = Infinity): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to && out.length < max) {
    let cp = text.codePointAt(i)!;
    if (!isWordChar(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let ascii = true;
    for (;;) {
      if (cp >= 0x80) ascii = false;
      i += cp > 0xffff ? 2 : 1;
      if (i >= to) break;
      cp = text.codePointAt(i)!;
      if (isWordChar(cp)) continue;
      // An apostrophe between two word characters stays in the word.
      if (isApostrophe(cp) && i + 1 < to && isWordChar(text.codePointAt(i + 1)!)) {
        ascii = false;
        continue;
      }
      break;
    }
    const word = text.slice(start, i);
    out.push({ start, end: i, folded: ascii ? word.toLowerCase() : foldWord(word) });
  }
  return out;
}

/** The folded words of a string, for the index and the query: "¿Confiança?" → ["confianca"]. */
export function foldedWords(text: string): string[] {
  return wordsOf(text).map((w) => w.folded);
}
