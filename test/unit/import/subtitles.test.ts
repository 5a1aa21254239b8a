import { describe, expect, it } from 'vitest';
import { importSource, type ImportedSource } from '../../../src/import';
import { parseTimestamp } from '../../../src/import/formats/subtitles';
import { shared, utf8 } from '../helpers';

async function importOk(name: string, bytes: Uint8Array): Promise<ImportedSource> {
  const result = await importSource({ name, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.sources[0];
}

describe('importing Teams, Zoom and subtitle transcripts', () => {
  it('reads a Teams .vtt: one turn per cue, speaker from <v Name>, Teams timestamps', async () => {
    const source = await importOk('teams.vtt', shared('corpus/docs/webvtt-py_teams_timeframe.vtt'));
    expect(source.text).toBe('Yuri Bakulin: There you go.\nAdrian Petrescu: Why hello there, Yuri.');
    expect(source.turns).toEqual([
      { speaker: 'Yuri Bakulin', start: 0, end: 27, startTime: 0, endTime: 0.57 },
      { speaker: 'Adrian Petrescu', start: 28, end: 67, startTime: 0.21, endTime: 1.13 },
    ]);
  });

  it('reads a .vtt with a byte-order mark', async () => {
    const source = await importOk('bom.vtt', shared('corpus/docs/webvtt-py_captions_with_bom.vtt'));
    expect(source.text.split('\n')[0]).toBe('Caption text #1');
    expect(source.encoding).toBe('utf-8 (BOM)');
  });

  it('reads an .srt with comma milliseconds and multi-line cues', async () => {
    const basic = await importOk('sample.srt', shared('corpus/docs/webvtt-py_sample.srt'));
    expect(basic.paragraphs).toHaveLength(5);
    const multi = await importOk('bom.srt', shared('corpus/docs/chardet_utf8_bom.srt'));
    expect(multi.text.split('\n')[0]).toBe('About 2 months ago I found myself on the comment section of YouTube');
  });

  it('takes the speaker from a "Name:" prefix when there is no voice tag (Zoom)', async () => {
    const zoom = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.500\nEntrevistadora: ¿Cómo fue la visita?\n\n2\n00:00:05.000 --> 00:00:09.000\nCuidadora 2: Bien, me sentí escuchada.\n';
    const source = await importOk('zoom.vtt', utf8(zoom));
    expect(source.text).toBe('Entrevistadora: ¿Cómo fue la visita?\nCuidadora 2: Bien, me sentí escuchada.');
    expect(source.turns.map((t) => [t.speaker, t.startTime])).toEqual([
      ['Entrevistadora', 1],
      ['Cuidadora 2', 5],
    ]);
  });

  it('reads the timestamp shapes different tools write', () => {
    expect(parseTimestamp('00:01:02.500')).toBe(62.5);
    expect(parseTimestamp('01:02,250')).toBe(62.25);
    expect(parseTimestamp('0:0:0.570')).toBe(0.57);
    expect(parseTimestamp('1:00:00.000')).toBe(3600);
  });
});
