import type { ImportNote, SourceAnnotation } from '../../model/types';
import { readCompoundFile } from '../compound-file';
import { joinParagraphs } from '../normalize';
import { BOLD_LEAD_END } from '../bold-name';
import { PASSWORD_PROTECTED, damaged, fail, notes as importNotes, type ParsedText } from '../result';
import { decodeWindows1252 } from '../windows-1252';
import { toRoman } from '../../util/roman';

/**
 * Word 97–2003 documents (.doc), still how many older transcripts and reports are kept:
 * the text is read through the document's piece table, paragraph by paragraph; table rows
 * read "cell | cell"; fields show their result; footnotes and endnotes are appended as
 * "[n] text" and comments kept beside the text, as for .docx files.
 */
export function parseDoc(bytes: Uint8Array): ParsedText {
  const file = readCompoundFile(bytes, 'Word');
  const main = file.stream('WordDocument');
  if (!main) {
    // A .docx saved with a password is kept in the same kind of container.
    if (file.stream('EncryptedPackage')) fail('encrypted', PASSWORD_PROTECTED);
    damaged('Word', 'no WordDocument stream');
  }
  const fib = new DataView(main!.buffer, main!.byteOffset, main!.byteLength);
  if (main!.length < 0x200 || fib.getUint16(0, true) !== 0xa5ec) damaged('Word', 'no document header');
  if (fib.getUint16(2, true) < 0xc1) fail('legacy-word', 'Word 6/95 format: open it in Word and save it as .docx');
  const flags = fib.getUint16(0x0a, true);
  if (flags & 0x0100) fail('encrypted', PASSWORD_PROTECTED);
  const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) damaged('Word', 'no table stream');

  // FibRgLw97 (story lengths) and FibRgFcLcb97 (where the piece table is) follow two
  // variable-length blocks, so their places are computed, not assumed.
  const afterRgW = 0x20 + 2 + fib.getUint16(0x20, true) * 2;
  const rgLw = afterRgW + 2;
  const rgFcLcb = rgLw + fib.getUint16(afterRgW, true) * 4 + 2;
  const storyLength = (i: number) => fib.getInt32(rgLw + 12 + i * 4, true);
  const [ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn] = [0, 1, 2, 3, 4, 5].map(storyLength);
  // The stories follow each other: text, footnotes, headers, macros, comments, endnotes.
  const atnStart = ccpText + ccpFtn + ccpHdd + ccpMcr;
  const pair = (i: number): [number, number] => [fib.getUint32(rgFcLcb + i * 8, true), fib.getUint32(rgFcLcb + i * 8 + 4, true)];
  const [fcClx, lcbClx] = pair(33);
  const characters = pieceTable(
    main!,
    table!.subarray(fcClx, fcClx + lcbClx),
    propertyRuns(main!, table!, pair(12), 'character', isDeletion),
    propertyRuns(main!, table!, pair(13), 'paragraph', isInTable),
    propertyRuns(main!, table!, pair(12), 'character', isBold),
  );
  // Where footnote and endnote references are in the text (both are written as 0x02).
  const references = (i: number) => new Set(plcPositions(table!, ...pair(i)));
  const [footnoteRefs, endnoteRefs] = [references(2), references(46)];

  const story = (from: number, length: number): Story => (length > 0 ? characters(from, from + length) : { text: '', deleted: [], inTable: [], bold: [] });
  const footnotes = notesOf(story(ccpText, ccpFtn), '\u0002');
  const comments = notesOf(story(atnStart, ccpAtn), '\u0005');
  const endnotes = notesOf(story(atnStart + ccpAtn, ccpEdn), '\u0002');
  let footnote = 0;
  let endnote = 0;
  const mark = (cp: number) => (footnoteRefs.has(cp) ? `[${++footnote}]` : endnoteRefs.has(cp) ? `[${toRoman(++endnote)}]` : '');
  const { paragraphs: body, images } = readStory(story(0, ccpText), mark);

  const annotations: SourceAnnotation[] = [
    ...footnotes.map((text, i): SourceAnnotation => ({ kind: 'footnote', label: String(i + 1), text })),
    ...endnotes.map((text, i): SourceAnnotation => ({ kind: 'endnote', label: toRoman(i + 1), text })),
    ...comments.map((text, i): SourceAnnotation => ({ kind: 'comment', label: String(i + 1), text })),
  ];
  const appended = [...footnotes.map((n, i) => `[${i + 1}] ${n}`), ...endnotes.map((n, i) => `[${toRoman(i + 1)}] ${n}`)];
  const warnings: ImportNote[] = [];
  if (appended.length) warnings.push(importNotes.footnotesAppended(appended.length));
  if (comments.length) warnings.push(importNotes.commentsAside(comments.length));
  if (images) warnings.push(importNotes.imagesLeftOut(images));
  return { ...joinParagraphs([...body, ...appended]), annotations, warnings };
}

/**
 * The document's characters from character position `from` to `to`: the piece table (the
 * Clx) says where each run of them is in the WordDocument stream, as 8-bit Windows-1252
 * ("compressed") or as UTF-16.
 */
function pieceTable(
  main: Uint8Array,
  clx: Uint8Array,
  deleted: (fc: number) => boolean,
  inTable: (fc: number) => boolean,
  bold: (fc: number) => boolean,
): (from: number, to: number) => Story {
  const view = new DataView(clx.buffer, clx.byteOffset, clx.byteLength);
  let at = 0;
  // Property runs (Prc) come first, not text; a negative size would be a damaged file.
  while (at + 3 <= clx.length && clx[at] === 0x01) {
    const size = view.getInt16(at + 1, true);
    if (size < 0) damaged('Word', 'bad piece table');
    at += 3 + size;
  }
  if (clx[at] !== 0x02 || at + 5 > clx.length) damaged('Word', 'no piece table');
  const lcb = view.getUint32(at + 1, true);
  const plc = at + 5;
  const count = Math.floor((lcb - 4) / 12);
  if (count < 1 || plc + lcb > clx.length) damaged('Word', 'piece table cut short');
  const pieces = Array.from({ length: count }, (_, i) => {
    const fc = view.getUint32(plc + (count + 1) * 4 + i * 8 + 2, true);
    return { start: view.getUint32(plc + i * 4, true), end: view.getUint32(plc + (i + 1) * 4, true), compressed: (fc & 0x40000000) !== 0, fc: fc & 0x3fffffff };
  });
  return (from, to) => {
    let text = '';
    const gone: boolean[] = [];
    const cell: boolean[] = [];
    const strong: boolean[] = [];
    for (const p of pieces) {
      const a = Math.max(from, p.start);
      const b = Math.min(to, p.end);
      if (a >= b) continue;
      const width = p.compressed ? 1 : 2;
      const start = (p.compressed ? p.fc / 2 : p.fc) + (a - p.start) * width;
      if (start + (b - a) * width > main.length) damaged('Word', 'text past the end of the document');
      const run = main.subarray(start, start + (b - a) * width);
      text += p.compressed ? decodeWindows1252(run) : new TextDecoder('utf-16le').decode(run);
      const fc = (p.compressed ? p.fc / 2 : p.fc) + (a - p.start) * width;
      for (let k = 0; k < b - a; k++) {
        gone.push(deleted(fc + k * width));
        cell.push(inTable(fc + k * width));
        strong.push(bold(fc + k * width));
      }
    }
    return { text, deleted: gone, inTable: cell, bold: strong };
  };
}

/** A stretch of the document: its characters, which of them are tracked deletions, in table cells, in bold. */
interface Story {
  text: string;
  deleted: boolean[];
  inTable: boolean[];
  bold: boolean[];
}

/**
 * The runs of file positions whose formatting has a property, read from the formatting
 * pages a PlcfBte points to: character pages (CHPX: tracked deletions) or paragraph pages
 * (PAPX: paragraphs in table cells). Answers by binary search: transcripts are long.
 */
function propertyRuns(
  main: Uint8Array,
  table: Uint8Array,
  [fcPlcf, lcbPlcf]: [number, number],
  pages: 'character' | 'paragraph',
  has: (props: DataView, from: number, to: number) => boolean,
): (fc: number) => boolean {
  const runs: [number, number][] = [];
  const plc = new DataView(table.buffer, table.byteOffset + Math.min(fcPlcf, table.length), Math.max(0, Math.min(lcbPlcf, table.length - fcPlcf)));
  const count = Math.floor((plc.byteLength - 4) / 8);
  for (let i = 0; i < count; i++) {
    const at = (plc.getUint32((count + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (at + 512 > main.length) continue;
    const fkp = new DataView(main.buffer, main.byteOffset + at, 512);
    const crun = fkp.getUint8(511);
    const entry = pages === 'character' ? 1 : 13;
    for (let r = 0; r < crun && (crun + 1) * 4 + (r + 1) * entry <= 511; r++) {
      const offset = fkp.getUint8((crun + 1) * 4 + r * entry) * 2;
      if (offset === 0 || offset >= 511) continue;
      let from: number;
      let to: number;
      if (pages === 'character') {
        from = offset + 1;
        to = from + fkp.getUint8(offset);
      } else {
        // A paragraph's properties: a size in words (a zero, then the size, when it is even), then its style, then the list.
        const cb = fkp.getUint8(offset);
        const size = cb === 0 ? 2 * fkp.getUint8(offset + 1) : 2 * cb - 1;
        from = offset + (cb === 0 ? 2 : 1) + 2;
        to = offset + (cb === 0 ? 2 : 1) + size;
      }
      if (has(fkp, from, Math.min(511, to))) runs.push([fkp.getUint32(r * 4, true), fkp.getUint32((r + 1) * 4, true)]);
    }
  }
  runs.sort((a, b) => a[0] - b[0]);
  return (fc) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fc < runs[mid][0]) hi = mid - 1;
      else if (fc >= runs[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The operand of a property (sprm) in a list of them, or undefined when the list does not set it. */
function propertyValue(view: DataView, from: number, to: number, sprm: number): number | undefined {
  for (let at = from; at + 2 <= to;) {
    const code = view.getUint16(at, true);
    if (code === sprm) return operandSize(code, view, at + 2, to) >= 4 ? view.getInt32(at + 2, true) : view.getUint8(at + 2);
    at += 2 + operandSize(code, view, at + 2, to);
  }
  return undefined;
}

/** Tracked deletions (sprmCFRMarkDel on): Word shows the accepted text, and so do we. */
const isDeletion = (props: DataView, from: number, to: number) => propertyValue(props, from, to, 0x0800) === 1;
/** Bold set on the words (sprmCFBold: on, or the opposite of a style that is not bold). */
const isBold = (props: DataView, from: number, to: number) => [1, 0x81].includes(propertyValue(props, from, to, 0x0835) ?? 0);
/** Paragraphs in table cells (sprmPFInTable, or a table depth sprmPItap above 0). */
const isInTable = (props: DataView, from: number, to: number) => propertyValue(props, from, to, 0x2416) === 1 || (propertyValue(props, from, to, 0x6649) ?? 0) > 0;

/** How many bytes a property's operand takes, from the size code in its opcode. */
function operandSize(sprm: number, view: DataView, at: number, to: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // Variable: a length byte first (sprmTDefTable's two-byte length aside).
      if (sprm === 0xd608) return at + 2 <= to ? view.getUint16(at, true) + 1 : to - at;
      return at < to ? view.getUint8(at) + 1 : to - at;
  }
}

/**
 * A story's text as paragraphs: Word marks paragraph ends with CR, line and page breaks
 * with VT and FF, table cells with BEL (a second BEL ends the row), and fields as
 * begin (0x13) instructions separator (0x14) result end (0x15): the result is what a reader
 * sees. Pictures and objects (0x01, 0x08) are counted, note marks become "[n]".
 */
function readStory({ text: story, deleted, inTable, bold }: Story, noteMark: (cp: number) => string): { paragraphs: string[]; images: number } {
  let out = '';
  let images = 0;
  // Bold opening a paragraph, perhaps a speaker's name (see bold-name).
  let boldLead = false;
  // For each open field: whether its result (after the separator) is being read.
  const fields: boolean[] = [];
  for (let i = 0; i < story.length; i++) {
    if (deleted[i]) continue;
    const c = story[i];
    if (c === '\u0013') {
      fields.push(false);
      continue;
    }
    if (c === '\u0014') {
      if (fields.length) fields[fields.length - 1] = true;
      continue;
    }
    if (c === '\u0015') {
      fields.pop();
      continue;
    }
    if (fields.length && !fields[fields.length - 1]) continue; // a field's instructions
    if (bold[i] && !inTable[i] && /(^|\n)\s*$/.test(out.slice(-200))) boldLead = true;
    else if (boldLead && !bold[i] && c.trim()) {
      out += BOLD_LEAD_END;
      boldLead = false;
    }
    switch (c) {
      case '\r':
        boldLead = false;
        // A paragraph inside a table cell goes on in the cell, as in Word files.
        if (!inTable[i]) out += '\n';
        else if (!out.endsWith(' ')) out += ' ';
        break;
      case '\u000b':
      case '\u000c':
      case '\u000e':
        out += '\n';
        break;
      case '\u0007':
        if (story[i + 1] === '\u0007') {
          out += '\n';
          i++;
        } else out += ' | ';
        break;
      case '\u0002':
        out += noteMark(i);
        break;
      case '\u0001':
      case '\u0008':
        images++;
        break;
      case '\u001e':
        out += '\u2011';
        break;
      case '\u001f':
      case '\u0000':
      case '\u0003':
      case '\u0004':
      case '\u0005':
        break;
      default:
        out += c;
    }
  }
  // A row's last cell mark is followed by the row's own: " | " then a new line.
  return { paragraphs: out.split('\n').map((p) => p.replace(/(\s\|\s*)+$/, '').trim()), images };
}

/** The notes of a footnote, endnote or comment story: each opens with its mark. */
function notesOf(story: Story, mark: string): string[] {
  const notes: Story[] = [];
  [...story.text].forEach((c, i) => {
    if (c === mark && !story.deleted[i]) notes.push({ text: '', deleted: [], inTable: [], bold: [] });
    else if (notes.length) {
      notes[notes.length - 1].text += c;
      notes[notes.length - 1].deleted.push(story.deleted[i]);
      notes[notes.length - 1].inTable.push(story.inTable[i]);
    }
  });
  return notes
    .map((n) =>
      readStory(n, () => '')
        .paragraphs.filter(Boolean)
        .join(' ')
        .trim(),
    )
    .filter(Boolean);
}

/** The character positions a PLC (a table of positions and data) lists. */
function plcPositions(table: Uint8Array, fc: number, lcb: number): number[] {
  if (lcb < 4 || fc + lcb > table.length) return [];
  const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
  // Reference PLCs carry two bytes of data per position: n positions + 1 end, then n × 2 bytes.
  const count = Math.floor((lcb - 4) / 6);
  return Array.from({ length: count }, (_, i) => view.getUint32(i * 4, true));
}
