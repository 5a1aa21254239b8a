import { added, removed, updated, type Change } from '../model/change';
import { ResearcherError } from '../model/errors';
import type { Segment } from '../model/types';
import { newId, nowIso } from '../util/id';

export interface CodingRequest {
  projectId: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  coderId: string;
}

/**
 * Trims a selection to the words in it: no leading or trailing whitespace, and never a
 * half of a surrogate pair (an emoji or a character outside the Basic Multilingual Plane).
 */
export function tidySelection(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  if (e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e++;
  return s < e ? { start: s, end: e } : null;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Codes a stretch of text; the same coder coding the same text with the same code again
 * changes nothing. Another coder's identical coding is theirs: agreement counts both.
 */
export function codeTextChanges(existing: Segment[], request: CodingRequest): { segment: Segment | null; changes: Change[] } {
  if (!(request.start < request.end)) throw new ResearcherError('error.selectText');
  const same = existing.find(
    (s) => s.sourceId === request.sourceId && s.codeId === request.codeId && s.start === request.start && s.end === request.end && s.coderId === request.coderId,
  );
  if (same) return { segment: same, changes: [] };
  const segment: Segment = { id: newId(), createdAt: nowIso(), ...request };
  return { segment, changes: [added('segments', segment.id, segment)] };
}

export function uncodeChanges(segments: Segment[]): Change[] {
  return segments.map((s) => removed('segments', s.id, s));
}

/** Moves a segment's boundaries (the text must stay non-empty and inside the source). */
export function resizeSegmentChange(segment: Segment, start: number, end: number, textLength: number): Change[] {
  if (!(start >= 0 && end <= textLength && start < end)) throw new ResearcherError('error.emptySegment');
  if (start === segment.start && end === segment.end) return [];
  return [updated('segments', segment.id, segment, { ...segment, start, end })];
}

/**
 * Moves one boundary of a segment by a word: the start earlier (-1) or later (+1), or the
 * end earlier or later. The segment never becomes empty.
 */
export function moveBoundary(text: string, segment: { start: number; end: number }, edge: 'start' | 'end', direction: -1 | 1): { start: number; end: number } {
  const { start, end } = segment;
  const isSpace = (i: number) => /\s/.test(text[i] ?? ' ');
  if (edge === 'start') {
    if (direction < 0) {
      let i = start - 1;
      while (i > 0 && isSpace(i)) i--;
      while (i > 0 && !isSpace(i - 1)) i--;
      return { start: Math.max(0, i), end };
    }
    let i = start;
    while (i < end && !isSpace(i)) i++;
    while (i < end && isSpace(i)) i++;
    return i < end ? { start: i, end } : segment;
  }
  if (direction > 0) {
    let i = end;
    while (i < text.length && isSpace(i)) i++;
    while (i < text.length && !isSpace(i)) i++;
    return { start, end: i };
  }
  let i = end;
  while (i > start && !isSpace(i - 1)) i--;
  while (i > start && isSpace(i - 1)) i--;
  return i > start ? { start, end: i } : segment;
}
