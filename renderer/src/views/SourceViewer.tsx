import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { runsOf } from '@core/coding/layout';
import { coderLanes, initials, visibleSegments, type CoderView } from '@core/coding/coder-view';
import { CoderFilter } from '../components/CoderFilter';
import { useCoderView } from '../coding/useCoderView';
import { tidySelection } from '@core/coding/segments';
import { matchLabelLine, matchSpeakerLabel } from '@core/import/speakers';
import type { Code, Coder, Segment, SourceContent, SpeakerTurn } from '@core/model/types';
import { useCoding } from '../coding/CodingContext';
import { SourceSegmentsContext, useSourceSegments } from '../coding/useSourceSegments';
import { selectSourceRange, sourceOffsetsOfSelection } from '../coding/selection';
import { db } from '../db';
import { useI18n } from '../i18n';

interface Props {
  sourceId: string;
  codes: Code[];
  /** The right pane beside the text. */
  side: ReactNode;
  /** Scroll to this offset when the source opens (from a retrieved quote). */
  focusOffset?: number;
}

/** A source's text with paragraph numbers, speakers, coding highlights and margin stripes. */
export function SourceViewer({ sourceId, codes, side, focusOffset }: Props) {
  const { t } = useI18n();
  const source = useLiveQuery(() => db.sources.get(sourceId), [sourceId]);
  const content = useLiveQuery(() => db.sourceContents.get(sourceId), [sourceId]);
  const segments = useSourceSegments(sourceId);
  const coding = useCoding();
  const coders = useLiveQuery(() => (source ? db.coders.where('projectId').equals(source.projectId).toArray() : []), [source?.projectId]);
  const [storedView, setCoderView] = useCoderView(source?.projectId);
  // A coder chosen earlier and since gone (a merge undone) chooses nothing: every coder's coding shows.
  const coderView = useMemo(() => ({ ...storedView, coderIds: storedView.coderIds.filter((id) => coders?.some((c) => c.id === id)) }), [storedView, coders]);
  const shown = useMemo(() => visibleSegments(segments ?? [], coderView), [segments, coderView]);
  // Coders are named on the stripes once more than one coder's coding is on screen.
  const coderById = useMemo(() => {
    const showing = new Set(shown.map((x) => x.coderId));
    return showing.size > 1 || coderView.mineVsTheirs ? new Map((coders ?? []).map((c) => [c.id, c])) : null;
  }, [coders, shown, coderView.mineVsTheirs]);
  if (source === undefined || content === undefined) return <div className="loading">{t('common.loading')}</div>;
  if (!source || !content) return <div className="empty-state">{t('viewer.missing')}</div>;
  return (
    <SourceSegmentsContext.Provider value={segments ?? null}>
      <div className="viewer-layout">
        <section className="viewer" aria-label={t('viewer.label', { name: source.name })}>
          <header className="viewer-header">
            <h2>{source.name}</h2>
            <span className="hint">
              {t('viewer.summary', { paragraphs: content.paragraphs.length, words: source.words, turns: content.turns.filter((x) => x.speaker).length })}
            </span>
            {(coders?.length ?? 0) > 1 && (
              <div className="viewer-coders">
                <CoderFilter coders={coders ?? []} chosen={coderView.coderIds} onChange={(coderIds) => setCoderView({ ...coderView, coderIds })} />
                <label title={t('viewer.mineVsTheirsHint')}>
                  <input type="checkbox" checked={coderView.mineVsTheirs} onChange={(e) => setCoderView({ ...coderView, mineVsTheirs: e.target.checked })} />{' '}
                  {t('viewer.mineVsTheirs')}
                </label>
              </div>
            )}
          </header>
          <ParagraphList content={content} segments={shown} codes={codes} focusOffset={focusOffset} coderView={coderView} myCoderId={coding.coderId} coderById={coderById} />
        </section>
        {side}
      </div>
    </SourceSegmentsContext.Provider>
  );
}

const SPEAKER = '\u0000speaker';
const SELECTED = '\u0000selection';

function ParagraphList({
  content,
  segments,
  codes,
  focusOffset,
  coderView,
  myCoderId,
  coderById,
}: {
  content: SourceContent;
  segments: Segment[];
  codes: Code[];
  focusOffset?: number;
  coderView: CoderView;
  myCoderId: string;
  coderById: Map<string, Coder> | null;
}) {
  const { t } = useI18n();
  const coding = useCoding();
  const scroller = useRef<HTMLDivElement>(null);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const turnAt = useMemo(() => turnsByParagraph(content), [content]);
  const speakerColor = useMemo(() => new Map([...new Set(content.turns.map((x) => x.speaker))].map((n, i) => [n, i % 8])), [content]);
  const { lanes, theirsFrom } = useMemo(() => coderLanes(segments, coderView, myCoderId), [segments, coderView, myCoderId]);
  const buckets = useMemo(() => segmentsByParagraph(content, segments), [content, segments]);
  const laneCount = Math.max(1, ...[...lanes.values()].map((l) => l + 1));
  const selection = coding.selection?.sourceId === content.sourceId ? coding.selection : null;
  const virtualizer = useVirtualizer({
    count: content.paragraphs.length,
    getScrollElement: () => scroller.current,
    // About 90 characters a line at the reading width; measured sizes replace this.
    estimateSize: (i) => 14 + 24 * Math.max(1, Math.ceil((content.paragraphs[i].end - content.paragraphs[i].start) / 90)),
    overscan: 8,
  });

  useEffect(() => {
    if (focusOffset === undefined) return;
    const index = content.paragraphs.findIndex((p) => p.end >= focusOffset);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [focusOffset, content, virtualizer]);

  const select = (start: number, end: number) => {
    const tidy = tidySelection(content.text, start, end);
    coding.setSelection(tidy ? { sourceId: content.sourceId, ...tidy, text: content.text.slice(tidy.start, tidy.end) } : null);
    if (tidy && scroller.current) selectSourceRange(scroller.current, tidy.start, tidy.end);
  };
  const latestSelect = useRef(select);
  latestSelect.current = select;
  const selectSegment = coding.selectSegment;
  const actions = useMemo<RowActions>(() => ({ select: (a, b) => latestSelect.current(a, b), selectSegment: (id) => selectSegment(id) }), [selectSegment]);
  const readSelection = () => {
    if (!scroller.current) return;
    const range = sourceOffsetsOfSelection(scroller.current);
    if (!range) return;
    const tidy = tidySelection(content.text, range.start, range.end);
    coding.setSelection(tidy ? { sourceId: content.sourceId, ...tidy, text: content.text.slice(tidy.start, tidy.end) } : null);
  };

  return (
    <div
      ref={scroller}
      className="paragraphs"
      tabIndex={0}
      aria-label={t('viewer.text')}
      style={{ '--lanes': laneCount } as CSSProperties}
      data-theirs-from={theirsFrom ?? undefined}
      onMouseUp={readSelection}
      onKeyUp={(e) => e.shiftKey && readSelection()}
      onKeyDown={(e) => {
        // Heights are measured as paragraphs appear, so jump by paragraph, not by pixels.
        if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          virtualizer.scrollToIndex(e.key === 'Home' ? 0 : content.paragraphs.length - 1, { align: e.key === 'Home' ? 'start' : 'end' });
        }
      }}
      onDragOver={(e) => e.dataTransfer.types.includes('application/x-qda-code') && e.preventDefault()}
      onDrop={(e) => {
        // A code dragged from the codebook onto the text codes the selection.
        const codeId = e.dataTransfer.getData('application/x-qda-code');
        if (codeId) {
          e.preventDefault();
          void coding.codeSelection(codeId);
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const p = content.paragraphs[item.index];
          const here = buckets[item.index] ?? NONE;
          const sel = selection && selection.start < p.end && selection.end > p.start ? selection : null;
          return (
            <ParagraphRow
              key={item.key}
              index={item.index}
              top={item.start}
              measure={virtualizer.measureElement}
              content={content}
              turn={turnAt[item.index]}
              speakerColor={turnAt[item.index] ? speakerColor.get(turnAt[item.index]!.speaker) : undefined}
              here={here}
              lanes={here.map((x) => lanes.get(x.id) ?? 0)}
              selStart={sel?.start ?? -1}
              selEnd={sel?.end ?? -1}
              currentId={here.some((x) => x.id === coding.selectedSegmentId) ? coding.selectedSegmentId : null}
              codeById={codeById}
              coderById={coderById}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}

const NONE: Segment[] = [];

interface RowActions {
  select(start: number, end: number): void;
  selectSegment(id: string): void;
}

interface RowProps {
  index: number;
  top: number;
  measure(el: Element | null): void;
  content: SourceContent;
  turn: SpeakerTurn | undefined;
  speakerColor: number | undefined;
  here: Segment[];
  lanes: number[];
  selStart: number;
  selEnd: number;
  currentId: string | null;
  codeById: Map<string, Code>;
  /** Set when stripes name their coder (more than one coder's coding shown). */
  coderById: Map<string, Coder> | null;
  actions: RowActions;
}

/** One paragraph: its number, its text painted by codes, its margin stripes. Re-renders only when these change. */
const ParagraphRow = memo(function ParagraphRow({
  index,
  top,
  measure,
  content,
  turn,
  speakerColor,
  here,
  lanes,
  selStart,
  selEnd,
  currentId,
  codeById,
  coderById,
  actions,
}: RowProps) {
  const { t } = useI18n();
  const p = content.paragraphs[index];
  const text = content.text.slice(p.start, p.end);
  const opensTurn = !!turn && turn.start === p.start;
  // The label is shown as the speaker and left out when the paragraph or turn is selected.
  const label = opensTurn ? (matchSpeakerLabel(text) ?? (matchLabelLine(text) ? { end: text.length } : null)) : null;
  const laneOf = new Map(here.map((s, i) => [s.id, lanes[i]]));
  const marks: Segment[] = [...here];
  if (label) marks.push({ id: SPEAKER, start: p.start, end: p.start + label.end } as Segment);
  if (selStart >= 0) marks.push({ id: SELECTED, start: selStart, end: selEnd } as Segment);
  const runs = runsOf(p.start, p.end, marks);
  const starting = here.filter((s) => s.start >= p.start).sort((a, b) => (laneOf.get(a.id) ?? 0) - (laneOf.get(b.id) ?? 0));
  return (
    <div
      data-index={index}
      ref={measure}
      className={turn?.speaker ? `paragraph in-turn s-${speakerColor}` : 'paragraph'}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${top}px)` }}
    >
      <button
        className="para-number"
        aria-label={t('viewer.paragraphNumber', { n: index + 1 })}
        title={t('viewer.selectParagraph')}
        onClick={() => actions.select(p.start + (label?.end ?? 0), p.end)}
      >
        {index + 1}
      </button>
      <p className="para-text">
        {opensTurn && !label && turn.speaker && (
          <button className="speaker as-button" onClick={() => actions.select(turn.start, turn.end)} title={t('viewer.selectTurn')}>
            {turn.speaker}
          </button>
        )}
        {runs.map((run) => {
          const ids = run.segmentIds.filter((id) => id !== SPEAKER && id !== SELECTED);
          const isSpeaker = run.segmentIds.includes(SPEAKER);
          const isSelected = run.segmentIds.includes(SELECTED);
          const segs = ids.map((id) => here.find((s) => s.id === id)!).sort((a, b) => a.end - a.start - (b.end - b.start));
          const inner = segs[0] ? codeById.get(segs[0].codeId) : undefined;
          const names = segs
            .map((s) => codeById.get(s.codeId)?.name)
            .filter(Boolean)
            .join(', ');
          const classes = [
            isSpeaker && 'speaker',
            segs.length && 'coded',
            segs.length > 1 && 'overlap',
            isSelected && 'selected',
            segs.some((s) => s.id === currentId) && 'current',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <span
              key={run.start}
              data-s={run.start}
              className={classes || undefined}
              style={inner ? ({ '--code': inner.color } as CSSProperties) : undefined}
              title={names || undefined}
              onClick={isSpeaker && turn ? () => actions.select(turn.start + (label?.end ?? 0), turn.end) : undefined}
            >
              {content.text.slice(run.start, run.end)}
            </span>
          );
        })}
        {opensTurn && turn.startTime !== undefined && <span className="time">{formatTime(turn.startTime)}</span>}
      </p>
      <div className="stripes" aria-label={here.length ? t('viewer.codesHere', { codes: here.map((s) => codeById.get(s.codeId)?.name).join(', ') }) : undefined}>
        {here.map((s) => {
          const code = codeById.get(s.codeId);
          const coder = coderById?.get(s.coderId);
          return (
            <button
              key={s.id}
              className={s.id === currentId ? 'stripe current' : 'stripe'}
              style={{
                left: `${(laneOf.get(s.id) ?? 0) * 7}px`,
                background: code?.color,
                borderTopLeftRadius: s.start >= p.start ? 3 : 0,
                borderBottomLeftRadius: s.end <= p.end ? 3 : 0,
                top: s.start >= p.start ? 4 : 0,
                bottom: s.end <= p.end ? 4 : 0,
              }}
              aria-label={
                coder
                  ? t('viewer.segmentBy', { code: code?.name ?? '', coder: coder.name, text: preview(content.text.slice(s.start, s.end)) })
                  : t('viewer.segment', { code: code?.name ?? '', text: preview(content.text.slice(s.start, s.end)) })
              }
              title={coder ? `${code?.name ?? ''} — ${coder.name}` : undefined}
              tabIndex={s.start >= p.start ? 0 : -1}
              onClick={() => actions.selectSegment(s.id)}
            />
          );
        })}
        <ul className="stripe-labels">
          {starting.map((s) => {
            const code = codeById.get(s.codeId);
            const coder = coderById?.get(s.coderId);
            return (
              <li key={s.id}>
                <button
                  className={s.id === currentId ? 'current' : undefined}
                  style={{ '--code': code?.color } as CSSProperties}
                  onClick={() => actions.selectSegment(s.id)}
                  tabIndex={-1}
                >
                  {code?.name}
                  {coder && (
                    <span className="coder-initials" style={{ background: coder.color }} title={coder.name}>
                      {initials(coder.name)}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}, sameParagraph);

function sameParagraph(a: RowProps, b: RowProps): boolean {
  const sameList = <T,>(x: T[], y: T[]) => x === y || (x.length === y.length && x.every((v, i) => v === y[i]));
  return (
    a.index === b.index &&
    a.top === b.top &&
    a.content === b.content &&
    a.turn === b.turn &&
    a.speakerColor === b.speakerColor &&
    sameList(a.here, b.here) &&
    sameList(a.lanes, b.lanes) &&
    a.selStart === b.selStart &&
    a.selEnd === b.selEnd &&
    a.currentId === b.currentId &&
    a.codeById === b.codeById &&
    a.coderById === b.coderById &&
    a.actions === b.actions &&
    a.measure === b.measure
  );
}

/** For each paragraph, the segments touching it (a segment across paragraphs is in each). */
function segmentsByParagraph(content: SourceContent, segments: Segment[]): Segment[][] {
  const buckets: Segment[][] = new Array(content.paragraphs.length);
  const ps = content.paragraphs;
  const first = (offset: number) => {
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const s of segments) {
    for (let i = first(s.start); i < ps.length && ps[i].start < s.end; i++) {
      if (s.start < ps[i].end && s.end > ps[i].start) (buckets[i] ??= []).push(s);
    }
  }
  return buckets;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** For each paragraph, the speaker turn it belongs to (turns are ordered and do not overlap). */
function turnsByParagraph(content: SourceContent): (SpeakerTurn | undefined)[] {
  const out: (SpeakerTurn | undefined)[] = new Array(content.paragraphs.length);
  let k = 0;
  content.paragraphs.forEach((p, i) => {
    while (k < content.turns.length && content.turns[k].end < p.start) k++;
    const turn = content.turns[k];
    if (turn && turn.start <= p.start && p.end <= turn.end) out[i] = turn;
  });
  return out;
}

function formatTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h > 0 ? h + ':' : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
}
