import { unzipSync } from 'fflate';
import { damaged, fail, notValid } from './result';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** What a Word or OpenDocument package may unpack to: far more than any real document. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/**
 * Refuses a package whose entries would unpack to more than MAX_UNPACKED_BYTES (a "zip
 * bomb": a few hundred kilobytes that inflate to gigabytes), reading only the sizes the
 * archive declares, before anything is unpacked.
 */
export function checkUnpackedSize(bytes: Uint8Array, what: string): void {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch (e) {
    damaged(what, e instanceof Error ? e.message : String(e));
  }
  if (total > MAX_UNPACKED_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en')} MB`;
    fail('unpacks-too-large', `damaged ${what} file (it would unpack to ${mb(total)}, over the ${mb(MAX_UNPACKED_BYTES)} a document can hold)`, {
      size: mb(total),
      limit: mb(MAX_UNPACKED_BYTES),
    });
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
