import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { QdaDatabase } from '../../../src/db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from '../../../src/db/schema';
import { loadProjectData } from '../../../src/db/snapshot';
import { freshDatabase } from '../helpers';
import v1 from './fixtures/project-v1.json';
import v2 from './fixtures/project-v2.json';
import { openStore } from '../../../src/db/open-store';
import { historyText, undo, undoState } from '../../../src/db/changes';
import { runAnalysis } from '../../../src/analysis/run';
import { errorText, ResearcherError } from '../../../src/model/errors';

/**
 * The migration pattern: a fixture written at schema version N is opened by the code of
 * version N+1 (here: the current code), and every row must come through. When version 2 is
 * added, a project-v2.json fixture joins this list and v1's expectations grow an upgrade check.
 */
const FIXTURES: { version: number; data: typeof v1 }[] = [
  { version: 1, data: v1 },
  { version: 2, data: v2 as typeof v1 },
];

describe('opening projects saved by older versions of the app', () => {
  it('keeps the schema history append-only, one version after another', () => {
    SCHEMA_HISTORY.forEach((v, i) => expect(v.version).toBe(i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_HISTORY.length);
  });

  it.each(FIXTURES)('opens a project written at schema version $version with every row intact', async ({ version, data }) => {
    const factory = new IDBFactory();
    const old = freshDatabase(
      SCHEMA_HISTORY.filter((v) => v.version <= version),
      factory,
    );
    await old.open();
    // Written as that version stored them, beneath the row codecs of today.
    await new Promise<void>((resolve, reject) => {
      const tx = old.backendDB().transaction(Object.keys(data.tables), 'readwrite');
      for (const [table, rows] of Object.entries(data.tables)) for (const row of rows as object[]) tx.objectStore(table).add(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const name = old.name;
    old.close();

    const current = new QdaDatabase(name, { indexedDB: factory, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    const snapshot = await loadProjectData(current, data.tables.projects[0].id);
    expect(snapshot.project.name).toBe(`Proyecto guardado en v${version}`);
    expect(snapshot.sources.map((s) => s.name)).toEqual(['ARIII_telefonica']);
    expect(snapshot.contents[0].text).toBe('E: ¿Cómo fue?\nARIII: Más cercanía 😊');
    expect(snapshot.cases[0].values).toEqual({ 'attr-role': 'Professional' });
    expect(snapshot.segments).toHaveLength(1);
    // From version 2: the record of an import cut short is still there to be shown.
    expect((await current.imports.toArray()).map((r) => r.status)).toEqual(version >= 2 ? ['running'] : []);
    // From version 3: notes and step names written as text read as messages, contents are packed,
    // analyses have typed definitions, and the old step can still be undone.
    expect(snapshot.sources[0].warnings).toEqual([
      { code: 'legacy', params: { text: '2 comments kept beside the text, not in it' }, message: '2 comments kept beside the text, not in it' },
    ]);
    expect(historyText((await undoState(current, 'proj-1')).undo, 'es')).toBe('Import “ARIII_telefonica.txt”');
    expect(snapshot.analyses[0].definition).toMatchObject({ type: 'framework', show: 'counts', matrix: { codeIds: ['code-1'] } });
    expect(runAnalysis(snapshot, { ...snapshot.analyses[0], definition: snapshot.analyses[0].definition! }).table.rows.map((r) => r.key)).toEqual(['case-1']);
    expect(snapshot.contents[0].paragraphs).toEqual([
      { start: 0, end: 13 },
      { start: 14, end: 35 },
    ]);
    await undo(current, 'proj-1');
    expect(await current.sources.count()).toBe(0);
    current.close();
  });
});

describe('a store the app cannot or may not open yet', () => {
  it('refuses a store written by a newer version of the app, and changes nothing in it', async () => {
    const factory = new IDBFactory();
    const newer = freshDatabase([...SCHEMA_HISTORY, { version: CURRENT_SCHEMA_VERSION + 1, stores: { comments: 'id, projectId' } }], factory);
    await newer.open();
    await newer.table('projects').add({ ...v1.tables.projects[0], name: 'Guardado por la versión nueva' });
    const name = newer.name;
    newer.close();

    const current = new QdaDatabase(name, { indexedDB: factory, IDBKeyRange });
    const refusal = await openStore(current).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ResearcherError);
    expect(errorText('es', refusal)).toContain(`datos versión ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(current.isOpen()).toBe(false);

    // The newer app finds its store as it left it.
    const reopened = new QdaDatabase(name, { indexedDB: factory, IDBKeyRange }, [
      ...SCHEMA_HISTORY,
      { version: CURRENT_SCHEMA_VERSION + 1, stores: { comments: 'id, projectId' } },
    ]);
    await reopened.open();
    expect(reopened.backendDB().version).toBe((CURRENT_SCHEMA_VERSION + 1) * 10);
    expect((await reopened.table('projects').toArray()).map((p: { name: string }) => p.name)).toEqual(['Guardado por la versión nueva']);
    reopened.close();
  });

  it('says so when an upgrade waits for another window, and goes on once it closes', async () => {
    const factory = new IDBFactory();
    const older = freshDatabase(SCHEMA_HISTORY.slice(0, 1), factory);
    await older.open();
    older.on('versionchange', () => false); // an old window that does not let go at once
    const current = new QdaDatabase(older.name, { indexedDB: factory, IDBKeyRange });
    let blocked = false;
    const opening = openStore(current, () => {
      blocked = true;
      older.close();
    });
    await opening;
    expect(blocked).toBe(true);
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
  });
});
