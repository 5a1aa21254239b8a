import { codebookTable } from '@core/coding/codebook-export';
import type { CodeCount } from '@core/coding/counts';
import type { Code, Project } from '@core/model/types';
import { bridge } from '../bridge';
import { TableGrid } from '../components/TableGrid';
import { ExportLanguage, useExportLanguage } from '../components/ExportLanguage';
import { saveRequest } from '@core/export/file-name';
import { useI18n } from '../i18n';
import { CommandButton } from '../commands/CommandButton';

/** The codebook as researchers publish it: code, description, criteria, example, counts. */
export function CodebookView({ project, codes, counts }: { project: Project; codes: Code[]; counts: Map<string, CodeCount> }) {
  const { t } = useI18n();
  const language = useExportLanguage();
  const table = codebookTable(codes, counts, t, t('codebook.tableTitle', { project: project.name }));
  const exportWord = async () => {
    const { documentToDocx } = await import('@core/export/docx');
    const out = language.t;
    const published = codebookTable(codes, counts, out, out('codebook.tableTitle', { project: project.name }));
    const bytes = await documentToDocx({ title: out('codebook.title'), subtitle: project.name, blocks: [{ kind: 'table', table: published, number: 1 }] }, out);
    await bridge.saveFile(saveRequest(`${out('codebook.title')} - ${project.name}`, 'docx', bytes));
  };
  return (
    <section className="codebook-view" aria-label={t('codebook.title')}>
      <div className="list-toolbar">
        <h2>{t('codebook.title')}</h2>
        <span className="hint">{t('codebook.hint')}</span>
        <ExportLanguage value={language} />
        <button onClick={() => void exportWord()} disabled={codes.length === 0}>
          {t('codebook.exportWord')}
        </button>
        <CommandButton id="codebook.save-file">{t('codebook.saveQdc')}</CommandButton>
        <CommandButton id="codebook.import-file">{t('codebook.importQdc')}</CommandButton>
      </div>
      {codes.length === 0 ? <p className="empty-state">{t('codes.empty')}</p> : <TableGrid table={table} />}
    </section>
  );
}
