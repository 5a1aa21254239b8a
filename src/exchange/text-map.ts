import { normalizeText } from '../import/normalize';

/**
 * Another tool's text made into ours (no BOM, `\n` line ends, NFC, no soft hyphens, no
 * spaces at line ends, none at the end), keeping where every one of its positions lands in
 * ours: `at[i]` is our offset for the tool's UTF-16 offset `i` (0 ≤ i ≤ raw.length). The
 * result is the text normalizeText gives, built in one pass so that positions follow.
 */
export interface MappedText {
  text: string;
  at: Int32Array;
}

const isMark = (c: number) => (c >= 0x300 && c < 0x370) || (c >= 0x1ab0 && c < 0x1b00) || (c >= 0x1dc0 && c < 0x1e00) || (c >= 0x20d0 && c < 0x2100) || (c >= 0xfe20 && c < 0xfe30);
const MARK = /\p{M}/u;
const BREAKS = new Set([0x2028, 0x2029, 0x85, 0x0c, 0x0b]);

export function mapToOurText(raw: string): MappedText {
  // Most texts are ours already (our own exports, most tools' plain text): every position stays.
  if (normalizeText(raw) === raw) {
    const same = new Int32Array(raw.length + 1);
    for (let i = 0; i <= raw.length; i++) same[i] = i;
    return { text: raw, at: same };
  }
  const at = new Int32Array(raw.length + 1);
  const out: string[] = [];
  let length = 0;
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  // Spaces and tabs wait: before a line end they go, before anything else they stay.
  let pendingFrom = -1;
  const flush = (i: number, dropped: boolean) => {
    if (pendingFrom < 0) return;
    for (let k = pendingFrom; k < i; k++) {
      at[k] = length;
      const ch = raw.charCodeAt(k);
      if (!dropped && (ch === 32 || ch === 9)) emit(raw[k]);
    }
    pendingFrom = -1;
  };
  let i = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (pendingFrom < 0) pendingFrom = i;
      i++;
      continue;
    }
    if (c === 0xad || c === 0x1a) {
      // A soft hyphen or DOS's end-of-file mark: nothing in our text, and no end to waiting spaces.
      if (pendingFrom < 0) at[i] = length;
      i++;
      continue;
    }
    const isBreak = c === 10 || c === 13 || BREAKS.has(c);
    flush(i, isBreak);
    if (c === 13 && raw.charCodeAt(i + 1) === 10) {
      at[i] = length;
      at[i + 1] = length;
      emit('\n');
      i += 2;
    } else if (isBreak) {
      at[i] = length;
      emit('\n');
      i++;
    } else {
      // A character with the marks that follow it is composed as one (NFC works within such a run).
      let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length ? 2 : 1);
      while (end < raw.length) {
        const m = raw.charCodeAt(end);
        if (m < 0x300) break;
        if (isMark(m) || MARK.test(String.fromCodePoint(raw.codePointAt(end)!))) end += m >= 0xd800 && m <= 0xdbff ? 2 : 1;
        else break;
      }
      const piece = raw.slice(i, end);
      const composed = end - i === 1 && c < 0x300 ? piece : piece.normalize('NFC');
      if (composed.length === piece.length) for (let k = i; k < end; k++) at[k] = length + (k - i);
      else for (let k = i; k < end; k++) at[k] = length; // inside a composed character: its start
      emit(composed);
      i = end;
    }
  }
  flush(raw.length, true);
  let text = out.join('');
  // Nothing at the very end but text: trailing line ends go, and positions there land at the end.
  const trimmed = text.trimEnd();
  if (trimmed.length < text.length) text = trimmed;
  at[raw.length] = length;
  for (let k = 0; k <= raw.length; k++) if (at[k] > text.length) at[k] = text.length;
  if (raw.charCodeAt(0) === 0xfeff) at[0] = 0;
  return { text, at };
}

/** Code point offsets → UTF-16 offsets, for tools that count characters rather than code units. */
export function unitsOfCodePoints(text: string): Int32Array {
  const units: number[] = [0];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    units.push(i);
  }
  return Int32Array.from(units);
}
