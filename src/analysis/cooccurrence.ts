import { codePath, subtreeIds } from '../coding/codes';
import { inEnglish, type Translator } from '../i18n';
import type { Table } from '../model/table';
import type { ProjectData, Segment } from '../model/types';
import { sourcesInScope } from './scope';

export type CooccurrenceUnit = 'overlap' | 'paragraph' | 'source';

export interface CooccurrenceOptions {
  codeIds: string[];
  includeSubcodes: boolean;
  /** Co-occur when segments overlap, fall in the same paragraph, or in the same source. */
  unit: CooccurrenceUnit;
  /** Jaccard index (together ÷ either) instead of counts. */
  jaccard: boolean;
  sourceKinds?: string[];
}

/**
 * Codes × codes. For "paragraph" and "source" a cell counts the paragraphs (or sources)
 * coded with both codes; for "overlap", the segments of the row code that overlap a
 * segment of the column code. The diagonal holds each code's own units. Each source is
 * swept once, so 100,000 segments take a fraction of a second.
 */
export function cooccurrenceTable(data: Pick<ProjectData, 'codes' | 'segments' | 'sources' | 'contents'>, options: CooccurrenceOptions, t: Translator = inEnglish): Table {
  const sources = sourcesInScope(data, options.sourceKinds);
  const codeIds = options.codeIds.filter((id) => data.codes.some((c) => c.id === id));
  const n = codeIds.length;
  const axesOf = new Map<string, number[]>();
  codeIds.forEach((id, i) => {
    for (const c of options.includeSubcodes ? subtreeIds(data.codes, id) : [id]) (axesOf.get(c) ?? axesOf.set(c, []).get(c)!).push(i);
  });
  const bySource = new Map<string, Segment[]>();
  for (const s of data.segments) if (sources.has(s.sourceId) && axesOf.has(s.codeId)) (bySource.get(s.sourceId) ?? bySource.set(s.sourceId, []).get(s.sourceId)!).push(s);

  const together = new Float64Array(n * n);
  const own = new Float64Array(n); // segments (overlap) or units per code
  if (options.unit === 'overlap') {
    for (const list of bySource.values()) {
      list.sort((a, b) => a.start - b.start);
      let open: Segment[] = []; // earlier segments still running at this one's start
      for (let a = 0; a < list.length; a++) {
        const sa = list[a];
        const ia = axesOf.get(sa.codeId)!;
        for (const i of ia) own[i]++;
        open = open.filter((b) => b.end > sa.start);
        // Codes found overlapping this segment (each counted once per segment).
        const seen = new Set<number>();
        for (const b of open) for (const j of axesOf.get(b.codeId)!) seen.add(j);
        for (let b = a + 1; b < list.length && list[b].start < sa.end; b++) for (const j of axesOf.get(list[b].codeId)!) seen.add(j);
        open.push(sa);
        for (const i of ia) {
          for (const j of seen) if (j !== i) together[i * n + j]++;
          together[i * n + i]++;
        }
      }
    }
  } else {
    const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
    const units = new Map<string, Set<number>>();
    for (const [sourceId, list] of bySource) {
      const ps = contents.get(sourceId)?.paragraphs ?? [];
      for (const s of list) {
        const keys = options.unit === 'source' ? [sourceId] : ps.flatMap((p, k) => (p.start < s.end && s.start < p.end ? [`${sourceId}#${k}`] : []));
        for (const key of keys) {
          const set = units.get(key) ?? units.set(key, new Set()).get(key)!;
          for (const i of axesOf.get(s.codeId)!) set.add(i);
        }
      }
    }
    for (const set of units.values()) {
      const present = [...set];
      for (const i of present) {
        own[i]++;
        for (const j of present) together[i * n + j]++;
      }
    }
  }
  const value = (i: number, j: number): number => {
    const t = together[i * n + j];
    if (!options.jaccard) return t;
    const either = own[i] + own[j] - t;
    return i === j ? (own[i] ? 1 : 0) : either > 0 ? Math.round((1000 * t) / either) / 1000 : 0;
  };
  const labels = codeIds.map((id) => codePath(data.codes, id));
  return {
    title: t('table.cooccurrenceTitle', { unit: t(`table.unit.${options.unit}`) }),
    columns: [{ key: 'code', label: t('table.code') }, ...codeIds.map((id, j) => ({ key: id, label: labels[j], numeric: true }))],
    rows: codeIds.map((id, i) => ({
      key: id,
      cells: [{ kind: 'text', text: labels[i] }, ...codeIds.map((_, j) => ({ kind: 'number' as const, value: value(i, j), decimals: options.jaccard ? 2 : 0 }))],
    })),
    note: options.jaccard ? t('table.jaccard') : undefined,
  };
}
