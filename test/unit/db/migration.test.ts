import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { QdaDatabase } from '../../../src/db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from '../../../src/db/schema';
import { loadProjectData } from '../../../src/db/snapshot';
import { freshDatabase } from '../helpers';
import v1 from './fixtures/project-v1.json';

/**
 * The migration pattern: a fixture written at schema version N is opened by the code of
 * version N+1 (here: the current code), and every row must come through. When version 2 is
 * added, a project-v2.json fixture joins this list and v1's expectations grow an upgrade check.
 */
const FIXTURES: { version: number; data: typeof v1 }[] = [{ version: 1, data: v1 }];

describe('opening projects saved by older versions of the app', () => {
  it('keeps the schema history append-only, one version after another', () => {
    SCHEMA_HISTORY.forEach((v, i) => expect(v.version).toBe(i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_HISTORY.length);
  });

  it.each(FIXTURES)('opens a project written at schema version $version with every row intact', async ({ version, data }) => {
    const factory = new IDBFactory();
    const old = freshDatabase(SCHEMA_HISTORY.filter((v) => v.version <= version), factory);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(data.tables)) await old.table(table).bulkAdd(rows as object[]);
    });
    const name = old.name;
    old.close();

    const current = new QdaDatabase(name, { indexedDB: factory, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    const snapshot = await loadProjectData(current, data.tables.projects[0].id);
    expect(snapshot.project.name).toBe('Proyecto guardado en v1');
    expect(snapshot.sources.map((s) => s.name)).toEqual(['ARIII_telefonica']);
    expect(snapshot.contents[0].text).toBe('E: ¿Cómo fue?\nARIII: Más cercanía 😊');
    expect(snapshot.cases[0].values).toEqual({ 'attr-role': 'Professional' });
    expect(snapshot.segments).toHaveLength(1);
    current.close();
  });
});
