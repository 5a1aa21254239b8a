import { importSource } from '../import';
import type { ImportError } from '../import/result';
import { ImportFailure, plainReason } from '../import/result';
import type { Code } from '../model/types';
import { QDC_FORMAT, readQdc } from './qdc';
import { QDPX_FORMAT, readQde, readQdpx, type QdpxReadResult } from './qdpx-read';
import type { ExchangeNote } from './report';

export { writeQdpx } from './qdpx-write';
export { writeQdc, readQdc } from './qdc';
export { readQdpx } from './qdpx-read';
export type { ExchangeNote } from './report';

export type Opened<T> = ({ ok: true } & T) | { ok: false; error: ImportError };

function refusal(fileName: string, format: string, e: unknown): { ok: false; error: ImportError } {
  if (e instanceof ImportFailure) return { ok: false, error: { code: e.code, fileName, message: e.message, params: e.params } };
  const reason = plainReason(e);
  return { ok: false, error: { code: 'corrupt', fileName, message: `damaged ${format} file (${reason})`, params: { format, reason } } };
}

/** The text of a source a project gives only as a Word file, through the Word importer. */
async function wordText(name: string, bytes: Uint8Array): Promise<string | null> {
  const result = await importSource({ name, bytes });
  return result.ok ? (result.sources[0]?.text ?? null) : null;
}

/** A .qdpx (or a bare .qde) a researcher opens as a new project: its data and report, or why it was refused, naming the file. */
export async function openProjectFile(fileName: string, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<Opened<QdpxReadResult>> {
  try {
    if (bytes.length === 0) throw new ImportFailure('empty', 'the file is empty (0 bytes)');
    const bare = /\.qde$/i.test(fileName);
    return { ok: true, ...(bare ? await readQde(bytes, { fileOf: () => null, onProgress }) : await readQdpx(bytes, { onProgress, readRichText: wordText })) };
  } catch (e) {
    return refusal(fileName, QDPX_FORMAT, e);
  }
}

/** A .qdc a researcher brings into a project: its codes and report, or why it was refused, naming the file. */
export function openCodebookFile(fileName: string, bytes: Uint8Array): Opened<{ codes: Code[]; report: ExchangeNote[] }> {
  try {
    if (bytes.length === 0) throw new ImportFailure('empty', 'the file is empty (0 bytes)');
    return { ok: true, ...readQdc(bytes) };
  } catch (e) {
    return refusal(fileName, QDC_FORMAT, e);
  }
}
