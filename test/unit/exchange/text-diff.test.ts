import { describe, expect, it } from 'vitest';
import { alignTexts, placeRange } from '../../../src/exchange/text-diff';

const place = (theirs: string, ours: string, phrase: string) => {
  const start = theirs.indexOf(phrase);
  const at = placeRange(alignTexts(theirs, ours), start, start + phrase.length);
  return at && ours.slice(at.start, at.end);
};

describe('placing a colleague’s coding on our version of a text', () => {
  const theirs = 'E: ¿Qué cambió?\nDRA: Lo más visible es un canbio de actitud.\nE: ¿Y el registro?\nDRA: No queda escrito en ninguna parte.';

  it('moves coding past a typo fixed earlier in the text', () => {
    const ours = theirs.replace('canbio', 'cambio').replace('E: ¿Qué cambió?', 'E: ¿Qué ha cambiado?');
    expect(place(theirs, ours, 'No queda escrito')).toBe('No queda escrito');
  });

  it('keeps coding over a corrected word, with the correction', () => {
    const ours = theirs.replace('canbio', 'cambio');
    expect(place(theirs, ours, 'un canbio de actitud')).toBe('un cambio de actitud');
  });

  it('follows a paragraph added above', () => {
    const ours = `Entrevista del 3 de julio.\n${theirs}`;
    expect(place(theirs, ours, 'DRA: No queda')).toBe('DRA: No queda');
  });

  it('cannot place coding on text that is gone from our version', () => {
    const ours = theirs.replace('\nE: ¿Y el registro?\nDRA: No queda escrito en ninguna parte.', '');
    expect(place(theirs, ours, 'No queda escrito en ninguna parte')).toBeNull();
  });

  it('gives up cheaply on texts with nothing in common, and identical texts map onto themselves', () => {
    const a = 'x'.repeat(200_000);
    const b = 'y'.repeat(200_000);
    expect(placeRange(alignTexts(a, b), 10, 20)).toBeNull();
    expect(placeRange(alignTexts(theirs, theirs), 5, 9)).toEqual({ start: 5, end: 9 });
  });
});
