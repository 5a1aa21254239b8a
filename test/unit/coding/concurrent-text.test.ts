import { describe, expect, it } from 'vitest';
import { rebaseTyping, reconcileText } from '../../../src/editing/concurrent-text';

const MARK = '— written at the same time in another window —';

describe('saving a field that another window may have changed', () => {
  it('stores what the researcher typed when nobody else changed the field', () => {
    expect(reconcileText('Trust', 'Trust grows', 'Trust', MARK)).toEqual({ text: 'Trust grows', conflict: false });
  });

  it('takes the other window’s text when this window changed nothing', () => {
    expect(reconcileText('Trust', 'Trust', 'Trust and time', MARK)).toEqual({ text: 'Trust and time', conflict: false });
  });

  it('keeps both texts, theirs first, when two windows wrote the same memo at once', () => {
    const out = reconcileText('', 'La madre confía.', 'Visita difícil.', MARK);
    expect(out.conflict).toBe(true);
    expect(out.text).toBe(`Visita difícil.\n\n${MARK}\nLa madre confía.`);
  });

  it('does not repeat a text the other already holds', () => {
    expect(reconcileText('', 'Visita difícil. Luego mejora.', 'Visita difícil.', MARK)).toEqual({ text: 'Visita difícil. Luego mejora.', conflict: false });
  });

  it('joins two titles on one line', () => {
    expect(reconcileText('Memo', 'Confianza', 'Vínculo', MARK, true)).toEqual({ text: 'Vínculo / Confianza', conflict: true });
  });
});

describe('typing on while a conflicting save comes back', () => {
  it('puts what was typed after the save at the end of the kept texts', () => {
    const stored = `Visita difícil.\n\n${MARK}\nLa madre`;
    expect(rebaseTyping('La madre', stored, 'La madre confía.')).toBe(`${stored} confía.`);
  });
  it('keeps the whole typed text when it was rewritten meanwhile', () => {
    expect(rebaseTyping('abc', 'x / abc', 'zz')).toBe('x / abc\nzz');
  });
});
