import type { Cell, Table } from '../model/table';
import type { ProjectData } from '../model/types';
import { cellKey, cellQuotes, type Matrix } from './matrix';

export interface ComparisonOptions {
  /** "Table 1" title, e.g. "Changes perceived by professionals after training". */
  title: string;
  summaries: Record<string, string>;
  /** Keep a first column naming each row's code (off for the ViDA shape). */
  rowLabels: boolean;
  /** Where a cell has no summary: leave it empty, or show the cell's first quote with its citation. */
  fallback: 'empty' | 'first quote';
  note?: string;
}

/**
 * The shape of a published comparison (ViDA's Table 1): numbered rows, one column per
 * group or condition (Without training / With training), each cell the researcher's
 * summary for that theme and group. Built from a matrix with codes down the side.
 */
export function comparisonTable(matrix: Matrix, options: ComparisonOptions, data?: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases'>): Table {
  const rows = matrix.rows.map((row, r) => {
    const cells: Cell[] = matrix.columns.map((column, c) => {
      const summary = options.summaries[cellKey(row.key, column.key)]?.trim();
      if (summary) return { kind: 'text', text: summary };
      const first = options.fallback === 'first quote' && data ? cellQuotes(data, matrix.cells[r][c].slice(0, 1))[0] : undefined;
      return first ? { kind: 'quotes', quotes: [{ text: first.text, citation: first.citation }] } : { kind: 'empty' };
    });
    // The number goes before the first cell's text, as in the published table.
    const number = `${r + 1}. `;
    const first = cells[0];
    if (!options.rowLabels && first)
      cells[0] = first.kind === 'text' ? { kind: 'text', text: number + first.text } : first.kind === 'empty' ? { kind: 'text', text: number.trim() } : first;
    return { key: row.key, cells: options.rowLabels ? [{ kind: 'text' as const, text: number + row.label }, ...cells] : cells };
  });
  return {
    title: options.title,
    columns: [...(options.rowLabels ? [{ key: 'row', label: '' }] : []), ...matrix.columns.map((c) => ({ key: c.key, label: c.label }))],
    rows,
    note: options.note,
  };
}
