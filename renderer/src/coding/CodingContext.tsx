import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { historyText, redo, undo } from '@core/db/changes';
import { codeText, codeTextWithNewCode, moveSegmentEdge, uncode } from '@core/db/coding';
import { errorText } from '@core/model/errors';
import { translate } from '@core/i18n';
import { isStorageFull } from '@core/util/storage';
import { storageFigures } from '../storage';
import { db } from '../db';
import { useI18n } from '../i18n';

/** A stretch of text the researcher selected in a source. */
export interface TextSelection {
  sourceId: string;
  start: number;
  end: number;
  text: string;
}

interface Coding {
  projectId: string;
  coderId: string;
  selection: TextSelection | null;
  setSelection(s: TextSelection | null): void;
  selectedSegmentId: string | null;
  selectSegment(id: string | null): void;
  lastCodeId: string | null;
  /** A short message after an action ("Coded with Trust", "Undone: …"). */
  status: string | null;
  setStatus(message: string | null): void;
  codeSelection(codeId: string): Promise<void>;
  codeSelectionWithNewCode(name: string, parentId?: string | null): Promise<void>;
  uncodeSegment(id: string): Promise<void>;
  /** Moves a boundary of the selected segment by a word. */
  moveSegmentBoundary(edge: 'start' | 'end', direction: -1 | 1): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  run(work: () => Promise<unknown>): Promise<void>;
}

const CodingContext = createContext<Coding | null>(null);

export function CodingProvider({ projectId, coderId, children }: { projectId: string; coderId: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  const [selection, setSelectionState] = useState<TextSelection | null>(null);
  const [selectedSegmentId, setSelectedSegmentId] = useState<string | null>(null);
  const [lastCodeId, setLastCodeId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (e) {
        if (!isStorageFull(e)) return setStatus(errorText(locale, e));
        const figures = await storageFigures();
        setStatus(translate(locale, 'storage.full', { used: figures?.used ?? '?', free: figures?.free ?? '?' }));
      }
    },
    [locale],
  );

  const setSelection = useCallback((s: TextSelection | null) => {
    setSelectionState(s);
    if (s) setSelectedSegmentId(null);
  }, []);

  const value = useMemo<Coding>(
    () => ({
      projectId,
      coderId,
      selection,
      setSelection,
      selectedSegmentId,
      selectSegment: setSelectedSegmentId,
      lastCodeId,
      status,
      setStatus,
      run,
      codeSelection: (codeId) =>
        run(async () => {
          if (!selection) return setStatus(t('coding.nothingSelected'));
          const segment = await codeText(db, { projectId, sourceId: selection.sourceId, codeId, start: selection.start, end: selection.end, coderId });
          setLastCodeId(codeId);
          setSelectedSegmentId(segment?.id ?? null);
        }),
      codeSelectionWithNewCode: (name, parentId = null) =>
        run(async () => {
          if (!selection) return setStatus(t('coding.nothingSelected'));
          const { code, segment } = await codeTextWithNewCode(db, { projectId, sourceId: selection.sourceId, start: selection.start, end: selection.end, coderId }, name, parentId);
          setLastCodeId(code.id);
          setSelectedSegmentId(segment.id);
        }),
      moveSegmentBoundary: (edge, direction) =>
        run(async () => {
          if (selectedSegmentId) await moveSegmentEdge(db, selectedSegmentId, edge, direction);
        }),
      uncodeSegment: (id) =>
        run(async () => {
          await uncode(db, projectId, [id]);
          setSelectedSegmentId(null);
        }),
      undo: () =>
        run(async () => {
          const label = await undo(db, projectId);
          setStatus(label ? t('coding.undone', { label: historyText(label, locale) }) : t('coding.nothingToUndo'));
        }),
      redo: () =>
        run(async () => {
          const label = await redo(db, projectId);
          setStatus(label ? t('coding.redone', { label: historyText(label, locale) }) : t('coding.nothingToRedo'));
        }),
    }),
    [projectId, coderId, selection, setSelection, selectedSegmentId, lastCodeId, status, run, t, locale],
  );
  return <CodingContext.Provider value={value}>{children}</CodingContext.Provider>;
}

export function useCoding(): Coding {
  const ctx = useContext(CodingContext);
  if (!ctx) throw new Error('useCoding outside CodingProvider');
  return ctx;
}
