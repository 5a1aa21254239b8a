import { cellText, type Table } from '../model/table';
import { inEnglish, type Translator } from '../i18n';
import { retrieve, type RetrievedQuote } from '../coding/retrieval';
import type { ProjectData, SavedAnalysis } from '../model/types';
import type { AnalysisDefinition } from './definition';
import { comparisonTable } from './comparison';
import { cooccurrenceTable } from './cooccurrence';
import { frequencyTable } from './frequency';
import { buildMatrix, cellQuotes, matrixTable, type Axis, type Matrix, type MatrixDefinition } from './matrix';
import { wordFrequencyTable } from './word-frequency';
import { savedSearchTable } from '../search/saved';
import { agreementScope, agreementTable, type AgreementScope } from './agreement-table';

export type { AnalysisDefinition, AnalysisType } from './definition';

export interface AnalysisResult {
  table: Table;
  /** For matrices: the quotes behind each cell. */
  matrix?: Matrix;
  /** For intercoder agreement: what was compared, for the disagreements behind a row. */
  agreement?: AgreementScope;
}

/** The project as an analysis counts it: only its coders' coding when it names some. */
export function analysedData<D extends Pick<ProjectData, 'segments' | 'coders'>>(data: D, def: AnalysisDefinition): D {
  if (!def.coderIds?.length || def.type === 'agreement') return data;
  // Coders chosen earlier and since gone choose nothing: everyone's coding counts.
  const coders = new Set(def.coderIds.filter((id) => data.coders.some((c) => c.id === id)));
  if (!coders.size) return data;
  return { ...data, segments: data.segments.filter((s) => coders.has(s.coderId)) };
}

/** Recomputes a saved analysis from the project as it is now: analyses stay live as coding changes. */
export function runAnalysis(
  project: ProjectData,
  saved: Pick<SavedAnalysis, 'name' | 'summaries'> & { definition: AnalysisDefinition },
  t: Translator = inEnglish,
): AnalysisResult {
  const def = saved.definition;
  const data = analysedData(project, def);
  switch (def.type) {
    case 'frequency':
      return { table: frequencyTable(data, { ...def.options, title: saved.name }, t) };
    case 'framework': {
      const matrix = buildMatrix(data, { ...def.matrix, codesOn: 'columns' }, t);
      return { matrix, table: matrixTable(matrix, { title: saved.name, show: def.show, summaries: saved.summaries, corner: groupingLabel(data, def.matrix, t) }, data) };
    }
    case 'coding-query': {
      const matrix = buildMatrix(data, { ...def.matrix, codesOn: 'rows' }, t);
      return {
        matrix,
        table: matrixTable(matrix, {
          title: saved.name,
          show: 'counts',
          count: def.count,
          percent: def.percent,
          corner: t('table.code'),
          note:
            def.percent === 'none'
              ? t('table.codingQueryNote', { count: t(`analysis.count.${def.count}`) })
              : t('table.codingQueryNotePct', { count: t(`analysis.count.${def.count}`), percent: t(`analysis.percent.${def.percent}`) }),
        }),
      };
    }
    case 'comparison': {
      const matrix = buildMatrix(data, { ...def.matrix, codesOn: 'rows' }, t);
      return { matrix, table: comparisonTable(matrix, { title: saved.name, summaries: saved.summaries, rowLabels: def.rowLabels, fallback: def.fallback, note: def.note }, data) };
    }
    case 'cooccurrence':
      return { table: { ...cooccurrenceTable(data, def.options, t), title: saved.name } };
    case 'words':
      return { table: { ...wordFrequencyTable(data, def.options, t), title: saved.name } };
    case 'search':
      return { table: { ...savedSearchTable(data, def.search, t), title: saved.name } };
    case 'agreement': {
      const scope = agreementScope(data, def.options);
      return { agreement: scope, table: { ...agreementTable(data, def.options, t, scope), title: saved.name } };
    }
  }
}

function groupingLabel(data: Pick<ProjectData, 'attributes'>, def: MatrixDefinition, t: Translator): string {
  const g = def.grouping;
  return g.kind === 'cases' ? t('table.case') : g.kind === 'sources' ? t('table.source') : (data.attributes.find((a) => a.id === g.attributeId)?.name ?? '');
}

/**
 * The quotes behind a cell of an analysis's table (table coordinates): a matrix cell's
 * segments; a frequency row's code, within the group of its column; for co-occurrence,
 * the text coded with both codes. Word frequencies have none.
 */
export function quotesOfCell(
  project: ProjectData,
  def: AnalysisDefinition,
  result: AnalysisResult,
  row: number,
  column: number,
): { row: Axis; column: Axis; quotes: RetrievedQuote[] } | null {
  const { table, matrix } = result;
  const data = analysedData(project, def);
  if (matrix) {
    const c = column - (table.columns.length - matrix.columns.length);
    const r = matrix.rows[row];
    const col = matrix.columns[c];
    return r && col ? { row: r, column: col, quotes: cellQuotes(data, matrix.cells[row][c]) } : null;
  }
  const rowKey = table.rows[row]?.key;
  const col = table.columns[column];
  if (!rowKey || !col || column === 0) return null;
  const rowAxis = { key: rowKey, label: cellText(table.rows[row].cells[0]) };
  if (def.type === 'frequency') {
    const attribute = data.attributes.find((a) => a.id === def.options.splitByAttributeId);
    const values = col.group && attribute ? data.cases.map((c) => c.values[attribute.id]).filter((v) => v !== null && v !== undefined && String(v) === col.group) : [];
    const quotes = retrieve(data, {
      codeIds: [rowKey],
      mode: 'or',
      includeSubcodes: def.options.rollUp,
      sourceKinds: def.options.sourceKinds,
      attributeFilters: attribute && col.group ? [{ attributeId: attribute.id, values }] : [],
    });
    return { row: rowAxis, column: { key: col.key, label: col.group ? `${col.group} ${col.label}` : col.label }, quotes };
  }
  if (def.type === 'cooccurrence') {
    const ids = rowKey === col.key ? [rowKey] : [rowKey, col.key];
    const quotes = retrieve(data, { codeIds: ids, mode: ids.length > 1 ? 'and' : 'or', includeSubcodes: def.options.includeSubcodes, sourceKinds: def.options.sourceKinds });
    return { row: rowAxis, column: { key: col.key, label: col.label }, quotes };
  }
  return null;
}
