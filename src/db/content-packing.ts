import { packRanges, packTurns, unpackRanges, unpackTurns, type PackedTurns } from '../model/packed-offsets';
import type { SourceContent } from '../model/types';

/**
 * How a source's text is kept in IndexedDB: paragraph and turn offsets packed (see
 * packed-offsets), so a 500-transcript import does not spend more time storing 100,000
 * offset objects than the text itself.
 */
export interface PackedSourceContent extends Omit<SourceContent, 'paragraphs' | 'turns'> {
  paragraphs: Uint32Array;
  turns: PackedTurns;
}

export function isPacked(row: SourceContent | PackedSourceContent): row is PackedSourceContent {
  return ArrayBuffer.isView(row.paragraphs);
}

export function packContent(content: SourceContent | PackedSourceContent): PackedSourceContent {
  if (isPacked(content)) return content;
  return { ...content, paragraphs: packRanges(content.paragraphs), turns: packTurns(content.turns) };
}

/** Reads a stored row (schema version 3 packed every older plain one). */
export function unpackContent(row: PackedSourceContent): SourceContent {
  return { ...row, paragraphs: unpackRanges(row.paragraphs), turns: unpackTurns(row.turns) };
}
