import type { Code, Segment } from '../model/types';
import { subtreeIds } from './codes';

export interface CodeCount {
  segments: number;
  sources: number;
  /** The code with all its subcodes. */
  segmentsWithSubcodes: number;
  sourcesWithSubcodes: number;
}

/** Segments and sources per code, with and without subcodes: the numbers beside the tree. */
export function codeCounts(codes: Code[], segments: Segment[]): Map<string, CodeCount> {
  const byCode = new Map<string, Segment[]>();
  for (const s of segments) (byCode.get(s.codeId) ?? byCode.set(s.codeId, []).get(s.codeId)!).push(s);
  const out = new Map<string, CodeCount>();
  for (const c of codes) {
    const own = byCode.get(c.id) ?? [];
    const all = [...subtreeIds(codes, c.id)].flatMap((id) => byCode.get(id) ?? []);
    out.set(c.id, {
      segments: own.length,
      sources: new Set(own.map((s) => s.sourceId)).size,
      segmentsWithSubcodes: all.length,
      sourcesWithSubcodes: new Set(all.map((s) => s.sourceId)).size,
    });
  }
  return out;
}
