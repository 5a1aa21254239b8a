import { joinParagraphs } from '../normalize';
import { BOLD_LEAD_END } from '../bold-name';
import { damaged, notValid, notes, type ParsedText } from '../result';
import { decodeWindows1252 } from '../windows-1252';

/** Destinations whose text is not part of the document body. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'header',
  'footer',
  'headerl',
  'headerr',
  'footerl',
  'footerr',
  'headerf',
  'footerf',
  'object',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'xmlnstbl',
  'generator',
  'filetbl',
  'revtbl',
  'pgdsctbl',
  'fldinst',
  'nonshppict',
  'shpinst',
  'bkmkstart',
  'bkmkend',
  // A list's bullet or number as drawn, not the author's words (Word writes it twice).
  'listtext',
  'pntext',
]);

const SYMBOLS: Record<string, string> = {
  emdash: '—',
  endash: '–',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  bullet: '•',
  tab: '\t',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

interface GroupState {
  skip: boolean;
  codepage: string;
  uc: number;
  footnote: boolean;
  comment: boolean;
  bold: boolean;
}

/**
 * Rich Text Format: the body text with its paragraphs; `\'hh` bytes decoded in the
 * document's code page (`\ansicpg`, Windows-1252 by default), `\uN` Unicode escapes,
 * table rows flattened with " | ", footnotes appended at the end, tracked deletions left
 * out as Word and LibreOffice show the accepted text.
 */
export function parseRtf(bytes: Uint8Array): ParsedText {
  // RTF is 7-bit text; stray 8-bit bytes are read as Windows-1252, its usual code page.
  const src = decodeWindows1252(bytes);
  if (!src.startsWith('{\\rtf')) notValid('RTF', 'it must begin with "{\\rtf"');

  const paragraphs: string[] = [];
  const footnotes: string[] = [];
  let line = '';
  let footnote = '';
  let pendingBytes: number[] = [];
  let skipChars = 0;
  let inTable = false;
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, codepage: 'windows-1252', uc: 1, footnote: false, comment: false, bold: false };
  // Bold opening the paragraph, perhaps a speaker's name (see bold-name).
  let boldLead = false;
  const comments: string[] = [];
  let comment = '';

  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    let decoded: string;
    const raw = new Uint8Array(pendingBytes);
    try {
      decoded = state.codepage === 'windows-1252' ? decodeWindows1252(raw) : new TextDecoder(state.codepage).decode(raw);
    } catch {
      decoded = decodeWindows1252(raw);
    }
    pendingBytes = [];
    put(decoded);
  };
  const put = (s: string) => {
    if (state.skip) return;
    if (state.comment) comment += s;
    else if (state.footnote) footnote += s;
    else {
      if (state.bold && !inTable && !line.trim()) boldLead = true;
      else if (!state.bold && boldLead && s.trim()) {
        line += BOLD_LEAD_END;
        boldLead = false;
      }
      line += s;
    }
  };
  const endParagraph = () => {
    flushBytes();
    if (state.comment) comment += ' ';
    else if (state.footnote) footnote += ' ';
    else {
      paragraphs.push(line);
      line = '';
      boldLead = false;
    }
  };

  let i = 0;
  let depth = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      depth++;
      i++;
      if (src.startsWith('\\*', i)) {
        state.skip = true;
        i += 2;
      }
    } else if (ch === '}') {
      flushBytes();
      const parent = stack[stack.length - 1];
      if (state.footnote && !parent?.footnote) {
        footnotes.push(footnote.trim());
        footnote = '';
      }
      if (state.comment && !parent?.comment) {
        comments.push(comment.trim());
        comment = '';
      }
      state = stack.pop() ?? state;
      depth--;
      i++;
    } else if (ch === '\\') {
      const next = src[i + 1];
      if (next === "'") {
        const hex = src.substr(i + 2, 2);
        i += 4;
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        pendingBytes.push(parseInt(hex, 16));
        continue;
      }
      flushBytes();
      if (next === '\\' || next === '{' || next === '}') {
        put(next);
        i += 2;
        continue;
      }
      if (next === '~') {
        put('\u00a0');
        i += 2;
        continue;
      }
      if (next === '-' || next === '_') {
        if (next === '_') put('-');
        i += 2;
        continue;
      }
      if (next === '\n' || next === '\r') {
        endParagraph();
        i += 2;
        continue;
      }
      const m = /^([a-zA-Z]+)(-?\d+)? ?/.exec(src.slice(i + 1, i + 40));
      if (!m) {
        i += 2;
        continue;
      }
      i += 1 + m[0].length;
      const word = m[1];
      const param = m[2] === undefined ? undefined : Number(m[2]);
      if (SKIPPED.has(word)) state.skip = true;
      // Text deleted with track changes on: the document reads without it (\deleted0 ends it).
      else if (word === 'deleted') state.skip = param !== 0;
      // Footnotes and comments are often written as {\\*\\footnote …} / {\\*\\annotation …}.
      else if (word === 'footnote') Object.assign(state, { skip: false, footnote: true });
      else if (word === 'annotation') Object.assign(state, { skip: false, comment: true });
      else if (word === 'ansicpg' && param) state.codepage = param === 65001 ? 'utf-8' : param === 10000 ? 'macintosh' : `windows-${param}`;
      // Old Mac word processors wrote their own character set: "Caf\'8e" is "Café".
      else if (word === 'mac') state.codepage = 'macintosh';
      else if (word === 'uc' && param !== undefined) state.uc = param;
      else if (word === 'u' && param !== undefined) {
        put(String.fromCharCode(param < 0 ? param + 65536 : param));
        skipChars = state.uc;
      } else if (word === 'par' || word === 'sect' || word === 'page' || word === 'column') endParagraph();
      else if (word === 'b') state.bold = param !== 0;
      else if (word === 'plain') state.bold = false;
      else if (word === 'intbl') inTable = true;
      else if (word === 'pard') inTable = false;
      // A manual line break starts a new line of the text, as in Word files and plain
      // transcripts; inside a table cell or a note it is a space.
      else if (word === 'line') {
        if (inTable || state.footnote || state.comment) put(' ');
        else endParagraph();
      } else if (word === 'cell') put(' | ');
      else if (word === 'row') {
        line = line.replace(/ \| $/, '');
        endParagraph();
      } else if (SYMBOLS[word] !== undefined) put(SYMBOLS[word]);
    } else if (ch === '\r' || ch === '\n') {
      i++;
    } else {
      if (skipChars > 0) {
        skipChars--;
        i++;
        continue;
      }
      flushBytes();
      put(ch);
      i++;
    }
  }
  flushBytes();
  if (line.trim()) paragraphs.push(line);
  if (depth !== 0) damaged('RTF', 'unbalanced braces: the file may be cut short');
  const labelled = footnotes.filter(Boolean).map((f, n) => `[${n + 1}] ${f}`);
  const joined = joinParagraphs([...paragraphs, ...labelled]);
  const warnings = labelled.length ? [notes.footnotesAppended(labelled.length)] : [];
  const annotations = comments.filter(Boolean).map((text, n) => ({ kind: 'comment' as const, label: String(n + 1), text }));
  if (annotations.length) warnings.push(notes.commentsAside(annotations.length));
  return { ...joined, annotations, warnings };
}
