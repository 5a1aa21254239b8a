import Papa from 'papaparse';
import { cellText, type Table } from '../model/table';

/** A Table as CSV: UTF-8 with a byte-order mark so Excel opens accents right. */
export function tableToCsv(table: Table): Uint8Array {
  const rows = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells.map((c) => cellText(c)))];
  const csv = Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: true });
  const body = new TextEncoder().encode(csv + '\r\n');
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
