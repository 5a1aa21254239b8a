import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { root } from '../unit/helpers';

/**
 * Runs src/import on hostile files the way the app must survive them: each file in a
 * child process with a time limit and a memory limit, so a file that hangs or exhausts
 * memory is seen as such (the process is killed and replaced) instead of stopping the run.
 * (A process, not a worker thread: memory outside the JavaScript heap, such as a huge
 * buffer, is not bounded by a worker's limits, and running out of it ends the whole process.)
 */

export interface FuzzCase {
  /** What the case is, for the report ("flood of '<' in .html"). */
  label: string;
  name: string;
  bytes: Uint8Array;
}

export interface FuzzOutcome {
  label: string;
  name: string;
  inputBytes: number;
  /** finished: a result came back; hang: over the time limit; memory: over the memory limit; crash: the worker died. */
  status: 'finished' | 'hang' | 'memory' | 'crash';
  ok?: boolean;
  code?: string;
  message?: string;
  textChars?: number;
  /** Lone surrogates in what came out (must be none: they would break exports). */
  loneSurrogates?: number;
  ms: number;
}

export interface IsolationLimits {
  timeMs: number;
  memoryMb: number;
}

const OUT_DIR = `${root}node_modules/.cache/qda-fuzz/`;
let bundled: Promise<string> | null = null;

/** src/import as one ES module Node can load in a worker (its libraries stay in node_modules). */
function bundleImporter(): Promise<string> {
  bundled ??= (async () => {
    const { rolldown } = await import('rolldown');
    mkdirSync(OUT_DIR, { recursive: true });
    const bundle = await rolldown({
      input: `${root}src/import/index.ts`,
      platform: 'node',
      external: (id) => !id.startsWith('.') && !isAbsolute(id),
      logLevel: 'silent',
    });
    await bundle.write({ dir: `${OUT_DIR}import`, format: 'esm', entryFileNames: 'index.mjs', chunkFileNames: '[name]-[hash].mjs' });
    await bundle.close();
    writeFileSync(`${OUT_DIR}runner.mjs`, RUNNER);
    return `${OUT_DIR}import/index.mjs`;
  })();
  return bundled;
}

const RUNNER = `
const { importSource } = await import(process.argv[2]);
const parentPort = { postMessage: (m) => process.send(m), on: (e, f) => process.on(e, f) };
const LONE = /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/g;
parentPort.on('message', async ({ name, bytes }) => {
  const started = performance.now();
  const r = await importSource({ name, bytes });
  const ms = performance.now() - started;
  if (r.ok) {
    let textChars = 0, loneSurrogates = 0;
    for (const s of r.sources) { textChars += s.text.length; loneSurrogates += (s.text.match(LONE) ?? []).length; }
    parentPort.postMessage({ ok: true, textChars, loneSurrogates, ms });
  } else parentPort.postMessage({ ok: false, code: r.error.code, message: r.error.message, ms });
});
parentPort.postMessage('ready');
`;

/** Runs the cases `parallel` at a time, each in a worker with the given limits. */
export async function runIsolated(cases: FuzzCase[], limits: IsolationLimits, parallel = 2): Promise<FuzzOutcome[]> {
  const bundle = await bundleImporter();
  const outcomes: FuzzOutcome[] = new Array(cases.length);
  let next = 0;
  const lane = async () => {
    let child: ChildProcess | null = null;
    const fresh = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const c = fork(`${OUT_DIR}runner.mjs`, [bundle], {
          execArgv: [`--max-old-space-size=${limits.memoryMb}`, '--stack-size=4000'],
          serialization: 'advanced',
          stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        });
        c.once('message', () => resolve(c));
        c.once('error', reject);
      });
    while (next < cases.length) {
      const index = next++;
      const c = cases[index];
      child ??= await fresh();
      const w: ChildProcess = child;
      const started = performance.now();
      outcomes[index] = await new Promise<FuzzOutcome>((resolve) => {
        const base = { label: c.label, name: c.name, inputBytes: c.bytes.length };
        const done = (o: Omit<FuzzOutcome, 'label' | 'name' | 'inputBytes'>, kill: boolean) => {
          clearTimeout(timer);
          w.removeAllListeners();
          if (kill) {
            w.kill('SIGKILL');
            child = null;
          }
          resolve({ ...base, ...o });
        };
        const timer = setTimeout(() => done({ status: 'hang', ms: performance.now() - started }, true), limits.timeMs);
        w.once('message', (m: Omit<FuzzOutcome, 'label' | 'name' | 'inputBytes' | 'status'>) => done({ status: 'finished', ...m }, false));
        // A process that runs out of heap aborts (SIGABRT) or is killed by the system.
        w.once('exit', (code, signal) =>
          done(
            {
              status: signal === 'SIGABRT' || code === 134 || signal === 'SIGKILL' ? 'memory' : 'crash',
              message: `the importer stopped (${signal ?? code})`,
              ms: performance.now() - started,
            },
            true,
          ),
        );
        w.send({ name: c.name, bytes: c.bytes });
      });
    }
    (child as ChildProcess | null)?.kill('SIGKILL');
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return outcomes;
}
