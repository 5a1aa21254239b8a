import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { matchLabelLine, matchSpeakerLabel } from '../../../src/import/speakers';
import type { Case, Project, SourceContent, SpeakerTurn } from '../../../src/model/types';
import { db } from '../db';
import { useI18n } from '../i18n';
import { SourceDetails } from './SourceDetails';

interface Props {
  project: Project;
  sourceId: string;
  cases: Case[];
  onDeleted(): void;
}

/** A source's text with paragraph numbers and speakers; only the visible paragraphs are in the page. */
export function SourceViewer({ project, sourceId, cases, onDeleted }: Props) {
  const { t } = useI18n();
  const source = useLiveQuery(() => db.sources.get(sourceId), [sourceId]);
  const content = useLiveQuery(() => db.sourceContents.get(sourceId), [sourceId]);
  if (source === undefined || content === undefined) return <div className="loading">{t('common.loading')}</div>;
  if (!source || !content) return <div className="empty-state">{t('viewer.missing')}</div>;
  return (
    <div className="viewer-layout">
      <section className="viewer" aria-label={t('viewer.label', { name: source.name })}>
        <header className="viewer-header">
          <h2>{source.name}</h2>
          <span className="hint">
            {t('viewer.summary', { paragraphs: content.paragraphs.length, words: source.words, turns: content.turns.length })}
          </span>
        </header>
        <ParagraphList content={content} />
      </section>
      <SourceDetails project={project} source={source} content={content} cases={cases} onDeleted={onDeleted} />
    </div>
  );
}

function ParagraphList({ content }: { content: SourceContent }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const turnAt = useMemo(() => turnsByParagraph(content), [content]);
  const speakerColor = useMemo(() => {
    const names = [...new Set(content.turns.map((x) => x.speaker))];
    return new Map(names.map((n, i) => [n, i % 8]));
  }, [content]);
  const virtualizer = useVirtualizer({
    count: content.paragraphs.length,
    getScrollElement: () => scroller.current,
    // About 90 characters a line at the reading width; measured sizes replace this.
    estimateSize: (i) => 14 + 24 * Math.max(1, Math.ceil((content.paragraphs[i].end - content.paragraphs[i].start) / 90)),
    overscan: 8,
  });
  return (
    <div
      ref={scroller}
      className="paragraphs"
      tabIndex={0}
      aria-label={t('viewer.text')}
      onKeyDown={(e) => {
        // Heights are measured as paragraphs appear, so jump by paragraph, not by pixels.
        if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          virtualizer.scrollToIndex(e.key === 'Home' ? 0 : content.paragraphs.length - 1, { align: e.key === 'Home' ? 'start' : 'end' });
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const p = content.paragraphs[item.index];
          const text = content.text.slice(p.start, p.end);
          const turn = turnAt[item.index];
          const opensTurn = turn && turn.start === p.start;
          // The label is shown as the speaker: inline ("E: …") or a line of its own ("Speaker 1  0:03").
          const label = opensTurn ? (matchSpeakerLabel(text) ?? (matchLabelLine(text) ? { end: text.length } : null)) : null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={turn ? `paragraph in-turn s-${speakerColor.get(turn.speaker)}` : 'paragraph'}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              <span className="para-number" aria-label={t('viewer.paragraphNumber', { n: item.index + 1 })}>
                {item.index + 1}
              </span>
              <p className="para-text" lang={undefined}>
                {opensTurn && !label && <span className="speaker">{turn.speaker}</span>}
                {label ? (
                  <>
                    <span className="speaker" title={t('viewer.speaker')}>
                      {text.slice(0, label.end)}
                    </span>
                    {text.slice(label.end)}
                  </>
                ) : (
                  text
                )}
                {opensTurn && turn.startTime !== undefined && <span className="time">{formatTime(turn.startTime)}</span>}
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
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
