import type { ParagraphRange, SpeakerTurn } from '../model/types';

/**
 * A speaker label opening a paragraph: "Interviewer:", "E:", "Entrevistadora:", "P1:",
 * "Caregiver 1:", "Social Worker 5:", "[id1]", optionally after a timestamp
 * ("00:01:23 Speaker 1:") or with one after the name ("Speaker 1 (00:01:23):").
 */
const LABEL =
  /^\s*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?\s*[-–]?\s*)?(?:\[([^\]\n]{1,40})\]|(\p{Lu}[\p{L}\p{N}.'’ -]{0,40}?)\s*(?:\(\d{1,2}:\d{2}(?::\d{2})?\))?\s*:)(?=\s|$)/u;

const MAX_LABEL_WORDS = 4;

/** The speaker label opening a line, and where the words after it begin. */
export function matchSpeakerLabel(line: string): { name: string; end: number } | null {
  const m = LABEL.exec(line);
  if (!m) return null;
  const name = (m[1] ?? m[2] ?? '').trim();
  const words = name.split(/\s+/);
  if (!name || words.length > MAX_LABEL_WORDS) return null;
  // "Social Worker 5", "Trabajadora social 3", "Dr. Pérez": not "The goals are".
  const labelLike = words.length === 1 || /^\p{N}+$/u.test(words[words.length - 1]) || words.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
  if (!labelLike) return null;
  return { name, end: m[0].length };
}

export function speakerLabelAt(line: string): string | null {
  return matchSpeakerLabel(line)?.name ?? null;
}

/**
 * Finds speaker turns in a plain transcript. A label counts only if it opens at least two
 * paragraphs, so a report's single "Keywords:" or "Note:" is not taken for a speaker.
 * A turn runs until the next labelled paragraph.
 */
export function detectTurns(text: string, paragraphs: ParagraphRange[]): SpeakerTurn[] {
  const labels = paragraphs.map((p) => speakerLabelAt(text.slice(p.start, Math.min(p.end, p.start + 120))));
  const counts = new Map<string, number>();
  for (const l of labels) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  const turns: SpeakerTurn[] = [];
  labels.forEach((label, i) => {
    const p = paragraphs[i];
    if (label && (counts.get(label) ?? 0) >= 2) {
      turns.push({ speaker: label, start: p.start, end: p.end });
    } else if (turns.length > 0 && !label) {
      turns[turns.length - 1].end = p.end;
    }
  });
  return turns;
}
