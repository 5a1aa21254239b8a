import { isCompoundFile, readCompoundFile } from './compound-file';
import { readCsvTable, tableOfRows, type CsvTable } from './csv-table';
import { readOdsTable } from './ods-table';
import { PASSWORD_PROTECTED, damaged, fail } from './result';
import { checkUnpackedSize, isZip } from './zip';

/**
 * A sheet of cases or respondents, as researchers keep them: CSV or tab-separated text, an
 * Excel workbook (.xlsx) or a LibreOffice Calc one (.ods), the first sheet with data — as
 * NVivo and MAXQDA export classification sheets and survey tools export responses.
 */
export async function readSheetTable(bytes: Uint8Array): Promise<CsvTable> {
  if (isCompoundFile(bytes)) {
    // Excel keeps a workbook saved with a password, and its 97–2003 .xls files, in an OLE container.
    if (readCompoundFile(bytes, 'Excel').stream('EncryptedPackage')) fail('encrypted', PASSWORD_PROTECTED);
    fail('legacy-excel', 'old Excel 97–2003 format (.xls): open it in Excel and save it as .xlsx or .csv');
  }
  if (!isZip(bytes)) return readCsvTable(bytes);
  // An OpenDocument package says what it is in its first entry, "mimetype", stored as is.
  if (new TextDecoder('latin1').decode(bytes.subarray(30, 120)).includes('application/vnd.oasis.opendocument.spreadsheet')) return readOdsTable(bytes);
  return readWorkbookTable(bytes);
}

async function readWorkbookTable(bytes: Uint8Array): Promise<CsvTable> {
  checkUnpackedSize(bytes, 'Excel');
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (e) {
    damaged('Excel', e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  const sheet = book.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) fail('no-text', 'the spreadsheet has no rows');
  const rows: string[][] = [];
  sheet!.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    rows[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return tableOfRows(
    Array.from(rows, (r) => r ?? []),
    { delimiter: '', encoding: 'xlsx', sheet: sheet!.name },
  );
}

/** What a cell shows, as text: dates as ISO dates, formulas by their result, rich text as its words. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return value
      .toISOString()
      .slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10)
      .replace('T', ' ');
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; hyperlink?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if (v.text !== undefined) return cellText(v.text);
  if (v.error) return '';
  return '';
}
