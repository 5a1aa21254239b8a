import { describe, expect, it } from 'vitest';
import { planIndex, sourceFingerprint, type PartitionEntry, type SourceState } from '../../../src/search/index-plan';

let n = 0;
const newId = () => `new-${++n}`;
const part = (id: string, language: 'es' | 'pt' | 'en' | null, sources: Record<string, string>): PartitionEntry => ({ id, language, fingerprints: sources });
const src = (id: string, language: 'es' | 'pt' | 'en' | null, fingerprint = 'f'): SourceState => ({ id, language, fingerprint });

describe('re-indexing only what changed', () => {
  it('keeps every partition when nothing changed', () => {
    const plan = planIndex([part('p1', 'es', { a: 'f', b: 'f' }), part('p2', 'pt', { c: 'f' })], [src('a', 'es'), src('b', 'es'), src('c', 'pt')], newId);
    expect(plan).toEqual({ keep: ['p1', 'p2'], build: [], drop: [] });
  });

  it('rebuilds only the partition of an edited source', () => {
    const plan = planIndex([part('p1', 'es', { a: 'f', b: 'f' }), part('p2', 'es', { c: 'f' })], [src('a', 'es', 'changed'), src('b', 'es'), src('c', 'es')], newId);
    expect(plan).toEqual({ keep: ['p2'], build: [{ id: 'p1', language: 'es', sourceIds: ['a', 'b'] }], drop: [] });
  });

  it('puts a new source in the emptiest partition of its language, or a new one when all are full', () => {
    const stored = [part('p1', 'es', { a: 'f', b: 'f' }), part('p2', 'es', { c: 'f' })];
    expect(planIndex(stored, [src('a', 'es'), src('b', 'es'), src('c', 'es'), src('d', 'es')], newId).build).toEqual([{ id: 'p2', language: 'es', sourceIds: ['c', 'd'] }]);
    const full = planIndex(stored, [src('a', 'es'), src('b', 'es'), src('c', 'es'), src('d', 'en')], newId, 2);
    expect(full.build).toEqual([{ id: expect.stringMatching(/^new-/), language: 'en', sourceIds: ['d'] }]);
    expect(full.keep).toEqual(['p1', 'p2']);
  });

  it('drops a partition whose sources were all deleted and rebuilds one that lost a source', () => {
    const plan = planIndex([part('p1', 'es', { a: 'f' }), part('p2', 'es', { b: 'f', c: 'f' })], [src('b', 'es')], newId);
    expect(plan).toEqual({ keep: [], build: [{ id: 'p2', language: 'es', sourceIds: ['b'] }], drop: ['p1'] });
  });

  it('moves a source whose language was changed to a partition of its new language', () => {
    const plan = planIndex([part('p1', 'es', { a: 'f', b: 'f' }), part('p2', 'pt', { c: 'f' })], [src('a', 'pt'), src('b', 'es'), src('c', 'pt')], newId);
    expect(plan.build).toEqual([
      { id: 'p1', language: 'es', sourceIds: ['b'] },
      { id: 'p2', language: 'pt', sourceIds: ['c', 'a'] },
    ]);
  });

  it('indexes a source claimed by two stored partitions once', () => {
    const plan = planIndex([part('p1', 'es', { a: 'f' }), part('p2', 'es', { a: 'f', b: 'f' })], [src('a', 'es'), src('b', 'es')], newId);
    expect(plan.keep).toEqual(['p1']);
    expect(plan.build).toEqual([{ id: 'p2', language: 'es', sourceIds: ['b'] }]);
  });

  it('fingerprints a source by its text, turns, names and cases', () => {
    const base = { text: 'Hola', turns: [], paragraphs: 1, name: 'E1', kind: 'report', language: 'es', caseNames: ['ARIII'] };
    const f = sourceFingerprint(base);
    expect(sourceFingerprint({ ...base })).toBe(f);
    for (const change of [{ text: 'Hola.' }, { name: 'E2' }, { caseNames: ['DRI'] }, { language: 'pt' }, { turns: [{ speaker: 'A', start: 0, end: 4 }] }])
      expect(sourceFingerprint({ ...base, ...change })).not.toBe(f);
  });
});
