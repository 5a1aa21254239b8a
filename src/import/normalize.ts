import type { ParagraphRange } from '../model/types';

/** Our one text form: NFC, `\n` line ends, no BOM, no trailing whitespace at the very end. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085\f]/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+\n/g, '\n')
    .trimEnd();
}

/** Every non-empty line is a paragraph: what a researcher counts when citing "(ARIII, 3)". */
export function paragraphsOf(text: string): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim().length > 0) out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** Joins paragraph strings into one text, returning the ranges they occupy. */
export function joinParagraphs(parts: string[]): { text: string; paragraphs: ParagraphRange[] } {
  const paragraphs: ParagraphRange[] = [];
  let text = '';
  for (const raw of parts) {
    const part = raw.replace(/\n+/g, ' ').trim().normalize('NFC');
    if (part.trim() === '') continue;
    if (text.length > 0) text += '\n';
    paragraphs.push({ start: text.length, end: text.length + part.length });
    text += part;
  }
  return { text, paragraphs };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Words as a reader counts them: runs of letters and digits, with an apostrophe or hyphen
 * inside a word ("l'école", "bem-estar") keeping it one word. A character scan: transcripts
 * run to hundreds of thousands of words.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWordChar =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      // Latin letters with accents (À–ɏ, but not × ÷): the common case, without a regex.
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
      (c >= 128 && (c < 0xc0 || c > 0x24f) && (c >= 0xd800 && c <= 0xdfff ? WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - (c >= 0xdc00 ? 1 : 0))!)) : WORD_CHAR.test(text[i])));
    if (isWordChar) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (c === 39 || c === 0x2019 || c === 45) && i + 1 < text.length && isLetterOrDigit(text, i + 1)) {
      // a joiner inside a word: the word goes on
    } else inWord = false;
  }
  return words;
}

function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 128 && WORD_CHAR.test(text[i]));
}
