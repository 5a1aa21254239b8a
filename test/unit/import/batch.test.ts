import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { runImportBatch, type BatchEvent, type BatchFile, type ParsedFile, type StoreOutcome } from '../../../src/import/batch';
import { fixture, utf8 } from '../helpers';

const file = (name: string, bytes: Uint8Array): BatchFile => ({ name, read: async () => bytes });
const asRequest = async (f: BatchFile, bytes: Uint8Array) => ({ name: f.name, bytes });

function collect() {
  const events: BatchEvent[] = [];
  const final = () => {
    const last = new Map<number, BatchEvent>();
    for (const e of events) last.set(e.index, e);
    return [...last.values()].sort((a, b) => a.index - b.index).map((e) => e.status);
  };
  return { events, onEvent: (e: BatchEvent) => events.push(e), final };
}

const addAll = async (files: ParsedFile[]): Promise<StoreOutcome[]> => files.map(() => ({ status: 'added', sources: 1 }));

describe('importing a batch of files', () => {
  it('imports every good file, reports each bad one, and never stops on a bad one', async () => {
    const stored: string[] = [];
    const { onEvent, final, events } = collect();
    await runImportBatch(
      [file('a.txt', utf8('Uno.')), file('truncated.docx', fixture('bad-input/truncated.docx')), file('b.txt', utf8('Dos.'))],
      {
        prepare: asRequest,
        parse: importSource,
        store: async (files) => {
          stored.push(...files.map((r) => r.sources[0].name));
          return addAll(files);
        },
      },
      onEvent,
    );
    expect(final()).toEqual(['done', 'error', 'done']);
    expect(stored).toEqual(['a', 'b']);
    expect(events.find((e) => e.status === 'error')?.error?.message).toMatch(/damaged Word file/);
  });

  it('stores in file order, groups of files in one go, parsing ahead while storing', async () => {
    const log: string[] = [];
    let thirdParsed: () => void = () => undefined;
    const third = new Promise<void>((res) => (thirdParsed = res));
    let firstStoreBegan: () => void = () => undefined;
    const firstStore = new Promise<void>((res) => (firstStoreBegan = res));
    await runImportBatch(
      ['1.txt', '2.txt', '3.txt', '4.txt', '5.txt'].map((n) => file(n, utf8(`Texto ${n}`))),
      {
        prepare: asRequest,
        parse: async (req) => {
          // File 2 waits until file 1 is being stored, so the first group is file 1 alone.
          if (req.name === '2.txt') await firstStore;
          const result = await importSource(req);
          log.push(`parsed ${req.name}`);
          if (req.name === '3.txt') thirdParsed();
          return result;
        },
        store: async (files) => {
          const names = files.map((f) => f.sources[0].originalFileName).join(',');
          log.push(`store ${names}`);
          // The first store lasts until two more files are parsed, as a slow disk would:
          // it ends only if the batch goes on parsing while it stores.
          if (names === '1.txt') {
            firstStoreBegan();
            await third;
          }
          log.push(`stored ${names}`);
          return addAll(files);
        },
      },
      () => undefined,
      () => false,
      { groupFiles: 2 },
    );
    const stores = log.filter((l) => l.startsWith('store '));
    // What was parsed during the first store goes in together; later groups take what is ready.
    expect(stores.slice(0, 2)).toEqual(['store 1.txt', 'store 2.txt,3.txt']);
    expect(stores.join(' ').match(/\d/g)).toEqual(['1', '2', '3', '4', '5']);
    expect(stores.every((s) => s.split(',').length <= 2)).toBe(true);
    expect(log.indexOf('parsed 3.txt')).toBeLessThan(log.indexOf('stored 1.txt'));
  });

  it('cancels before the next file, reporting the rest as cancelled', async () => {
    let cancel = false;
    const { onEvent, final } = collect();
    await runImportBatch(
      ['1.txt', '2.txt', '3.txt'].map((n) => file(n, utf8(n))),
      {
        prepare: asRequest,
        parse: importSource,
        store: async (files) => {
          cancel = true;
          return addAll(files);
        },
      },
      onEvent,
      () => cancel,
      { groupFiles: 1 },
    );
    expect(final()).toEqual(['done', 'cancelled', 'cancelled']);
  });

  it('reports duplicates and skipped files; a failing group is retried file by file so only the bad file fails', async () => {
    const { onEvent, final } = collect();
    const attempts: number[] = [];
    let lastParsed: () => void = () => undefined;
    const last = new Promise<void>((res) => (lastParsed = res));
    let firstStoreBegan: () => void = () => undefined;
    const firstStore = new Promise<void>((res) => (firstStoreBegan = res));
    await runImportBatch(
      [file('first.txt', utf8('w')), file('dup.txt', utf8('x')), file('survey.csv', utf8('a,b')), file('boom.txt', utf8('y')), file('ok.txt', utf8('z'))],
      {
        prepare: async (f, bytes) => (f.name.endsWith('.csv') ? null : { name: f.name, bytes }),
        parse: async (req) => {
          // The first file is stored alone: the next waits until that store has begun.
          if (req.name === 'dup.txt') await firstStore;
          const result = await importSource(req);
          // Let the batch take in this result before the first store ends.
          if (req.name === 'ok.txt') setTimeout(lastParsed, 0);
          return result;
        },
        store: async (files): Promise<StoreOutcome[]> => {
          attempts.push(files.length);
          // While the first file is stored, the others are parsed: they come as one group.
          if (attempts.length === 1) {
            firstStoreBegan();
            await last;
          }
          if (files.some((f) => f.sources[0].originalFileName === 'boom.txt')) throw new Error('quota exceeded');
          return files.map((f) => (f.sources[0].originalFileName === 'dup.txt' ? { status: 'duplicate', existingName: 'dup' } : { status: 'added', sources: 1 }));
        },
      },
      onEvent,
    );
    expect(final()).toEqual(['done', 'duplicate', 'skipped', 'error', 'done']);
    expect(attempts).toEqual([1, 3, 1, 1, 1]);
  });

  it('asks about one survey at a time, in file order', async () => {
    const asked: string[] = [];
    let open = 0;
    await runImportBatch(
      ['a.csv', 'b.csv', 'c.txt'].map((n) => file(n, utf8('id,comment\nR1,una respuesta larga con muchas palabras para ser abierta\n'))),
      {
        prepare: async (f, bytes) => {
          open++;
          expect(open).toBe(1);
          asked.push(f.name);
          await new Promise((res) => setTimeout(res, 3));
          open--;
          return { name: f.name, bytes };
        },
        parse: importSource,
        store: addAll,
      },
      () => undefined,
    );
    expect(asked).toEqual(['a.csv', 'b.csv', 'c.txt']);
  });
});

describe('a file over the size limit in a batch', () => {
  it('is refused by its size, without being read', async () => {
    let read = false;
    const events: BatchEvent[] = [];
    await runImportBatch(
      [{ name: 'video.txt', size: 3 * 1024 * 1024, read: async () => ((read = true), new Uint8Array()) }],
      { prepare: asRequest, parse: importSource, store: addAll },
      (e) => events.push(e),
      () => false,
      { maxBytes: 2 * 1024 * 1024 },
    );
    expect(read).toBe(false);
    expect(events.at(-1)).toMatchObject({ status: 'error', error: { code: 'too-large', fileName: 'video.txt', message: 'the file is 3.0 MB, over the size limit of 2.0 MB' } });
  });
});

describe('reading a folder ahead of the files being prepared', () => {
  it('reads many small files side by side, but holds only a few large ones at a time', async () => {
    const largest = async (sizeOfEach: number) => {
      let reading = 0;
      let most = 0;
      const files: BatchFile[] = Array.from({ length: 40 }, (_, i) => ({
        name: `P${i + 1}.txt`,
        size: sizeOfEach,
        read: async () => {
          most = Math.max(most, ++reading);
          await new Promise((r) => setTimeout(r, 1));
          reading--;
          return utf8(`E: Hola\nP${i + 1}: Buenas`);
        },
      }));
      await runImportBatch(
        files,
        { prepare: asRequest, parse: async (r) => importSource({ ...r }), store: addAll },
        () => undefined,
        () => false,
        { maxBytes: 100 * 1024 * 1024 },
      );
      return most;
    };
    expect(await largest(30 * 1024)).toBeGreaterThan(8);
    expect(await largest(20 * 1024 * 1024)).toBeLessThanOrEqual(2);
  });
});
