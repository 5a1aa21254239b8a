import type { Segment } from '../model/types';
import { stripeLanes } from './layout';

/** Whose coding the viewer shows: every coder's (none chosen) or the chosen coders'; mine and theirs in two columns of stripes. */
export interface CoderView {
  coderIds: string[];
  mineVsTheirs: boolean;
}

export const ALL_CODERS: CoderView = { coderIds: [], mineVsTheirs: false };

export function visibleSegments<S extends Pick<Segment, 'coderId'>>(segments: S[], view: CoderView): S[] {
  if (!view.coderIds.length) return segments;
  const chosen = new Set(view.coderIds);
  return segments.filter((s) => chosen.has(s.coderId));
}

/**
 * Each segment's lane in the margin. Side by side, my segments take the lanes on the left
 * and the others' start one lane further right, so the two columns never mix.
 */
export function coderLanes(segments: Segment[], view: CoderView, myCoderId: string): { lanes: Map<string, number>; theirsFrom: number | null } {
  if (!view.mineVsTheirs) return { lanes: stripeLanes(segments), theirsFrom: null };
  const mine = stripeLanes(segments.filter((s) => s.coderId === myCoderId));
  const theirs = stripeLanes(segments.filter((s) => s.coderId !== myCoderId));
  const theirsFrom = Math.max(1, ...[...mine.values()].map((l) => l + 1)) + 1;
  const lanes = new Map(mine);
  for (const [id, lane] of theirs) lanes.set(id, lane + theirsFrom);
  return { lanes, theirsFrom };
}

/** A coder's initials, for the stripe labels: "Ana Pérez" → "AP", "Investigador B (muestra)" → "IB". */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letters = words.map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0]?.toLocaleUpperCase() ?? '').join('');
  return letters.slice(0, 3) || name.slice(0, 2);
}
