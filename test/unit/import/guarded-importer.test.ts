import { describe, expect, it } from 'vitest';
import { createGuardedImporter, type ImportWorker } from '../../../src/import/guarded-importer';
import type { ImportRequest } from '../../../src/import';
import type { PackedImportResult } from '../../../src/import/packed-result';

/**
 * Fake workers: a file named "hang…" never finishes, "crash…" kills its worker, any other
 * file is parsed at once. Each worker records what it was sent.
 */
function fakeWorkers() {
  const spawned: { batches: string[][]; terminated: boolean }[] = [];
  const spawn = (): ImportWorker => {
    const record = { batches: [] as string[][], terminated: false };
    spawned.push(record);
    let deliver: (r: { id: number; result: PackedImportResult }[]) => void = () => undefined;
    let fail: (reason: string) => void = () => undefined;
    return {
      post(batch) {
        record.batches.push(batch.map((b) => b.request.name));
        if (batch.some((b) => b.request.name.startsWith('hang'))) return;
        if (batch.some((b) => b.request.name.startsWith('crash'))) return void setTimeout(() => fail('out of memory'), 1);
        setTimeout(
          () =>
            deliver(
              batch.map(({ id, request }) => ({ id, result: { ok: true, sources: [], cases: [], warnings: [{ code: 'comments-aside', params: {}, message: request.name }] } })),
            ),
          1,
        );
      },
      onResults: (l) => void (deliver = l),
      onFailure: (l) => void (fail = l),
      terminate: () => void (record.terminated = true),
    };
  };
  return { spawn, spawned };
}

const file = (name: string): ImportRequest => ({ name, bytes: new Uint8Array([1, 2, 3]) });
const outcome = (r: PackedImportResult) => (r.ok ? `ok ${r.warnings[0].message}` : `${r.error.code} ${r.error.fileName}`);

describe('an import that one file cannot stop', () => {
  it('refuses the file that takes too long, and imports the others of its batch', async () => {
    const { spawn, spawned } = fakeWorkers();
    const importer = createGuardedImporter(spawn, { timeLimitMs: 50, maxBatch: 16 });
    const results = await Promise.all(['P1.txt', 'hang.html', 'P2.txt'].map((n) => importer(file(n))));
    expect(results.map(outcome)).toEqual(['ok P1.txt', 'too-slow hang.html', 'ok P2.txt']);
    // The batch went together, then one file at a time to fresh workers once it stalled.
    expect(spawned[0].batches[0]).toEqual(['P1.txt', 'hang.html', 'P2.txt']);
    expect(spawned[0].terminated).toBe(true);
    const r = results[1];
    expect(!r.ok && r.error.message).toBe('took too long to read (over 0 seconds)');
  });

  it('refuses a file that kills its worker, and a new worker goes on with the next files', async () => {
    const { spawn, spawned } = fakeWorkers();
    const importer = createGuardedImporter(spawn, { timeLimitMs: 1000, maxBatch: 16 });
    const first = await Promise.all(['crash.docx', 'P3.txt'].map((n) => importer(file(n))));
    expect(first.map(outcome)).toEqual(['stopped-importer crash.docx', 'ok P3.txt']);
    expect(outcome(await importer(file('P4.txt')))).toBe('ok P4.txt');
    expect(spawned.length).toBeGreaterThanOrEqual(2);
  });

  it('sends files asked for together in batches of at most maxBatch', async () => {
    const { spawn, spawned } = fakeWorkers();
    const importer = createGuardedImporter(spawn, { timeLimitMs: 1000, maxBatch: 2 });
    await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((n) => importer(file(n))));
    expect(spawned[0].batches).toEqual([['a.txt', 'b.txt'], ['c.txt']]);
  });
});

describe('messages that are not results', () => {
  it('are ignored: a library posting in the same worker does not stall the import', async () => {
    let deliver: (r: unknown) => void = () => undefined;
    const importer = createGuardedImporter(
      () => ({
        post(batch) {
          setTimeout(() => deliver(undefined), 1);
          setTimeout(() => deliver(batch.map(({ id }) => ({ id, result: { ok: true, sources: [], cases: [], warnings: [] } }))), 5);
        },
        onResults: (l) => void (deliver = l as never),
        onFailure: () => undefined,
        terminate: () => undefined,
      }),
      { timeLimitMs: 1000, maxBatch: 16 },
    );
    expect((await importer({ name: 'a.pdf', bytes: new Uint8Array([1]) })).ok).toBe(true);
  });
});
