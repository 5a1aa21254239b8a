import type { Attribute, Case, Code, Coder, Memo, Project, SavedAnalysis, Segment, Source, SourceContent } from './types';

/** Tables whose rows a change may touch, and their primary key field. */
export const CHANGE_TABLES = {
  projects: 'id',
  sources: 'id',
  sourceContents: 'sourceId',
  cases: 'id',
  attributes: 'id',
  codes: 'id',
  segments: 'id',
  memos: 'id',
  coders: 'id',
  analyses: 'id',
} as const;

export type ChangeTable = keyof typeof CHANGE_TABLES;

/** The row a change holds, by table. */
export interface RowOf {
  projects: Project;
  sources: Source;
  sourceContents: SourceContent;
  cases: Case;
  attributes: Attribute;
  codes: Code;
  segments: Segment;
  memos: Memo;
  coders: Coder;
  analyses: SavedAnalysis;
}

/**
 * One row before and after a researcher's action; `undefined` means the row does not
 * exist. Pure code computes changes; the store applies them as one undo step. The row's
 * type follows its table.
 */
export type Change = {
  [T in ChangeTable]: {
    table: T;
    key: string;
    before: RowOf[T] | undefined;
    after: RowOf[T] | undefined;
    /**
     * The history keeps no copy of `after`: it is read from the store when the step is
     * undone. Imports use it for the rows they add, so a transcript is not stored twice and
     * a large import records its history quickly.
     */
    lazy?: boolean;
  };
}[ChangeTable];

export type ChangeOf<T extends ChangeTable> = Extract<Change, { table: T }>;

export function added<T extends ChangeTable>(table: T, key: string, row: RowOf[T]): ChangeOf<T> {
  return { table, key, before: undefined, after: row } as ChangeOf<T>;
}

export function removed<T extends ChangeTable>(table: T, key: string, row: RowOf[T]): ChangeOf<T> {
  return { table, key, before: row, after: undefined } as ChangeOf<T>;
}

export function updated<T extends ChangeTable>(table: T, key: string, before: RowOf[T], after: RowOf[T]): ChangeOf<T> {
  return { table, key, before, after } as ChangeOf<T>;
}

/** A row the store holds until the step is undone: the history keeps its key, not a copy. */
export function lazyAdded<T extends ChangeTable>(table: T, key: string, before?: RowOf[T]): ChangeOf<T> {
  return { table, key, before, after: undefined, lazy: true } as ChangeOf<T>;
}

/** The change that takes this one back. */
export function reversed(change: Change): Change {
  return { ...change, before: change.after, after: change.before } as Change;
}

/** The change from an earlier state of the same row (a typing session's first save) to this one's result. */
export function since(change: Change, earlier: Change): Change {
  return { ...change, before: earlier.before } as Change;
}
