// Runs in Chromium against real IndexedDB: import through importSource + the store, then
// the raw limit (the same texts bulk-put with no parsing). Reports to window.__bench.
import { QdaDatabase } from '../../../src/db/database';
import { createProject } from '../../../src/db/projects';
import { addImportedFiles, addImportedSources } from '../../../src/db/sources';
import { importSource } from '../../../src/import';
import { runImportBatch } from '../../../src/import/batch';
import { createWebBridge } from '../../../renderer/src/bridge/web';

const bridge = createWebBridge();
import { seededRandom, transcript } from '../generate';

declare global {
  interface Window {
    __bench?: Record<string, number> | { error: string };
  }
}

const params = new URLSearchParams(location.search);
const FILES = Number(params.get('files') ?? 500);
const WORDS = Number(params.get('words') ?? 5000);

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

async function run() {
  await Promise.all(['bench-import', 'bench-raw', 'bench-raw-per-file', 'bench-store'].map((n) => new QdaDatabase(n).delete()));
  const random = seededRandom(2023);
  const files = Array.from({ length: FILES }, (_, i) => ({
    name: `P${String(i + 1).padStart(3, '0')}_entrevista.txt`,
    bytes: new TextEncoder().encode(transcript(random, WORDS, `P${i + 1}`)),
  }));
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  let peakHeap = heap();
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, heap())), 10);

  // Parsing alone, to show where the time goes.
  const tp = performance.now();
  const parsed = [];
  for (const f of files) parsed.push(await importSource(f));
  const parseMs = performance.now() - tp;

  // Storing alone (already parsed), into a database of its own.
  const storeDb = new QdaDatabase('bench-store');
  const storeProject = await createProject(storeDb, 'Bench');
  const ts = performance.now();
  for (const r of parsed) if (r.ok) await addImportedSources(storeDb, storeProject.id, r);
  const storeMs = performance.now() - ts;
  storeDb.close();

  const db = new QdaDatabase('bench-import');
  const project = await createProject(db, 'Bench');
  let words = 0;
  const t0 = performance.now();
  // The same path as the import panel in a browser: the web bridge parses in a worker while
  // earlier files are stored, in groups of whole files.
  await runImportBatch(
    files.map((f) => ({ name: f.name, read: async () => f.bytes })),
    {
      prepare: async (file, bytes) => ({ name: file.name, bytes }),
      parse: (request) => bridge.importSource(request),
      async store(parsed) {
        for (const r of parsed) words += r.sources[0].words;
        await addImportedFiles(db, project.id, parsed.map((imported) => ({ imported })));
        return parsed.map(() => ({ status: 'added', sources: 1 }) as const);
      },
    },
    (e) => {
      if (e.status === 'error') throw new Error(e.error?.message);
    },
  );
  const importMs = performance.now() - t0;

  const raw = new QdaDatabase('bench-raw');
  await raw.open();
  const decoder = new TextDecoder();
  const t1 = performance.now();
  await raw.sourceContents.bulkPut(files.map((f, i) => ({ sourceId: `s${i}`, projectId: 'p', text: decoder.decode(f.bytes), paragraphs: [], turns: [], annotations: [] })));
  const rawMs = performance.now() - t1;
  // The floor for one transaction per file, which an import must keep (all or nothing per file).
  const perFile = new QdaDatabase('bench-raw-per-file');
  await perFile.open();
  const t2 = performance.now();
  for (const [i, f] of files.entries()) {
    await perFile.sourceContents.put({ sourceId: `s${i}`, projectId: 'p', text: decoder.decode(f.bytes), paragraphs: [], turns: [], annotations: [] });
  }
  const rawPerFileMs = performance.now() - t2;
  perFile.close();
  clearInterval(sampler);
  db.close();
  raw.close();
  return { files: FILES, bytes, words, importMs, rawMs, rawPerFileMs, parseMs, storeMs, peakHeap };
}

run().then(
  (r) => {
    window.__bench = r;
    document.getElementById('out')!.textContent = JSON.stringify(r, null, 2);
  },
  (e: unknown) => (window.__bench = { error: String(e) }),
);
