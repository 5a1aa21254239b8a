import Papa from 'papaparse';
import { decodeText } from './encoding';
import { fail } from './result';
import { foldSurveyHeaderRows, type SurveyTool } from './survey-headers';

/** A spreadsheet read from CSV: header names and rows of strings. */
export interface CsvTable {
  columns: string[];
  rows: string[][];
  delimiter: string;
  encoding: string;
  /** The worksheet read, for a workbook (.xlsx). */
  sheet?: string;
  /** The survey tool whose extra header rows were folded into the column names. */
  writtenBy?: SurveyTool;
}

/** Reads a CSV file (survey or classification sheet), detecting its encoding and delimiter. */
export function readCsvTable(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  // Excel in many locales writes its delimiter on a first line of its own: "sep=;".
  const declared = /^\uFEFF?sep=(.)[ \t]*\r?\n/i.exec(text);
  const parsed = Papa.parse<string[]>((declared ? text.slice(declared[0].length) : text).replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    ...(declared ? { delimiter: declared[1] } : { delimitersToGuess: [',', ';', '\t', '|'] }),
  });
  return tableOfRows(parsed.data, { delimiter: parsed.meta.delimiter, encoding });
}

/**
 * A table from a sheet's rows (from CSV or from a workbook): the header row, with the extra
 * header rows survey tools write folded into it, names made unique, empty rows dropped.
 */
export function tableOfRows(cells: string[][], how: Pick<CsvTable, 'delimiter' | 'encoding' | 'sheet'>): CsvTable {
  const data = cells.filter((r) => r.some((c) => c.trim() !== ''));
  if (data.length === 0) fail('no-text', 'the spreadsheet has no rows');
  const { header, body, tool } = foldSurveyHeaderRows(data);
  const columns = uniqueNames(header.map((h, i) => h.trim().normalize('NFC') || `Column ${i + 1}`));
  const rows = body.map((r) => columns.map((_, i) => (r[i] ?? '').normalize('NFC').replace(/\r\n?/g, '\n')));
  return { columns, rows, ...how, ...(tool ? { writtenBy: tool } : {}) };
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
}
