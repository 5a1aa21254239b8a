import { added, removed, updated, type Change } from '../model/change';
import type { Memo, Segment } from '../model/types';
import { newId, nowIso } from '../util/id';

/** Resolving a disagreement: one coder's coding of a code, over a stretch, becomes the others' too. */
export interface AcceptVersion {
  projectId: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  /** Whose version is accepted. */
  fromCoderId: string;
  /** The coders whose coding there becomes that version. */
  toCoderIds: string[];
}

type Range = { start: number; end: number };

/** The ranges as a sorted list of disjoint stretches; touching stretches become one. */
function union(ranges: Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const clip = (ranges: Range[], region: Range): Range[] =>
  ranges.flatMap((r) => (r.end > region.start && r.start < region.end ? [{ start: Math.max(r.start, region.start), end: Math.min(r.end, region.end) }] : []));
const outside = (ranges: Range[], region: Range): Range[] =>
  ranges
    .flatMap((r) => [
      { start: r.start, end: Math.min(r.end, region.start) },
      { start: Math.max(r.start, region.end), end: r.end },
    ])
    .filter((r) => r.end > r.start);
const overlaps = (a: Range, b: Range) => a.end > b.start && a.start < b.end;
const touches = (a: Range, b: Range) => a.end >= b.start && a.start <= b.end;

/**
 * The changes that make each other coder's coding of the code, within the stretch, what the
 * accepted coder's is, and leave it as it was outside: a segment reaching past the stretch
 * keeps its outer part. Segments that end up as they were are not touched; a memo on a
 * segment that goes moves to the segment that replaces it, or to the source.
 */
export function acceptVersionChanges(segments: Segment[], memos: Memo[], request: AcceptVersion): Change[] {
  const region = { start: request.start, end: request.end };
  const inSource = segments.filter((s) => s.sourceId === request.sourceId && s.codeId === request.codeId);
  const accepted = clip(union(inSource.filter((s) => s.coderId === request.fromCoderId)), region);
  const changes: Change[] = [];
  const createdAt = nowIso();
  for (const coderId of request.toCoderIds) {
    if (coderId === request.fromCoderId) continue;
    const theirs = inSource.filter((s) => s.coderId === coderId);
    // A segment that ends where the stretch begins joins the accepted coding rather than lying beside it.
    const touched = theirs.filter((s) => touches(s, region));
    const untouched = theirs.filter((s) => !touches(s, region));
    // Their coding outside the stretch stays; inside, it becomes the accepted version. New
    // stretches that join a segment outside the stretch are merged with it by the union.
    const wanted = union([...outside(union(touched), region), ...accepted]).filter((r) => !untouched.some((s) => s.start === r.start && s.end === r.end));
    const kept = touched.filter((s) => wanted.some((r) => r.start === s.start && r.end === s.end));
    const gone = touched.filter((s) => !kept.includes(s));
    const made = wanted
      .filter((r) => !kept.some((s) => s.start === r.start && s.end === r.end))
      .map((r): Segment => ({ id: newId(), projectId: request.projectId, sourceId: request.sourceId, codeId: request.codeId, start: r.start, end: r.end, coderId, createdAt }));
    for (const s of gone) {
      changes.push(removed('segments', s.id, s));
      for (const memo of memos.filter((m) => m.links.segmentId === s.id)) {
        const heir = made.find((r) => overlaps(r, s));
        const links = heir ? { ...memo.links, segmentId: heir.id } : { ...memo.links, segmentId: undefined, sourceId: s.sourceId };
        if (!heir) delete links.segmentId;
        changes.push(updated('memos', memo.id, memo, { ...memo, links }));
      }
    }
    for (const s of made) changes.push(added('segments', s.id, s));
  }
  // Memo changes must follow the segments they point to when the step is applied or undone.
  return [...changes.filter((c) => c.table === 'segments'), ...changes.filter((c) => c.table !== 'segments')];
}
