import type { Table } from '../model/table';

/** A document to export: a title and blocks in order. Word is one writer of it. */
export interface ExportDocument {
  title: string;
  /** A line under the title: project, date, filters used. */
  subtitle?: string;
  /**
   * Print the title and subtitle above the blocks (default). A table exported for a paper
   * leaves them out: the journal takes "Table 1", its italic title, the table and its note.
   */
  showTitle?: boolean;
  blocks: Block[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string; citation: string; note?: string }
  | { kind: 'table'; table: Table; number?: number };
