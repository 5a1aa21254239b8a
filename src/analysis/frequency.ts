import { flattenTree } from '../coding/codes';
import type { Cell, Table, TableColumn } from '../model/table';
import { num, text } from '../model/table';
import type { AttributeValue, ProjectData } from '../model/types';
import { casesOf, percent, segmentsByCode, segmentsOfCode, sourcesInScope } from './scope';

export interface FrequencyOptions {
  /** Count a theme's subcodes in its row. */
  rollUp: boolean;
  /** Split the cases by this attribute: a column pair (n, %) per value. */
  splitByAttributeId?: string;
  sourceKinds?: string[];
  title?: string;
}

/**
 * The content-analysis frequency table: per code (indented by level) its segments,
 * sources, cases and % of cases; split by a case attribute, the cases with the code in
 * each group and the column percentage (of that group's cases).
 */
export function frequencyTable(data: Pick<ProjectData, 'codes' | 'segments' | 'sources' | 'cases' | 'attributes'>, options: FrequencyOptions): Table {
  const sources = sourcesInScope(data, options.sourceKinds);
  const byCode = segmentsByCode(data.segments, sources);
  const casesInScope = new Set([...sources.values()].flatMap((s) => s.caseIds));
  const attribute = data.attributes.find((a) => a.id === options.splitByAttributeId);
  const groups: { value: AttributeValue; label: string; cases: Set<string> }[] = [];
  if (attribute) {
    const values =
      attribute.type === 'category' && attribute.values.length
        ? attribute.values
        : [...new Set(data.cases.map((c) => c.values[attribute.id]).filter((v) => v !== undefined && v !== null))];
    for (const value of values) {
      const cases = new Set(data.cases.filter((c) => casesInScope.has(c.id) && c.values[attribute.id] === value).map((c) => c.id));
      groups.push({ value, label: typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value), cases });
    }
  }
  const columns: TableColumn[] = [
    { key: 'code', label: 'Code' },
    { key: 'segments', label: 'Segments', numeric: true },
    { key: 'sources', label: 'Sources', numeric: true },
    { key: 'cases', label: 'Cases', numeric: true },
    { key: 'casesPct', label: '% of cases', numeric: true },
    ...groups.flatMap((g) => [
      { key: `n:${g.label}`, label: `n (of ${g.cases.size})`, group: g.label, numeric: true },
      { key: `pct:${g.label}`, label: '%', group: g.label, numeric: true },
    ]),
  ];
  const rows = flattenTree(data.codes).map(({ code, depth }) => {
    const segs = segmentsOfCode(data, byCode, code.id, options.rollUp);
    const cases = casesOf(segs, sources);
    const cells: Cell[] = [
      text(code.name),
      num(segs.length),
      num(new Set(segs.map((s) => s.sourceId)).size),
      num(cases.size),
      { kind: 'number', value: percent(cases.size, casesInScope.size), decimals: 1, percent: true },
      ...groups.flatMap((g): Cell[] => {
        const n = [...cases].filter((c) => g.cases.has(c)).length;
        return [num(n), { kind: 'number', value: percent(n, g.cases.size), decimals: 1, percent: true }];
      }),
    ];
    return { key: code.id, depth, cells };
  });
  const scope = options.sourceKinds?.length ? ` Sources: ${options.sourceKinds.join(', ')}.` : '';
  return {
    title: options.title ?? (attribute ? `Code frequencies by ${attribute.name}` : 'Code frequencies'),
    columns,
    rows,
    note: `${casesInScope.size} cases.${scope}${options.rollUp ? ' Counts include subcodes.' : ''}${attribute ? ` Percentages are of the cases in each ${attribute.name} group.` : ''}`,
  };
}
