import { describe, expect, it } from 'vitest';
import { importSource, type ImportedSource } from '../../../src/import';
import { parseTimestamp } from '../../../src/import/formats/subtitles';
import { fixture, shared, itWithShared, utf8 } from '../helpers';

async function importOk(name: string, bytes: Uint8Array): Promise<ImportedSource> {
  const result = await importSource({ name, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.sources[0];
}

describe('importing Teams, Zoom and subtitle transcripts', () => {
  itWithShared('reads a Teams .vtt: one turn per cue, speaker from <v Name>, Teams timestamps', async () => {
    const source = await importOk('teams.vtt', shared('corpus/docs/webvtt-py_teams_timeframe.vtt'));
    expect(source.text).toBe('Yuri Bakulin: There you go.\nAdrian Petrescu: Why hello there, Yuri.');
    expect(source.turns).toEqual([
      { speaker: 'Yuri Bakulin', start: 0, end: 27, startTime: 0, endTime: 0.57 },
      { speaker: 'Adrian Petrescu', start: 28, end: 67, startTime: 0.21, endTime: 1.13 },
    ]);
  });

  itWithShared('reads a .vtt with a byte-order mark', async () => {
    const source = await importOk('bom.vtt', shared('corpus/docs/webvtt-py_captions_with_bom.vtt'));
    expect(source.text.split('\n')[0]).toBe('Caption text #1');
    expect(source.encoding).toBe('utf-8 (BOM)');
  });

  itWithShared('reads an .srt with comma milliseconds and multi-line cues', async () => {
    const basic = await importOk('sample.srt', shared('corpus/docs/webvtt-py_sample.srt'));
    expect(basic.paragraphs).toHaveLength(5);
    // Nobody is named, and every caption keeps its times.
    expect(basic.turns[1]).toEqual({ speaker: '', start: basic.paragraphs[1].start, end: basic.paragraphs[1].end, startTime: 7, endTime: 11.89 });
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

  it('drops the {\\an8} overrides and tags subtitle editors leave, finding the speaker behind them', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Entrevistadora:</i> Hola\n\n2\n00:00:02,500 --> 00:00:04,000\n<font color="#ffffff">Madre: Buenas</font>\n';
    const source = await importOk('editor.srt', utf8(srt));
    expect(source.text).toBe('Entrevistadora: Hola\nMadre: Buenas');
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'Madre']);
  });

  it('reads YouTube’s automatic captions once, without the line each cue repeats from the one before', async () => {
    const youtube = [
      'WEBVTT',
      'Kind: captions',
      'Language: es',
      '',
      '00:00:00.030 --> 00:00:02.270 align:start position:0%',
      ' ',
      'hola<00:00:00.480><c> cómo</c><00:00:00.840><c> está</c>',
      '',
      '00:00:02.270 --> 00:00:02.280 align:start position:0%',
      'hola cómo está',
      ' ',
      '',
      '00:00:02.280 --> 00:00:05.000 align:start position:0%',
      'hola cómo está',
      'muy<00:00:03.000><c> bien</c><00:00:03.500><c> gracias</c>',
      '',
      '00:00:05.000 --> 00:00:05.010 align:start position:0%',
      'muy bien gracias',
      ' ',
      '',
    ].join('\n');
    const source = await importOk('youtube.es.vtt', utf8(youtube));
    expect(source.text).toBe('hola cómo está\nmuy bien gracias');
    expect(source.turns.map((t) => [t.startTime, t.endTime])).toEqual([
      [0.03, 2.27],
      [2.28, 5],
    ]);
  });

  it('keeps a caption said twice in a row by someone, which is no roll-up', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nSí.\n\n2\n00:00:02,500 --> 00:00:03,500\nSí.\n';
    expect((await importOk('si.srt', utf8(srt))).text).toBe('Sí.\nSí.');
  });

  it('gives each line of a two-person caption ("- ¿Cómo está?" "- Bien.") a turn of its own', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\n- ¿Cómo está?\n- Bien, gracias.\n\n2\n00:00:05,000 --> 00:00:06,000\n- Entrevistadora: ¿Y la familia?\n- Madre: Mejor.\n';
    const source = await importOk('dialogo.srt', utf8(srt));
    expect(source.text).toBe('¿Cómo está?\nBien, gracias.\nEntrevistadora: ¿Y la familia?\nMadre: Mejor.');
    expect(source.turns.map((t) => [t.speaker, t.startTime])).toEqual([
      ['', 1],
      ['', 1],
      ['Entrevistadora', 5],
      ['Madre', 5],
    ]);
  });

  it('gives each voice of a caption shared by two people a turn: two voice tags, or two named lines', async () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nAna: Hola, ¿cómo está?\nBea: Bien, gracias.\n\n' +
      '00:00:04.500 --> 00:00:07.000\n<v Ana>¿Y la visita?</v>\n<v Bea>Muy buena.</v>\n\n' +
      '00:00:07.500 --> 00:00:09.000\n<v Ana>Me alegro.</v> <v.loud Bea>¡Yo también!</v>\n\n' +
      // One person whose words run over two lines, the second of which looks like a label: one turn.
      '00:00:09.500 --> 00:00:12.000\nAna: Lo que dijo la visitadora\nfue: vuelva cuando quiera.\n';
    const source = await importOk('visita.vtt', utf8(vtt));
    expect(source.turns.map((t) => [t.speaker, source.text.slice(t.start, t.end), t.startTime])).toEqual([
      ['Ana', 'Ana: Hola, ¿cómo está?', 1],
      ['Bea', 'Bea: Bien, gracias.', 1],
      ['Ana', 'Ana: ¿Y la visita?', 4.5],
      ['Bea', 'Bea: Muy buena.', 4.5],
      ['Ana', 'Ana: Me alegro.', 7.5],
      ['Bea', 'Bea: ¡Yo también!', 7.5],
      ['Ana', 'Ana: Lo que dijo la visitadora fue: vuelva cuando quiera.', 9.5],
    ]);
  });

  it('composes accents typed as two characters before it counts where each turn begins', async () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Nin\u0303o peque\u0301n\u0303o</v>\n\n00:03.000 --> 00:04.000\n<v Luis>Sí</v>\n';
    const source = await importOk('nfd.vtt', utf8(vtt));
    expect(source.turns.map((t) => source.text.slice(t.start, t.end))).toEqual(['Ana: Niño pequéño', 'Luis: Sí']);
  });

  it('reads the timestamp shapes different tools write', () => {
    expect(parseTimestamp('00:01:02.500')).toBe(62.5);
    expect(parseTimestamp('01:02,250')).toBe(62.25);
    expect(parseTimestamp('0:0:0.570')).toBe(0.57);
    expect(parseTimestamp('1:00:00.000')).toBe(3600);
  });
});

describe('transcripts in fixtures/transcripts', () => {
  it('reads a Spanish Teams session: voice tags, cue ids, multi-line cues', async () => {
    const source = await importOk('sesion_Cuidadora2_teams.vtt', fixture('transcripts/sesion_Cuidadora2_teams.vtt'));
    expect(source.turns.map((t) => t.speaker)).toEqual(['Trabajadora Social 2', 'Cuidadora 2', 'Trabajadora Social 2', 'Cuidadora 2']);
    expect(source.text.split('\n')[3]).toBe('Cuidadora 2: Mejor. La mayor todavía extraña a sus compañeras, pero ya no llora en la mañana. Estamos más tranquilas.');
    expect(source.turns[3]).toMatchObject({ startTime: 21.5, endTime: 33.76 });
    expect(source.suggestedCase).toBe('Cuidadora 2'); // as the transcript names her
  });

  it('reads a Windows-1252 .srt from an old transcription tool, accents and curly quotes intact', async () => {
    const source = await importOk('entrevista_Cuidadora5_cp1252.srt', fixture('transcripts/entrevista_Cuidadora5_cp1252.srt'));
    expect(source.encoding).toBe('windows-1252');
    expect(source.text).toBe('Entrevistador: ¿Qué le pareció la visita?\nCuidadora 5: Me sentí acompañada… por primera vez.\nEntrevistador: “Acompañada”, ¿en qué sentido?');
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistador', 'Cuidadora 5', 'Entrevistador']);
  });
});

describe('Markdown transcripts', () => {
  it('drops the markup and keeps bold speaker labels as speakers', async () => {
    const source = await importOk('PSA_in-depth.md', fixture('sample/PSA_in-depth.md'));
    expect(source.text.split('\n')[0]).toBe('In-depth interview – Professional PSA (psychologist, Santa Brígida)');
    expect(source.turns[0]).toMatchObject({ speaker: 'I' });
    expect(new Set(source.turns.map((t) => t.speaker))).toEqual(new Set(['I', 'PSA']));
    expect(source.text).not.toContain('**');
  });
});

describe('an oTranscribe transcript (.otr)', () => {
  it('reads its paragraphs, the times inserted in them and its speakers', async () => {
    const source = await importOk('entrevista_P6.otr', fixture('transcripts/entrevista_P6.otr'));
    expect(source.text.split('\n')[1]).toBe('00:09 P6: Bien, mejor que la última vez. La niña ya duerme toda la noche y yo estoy más tranquila.');
    expect(source.turns.map((t) => t.speaker)).toEqual(['Entrevistadora', 'P6', 'Entrevistadora', 'P6']);
    expect(source.text).toContain('P6: Que la visitadora me explicó las cosas con calma,');
    expect(source.suggestedCase).toBe('P6');
  });

  it.each([
    ['not JSON', utf8('<p>Entrevistadora: hola</p>'), 'it is not JSON'],
    ['JSON without a transcript', utf8('{"media": "a.mp3"}'), 'it holds no transcript'],
  ])('refuses a file that is %s, naming the reason', async (_, bytes, reason) => {
    const result = await importSource({ name: 'roto.otr', bytes });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(reason);
  });
});
