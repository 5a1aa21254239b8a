import { fail } from './result';
import { decodeWindows1252 } from './windows-1252';

export type TextEncodingName = 'utf-8' | 'utf-8 (BOM)' | 'utf-8 + windows-1252' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

/** A text mostly in UTF-8 with some characters in Windows-1252 (see decodeMixed). */
export const MIXED_ENCODING: TextEncodingName = 'utf-8 + windows-1252';

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
    const mixed = decodeMixed(bytes);
    if (mixed !== null) {
      text = mixed;
      encoding = MIXED_ENCODING;
    } else {
      text = decodeWindows1252(bytes);
      encoding = bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'iso-8859-1';
    }
  }
  if (text.includes('\0')) binary();
  return checked(text, encoding);
}

/**
 * A transcript put together from two editors (a paragraph pasted from an old Windows file
 * into a UTF-8 one) is UTF-8 with a few bytes of Windows-1252 among its characters. When
 * the file holds more well-formed UTF-8 characters than stray bytes, each is read in its
 * own encoding ("canción" and "acción" both keep their accents); otherwise null, and the
 * file is one single-byte text (whose accents seldom make well-formed UTF-8 by chance).
 */
function decodeMixed(bytes: Uint8Array): string | null {
  // Counted first: a Windows-1252 file, the common case here, is decided without decoding.
  let wellFormed = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) i++;
    else {
      const length = utf8SequenceAt(bytes, i);
      if (length > 0) wellFormed++;
      else strays++;
      i += length || 1;
    }
  }
  if (wellFormed <= strays) return null;
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < bytes.length;) {
    const length = bytes[i] < 0x80 ? 1 : utf8SequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(runStart, i)), decodeWindows1252(bytes.subarray(i, i + 1)));
    runStart = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/** The length of the well-formed UTF-8 character starting at i (its lead byte 0x80 or above), or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const [length, low, high] =
    b >= 0xc2 && b <= 0xdf
      ? [2, 0x80, 0xbf]
      : b === 0xe0
        ? [3, 0xa0, 0xbf]
        : b === 0xed
          ? [3, 0x80, 0x9f]
          : b >= 0xe1 && b <= 0xef
            ? [3, 0x80, 0xbf]
            : b === 0xf0
              ? [4, 0x90, 0xbf]
              : b === 0xf4
                ? [4, 0x80, 0x8f]
                : b >= 0xf1 && b <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
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
