import { packRanges, packTurns, unpackRanges, unpackTurns, type PackedTurns } from '../model/packed-offsets';
import type { ImportedSource, ImportResult } from './result';

/** An import result as it crosses from a worker or process: offsets packed (see packed-offsets). */
export type PackedImportResult = (Omit<Extract<ImportResult, { ok: true }>, 'sources'> & { sources: PackedImportedSource[] }) | Extract<ImportResult, { ok: false }>;

export type PackedImportedSource = Omit<ImportedSource, 'paragraphs' | 'turns'> & { paragraphs: Uint32Array<ArrayBuffer>; turns: PackedTurns };

export function isPackedSource(source: ImportedSource | PackedImportedSource): source is PackedImportedSource {
  return ArrayBuffer.isView(source.paragraphs);
}

/** Packs a result for postMessage, with the buffers to hand over rather than copy. */
export function packImportResult(result: ImportResult): { packed: PackedImportResult; transfer: ArrayBuffer[] } {
  if (!result.ok) return { packed: result, transfer: [] };
  const sources = result.sources.map((s) => ({ ...s, paragraphs: packRanges(s.paragraphs), turns: packTurns(s.turns) }));
  const transfer = sources.flatMap((s) => [s.paragraphs.buffer, s.turns.speaker.buffer, s.turns.ranges.buffer, ...(s.turns.times ? [s.turns.times.buffer] : [])]);
  return { packed: { ...result, sources }, transfer };
}

export function unpackImportResult(packed: PackedImportResult): ImportResult {
  if (!packed.ok) return packed;
  return { ...packed, sources: packed.sources.map((s) => ({ ...s, paragraphs: unpackRanges(s.paragraphs), turns: unpackTurns(s.turns) })) };
}
