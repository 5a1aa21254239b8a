import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSampleProject, type SampleManifest } from '../../../src/db/sample-project';
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
