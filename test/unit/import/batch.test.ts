import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { runImportBatch, type BatchEvent, type BatchFile, type StoreOutcome } from '../../../src/import/batch';
import { fixture, utf8 } from '../helpers';

const file = (name: string, bytes: Uint8Array): BatchFile => ({ name, read: async () => bytes });

function collect() {
  const events: BatchEvent[] = [];
  const final = () => {
    const last = new Map<number, BatchEvent>();
    for (const e of events) last.set(e.index, e);
    return [...last.values()].sort((a, b) => a.index - b.index).map((e) => e.status);
  };
  return { events, onEvent: (e: BatchEvent) => events.push(e), final };
}

describe('importing a batch of files', () => {
  it('imports every good file, reports each bad one, and never stops on a bad one', async () => {
    const stored: string[] = [];
    const { onEvent, final, events } = collect();
    await runImportBatch(
      [file('a.txt', utf8('Uno.')), file('truncated.docx', fixture('bad-input/truncated.docx')), file('b.txt', utf8('Dos.'))],
      {
        prepare: async (f, bytes) => ({ name: f.name, bytes }),
        parse: importSource,
        store: async (r): Promise<StoreOutcome> => {
          stored.push(r.sources[0].name);
          return { status: 'added', sources: 1 };
        },
      },
      onEvent,
    );
    expect(final()).toEqual(['done', 'error', 'done']);
    expect(stored).toEqual(['a', 'b']);
    expect(events.find((e) => e.status === 'error')?.error?.message).toMatch(/damaged Word file/);
  });

  it('stores files in order even though the next file is parsed while one is stored', async () => {
    const order: string[] = [];
    await runImportBatch(
      ['1.txt', '2.txt', '3.txt'].map((n) => file(n, utf8(`Texto ${n}`))),
      {
        prepare: async (f, bytes) => ({ name: f.name, bytes }),
        parse: async (req) => {
          order.push(`parse ${req.name}`);
          return importSource(req);
        },
        store: async (r) => {
          order.push(`store start ${r.sources[0].originalFileName}`);
          await new Promise((res) => setTimeout(res, 5));
          order.push(`store end ${r.sources[0].originalFileName}`);
          return { status: 'added', sources: 1 };
        },
      },
      () => undefined,
    );
    expect(order.filter((o) => o.startsWith('store'))).toEqual(['store start 1.txt', 'store end 1.txt', 'store start 2.txt', 'store end 2.txt', 'store start 3.txt', 'store end 3.txt']);
    expect(order.indexOf('parse 2.txt')).toBeLessThan(order.indexOf('store end 1.txt'));
  });

  it('cancels before the next file, reporting the rest as cancelled', async () => {
    let cancel = false;
    const { onEvent, final } = collect();
    await runImportBatch(
      ['1.txt', '2.txt', '3.txt'].map((n) => file(n, utf8(n))),
      {
        prepare: async (f, bytes) => ({ name: f.name, bytes }),
        parse: importSource,
        store: async () => {
          cancel = true;
          return { status: 'added', sources: 1 };
        },
      },
      onEvent,
      () => cancel,
    );
    expect(final()).toEqual(['done', 'cancelled', 'cancelled']);
  });

  it('reports duplicates and skipped files, and a store failure as an error for that file only', async () => {
    const { onEvent, final } = collect();
    await runImportBatch(
      [file('dup.txt', utf8('x')), file('survey.csv', utf8('a,b')), file('boom.txt', utf8('y')), file('ok.txt', utf8('z'))],
      {
        prepare: async (f, bytes) => (f.name.endsWith('.csv') ? null : { name: f.name, bytes }),
        parse: importSource,
        store: async (r): Promise<StoreOutcome> => {
          const name = r.sources[0].originalFileName;
          if (name === 'dup.txt') return { status: 'duplicate', existingName: 'dup' };
          if (name === 'boom.txt') throw new Error('quota exceeded');
          return { status: 'added', sources: 1 };
        },
      },
      onEvent,
    );
    expect(final()).toEqual(['duplicate', 'skipped', 'error', 'done']);
  });
});

describe('a file over the size limit in a batch', () => {
  it('is refused by its size, without being read', async () => {
    let read = false;
    const events: BatchEvent[] = [];
    await runImportBatch(
      [{ name: 'video.txt', size: 3 * 1024 * 1024, read: async () => ((read = true), new Uint8Array()) }],
      { prepare: async (f, bytes) => ({ name: f.name, bytes }), parse: importSource, store: async () => ({ status: 'added', sources: 1 }) },
      (e) => events.push(e),
      () => false,
      2 * 1024 * 1024,
    );
    expect(read).toBe(false);
    expect(events.at(-1)).toMatchObject({ status: 'error', error: { code: 'too-large', fileName: 'video.txt', message: 'the file is 3.0 MB, over the size limit of 2.0 MB' } });
  });
});
