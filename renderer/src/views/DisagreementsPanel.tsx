import { disagreementsOf, POOLED_ROW, type AgreementScope } from '@core/analysis/agreement-table';
import { acceptVersion } from '@core/db/coding';
import type { ProjectData, Segment } from '@core/model/types';
import { useMemo } from 'react';
import { useCoding } from '../coding/CodingContext';
import { db } from '../db';
import { useI18n } from '../i18n';

/** Enough to read and decide; more are a sign the code's definition needs talking over first. */
const SHOWN = 100;
const excerpt = (text: string) => (text.length > 400 ? `${text.slice(0, 200)} … ${text.slice(-180)}` : text);

/**
 * The disagreements behind a row of the agreement table, side by side: the stretch, and
 * what each coder did with the code there; one coder's version can be accepted for the
 * others (one undo step), or the source opened there to recode by hand.
 */
export function DisagreementsPanel({
  data,
  scope,
  rowKey,
  onOpenSource,
}: {
  data: ProjectData;
  scope: AgreementScope;
  rowKey: string;
  onOpenSource?(sourceId: string, start: number, end: number): void;
}) {
  const { t } = useI18n();
  const coding = useCoding();
  const list = useMemo(() => disagreementsOf(scope, rowKey), [scope, rowKey]);
  const texts = useMemo(() => new Map(data.contents.map((c) => [c.sourceId, c.text])), [data.contents]);
  const bySource = useMemo(() => {
    const out = new Map<string, Segment[]>();
    for (const s of data.segments) (out.get(s.sourceId) ?? out.set(s.sourceId, []).get(s.sourceId)!).push(s);
    return out;
  }, [data.segments]);
  const name = (id: string) => data.sources.find((s) => s.id === id)?.name ?? '';
  const codeName = (id: string) => data.codes.find((c) => c.id === id)?.name ?? '';
  const coders = scope.coderIds.map((id) => data.coders.find((c) => c.id === id)!);
  const label = rowKey === POOLED_ROW ? t('agreement.pooled') : codeName(rowKey);
  return (
    <aside className="cell-panel disagreements" aria-label={t('agreement.disagreementsOf', { code: label })}>
      <h3>{t('agreement.disagreementsOf', { code: label })}</h3>
      <p className="hint">{list.length ? t('agreement.disagreementCount', { count: list.length }) : t('agreement.noDisagreements')}</p>
      <ol className="disagreement-list">
        {list.slice(0, SHOWN).map((d) => {
          const text = texts.get(d.sourceId) ?? '';
          return (
            <li key={`${d.codeId}:${d.sourceId}:${d.start}`}>
              <div className="disagreement-head">
                <strong>{name(d.sourceId)}</strong>
                {d.codeId !== rowKey && <span className="hint"> · {codeName(d.codeId)}</span>}
                {onOpenSource && (
                  <button className="link" onClick={() => onOpenSource(d.sourceId, d.start, d.end)}>
                    {t('agreement.openInSource')}
                  </button>
                )}
              </div>
              <blockquote>{excerpt(text.slice(d.start, d.end))}</blockquote>
              <div className="side-by-side">
                {coders.map((coder, i) => {
                  const theirs = (bySource.get(d.sourceId) ?? []).filter((s) => s.coderId === coder.id && s.codeId === d.codeId && s.end > d.start && s.start < d.end);
                  return (
                    <div key={coder.id} className="coder-version" style={{ borderColor: coder.color }}>
                      <div className="coder-name">
                        <span className="coder-swatch" style={{ background: coder.color }} /> {coder.name}
                      </div>
                      <div>{d.coded[i] ? t('agreement.coded') : t('agreement.notCoded')}</div>
                      {theirs.map((s) => (
                        <q key={s.id}>{excerpt(text.slice(s.start, s.end))}</q>
                      ))}
                      <button
                        aria-label={t('agreement.accept', { coder: coder.name })}
                        title={t('agreement.acceptHint', { coder: coder.name })}
                        onClick={() =>
                          void coding.run(() =>
                            acceptVersion(db, {
                              projectId: data.project.id,
                              sourceId: d.sourceId,
                              codeId: d.codeId,
                              start: d.start,
                              end: d.end,
                              fromCoderId: coder.id,
                              toCoderIds: scope.coderIds,
                            }),
                          )
                        }
                      >
                        {t('agreement.acceptThis')}
                      </button>
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
      {list.length > SHOWN && <p className="hint">{t('agreement.moreDisagreements', { count: list.length - SHOWN })}</p>}
    </aside>
  );
}
