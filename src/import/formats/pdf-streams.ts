import { inflatedSize } from '../bounded-inflate';
import { MAX_UNPACKED_BYTES, refuseBomb } from '../zip';

const STREAM = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"
const END = [0x65, 0x6e, 0x64, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "endstream"

/**
 * Refuses a PDF whose compressed streams (pages' text, fonts) would inflate to more than
 * a document holds, before pdf.js inflates them: a few hundred kilobytes can hold a
 * content stream of gigabytes. Images are left out (text is read without decoding them).
 * One pass over the bytes; each stream is inflated and counted, bounded, nothing kept.
 */
export function checkPdfStreams(bytes: Uint8Array): void {
  let total = 0;
  const latin = (from: number, to: number) => String.fromCharCode(...bytes.subarray(Math.max(0, from), to));
  for (let i = indexOf(bytes, STREAM, 0); i >= 0; i = indexOf(bytes, STREAM, i + 6)) {
    if (i >= 3 && bytes[i - 3] === 0x65 && bytes[i - 2] === 0x6e && bytes[i - 1] === 0x64) continue; // "endstream"
    let start = i + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue;
    start++;
    const end = indexOf(bytes, END, start);
    const stop = end < 0 ? bytes.length : end;
    // The stream's dictionary is just before it; a long dictionary is not one we need to look into.
    const dict = latin(i - 512, i);
    const own = dict.slice(dict.lastIndexOf('obj') + 1);
    if (/\/FlateDecode|\/Fl\b/.test(own) && !/\/Subtype\s*\/Image/.test(own)) {
      total += inflatedSize(bytes.subarray(start, stop), MAX_UNPACKED_BYTES - total, true);
      if (total > MAX_UNPACKED_BYTES) break;
    }
    i = stop;
  }
  refuseBomb('PDF', bytes.length, total);
}

function indexOf(bytes: Uint8Array, word: number[], from: number): number {
  for (let i = bytes.indexOf(word[0], from); i >= 0 && i + word.length <= bytes.length; i = bytes.indexOf(word[0], i + 1)) {
    let k = 1;
    while (k < word.length && bytes[i + k] === word[k]) k++;
    if (k === word.length) return i;
  }
  return -1;
}
