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
  // Every pattern below gives up within its line or within a bounded span: a flood of '[', '*' or '<' costs its length, not its square.
  const plain = withoutHtmlComments(text.replace(/\r\n?/g, '\n'))
    .replace(/^\uFEFF?---\n[\s\S]*?\n(---|\.\.\.)[ \t]*(\n|$)/, '')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/gm, '')
    .replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_, cells: string) =>
      cells
        .split('|')
        .map((c) => c.trim())
        .join(' | '),
    )
    .replace(/^([ \t]{0,3})#{1,6}[ \t]+/gm, '$1')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^([ \t]*)[-*+][ \t]+/gm, '$1')
    .replace(/!\[([^\][\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/\[([^\][\n]+)\]\([^()\n]*\)/g, '$1')
    .replace(/(\*\*|__)(.{1,300}?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?!\s)(.{1,300}?)(?<!\s)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$/gm, '');
  // Markdown written with a line break every seventy-odd characters: its paragraphs, as rendered.
  return { text: unwrapHardLines(normalizeText(plain)) ?? plain, encoding };
}

/** HTML comments removed in one pass; one never closed runs to the end, as a browser reads it. */
function withoutHtmlComments(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', at)) {
    out += text.slice(at, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
  return out + text.slice(at);
}
