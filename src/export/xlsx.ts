import ExcelJS from 'exceljs';
import { cellText, type Table } from '../model/table';
import { inEnglish, type Translator } from '../i18n';

/**
 * A Table as an Excel workbook: title row, grouped headers, the header row frozen, numbers
 * as numbers (percentages formatted as such), quotes with their citations, note below.
 */
export async function tableToXlsx(table: Table, t: Translator = inEnglish): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'QDA Studio';
  const sheet = book.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || t('table.table'));
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  let headerRows = 1;
  if (table.columns.some((c) => c.group)) {
    const groupRow = sheet.addRow(table.columns.map((c) => c.group ?? ''));
    groupRow.font = { bold: true };
    headerRows++;
    let start = 0;
    table.columns.forEach((c, i) => {
      const next = table.columns[i + 1];
      if (!next || next.group !== c.group) {
        if (c.group && i > start) sheet.mergeCells(groupRow.number, start + 1, groupRow.number, i + 1);
        start = i + 1;
      }
    });
  }
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
  for (const row of table.rows) {
    const r = sheet.addRow(
      row.cells.map((cell) => {
        if (cell.kind === 'number') return cell.percent ? cell.value / 100 : cell.value;
        return cellText(cell);
      }),
    );
    row.cells.forEach((cell, i) => {
      const target = r.getCell(i + 1);
      if (cell.kind === 'number')
        target.numFmt = cell.percent ? `0${cell.decimals ? '.' + '0'.repeat(cell.decimals) : ''}%` : cell.decimals ? `0.${'0'.repeat(cell.decimals)}` : '0';
      if (cell.kind === 'quotes' || (cell.kind === 'text' && cell.text.length > 60)) target.alignment = { wrapText: true, vertical: 'top' };
      if (i === 0 && row.depth) target.alignment = { indent: row.depth };
    });
  }
  if (table.note) sheet.addRow([]).getCell(1);
  if (table.note) sheet.addRow([`${t('table.note')} ${table.note}`]).font = { italic: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 + headerRows }];
  table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.numeric ? 12 : Math.min(60, Math.max(14, c.label.length + 4))));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
