import { describe, expect, it } from 'vitest';
import { applyToCountIndex, buildCountIndex, countsFromIndex } from '../../../src/coding/count-index';
import { codeCounts } from '../../../src/coding/counts';
import { added, removed, updated } from '../../../src/model/change';
import type { Code, Segment } from '../../../src/model/types';

const codes = [
  { id: 'theme', parentId: null },
  { id: 'a', parentId: 'theme' },
  { id: 'b', parentId: 'theme' },
] as Code[];
const seg = (id: string, codeId: string, sourceId: string) => ({ id, codeId, sourceId }) as Segment;

describe('keeping code counts up to date from changes', () => {
  it('gives the same counts as counting from scratch after coding, recoding and uncoding', () => {
    let segments = [seg('1', 'a', 'x'), seg('2', 'a', 'y'), seg('3', 'b', 'x')];
    let index = buildCountIndex(segments);
    const before = index;
    const changes = [
      added('segments', '4', seg('4', 'theme', 'z')),
      updated('segments', '1', seg('1', 'a', 'x'), seg('1', 'b', 'x')),
      removed('segments', '2', seg('2', 'a', 'y')),
    ];
    index = applyToCountIndex(index, changes);
    segments = [seg('1', 'b', 'x'), seg('3', 'b', 'x'), seg('4', 'theme', 'z')];
    expect(countsFromIndex(index, codes)).toEqual(codeCounts(codes, segments));
    expect(countsFromIndex(index, codes).get('theme')).toEqual({ segments: 1, sources: 1, segmentsWithSubcodes: 3, sourcesWithSubcodes: 2 });
    // The old index is left as it was (React state is never mutated).
    expect(countsFromIndex(before, codes).get('a')).toEqual({ segments: 2, sources: 2, segmentsWithSubcodes: 2, sourcesWithSubcodes: 2 });
  });
});
