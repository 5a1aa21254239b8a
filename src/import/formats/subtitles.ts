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
  // Whole milliseconds, so 00:00:02.280 is 2.28 and not 2.2800000000000002.
  return Math.round((parts[0] * 3600 + parts[1] * 60 + parts[2] + Number(`0.${frac}`)) * 1000) / 1000;
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
    fail('corrupt', 'not a WebVTT file (it must begin with "WEBVTT")', { format: 'WebVTT', reason: 'it must begin with "WEBVTT"' });
  }
  const cues: Cue[] = [];
  let previousLine = '';
  for (let i = 0; i < lines.length; i++) {
    const timing = CUE_TIMING.exec(lines[i]);
    if (!timing) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !endsCue(lines, j); j++) body.push(lines[j]);
    i = j;
    const [startTime, endTime] = [parseTimestamp(timing[1]), parseTimestamp(timing[2])];
    // Roll-up captions (YouTube's automatic ones) repeat the previous cue's last line above
    // the new words, and flash it alone for a few milliseconds: the repeat is not said again.
    const shown = body.filter((line) => plainWords(line) !== '');
    if (shown.length > 0 && previousLine !== '' && plainWords(shown[0]) === previousLine && (shown.length > 1 || endTime - startTime <= ROLL_UP_FLASH)) shown.shift();
    if (shown.length === 0) continue;
    previousLine = plainWords(shown[shown.length - 1]);
    for (const said of saidInCaption(shown)) {
      const cue = cueFrom(said, startTime, endTime);
      if (cue.text) cues.push(cue);
    }
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
  return { text: out, paragraphs, turns, encoding };
}

/**
 * What each person says in a caption, with the caption's times: usually all its lines, but
 * two people may share one, each in a voice tag ("<v Ana>¿Y la visita?</v> <v Bea>Muy
 * buena.</v>"), on a line of their own after a dash ("- ¿Cómo está?" "- Bien.") or after
 * their name ("Ana: Hola." "Bea: Bien.").
 */
function saidInCaption(shown: string[]): string[] {
  const joined = shown.join(' ');
  const voices = joined.split(/(?=<v[\s.])/);
  if (voices.filter((part) => VOICE_TAG.test(part)).length > 1) {
    // Words before the first voice tag are said in that voice.
    if (!VOICE_TAG.test(voices[0])) voices.splice(0, 2, voices[0] + voices[1]);
    return voices;
  }
  if (shown.length < 2) return [joined];
  if (shown.every((line) => DIALOGUE_DASH.test(plainWords(line)))) return shown.map((line) => plainWords(line).replace(DIALOGUE_DASH, ''));
  // Named as people are ("Bea:", "P2:"): a line of one person's words may go on with "fue: …".
  const names = shown.map((line) => matchSpeakerLabel(plainWords(line))?.name).map((name) => (name && /^[\p{Lu}\p{N}]/u.test(name) ? name : undefined));
  if (!names[0] || !names.some((name) => name && name !== names[0])) return [joined];
  const parts: string[] = [];
  shown.forEach((line, k) => (names[k] ? parts.push(line) : (parts[parts.length - 1] += ` ${line}`)));
  return parts;
}

/**
 * An empty line ends a cue. A line of spaces does too when the next cue follows it, but not
 * otherwise: roll-up captions open each cue with a line of one space.
 */
function endsCue(lines: string[], j: number): boolean {
  if (lines[j] === '') return true;
  if (lines[j].trim() !== '') return false;
  const next = lines[j + 1] ?? '';
  return j + 1 >= lines.length || next.trim() === '' || CUE_TIMING.test(next) || CUE_TIMING.test(lines[j + 2] ?? '');
}

const DIALOGUE_DASH = /^[-–—]\s+/;
const VOICE_TAG = /^<v[\s.]/;

/** How long a roll-up caption shows its last line alone before the next words (YouTube: 10 ms). */
const ROLL_UP_FLASH = 0.1;

/** A caption line as it reads: markup, editor overrides and character references gone. */
function plainWords(line: string): string {
  // A tag or override ends at its '>' or '}', or at the next one's start: an unclosed '<' costs one character, not the line.
  return decodeEntities(line.replace(/<[^<>]*>/g, '').replace(/\{\\[^{}]*\}/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function cueFrom(raw: string, startTime: number, endTime: number): Cue {
  let speaker: string | null = null;
  const voice = /<v(?:\.[^\s<>]*)?\s+([^<>]+)>/.exec(raw);
  if (voice) speaker = voice[1].trim().normalize('NFC');
  // Markup goes: HTML-like tags (<i>, <c.color>, <font>) and the {\an8}-style overrides
  // that subtitle editors (Aegisub, Subtitle Edit) leave in .srt files.
  // NFC here, before offsets are counted: composing accents shortens the text.
  let words = plainWords(raw).normalize('NFC');
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
