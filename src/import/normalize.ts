import type { ParagraphRange } from '../model/types';

/** Our one text form: NFC, `\n` line ends, no BOM, no trailing whitespace at the very end. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(/\f/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\s+$/, '');
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

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
