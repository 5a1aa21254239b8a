import { zipSync, unzipSync } from 'fflate';
import { test } from 'vitest';
import { readQdpx } from '../../src/exchange/qdpx-read';
import { writeQdpx } from '../../src/exchange/qdpx-write';
import { normalizeText, paragraphsOf } from '../../src/import/normalize';
import type { Case, Code, ProjectData, Segment, Source, SourceContent } from '../../src/model/types';
import { seededRandom, transcript } from './generate';
import { enforceTargets, targetLine, type Target } from './targets';

const SOURCES = 500;
const CODES = 300;
const SEGMENTS = 50_000;

const guid = (kind: number, n: number) => `00000000-0000-4000-${(8000 + kind).toString()}-${String(n).padStart(12, '0')}`;

/** 500 transcripts of about 3,000 words, 300 codes in a tree, 50,000 segments by two coders. */
function project(): ProjectData {
  const random = seededRandom(7);
  const contents: SourceContent[] = [];
  const sources: Source[] = [];
  const cases: Case[] = [];
  for (let i = 0; i < SOURCES; i++) {
    const text = normalizeText(transcript(random, 3000, `P${i}`));
    cases.push({ id: guid(1, i), projectId: 'p', name: `P${i}`, description: '', values: {} });
    sources.push({
      id: guid(2, i),
      projectId: 'p',
      name: `Entrevista P${i}`,
      kind: 'in-depth interview',
      originalFileName: `P${i}.txt`,
      format: 'txt',
      sha256: '',
      language: 'es',
      words: 3000,
      caseIds: [guid(1, i)],
      importedAt: '2024-01-01T00:00:00.000Z',
      warnings: [],
    });
    contents.push({ sourceId: guid(2, i), projectId: 'p', text, paragraphs: paragraphsOf(text), turns: [], annotations: [] });
  }
  const codes: Code[] = Array.from({ length: CODES }, (_, i) => ({
    id: guid(3, i),
    projectId: 'p',
    parentId: i < 30 ? null : guid(3, i % 30),
    name: `Código ${i}`,
    color: '#4e79a7',
    description: i % 10 === 0 ? 'Cuando la persona habla de la relación con la profesional.' : '',
    inclusion: '',
    exclusion: '',
    example: '',
    order: i,
  }));
  const segments: Segment[] = Array.from({ length: SEGMENTS }, (_, i) => {
    const content = contents[Math.floor(random() * SOURCES)];
    const start = Math.floor(random() * (content.text.length - 400));
    return {
      id: guid(4, i),
      projectId: 'p',
      sourceId: content.sourceId,
      codeId: guid(3, Math.floor(random() * CODES)),
      start,
      end: start + 20 + Math.floor(random() * 300),
      coderId: guid(5, i % 2),
      createdAt: '2024-01-02T00:00:00.000Z',
    };
  });
  return {
    project: {
      id: 'p',
      name: 'Bench',
      createdAt: '2024-01-01T00:00:00.000Z',
      openedAt: '',
      sourceKinds: ['in-depth interview'],
      citationPattern: '({case}, {paragraph})',
      dataVersion: 3,
    },
    sources,
    contents,
    cases,
    attributes: [],
    codes,
    segments,
    memos: [],
    coders: [0, 1].map((i) => ({ id: guid(5, i), projectId: 'p', name: `Coder ${i}`, color: '#000000' })),
    analyses: [],
  };
}

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
