import { matchSpeakerLabel } from './speakers';

/** Lines this long or longer were not wrapped by an editor at a fixed width. */
const LONGEST_WRAPPED = 100;

/**
 * Plain text saved with hard line breaks every 70-odd characters (old editors, e-mail,
 * some transcription services) would give a paragraph per printed line, and citations
 * that match nothing the researcher sees. Such text is recognised by its lines — never
 * over 100 characters, most within a few characters of the longest, most of those ending
 * mid-sentence, blank lines between paragraphs — and its wrapped lines are joined again. A line is never
 * joined to one that opens with a speaker label or a list mark. Null: the text is not
 * hard-wrapped and stays as it is.
 */
export function unwrapHardLines(text: string): string | null {
  const lines = text.split('\n');
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length < 8 || filled.length === lines.length) return null;
  let longest = 0;
  for (const l of filled) {
    if (l.length >= LONGEST_WRAPPED) return null;
    longest = Math.max(longest, l.length);
  }
  const wrapped = (l: string) => l.length >= longest - 15 && longest >= 50;
  if (filled.filter(wrapped).length < filled.length * 0.5) return null;
  // A line the editor wrapped ends mid-sentence; a line someone ended ends a sentence.
  const followed = lines.filter((l, i) => wrapped(l) && (lines[i + 1] ?? '').trim() !== '');
  if (followed.length === 0 || followed.filter((l) => /[.!?…:;»"”)\]]\s*$/.test(l)).length > followed.length * 0.4) return null;
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const joins = previous !== undefined && previous.trim() !== '' && line.trim() !== '' && wrapped(previous) && !opensItsOwnLine(line) && !/[:]\s*$/.test(previous);
    if (joins) out[out.length - 1] = `${previous.trimEnd()} ${line.trimStart()}`;
    else out.push(line);
  }
  return out.join('\n');
}

/** A speaker's label, a list mark or a heading number begins a line of its own. */
function opensItsOwnLine(line: string): boolean {
  return matchSpeakerLabel(line) !== null || /^\s*([-*•–]|\d{1,3}[.)])\s/.test(line);
}
