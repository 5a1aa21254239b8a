import { writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostileCases } from '../../fuzz/cases';
import { runIsolated } from '../../fuzz/isolated';
import { brokenPromise, fuzzSummary } from '../../fuzz/verdict';
import { root } from '../helpers';

/**
 * Over five hundred hostile files (seeded: the same every run), each read in a process of
 * its own with a time and memory limit: random bytes in every format, our fixtures damaged,
 * decompression bombs, floods of the characters parsers stop at, deep nesting, broken
 * Unicode. Every one must end in a source or a refusal that speaks of the file, within
 * the limit, without lone surrogates or runaway text.
 */
describe('hostile files', () => {
  it('are all read or refused quickly, in words about the file', async () => {
    const cases = hostileCases();
    // Generous for a loaded two-core machine: the slowest case takes about two seconds here.
    const limits = { timeMs: 15_000, memoryMb: 512 };
    const outcomes = await runIsolated(cases, limits, 2);
    const broken = outcomes.map((o) => ({ o, why: brokenPromise(o, limits.timeMs) })).filter((x) => x.why !== null);
    const summary = fuzzSummary(outcomes, limits.timeMs);
    mkdirSync(`${root}test-results`, { recursive: true });
    writeFileSync(`${root}test-results/hostile-files.json`, JSON.stringify({ ...summary, limits }, null, 1));
    console.log(
      `hostile files: ${summary.held} of ${summary.tried} held; slowest ${summary.slowest.label} (${Math.round(summary.slowest.ms)} ms); largest ${summary.largest.label} (${(summary.largest.inputBytes / 1024 / 1024).toFixed(1)} MB)`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(broken.map(({ o, why }) => `${o.label} (${o.name}): ${why}`)).toEqual([]);
  }, 600_000);
});
