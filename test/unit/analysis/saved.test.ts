import { describe, expect, it } from 'vitest';
import { quotesOfCell, runAnalysis, type AnalysisDefinition } from '../../../src/analysis/run';
import { cellKey } from '../../../src/analysis/matrix';
import { createAnalysis, deleteAnalysis, setCellSummary } from '../../../src/db/analyses';
import { undo } from '../../../src/db/changes';
import { createProject } from '../../../src/db/projects';
import { cellText } from '../../../src/model/table';
import { freshDatabase } from '../helpers';
import { data, training } from './fixture';

const framework: AnalysisDefinition = {
  type: 'framework',
  matrix: { codeIds: ['TRUST', 'CHAL'], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' },
  show: 'summaries',
};

describe('saved analyses', () => {
  it('are stored in the project; cell summaries are undoable steps', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const saved = await createAnalysis(db, project.id, 'Matriz de análisis', framework);
    await setCellSummary(db, saved.id, cellKey('P1', 'TRUST'), 'Más cercanía.');
    await setCellSummary(db, saved.id, cellKey('P1', 'TRUST'), 'Más cercanía y confianza.');
    expect((await db.analyses.get(saved.id))?.summaries).toEqual({ [cellKey('P1', 'TRUST')]: 'Más cercanía y confianza.' });
    await undo(db, project.id);
    expect((await db.analyses.get(saved.id))?.summaries).toEqual({ [cellKey('P1', 'TRUST')]: 'Más cercanía.' });
    await deleteAnalysis(db, saved.id);
    expect(await db.analyses.count()).toBe(0);
    await undo(db, project.id);
    expect(await db.analyses.count()).toBe(1);
  });

  it('recompute from the project as it is: every type gives a titled Table', () => {
    const defs: AnalysisDefinition[] = [
      { type: 'frequency', options: { rollUp: true } },
      framework,
      {
        type: 'coding-query',
        matrix: { codeIds: ['REL'], includeSubcodes: true, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' },
        count: 'cases',
        percent: 'none',
      },
      {
        type: 'comparison',
        matrix: { codeIds: ['TRUST'], includeSubcodes: false, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' },
        rowLabels: false,
        fallback: 'empty',
      },
      { type: 'cooccurrence', options: { codeIds: ['TRUST', 'CLOSE'], includeSubcodes: false, unit: 'source', jaccard: false } },
      { type: 'words', options: { languages: ['en'] } },
    ];
    for (const def of defs) {
      const { table } = runAnalysis(data, { name: `T ${def.type}`, definition: def as never, summaries: { [cellKey('P1', 'TRUST')]: 'Resumen' } });
      expect(table.title).toBe(`T ${def.type}`);
      expect(table.rows.every((r) => r.cells.length === table.columns.length)).toBe(true);
    }
    const { table } = runAnalysis(data, { name: 'M', definition: framework as never, summaries: { [cellKey('P1', 'TRUST')]: 'Resumen' } });
    expect(table.rows.find((r) => r.key === 'P1')!.cells.map((c) => cellText(c))).toEqual(['P1', 'Resumen', '']);
  });
});

describe('the quotes behind a cell', () => {
  it('finds a matrix cell’s quotes, a frequency row’s quotes in its group, and co-occurring text', () => {
    const matrixDef: AnalysisDefinition = {
      type: 'framework',
      matrix: { codeIds: ['TRUST'], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' },
      show: 'counts',
    };
    const m = runAnalysis(data, { name: 'M', definition: matrixDef as never, summaries: {} });
    // Row 2 is P2 (D1, P1, P2, P3), column 1 its TRUST cell: two segments.
    expect(quotesOfCell(data, matrixDef, m, 2, 1)?.quotes.map((q) => q.citation)).toEqual(['(P2, 1)', '(P2, 1)']);

    const freqDef: AnalysisDefinition = { type: 'frequency', options: { rollUp: false, splitByAttributeId: training.id } };
    const f = runAnalysis(data, { name: 'F', definition: freqDef as never, summaries: {} });
    // Trust (row 1) in the "with" group's n column (7): P1 once, P2 twice.
    const withTraining = quotesOfCell(data, freqDef, f, 1, 7);
    expect(withTraining?.column.label).toBe('with n (of 2)');
    expect(withTraining?.quotes.map((q) => q.caseNames[0])).toEqual(['P1', 'P2', 'P2']);
    expect(quotesOfCell(data, freqDef, f, 1, 5)?.quotes).toEqual([]); // nobody without training coded Trust

    const coDef: AnalysisDefinition = { type: 'cooccurrence', options: { codeIds: ['TRUST', 'CLOSE'], includeSubcodes: false, unit: 'overlap', jaccard: false } };
    const c = runAnalysis(data, { name: 'C', definition: coDef as never, summaries: {} });
    // Trust 0–10 and Closeness 5–15 in s1 share 5–10.
    expect(quotesOfCell(data, coDef, c, 0, 2)?.quotes.map((q) => [q.start, q.end])).toEqual([[5, 10]]);
  });
});
