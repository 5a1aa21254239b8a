import { joinParagraphs } from '../normalize';
import { fail, notes, type ParsedText } from '../result';
import { speakerLabelAt } from '../speakers';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
  page: number;
  /** Where the line's words begin and end on the page. */
  left: number;
  right: number;
}

const BULLET = /^\s*[\u{E000}-\u{F8FF}•◦▪▫●○■□‣⁃∙]\s+/u;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** The legacy build runs in Node (tests, Electron main) and in browsers alike. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * PDF reports and transcripts: the text layer page by page, with paragraphs rebuilt from
 * the spacing between lines and words broken by end-of-line hyphens rejoined. A PDF with
 * no text layer (a scan) is refused, since there are no words to code.
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedText> {
  if (!startsWithPdfHeader(bytes)) fail('corrupt', 'not a valid PDF file (no "%PDF-" header)');
  const { getDocument } = await loadPdfJs();
  let doc;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, useSystemFonts: false, disableFontFace: true, stopAtErrors: true }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') fail('encrypted', 'the PDF is password-protected');
    fail('corrupt', `damaged PDF file (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const lines: Line[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items as TextItem[], p));
      page.cleanup();
    }
  } catch (e) {
    fail('corrupt', `damaged PDF file (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  } finally {
    await doc.destroy();
  }
  if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) fail('no-text-layer', 'no text layer (scanned?)');
  const { body, runningHeads } = withoutRunningHeads(lines);
  const warnings = runningHeads.length ? [notes.runningHeadsLeftOut(runningHeads)] : [];
  return { ...joinParagraphs(paragraphsOf(body)), warnings };
}

/**
 * Page headers and footers ("Estudio ViDA – confidencial", "Página 3 de 12") are not the
 * participant's words, and they would cut a turn in two at every page break. A line is
 * taken for one when it is the first or last of its page, stands apart from the text (a
 * wider gap than the text's own line spacing, or a line well short of the text's width),
 * and comes back, numbers aside, on at least half of the pages (two at least).
 */
function withoutRunningHeads(lines: Line[]): { body: Line[]; runningHeads: string[] } {
  const byPage = new Map<number, Line[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  if (byPage.size < 2) return { body: lines, runningHeads: [] };
  const spacing = usualLineGap(lines);
  const width = textWidth(lines);
  const shape = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const candidates = new Map<string, Line[]>();
  for (const pageLines of byPage.values()) {
    const sorted = [...pageLines].sort((a, b) => b.y - a.y);
    const edges: [Line | undefined, Line | undefined][] = [
      [sorted[0], sorted[1]],
      [sorted[sorted.length - 1], sorted[sorted.length - 2]],
    ];
    for (const [edge, neighbour] of edges) {
      if (!edge) continue;
      const apart = !neighbour || Math.abs(edge.y - neighbour.y) > spacing * 1.4 || edge.right < width * 0.85;
      if (!apart) continue;
      candidates.set(shape(edge), [...(candidates.get(shape(edge)) ?? []), edge]);
    }
  }
  const minPages = Math.max(2, Math.ceil(byPage.size / 2));
  const heads = [...candidates.values()].filter((found) => new Set(found.map((l) => l.page)).size >= minPages);
  if (heads.length === 0) return { body: lines, runningHeads: [] };
  const dropped = new Set(heads.flat());
  return { body: lines.filter((l) => !dropped.has(l)), runningHeads: heads.map((found) => found[0].text.trim()) };
}

/** How far a column's text begins from the previous column's (points). */
const COLUMN_SHIFT = 50;

/**
 * Where a full line ends, for the column a line is in: lines are grouped by where they
 * begin, and most lines of a column reach its right edge (a short one ends a paragraph).
 * Groups of very few lines (a centred title) are measured against the whole text.
 */
function columnEnds(lines: Line[]): (line: Line) => number {
  const whole = textWidth(lines);
  const column = (l: Line) => Math.round(l.left / COLUMN_SHIFT);
  const groups = new Map<number, Line[]>();
  for (const l of lines) groups.set(column(l), [...(groups.get(column(l)) ?? []), l]);
  const ends = new Map([...groups].map(([key, group]) => [key, group.length >= 3 ? textWidth(group) : whole]));
  return (l) => ends.get(column(l)) ?? whole;
}

/** Where the text's full lines end (most lines reach it; short ones end a paragraph). */
function textWidth(lines: Line[]): number {
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  return rights.length ? rights[Math.floor(rights.length * 0.9)] : 0;
}

/** The most common distance between consecutive lines of a page. */
function usualLineGap(lines: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].page === lines[i - 1].page) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function linesOf(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    const height = Math.abs(item.height || item.transform[3] || 10);
    if (current && Math.abs(current.y - y) > height * 0.5 && item.str.trim() !== '') {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: '', y, height, page, left: Infinity, right: 0 };
    current.text += item.str;
    current.height = Math.max(current.height, height);
    if (item.str.trim()) {
      current.left = Math.min(current.left, item.transform[4]);
      current.right = Math.max(current.right, item.transform[4] + (item.width || 0));
    }
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  // Lines holding only a number, a small roman numeral or an asterisk are page numbers or
  // note marks set above the line, not the author's words.
  return lines.filter((l) => l.text.trim() !== '' && !/^\s*(\d{1,3}|[ivxlc]{1,5}|[*†‡]+)\s*$/.test(l.text));
}

/**
 * A new paragraph starts after a gap clearly wider than the usual line spacing, after a
 * line that stops well short of the right margin, and at a speaker label.
 */
function paragraphsOf(lines: Line[]): string[] {
  const fullLineEnd = columnEnds(lines);
  const usual = usualLineGap(lines);
  const paragraphs: string[] = [];
  let text = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const gap = prev && prev.page === line.page ? prev.y - line.y : Infinity;
    // A list's bullet is a glyph of the list, not a word (Word and LibreOffice draw it from a symbol font).
    const words = line.text.replace(BULLET, '').trim();
    const shortPrev = !!prev && prev.right < fullLineEnd(prev) * 0.85;
    // The text goes on at the top of the next page or column: a paragraph may go on with it.
    const flowsOn = !!prev && (line.page !== prev.page || (gap < 0 && Math.abs(line.left - prev.left) > COLUMN_SHIFT));
    const midSentence = !!prev && !/[.!?:"”»)]$/.test(prev.text.trim()) && /^\p{Ll}/u.test(words);
    const newParagraph =
      !prev || (flowsOn ? !midSentence : gap > usual * 1.4 || gap < 0 || shortPrev) || speakerLabelAt(words) !== null;
    if (newParagraph && text) {
      paragraphs.push(text);
      text = '';
    }
    if (!text) text = words;
    else if (/\p{Ll}[-\u00ad\u2010]$/u.test(text) && /^\p{Ll}/u.test(words)) text = text.slice(0, -1) + words;
    else text += ' ' + words;
  });
  if (text) paragraphs.push(text);
  return paragraphs.map((p) => p.replace(/\s+/g, ' '));
}
