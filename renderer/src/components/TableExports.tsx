import type { Translator } from '@core/i18n';
import { tableToCsv } from '@core/export/csv';
import { saveRequest } from '@core/export/file-name';
import type { Table } from '@core/model/table';
import { bridge } from '../bridge';
import { useI18n } from '../i18n';
import { ExportLanguage, useExportLanguage } from './ExportLanguage';
import { useState } from 'react';

/** Whether Word exports print the table's name and the project above "Table 1" (off: ready for a paper). */
const HEADING_KEY = 'qda-studio.exportHeading';

/**
 * Word, Excel and CSV buttons for any Table, with the language the export is written in:
 * the table is made again in that language (headings, notes, Yes/No) when it is saved.
 */
export function TableExports({ name, subtitle, table, disabled }: { name: string; subtitle: string; table(t: Translator): Table; disabled?: boolean }) {
  const { t } = useI18n();
  const language = useExportLanguage();
  const [heading, setHeading] = useState(() => localStorage.getItem(HEADING_KEY) === 'yes');
  const exportWord = async () => {
    const { documentToDocx } = await import('@core/export/docx');
    const bytes = await documentToDocx({ title: name, subtitle, showTitle: heading, blocks: [{ kind: 'table', table: table(language.t), number: 1 }] }, language.t);
    await bridge.saveFile(saveRequest(name, 'docx', bytes));
  };
  const exportXlsx = async () => {
    // Loaded on demand: the Excel writer is large and only needed here.
    const { tableToXlsx } = await import('@core/export/xlsx');
    await bridge.saveFile(saveRequest(name, 'xlsx', await tableToXlsx(table(language.t), language.t)));
  };
  const exportCsv = async () => bridge.saveFile(saveRequest(name, 'csv', tableToCsv(table(language.t))));
  return (
    <>
      <ExportLanguage value={language} />
      <button onClick={() => void exportWord()} disabled={disabled}>
        {t('retrieval.exportWord')}
      </button>
      <label className="hint" title={t('export.headingHelp')}>
        <input
          type="checkbox"
          checked={heading}
          onChange={(e) => {
            setHeading(e.target.checked);
            localStorage.setItem(HEADING_KEY, e.target.checked ? 'yes' : 'no');
          }}
        />{' '}
        {t('export.heading')}
      </label>
      <button onClick={() => void exportXlsx()} disabled={disabled}>
        {t('analysis.exportExcel')}
      </button>
      <button onClick={() => void exportCsv()} disabled={disabled}>
        {t('retrieval.exportCsv')}
      </button>
    </>
  );
}
