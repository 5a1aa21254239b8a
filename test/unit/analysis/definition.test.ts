import { describe, expect, it } from 'vitest';
import { codeIdsOf, defaultDefinition, parseAnalysisDefinition, withCodeIds, withMatrix, ANALYSIS_TYPES } from '../../../src/analysis/definition';
import { createAnalysis, updateAnalysis } from '../../../src/db/analyses';
import { createProject } from '../../../src/db/projects';
import { freshDatabase } from '../helpers';
import { data } from './fixture';

describe('a saved analysis’s definition', () => {
  it('reads back every kind the app writes, unchanged', () => {
    for (const type of ANALYSIS_TYPES) {
      const def = defaultDefinition(type, data);
      expect(parseAnalysisDefinition(JSON.parse(JSON.stringify(def)))).toMatchObject(def);
    }
  });

  it('gives a damaged or missing field its default instead of passing the damage on', () => {
    const parsed = parseAnalysisDefinition({ type: 'coding-query', matrix: { codeIds: ['A', 7, null], grouping: { kind: 'attribute' } }, count: 'bananas' });
    expect(parsed).toEqual({
      type: 'coding-query',
      matrix: { codeIds: ['A'], includeSubcodes: true, grouping: { kind: 'cases' }, codesOn: 'rows', sourceKinds: undefined },
      count: 'cases',
      percent: 'none',
    });
    expect(parseAnalysisDefinition({ type: 'words', options: { languages: ['klingon'], top: -3 } })).toMatchObject({ options: { languages: ['es', 'pt', 'en'], top: undefined } });
  });

  it('is no analysis at all when its kind is unknown (a newer app’s) or it is not an object', () => {
    expect(parseAnalysisDefinition({ type: 'sentiment', options: {} })).toBeNull();
    expect(parseAnalysisDefinition('framework')).toBeNull();
    expect(parseAnalysisDefinition(null)).toBeNull();
  });

  it('changes its codes and its matrix whatever its kind, without casts', () => {
    const framework = defaultDefinition('framework', data);
    expect(codeIdsOf(withCodeIds(framework, ['TRUST']))).toEqual(['TRUST']);
    expect(codeIdsOf(withCodeIds(defaultDefinition('cooccurrence', data), ['CHAL']))).toEqual(['CHAL']);
    expect(withMatrix(framework, { grouping: { kind: 'sources' } })).toMatchObject({ matrix: { grouping: { kind: 'sources' } } });
    const frequency = defaultDefinition('frequency', data);
    expect(withMatrix(frequency, { codeIds: ['X'] })).toBe(frequency);
  });
});

describe('the store reads definitions once', () => {
  it('keeps an analysis it cannot read as it was stored, through a rename', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const saved = await createAnalysis(db, project.id, 'Sentimiento', defaultDefinition('frequency', data));
    const fromNewerApp = { type: 'sentiment', options: { model: 'x', threshold: 0.4 } };
    // As a newer version would have written it.
    await db.analyses.put({ ...saved, type: 'sentiment', definition: null, storedDefinition: fromNewerApp });
    const read = await db.analyses.get(saved.id);
    expect(read?.definition).toBeNull();
    expect(read?.storedDefinition).toEqual(fromNewerApp);
    await updateAnalysis(db, saved.id, { name: 'Sentimiento (v2)' });
    const renamed = await db.analyses.get(saved.id);
    expect(renamed?.name).toBe('Sentimiento (v2)');
    expect(renamed?.storedDefinition).toEqual(fromNewerApp);
  });

  it('hands the analyses a typed definition even when the stored one lacks fields', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const saved = await createAnalysis(db, project.id, 'Frecuencias', defaultDefinition('frequency', data));
    await db.analyses.put({ ...saved, definition: { type: 'frequency' } as never });
    expect((await db.analyses.get(saved.id))?.definition).toEqual({
      type: 'frequency',
      options: { rollUp: true, splitByAttributeId: undefined, sourceKinds: undefined, title: undefined },
    });
  });
});

describe('the project’s agreement analysis', () => {
  it('is made the first time for the coders who have coded, and opened again after that', async () => {
    const { agreementAnalysis } = await import('../../../src/db/analyses');
    const { codeText, createCode, ensureCoder } = await import('../../../src/db/coding');
    const db = freshDatabase();
    const project = await createProject(db, 'Equipo');
    const code = await createCode(db, project.id, 'Vínculo');
    const ana = await ensureCoder(db, project.id, 'Ana');
    await ensureCoder(db, project.id, 'Beto, who has not coded');
    await db.sourceContents.add({ sourceId: 's', projectId: project.id, text: 'una frase', paragraphs: [{ start: 0, end: 9 }], turns: [], annotations: [] });
    await codeText(db, { projectId: project.id, sourceId: 's', codeId: code.id, start: 0, end: 3, coderId: ana.id });
    const first = await agreementAnalysis(db, project.id, 'Acuerdo');
    expect(first.definition).toMatchObject({ type: 'agreement', options: { coderIds: [ana.id], level: 'paragraph', overlap: 0.9 } });
    expect((await agreementAnalysis(db, project.id, 'Acuerdo')).id).toBe(first.id);
    expect(await db.analyses.count()).toBe(1);
  });
});
