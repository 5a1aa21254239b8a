import type { Table } from '../model/table';
import type { ProjectData, SavedAnalysis } from '../model/types';
import { comparisonTable, type ComparisonOptions } from './comparison';
import { cooccurrenceTable, type CooccurrenceOptions } from './cooccurrence';
import { frequencyTable, type FrequencyOptions } from './frequency';
import { buildMatrix, matrixTable, type Matrix, type MatrixDefinition, type MatrixTableOptions } from './matrix';
import { wordFrequencyTable, type WordFrequencyOptions } from './word-frequency';

/** Every analysis a project can save, with its definition. */
export type AnalysisDefinition =
  | { type: 'frequency'; options: FrequencyOptions }
  | { type: 'framework'; matrix: MatrixDefinition; show: MatrixTableOptions['show'] }
  | { type: 'coding-query'; matrix: MatrixDefinition; count: NonNullable<MatrixTableOptions['count']>; percent: NonNullable<MatrixTableOptions['percent']> }
  | { type: 'comparison'; matrix: MatrixDefinition; rowLabels: boolean; fallback: ComparisonOptions['fallback']; note?: string }
  | { type: 'cooccurrence'; options: CooccurrenceOptions }
  | { type: 'words'; options: WordFrequencyOptions };

export type AnalysisType = AnalysisDefinition['type'];

export interface AnalysisResult {
  table: Table;
  /** For matrices: the quotes behind each cell. */
  matrix?: Matrix;
}

/** Recomputes a saved analysis from the project as it is now: analyses stay live as coding changes. */
export function runAnalysis(data: ProjectData, saved: Pick<SavedAnalysis, 'name' | 'definition' | 'summaries'>): AnalysisResult {
  const def = saved.definition as unknown as AnalysisDefinition;
  switch (def.type) {
    case 'frequency':
      return { table: frequencyTable(data, { ...def.options, title: saved.name }) };
    case 'framework': {
      const matrix = buildMatrix(data, { ...def.matrix, codesOn: 'columns' });
      return { matrix, table: matrixTable(matrix, { title: saved.name, show: def.show, summaries: saved.summaries, corner: groupingLabel(data, def.matrix) }, data) };
    }
    case 'coding-query': {
      const matrix = buildMatrix(data, { ...def.matrix, codesOn: 'rows' });
      return { matrix, table: matrixTable(matrix, { title: saved.name, show: 'counts', count: def.count, percent: def.percent, corner: 'Code', note: `Cells count ${def.count}${def.percent !== 'none' ? `, as ${def.percent} percentages` : ''}.` }) };
    }
    case 'comparison': {
      const matrix = buildMatrix(data, { ...def.matrix, codesOn: 'rows' });
      return { matrix, table: comparisonTable(matrix, { title: saved.name, summaries: saved.summaries, rowLabels: def.rowLabels, fallback: def.fallback, note: def.note }, data) };
    }
    case 'cooccurrence':
      return { table: { ...cooccurrenceTable(data, def.options), title: saved.name } };
    case 'words':
      return { table: { ...wordFrequencyTable(data, def.options), title: saved.name } };
  }
}

function groupingLabel(data: Pick<ProjectData, 'attributes'>, def: MatrixDefinition): string {
  const g = def.grouping;
  return g.kind === 'cases' ? 'Case' : g.kind === 'sources' ? 'Source' : (data.attributes.find((a) => a.id === g.attributeId)?.name ?? '');
}
