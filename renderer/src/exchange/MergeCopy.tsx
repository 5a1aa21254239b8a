import { useRef, useState, type ReactNode } from 'react';
import { mergeProjectCopy } from '@core/db/merge';
import { loadProjectData } from '@core/db/snapshot';
import { proposeMerge, type MergeProposal, type MergeReport } from '@core/exchange/merge';
import { describeMerge, mergedNothing } from '@core/exchange/merge-report';
import { errorText } from '@core/model/errors';
import type { ProjectData } from '@core/model/types';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { useI18n } from '../i18n';
import { importErrorText } from '../labels';
import { readProjectFile } from './exchange-jobs';
import { ExchangeFileInput, pickExchangeFile, RefusalDialog, type ExchangeFile } from './ExchangeReport';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; file: string; merging: boolean; done: number; total: number }
  | { kind: 'refused'; file: string; reason: string }
  | { kind: 'confirm'; file: string; theirs: ProjectData; proposal: MergeProposal; sources: Set<string>; codes: Set<string> }
  | { kind: 'merged'; file: string; report: MergeReport };

/**
 * "Merge a colleague's copy": their .qdpx is read (off the main thread), matches by name are
 * confirmed, the merge is one undo step, and a report says what was added, matched and in
 * conflict.
 */
export function useMergeCopy(projectId: string): { pick(): void; view: ReactNode } {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const close = () => setState({ kind: 'idle' });
  const merge = async (file: string, theirs: ProjectData, sources: Set<string>, codes: Set<string>) => {
    setState({ kind: 'busy', file, merging: true, done: 0, total: 0 });
    try {
      const report = await mergeProjectCopy(db, projectId, theirs, { sources, codes }, { fileName: file, t });
      setState({ kind: 'merged', file, report });
    } catch (e) {
      setState({ kind: 'refused', file, reason: errorText(locale, e) });
    }
  };
  const read = async (file: ExchangeFile) => {
    setState({ kind: 'busy', file: file.name, merging: false, done: 0, total: 0 });
    try {
      const result = await readProjectFile(file.name, await file.read(), (done, total) => setState({ kind: 'busy', file: file.name, merging: false, done, total }));
      if (!result.ok) return setState({ kind: 'refused', file: file.name, reason: importErrorText(t, result.error) });
      const proposal = proposeMerge(await loadProjectData(db, projectId), result.data);
      if (!proposal.sources.length && !proposal.codes.length && !proposal.unrelated) return merge(file.name, result.data, new Set(), new Set());
      // A name match is offered ticked: most often it is the same source or code.
      setState({
        kind: 'confirm',
        file: file.name,
        theirs: result.data,
        proposal,
        sources: new Set(proposal.sources.map((m) => m.theirs.id)),
        codes: new Set(proposal.codes.map((m) => m.theirs.id)),
      });
    } catch (e) {
      setState({ kind: 'refused', file: file.name, reason: errorText(locale, e) });
    }
  };
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (!next.delete(id)) next.add(id);
    return next;
  };
  const view = (
    <>
      <ExchangeFileInput inputRef={input} accept=".qdpx" label={t('command.mergeCopy')} onFile={(file) => void read(file)} />
      {state.kind === 'busy' && (
        <div className="toast" role="status">
          <progress
            aria-label={t(state.merging ? 'merge.merging' : 'merge.reading', { name: state.file })}
            value={state.total ? state.done : undefined}
            max={state.total || undefined}
          />{' '}
          {t(state.merging ? 'merge.merging' : 'merge.reading', { name: state.file })}
        </div>
      )}
      {state.kind === 'refused' && <RefusalDialog title={t('merge.title')} file={state.file} reason={state.reason} onClose={close} />}
      {state.kind === 'confirm' && (
        <Dialog
          title={state.proposal.unrelated ? t('merge.title') : t('merge.confirmTitle', { file: state.file })}
          wide
          onCancel={close}
          actions={
            <>
              <button onClick={close}>{t('common.cancel')}</button>
              <button className="primary" onClick={() => void merge(state.file, state.theirs, state.sources, state.codes)}>
                {t('merge.go')}
              </button>
            </>
          }
        >
          {state.proposal.unrelated && (
            <p className="notice" role="alert">
              {t('merge.unrelated', { file: state.file })}
            </p>
          )}
          {(state.proposal.sources.length > 0 || state.proposal.codes.length > 0) && <p>{t('merge.confirmExplain')}</p>}
          {(
            [
              ['sources', state.proposal.sources, 'merge.sourcesByName'],
              ['codes', state.proposal.codes, 'merge.codesByName'],
            ] as const
          ).map(
            ([kind, matches, label]) =>
              matches.length > 0 && (
                <fieldset key={kind}>
                  <legend>{t(label)}</legend>
                  {matches.map((m) => (
                    <label key={m.theirs.id} className="merge-match">
                      <input type="checkbox" checked={state[kind].has(m.theirs.id)} onChange={() => setState({ ...state, [kind]: toggle(state[kind], m.theirs.id) })} />{' '}
                      {m.ours.name}
                    </label>
                  ))}
                </fieldset>
              ),
          )}
        </Dialog>
      )}
      {state.kind === 'merged' && (
        <Dialog
          title={t('merge.reportTitle', { file: state.file })}
          wide
          onCancel={close}
          actions={
            <button className="primary" onClick={close}>
              {t('common.close')}
            </button>
          }
        >
          {mergedNothing(state.report) ? (
            <p>{t('merge.report.nothing')}</p>
          ) : (
            <ul className="merge-report">
              {describeMerge(state.report, t).map((part) => (
                <li key={part.text}>
                  {part.text}
                  {part.items.length > 0 && (
                    <ul>
                      {part.items.slice(0, 50).map((item, i) => (
                        <li key={i}>{item}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Dialog>
      )}
    </>
  );
  const pick = () => pickExchangeFile('project', input, (file) => void read(file));
  return { pick, view };
}
