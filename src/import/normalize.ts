import { setApartBoldName } from './bold-name';
import { codePointOfUnit } from '../util/code-point';
import type { HeadingRange, ParagraphRange } from '../model/types';

/** Our one text form: NFC, `\n` line ends, no BOM, no soft hyphens, no trailing whitespace at the very end. */
export function normalizeText(raw: string): string {
  // Each step scans the whole text, and transcripts are long: a step is skipped when a
  // quick search finds nothing for it to do (most files are already clean).
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.indexOf('\r') !== -1) text = text.replaceAll('\r\n', '\n');
  if (OTHER_BREAKS.test(text)) text = text.replace(OTHER_BREAKS_ALL, '\n').replace(/\x1a/g, '');
  // A soft hyphen (Word's optional hyphen) is invisible, yet it splits a word for search and counting.
  if (text.indexOf('\u00ad') !== -1) text = text.replaceAll('\u00ad', '');
  text = text.normalize('NFC');
  if (hasTrailingSpace(text)) text = text.replace(/[ \t]+\n/g, '\n');
  return text.trimEnd();
}

/** Line breaks other than \n (lone CR, Unicode separators, NEL, page breaks, Word's vertical tab), and DOS's Ctrl-Z. */
const OTHER_BREAKS = /[\r\u2028\u2029\u0085\f\v\x1a]/;
const OTHER_BREAKS_ALL = /[\r\u2028\u2029\u0085\f\v]/g;

/** Whether a line ends in spaces or tabs: a look at the end of each line, not at every space. */
function hasTrailingSpace(text: string): boolean {
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) {
    const c = text.charCodeAt(end - 1);
    if (c === 32 || c === 9) return true;
  }
  return false;
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

/**
 * Joins paragraph strings into one text, returning the ranges they occupy; `levels` marks
 * the parts that are headings (part index → level), returned as heading ranges.
 */
export function joinParagraphs(parts: string[], levels?: Map<number, number>): { text: string; paragraphs: ParagraphRange[]; headings?: HeadingRange[] } {
  const paragraphs: ParagraphRange[] = [];
  const headings: HeadingRange[] = [];
  let text = '';
  parts.forEach((raw, i) => {
    const part = setApartBoldName(raw.replace(/\n+/g, ' ')).replaceAll('\u00ad', '').trim().normalize('NFC');
    if (part.trim() === '') return;
    if (text.length > 0) text += '\n';
    const range = { start: text.length, end: text.length + part.length };
    paragraphs.push(range);
    const level = levels?.get(i);
    if (level !== undefined) headings.push({ ...range, level });
    text += part;
  });
  return levels ? { text, paragraphs, headings } : { text, paragraphs };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Per UTF-16 code unit: 1 letter, digit or mark; 2 a joiner (' ’ -); 3 half a surrogate pair; 0 anything else. */
const JOINER = 2;
const SURROGATE = 3;
let wordCharTable: Uint8Array | null = null;
function wordChars(): Uint8Array {
  if (!wordCharTable) {
    wordCharTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) wordCharTable[c] = c >= 0xd800 && c <= 0xdfff ? SURROGATE : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
    for (const c of [39, 45, 0x2019]) wordCharTable[c] = JOINER;
  }
  return wordCharTable;
}

/**
 * Words as a reader counts them: runs of letters and digits, with an apostrophe or hyphen
 * inside a word ("l'école", "bem-estar") keeping it one word. A scan over a table of every
 * code unit that counts word starts without branching on them (a branch per word boundary
 * is mispredicted half the time): transcripts run to hundreds of thousands of words.
 */
export function countWords(text: string): number {
  const table = wordChars();
  let words = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    let current = table[text.charCodeAt(i)];
    if (current > 1) {
      current =
        current === SURROGATE
          ? WORD_CHAR.test(String.fromCodePoint(codePointOfUnit(text, i)))
            ? 1
            : 0
          : previous === 1 && i + 1 < text.length && isLetterOrDigit(text, i + 1)
            ? 1
            : 0;
    }
    words += current & (previous ^ 1);
    previous = current;
  }
  return words;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Whether a letter or digit (not a mark: a joiner before a mark ends the word) starts at i. */
function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 128 && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)));
}
