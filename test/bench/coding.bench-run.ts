import { enforceTargets, targetLine, type Target } from './targets';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = Number(process.env.BENCH_SOURCES ?? 500);
const SEGMENTS = Number(process.env.BENCH_SEGMENTS ?? 50_000);
const BIG_WORDS = 200_000;
const BIG_SEGMENTS = 5_000;

/**
 * Seeds the app's own IndexedDB (as the app itself would have stored it) with a large
 * project: 500 sources, one of them a 200,000-word transcript, 50,000 segments, 5,000 of
 * them on the big transcript. Runs in the page, with the raw IndexedDB API.
 */
async function seed(page: Page) {
  await page.evaluate(
    async ({ SOURCES, SEGMENTS, BIG_WORDS, BIG_SEGMENTS }) => {
      const open = () =>
        new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('qda-studio');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      const db = await open();
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const words = 'la visita domiciliaria fue importante porque la profesional escuchó con atención y la familia sintió confianza cercanía vínculo'.split(' ');
      const paragraph = (n: number, i: number) =>
        `${i % 2 ? 'Cuidadora 3' : 'Entrevistadora'}: ${Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
      const now = new Date().toISOString();
      const projectId = 'bench-project';
      const codes = Array.from({ length: 300 }, (_, i) => ({
        id: `code-${i}`,
        projectId,
        parentId: i < 30 ? null : `code-${i % 30}`,
        name: `Código ${i}`,
        color: ['#4e79a7', '#f28e2b', '#e15759', '#59a14f'][i % 4],
        description: '',
        inclusion: '',
        exclusion: '',
        example: '',
        order: i,
      }));
      const sources: object[] = [];
      const contents: object[] = [];
      const segments: object[] = [];
      for (let s = 0; s < SOURCES; s++) {
        const big = s === 0;
        const paras: string[] = [];
        let count = 0;
        const target = big ? BIG_WORDS : 2000;
        while (count < target) {
          const n = 20 + Math.floor(random() * 40);
          paras.push(paragraph(n, paras.length));
          count += n + 2;
        }
        const text = paras.join('\n');
        const paragraphs: { start: number; end: number }[] = [];
        let at = 0;
        for (const p of paras) {
          paragraphs.push({ start: at, end: at + p.length });
          at += p.length + 1;
        }
        const id = big ? 'big-source' : `source-${s}`;
        sources.push({
          id,
          projectId,
          name: big ? 'Big transcript' : `Source ${String(s).padStart(3, '0')}`,
          kind: 'in-depth interview',
          originalFileName: `${id}.txt`,
          format: 'txt',
          sha256: id,
          language: 'es',
          words: count,
          caseIds: [],
          importedAt: now,
          warnings: [],
        });
        contents.push({ sourceId: id, projectId, text, paragraphs, turns: [], annotations: [] });
        const n = big ? BIG_SEGMENTS : Math.floor((SEGMENTS - BIG_SEGMENTS) / (SOURCES - 1));
        for (let k = 0; k < n; k++) {
          const p = paragraphs[Math.floor(random() * paragraphs.length)];
          const start = p.start + Math.floor(random() * (p.end - p.start - 20));
          segments.push({
            id: `seg-${s}-${k}`,
            projectId,
            sourceId: id,
            codeId: `code-${Math.floor(random() * 300)}`,
            start,
            end: Math.min(p.end, start + 20 + Math.floor(random() * 80)),
            coderId: 'bench-coder',
            createdAt: now,
          });
        }
      }
      const tx = db.transaction(['projects', 'sources', 'sourceContents', 'codes', 'segments', 'coders'], 'readwrite');
      tx.objectStore('projects').put({
        id: projectId,
        name: 'Benchmark project',
        createdAt: now,
        openedAt: now,
        sourceKinds: ['in-depth interview', 'other'],
        citationPattern: '({case}, {paragraph})',
        dataVersion: 1,
      });
      tx.objectStore('coders').put({ id: 'bench-coder', projectId, name: 'Bench', color: '#000' });
      for (const c of codes) tx.objectStore('codes').put(c);
      for (const s of sources) tx.objectStore('sources').put(s);
      for (const c of contents) tx.objectStore('sourceContents').put(c);
      for (const s of segments) tx.objectStore('segments').put(s);
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { SOURCES, SEGMENTS, BIG_WORDS, BIG_SEGMENTS },
  );
}

/**
 * Milliseconds from the researcher's key press or click (the event in the page, so the
 * browser automation's own latency is not counted) until `selector` matches something new.
 */
async function timeUntil(page: Page, selector: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __t0: number; __t1: number | null };
    w.__t1 = null;
    const start = () => (w.__t0 = performance.now());
    window.addEventListener('keydown', start, { capture: true, once: true });
    window.addEventListener('pointerdown', start, { capture: true, once: true });
    const before = document.querySelectorAll(sel).length;
    const obs = new MutationObserver(() => {
      if (document.querySelectorAll(sel).length > before && w.__t1 === null) {
        w.__t1 = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, attributes: true });
  }, selector);
  await act();
  await page.waitForFunction(() => (window as unknown as { __t1: number | null }).__t1 !== null, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });
}

test(`coding in a project of ${SOURCES} sources and ${SEGMENTS.toLocaleString('en')} segments`, async () => {
  // Vitest sets NODE_ENV=test, which would give React's development build: measure what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ configFile: `${root}renderer/vite.web.config.ts`, logLevel: 'error', mode: 'production' });
  process.env.NODE_ENV = nodeEnv;
  const server = await preview({ configFile: `${root}renderer/vite.web.config.ts`, preview: { port: 0, strictPort: false }, logLevel: 'error' });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.resolvedUrls!.local[0]);
    await page.evaluate(() => localStorage.setItem('qda-studio.user', 'Bench'));
    await page.getByRole('button', { name: 'Open sample project' }).click(); // creates the database
    await page.getByRole('heading', { name: /Sample/ }).waitFor();
    await seed(page);
    await page.reload();
    await page.getByRole('button', { name: 'Benchmark project' }).click();
    await page.getByRole('heading', { name: 'Benchmark project' }).waitFor({ timeout: 120_000 });
    await page.getByRole('navigation').getByRole('button', { name: 'Source 001' }).waitFor({ timeout: 120_000 });

    const openMs = await timeUntil(page, '.paragraph .stripe', () => page.getByRole('navigation').getByRole('button', { name: 'Big transcript' }).click());

    // Warm up: code once with the palette, so "code with the last used code" (L) is set.
    const viewer = page.getByRole('region', { name: 'Text of Big transcript' });
    await viewer.getByRole('button', { name: 'Paragraph 2', exact: true }).click();
    await page.keyboard.press('c');
    await page.getByLabel('Code name').fill('Código 7');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    const timings: number[] = [];
    for (const n of [3, 4, 5, 6, 7, 8]) {
      await viewer.getByRole('button', { name: `Paragraph ${n}`, exact: true }).click();
      timings.push(await timeUntil(page, '.stripe-labels button', () => page.keyboard.press('l')));
      await page.waitForTimeout(200);
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    const targets: Target[] = [
      { what: 'open the transcript to first paint', value: openMs, atMost: 500, unit: 'ms' },
      { what: `apply one code (median of ${timings.length})`, value: median, atMost: 50, unit: 'ms' },
    ];
    console.log(
      [
        `Coding benchmark (Chromium, production build): ${SOURCES} sources, ${SEGMENTS.toLocaleString('en')} segments; a ${BIG_WORDS.toLocaleString('en')}-word transcript with ${BIG_SEGMENTS.toLocaleString('en')} segments`,
        ...targets.map((t) => targetLine(t, 36)),
        `  each code applied                  : ${timings.map((x) => x.toFixed(0)).join(', ')} ms`,
      ].join('\n'),
    );
    enforceTargets(targets);
  } finally {
    await browser.close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
  }
});
