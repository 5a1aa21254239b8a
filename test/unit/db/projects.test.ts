import { describe, expect, it } from 'vitest';
import {
  addSourceKind,
  countSourcesByKind,
  createProject,
  deleteProject,
  describeProjectContents,
  listProjects,
  markProjectOpened,
  removeSourceKind,
  renameProject,
  renameSourceKind,
} from '../../../src/db/projects';
import { addImportedSources } from '../../../src/db/sources';
import { importSource } from '../../../src/import';
import { freshDatabase, utf8 } from '../helpers';

async function importInto(db: ReturnType<typeof freshDatabase>, projectId: string, name: string, text: string) {
  const result = await importSource({ name, bytes: utf8(text) });
  if (!result.ok) throw new Error(result.error.message);
  return addImportedSources(db, projectId, result);
}

describe('keeping several projects', () => {
  it('lists projects, most recently opened first, with their source counts', async () => {
    const db = freshDatabase();
    const vida = await createProject(db, 'ViDA 2023');
    const alianza = await createProject(db, 'Alianza terapéutica');
    await importInto(db, vida.id, 'ARIII_phone.txt', 'E: Hola\nP: Buenas tardes');
    await new Promise((r) => setTimeout(r, 5));
    await markProjectOpened(db, vida.id);
    const list = await listProjects(db);
    expect(list.map((p) => [p.name, p.sourceCount])).toEqual([
      ['ViDA 2023', 1],
      ['Alianza terapéutica', 0],
    ]);
    expect(alianza.sourceKinds).toContain('phone interview');
  });

  it('renames a project, refusing an empty name', async () => {
    const db = freshDatabase();
    const p = await createProject(db, 'Draft');
    await renameProject(db, p.id, '  Chile Solidario encuesta  ');
    expect((await db.projects.get(p.id))?.name).toBe('Chile Solidario encuesta');
    await expect(renameProject(db, p.id, '   ')).rejects.toThrow('needs a name');
  });

  it('deletes a project with everything in it, and nothing of the other projects', async () => {
    const db = freshDatabase();
    const keep = await createProject(db, 'Keep');
    const drop = await createProject(db, 'Drop');
    await importInto(db, keep.id, 'P1.txt', 'Texto que se queda.');
    await importInto(db, drop.id, 'P2.txt', 'Texto que se va.');
    expect(await describeProjectContents(db, drop.id)).toEqual({ sources: 1, cases: 1, codes: 0, segments: 0, memos: 0 });
    await deleteProject(db, drop.id);
    expect(await db.projects.count()).toBe(1);
    expect(await db.sources.count()).toBe(1);
    expect(await db.sourceContents.count()).toBe(1);
    expect(await db.cases.count()).toBe(1);
    expect(await describeProjectContents(db, keep.id)).toMatchObject({ sources: 1, cases: 1 });
  });
});

describe('the editable list of source kinds', () => {
  it('adds a kind, renames one on every source of it, and removes one giving its sources another', async () => {
    const db = freshDatabase();
    const p = await createProject(db, 'Alianza');
    await importInto(db, p.id, 'Caregiver 1 - court report.txt', 'Informe al tribunal.');
    await importInto(db, p.id, 'Caregiver 2 - session 3.txt', 'Sesión telefónica.');
    await addSourceKind(db, p.id, 'court report');
    await expect(addSourceKind(db, p.id, 'Court Report')).rejects.toThrow('already in the list');
    const [first] = await db.sources.where('projectId').equals(p.id).sortBy('name');
    await db.sources.update(first.id, { kind: 'court report' });
    await renameSourceKind(db, p.id, 'court report', 'informe al tribunal');
    expect((await db.sources.get(first.id))?.kind).toBe('informe al tribunal');
    expect(Object.fromEntries(await countSourcesByKind(db, p.id))).toEqual({ 'informe al tribunal': 1, other: 1 });
    await removeSourceKind(db, p.id, 'informe al tribunal', 'report');
    expect((await db.sources.get(first.id))?.kind).toBe('report');
    expect((await db.projects.get(p.id))?.sourceKinds).not.toContain('informe al tribunal');
  });
});
