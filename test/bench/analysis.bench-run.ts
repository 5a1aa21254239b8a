import { enforceTargets, targetLine, type Target } from './targets';
import { test } from 'vitest';
import { cooccurrenceTable } from '../../src/analysis/cooccurrence';
import { buildMatrix, matrixTable } from '../../src/analysis/matrix';
import { documentToDocx } from '../../src/export/docx';
import type { Table } from '../../src/model/table';
import type { Case, Code, ProjectData, Segment, Source, SourceContent } from '../../src/model/types';
import { seededRandom } from './generate';

const CASES = 500;
const CODES = 300;
const SEGMENTS = 100_000;

/** A project in memory: 500 cases with one 6,000-character source each, 300 codes, 100,000 segments. */
function project(): ProjectData {
  const random = seededRandom(42);
  const text = 'La visita fue importante para la familia y la profesional escuchó. '.repeat(90);
  const paragraphs = Array.from({ length: 30 }, (_, i) => ({ start: i * 200, end: i * 200 + 199 }));
  const cases: Case[] = Array.from({ length: CASES }, (_, i) => ({
    id: `c${i}`,
    projectId: 'p',
    name: `P${i}`,
    description: '',
    values: { role: i % 5 === 0 ? 'Director' : 'Professional' },
  }));
  const sources: Source[] = cases.map((c, i) => ({ id: `s${i}`, projectId: 'p', name: `Source ${i}`, kind: 'report', caseIds: [c.id] }) as Source);
  const contents: SourceContent[] = sources.map((s) => ({ sourceId: s.id, projectId: 'p', text, paragraphs, turns: [], annotations: [] }));
  const codes: Code[] = Array.from({ length: CODES }, (_, i) => ({
    id: `k${i}`,
    projectId: 'p',
    parentId: i < 30 ? null : `k${i % 30}`,
    name: `Code ${i}`,
    color: '#000',
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    order: i,
  }));
  const segments: Segment[] = Array.from({ length: SEGMENTS }, (_, i) => {
    const start = Math.floor(random() * 5800);
    return {
      id: `g${i}`,
      projectId: 'p',
      sourceId: `s${Math.floor(random() * CASES)}`,
      codeId: `k${Math.floor(random() * CODES)}`,
      start,
      end: start + 20 + Math.floor(random() * 150),
      coderId: 'c',
      createdAt: '',
    };
  });
  return {
    project: { id: 'p', name: 'P', createdAt: '', openedAt: '', sourceKinds: ['report'], citationPattern: '({case}, {paragraph})', dataVersion: 1 },
    sources,
    contents,
    cases,
    codes,
    segments,
    attributes: [{ id: 'role', projectId: 'p', name: 'Role', type: 'category', values: ['Professional', 'Director'], order: 0 }],
    memos: [],
    coders: [],
    analyses: [],
  };
}

function time<T>(work: () => T): [T, number] {
  const t0 = performance.now();
  const out = work();
  return [out, performance.now() - t0];
}

test('analyses on 500 cases × 300 codes × 100,000 segments', async () => {
  const data = project();
  const codeIds = data.codes.map((c) => c.id);
  const [, matrixMs] = time(() =>
    matrixTable(buildMatrix(data, { codeIds, includeSubcodes: false, grouping: { kind: 'cases' }, codesOn: 'columns' }), { title: 'M', show: 'counts' }),
  );
  const [, coMs] = time(() => cooccurrenceTable(data, { codeIds, includeSubcodes: false, unit: 'overlap', jaccard: false }));
  const big: Table = {
    title: 'A 300-row table',
    columns: [{ key: 'code', label: 'Code' }, ...['Segments', 'Sources', 'Cases', '% of cases'].map((l) => ({ key: l, label: l, numeric: true }))],
    rows: data.codes.map((c, i) => ({
      key: c.id,
      cells: [{ kind: 'text' as const, text: c.name }, ...[i, i * 2, i % 50, (i % 100) / 1.7].map((v) => ({ kind: 'number' as const, value: v, decimals: 1 }))],
    })),
  };
  const t0 = performance.now();
  await documentToDocx({ title: 'Bench', blocks: [{ kind: 'table', table: big, number: 1 }] });
  const wordMs = performance.now() - t0;
  const targets: Target[] = [
    { what: 'framework matrix counts (cases × codes)', value: matrixMs, atMost: 200, unit: 'ms' },
    { what: 'co-occurrence (overlapping segments)', value: coMs, atMost: 500, unit: 'ms' },
    { what: 'Word export of a 300-row table', value: wordMs, atMost: 2000, unit: 'ms' },
  ];
  console.log(
    [`Analysis benchmark: ${CASES} cases × ${CODES} codes over ${SEGMENTS.toLocaleString('en')} segments (Node, pure functions)`, ...targets.map((t) => targetLine(t))].join('\n'),
  );
  enforceTargets(targets);
});
