// Runs in Chromium against real IndexedDB: import through importSource + the store, then
// the raw limit (the same texts bulk-put with no parsing). Reports to window.__bench.
import Dexie from 'dexie';
import { QdaDatabase } from '../../../src/db/database';
import { createProject } from '../../../src/db/projects';
import { addImportedFiles, importStepLabel } from '../../../src/db/sources';
import { runImportBatch } from '../../../src/import/batch';
import { createWebBridge } from '../../../renderer/src/bridge/web';

const bridge = createWebBridge();
import { seededRandom, transcript } from '../generate';

declare global {
  interface Window {
    __bench?: Record<string, number | string> | { error: string };
  }
}

const params = new URLSearchParams(location.search);
const FILES = Number(params.get('files') ?? 500);
const WORDS = Number(params.get('words') ?? 5000);
const ROUNDS = Number(params.get('rounds') ?? 5);
const STORE_GROUP = 64;

/**
 * Each measurement starts from a heap without the last one's garbage, so no round pays
 * for collecting another's (gc is exposed by the runner).
 */
function collectGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

async function run() {
  await Promise.all((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('bench-')).map((n) => Dexie.delete(n)));
  const random = seededRandom(2023);
  const files = Array.from({ length: FILES }, (_, i) => ({
    name: `P${String(i + 1).padStart(3, '0')}_entrevista.txt`,
    bytes: new TextEncoder().encode(transcript(random, WORDS, `P${i + 1}`)),
  }));
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  let peakHeap = heap();
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, heap())), 10);

  // Where the time goes: parsing alone (in the worker, as the app does) and storing alone
  // (already parsed, in groups as the pipeline stores them), each measured on its own.
  // The bridge takes the bytes it is given (as the app gives it each file's freshly read bytes): each call gets a copy.
  const fresh = (f: { name: string; bytes: Uint8Array }) => ({ name: f.name, bytes: f.bytes.slice() });
  await Promise.all(files.slice(0, 20).map((f) => bridge.importSource(fresh(f)))); // warm-up: the app starts its worker once
  const tp = performance.now();
  const parsed = (await Promise.all(files.map((f) => bridge.importSource(fresh(f))))).filter((r) => r.ok);
  const parseMs = performance.now() - tp;
  const storeDb = new QdaDatabase('bench-store');
  const storeProject = await createProject(storeDb, 'Bench');
  const ts = performance.now();
  const storeBatch = { id: 'store-alone', label: importStepLabel(files.map((f) => f.name)) };
  for (let i = 0; i < parsed.length; i += STORE_GROUP) {
    await addImportedFiles(
      storeDb,
      storeProject.id,
      parsed.slice(i, i + STORE_GROUP).map((imported) => ({ imported })),
      storeBatch,
    );
  }
  const storeMs = performance.now() - ts;
  storeDb.close();
  parsed.length = 0;
  // Peak memory is the import's own, not the measurements' above.
  collectGarbage();
  peakHeap = heap();

  // Import and raw limit alternate for a few rounds, each into a fresh database, and the
  // medians are compared: on a shared 2-core machine a single run of either swings by ±50%.
  const rounds: { importMs: number; rawMs: number; rawPerFileMs: number; lastParsedAt: number; storeBusyMs: number; groups: number }[] = [];
  let words = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const db = new QdaDatabase(`bench-import-${round}`);
    const project = await createProject(db, 'Bench');
    let lastParsedAt = 0;
    let storeBusyMs = 0;
    let groups = 0;
    words = 0;
    const batch = { id: `batch-${round}`, label: importStepLabel(files.map((f) => f.name)) };
    collectGarbage();
    const t0 = performance.now();
    // The same path as the import panel in a browser: the web bridge parses in a worker while
    // earlier files are stored, in groups of whole files.
    await runImportBatch(
      // Reading a file gives fresh bytes each time, as File.arrayBuffer() does in the app.
      files.map((f) => ({ name: f.name, read: async () => f.bytes.slice() })),
      {
        prepare: async (file, bytes) => ({ name: file.name, bytes }),
        parse: async (request) => {
          const r = await bridge.importSource(request);
          lastParsedAt = performance.now() - t0;
          return r;
        },
        async store(parsed) {
          const s = performance.now();
          for (const r of parsed) words += r.sources[0].words;
          await addImportedFiles(
            db,
            project.id,
            parsed.map((imported) => ({ imported })),
            batch,
          );
          storeBusyMs += performance.now() - s;
          groups++;
          return parsed.map(() => ({ status: 'added', sources: 1 }) as const);
        },
      },
      (e) => {
        if (e.status === 'error') throw new Error(e.error?.message);
      },
    );
    const importMs = performance.now() - t0;
    db.close();

    const raw = new QdaDatabase(`bench-raw-${round}`);
    await raw.open();
    const decoder = new TextDecoder();
    collectGarbage();
    const t1 = performance.now();
    await raw.sourceContents.bulkPut(files.map((f, i) => ({ sourceId: `s${i}`, projectId: 'p', text: decoder.decode(f.bytes), paragraphs: [], turns: [], annotations: [] })));
    const rawMs = performance.now() - t1;
    raw.close();
    // The floor for one transaction per file, which an import must keep (all or nothing per file).
    const perFile = new QdaDatabase(`bench-raw-per-file-${round}`);
    await perFile.open();
    const t2 = performance.now();
    for (const [i, f] of files.entries()) {
      await perFile.sourceContents.put({ sourceId: `s${i}`, projectId: 'p', text: decoder.decode(f.bytes), paragraphs: [], turns: [], annotations: [] });
    }
    const rawPerFileMs = performance.now() - t2;
    perFile.close();
    rounds.push({ importMs, rawMs, rawPerFileMs, lastParsedAt, storeBusyMs, groups });
  }
  clearInterval(sampler);
  // Reading the files a researcher chose (File.arrayBuffer(), 32 at a time as the import
  // does) comes before importSource; apart, since the raw limit reads no file either.
  const chosen = files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: 'text/plain' }));
  const tr = performance.now();
  for (let i = 0; i < chosen.length; i += 32) await Promise.all(chosen.slice(i, i + 32).map((f) => f.arrayBuffer()));
  const readMs = performance.now() - tr;
  const median = (pick: (r: (typeof rounds)[number]) => number) => rounds.map(pick).sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
  const importMs = median((r) => r.importMs);
  const rawMs = median((r) => r.rawMs);
  const rawPerFileMs = median((r) => r.rawPerFileMs);
  const { lastParsedAt, storeBusyMs, groups } = rounds.find((r) => r.importMs === importMs)!;
  const perRound = rounds.map((r) => `${Math.round(r.importMs)}/${Math.round(r.rawMs)}`).join(' ');
  return {
    cores: navigator.hardwareConcurrency,
    files: FILES,
    rounds: ROUNDS,
    perRound,
    bytes,
    words,
    lastParsedAt,
    storeBusyMs,
    groups,
    importMs,
    rawMs,
    rawPerFileMs,
    parseMs,
    storeMs,
    readMs,
    peakHeap,
  };
}

run().then(
  (r) => {
    window.__bench = r;
    document.getElementById('out')!.textContent = JSON.stringify(r, null, 2);
  },
  (e: unknown) => (window.__bench = { error: String(e) }),
);
