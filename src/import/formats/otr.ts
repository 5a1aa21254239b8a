import { decodeText } from '../encoding';
import { htmlParagraphs } from '../html-paragraphs';
import { joinParagraphs } from '../normalize';
import { notValid, type ParsedText } from '../result';

/**
 * oTranscribe's own files (.otr), which many researchers transcribe in: JSON whose `text`
 * is the transcript as the editor's HTML, its inserted times ("00:12") kept as written.
 */
export function parseOtr(bytes: Uint8Array): ParsedText {
  const { text: json, encoding } = decodeText(bytes);
  let saved: unknown;
  try {
    saved = JSON.parse(json);
  } catch {
    notValid('oTranscribe', 'it is not JSON');
  }
  const html = saved !== null && typeof saved === 'object' ? (saved as { text?: unknown }).text : undefined;
  if (typeof html !== 'string') notValid('oTranscribe', 'it holds no transcript ("text")');
  return { ...joinParagraphs(htmlParagraphs(html)), encoding };
}
