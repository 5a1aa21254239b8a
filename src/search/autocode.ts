import type { Segment, Source, SourceContent } from '../model/types';
import { foldWord } from './fold';
import type { SearchHit } from './search';
import { wordsOf } from './words';

/** How much around a hit auto-coding codes. */
export type AutocodeLevel = 'match' | 'sentence' | 'paragraph' | 'turn';
export const AUTOCODE_LEVELS: readonly AutocodeLevel[] = ['match', 'sentence', 'paragraph', 'turn'];

export interface AutocodeOptions {
  level: AutocodeLevel;
  /** Words of context added on each side of the match or sentence, within its paragraph or turn. */
  contextWords: number;
}

/** A passage to be coded: a stretch of one source. */
export interface Passage {
  sourceId: string;
  start: number;
  end: number;
}

/** A sentence ends at . ! ? or … followed by a space and what may begin a sentence. */
const SENTENCE_END = /[.!?…]+["»”')\]]*(?=\s+["«“¿¡([]?[\p{Lu}\p{N}]|\s*$)/gu;

/** The sentences of a stretch of text (a paragraph), each without the spaces before it. */
export function sentencesOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const unit = text.slice(start, end);
  let from = start;
  const push = (to: number) => {
    while (from < to && /\s/.test(text[from])) from++;
    if (to > from) out.push({ start: from, end: to });
    from = to;
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(unit); m; m = SENTENCE_END.exec(unit)) push(start + m.index + m[0].length);
  push(end);
  return out;
}

/** The sentence (or sentences) of a unit around a stretch. */
function sentenceAround(text: string, unitStart: number, unitEnd: number, start: number, end: number): [number, number] {
  const unit = text.slice(unitStart, unitEnd);
  let from = unitStart;
  let to = unitEnd;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(unit); m; m = SENTENCE_END.exec(unit)) {
    const after = unitStart + m.index + m[0].length;
    if (after <= start) from = after;
    else if (after >= end) {
      to = after;
      break;
    }
  }
  while (from < to && /\s/.test(text[from])) from++;
  return [from, to];
}

/** A stretch widened by `n` words on each side, within its unit. */
function withContext(text: string, unitStart: number, unitEnd: number, start: number, end: number, n: number): [number, number] {
  if (n <= 0) return [start, end];
  const before = wordsOf(text, unitStart, start);
  const after = wordsOf(text, end, unitEnd);
  return [before.length ? before[Math.max(0, before.length - n)].start : start, after.length ? after[Math.min(after.length, n) - 1].end : end];
}

function containing(ranges: { start: number; end: number }[], start: number, end: number): [number, number] | null {
  const touching = ranges.filter((r) => r.end > start && r.start < end);
  if (!touching.length) return null;
  return [Math.min(...touching.map((r) => r.start)), Math.max(...touching.map((r) => r.end))];
}

/**
 * The passages that coding a search's hits at a level would code, merged where they
 * overlap (two hits in one paragraph code it once), in source and text order.
 */
export function passagesOfHits(
  hits: SearchHit[],
  contentOf: (sourceId: string) => Pick<SourceContent, 'text' | 'paragraphs' | 'turns'> | undefined,
  options: AutocodeOptions,
): Passage[] {
  const out: Passage[] = [];
  for (const h of hits) {
    const content = contentOf(h.sourceId);
    if (!content) continue;
    let range: [number, number];
    if (options.level === 'paragraph') range = containing(content.paragraphs, h.start, h.end) ?? [h.unitStart, h.unitEnd];
    else if (options.level === 'turn') range = containing(content.turns, h.start, h.end) ?? containing(content.paragraphs, h.start, h.end) ?? [h.unitStart, h.unitEnd];
    else {
      range = options.level === 'sentence' ? sentenceAround(content.text, h.unitStart, h.unitEnd, h.start, h.end) : [h.start, h.end];
      range = withContext(content.text, h.unitStart, h.unitEnd, range[0], range[1], options.contextWords);
    }
    if (range[1] > range[0]) out.push({ sourceId: h.sourceId, start: range[0], end: range[1] });
  }
  return mergePassages(out);
}

export function mergePassages(passages: Passage[]): Passage[] {
  // Sources stay in the order their first passage came (a search's reading order), passages in text order.
  const rank = new Map<string, number>();
  for (const p of passages) if (!rank.has(p.sourceId)) rank.set(p.sourceId, rank.size);
  const sorted = [...passages].sort((a, b) => rank.get(a.sourceId)! - rank.get(b.sourceId)! || a.start - b.start);
  const out: Passage[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last.sourceId === p.sourceId && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else out.push({ ...p });
  }
  return out;
}

/** Every turn of a speaker (named as the transcript names them, accents and case aside) in the chosen sources. */
export function passagesOfSpeaker(contents: Pick<SourceContent, 'sourceId' | 'turns'>[], speaker: string): Passage[] {
  const wanted = foldWord(speaker.trim());
  return mergePassages(
    contents.flatMap((c) => c.turns.filter((t) => t.end > t.start && foldWord(t.speaker.trim()) === wanted).map((t) => ({ sourceId: c.sourceId, start: t.start, end: t.end }))),
  );
}

/** The speakers of the chosen sources, most turns first, as the researcher picks one to code. */
export function speakersOf(contents: Pick<SourceContent, 'turns'>[]): { speaker: string; turns: number }[] {
  const counts = new Map<string, { speaker: string; turns: number }>();
  for (const c of contents)
    for (const t of c.turns) {
      if (!t.speaker.trim()) continue;
      const key = foldWord(t.speaker.trim());
      const e = counts.get(key) ?? counts.set(key, { speaker: t.speaker.trim(), turns: 0 }).get(key)!;
      e.turns++;
    }
  return [...counts.values()].sort((a, b) => b.turns - a.turns || a.speaker.localeCompare(b.speaker));
}

/** Passages the code already covers exactly are not coded twice. */
export function passagesToCode(passages: Passage[], existing: Pick<Segment, 'sourceId' | 'codeId' | 'start' | 'end'>[], codeId: string): Passage[] {
  const have = new Set(existing.filter((s) => s.codeId === codeId).map((s) => `${s.sourceId}:${s.start}:${s.end}`));
  return passages.filter((p) => !have.has(`${p.sourceId}:${p.start}:${p.end}`));
}

/** A part of the sources' structure a researcher can code at once: a heading's section, or a survey question's answers. */
export interface StructurePart {
  key: string;
  label: string;
  kind: 'heading' | 'question';
  /** How many passages coding it would code. */
  passages: number;
}

type StructureSource = Pick<Source, 'id' | 'name' | 'kind'>;
type StructureContent = Pick<SourceContent, 'sourceId' | 'text' | 'paragraphs' | 'headings'>;

const headingKey = (text: string) => `heading:${foldWord(text.trim().replace(/\s+/g, ' '))}`;
/** Survey answers imported one per source are named "Respondent – Question". */
const questionOf = (s: StructureSource) => (s.kind === 'survey answer' && s.name.includes(' – ') ? s.name.slice(s.name.lastIndexOf(' – ') + 3).trim() : null);
const questionKey = (q: string) => `question:${foldWord(q.replace(/\s+/g, ' '))}`;

/** The paragraphs under each heading: from the one after it to the next heading of its level or above. */
function sections(content: StructureContent): { key: string; label: string; passage: Passage | null }[] {
  const headings = [...(content.headings ?? [])].sort((a, b) => a.start - b.start);
  return headings.map((h, i) => {
    const next = headings.slice(i + 1).find((n) => n.level <= h.level);
    // Subheadings and their paragraphs belong to the section they stand in.
    const body = content.paragraphs.filter((p) => p.start >= h.end && (!next || p.end <= next.start));
    const label = content.text.slice(h.start, h.end);
    return { key: headingKey(label), label, passage: body.length ? { sourceId: content.sourceId, start: body[0].start, end: body[body.length - 1].end } : null };
  });
}

/** The headings and survey questions of the chosen sources, with how many passages each would code. */
export function structureOf(sources: StructureSource[], contents: StructureContent[]): StructurePart[] {
  const parts = new Map<string, StructurePart>();
  const add = (key: string, label: string, kind: StructurePart['kind']) => {
    const e = parts.get(key) ?? parts.set(key, { key, label, kind, passages: 0 }).get(key)!;
    e.passages++;
  };
  for (const c of contents) for (const s of sections(c)) if (s.passage) add(s.key, s.label, 'heading');
  const textOf = new Map(contents.map((c) => [c.sourceId, c.text]));
  for (const s of sources) {
    const q = questionOf(s);
    if (q && textOf.get(s.id)?.trim()) add(questionKey(q), q, 'question');
  }
  return [...parts.values()];
}

/** Every passage under one heading (across the sources), or every answer to one survey question. */
export function passagesOfStructure(sources: StructureSource[], contents: StructureContent[], key: string): Passage[] {
  const out: Passage[] = [];
  for (const c of contents) for (const s of sections(c)) if (s.key === key && s.passage) out.push(s.passage);
  const byId = new Map(contents.map((c) => [c.sourceId, c]));
  for (const s of sources) {
    const q = questionOf(s);
    const c = byId.get(s.id);
    if (q && c && questionKey(q) === key && c.text.trim()) out.push({ sourceId: s.id, start: 0, end: c.text.length });
  }
  return mergePassages(out);
}
