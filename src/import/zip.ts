import { unzipSync } from 'fflate';
import { inflatedSize } from './bounded-inflate';
import { damaged, fail, notValid } from './result';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * What a Word, OpenDocument or Excel package may unpack to: several times the largest
 * transcript with its images (a 300,000-word interview's XML is under 100 MB).
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** Real documents pack 3 to 30 times (text XML) or not at all (images); bombs pack a thousand times. */
const SUSPICIOUS_RATIO = 200;
const SUSPICIOUS_FROM = 32 * 1024 * 1024;
/** Entries this small cannot inflate to anything that matters, whatever they claim. */
const TRUST_BELOW = 64 * 1024;

/**
 * Refuses a package that would unpack to more than a document can hold (a "zip bomb": a
 * few hundred kilobytes that inflate to gigabytes), or that packs like a bomb. Large
 * entries are inflated and counted, bounded, without keeping anything: an archive may lie
 * about its sizes.
 */
export function checkUnpackedSize(bytes: Uint8Array, what: string): void {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    damaged(what, e instanceof Error ? e.message : String(e));
  }
  let total = 0;
  const declared = entries.reduce((n, e) => n + e.declaredSize, 0);
  for (const e of entries) {
    const size =
      e.method === 8 && e.compressedSize >= TRUST_BELOW
        ? inflatedSize(entryData(bytes, e), MAX_UNPACKED_BYTES - total)
        : Math.max(e.declaredSize, e.method === 0 ? e.compressedSize : 0);
    total += size;
    if (total > MAX_UNPACKED_BYTES) break;
  }
  refuseBomb(what, bytes.length, total, declared);
}

const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${Math.round(n / 1024 / 1024).toLocaleString('en')} MB`);

/**
 * Refuses a file whose packed parts unpack to more than a document can hold, or that packs
 * like a bomb (real documents pack 3 to 30 times; bombs a thousand). `unpacked` is what was
 * counted (up to just past the limit); `declared`, what the file claims, when it says.
 */
export function refuseBomb(what: string, packed: number, unpacked: number, declared = 0): void {
  if (unpacked > MAX_UNPACKED_BYTES) {
    // An archive that lies about its sizes unpacks to at least what was counted before giving up.
    const shown = size(Math.max(declared, unpacked));
    fail('unpacks-too-large', `damaged ${what} file (it would unpack to ${shown}, over the ${size(MAX_UNPACKED_BYTES)} a document can hold)`, {
      size: shown,
      limit: size(MAX_UNPACKED_BYTES),
    });
  }
  if (unpacked > SUSPICIOUS_FROM && unpacked > SUSPICIOUS_RATIO * packed) {
    fail('unpacks-too-large', `damaged ${what} file (its ${size(packed)} would unpack to ${size(unpacked)}: no document packs that tightly)`, {
      size: size(unpacked),
      limit: size(SUSPICIOUS_RATIO * packed),
    });
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The entries a zip's central directory lists (read as the format lays it out; no zip64: no document needs it). */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('the archive has no directory: it may be cut short');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('its directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return new Uint8Array(0);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
}

/** The names of a zip's entries as its directory lists them (no entry is unpacked). */
export function zipEntryNames(bytes: Uint8Array, what: string): string[] {
  try {
    return zipEntries(bytes).map((e) => e.name);
  } catch (e) {
    damaged(what, e instanceof Error ? e.message : String(e));
  }
}

/** Reads named entries from a zip package; refuses damaged archives with a clear reason. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, what: string): Record<string, Uint8Array> {
  if (!isZip(bytes)) notValid(what, 'it is not a zip package');
  checkUnpackedSize(bytes, what);
  try {
    return unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    damaged(what, e instanceof Error ? e.message : String(e));
  }
}
