import { enforceTargets, targetLine } from './targets';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { hostileCases } from '../fuzz/cases';
import { runIsolated } from '../fuzz/isolated';
import { fuzzSummary } from '../fuzz/verdict';
import { root } from '../unit/helpers';

/**
 * `npm run bench -- hardening`: one table for the dashboard — hostile inputs held of
 * tried, the slowest and the largest, the fault scenarios survived, and data lost. The
 * scenarios are the project's own tests of them (unit and end-to-end), run here and read
 * back, so the figures are what the tests prove.
 */
const SCENARIOS: { scenario: string; runner: 'unit' | 'e2e'; file: string; title: RegExp }[] = [
  { scenario: 'reload while typing a memo', runner: 'e2e', file: 'safety.spec.ts', title: /typed and reloaded at once/ },
  { scenario: 'reload in the middle of an import', runner: 'e2e', file: 'safety.spec.ts', title: /import cut short by a reload/ },
  { scenario: 'two windows: coding seen, own undo', runner: 'e2e', file: 'safety.spec.ts', title: /coding in one window shows in the other/ },
  { scenario: 'two windows typing in one memo', runner: 'e2e', file: 'safety.spec.ts', title: /two windows typing in the same memo/ },
  { scenario: 'full disk while coding and typing', runner: 'unit', file: 'test/unit/db/full-disk.test.ts', title: /refuses coding and typing/ },
  { scenario: 'full disk in the middle of an import', runner: 'unit', file: 'test/unit/db/full-disk.test.ts', title: /stops an import file by file/ },
  { scenario: 'store written by a newer version', runner: 'unit', file: 'test/unit/db/migration.test.ts', title: /newer version of the app/ },
  { scenario: 'upgrade blocked by another window', runner: 'unit', file: 'test/unit/db/migration.test.ts', title: /upgrade waits for another window/ },
  { scenario: 'undo clashing with another window', runner: 'unit', file: 'test/unit/db/typed-history.test.ts', title: /refuses to undo a step whose data another window changed/ },
];

test('hardening: hostile inputs, faults survived, data lost', async () => {
  const limits = { timeMs: 15_000, memoryMb: 512 };
  const fuzz = fuzzSummary(await runIsolated(hostileCases(), limits, 2), limits.timeMs);

  const dir = mkdtempSync(join(tmpdir(), 'qda-hardening-'));
  const unitFiles = [...new Set(SCENARIOS.filter((s) => s.runner === 'unit').map((s) => s.file))];
  spawnSync('npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', ...unitFiles, '--reporter=json', `--outputFile=${dir}/unit.json`], { cwd: root, stdio: 'ignore' });
  const unit = JSON.parse(readFileSync(`${dir}/unit.json`, 'utf8')) as { testResults: { assertionResults: { title: string; fullName: string; status: string }[] }[] };
  const unitResults = unit.testResults.flatMap((f) => f.assertionResults);

  // The end-to-end scenarios run against the web build of the code as it is now.
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'ignore' });
  const e2e = spawnSync('npx', ['playwright', 'test', '--config', 'test/e2e/playwright.config.ts', 'safety.spec.ts', '--reporter=json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(e2e.stdout) as { suites: { specs: { title: string; ok: boolean }[] }[] };
  const e2eResults = report.suites.flatMap((s) => s.specs);

  const outcomes = SCENARIOS.map((s) => {
    const passed = s.runner === 'unit' ? unitResults.some((r) => s.title.test(r.fullName) && r.status === 'passed') : e2eResults.some((r) => s.title.test(r.title) && r.ok);
    return { ...s, passed };
  });
  const survived = outcomes.filter((o) => o.passed).length;
  const lost = outcomes.length - survived;
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    [
      'Hardening',
      `  hostile inputs held   : ${fuzz.held} of ${fuzz.tried} (each in its own process, ${limits.timeMs / 1000} s and ${limits.memoryMb} MB at most)`,
      `  slowest hostile input : ${fuzz.slowest.label} (${fuzz.slowest.name}): ${Math.round(fuzz.slowest.ms)} ms`,
      `  largest hostile input : ${fuzz.largest.label} (${fuzz.largest.name}): ${(fuzz.largest.inputBytes / 1024 / 1024).toFixed(1)} MB`,
      `  fault scenarios       : ${survived} of ${outcomes.length} survived`,
      ...outcomes.map((o) => `    ${o.passed ? 'survived' : 'FAILED  '}  ${pad(o.scenario, 40)} (${o.runner})`),
      targetLine({ what: 'data lost', value: lost, atMost: 0, unit: 'scenarios' }, 22),
      `  dashboard             : ${fuzz.tried} hostile inputs, ${outcomes.length} faults, ${lost} losses`,
    ].join('\n'),
  );
  enforceTargets([
    { what: 'data lost', value: lost, atMost: 0, unit: 'scenarios' },
    { what: 'hostile inputs not held', value: fuzz.tried - fuzz.held, atMost: 0, unit: 'inputs' },
  ]);
});
