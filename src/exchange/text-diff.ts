import { diffChars, diffLines } from 'diff';

/** A stretch the two texts share: `length` characters from `theirs` in one and `ours` in the other. */
export interface SharedBlock {
  theirs: number;
  ours: number;
  length: number;
}

/** Past these the texts are treated as different there, rather than diffed at length (no text may hang the merge). */
const MAX_LINE_EDITS = 4000;
const MAX_CHAR_EDITS = 2000;
const MAX_CHANGED_BLOCK = 50_000;

/**
 * Where two versions of a source's text agree (someone fixed a typo, added a line): by lines
 * first, then by characters inside the lines that changed. Bounded: a stretch too different to
 * diff cheaply is left unshared, and coding there is reported rather than guessed.
 */
export function alignTexts(theirs: string, ours: string): SharedBlock[] {
  if (theirs === ours) return [{ theirs: 0, ours: 0, length: ours.length }];
  const lines = diffLines(theirs, ours, { maxEditLength: MAX_LINE_EDITS }) ?? affixesOnly(theirs, ours);
  const blocks: SharedBlock[] = [];
  const push = (t: number, o: number, length: number) => {
    const last = blocks[blocks.length - 1];
    if (length <= 0) return;
    if (last && last.theirs + last.length === t && last.ours + last.length === o) last.length += length;
    else blocks.push({ theirs: t, ours: o, length });
  };
  let t = 0;
  let o = 0;
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i];
    if (!part.added && !part.removed) {
      push(t, o, part.value.length);
      t += part.value.length;
      o += part.value.length;
      continue;
    }
    // A replaced stretch: what was removed from theirs and what stands in ours instead.
    let removed = '';
    let added = '';
    for (; i < lines.length && (lines[i].added || lines[i].removed); i++) {
      if (lines[i].removed) removed += lines[i].value;
      else added += lines[i].value;
    }
    i--;
    if (removed && added && removed.length <= MAX_CHANGED_BLOCK && added.length <= MAX_CHANGED_BLOCK) {
      const chars = diffChars(removed, added, { maxEditLength: MAX_CHAR_EDITS });
      if (chars) {
        let ct = t;
        let co = o;
        for (const c of chars) {
          if (!c.added && !c.removed) push(ct, co, c.value.length);
          if (!c.added) ct += c.value.length;
          if (!c.removed) co += c.value.length;
        }
      }
    }
    t += removed.length;
    o += added.length;
  }
  return blocks;
}

/** The shared beginning and end only: what is left when the texts are too different to diff. */
function affixesOnly(theirs: string, ours: string) {
  let head = 0;
  while (head < theirs.length && head < ours.length && theirs[head] === ours[head]) head++;
  let tail = 0;
  while (tail < theirs.length - head && tail < ours.length - head && theirs[theirs.length - 1 - tail] === ours[ours.length - 1 - tail]) tail++;
  return [
    { value: theirs.slice(0, head), added: false, removed: false },
    { value: theirs.slice(head, theirs.length - tail), added: false, removed: true },
    { value: ours.slice(head, ours.length - tail), added: true, removed: false },
    { value: theirs.slice(theirs.length - tail), added: false, removed: false },
  ].filter((p) => p.value.length > 0);
}

/** The first block ending after `offset` (blocks are in text order). */
function blockAfter(blocks: SharedBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].theirs + blocks[mid].length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A stretch of their text placed on ours: its ends moved with the shared text around them
 * (an end inside changed text moves to where the shared text resumes). Null when less than
 * half of it is text both versions share: it cannot be placed honestly.
 */
export function placeRange(blocks: SharedBlock[], start: number, end: number): { start: number; end: number } | null {
  if (!(end > start)) return null;
  let shared = 0;
  const first = blockAfter(blocks, start);
  for (let i = first; i < blocks.length && blocks[i].theirs < end; i++) shared += Math.min(end, blocks[i].theirs + blocks[i].length) - Math.max(start, blocks[i].theirs);
  if (shared * 2 < end - start) return null;
  const b = blocks[first];
  const from = b.theirs <= start ? b.ours + (start - b.theirs) : b.ours;
  const last = blockAfter(blocks, end - 1);
  const e = blocks[Math.min(last, blocks.length - 1)];
  const to = e.theirs < end ? e.ours + Math.min(end - e.theirs, e.length) : blocks[last - 1].ours + blocks[last - 1].length;
  return to > from ? { start: from, end: to } : null;
}
