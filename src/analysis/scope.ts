import { subtreeIds } from '../coding/codes';
import type { ProjectData, Segment, Source } from '../model/types';

/** Which sources an analysis looks at: by kind (empty: all). */
export function sourcesInScope(data: Pick<ProjectData, 'sources'>, sourceKinds: string[] = []): Map<string, Source> {
  return new Map(data.sources.filter((s) => sourceKinds.length === 0 || sourceKinds.includes(s.kind)).map((s) => [s.id, s]));
}

/** The segments that count for a code: its own, or with its subcodes' when rolled up. */
export function segmentsOfCode(data: Pick<ProjectData, 'codes'>, byCode: Map<string, Segment[]>, codeId: string, rollUp: boolean): Segment[] {
  if (!rollUp) return byCode.get(codeId) ?? [];
  return [...subtreeIds(data.codes, codeId)].flatMap((id) => byCode.get(id) ?? []);
}

export function segmentsByCode(segments: Segment[], sources: Map<string, Source>): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  for (const s of segments) if (sources.has(s.sourceId)) (out.get(s.codeId) ?? out.set(s.codeId, []).get(s.codeId)!).push(s);
  return out;
}

/** The cases a set of segments speaks for (through their sources). */
export function casesOf(segments: Segment[], sources: Map<string, Source>): Set<string> {
  const out = new Set<string>();
  for (const s of segments) for (const c of sources.get(s.sourceId)?.caseIds ?? []) out.add(c);
  return out;
}

/** A percentage rounded to one decimal, 0 when there is nothing to divide by. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0;
}
