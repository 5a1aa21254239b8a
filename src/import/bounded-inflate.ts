import { Inflate } from 'fflate';

/** Compressed data is fed this much at a time: deflate inflates at most ~1,032 times, so one step yields at most ~16 MB. */
const STEP = 16 * 1024;

/**
 * How many bytes deflated data inflates to, counted as it inflates and given up as soon as
 * the count passes `limit` (returns limit + 1 then): nothing is kept, so a bomb costs its
 * limit in time and nothing in memory. `raw` is a raw deflate stream (as in zip entries);
 * zlib streams (PDF's FlateDecode) skip their two-byte header first. A damaged stream
 * counts what inflated before the damage.
 */
export function inflatedSize(data: Uint8Array, limit: number, zlib = false): number {
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
  });
  const body = zlib && data.length > 2 && (data[0] & 0x0f) === 8 ? data.subarray(2) : data;
  try {
    for (let at = 0; at < body.length && total <= limit; at += STEP) inflater.push(body.subarray(at, at + STEP), at + STEP >= body.length);
  } catch {
    // Damaged or cut short: what inflated so far is what counts.
  }
  return total > limit ? limit + 1 : total;
}
