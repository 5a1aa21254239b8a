import type { Segment } from '../model/types';

/** A stretch of text covered by the same set of segments: what the viewer paints. */
export interface Run {
  start: number;
  end: number;
  segmentIds: string[];
}

/**
 * Splits [from, to) into runs at every segment boundary inside it, so overlapping and
 * nested codings each show. Runs cover the range exactly, in order, with no gaps.
 */
export function runsOf(from: number, to: number, segments: Segment[]): Run[] {
  const inside = segments.filter((s) => s.start < to && s.end > from);
  const cuts = new Set([from, to]);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    runs.push({ start, end, segmentIds: inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id) });
  }
  return runs;
}

/**
 * Gives each segment a lane in the margin so overlapping segments' stripes sit side by
 * side: longer segments first, each in the leftmost lane free over its whole span.
 */
export function stripeLanes(segments: Segment[]): Map<string, number> {
  const sorted = [...segments].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}
