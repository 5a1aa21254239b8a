import { useRef, useState, type ReactNode } from 'react';
import { addProjectFromData } from '@core/db/project-file';
import type { ExchangeNote } from '@core/exchange';
import { readProjectFile } from './exchange-jobs';
import { errorText } from '@core/model/errors';
import { Dialog } from '../components/Dialog';
import { ExchangeFileInput, ExchangeNotes, pickExchangeFile, RefusalDialog, type ExchangeFile } from './ExchangeReport';
import { db } from '../db';
import { useI18n } from '../i18n';
import { importErrorText } from '../labels';

export type ProjectFile = ExchangeFile;

/** Whether a file is a project to open rather than a source to import. */
export const isProjectFile = (name: string) => /\.(qdpx|qde)$/i.test(name);

type State =
  | { kind: 'idle' }
  | { kind: 'opening'; file: string; done: number; total: number }
  | { kind: 'refused'; file: string; reason: string }
  | { kind: 'opened'; file: string; projectId: string; counts: Record<'sources' | 'codes' | 'segments' | 'cases' | 'memos', number>; notes: ExchangeNote[] };

/**
 * Opens a .qdpx (or .qde) as a new project: a file input, or bytes dropped on the window.
 * What the file left out is shown before the project opens; a refusal names the file and why.
 */
export function useProjectFileOpener(onOpened: (projectId: string) => void): { pick(): void; openFile(file: ProjectFile): void; view: ReactNode } {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const openFile = (file: ProjectFile) => {
    setState({ kind: 'opening', file: file.name, done: 0, total: 0 });
    void (async () => {
      try {
        const result = await readProjectFile(file.name, await file.read(), (done, total) => setState({ kind: 'opening', file: file.name, done, total }));
        if (!result.ok) return setState({ kind: 'refused', file: file.name, reason: importErrorText(t, result.error) });
        const projectId = await addProjectFromData(db, result.data);
        const d = result.data;
        if (result.report.length === 0) {
          setState({ kind: 'idle' });
          return onOpened(projectId);
        }
        setState({
          kind: 'opened',
          file: file.name,
          projectId,
          counts: { sources: d.sources.length, codes: d.codes.length, segments: d.segments.length, cases: d.cases.length, memos: d.memos.length },
          notes: result.report,
        });
      } catch (e) {
        setState({ kind: 'refused', file: file.name, reason: errorText(locale, e) });
      }
    })();
  };
  const close = () => setState({ kind: 'idle' });
  const view = (
    <>
      <ExchangeFileInput inputRef={input} accept=".qdpx,.qde" label={t('command.openProjectFile')} onFile={openFile} />
      {state.kind === 'opening' && (
        <div className="toast" role="status">
          <progress aria-label={t('exchange.opening', { name: state.file })} value={state.total ? state.done : undefined} max={state.total || undefined} />{' '}
          {t('exchange.opening', { name: state.file })}
        </div>
      )}
      {state.kind === 'refused' && <RefusalDialog title={t('command.openProjectFile')} file={state.file} reason={state.reason} onClose={close} />}
      {state.kind === 'opened' && (
        <Dialog
          title={t('exchange.reportTitle', { file: state.file })}
          wide
          onCancel={() => {
            close();
            onOpened(state.projectId);
          }}
          actions={
            <button
              className="primary"
              onClick={() => {
                close();
                onOpened(state.projectId);
              }}
            >
              {t('exchange.openProject')}
            </button>
          }
        >
          <p>
            {t('exchange.reportSummary', {
              list: (['sources', 'codes', 'segments', 'cases', 'memos'] as const).map((k) => t(`count.${k}`, { count: state.counts[k] })).join(', '),
            })}
          </p>
          <p>{t('exchange.reportNotes')}</p>
          <ExchangeNotes notes={state.notes} />
        </Dialog>
      )}
    </>
  );
  const pick = () => pickExchangeFile('project', input, openFile);
  return { pick, openFile, view };
}
