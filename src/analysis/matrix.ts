import { codePath } from '../coding/codes';
import { retrieve, type RetrievedQuote } from '../coding/retrieval';
import type { Cell, Table } from '../model/table';
import type { AttributeValue, ProjectData } from '../model/types';
import { percent } from './scope';

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

/** Cases × codes, codes × attribute values…: every cell holds its quotes. */
export interface Matrix {
  rows: Axis[];
  columns: Axis[];
  /** cells[row][column] */
  cells: RetrievedQuote[][][];
}

/** Cell summaries are stored under "row␀column", as SavedAnalysis.summaries. */
export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

export function buildMatrix(data: Pick<ProjectData, 'project' | 'sources' | 'contents' | 'cases' | 'codes' | 'segments' | 'attributes'>, def: MatrixDefinition): Matrix {
  const codeAxis: Axis[] = def.codeIds.filter((id) => data.codes.some((c) => c.id === id)).map((id) => ({ key: id, label: codePath(data.codes, id) }));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const caseById = new Map(data.cases.map((c) => [c.id, c]));
  let groups: Axis[];
  let groupsOf: (q: RetrievedQuote) => string[];
  if (def.grouping.kind === 'cases') {
    groups = [...data.cases].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })).map((c) => ({ key: c.id, label: c.name }));
    groupsOf = (q) => sources.get(q.sourceId)?.caseIds ?? [];
  } else if (def.grouping.kind === 'sources') {
    groups = [...data.sources].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })).map((s) => ({ key: s.id, label: s.name }));
    groupsOf = (q) => [q.sourceId];
  } else {
    const id = def.grouping.attributeId;
    const attribute = data.attributes.find((a) => a.id === id);
    const values: AttributeValue[] = attribute?.type === 'category' && attribute.values.length ? attribute.values : [...new Set(data.cases.map((c) => c.values[id]).filter((v) => v !== undefined && v !== null))];
    groups = values.map((v) => ({ key: String(v), label: typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v) }));
    groupsOf = (q) => [...new Set((sources.get(q.sourceId)?.caseIds ?? []).map((c) => caseById.get(c)?.values[id]).filter((v) => v !== undefined && v !== null).map(String))];
  }
  const groupIndex = new Map(groups.map((g, i) => [g.key, i]));
  const perCode = codeAxis.map((c) => retrieve(data, { codeIds: [c.key], mode: 'or', includeSubcodes: def.includeSubcodes, sourceKinds: def.sourceKinds }));
  const byGroup: RetrievedQuote[][][] = groups.map(() => codeAxis.map(() => []));
  perCode.forEach((quotes, ci) => {
    for (const q of quotes) for (const g of groupsOf(q)) {
      const gi = groupIndex.get(g);
      if (gi !== undefined) byGroup[gi][ci].push(q);
    }
  });
  if (def.codesOn === 'columns') return { rows: groups, columns: codeAxis, cells: byGroup };
  return { rows: codeAxis, columns: groups, cells: codeAxis.map((_, ci) => groups.map((__, gi) => byGroup[gi][ci])) };
}

export type CountOf = 'segments' | 'sources' | 'cases';

export function cellCount(quotes: RetrievedQuote[], of: CountOf): number {
  if (of === 'segments') return quotes.length;
  if (of === 'sources') return new Set(quotes.map((q) => q.sourceId)).size;
  return new Set(quotes.flatMap((q) => q.caseNames)).size;
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
export function matrixTable(matrix: Matrix, options: MatrixTableOptions): Table {
  const of = options.count ?? 'segments';
  const counts = matrix.cells.map((row) => row.map((quotes) => cellCount(quotes, of)));
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = matrix.columns.map((_, c) => counts.reduce((a, r) => a + r[c], 0));
  const cell = (r: number, c: number): Cell => {
    const quotes = matrix.cells[r][c];
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
        return { kind: 'quotes', quotes: quotes.map((q) => ({ text: q.text, citation: q.citation })) };
      case 'summaries and quotes':
        return { kind: 'quotes', quotes: [...(summary ? [{ text: summary, citation: '' }] : []), ...quotes.map((q) => ({ text: q.text, citation: q.citation }))] };
    }
  };
  return {
    title: options.title,
    columns: [{ key: 'row', label: options.corner ?? '' }, ...matrix.columns.map((c) => ({ key: c.key, label: c.label, numeric: options.show === 'counts' }))],
    rows: matrix.rows.map((row, r) => ({ key: row.key, cells: [{ kind: 'text', text: row.label }, ...matrix.columns.map((_, c) => cell(r, c))] })),
    note: options.note,
  };
}
