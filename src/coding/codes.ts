import { added, removed, updated, type Change } from '../model/change';
import { ResearcherError } from '../model/errors';
import type { Code, Memo, Segment } from '../model/types';
import { newId } from '../util/id';

/** Colours for new codes: distinct, readable as highlights, and kind to colour-blind eyes. */
export const CODE_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#86bcb6', '#d37295', '#a0cbe8'];

export function childrenOf(codes: Code[], parentId: string | null): Code[] {
  return codes.filter((c) => c.parentId === parentId).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The code and everything below it. */
export function subtreeIds(codes: Code[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes)
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
  }
  return ids;
}

/** "Theme › Subtheme › Code", as shown in lists and exports. */
// Callers name every code of one list in turn (a matrix's 300 columns): index each list once.
const indexes = new WeakMap<Code[], Map<string, Code>>();

export function codePath(codes: Code[], id: string): string {
  let byId = indexes.get(codes);
  if (!byId || byId.size !== codes.length) indexes.set(codes, (byId = new Map(codes.map((c) => [c.id, c]))));
  const names: string[] = [];
  for (let c = byId.get(id); c && names.length < 50; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
  return names.join(' › ');
}

/** The tree in reading order, with each code's depth: what the navigator and exports walk. */
export function flattenTree(codes: Code[]): { code: Code; depth: number }[] {
  const out: { code: Code; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const c of childrenOf(codes, parentId)) {
      out.push({ code: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ResearcherError('error.codeName');
  return trimmed;
}

export function createCodeChange(codes: Code[], projectId: string, name: string, parentId: string | null, color?: string): { code: Code; changes: Change[] } {
  const siblings = childrenOf(codes, parentId);
  const code: Code = {
    id: newId(),
    projectId,
    parentId,
    name: checkName(name),
    color: color ?? CODE_COLORS[codes.length % CODE_COLORS.length],
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    order: siblings.length ? Math.max(...siblings.map((s) => s.order)) + 1 : 0,
  };
  return { code, changes: [added('codes', code.id, code)] };
}

export type CodeEdit = Partial<Pick<Code, 'name' | 'color' | 'description' | 'inclusion' | 'exclusion' | 'example'>>;

export function editCodeChange(code: Code, edit: CodeEdit): Change[] {
  const next = { ...code, ...edit };
  if (edit.name !== undefined) next.name = checkName(edit.name);
  return JSON.stringify(next) === JSON.stringify(code) ? [] : [updated('codes', code.id, code, next)];
}

/**
 * Moves a code under a new parent (null: top level) at a position among its new
 * siblings, renumbering the siblings. A code cannot go under itself or its own subcodes.
 */
export function moveCodeChanges(codes: Code[], id: string, parentId: string | null, index: number): Change[] {
  const code = codes.find((c) => c.id === id);
  if (!code) return [];
  if (parentId && subtreeIds(codes, id).has(parentId)) throw new ResearcherError('error.codeUnderItself');
  const siblings = childrenOf(codes, parentId).filter((c) => c.id !== id);
  const at = Math.max(0, Math.min(index, siblings.length));
  siblings.splice(at, 0, { ...code, parentId });
  const changes: Change[] = [];
  siblings.forEach((s, order) => {
    const before = codes.find((c) => c.id === s.id)!;
    if (before.order !== order || before.parentId !== parentId) changes.push(updated('codes', s.id, before, { ...before, parentId, order }));
  });
  return changes;
}

/** What deleting a code would take with it, for the confirmation. */
export function deletionImpact(codes: Code[], segments: Segment[], memos: Memo[], id: string) {
  const ids = subtreeIds(codes, id);
  const segs = segments.filter((s) => ids.has(s.codeId));
  const segIds = new Set(segs.map((s) => s.id));
  const linkedMemos = memos.filter((m) => (m.links.codeId && ids.has(m.links.codeId)) || (m.links.segmentId && segIds.has(m.links.segmentId)));
  return { codes: ids.size, segments: segs.length, memos: linkedMemos.length, codeIds: ids, segmentRows: segs, memoRows: linkedMemos };
}

/** Deletes a code, its subcodes, their segments and the memos attached to them. */
export function deleteCodeChanges(codes: Code[], segments: Segment[], memos: Memo[], id: string): Change[] {
  const impact = deletionImpact(codes, segments, memos, id);
  return [
    ...impact.memoRows.map((m) => removed('memos', m.id, m)),
    ...impact.segmentRows.map((s) => removed('segments', s.id, s)),
    ...codes.filter((c) => impact.codeIds.has(c.id)).map((c) => removed('codes', c.id, c)),
  ];
}

/**
 * Merges one code into another: its segments move (a segment the target already has on
 * the same text by the same coder collapses into it), its subcodes and memos move, and the code goes.
 */
export function mergeCodeChanges(codes: Code[], segments: Segment[], memos: Memo[], fromId: string, intoId: string): Change[] {
  if (fromId === intoId) return [];
  const from = codes.find((c) => c.id === fromId);
  const into = codes.find((c) => c.id === intoId);
  if (!from || !into) return [];
  if (subtreeIds(codes, fromId).has(intoId)) throw new ResearcherError('error.mergeIntoSubcode');
  const changes: Change[] = [];
  // A coder's segment on text the same coder coded with the target already collapses; another coder's stays theirs.
  const spanOf = (s: Segment) => `${s.sourceId}:${s.start}:${s.end}:${s.coderId}`;
  const targetSpans = new Map(segments.filter((s) => s.codeId === intoId).map((s) => [spanOf(s), s.id]));
  const dropped = new Map<string, string>(); // dropped segment id → the segment it collapsed into
  for (const s of segments.filter((x) => x.codeId === fromId)) {
    const into = targetSpans.get(spanOf(s));
    if (into) {
      changes.push(removed('segments', s.id, s));
      dropped.set(s.id, into);
    } else {
      targetSpans.set(spanOf(s), s.id);
      changes.push(updated('segments', s.id, s, { ...s, codeId: intoId }));
    }
  }
  let order = childrenOf(codes, intoId).length;
  for (const child of childrenOf(codes, fromId)) changes.push(updated('codes', child.id, child, { ...child, parentId: intoId, order: order++ }));
  for (const m of memos) {
    const links = { ...m.links };
    if (links.codeId === fromId) links.codeId = intoId;
    if (links.segmentId && dropped.has(links.segmentId)) links.segmentId = dropped.get(links.segmentId);
    if (JSON.stringify(links) !== JSON.stringify(m.links)) changes.push(updated('memos', m.id, m, { ...m, links }));
  }
  changes.push(removed('codes', from.id, from));
  return changes;
}
