import { describe, expect, it } from 'vitest';
import { coderLanes, initials, visibleSegments } from '../../../src/coding/coder-view';
import type { Segment } from '../../../src/model/types';

const seg = (id: string, coderId: string, start: number, end: number): Segment => ({ id, projectId: 'p', sourceId: 's', codeId: 'c', start, end, coderId, createdAt: '' });
const segments = [seg('m1', 'me', 0, 10), seg('m2', 'me', 5, 15), seg('t1', 'you', 0, 10), seg('t2', 'other', 20, 30)];

describe('showing a team’s coding in the viewer', () => {
  it('shows every coder’s segments, or the chosen coders’ only', () => {
    expect(visibleSegments(segments, { coderIds: [], mineVsTheirs: false })).toHaveLength(4);
    expect(visibleSegments(segments, { coderIds: ['you', 'other'], mineVsTheirs: false }).map((s) => s.id)).toEqual(['t1', 't2']);
  });

  it('puts my stripes on the left and the others’ in their own lanes to the right', () => {
    const { lanes, theirsFrom } = coderLanes(segments, { coderIds: [], mineVsTheirs: true }, 'me');
    expect(lanes.get('m1')).toBe(0);
    expect(lanes.get('m2')).toBe(1);
    expect(theirsFrom).toBe(3);
    expect(lanes.get('t1')).toBe(3);
    expect(lanes.get('t2')).toBe(3);
    // All together, lanes are shared by whoever coded.
    expect(coderLanes(segments, { coderIds: [], mineVsTheirs: false }, 'me').lanes.get('t1')).toBe(1);
  });

  it('labels a coder by initials', () => {
    expect(initials('Ana Pérez')).toBe('AP');
    expect(initials('Investigador B (muestra)')).toBe('IB');
    expect(initials('Élodie')).toBe('É');
  });
});
