import type { SpeakerTurn } from '../../model/types';
import { decodeText } from '../encoding';
import { fail, type ParsedText } from '../result';
import { matchSpeakerLabel } from '../speakers';

/** "00:01:02.500", "01:02,5", Teams' "0:0:0.570": hours and minutes may have one digit. */
const TIME = String.raw`(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?)`;
const CUE_TIMING = new RegExp(`^\\s*${TIME}\\s*-->\\s*${TIME}`);

export function parseTimestamp(s: string): number {
  const [hms, frac = '0'] = s.split(/[.,]/);
  const parts = hms.split(':').map(Number);
  while (parts.length < 3) parts.unshift(0);
  return parts[0] * 3600 + parts[1] * 60 + parts[2] + Number(`0.${frac}`);
}

interface Cue {
  speaker: string | null;
  text: string;
  startTime: number;
  endTime: number;
}

/**
 * WebVTT and SRT transcripts (Zoom, Teams, transcription services): one speaker turn per
 * cue; the speaker comes from a `<v Name>` voice tag or a "Name:" prefix (none: ''); the
 * cue's times are kept on its turn.
 * Each cue becomes one paragraph written "Name: words", as in a plain transcript.
 */
export function parseSubtitles(bytes: Uint8Array, format: 'vtt' | 'srt'): ParsedText {
  const { text, encoding } = decodeText(bytes);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (format === 'vtt' && !/^\uFEFF?WEBVTT/.test(lines[0] ?? '')) {
    fail('corrupt', 'not a WebVTT file (it must begin with "WEBVTT")');
  }
  const cues: Cue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const timing = CUE_TIMING.exec(lines[i]);
    if (!timing) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== ''; j++) body.push(lines[j]);
    i = j;
    const cue = cueFrom(body.join(' '), parseTimestamp(timing[1]), parseTimestamp(timing[2]));
    if (cue.text) cues.push(cue);
  }
  if (cues.length === 0) fail('no-text', 'no captions found');

  let out = '';
  const paragraphs = [];
  const turns: SpeakerTurn[] = [];
  for (const cue of cues) {
    if (out) out += '\n';
    const start = out.length;
    out += cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text;
    paragraphs.push({ start, end: out.length });
    // Every cue keeps its times; a cue nobody is named in has no speaker ('').
    turns.push({ speaker: cue.speaker ?? '', start, end: out.length, startTime: cue.startTime, endTime: cue.endTime });
  }
  return { text: out.normalize('NFC'), paragraphs, turns, encoding };
}

function cueFrom(raw: string, startTime: number, endTime: number): Cue {
  let speaker: string | null = null;
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(raw);
  if (voice) speaker = voice[1].trim();
  // Markup goes: HTML-like tags (<i>, <c.color>, <font>) and the {\an8}-style overrides
  // that subtitle editors (Aegisub, Subtitle Edit) leave in .srt files.
  let words = decodeEntities(raw.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '')).replace(/\s+/g, ' ').trim();
  if (!speaker) {
    const label = matchSpeakerLabel(words);
    if (label) {
      speaker = label.name;
      words = words.slice(label.end).trim();
    }
  }
  return { speaker, text: words, startTime, endTime };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');
}
