import { useRef, useState, type ReactNode } from 'react';
import { mergeCodebook } from '@core/db/codebook-import';
import { openCodebookFile } from '@core/exchange';
import { planCodebookMerge, type CodebookPlan, type MergeChoice } from '@core/exchange/codebook-merge';
import type { MessageKey } from '@core/i18n';
import { errorText } from '@core/model/errors';
import type { Code } from '@core/model/types';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { useI18n } from '../i18n';
import { importErrorText } from '../labels';
import { ExchangeFileInput, ExchangeNotes, pickExchangeFile, RefusalDialog, type ExchangeFile } from './ExchangeReport';
import type { ExchangeNote } from '@core/exchange';

type State =
  | { kind: 'idle' }
  | { kind: 'refused'; file: string; reason: string }
  | { kind: 'plan'; file: string; codes: Code[]; plan: CodebookPlan; notes: ExchangeNote[]; choice: MergeChoice };

/** Import a codebook (.qdc): what it adds and where it differs are shown, then one step adds it. */
export function useCodebookImporter(projectId: string, onDone: (message: string) => void): { pick(): void; view: ReactNode } {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const close = () => setState({ kind: 'idle' });
  const read = async (file: ExchangeFile) => {
    const result = openCodebookFile(file.name, await file.read());
    if (!result.ok) return setState({ kind: 'refused', file: file.name, reason: importErrorText(t, result.error) });
    const existing = await db.codes.where('projectId').equals(projectId).toArray();
    setState({ kind: 'plan', file: file.name, codes: result.codes, plan: planCodebookMerge(existing, result.codes), notes: result.report, choice: 'keep-mine' });
  };
  const apply = async (s: Extract<State, { kind: 'plan' }>) => {
    try {
      const count = await mergeCodebook(db, projectId, s.codes, s.choice, s.file);
      close();
      onDone(t('codebookMerge.done', { count, file: s.file }));
    } catch (e) {
      setState({ kind: 'refused', file: s.file, reason: errorText(locale, e) });
    }
  };
  const differing = state.kind === 'plan' ? state.plan.same.filter((x) => x.differences.length > 0) : [];
  const view = (
    <>
      <ExchangeFileInput inputRef={input} accept=".qdc" label={t('command.importCodebookFile')} onFile={(file) => void read(file)} />
      {state.kind === 'refused' && <RefusalDialog title={t('command.importCodebookFile')} file={state.file} reason={state.reason} onClose={close} />}
      {state.kind === 'plan' && (
        <Dialog
          title={t('codebookMerge.title', { file: state.file })}
          wide
          onCancel={close}
          actions={
            <>
              <button onClick={close}>{t('common.cancel')}</button>
              <button className="primary" onClick={() => void apply(state)} disabled={state.plan.adds.length === 0 && (differing.length === 0 || state.choice === 'keep-mine')}>
                {t('codebookMerge.apply')}
              </button>
            </>
          }
        >
          {state.plan.adds.length === 0 && differing.length === 0 && <p>{t('codebookMerge.nothing')}</p>}
          {state.plan.adds.length > 0 && (
            <>
              <p>{t('codebookMerge.adds', { count: state.plan.adds.length })}</p>
              <ul className="exchange-report">
                {state.plan.adds.map((c) => (
                  <li key={c.id}>{c.name}</li>
                ))}
              </ul>
            </>
          )}
          {state.plan.same.length > 0 && (state.plan.adds.length > 0 || differing.length > 0) && <p>{t('codebookMerge.same', { count: state.plan.same.length })}</p>}
          {differing.length > 0 && (
            <>
              <p>{t('codebookMerge.differ')}</p>
              <ul className="exchange-report">
                {differing.map((x) => (
                  <li key={x.existing.id}>
                    {t('codebookMerge.difference', {
                      mine: x.existing.name,
                      theirs: x.incoming.name,
                      what: x.differences.map((d) => t(`codebookMerge.what.${d}` as MessageKey)).join(', '),
                    })}
                  </li>
                ))}
              </ul>
              {(['keep-mine', 'take-theirs'] as const).map((choice) => (
                <label key={choice} className="choice">
                  <input type="radio" name="codebook-choice" checked={state.choice === choice} onChange={() => setState({ ...state, choice })} />
                  {t(choice === 'keep-mine' ? 'codebookMerge.keepMine' : 'codebookMerge.takeTheirs')}
                </label>
              ))}
            </>
          )}
          {state.plan.namesTaken.length > 0 && (
            <ul className="exchange-report">
              {state.plan.namesTaken.map((x) => (
                <li key={x.existing.id}>{t('codebookMerge.nameTaken', { mine: x.existing.name, theirs: x.name })}</li>
              ))}
            </ul>
          )}
          <ExchangeNotes notes={state.notes} />
        </Dialog>
      )}
    </>
  );
  const pick = () => pickExchangeFile('codebook', input, (file) => void read(file));
  return { pick, view };
}
