import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { codeText, createCode, createMemo } from '../../../src/db/coding';
import { createProject } from '../../../src/db/projects';
import { addImportedFiles, addImportedSources } from '../../../src/db/sources';
import { saveTypedField } from '../../../src/db/typed-fields';
import { importSource } from '../../../src/import';
import { runImportBatch, type BatchEvent } from '../../../src/import/batch';
import { isStorageFull } from '../../../src/util/storage';
import { freshDatabase, utf8 } from '../helpers';

/** A store whose disk fills up when told: from then on every write fails as IndexedDB fails it. */
function storeThatFillsUp() {
  const disk = { full: false };
  const db = freshDatabase();
  const fillUp: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'FullDisk',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (disk.full ? Promise.reject(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })) : table.mutate(req)),
        };
      },
    }),
  };
  db.use(fillUp);
  return { db, disk };
}

async function transcript(name: string, text: string) {
  const r = await importSource({ name, bytes: utf8(text) });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('a disk that fills up', () => {
  it('refuses coding and typing with a storage error and changes nothing', async () => {
    const { db, disk } = storeThatFillsUp();
    const p = await createProject(db, 'ViDA');
    const added = await addImportedSources(db, p.id, await transcript('ARIII.txt', 'E: ¿Qué cambió?\nARIII: La confianza.'));
    if (added.status !== 'added') throw new Error('not added');
    const code = await createCode(db, p.id, 'Confianza');
    const memo = await createMemo(db, p.id, { title: 'Notas', body: 'antes', type: 'memo', date: '2026-12-01', links: {} });
    const before = JSON.stringify(await Promise.all([db.segments.toArray(), db.memos.toArray(), db.undoLog.count()]));
    disk.full = true;
    const coding = await codeText(db, { projectId: p.id, sourceId: added.sources[0].id, codeId: code.id, start: 0, end: 5, coderId: 'c' }).catch((e: unknown) => e);
    const typing = await saveTypedField(db, { kind: 'memo', id: memo.id, field: 'body' }, 'antes y después', 'antes', 's', '—').catch((e: unknown) => e);
    expect(isStorageFull(coding)).toBe(true);
    expect(isStorageFull(typing)).toBe(true);
    disk.full = false;
    expect(JSON.stringify(await Promise.all([db.segments.toArray(), db.memos.toArray(), db.undoLog.count()]))).toBe(before);
  });

  it('stops an import file by file with "not enough storage space", never half a file, the files before kept whole', async () => {
    const { db, disk } = storeThatFillsUp();
    const p = await createProject(db, 'ViDA');
    const files = ['P1', 'P2', 'P3', 'P4'].map((n) => ({ name: `${n}.txt`, size: 40, read: async () => utf8(`E: ¿Cómo está?\n${n}: Bien, gracias.`) }));
    const events: BatchEvent[] = [];
    await runImportBatch(
      files,
      {
        prepare: async (file, bytes) => ({ name: file.name, bytes }),
        parse: (request) => importSource(request),
        async store(parsed) {
          // The disk fills up once two files are in.
          if ((await db.sources.count()) >= 2) disk.full = true;
          const outcomes = await addImportedFiles(
            db,
            p.id,
            parsed.map((imported) => ({ imported })),
          );
          return outcomes.map((o) =>
            o.status === 'duplicate' ? { status: 'duplicate' as const, existingName: o.existing.name } : { status: 'added' as const, sources: o.sources.length },
          );
        },
      },
      (e) => e.status !== 'working' && events.push(e),
      () => false,
      { groupFiles: 1 },
    );
    disk.full = false;
    expect(events.map((e) => (e.status === 'error' ? e.error!.code : e.status))).toEqual(['done', 'done', 'storage-full', 'storage-full']);
    const sources = await db.sources.toArray();
    expect(sources.map((s) => s.name).sort()).toEqual(['P1', 'P2']);
    // Every source kept has its text: nothing half-written.
    expect((await db.sourceContents.bulkGet(sources.map((s) => s.id))).every((c) => c && c.text.length > 0)).toBe(true);
  });
});
