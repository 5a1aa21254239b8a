import { useLiveQuery } from 'dexie-react-hooks';
import { codePath } from '@core/coding/codes';
import type { Code } from '@core/model/types';
import { db } from '../db';
import { TypedText } from '../editing/TypedText';
import { useI18n } from '../i18n';
import { useCoding } from './CodingContext';
import { useOpenSourceSegments } from './useSourceSegments';

/** The right pane while coding: the selection and its codes, or the chosen segment. */
export function CodingPanel({ codes, onOpenPalette }: { codes: Code[]; onOpenPalette(): void }) {
  const { t } = useI18n();
  const coding = useCoding();
  const segment = useLiveQuery(async () => (coding.selectedSegmentId ? ((await db.segments.get(coding.selectedSegmentId)) ?? null) : null), [coding.selectedSegmentId]);
  const content = useLiveQuery(async () => (segment ? ((await db.sourceContents.get(segment.sourceId)) ?? null) : null), [segment?.sourceId]);
  const coder = useLiveQuery(async () => (segment ? ((await db.coders.get(segment.coderId)) ?? null) : null), [segment?.coderId]);
  const sel = coding.selection;
  const sourceSegments = useOpenSourceSegments();
  const atSelection = sel && sourceSegments ? sourceSegments.filter((s) => s.sourceId === sel.sourceId && s.start < sel.end && s.end > sel.start) : [];
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const last = coding.lastCodeId ? codeById.get(coding.lastCodeId) : undefined;

  return (
    <aside className="details coding-panel" aria-label={t('coding.panel')}>
      {sel && (
        <section>
          <h3>{t('coding.selection')}</h3>
          <blockquote className="quote">{sel.text.length > 400 ? sel.text.slice(0, 397) + '…' : sel.text}</blockquote>
          <div className="button-column">
            <button className="primary" onClick={onOpenPalette}>
              {t('coding.codeWith')} <kbd>Ctrl K</kbd>
            </button>
            {last && (
              <button onClick={() => void coding.codeSelection(last.id)}>
                {t('coding.codeWithLast', { name: last.name })} <kbd>L</kbd>
              </button>
            )}
            <button onClick={() => void coding.codeSelectionWithNewCode(sel.text.slice(0, 60))}>
              {t('coding.inVivo')} <kbd>V</kbd>
            </button>
          </div>
          {atSelection && atSelection.length > 0 && (
            <>
              <h4>{t('coding.codesHere')}</h4>
              <ul className="code-chips">
                {atSelection.map((s) => (
                  <li key={s.id}>
                    <button style={{ borderColor: codeById.get(s.codeId)?.color }} onClick={() => coding.selectSegment(s.id)}>
                      {codeById.get(s.codeId)?.name}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {segment && content && (
        <section aria-label={t('coding.segment')}>
          <h3>
            <span className="dot" style={{ background: codeById.get(segment.codeId)?.color }} /> {codePath(codes, segment.codeId)}
          </h3>
          <blockquote className="quote">{content.text.slice(segment.start, segment.end)}</blockquote>
          <p className="hint">
            {t('coding.segmentFacts', { coder: coder?.name ?? '—', date: new Date(segment.createdAt).toLocaleDateString(), chars: segment.end - segment.start })}
          </p>
          <div className="boundaries" role="group" aria-label={t('coding.boundaries')}>
            <span>{t('coding.start')}</span>
            <button onClick={() => void coding.moveSegmentBoundary('start', -1)} aria-label={t('coding.extendStart')}>
              ◂
            </button>
            <button onClick={() => void coding.moveSegmentBoundary('start', 1)} aria-label={t('coding.shrinkStart')}>
              ▸
            </button>
            <span>{t('coding.end')}</span>
            <button onClick={() => void coding.moveSegmentBoundary('end', -1)} aria-label={t('coding.shrinkEnd')}>
              ◂
            </button>
            <button onClick={() => void coding.moveSegmentBoundary('end', 1)} aria-label={t('coding.extendEnd')}>
              ▸
            </button>
          </div>
          <label className="memo-field">
            {t('coding.segmentMemo')}
            <TypedText key={segment.id} id="segment-memo" field={{ kind: 'segmentMemo', segmentId: segment.id }} projectId={segment.projectId} rows={4} />
          </label>
          <button className="danger" onClick={() => void coding.uncodeSegment(segment.id)}>
            {t('coding.uncode')} <kbd>U</kbd>
          </button>
        </section>
      )}
      {!sel && !segment && <p className="hint">{t('coding.howTo')}</p>}
    </aside>
  );
}
