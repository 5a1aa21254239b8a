import { describe, expect, it } from 'vitest';
import { quotesOfCell, runAnalysis, type AnalysisDefinition } from '../../../src/analysis/run';
import { cellKey } from '../../../src/analysis/matrix';
import { createAnalysis, deleteAnalysis, setCellSummary } from '../../../src/db/analyses';
import { undo } from '../../../src/db/changes';
import { createProject } from '../../../src/db/projects';
import { cellText } from '../../../src/model/table';
import { freshDatabase } from '../helpers';
import { createTranslator } from '../../../src/i18n';
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

  it('recompute from the project as it is: every type gives its Table, counted and summarised by hand', () => {
    const summaries = { [cellKey('P1', 'TRUST')]: 'Resumen', [cellKey('TRUST', 'with')]: 'Más cercanía' };
    const expected: [AnalysisDefinition, string[][]][] = [
      [
        { type: 'frequency', options: { rollUp: true } },
        [
          ['Code', 'Segments', 'Sources', 'Cases', '% of cases'],
          // Relationship holds Trust (s1, s2 twice) and Closeness (s1, s3): 5 segments in 3 sources, P1 P2 D1 of 4 cases.
          ['Relationship', '5', '3', '3', '75.0%'],
          ['Trust', '3', '2', '2', '50.0%'],
          ['Closeness', '2', '2', '2', '50.0%'],
          ['Challenges', '2', '2', '2', '50.0%'],
        ],
      ],
      [
        framework,
        [
          ['Case', 'Relationship › Trust', 'Challenges'],
          ['D1', '', ''],
          ['P1', 'Resumen', ''],
          ['P2', '', ''],
          ['P3', '', ''],
        ],
      ],
      [
        {
          type: 'coding-query',
          matrix: { codeIds: ['REL'], includeSubcodes: true, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' },
          count: 'cases',
          percent: 'none',
        },
        // With training: P1 and P2; without: D1 (P3's source is not coded).
        [
          ['Code', 'without', 'with'],
          ['Relationship', '1', '2'],
        ],
      ],
      [
        {
          type: 'comparison',
          matrix: { codeIds: ['TRUST'], includeSubcodes: false, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' },
          rowLabels: false,
          fallback: 'empty',
        },
        [
          ['without', 'with'],
          ['1.', 'Más cercanía'],
        ],
      ],
      [
        { type: 'cooccurrence', options: { codeIds: ['TRUST', 'CLOSE'], includeSubcodes: false, unit: 'source', jaccard: false } },
        // Trust in s1 s2, Closeness in s1 s3: together in s1 only.
        [
          ['Code', 'Relationship › Trust', 'Relationship › Closeness'],
          ['Relationship › Trust', '2', '1'],
          ['Relationship › Closeness', '1', '2'],
        ],
      ],
      [
        { type: 'words', options: { languages: ['en'] } },
        // Each of the 4 sources is one 60-letter word.
        [
          ['Word', 'Count', '%'],
          ['abcdefghij'.repeat(6), '4', '100.0%'],
        ],
      ],
    ];
    for (const [definition, rows] of expected) {
      const { table } = runAnalysis(data, { name: `T ${definition.type}`, definition, summaries });
      expect(table.title).toBe(`T ${definition.type}`);
      expect([table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells.map((c) => cellText(c)))], definition.type).toEqual(rows);
    }
  });
});

describe('the quotes behind a cell', () => {
  it('finds a matrix cell’s quotes, a frequency row’s quotes in its group, and co-occurring text', () => {
    const matrixDef: AnalysisDefinition = {
      type: 'framework',
      matrix: { codeIds: ['TRUST'], includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' },
      show: 'counts',
    };
    const m = runAnalysis(data, { name: 'M', definition: matrixDef, summaries: {} });
    // Row 2 is P2 (D1, P1, P2, P3), column 1 its TRUST cell: two segments.
    expect(quotesOfCell(data, matrixDef, m, 2, 1)?.quotes.map((q) => q.citation)).toEqual(['(P2, 1)', '(P2, 1)']);

    const freqDef: AnalysisDefinition = { type: 'frequency', options: { rollUp: false, splitByAttributeId: training.id } };
    const f = runAnalysis(data, { name: 'F', definition: freqDef, summaries: {} });
    // Trust (row 1) in the "with" group's n column (7): P1 once, P2 twice.
    const withTraining = quotesOfCell(data, freqDef, f, 1, 7);
    expect(withTraining?.column.label).toBe('with n (of 2)');
    expect(withTraining?.quotes.map((q) => q.caseNames[0])).toEqual(['P1', 'P2', 'P2']);
    expect(quotesOfCell(data, freqDef, f, 1, 5)?.quotes).toEqual([]); // nobody without training coded Trust

    const coDef: AnalysisDefinition = { type: 'cooccurrence', options: { codeIds: ['TRUST', 'CLOSE'], includeSubcodes: false, unit: 'overlap', jaccard: false } };
    const c = runAnalysis(data, { name: 'C', definition: coDef, summaries: {} });
    // Trust 0–10 and Closeness 5–15 in s1 share 5–10.
    expect(quotesOfCell(data, coDef, c, 0, 2)?.quotes.map((q) => [q.start, q.end])).toEqual([[5, 10]]);
  });
});

describe('a saved analysis counts what was coded, in the language asked for', () => {
  const rowsOf = (table: ReturnType<typeof runAnalysis>['table']) => table.rows.map((r) => r.cells.map((c) => cellText(c)));

  it('code frequencies, subcodes counted in their theme, with Spanish headings and note', () => {
    const { table } = runAnalysis(data, { name: 'Frecuencias', definition: { type: 'frequency', options: { rollUp: true } }, summaries: {} }, createTranslator('es'));
    expect(table.columns.map((c) => c.label)).toEqual(['Código', 'Segmentos', 'Fuentes', 'Casos', '% de casos']);
    // REL holds TRUST (3 segments, s1 s2) and CLOSE (2, s1 s3): 5 segments, 3 sources, cases P1 P2 D1 of 4.
    expect(rowsOf(table).map((r) => r.slice(0, 4))).toEqual([
      ['Relationship', '5', '3', '3'],
      ['Trust', '3', '2', '2'],
      ['Closeness', '2', '2', '2'],
      ['Challenges', '2', '2', '2'],
    ]);
    expect(table.note).toBe('4 casos. Los recuentos incluyen los subcódigos.');
  });

  it('a matrix coding query of cases by training, in Portuguese', () => {
    const def: AnalysisDefinition = {
      type: 'coding-query',
      matrix: { codeIds: ['REL'], includeSubcodes: true, grouping: { kind: 'attribute', attributeId: training.id }, codesOn: 'rows' },
      count: 'cases',
      percent: 'none',
    };
    const { table } = runAnalysis(data, { name: 'Consulta', definition: def, summaries: {} }, createTranslator('pt'));
    expect(table.columns.map((c) => c.label)).toEqual(['Código', 'without', 'with']);
    // With training: P1 and P2; without: D1 (P3's source is not coded).
    expect(rowsOf(table)).toEqual([['Relationship', '1', '2']]);
    expect(table.note).toBe('As células contam casos.');
  });

  it('co-occurrence of two codes in the same source', () => {
    const def: AnalysisDefinition = { type: 'cooccurrence', options: { codeIds: ['TRUST', 'CLOSE'], includeSubcodes: false, unit: 'source', jaccard: false } };
    const { table } = runAnalysis(data, { name: 'Co', definition: def, summaries: {} });
    // TRUST in s1 s2, CLOSE in s1 s3: together only in s1.
    expect(rowsOf(table).map((r) => r.slice(1))).toEqual([
      ['2', '1'],
      ['1', '2'],
    ]);
  });
});
