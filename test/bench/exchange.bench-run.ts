import { zipSync, unzipSync } from 'fflate';
import { test } from 'vitest';
import { readQdpx } from '../../src/exchange/qdpx-read';
import { writeQdpx } from '../../src/exchange/qdpx-write';
import { benchProject } from './generate';
import { enforceTargets, targetLine, type Target } from './targets';

const SOURCES = 500;
const CODES = 300;
const SEGMENTS = 50_000;

/** 500 transcripts of about 3,000 words, 300 codes in a tree, 50,000 segments by two coders. */
const project = () => benchProject({ sources: SOURCES, codes: CODES, segments: SEGMENTS, coders: 2 });

const peakMb = () => process.resourceUsage().maxRSS / 1024;

/** The median of three timed runs: one run on a shared machine swings by a third. */
function medianMs<T>(run: () => T): { ms: number; result: T } {
  const runs = [0, 1, 2].map(() => {
    const t0 = performance.now();
    const result = run();
    return { ms: performance.now() - t0, result };
  });
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[1];
}

test('a project of 500 sources, 300 codes and 50,000 segments saved as .qdpx and opened again', async () => {
  const data = project();
  // Warm both up on a small project first, so neither is measured cold.
  const small = { ...data, sources: data.sources.slice(0, 5), contents: data.contents.slice(0, 5), segments: data.segments.filter((s) => s.sourceId === data.sources[0].id) };
  zipSync(unzipSync(writeQdpx(small)), { level: 1 });
  await readQdpx(writeQdpx(small));
  const rssBefore = peakMb();
  const { ms: exportMs, result: bytes } = medianMs(() => writeQdpx(data));
  const peakAfterExport = peakMb();

  // The floor: zipping the same files with fflate at the same level, nothing else.
  const files = unzipSync(bytes);
  const same = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v]));
  const zipMs = medianMs(() => zipSync(same, { level: 1 })).ms;
  // fflate's default level, for reference: what "zipping the same bytes" costs with no settings chosen.
  let t0 = performance.now();
  zipSync(same);
  const zipDefaultMs = performance.now() - t0;
  t0 = performance.now();
  unzipSync(bytes);
  const unzipMs = performance.now() - t0;

  t0 = performance.now();
  const { data: back } = await readQdpx(bytes);
  const importMs = performance.now() - t0;
  const peakAfterImport = peakMb();
  if (back.segments.length !== SEGMENTS || back.sources.length !== SOURCES) throw new Error('the round trip lost data');

  const targets: Target[] = [
    { what: 'export to .qdpx', value: exportMs, atMost: 3000, unit: 'ms' },
    { what: 'import of that .qdpx', value: importMs, atMost: 3000, unit: 'ms' },
    { what: 'export ÷ zipping the same bytes with fflate', value: exportMs / zipMs, atMost: 2, unit: '×' },
  ];
  console.log(
    [
      `Exchange benchmark: ${SOURCES} sources (${(files['qda-studio.json'].length / 1e6).toFixed(1)} MB of our part, ${(bytes.length / 1e6).toFixed(1)} MB packed), ${CODES} codes, ${SEGMENTS.toLocaleString('en')} segments (Node)`,
      ...targets.map((t) => targetLine(t)),
      `  (for reference: zipping ${zipMs.toFixed(0)} ms at our level 1, ${zipDefaultMs.toFixed(0)} ms at fflate's default (export ÷ that: ${(exportMs / zipDefaultMs).toFixed(2)}×), unzipping ${unzipMs.toFixed(0)} ms; import ÷ (unzip + zip) ${(importMs / (unzipMs + zipMs)).toFixed(1)}×)`,
      `  peak memory (process RSS): ${rssBefore.toFixed(0)} MB before, ${peakAfterExport.toFixed(0)} MB after export, ${peakAfterImport.toFixed(0)} MB after import`,
    ].join('\n'),
  );
  enforceTargets(targets);
});
