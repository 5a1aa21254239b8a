import { describe, expect, it } from 'vitest';
import { draftKey, draftsToRecover, parseDraft, type Draft } from '../../../src/editing/drafts';

const draft = (over: Partial<Draft> = {}): Draft => ({
  field: { kind: 'memo', id: 'm1', field: 'body' },
  projectId: 'p1',
  window: 'w1',
  value: 'typed',
  base: '',
  at: '2026-12-01T10:00:00Z',
  ...over,
});

describe('drafts of typed text kept between keystroke and store', () => {
  it('gives a field one key whatever the order its object was written in', () => {
    expect(draftKey({ kind: 'memo', id: 'm1', field: 'body' })).toBe(draftKey({ field: 'body', id: 'm1', kind: 'memo' } as never));
  });

  it('reads back a draft written under its key, and nothing else', () => {
    const d = draft();
    expect(parseDraft(draftKey(d.field), JSON.stringify(d))).toEqual(d);
    expect(parseDraft('theme', 'dark')).toBeNull();
    expect(parseDraft(draftKey(d.field), '{not json')).toBeNull();
    expect(parseDraft(draftKey(d.field), JSON.stringify({ ...d, value: 3 }))).toBeNull();
    // A draft copied under another field's key is not trusted.
    expect(parseDraft(draftKey({ kind: 'memo', id: 'm2', field: 'body' }), JSON.stringify(d))).toBeNull();
  });

  it('recovers this window’s drafts after a reload and those of closed windows, never an open window’s', () => {
    const mine = draft({ window: 'me' });
    const closed = draft({ window: 'gone', field: { kind: 'code', id: 'c1', field: 'description' } });
    const open = draft({ window: 'other', field: { kind: 'segmentMemo', segmentId: 's1' } });
    const elsewhere = draft({ window: 'gone', projectId: 'p2' });
    expect(draftsToRecover([mine, closed, open, elsewhere], 'p1', 'me', (w) => w === 'other' || w === 'me')).toEqual([mine, closed]);
  });

  it('reads back every kind of typed field, the search thesaurus included, with the sitting it was typed in', () => {
    const field = { kind: 'thesaurus' as const, projectId: 'p' };
    const draft: Draft = { field, projectId: 'p', window: 'w', value: 'vínculo, lazo', base: '', at: '2026-12-02T10:00:00.000Z', session: 's1' };
    expect(parseDraft(draftKey(field), JSON.stringify(draft))).toEqual(draft);
  });
});
