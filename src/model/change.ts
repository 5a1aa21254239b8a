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

/**
 * One row before and after a researcher's action; `undefined` means the row does not
 * exist. Pure code computes changes; the store applies them as one undo step.
 */
export interface Change {
  table: ChangeTable;
  key: string;
  before: object | undefined;
  after: object | undefined;
  /**
   * The history keeps no copy of `after`: it is read from the store when the step is
   * undone. Imports use it for the rows they add, so a transcript is not stored twice and
   * a large import records its history quickly.
   */
  lazy?: boolean;
}

export function added<T extends object>(table: ChangeTable, key: string, row: T): Change {
  return { table, key, before: undefined, after: row };
}

export function removed<T extends object>(table: ChangeTable, key: string, row: T): Change {
  return { table, key, before: row, after: undefined };
}

export function updated<T extends object>(table: ChangeTable, key: string, before: T, after: T): Change {
  return { table, key, before, after };
}
