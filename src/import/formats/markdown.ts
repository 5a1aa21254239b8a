import { decodeText } from '../encoding';
import { unwrapHardLines } from '../hard-wrap';
import { normalizeText } from '../normalize';
import type { ParsedText } from '../result';

/**
 * Markdown transcripts: keep the words, drop the markup a reader never sees (heading
 * marks, emphasis, link targets, list bullets, HTML comments, a YAML front-matter block
 * of note-taking apps), so "**E:**" reads as "E:"; a table row reads "cell | cell" as
 * Word tables do, its |---| ruler goes.
 */
export function parseMarkdown(bytes: Uint8Array): ParsedText {
  const { text, encoding } = decodeText(bytes);
  const plain = text
    .replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n(---|\.\.\.)\s*(\r?\n|$)/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/gm, '')
    .replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_, cells: string) => cells.split('|').map((c) => c.trim()).join(' | '))
    .replace(/^(\s{0,3})#{1,6}\s+/gm, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^(\s*)[-*+]\s+/gm, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?!\s)(.+?)(?<!\s)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gm, '');
  // Markdown written with a line break every seventy-odd characters: its paragraphs, as rendered.
  return { text: unwrapHardLines(normalizeText(plain)) ?? plain, encoding };
}
