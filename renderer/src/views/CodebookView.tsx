import { codebookTable } from '@core/coding/codebook-export';
import type { CodeCount } from '@core/coding/counts';
import type { Code, Project } from '@core/model/types';
import { bridge } from '../bridge';
import { TableGrid } from '../components/TableGrid';
import { useI18n } from '../i18n';

/** The codebook as researchers publish it: code, description, criteria, example, counts. */
export function CodebookView({ project, codes, counts }: { project: Project; codes: Code[]; counts: Map<string, CodeCount> }) {
  const { t } = useI18n();
  const table = codebookTable(codes, counts, t('codebook.tableTitle', { project: project.name }));
  const exportWord = async () => {
    const { documentToDocx } = await import('@core/export/docx');
    const bytes = await documentToDocx({ title: t('codebook.title'), subtitle: project.name, blocks: [{ kind: 'table', table, number: 1 }] });
    await bridge.saveFile({ suggestedName: `${t('codebook.title')} - ${project.name}.docx`.replace(/[\\/:*?"<>|]+/g, ' '), bytes, filterName: 'Word', extensions: ['docx'] });
  };
  return (
    <section className="codebook-view" aria-label={t('codebook.title')}>
      <div className="list-toolbar">
        <h2>{t('codebook.title')}</h2>
        <span className="hint">{t('codebook.hint')}</span>
        <button onClick={() => void exportWord()} disabled={codes.length === 0}>
          {t('codebook.exportWord')}
        </button>
      </div>
      {codes.length === 0 ? <p className="empty-state">{t('codes.empty')}</p> : <TableGrid table={table} />}
    </section>
  );
}
