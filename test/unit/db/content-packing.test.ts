import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { QdaDatabase } from '../../../src/db/database';
import { SCHEMA_HISTORY } from '../../../src/db/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packContent, unpackContent } from '../../../src/db/content-packing';
import type { SourceContent } from '../../../src/model/types';
import { freshDatabase } from '../helpers';

const interview: SourceContent = {
  sourceId: 's1',
  projectId: 'p1',
  text: 'E: ¿Qué cambió?\nARIII: Más cercanía.',
  paragraphs: [
    { start: 0, end: 15 },
    { start: 16, end: 36 },
  ],
  turns: [
    { speaker: 'E', start: 0, end: 15 },
    { speaker: 'ARIII', start: 16, end: 36 },
  ],
  annotations: [{ kind: 'comment', label: 'MP', text: 'ver informe' }],
};

/** Reads a row as IndexedDB holds it, below Dexie. */
async function storedRow(db: ReturnType<typeof freshDatabase>, key: string): Promise<Record<string, unknown>> {
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const req = idb.transaction('sourceContents').objectStore('sourceContents').get(key);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('keeping a transcript’s paragraphs and speaker turns compactly', () => {
  it('gives back exactly the paragraphs and turns it was given, with and without media times', () => {
    const turn = fc.record(
      { speaker: fc.string({ maxLength: 12 }), start: fc.nat(), end: fc.nat(), startTime: fc.double({ noNaN: true }), endTime: fc.double({ noNaN: true }) },
      { requiredKeys: ['speaker', 'start', 'end'] },
    );
    const content = fc.record({
      sourceId: fc.string(),
      projectId: fc.string(),
      text: fc.string(),
      paragraphs: fc.array(fc.record({ start: fc.nat(), end: fc.nat() })),
      turns: fc.array(turn),
      annotations: fc.constant([] as SourceContent['annotations']),
    });
    fc.assert(
      fc.property(content, (c) => {
        expect(unpackContent(packContent(c as SourceContent))).toEqual(c);
      }),
    );
  });

  it('stores offsets as typed arrays and reads them back as paragraphs and turns', async () => {
    const db = freshDatabase();
    await db.sourceContents.put(interview);
    const stored = await storedRow(db, 's1');
    expect(stored.paragraphs).toBeInstanceOf(Uint32Array);
    expect(await db.sourceContents.get('s1')).toEqual(interview);
    expect(await db.sourceContents.where('projectId').equals('p1').toArray()).toEqual([interview]);
    expect(await db.sourceContents.bulkGet(['s1', 'missing'])).toEqual([interview, undefined]);
    const viaCursor: SourceContent[] = [];
    await db.sourceContents.each((c) => void viaCursor.push(c));
    expect(viaCursor).toEqual([interview]);
  });

  it('packs the plain rows an older version wrote, when the store is upgraded to version 3', async () => {
    const factory = new IDBFactory();
    const old = freshDatabase(
      SCHEMA_HISTORY.filter((v) => v.version <= 2),
      factory,
    );
    await old.open();
    await new Promise<void>((resolve, reject) => {
      const tx = old.backendDB().transaction('sourceContents', 'readwrite');
      tx.objectStore('sourceContents').put(interview);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    old.close();
    const db = new QdaDatabase(old.name, { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect((await storedRow(db, 's1')).paragraphs).toBeInstanceOf(Uint32Array);
    expect(await db.sourceContents.get('s1')).toEqual(interview);
  });
});
