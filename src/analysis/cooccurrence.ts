import { codePath } from '../coding/codes';
import type { Table } from '../model/table';
import type { ProjectData, Segment } from '../model/types';
import { segmentsByCode, segmentsOfCode, sourcesInScope } from './scope';

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
 * segment of the column code. The diagonal holds each code's own units.
 */
export function cooccurrenceTable(data: Pick<ProjectData, 'codes' | 'segments' | 'sources' | 'contents'>, options: CooccurrenceOptions): Table {
  const sources = sourcesInScope(data, options.sourceKinds);
  const byCode = segmentsByCode(data.segments, sources);
  const codeIds = options.codeIds.filter((id) => data.codes.some((c) => c.id === id));
  const segs = codeIds.map((id) => segmentsOfCode(data, byCode, id, options.includeSubcodes));
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const paragraphOf = (s: Segment): string[] => {
    const ps = contents.get(s.sourceId)?.paragraphs ?? [];
    return ps.flatMap((p, i) => (p.start < s.end && s.start < p.end ? [`${s.sourceId}#${i}`] : []));
  };
  const units = segs.map((list) => new Set(options.unit === 'source' ? list.map((s) => s.sourceId) : options.unit === 'paragraph' ? list.flatMap(paragraphOf) : list.map((s) => s.id)));
  const value = (i: number, j: number): number => {
    let together: number;
    if (options.unit === 'overlap') {
      together = i === j ? segs[i].length : segs[i].filter((a) => segs[j].some((b) => b.sourceId === a.sourceId && b.start < a.end && a.start < b.end)).length;
      if (!options.jaccard) return together;
      const either = segs[i].length + segs[j].length - together;
      return either ? Math.round((1000 * together) / either) / 1000 : 0;
    }
    together = [...units[i]].filter((u) => units[j].has(u)).length;
    if (!options.jaccard) return together;
    const either = new Set([...units[i], ...units[j]]).size;
    return either ? Math.round((1000 * together) / either) / 1000 : 0;
  };
  const labels = codeIds.map((id) => codePath(data.codes, id));
  return {
    title: `Code co-occurrence (${options.unit === 'overlap' ? 'overlapping segments' : options.unit === 'paragraph' ? 'same paragraph' : 'same source'})`,
    columns: [{ key: 'code', label: 'Code' }, ...codeIds.map((id, j) => ({ key: id, label: labels[j], numeric: true }))],
    rows: codeIds.map((id, i) => ({
      key: id,
      cells: [{ kind: 'text', text: labels[i] }, ...codeIds.map((_, j) => ({ kind: 'number' as const, value: value(i, j), decimals: options.jaccard ? 2 : 0 }))],
    })),
    note: options.jaccard ? 'Jaccard index: units coded with both codes ÷ units coded with either.' : undefined,
  };
}
