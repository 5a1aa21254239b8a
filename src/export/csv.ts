import Papa from 'papaparse';
import { cellText, type Table } from '../model/table';

/**
 * A Table as CSV: UTF-8 with a byte-order mark so Excel opens accents right. CSV has one
 * header row, so a column under a group ("Sí" over n and %) carries its group in its own
 * header: "Sí: n (of 2)", "Sí: %".
 */
export function tableToCsv(table: Table): Uint8Array {
  const rows = [table.columns.map((c) => (c.group ? `${c.group}: ${c.label}` : c.label)), ...table.rows.map((r) => r.cells.map((c) => cellText(c)))].map((row) =>
    row.map(neutraliseFormula),
  );
  const csv = Papa.unparse(rows, { newline: '\r\n', quotes: false });
  const body = new TextEncoder().encode(csv + '\r\n');
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?%?$/;

/**
 * A survey answer or quote that starts like a formula (= + - @, a tab or a carriage return)
 * would run as one when the CSV is opened in a spreadsheet: it is written with a leading
 * apostrophe, which spreadsheets show as text. Papaparse's own escapeFormulae misses cells
 * that hold line breaks (its pattern stops at the first one). Plain numbers ("-3", "+12%")
 * stay numbers.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
