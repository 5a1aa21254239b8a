/** A quote in a table cell with its citation; an empty citation marks the researcher's own words (a summary). */
export interface CitedQuote {
  text: string;
  citation: string;
}

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; /** how many decimals to show */ decimals?: number; percent?: boolean }
  | { kind: 'quotes'; quotes: CitedQuote[] };

export interface TableColumn {
  key: string;
  label: string;
  /** A label spanning several columns above this one ("Training": Without / With). */
  group?: string;
  numeric?: boolean;
}

export interface TableRow {
  key: string;
  /** Indentation of the row's first cell, for code hierarchies. */
  depth?: number;
  cells: Cell[];
}

/**
 * What every analysis returns and every exporter writes: one grid shows any Table, one
 * exporter per format writes any Table.
 */
export interface Table {
  title: string;
  columns: TableColumn[];
  rows: TableRow[];
  note?: string;
}

export const text = (value: string | undefined | null): Cell => (value ? { kind: 'text', text: value } : { kind: 'empty' });
export const num = (value: number, decimals = 0): Cell => ({ kind: 'number', value, decimals });

/** A cell as plain text, for CSV and for reading back. */
export function cellText(cell: Cell, locale = 'en'): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return cell.percent
        ? `${new Intl.NumberFormat(locale, { minimumFractionDigits: cell.decimals ?? 0, maximumFractionDigits: cell.decimals ?? 0 }).format(cell.value)}%`
        : new Intl.NumberFormat(locale, { minimumFractionDigits: cell.decimals ?? 0, maximumFractionDigits: cell.decimals ?? 0, useGrouping: false }).format(cell.value);
    case 'quotes':
      return cell.quotes.map((q) => (q.citation ? `“${q.text}” ${q.citation}` : q.text)).join('\n');
  }
}
