import { flattenTree } from '../coding/codes';
import { inEnglish, type Translator } from '../i18n';
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
export function frequencyTable(data: Pick<ProjectData, 'codes' | 'segments' | 'sources' | 'cases' | 'attributes'>, options: FrequencyOptions, t: Translator = inEnglish): Table {
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
      groups.push({ value, label: typeof value === 'boolean' ? t(value ? 'table.yes' : 'table.no') : String(value), cases });
    }
  }
  const columns: TableColumn[] = [
    { key: 'code', label: t('table.code') },
    { key: 'segments', label: t('table.segments'), numeric: true },
    { key: 'sources', label: t('table.sources'), numeric: true },
    { key: 'cases', label: t('table.cases'), numeric: true },
    { key: 'casesPct', label: t('table.casesPct'), numeric: true },
    ...groups.flatMap((g) => [
      { key: `n:${g.label}`, label: t('table.nOf', { count: g.cases.size }), group: g.label, numeric: true },
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
  const note = [
    t('table.casesCount', { count: casesInScope.size }),
    options.sourceKinds?.length ? t('table.scopeKinds', { kinds: options.sourceKinds.join(', ') }) : '',
    options.rollUp ? t('table.withSubcodes') : '',
    attribute ? t('table.percentOfGroup', { attribute: attribute.name }) : '',
  ];
  return {
    title: options.title ?? (attribute ? t('table.frequencyBy', { attribute: attribute.name }) : t('table.frequencyTitle')),
    columns,
    rows,
    note: note.filter(Boolean).join(' '),
  };
}
