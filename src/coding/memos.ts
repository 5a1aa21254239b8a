import { added, removed, updated, type Change } from '../model/change';
import type { Memo, MemoLinks } from '../model/types';
import { newId, nowIso } from '../util/id';

export interface MemoDraft {
  title: string;
  body: string;
  type: Memo['type'];
  /** yyyy-mm-dd: the day a field note was written, or the memo's date. */
  date: string;
  links: MemoLinks;
}

export function createMemoChange(projectId: string, draft: MemoDraft): { memo: Memo; changes: Change[] } {
  const now = nowIso();
  const memo: Memo = { id: newId(), projectId, ...draft, title: draft.title.trim() || untitled(draft.body), createdAt: now, updatedAt: now };
  return { memo, changes: [added('memos', memo.id, memo)] };
}

export function editMemoChange(memo: Memo, edit: Partial<MemoDraft>): Change[] {
  const next: Memo = { ...memo, ...edit, updatedAt: nowIso() };
  if (edit.title !== undefined) next.title = edit.title.trim() || untitled(next.body);
  const same = (['title', 'body', 'type', 'date'] as const).every((k) => next[k] === memo[k]) && JSON.stringify(next.links) === JSON.stringify(memo.links);
  return same ? [] : [updated('memos', memo.id, memo, next)];
}

export function deleteMemoChange(memo: Memo): Change[] {
  return [removed('memos', memo.id, memo)];
}

/**
 * The memo on a segment: written in place from the coding pane. An empty text removes it.
 */
export function segmentMemoChanges(existing: Memo | undefined, projectId: string, segmentId: string, body: string, title: string, today: string): Change[] {
  if (!existing) return body.trim() ? createMemoChange(projectId, { title, body, type: 'memo', date: today, links: { segmentId } }).changes : [];
  if (!body.trim()) return deleteMemoChange(existing);
  return editMemoChange(existing, { body });
}

function untitled(body: string): string {
  const firstLine = body.trim().split('\n')[0] ?? '';
  return firstLine.length > 60 ? firstLine.slice(0, 57) + '…' : firstLine || 'Untitled memo';
}

export type MemoTarget = 'project' | 'source' | 'case' | 'code' | 'segment' | 'cell';

/** What a memo is attached to, for the memos view's filter. */
export function memoTarget(memo: Memo): MemoTarget {
  const l = memo.links;
  if (l.segmentId) return 'segment';
  if (l.cell) return 'cell';
  if (l.codeId) return 'code';
  if (l.caseId) return 'case';
  if (l.sourceId) return 'source';
  return 'project';
}

export interface MemoFilter {
  target?: MemoTarget | 'all';
  type?: Memo['type'] | 'all';
  from?: string;
  to?: string;
  text?: string;
}

/** Memos matching a filter, newest date first (field notebooks read by date). */
export function filterMemos(memos: Memo[], filter: MemoFilter): Memo[] {
  const q = filter.text?.trim().toLowerCase();
  return memos
    .filter((m) => !filter.target || filter.target === 'all' || memoTarget(m) === filter.target)
    .filter((m) => !filter.type || filter.type === 'all' || m.type === filter.type)
    .filter((m) => (!filter.from || m.date >= filter.from) && (!filter.to || m.date <= filter.to))
    .filter((m) => !q || `${m.title} ${m.body}`.toLowerCase().includes(q))
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt));
}
