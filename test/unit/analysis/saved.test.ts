import { describe, expect, it } from 'vitest';
import { runAnalysis, type AnalysisDefinition } from '../../../src/analysis/run';
import { cellKey } from '../../../src/analysis/matrix';
import { createAnalysis, deleteAnalysis, setCellSummary } from '../../../src/db/analyses';
import { undo } from '../../../src/db/changes';
import { createProject } from '../../../src/db/projects';
import { cellText } from '../../../src/model/table';
import { freshDatabase } from '../helpers';
import { data, training } from './fixture';

const framework: AnalysisDefinition = { type: 'framework', matrix: { codeIds: ['TRUST', 'CHAL'], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' }, show: 'summaries' };

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
      { type: 'coding-query', matrix: { codeIds: ['REL'], includeSubcodes: true, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' }, count: 'cases', percent: 'none' },
      { type: 'comparison', matrix: { codeIds: ['TRUST'], includeSubcodes: false, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' }, rowLabels: false, fallback: 'empty' },
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
