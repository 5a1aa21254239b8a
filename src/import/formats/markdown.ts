import { decodeText } from '../encoding';
import type { ParsedText } from '../result';

/**
 * Markdown transcripts: keep the words, drop the markup a reader never sees
 * (heading marks, emphasis, link targets, list bullets), so "**E:**" reads as "E:".
 */
export function parseMarkdown(bytes: Uint8Array): ParsedText {
  const { text, encoding } = decodeText(bytes);
  const plain = text
    .replace(/^(\s{0,3})#{1,6}\s+/gm, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^(\s*)[-*+]\s+/gm, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?!\s)(.+?)(?<!\s)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gm, '');
  return { text: plain, encoding };
}
