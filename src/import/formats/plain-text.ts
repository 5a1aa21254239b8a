import { decodeText } from '../encoding';
import { unwrapHardLines } from '../hard-wrap';
import { normalizeText } from '../normalize';
import type { ParsedText } from '../result';

export function parsePlainText(bytes: Uint8Array): ParsedText {
  const { text, encoding } = decodeText(bytes);
  // Hard-wrapped text is rare and recognised by short lines: most texts are passed on as read.
  const unwrapped = looksShortLined(text) ? unwrapHardLines(normalizeText(text)) : null;
  return { text: unwrapped ?? text, encoding };
}

/** Whether the first lines are all short enough for the text to be hard-wrapped (a cheap look first). */
function looksShortLined(text: string): boolean {
  let start = 0;
  for (let n = 0; n < 40; n++) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > 101) return false;
    if (end === -1) return true;
    start = end + 1;
  }
  return true;
}
