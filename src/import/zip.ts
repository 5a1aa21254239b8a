import { unzipSync } from 'fflate';
import { fail } from './result';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads named entries from a zip package; refuses damaged archives with a clear reason. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, what: string): Record<string, Uint8Array> {
  if (!isZip(bytes)) fail('corrupt', `not a valid ${what} file (it is not a zip package)`);
  try {
    return unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    fail('corrupt', `damaged ${what} file (${e instanceof Error ? e.message : String(e)})`);
  }
}
