import { decodeText } from '../encoding';
import { htmlParagraphs } from '../html-paragraphs';
import { joinParagraphs } from '../normalize';
import type { ParsedText } from '../result';

/**
 * Web pages and HTML exports (transcription services, saved articles, Google Docs' "Web
 * page"): what a reader sees, block by block; scripts, styles and markup left out.
 */
export function parseHtml(bytes: Uint8Array): ParsedText {
  const { text, encoding } = decodeText(bytes);
  return { ...joinParagraphs(htmlParagraphs(text)), encoding };
}
