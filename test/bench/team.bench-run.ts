import { test } from 'vitest';
import { agreementTable, type AgreementOptions } from '../../src/analysis/agreement-table';
import { mergeChanges } from '../../src/exchange/merge';
import { readQdpx } from '../../src/exchange/qdpx-read';
import { writeQdpx } from '../../src/exchange/qdpx-write';
import type { Segment } from '../../src/model/types';
import { benchProject, guid, seededRandom } from './generate';
import { enforceTargets, targetLine, type Target } from './targets';

/** The median of three timed runs: one run on a shared machine swings by a third. */
function medianMs<T>(run: () => T): { ms: number; result: T } {
  const runs = [0, 1, 2].map(() => {
    const t0 = performance.now();
    const result = run();
    return { ms: performance.now() - t0, result };
  });
  return [...runs].sort((a, b) => a.ms - b.ms)[1];
}

test('intercoder agreement of 3 coders over 200 sources and 30,000 segments, at paragraph and character level', () => {
  // 10,000 passages, each coded by all three coders: mostly alike, sometimes shifted, sometimes another code.
  const base = benchProject({ sources: 200, codes: 30, segments: 10_000, coders: 1, seed: 11 });
  const random = seededRandom(5);
  const coders = [0, 1, 2].map((i) => ({ id: guid(5, i), projectId: 'p', name: `Coder ${i}`, color: '#000000' }));
  const segments: Segment[] = base.segments.flatMap((s, i) =>
    coders.map((c, k) => ({
      ...s,
      id: `${s.id}-${k}`,
      coderId: c.id,
      codeId: k > 0 && random() < 0.1 ? guid(3, Math.floor(random() * 30)) : s.codeId,
      start: k > 0 && random() < 0.3 ? Math.max(0, s.start - Math.floor(random() * 40)) : s.start,
      end: k > 0 && random() < 0.3 ? s.end + Math.floor(random() * 40) : s.end,
      createdAt: String(i),
    })),
  );
  const data = { ...base, coders, segments };
  const options = (level: AgreementOptions['level']): AgreementOptions => ({ coderIds: coders.map((c) => c.id), codeIds: [], sourceIds: [], level, overlap: 0.9, uncoded: false });
  agreementTable(data, options('paragraph'));
  const paragraph = medianMs(() => agreementTable(data, options('paragraph')));
  const character = medianMs(() => agreementTable(data, options('character')));
  const segment = medianMs(() => agreementTable(data, options('segment')));
  const pooled = (t: typeof paragraph.result) => t.rows[t.rows.length - 1].cells.map((c) => (c.kind === 'number' ? c.value.toFixed(2) : c.kind === 'text' ? c.text : '')).join(' ');
  const targets: Target[] = [
    { what: 'agreement at paragraph level', value: paragraph.ms, atMost: 1000, unit: 'ms' },
    { what: 'agreement at character level', value: character.ms, atMost: 1000, unit: 'ms' },
  ];
  console.log(
    [
      `Team benchmark: agreement of 3 coders, 200 sources, ${segments.length.toLocaleString('en')} segments, 30 codes (Node)`,
      ...targets.map((t) => targetLine(t)),
      `  (segment level, 90% overlap: ${segment.ms.toFixed(0)} ms; pooled rows — paragraph: ${pooled(paragraph.result)}; character: ${pooled(character.result)})`,
    ].join('\n'),
  );
  enforceTargets(targets);
});

test('merging a colleague’s copy of 500 sources and 50,000 segments, with 50 texts corrected since', async () => {
  const ours = benchProject({ sources: 500, codes: 300, segments: 50_000, coders: 2 });
  const theirs = structuredClone(ours);
  theirs.project.id = 'their-project';
  // Their third coder coded 5,000 more passages; we corrected a word at the start of 50 texts.
  const third = { id: guid(5, 2), projectId: 'p', name: 'Coder 2', color: '#000000' };
  theirs.coders.push(third);
  const random = seededRandom(3);
  const picked = new Set<string>();
  for (let i = 0; i < 5000; i++) {
    const s = ours.segments[Math.floor(random() * ours.segments.length)];
    picked.add(s.id);
    theirs.segments.push({ ...s, id: guid(6, i), coderId: third.id });
  }
  // Our coding moved with our corrections, as the app's text editing moves it.
  const prefix = 'Transcripción revisada. ';
  const corrected = new Set(ours.contents.slice(0, 50).map((c) => c.sourceId));
  for (const content of ours.contents) if (corrected.has(content.sourceId)) content.text = prefix + content.text;
  for (const s of ours.segments) if (corrected.has(s.sourceId)) Object.assign(s, { start: s.start + prefix.length, end: s.end + prefix.length });
  const file = writeQdpx(theirs);
  const t0 = performance.now();
  const { data: read } = await readQdpx(file);
  const readMs = performance.now() - t0;
  const { ms: mergeMs, result } = medianMs(() => mergeChanges(ours, read, { sources: new Set(), codes: new Set() }));
  const r = result.report;
  // A passage the third coder happened to code twice is one segment.
  if (r.segments.added !== picked.size || r.segments.unplaced.length) throw new Error(`the merge lost coding: ${r.segments.added} added, ${r.segments.unplaced.length} not placed`);
  const targets: Target[] = [{ what: 'read their .qdpx and merge it', value: readMs + mergeMs, atMost: 5000, unit: 'ms' }];
  console.log(
    [
      `Team benchmark: merging a copy of 500 sources, ${read.segments.length.toLocaleString('en')} segments (${picked.size.toLocaleString('en')} new, by a third coder), 50 texts changed since (Node)`,
      ...targets.map((t) => targetLine(t)),
      `  (reading the file ${readMs.toFixed(0)} ms, merging ${mergeMs.toFixed(0)} ms; ${r.segments.moved.toLocaleString('en')} segments placed on changed text, ${r.segments.alreadyHere.toLocaleString('en')} already here)`,
    ].join('\n'),
  );
  enforceTargets(targets);
});
