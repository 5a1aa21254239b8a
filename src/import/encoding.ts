import { fail } from './result';
import { decodeWindows1252 } from './windows-1252';

export type TextEncodingName = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes the bytes of a plain-text file, detecting the encodings our users' files come in:
 * UTF-8 (with or without BOM), UTF-16 LE/BE, and the Windows-1252 / ISO-8859-1 that old
 * Word and Notepad wrote Spanish and Portuguese transcripts in. Refuses binary data.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8 (BOM)');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return checked(new TextDecoder(utf16).decode(bytes), utf16);

  // Past here a zero byte anywhere is binary data; it decodes to U+0000, which a search of
  // the text finds several times faster than a search of the bytes.
  let text: string;
  let encoding: TextEncodingName;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    // Not UTF-8: a single-byte Western encoding. Bytes 0x80–0x9F are control codes in
    // ISO-8859-1 but letters and punctuation (… “ ” € –) in Windows-1252. Binary data
    // mostly ends up here, and is refused before the slower decoding.
    if (bytes.includes(0)) binary();
    text = decodeWindows1252(bytes);
    encoding = bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'iso-8859-1';
  }
  if (text.includes('\0')) binary();
  return checked(text, encoding);
}

/** Text written as UTF-16 without a BOM has a zero byte in every other position. */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function checked(text: string, encoding: TextEncodingName): DecodedText {
  if (looksBinary(text)) binary();
  return { text, encoding };
}

/**
 * Control characters do not occur in transcripts, except tab, line breaks, form feed
 * (page breaks), vertical tab (Word's manual line break in "Save as text") and a final
 * Ctrl-Z (the end-of-file mark of old DOS editors).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  // One native scan answers for almost every file: no suspicious character at all.
  if (!SUSPICIOUS.test(sample)) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 26) || c === 0xfffd) controls++;
  }
  return controls / sample.length > 0.01;
}

const SUSPICIOUS = /[\x00-\x08\x0e-\x19\x1b-\x1f\ufffd]/;

function binary(): never {
  fail('binary', 'binary data, not text (is the extension wrong?)');
}
