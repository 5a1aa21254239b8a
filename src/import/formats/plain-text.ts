import { decodeText } from '../encoding';
import type { ParsedText } from '../result';

export function parsePlainText(bytes: Uint8Array): ParsedText {
  const { text, encoding } = decodeText(bytes);
  return { text, encoding };
}
