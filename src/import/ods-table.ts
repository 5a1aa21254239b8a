import { tableOfRows, type CsvTable } from './csv-table';
import { damaged, fail } from './result';
import { walkXml } from './xml-walk';
import { readZipEntries } from './zip';

/** A repeated run of empty cells or rows (a sheet's unused rest) is not read past this. */
const MAX_REPEAT = 1000;

/**
 * The first sheet with data of an OpenDocument spreadsheet (.ods, LibreOffice Calc): each
 * cell as it shows, dates as ISO dates, numbers as written, a cell's lines kept.
 */
export function readOdsTable(bytes: Uint8Array): CsvTable {
  const content = readZipEntries(bytes, (n) => n === 'content.xml', 'OpenDocument spreadsheet')['content.xml'];
  if (!content) fail('corrupt', 'not an OpenDocument spreadsheet: content.xml is missing', { format: 'OpenDocument', reason: 'content.xml is missing' });
  const sheets: { name: string; rows: string[][] }[] = [];
  let rows: string[][] | null = null;
  let row: string[] | null = null;
  let cell: { parts: string[]; value?: string; repeat: number } | null = null;
  let rowRepeat = 1;
  let paragraph: string[] | null = null;
  try {
    walkXml(new TextDecoder().decode(content), {
      open(el) {
        const a = el.attributes;
        switch (el.name) {
          case 'table:table':
            rows = [];
            sheets.push({ name: a['table:name'] ?? '', rows });
            return;
          case 'table:table-row':
            row = [];
            rowRepeat = Math.min(MAX_REPEAT, Number(a['table:number-rows-repeated'] ?? 1) || 1);
            return;
          case 'table:table-cell':
          case 'table:covered-table-cell': {
            const type = a['office:value-type'];
            const value = type === 'date' ? a['office:date-value']?.slice(0, 10) : type === 'boolean' ? a['office:boolean-value'] : undefined;
            cell = { parts: [], value, repeat: Math.min(MAX_REPEAT, Number(a['table:number-columns-repeated'] ?? 1) || 1) };
            return;
          }
          case 'text:p':
          case 'text:h':
            paragraph = [];
            return;
          case 'text:s':
            paragraph?.push(' '.repeat(Number(a['text:c'] ?? 1) || 1));
            return;
          case 'text:tab':
            paragraph?.push('\t');
            return;
          case 'text:line-break':
            paragraph?.push('\n');
        }
      },
      close(name) {
        if ((name === 'text:p' || name === 'text:h') && paragraph && cell) {
          cell.parts.push(paragraph.join(''));
          paragraph = null;
        } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell && row) {
          const text = cell.value ?? cell.parts.join('\n');
          for (let k = 0; k < cell.repeat; k++) row.push(text);
          cell = null;
        } else if (name === 'table:table-row' && row && rows) {
          // Trailing empty cells (a row's unused columns) go; a repeated empty row is read once.
          while (row.length && row[row.length - 1] === '') row.pop();
          const times = row.length === 0 ? 1 : rowRepeat;
          for (let k = 0; k < times; k++) rows.push([...row]);
          row = null;
        }
      },
      text(t) {
        paragraph?.push(t);
      },
    });
  } catch (e) {
    damaged('OpenDocument', e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  const sheet = sheets.find((s) => s.rows.some((r) => r.some((c) => c.trim() !== '')));
  if (!sheet) fail('no-text', 'the spreadsheet has no rows');
  return tableOfRows(sheet!.rows, { delimiter: '', encoding: 'ods', sheet: sheet!.name });
}
