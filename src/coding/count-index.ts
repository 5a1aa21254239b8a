import type { Change, ChangeOf } from '../model/change';
import type { Code, Segment } from '../model/types';
import type { CodeCount } from './counts';

/** How many segments each code has in each source: enough to count codes, kept up to date by changes. */
export type CountIndex = Map<string, Map<string, number>>;

export function buildCountIndex(segments: Pick<Segment, 'codeId' | 'sourceId'>[]): CountIndex {
  const index: CountIndex = new Map();
  for (const s of segments) bump(index, s.codeId, s.sourceId, 1);
  return index;
}

function bump(index: CountIndex, codeId: string, sourceId: string, by: number) {
  const bySource = index.get(codeId) ?? index.set(codeId, new Map()).get(codeId)!;
  const n = (bySource.get(sourceId) ?? 0) + by;
  if (n > 0) bySource.set(sourceId, n);
  else bySource.delete(sourceId);
}

/** A new index with the segment rows of these changes applied (the old one is left as it was). */
export function applyToCountIndex(index: CountIndex, changes: Change[]): CountIndex {
  const touched = changes.filter((c): c is ChangeOf<'segments'> => c.table === 'segments');
  if (touched.length === 0) return index;
  // Copy only the codes these changes touch; the rest is shared with the old index.
  const next: CountIndex = new Map(index);
  const copied = new Set<string>();
  const own = (codeId: string) => {
    if (!copied.has(codeId)) {
      copied.add(codeId);
      next.set(codeId, new Map(index.get(codeId) ?? []));
    }
  };
  for (const c of touched) {
    const { before, after } = c;
    if (before) own(before.codeId);
    if (after) own(after.codeId);
  }
  for (const c of touched) {
    const { before, after } = c;
    if (before) bump(next, before.codeId, before.sourceId, -1);
    if (after) bump(next, after.codeId, after.sourceId, 1);
  }
  return next;
}

/** Segments and sources per code, with and without subcodes, from the index. */
export function countsFromIndex(index: CountIndex, codes: Code[]): Map<string, CodeCount> {
  const out = new Map<string, CodeCount>();
  const children = new Map<string, string[]>();
  for (const c of codes) if (c.parentId) (children.get(c.parentId) ?? children.set(c.parentId, []).get(c.parentId)!).push(c.id);
  const subtree = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(subtree)];
  for (const code of codes) {
    const own = index.get(code.id);
    const sources = new Set<string>();
    let segments = 0;
    for (const id of subtree(code.id)) {
      for (const [sourceId, n] of index.get(id) ?? []) {
        sources.add(sourceId);
        segments += n;
      }
    }
    out.set(code.id, {
      segments: [...(own?.values() ?? [])].reduce((a, b) => a + b, 0),
      sources: own?.size ?? 0,
      segmentsWithSubcodes: segments,
      sourcesWithSubcodes: sources.size,
    });
  }
  return out;
}
