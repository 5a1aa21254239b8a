import { damaged } from './result';

/**
 * Reads the streams of an OLE compound file (the container of Word 97–2003 .doc files, and
 * of .docx files saved with a password). Only what reading a document needs: the sector
 * chains, the directory and the mini stream. Damaged or looping chains are refused.
 */
export interface CompoundFile {
  /** The bytes of the stream of that name (case-insensitive), or null when there is none. */
  stream(name: string): Uint8Array | null;
  names: string[];
}

export const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && COMPOUND_FILE_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function readCompoundFile(bytes: Uint8Array, what: string): CompoundFile {
  const damagedFile = (why: string): never => damaged(what, why);
  if (!isCompoundFile(bytes)) damagedFile('not an OLE compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const sectorShift = u16(0x1e);
  const miniShift = u16(0x20);
  if (sectorShift !== 9 && sectorShift !== 12) damagedFile('unknown sector size');
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (s: number) => {
    const start = (s + 1) * sectorSize;
    if (s >= MAX_REGULAR || start >= bytes.length) damagedFile('a sector lies past the end of the file');
    return bytes.subarray(start, Math.min(start + sectorSize, bytes.length));
  };

  // The FAT's own sectors are listed in the header (109 of them) and then in DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  const perSector = sectorSize / 4 - 1;
  for (let s = u32(0x44), seen = 0; s !== END_OF_CHAIN && s !== FREE; seen++) {
    if (seen > sectorCount) damagedFile('the sector list loops');
    const sector = new DataView(sectorAt(s).buffer, sectorAt(s).byteOffset, sectorSize);
    for (let i = 0; i < perSector; i++) {
      const f = sector.getUint32(i * 4, true);
      if (f !== FREE && f !== END_OF_CHAIN) fatSectors.push(f);
    }
    s = sector.getUint32(perSector * 4, true);
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((s, i) => {
    const sector = sectorAt(s);
    fat.set(new Uint32Array(sector.buffer.slice(sector.byteOffset, sector.byteOffset + sectorSize)), i * (sectorSize / 4));
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s >= table.length || s >= MAX_REGULAR || out.length > limit) damagedFile('a sector chain is broken or loops');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(Math.max(0, size));
    let at = 0;
    for (const s of chain(start, fat, sectorCount)) {
      if (at >= size) break;
      const sector = sectorAt(s);
      out.set(sector.subarray(0, Math.min(sector.length, size - at)), at);
      at += sectorSize;
    }
    if (at < size) damagedFile('a stream is cut short');
    return out;
  };

  // The directory: 128-byte entries, names in UTF-16.
  const directory = readChain(u32(0x30), chain(u32(0x30), fat, sectorCount).length * sectorSize);
  const dirView = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(64, dirView.getUint16(at + 64, true));
    let name = '';
    for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(dirView.getUint16(at + i, true));
    // Sizes above 4 GB do not occur in documents; the high half is ignored as the format allows for v3 files.
    entries.push({ name, type: directory[at + 66], start: dirView.getUint32(at + 116, true), size: dirView.getUint32(at + 120, true) });
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) damagedFile('no root entry');
  const cutoff = u32(0x38) || 4096;
  const miniStream = root!.size > 0 ? readChain(root!.start, root!.size) : new Uint8Array(0);
  const miniFatStart = u32(0x3c);
  const miniFat = miniFatStart === END_OF_CHAIN || miniFatStart === FREE ? new Uint32Array(0) : new Uint32Array(readChain(miniFatStart, u32(0x40) * sectorSize).buffer);

  return {
    names: entries.filter((e) => e.type === 2).map((e) => e.name),
    stream(name) {
      const entry = entries.find((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase());
      if (!entry) return null;
      if (entry.size >= cutoff) return readChain(entry.start, entry.size);
      const out = new Uint8Array(entry.size);
      let at = 0;
      for (const s of chain(entry.start, miniFat, miniStream.length / miniSize + 1)) {
        if (at >= entry.size) break;
        const from = s * miniSize;
        if (from + Math.min(miniSize, entry.size - at) > miniStream.length) damagedFile('a stream lies past the end of the file');
        out.set(miniStream.subarray(from, from + Math.min(miniSize, entry.size - at)), at);
        at += miniSize;
      }
      if (at < entry.size) damagedFile('a stream is cut short');
      return out;
    },
  };
}
