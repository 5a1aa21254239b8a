import { enforceTargets, targetLine, type Target } from './targets';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { test } from 'vitest';
import { coreAlias } from '../../renderer/core-alias';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium';

const FILES = Number(process.env.BENCH_FILES ?? 500);
const TARGET_RATIO = 2.0;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

test(`import throughput in Chromium: ${FILES} transcripts of about 5,000 words`, async () => {
  const server = await createServer({
    root: new URL('./browser', import.meta.url).pathname,
    logLevel: 'error',
    resolve: { alias: coreAlias },
    server: { port: 0, fs: { allow: [new URL('../..', import.meta.url).pathname] } },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.resolvedUrls!.local[0]}?files=${FILES}`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 20 * 60_000, polling: 500 });
    const r = (await page.evaluate(() => window.__bench)) as Record<string, number> & { error?: string; perRound: string };
    if (r.error) throw new Error(r.error);
    const ratio = r.importMs / r.rawMs;
    const ratioTarget: Target = { what: 'ratio import / raw', value: ratio, atMost: TARGET_RATIO, unit: '×' };
    const perSecond = (n: number, ms: number) => n / (ms / 1000);
    console.log(
      [
        `Import benchmark (Chromium, real IndexedDB, ${r.cores} cores): ${r.files} transcripts, ${mb(r.bytes)} MB, ${r.words.toLocaleString('en')} words`,
        `  importSource + store : ${(r.importMs / 1000).toFixed(2)} s = ${perSecond(r.bytes / 1024 / 1024, r.importMs).toFixed(2)} MB/s, ${Math.round(perSecond(r.words, r.importMs)).toLocaleString('en')} words/s`,
        `  pipeline             : last file parsed at ${(r.lastParsedAt / 1000).toFixed(2)} s; the store was busy ${(r.storeBusyMs / 1000).toFixed(2)} s in ${r.groups} transactions`,
        `  parsing alone        : ${(r.parseMs / 1000).toFixed(2)} s (the worker, nothing stored)`,
        `  storing alone        : ${(r.storeMs / 1000).toFixed(2)} s = ${(r.storeMs / r.rawMs).toFixed(2)} × raw (already parsed, in groups; with cases, sources, history)`,
        `  raw Dexie bulkPut    : ${(r.rawMs / 1000).toFixed(2)} s = ${perSecond(r.bytes / 1024 / 1024, r.rawMs).toFixed(2)} MB/s`,
        `  raw, one put per file: ${(r.rawPerFileMs / 1000).toFixed(2)} s (the floor when each file is its own transaction)`,
        `  rounds (import/raw ms): ${r.perRound} (median compared below; the worker warmed up first)`,
        targetLine(ratioTarget, 20),
        `  ratio import / floor : ${(r.importMs / r.rawPerFileMs).toFixed(2)} (against one transaction per file, no parsing)`,
        `  reading the files    : ${(r.readMs / 1000).toFixed(2)} s on its own, from File objects as a researcher chooses them (File.arrayBuffer(), 32 at a time; not in the ratio: the raw limit reads no file)`,
        `  peak JS heap         : ${mb(r.peakHeap)} MB`,
      ].join('\n'),
    );
    enforceTargets([ratioTarget]);
  } finally {
    await browser.close();
    await server.close();
  }
});
