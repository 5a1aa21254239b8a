import type { ProjectData, Segment, SourceContent } from '../model/types';
import { sentencesOf } from '../search/autocode';

/** What a coder's judgement is compared over. */
/** `source`: whether a code is present in a source at all (MAXQDA's code existence per document). */
export type AgreementLevel = 'character' | 'sentence' | 'paragraph' | 'segment' | 'source';
export const AGREEMENT_LEVELS: readonly AgreementLevel[] = ['character', 'sentence', 'paragraph', 'segment', 'source'];

/**
 * One unit of comparison: a stretch of a source and the codes each coder applied there (in
 * the order of the coders compared). A stretch of characters every coder treated alike is
 * one unit weighing its length.
 */
export interface JudgedUnit {
  sourceId: string;
  start: number;
  end: number;
  weight: number;
  codes: Set<string>[];
}

export interface UnitScope {
  coderIds: string[];
  /** The codes compared. */
  codeIds: Set<string>;
  sourceIds: string[];
  level: AgreementLevel;
  /** Segment level: the share of two segments' joint extent they must share to be one unit (0–1). */
  overlap: number;
  /** Count the units no coder coded with any of the codes (character, sentence, paragraph). */
  uncoded: boolean;
}

type Range = { start: number; end: number };

/**
 * The units of the sources in scope, with what each coder did there. Linear in the text's
 * units and segments (each segment meets the units it overlaps), so thousands of segments
 * over long transcripts are compared at once.
 */
export function judgedUnits(data: Pick<ProjectData, 'contents' | 'segments'>, scope: UnitScope): JudgedUnit[] {
  const coderIndex = new Map(scope.coderIds.map((id, i) => [id, i]));
  const bySource = new Map<string, Segment[]>();
  for (const s of data.segments)
    if (coderIndex.has(s.coderId) && scope.codeIds.has(s.codeId) && s.end > s.start) (bySource.get(s.sourceId) ?? bySource.set(s.sourceId, []).get(s.sourceId)!).push(s);
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const out: JudgedUnit[] = [];
  for (const sourceId of scope.sourceIds) {
    const content = contents.get(sourceId);
    if (!content) continue;
    const segments = (bySource.get(sourceId) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    const units =
      scope.level === 'character'
        ? characterUnits(content, segments, coderIndex, scope)
        : scope.level === 'segment'
          ? segmentUnits(sourceId, segments, coderIndex, scope.overlap)
          : rangeUnits(sourceId, rangesOf(content, scope.level), segments, coderIndex, scope);
    for (const u of units) out.push(u);
  }
  return out;
}

const emptyCodes = (n: number) => Array.from({ length: n }, () => new Set<string>());
const isCoded = (u: JudgedUnit) => u.codes.some((c) => c.size > 0);

function rangesOf(content: SourceContent, level: 'sentence' | 'paragraph' | 'source'): Range[] {
  if (level === 'source') return [{ start: 0, end: Math.max(1, content.text.length) }];
  const paragraphs = content.paragraphs.length ? content.paragraphs : [{ start: 0, end: content.text.length }];
  return level === 'paragraph' ? paragraphs : paragraphs.flatMap((p) => sentencesOf(content.text, p.start, p.end));
}

/** Sentences and paragraphs: a coder coded a unit with a code when a segment of that code overlaps it. */
function rangeUnits(sourceId: string, ranges: Range[], segments: Segment[], coderIndex: Map<string, number>, scope: UnitScope): JudgedUnit[] {
  const units = ranges.map((r): JudgedUnit => ({ sourceId, start: r.start, end: r.end, weight: 1, codes: emptyCodes(coderIndex.size) }));
  const ends = units.map((u) => u.end);
  for (const s of segments) {
    // The first unit ending after the segment starts, found by halving.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < units.length && units[i].start < s.end; i++) units[i].codes[coderIndex.get(s.coderId)!].add(s.codeId);
  }
  return scope.uncoded ? units : units.filter(isCoded);
}

/**
 * Characters: the text cut wherever a segment starts or ends; between two cuts every coder's
 * codes are the same, so each stretch is one unit weighing its length.
 */
function characterUnits(content: SourceContent, segments: Segment[], coderIndex: Map<string, number>, scope: UnitScope): JudgedUnit[] {
  const length = content.text.length;
  const cuts = new Set<number>([0, length]);
  // A segment reaching outside the text (a damaged file's) counts for the text it covers.
  const within = (n: number) => Math.max(0, Math.min(n, length));
  for (const s of segments) {
    cuts.add(within(s.start));
    cuts.add(within(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byEnd = [...segments].sort((a, b) => a.end - b.end);
  // Per coder, how many of the open segments carry each code.
  const open = Array.from({ length: coderIndex.size }, () => new Map<string, number>());
  const out: JudgedUnit[] = [];
  let next = 0;
  let closing = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const at = points[p];
    while (closing < byEnd.length && byEnd[closing].end <= at) {
      const s = byEnd[closing++];
      const counts = open[coderIndex.get(s.coderId)!];
      const left = (counts.get(s.codeId) ?? 0) - 1;
      if (left > 0) counts.set(s.codeId, left);
      else counts.delete(s.codeId);
    }
    while (next < segments.length && segments[next].start <= at) {
      const s = segments[next++];
      if (s.end <= at) continue;
      const counts = open[coderIndex.get(s.coderId)!];
      counts.set(s.codeId, (counts.get(s.codeId) ?? 0) + 1);
    }
    const unit: JudgedUnit = { sourceId: content.sourceId, start: at, end: points[p + 1], weight: points[p + 1] - at, codes: open.map((m) => new Set(m.keys())) };
    if (scope.uncoded || isCoded(unit)) out.push(unit);
  }
  return out;
}

/** How much of two segments' joint extent they share (0–1). */
export function overlapShare(a: Range, b: Range): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return 0;
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * Segments: segments that share at least `overlap` of their joint extent are one unit
 * (whoever coded them, with whatever code), joined in chains; a segment no other matches is
 * a unit of its own, which the other coders did not code. Uncoded text makes no units here.
 */
function segmentUnits(sourceId: string, segments: Segment[], coderIndex: Map<string, number>, overlap: number): JudgedUnit[] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const threshold = Math.min(1, Math.max(0.01, overlap));
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length && segments[j].start < segments[i].end; j++) if (overlapShare(segments[i], segments[j]) >= threshold - 1e-9) parent[find(j)] = find(i);
  const groups = new Map<number, JudgedUnit>();
  segments.forEach((s, i) => {
    const root = find(i);
    const unit = groups.get(root) ?? groups.set(root, { sourceId, start: s.start, end: s.end, weight: 1, codes: emptyCodes(coderIndex.size) }).get(root)!;
    unit.start = Math.min(unit.start, s.start);
    unit.end = Math.max(unit.end, s.end);
    unit.codes[coderIndex.get(s.coderId)!].add(s.codeId);
  });
  return [...groups.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
