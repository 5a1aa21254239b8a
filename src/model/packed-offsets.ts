import type { ParagraphRange, SpeakerTurn } from './types';

/**
 * Paragraph and turn offsets as typed arrays instead of thousands of small objects: copying
 * an object between threads or into IndexedDB costs about a microsecond each, a typed array
 * is copied (or handed over) in one go. A long transcript has thousands of both.
 */
export interface PackedTurns {
  /** Each speaker once; a transcript has a handful and hundreds of turns. */
  names: string[];
  /** Which of the names speaks each turn. */
  speaker: Uint32Array<ArrayBuffer>;
  /** start, end of each turn. */
  ranges: Uint32Array<ArrayBuffer>;
  /** Media start, end of each turn in seconds (NaN where not known); absent when no turn has times. */
  times?: Float64Array<ArrayBuffer>;
}

/** start, end of each range, in order. */
export function packRanges(ranges: ParagraphRange[]): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(ranges.length * 2);
  ranges.forEach((r, i) => {
    out[2 * i] = r.start;
    out[2 * i + 1] = r.end;
  });
  return out;
}

export function unpackRanges(packed: Uint32Array): ParagraphRange[] {
  const out: ParagraphRange[] = new Array(packed.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = { start: packed[2 * i], end: packed[2 * i + 1] };
  return out;
}

export function packTurns(turns: SpeakerTurn[]): PackedTurns {
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const speaker = new Uint32Array(turns.length);
  turns.forEach((t, i) => {
    let k = indexOf.get(t.speaker);
    if (k === undefined) indexOf.set(t.speaker, (k = names.push(t.speaker) - 1));
    speaker[i] = k;
  });
  const packed: PackedTurns = { names, speaker, ranges: packRanges(turns) };
  if (turns.some((t) => t.startTime !== undefined || t.endTime !== undefined)) {
    packed.times = new Float64Array(turns.flatMap((t) => [t.startTime ?? NaN, t.endTime ?? NaN]));
  }
  return packed;
}

export function unpackTurns({ names, speaker, ranges, times }: PackedTurns): SpeakerTurn[] {
  return Array.from(speaker, (k, i) => {
    const turn: SpeakerTurn = { speaker: names[k], start: ranges[2 * i], end: ranges[2 * i + 1] };
    if (times && !Number.isNaN(times[2 * i])) turn.startTime = times[2 * i];
    if (times && !Number.isNaN(times[2 * i + 1])) turn.endTime = times[2 * i + 1];
    return turn;
  });
}
