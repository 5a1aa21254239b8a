import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSampleProject, type SampleManifest } from '../../../src/db/sample-project';
import type { WorkedSample } from '../../../src/db/sample-worked';
import { runAnalysis } from '../../../src/analysis/run';
import { cellText } from '../../../src/model/table';
import { createTranslator } from '../../../src/i18n';
import { loadProjectData } from '../../../src/db/snapshot';
import manifest from '../../../fixtures/sample/sample.json';
import { fixture, freshDatabase, root } from '../helpers';

describe('the sample project', () => {
  it('builds a ViDA-style project: phone, in-depth and report sources, cases with attributes', async () => {
    const db = freshDatabase();
    const files = new Map(readdirSync(`${root}fixtures/sample`).map((f) => [f, fixture(`sample/${f}`)]));
    const id = await buildSampleProject(db, manifest as SampleManifest, files);
    const data = await loadProjectData(db, id);
    const kinds = new Map<string, number>();
    for (const s of data.sources) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ 'phone interview': 4, 'in-depth interview': 3, report: 4 });
    expect(new Set(data.sources.map((s) => s.language))).toEqual(new Set(['es', 'en']));
    expect(data.attributes.map((a) => a.name)).toEqual(['Role', 'Profession', 'Municipality', 'Training', 'Interview type']);
    const role = data.attributes[0];
    const directors = data.cases.filter((c) => c.values[role.id] === 'Director').map((c) => c.name);
    expect(directors).toEqual(['DRA', 'DRB']);
    // The Windows-1252 transcript keeps its accents and its speakers.
    const tmd = data.sources.find((s) => s.name === 'TMD_telefonica_cp1252')!;
    expect(tmd.encoding).toBe('windows-1252');
    const content = data.contents.find((c) => c.sourceId === tmd.id)!;
    expect(content.text).toContain('¿Participó usted en la capacitación del modelo?');
    expect(new Set(content.turns.map((t) => t.speaker))).toEqual(new Set(['E', 'TMD']));
    // Every source belongs to a case.
    expect(data.sources.every((s) => s.caseIds.length === 1)).toBe(true);
  });
});

describe('the sample project is a worked example of the study', () => {
  const build = async (locale: 'en' | 'es' | 'pt') => {
    const { default: worked } = await import('../../../fixtures/sample/worked.json');
    const db = freshDatabase();
    const files = new Map(readdirSync(`${root}fixtures/sample`).map((f) => [f, fixture(`sample/${f}`)]));
    const id = await buildSampleProject(db, manifest as SampleManifest, files, { worked: worked as unknown as WorkedSample, locale });
    return { db, data: await loadProjectData(db, id), worked: worked as unknown as WorkedSample };
  };

  it('has the codebook, the coding by two coders, memos and a field note, and nothing to undo', async () => {
    const { db, data, worked } = await build('en');
    expect(data.codes.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(['Relationship component', 'Changes in the intervention', 'Challenges']);
    expect(data.codes).toHaveLength(12);
    expect(data.codes.find((c) => c.name === 'Bond and trust')).toMatchObject({ inclusion: expect.stringContaining('constancy'), example: expect.stringContaining('TMA') });
    expect(data.segments).toHaveLength(worked.codings.length);
    const coders = new Set(data.segments.map((s) => s.coderId));
    expect(coders.size).toBe(2);
    expect(data.memos.map((m) => m.type).sort()).toEqual(['field-note', 'memo', 'memo', 'memo']);
    expect(data.memos.find((m) => m.links.caseId)?.links.caseId).toBe(data.cases.find((c) => c.name === 'TMD')!.id);
    expect(await db.undoLog.count()).toBe(0);
  });

  it('opens Table 1 with its five numbered rows, Without training before With training', async () => {
    const { data } = await build('en');
    const table1 = data.analyses.find((a) => a.definition?.type === 'comparison')!;
    const { table } = runAnalysis(data, { ...table1, definition: table1.definition! });
    expect(table.columns.map((c) => c.label)).toEqual(['Without training', 'With training']);
    expect(table.rows.map((r) => cellText(r.cells[0]))).toEqual([
      '1. Have relationship skills',
      '2. Only get involved with the pregnant woman',
      '3. Are concerned about adapting to the person and her family in the current society.',
      '4. The objectives of the visit are not consistent with behavior changes',
      '5. Focus on the relationship between the visiting agent and the pregnant woman.',
    ]);
    expect(cellText(table.rows[4].cells[1])).toBe('Transfer of positive bond between supervisor, visiting agents, visited person and her family.');
  });

  it('counts the framework matrix from the coding, and names codebook and analyses in the interface language', async () => {
    const { data } = await build('es');
    expect(data.codes.map((c) => c.name)).toContain('Vínculo y confianza');
    expect(data.analyses.map((a) => a.name).sort()).toEqual(
      [
        'Coocurrencia de códigos',
        'Componente relacional por caso',
        'Códigos según capacitación',
        'Cambios percibidos por los profesionales después de la capacitación',
        'Acuerdo entre los dos codificadores',
      ].sort(),
    );
    const framework = data.analyses.find((a) => a.definition?.type === 'framework')!;
    const { matrix } = runAnalysis(data, { ...framework, definition: framework.definition! });
    const tma = matrix!.rows.findIndex((r) => r.label === 'TMA');
    const bond = matrix!.columns.findIndex((c) => c.label.endsWith('Vínculo y confianza'));
    expect(matrix!.cells[tma][bond]).toHaveLength(2);
    // The second coder's check: agreement of the two sample coders where both coded, in Spanish.
    const agreement = data.analyses.find((a) => a.definition?.type === 'agreement')!;
    const { table } = runAnalysis(data, { ...agreement, definition: agreement.definition! }, createTranslator('es'));
    expect(table.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['Investigadora A (muestra)', 'Investigador B (muestra)', 'κ de Cohen', 'α de Krippendorff']));
    expect(table.rows.length).toBeGreaterThan(1);
    expect(table.note).toContain('Unidad: párrafo');
    // The sources stay in their language.
    expect(data.contents.some((c) => c.text.includes('el vínculo se construye con constancia'))).toBe(true);
  });
});
