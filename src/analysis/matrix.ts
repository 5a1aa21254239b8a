import { codePath, subtreeIds } from '../coding/codes';
import { inEnglish, type Translator } from '../i18n';
import { quoteOf, type RetrievedQuote } from '../coding/retrieval';
import type { Cell, Table } from '../model/table';
import type { AttributeValue, ProjectData, Segment } from '../model/types';
import { percent, sourcesInScope } from './scope';
import { compareNatural } from '../util/natural-order';

/** How the sources are grouped on the other side of the codes. */
export type Grouping = { kind: 'cases' } | { kind: 'sources' } | { kind: 'attribute'; attributeId: string };

export interface MatrixDefinition {
  codeIds: string[];
  includeSubcodes: boolean;
  grouping: Grouping;
  /** Codes across the top (a framework matrix's pillars) or down the side (a matrix coding query). */
  codesOn: 'columns' | 'rows';
  sourceKinds?: string[];
}

export interface Axis {
  key: string;
  label: string;
}

/**
 * Cases × codes, codes × attribute values…: every cell holds its segments. Quotes (with
 * citations and context) are made for a cell only when it is opened or exported with
 * quotes: a project has 100,000 segments, and counting needs none of that.
 */
export interface Matrix {
  rows: Axis[];
  columns: Axis[];
  /** cells[row][column] */
  cells: Segment[][][];
  /** The cases each source speaks for (to count cases). */
  casesOfSource: Record<string, string[]>;
}

/** Cell summaries are stored under "row␀column", as SavedAnalysis.summaries. */
export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

const NO_SEGMENTS: Segment[] = Object.freeze([]) as unknown as Segment[];

type MatrixData = Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases' | 'codes' | 'segments' | 'attributes'>;

export function buildMatrix(data: MatrixData, def: MatrixDefinition, t: Translator = inEnglish): Matrix {
  const known = new Set(data.codes.map((c) => c.id));
  const codeAxis: Axis[] = def.codeIds.filter((id) => known.has(id)).map((id) => ({ key: id, label: codePath(data.codes, id) }));
  const sources = sourcesInScope(data, def.sourceKinds);
  const caseById = new Map(data.cases.map((c) => [c.id, c]));
  let groups: Axis[];
  let groupsOfSource: (sourceId: string) => string[];
  if (def.grouping.kind === 'cases') {
    groups = [...data.cases].sort((a, b) => compareNatural(a.name, b.name)).map((c) => ({ key: c.id, label: c.name }));
    groupsOfSource = (id) => sources.get(id)?.caseIds ?? [];
  } else if (def.grouping.kind === 'sources') {
    groups = [...data.sources].sort((a, b) => compareNatural(a.name, b.name)).map((s) => ({ key: s.id, label: s.name }));
    groupsOfSource = (id) => [id];
  } else {
    const id = def.grouping.attributeId;
    const attribute = data.attributes.find((a) => a.id === id);
    const values: AttributeValue[] =
      attribute?.type === 'category' && attribute.values.length ? attribute.values : [...new Set(data.cases.map((c) => c.values[id]).filter((v) => v !== undefined && v !== null))];
    groups = values.map((v) => ({ key: String(v), label: typeof v === 'boolean' ? t(v ? 'table.yes' : 'table.no') : String(v) }));
    groupsOfSource = (sourceId) => [
      ...new Set(
        (sources.get(sourceId)?.caseIds ?? [])
          .map((c) => caseById.get(c)?.values[id])
          .filter((v) => v !== undefined && v !== null)
          .map(String),
      ),
    ];
  }
  // Which code columns a segment's code counts in (itself, and its themes when subcodes are included).
  const axesOfCode = new Map<string, number[]>();
  codeAxis.forEach((c, i) => {
    for (const id of def.includeSubcodes ? subtreeIds(data.codes, c.key) : [c.key]) (axesOfCode.get(id) ?? axesOfCode.set(id, []).get(id)!).push(i);
  });
  const groupIndex = new Map(groups.map((g, i) => [g.key, i]));
  const groupCache = new Map<string, number[]>();
  const groupsOf = (sourceId: string) => {
    let gs = groupCache.get(sourceId);
    if (!gs)
      groupCache.set(
        sourceId,
        (gs = groupsOfSource(sourceId)
          .map((g) => groupIndex.get(g))
          .filter((i): i is number => i !== undefined)),
      );
    return gs;
  };
  // Most of 500 × 300 cells are empty: they share one frozen array instead of 150,000 new ones.
  const byGroup: Segment[][][] = groups.map(() => new Array<Segment[]>(codeAxis.length).fill(NO_SEGMENTS));
  for (const s of data.segments) {
    const axes = axesOfCode.get(s.codeId);
    if (!axes || !sources.has(s.sourceId)) continue;
    for (const ci of axes)
      for (const gi of groupsOf(s.sourceId)) {
        const cell = byGroup[gi][ci];
        if (cell === NO_SEGMENTS) byGroup[gi][ci] = [s];
        else cell.push(s);
      }
  }
  const casesOfSource = Object.fromEntries([...sources.values()].map((s) => [s.id, s.caseIds]));
  if (def.codesOn === 'columns') return { rows: groups, columns: codeAxis, cells: byGroup, casesOfSource };
  return { rows: codeAxis, columns: groups, cells: codeAxis.map((_, ci) => groups.map((__, gi) => byGroup[gi][ci])), casesOfSource };
}

export type CountOf = 'segments' | 'sources' | 'cases';

export function cellCount(matrix: Matrix, segments: Segment[], of: CountOf): number {
  if (of === 'segments') return segments.length;
  if (of === 'sources') return new Set(segments.map((s) => s.sourceId)).size;
  return new Set(segments.flatMap((s) => matrix.casesOfSource[s.sourceId] ?? [])).size;
}

/** The quotes of one cell, with citations and context, in source and text order. */
export function cellQuotes(data: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases'>, segments: Segment[], codeId = ''): RetrievedQuote[] {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const contents = new Map(data.contents.map((c) => [c.sourceId, c]));
  const caseName = new Map(data.cases.map((c) => [c.id, c.name]));
  const ordered = [...segments].sort((a, b) =>
    a.sourceId === b.sourceId ? a.start - b.start : compareNatural(sources.get(a.sourceId)?.name ?? '', sources.get(b.sourceId)?.name ?? ''),
  );
  // The same passage coded alike by two coders is one quote, naming both segments.
  const same = new Map<string, Segment[]>();
  for (const s of ordered) {
    const k = `${s.sourceId}\u0000${s.start}\u0000${s.end}`;
    (same.get(k) ?? same.set(k, []).get(k)!).push(s);
  }
  return [...same.values()].flatMap((group) => {
    const s = group[0];
    const source = sources.get(s.sourceId);
    const content = contents.get(s.sourceId);
    const codeIds = [...new Set(group.map((g) => g.codeId))];
    return source && content ? [quoteOf(data.project.citationPattern, source, content, caseName, codeId || s.codeId, codeIds, group, s.start, s.end)] : [];
  });
}

export interface MatrixTableOptions {
  title: string;
  show: 'counts' | 'summaries' | 'quotes' | 'summaries and quotes';
  count?: CountOf;
  percent?: 'none' | 'row' | 'column';
  summaries?: Record<string, string>;
  corner?: string;
  note?: string;
}

/** A matrix as a Table: counts (with row or column percentages), or summaries and quotes. */
export function matrixTable(matrix: Matrix, options: MatrixTableOptions, data?: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases'>): Table {
  const of = options.count ?? 'segments';
  const counts = matrix.cells.map((row) => row.map((segments) => cellCount(matrix, segments, of)));
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = matrix.columns.map((_, c) => counts.reduce((a, r) => a + r[c], 0));
  const quotes = (r: number, c: number) => (data ? cellQuotes(data, matrix.cells[r][c]).map((q) => ({ text: q.text, citation: q.citation })) : []);
  const cell = (r: number, c: number): Cell => {
    const summary = options.summaries?.[cellKey(matrix.rows[r].key, matrix.columns[c].key)]?.trim();
    switch (options.show) {
      case 'counts': {
        const n = counts[r][c];
        if (options.percent === 'row') return { kind: 'number', value: percent(n, rowTotals[r]), decimals: 1, percent: true };
        if (options.percent === 'column') return { kind: 'number', value: percent(n, colTotals[c]), decimals: 1, percent: true };
        return { kind: 'number', value: n };
      }
      case 'summaries':
        return summary ? { kind: 'text', text: summary } : { kind: 'empty' };
      case 'quotes':
        return { kind: 'quotes', quotes: quotes(r, c) };
      case 'summaries and quotes':
        return { kind: 'quotes', quotes: [...(summary ? [{ text: summary, citation: '' }] : []), ...quotes(r, c)] };
    }
  };
  return {
    title: options.title,
    columns: [{ key: 'row', label: options.corner ?? '' }, ...matrix.columns.map((c) => ({ key: c.key, label: c.label, numeric: options.show === 'counts' }))],
    rows: matrix.rows.map((row, r) => ({ key: row.key, cells: [{ kind: 'text', text: row.label }, ...matrix.columns.map((_, c) => cell(r, c))] })),
    note: options.note,
  };
}
