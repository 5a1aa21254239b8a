import type { SourceAnnotation } from '../../model/types';
import { joinParagraphs } from '../normalize';
import { PASSWORD_PROTECTED, damaged, fail, notValid, notes, type ParsedText } from '../result';
import { matchSpeakerLabel } from '../speakers';
import { checkPdfStreams } from './pdf-streams';

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
  /** The note mark raised at the start of the line ("¹" opening a footnote). */
  mark?: string;
  /** A table row, its cells read "cell | cell": a paragraph of its own. */
  row?: boolean;
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
  if (!startsWithPdfHeader(bytes)) notValid('PDF', 'no "%PDF-" header');
  checkPdfStreams(bytes);
  const { getDocument } = await loadPdfJs();
  let doc;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, useSystemFonts: false, disableFontFace: true, stopAtErrors: true }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') fail('encrypted', PASSWORD_PROTECTED);
    damaged('PDF', e instanceof Error ? e.message.split('\n')[0] : String(e));
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
    damaged('PDF', e instanceof Error ? e.message.split('\n')[0] : String(e));
  } finally {
    await doc.destroy();
  }
  if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) fail('no-text-layer', 'no text layer (scanned?)');
  const { body: pageText, runningHeads } = withoutRunningHeads(lines);
  const { body: withEndnotes, footnotes } = withoutFootnotes(pageText);
  const { body: marked, endnotes } = withoutEndnotes(withEndnotes);
  const labels = new Set(footnotes.map((n) => `${n.page}:${n.label}`));
  const endLabels = new Set(endnotes.map((n) => n.label));
  const markText = (l: Line, label: string) => (labels.has(`${l.page}:${label}`) || endLabels.has(label) ? `[${label}]` : '');
  const body = marked.map((l) => ({ ...l, text: l.text.replace(RAISED_MARK, (_, label: string) => markText(l, label)) }));
  const notesFound = footnotes.length + endnotes.length;
  const warnings = [...(runningHeads.length ? [notes.runningHeadsLeftOut(runningHeads)] : []), ...(notesFound ? [notes.footnotesAppended(notesFound)] : [])];
  // As for Word and OpenDocument files: the notes follow the text, each with its mark.
  const annotations: SourceAnnotation[] = [
    ...footnotes.map((n): SourceAnnotation => ({ kind: 'footnote', label: n.label, text: n.text })),
    ...endnotes.map((n): SourceAnnotation => ({ kind: 'endnote', label: n.label, text: n.text })),
  ];
  return { ...joinParagraphs([...paragraphsOf(body), ...annotations.map((n) => `[${n.label}] ${n.text}`)]), annotations, warnings };
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

/** Where a table's column gap was in a line's text, until the line is known to be a row. */
const CELL_GAP = '\u0003';
const TAB_GAP = '\u0004';

/** Where a raised mark was in a line's text, until the page's notes say what it is. */
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';
const RAISED_MARK = /\u0001([^\u0002]*)\u0002/g;

/** A note mark (or a page number) when it stands alone: "3", "iv", "*". */
const MARK = /^\s*(\d{1,3}|[ivxlc]{1,5}|[*†‡]+)\s*$/;

function linesOf(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  // A mark that opened the current line, set above it (a footnote's "¹"), until the line's words come.
  let leadingMark: string | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    const height = Math.abs(item.height || item.transform[3] || 10);
    if (current && item.str.trim() !== '') {
      const rise = y - current.y;
      if (leadingMark !== null && current.text.trim() === leadingMark && rise < 0 && -rise < height * 0.8 && height > current.height) {
        // The words the raised mark was set above: one line with them, on their baseline.
        Object.assign(current, { text: '', y, height, mark: leadingMark });
        leadingMark = null;
      } else if (MARK.test(item.str) && height < current.height * 0.85 && rise > 0 && rise < current.height * 0.8 && current.text.trim() !== '') {
        // A note mark raised above the line it is in ("familia¹"): kept aside until the notes
        // of the page are known (then it reads "[1]" as in Word files; any other raised
        // number is dropped).
        current.text += `${MARK_OPEN}${item.str.trim()}${MARK_CLOSE}`;
        continue;
      } else if (Math.abs(rise) > height * 0.5) {
        lines.push(current);
        current = null;
      }
    }
    if (!current) {
      current = { text: '', y, height, page, left: Infinity, right: 0 };
      leadingMark = MARK.test(item.str) ? item.str.trim() : null;
    }
    // pdf.js gives the space between a table's columns as one wide blank: a cell boundary;
    // a narrower one, still wider than any space between words, is a tab.
    const blank = item.str.trim() === '' && item.str !== '' && current.text.trim() !== '' ? (item.width || 0) / Math.max(current.height, height) : 0;
    if (blank > 1.5) {
      current.text += blank > 2.5 ? CELL_GAP : TAB_GAP;
      continue;
    }
    current.text += item.str;
    current.height = Math.max(current.height, height);
    if (item.str.trim()) {
      current.left = Math.min(current.left, item.transform[4]);
      current.right = Math.max(current.right, item.transform[4] + (item.width || 0));
    }
    if (item.hasEOL && !(leadingMark !== null && current.text.trim() === leadingMark)) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  // A line cut in three or more cells is a table row, read "cell | cell" as in Word files;
  // otherwise a gap is a tab, as after a speaker's name set in a column of its own
  // ("Entrevistadora⇥Buenos días", which the speakers' reading relies on).
  for (const line of lines) {
    const text = line.text.replace(/[\u0003\u0004]+$/, '');
    const gaps = text.split(CELL_GAP).length - 1;
    line.row = gaps >= 2;
    line.text = line.row ? text.replace(/\s*\u0003\s*/g, ' | ').replace(/\s*\u0004\s*/g, ' ') : text.replace(/\s*[\u0003\u0004]+\s*/g, '\t');
  }
  // Lines holding only a number, a small roman numeral or an asterisk are page numbers or
  // note marks set above the line, not the author's words.
  return lines.filter((l) => l.text.trim() !== '' && !MARK.test(l.text));
}

/**
 * Footnotes printed at the foot of a page would cut the paragraph running over the page
 * break in two. They are the lines at the bottom of a page set smaller than the text and
 * apart from it, the first opening with its mark ("¹ See…", "1 See…"); each mark starts a note.
 */
const NOTE_OPENING = /^\s*(\d{1,3}|[ivxlc]{1,5}|[*†‡]+)(?:\s+|(?=\p{Lu}))(?=\S)/u;

function withoutFootnotes(lines: Line[]): { body: Line[]; footnotes: { label: string; text: string; page: number }[] } {
  const heights = lines.map((l) => l.height).sort((a, b) => a - b);
  const textHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const small = (l: Line) => l.height < textHeight * 0.9;
  const usual = usualLineGap(lines.filter((l) => !small(l)));
  // The mark is raised, or set before the words with a space or none ("1La ficha…", as LibreOffice prints it).
  const opening = (l: Line) => l.mark ?? NOTE_OPENING.exec(l.text)?.[1];
  const byPage = new Map<number, Line[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const notes = new Set<Line>();
  const footnotes: { label: string; text: string; page: number }[] = [];
  for (const pageLines of byPage.values()) {
    const sorted = [...pageLines].sort((a, b) => b.y - a.y);
    let first = sorted.length;
    while (first > 1 && small(sorted[first - 1])) first--;
    if (first === sorted.length || first === 0 || !opening(sorted[first])) continue;
    // Set apart from the text above (a rule and a space): not a table in small print that goes on to the foot.
    if (sorted[first - 1].y - sorted[first].y < usual * 1.2) continue;
    for (const line of sorted.slice(first)) {
      notes.add(line);
      const label = opening(line);
      const words = line.mark !== undefined ? line.text.trim() : line.text.replace(NOTE_OPENING, '').trim();
      if (label !== undefined) footnotes.push({ label, text: words, page: line.page });
      else footnotes[footnotes.length - 1].text += ' ' + words;
    }
  }
  return { body: lines.filter((l) => !notes.has(l)), footnotes };
}

/**
 * Endnotes close the document (on the last page, or a page of their own): a run of lines
 * at the very end, each note opening with a mark the text raised somewhere ("i", "1"),
 * each at most a few lines long.
 */
function withoutEndnotes(lines: Line[]): { body: Line[]; endnotes: { label: string; text: string }[] } {
  const raised = new Set(lines.flatMap((l) => [...l.text.matchAll(RAISED_MARK)].map((m) => m[1])));
  if (raised.size === 0) return { body: lines, endnotes: [] };
  const opening = (l: Line) => {
    const label = l.mark ?? NOTE_OPENING.exec(l.text)?.[1];
    return label !== undefined && raised.has(label) ? label : undefined;
  };
  let start = lines.length;
  for (let i = lines.length - 1, since = 0; i >= 0 && since <= 3; i--, since++) {
    if (opening(lines[i]) === undefined) continue;
    start = i;
    since = 0;
  }
  if (start === lines.length) return { body: lines, endnotes: [] };
  const endnotes: { label: string; text: string }[] = [];
  for (const line of lines.slice(start)) {
    const label = opening(line);
    const words = (line.mark !== undefined ? line.text : line.text.replace(NOTE_OPENING, '')).replace(RAISED_MARK, '').trim();
    if (label !== undefined) endnotes.push({ label, text: words });
    else endnotes[endnotes.length - 1].text += ' ' + words;
  }
  return { body: lines.slice(0, start), endnotes };
}

/**
 * A new paragraph starts after a gap clearly wider than the usual line spacing, after a
 * line that stops well short of the right margin, and at a speaker label.
 */
function paragraphsOf(lines: Line[]): string[] {
  const fullLineEnd = columnEnds(lines);
  const usual = usualLineGap(lines);
  const paragraphs: string[] = [];
  const rowGoesOn = new Set<Line>();
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
    // A row's last cell running on below it (a transcript table's words), under a later column.
    const continuesRow = !!prev && (prev.row || rowGoesOn.has(prev)) && !line.row && gap > 0 && gap < usual * 1.4 && line.left > prev.left + COLUMN_SHIFT;
    if (continuesRow) rowGoesOn.add(line);
    const newParagraph =
      !prev ||
      !!line.row ||
      ((!!prev.row || rowGoesOn.has(prev)) && !continuesRow) ||
      (!continuesRow && (flowsOn ? !midSentence : gap > usual * 1.4 || gap < 0 || shortPrev)) ||
      matchSpeakerLabel(words) !== null;
    if (newParagraph && text) {
      paragraphs.push(text);
      text = '';
    }
    if (!text) text = words;
    else if (/\p{Ll}[-\u00ad\u2010]$/u.test(text) && /^\p{Ll}/u.test(words)) text = text.slice(0, -1) + words;
    else text += ' ' + words;
  });
  if (text) paragraphs.push(text);
  // Runs of blanks read as one; a tab stays one (a speaker's name set apart from the words).
  return paragraphs.map((p) => p.replace(/\s+/g, (blank) => (blank.includes('\t') ? '\t' : ' ')));
}
