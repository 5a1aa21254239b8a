import type { Translator } from '../i18n';
import type { MergeReport } from './merge';

/** One part of the merge report: a sentence, and the items it lists (conflicts, coding not placed). */
export interface MergeReportPart {
  text: string;
  items: string[];
}

/** What a merge did, in the researcher's language: added, matched, and what waits for them. */
export function describeMerge(r: MergeReport, t: Translator): MergeReportPart[] {
  const parts: MergeReportPart[] = [];
  const part = (text: string, items: string[] = []) => parts.push({ text, items });
  part(t('merge.report.sources', { count: r.sources.added, guid: r.sources.byGuid, hash: r.sources.byHash, name: r.sources.byName }));
  if (r.sources.textChanged.length) part(t('merge.report.textChanged', { count: r.sources.textChanged.length }), r.sources.textChanged);
  if (r.sources.linked) part(t('merge.report.linked', { count: r.sources.linked }));
  part(t('merge.report.codes', { count: r.codes.added, guid: r.codes.byGuid, name: r.codes.byName }));
  if (r.codes.filled) part(t('merge.report.filled', { count: r.codes.filled }));
  if (r.codes.conflicts.length)
    part(
      t('merge.report.entryConflicts', { count: r.codes.conflicts.length }),
      r.codes.conflicts.map((c) => t('merge.memo.entry', { code: c.code, field: t(`codes.${c.field}`), ours: c.ours, theirs: c.theirs })),
    );
  part(t('merge.report.coders', { count: r.coders.added.length, matched: r.coders.matched }), r.coders.added);
  if (r.coders.sameName.length) part(t('merge.report.sameName', { count: r.coders.sameName.length }), r.coders.sameName);
  part(t('merge.report.cases', { count: r.cases.added, matched: r.cases.matched }));
  part(t('merge.report.segments', { count: r.segments.added, already: r.segments.alreadyHere, moved: r.segments.moved }));
  if (r.segments.unplaced.length)
    part(
      t('merge.report.unplaced', { count: r.segments.unplaced.length }),
      r.segments.unplaced.map((u) => `${u.source} · ${u.code} · ${u.coder}: “${u.text}”`),
    );
  part(t('merge.report.memos', { count: r.memos.added, already: r.memos.alreadyHere }));
  if (r.memos.conflicts.length) part(t('merge.report.memoConflicts', { count: r.memos.conflicts.length }), r.memos.conflicts);
  if (r.values.added) part(t('merge.report.values', { count: r.values.added }));
  if (r.values.conflicts.length)
    part(
      t('merge.report.valueConflicts', { count: r.values.conflicts.length }),
      r.values.conflicts.map((c) => t('merge.memo.value', { case: c.case, attribute: c.attribute, ours: c.ours, theirs: c.theirs })),
    );
  if (r.analyses.added) part(t('merge.report.analyses', { count: r.analyses.added }));
  return parts;
}

/** Whether the merge changed nothing: the copy was merged before, or holds nothing new. */
export function mergedNothing(r: MergeReport): boolean {
  return (
    r.sources.added +
      r.sources.byName +
      r.codes.added +
      r.codes.byName +
      r.coders.added.length +
      r.cases.added +
      r.segments.added +
      r.memos.added +
      r.memos.conflicts.length +
      r.values.added +
      r.analyses.added ===
      0 && r.values.conflicts.length + r.segments.unplaced.length === 0
  );
}
