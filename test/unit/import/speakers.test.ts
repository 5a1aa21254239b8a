import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../src/import/normalize';
import { detectTurns, speakerLabelAt } from '../../../src/import/speakers';

describe('finding speakers in plain transcripts', () => {
  it.each([
    ['Interviewer: How did it go?', 'Interviewer'],
    ['E: ¿Cómo le fue?', 'E'],
    ['Entrevistadora: Cuénteme.', 'Entrevistadora'],
    ['P1: Bien.', 'P1'],
    ['Caregiver 1: At first I was afraid.', 'Caregiver 1'],
    ['Social Worker 5: I felt conflicted.', 'Social Worker 5'],
    ['[id2] I am struggling.', 'id2'],
    ['00:01:23 Speaker 1: Hello', 'Speaker 1'],
    ['Speaker 2 (00:03:10): Yes', 'Speaker 2'],
    ['Trabajadora Social 3: Sí.', 'Trabajadora Social 3'],
    ['Entrevistador/a: ¿Cómo está?', 'Entrevistador/a'],
    ['Entrevistador(a): ¿Cómo está?', 'Entrevistador(a)'],
    ['Madre (P3): Bien, gracias.', 'Madre (P3)'],
    ['—Entrevistadora: ¿Y después?', 'Entrevistadora'],
    ['[E]: ¿Qué pasó?', 'E'],
    ['E:¿Cómo está?', 'E'],
    ['I: Wie geht es Ihnen? #00:00:05-2#', 'I'],
    ['E.- ¿Cómo se llama usted?', 'E'],
    ['P1.– Me llamo Rosa.', 'P1'],
    ['P1 (madre): Bien.', 'P1 (madre)'],
    ['Interviewer\tHow did the visits go?', 'Interviewer'],
    ['P3\tThey were good.', 'P3'],
    ['E.: ¿Cómo fueron las visitas?', 'E'],
    ['P3.: Buenas.', 'P3'],
    ['Resp.: Leeds.', 'Resp'],
    ['JS [00:01:23]: I was born in 1950.', 'JS'],
    ['Entrevistadora [00:01]: ¿Cómo?', 'Entrevistadora'],
    ['Interviewer [00:00:05] Where were you born?', 'Interviewer'],
    ['**E:** ¿Cómo fue la visita?', 'E'],
    ['__P1:__ Bien.', 'P1'],
  ])('reads "%s" as spoken by %s', (line, speaker) => {
    expect(speakerLabelAt(line)).toBe(speaker);
  });

  it.each([
    'The goals are: to recover',
    '10:30 we met again',
    '10:30am we met again',
    'http://example.org: a link',
    'Nota (ver anexo): texto',
    'Ratio 3:1 in favour',
    'Sr.-Pérez llegó tarde',
    'this is the end of a sentence: and more',
    'A very long label with many words here: text',
    '[inaudible] and then she left',
    '[Risas] Sí, claro.',
    '[laughs] Of course.',
    '0:00:03.0 - 0:00:10.5\tHow did it go?\tSpeaker 1',
    '12\t34\t56',
    'Visita (10:30) La madre abrió la puerta.',
  ])('does not take "%s" for a speaker', (line) => {
    expect(speakerLabelAt(line)).toBeNull();
  });

  it('keeps words under a label that is not a speaker’s (a list, a note) in the turn they are in', () => {
    const text = 'E: ¿Qué aprendió?\nDRD: Dos cosas.\nPrimero: escuchar.\nSegundo: acordar.\nE: Gracias.\nDRD: A usted.';
    const turns = detectTurns(text, paragraphsOf(text));
    expect(turns.map((t) => [t.speaker, text.slice(t.start, t.end)])).toEqual([
      ['E', 'E: ¿Qué aprendió?'],
      ['DRD', 'DRD: Dos cosas.\nPrimero: escuchar.\nSegundo: acordar.'],
      ['E', 'E: Gracias.'],
      ['DRD', 'DRD: A usted.'],
    ]);
  });

  it('takes a participant who speaks once for a speaker when numbered like the others (a focus group)', () => {
    const text = 'M: ¿Qué cambió?\nP1: La confianza.\nP2: Los horarios.\nM: ¿Alguien más?\nP7: Yo también.\nP1: Y la escucha.\nP2: Sí.\nM: Gracias.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['M', 'P1', 'P2', 'M', 'P7', 'P1', 'P2', 'M']);
  });

  it('takes someone who speaks once between two people who speak more for a speaker, not a transcriber’s note', () => {
    const text =
      'Moderadora: ¿Qué cambió?\nRosa: La confianza.\nModeradora: ¿Alguien más?\nAna: Yo también lo noté.\nRosa: Y la escucha.\nNota: se escucha un niño.\nModeradora: Gracias.\nRosa: A ustedes.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['Moderadora', 'Rosa', 'Moderadora', 'Ana', 'Rosa', 'Moderadora', 'Rosa']);
  });

  it('does not take numbered steps of a list for speakers', () => {
    const text = 'E: ¿Cómo lo hace?\nP1: Así.\nPaso 1: llamar.\nPaso 2: visitar.\nE: ¿Y?\nP1: Nada más.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['E', 'P1', 'E', 'P1']);
  });

  it('takes people named by their role in words for speakers in a dialogue ("Trabajadora social:", "Madre de Tomás:")', () => {
    const text = 'Trabajadora social: Buenos días, ¿cómo está?\nMadre de Tomás: Bien, gracias.\nTrabajadora social: ¿Y el niño?\nMadre de Tomás: Mejor, más tranquilo.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['Trabajadora social', 'Madre de Tomás', 'Trabajadora social', 'Madre de Tomás']);
    const mixed = 'E: ¿Quién la acompaña?\nAbuela materna: Yo, casi siempre.\nE: ¿Desde cuándo?\nAbuela materna: Desde que nació.';
    expect(detectTurns(mixed, paragraphsOf(mixed)).map((t) => t.speaker)).toEqual(['E', 'Abuela materna', 'E', 'Abuela materna']);
  });

  it('does not take a report’s recurring lead-ins for speakers ("Resultados principales:", "Por ejemplo:")', () => {
    const text =
      'Informe de la visita.\nResultados principales: la familia mejoró.\nSe observó más cercanía.\nAcciones sugeridas: visitar cada mes.\nLa madre está de acuerdo.\n' +
      'Resultados principales: el niño asiste.\nPor ejemplo: va al jardín.\nPor ejemplo: come mejor.\nAcciones sugeridas: llamar en marzo.\nFin del informe.';
    expect(detectTurns(text, paragraphsOf(text))).toEqual([]);
  });

  it('needs a label twice, so a single "Keywords:" in a report is not a speaker', () => {
    const text = 'Keywords: home visits; bond\nThe report begins here.';
    expect(detectTurns(text, paragraphsOf(text))).toEqual([]);
  });

  it('lets a turn run over the paragraphs that follow it without a label', () => {
    const text = 'E: ¿Qué cambió?\nP: Todo.\nSobre todo la confianza.\nE: ¿Algo más?\nP: No.';
    const turns = detectTurns(text, paragraphsOf(text));
    expect(turns.map((t) => [t.speaker, text.slice(t.start, t.end)])).toEqual([
      ['E', 'E: ¿Qué cambió?'],
      ['P', 'P: Todo.\nSobre todo la confianza.'],
      ['E', 'E: ¿Algo más?'],
      ['P', 'P: No.'],
    ]);
  });
});

describe('transcripts whose speaker label stands on a line of its own', () => {
  it('reads an Otter-style transcript: "Speaker 1  0:03" then the words', () => {
    const text = 'Speaker 1  0:03\nHow did the first visit go?\nSpeaker 2  0:07\nI was scared at first.\nThen it got better.\nSpeaker 1  0:15\nWhy?';
    const turns = detectTurns(text, paragraphsOf(text));
    expect(turns.map((t) => [t.speaker, text.slice(t.start, t.end)])).toEqual([
      ['Speaker 1', 'Speaker 1  0:03\nHow did the first visit go?'],
      ['Speaker 2', 'Speaker 2  0:07\nI was scared at first.\nThen it got better.'],
      ['Speaker 1', 'Speaker 1  0:15\nWhy?'],
    ]);
  });

  it.each([
    ['Trint, the time first', '00:00:03 Ana Pérez\nBuenos días, ¿me escucha?\n\n00:00:07 Luis Soto\nSí, perfecto.\n\n00:00:12 Ana Pérez\nEmpecemos.'],
    ['Descript, the time in brackets', 'Ana Pérez [00:00:03]\nBuenos días, ¿me escucha?\n\nLuis Soto [00:00:07]\nSí, perfecto.\n\nAna Pérez [00:00:12]\nEmpecemos.'],
    ['a dash before the time', 'Ana Pérez - 00:00:03\nBuenos días, ¿me escucha?\n\nLuis Soto - 00:00:07\nSí, perfecto.\n\nAna Pérez - 00:00:12\nEmpecemos.'],
  ])('reads a transcript with the speaker and the time on a line of their own (%s)', (_, text) => {
    const turns = detectTurns(text, paragraphsOf(text));
    expect(turns.map((t) => t.speaker)).toEqual(['Ana Pérez', 'Luis Soto', 'Ana Pérez']);
    expect(text.slice(turns[1].start, turns[1].end)).toMatch(/Luis Soto.*\nSí, perfecto\.$/);
  });

  it('reads speakers set in capitals on a line of their own, once two of them come back', () => {
    const text = 'ENTREVISTADORA\n¿Cómo fue la visita?\nMADRE\nBien.\nENTREVISTADORA\n¿Y después?\nMADRE\nMejor.\nENTREVISTADORA\nGracias.\nMADRE\nA usted.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['ENTREVISTADORA', 'MADRE', 'ENTREVISTADORA', 'MADRE', 'ENTREVISTADORA', 'MADRE']);
  });

  it('does not take a report’s headings in capitals for speakers', () => {
    const text = 'VISITA 1\nLa familia nos recibió.\nOBSERVACIONES\nBuena acogida.\nVISITA 2\nNo estaban.\nOBSERVACIONES\nVolver.\nVISITA 3\nSe conversó.\nOBSERVACIONES\nMejor.';
    expect(detectTurns(text, paragraphsOf(text))).toEqual([]);
  });

  it('does not take a timed note between two speakers ("00:05:00 Pausa") for a speaker', () => {
    const text = '00:00:03 Ana Pérez\nHola.\n00:05:00 Pausa\n00:06:00 Luis Soto\nSí.\n00:07:00 Ana Pérez\nBien.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['Ana Pérez', 'Luis Soto', 'Ana Pérez']);
  });

  it('reads a Rev-style transcript: "Interviewer (00:01:12):" on its own line', () => {
    const text = 'Interviewer (00:01:12):\n¿Cómo está?\nCuidadora 4 (00:01:15):\nMejor, gracias.\nInterviewer (00:01:20):\nMe alegro.\nCuidadora 4 (00:01:22):\nSí.';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['Interviewer', 'Cuidadora 4', 'Interviewer', 'Cuidadora 4']);
  });

  it('takes lowercase labels when they recur, but not headings without a colon', () => {
    const text = 'entrevistador: ¿Qué tal?\nmadre: Bien.\nentrevistador: ¿Seguro?\nmadre: Sí.\nIntroduction\nResults\nIntroduction';
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['entrevistador', 'madre', 'entrevistador', 'madre']);
  });
});

describe('finding speakers in a transcript laid out as a table', () => {
  it('reads the speaker from the first column, or from the second after a time column', () => {
    const twoColumns = 'Entrevistadora | ¿Cómo fue la visita?\nCuidadora 2 | Muy cercana.\nEntrevistadora | ¿Y después?\nCuidadora 2 | Mejor.';
    expect(detectTurns(twoColumns, paragraphsOf(twoColumns)).map((t) => t.speaker)).toEqual(['Entrevistadora', 'Cuidadora 2', 'Entrevistadora', 'Cuidadora 2']);
    const timed = '00:00:05 | Speaker 1 | Hello.\n00:00:09 | Speaker 2 | Hi, thanks.\n00:00:15 | Speaker 1 | Shall we start?\n00:00:18 | Speaker 2 | Yes.';
    expect(detectTurns(timed, paragraphsOf(timed)).map((t) => t.speaker)).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 1', 'Speaker 2']);
    expect(speakerLabelAt('Entrevistadora: | ¿Cómo fue?')).toBe('Entrevistadora');
  });

  it.each([
    ['a Word table', ' | '],
    ['tab-separated text', '\t'],
  ])('reads an NVivo transcript, the speaker in the last column (%s)', (_, bar) => {
    const rows = [
      ['Timespan', 'Content', 'Speaker'],
      ['0:00:03.0 - 0:00:10.5', '¿Cómo fue la visita de la profesional a su casa la semana pasada?', 'Entrevistadora'],
      ['0:00:10.5 - 0:00:21.0', 'Bien, me explicó todo con paciencia y me preguntó cómo estaba yo.', 'Madre'],
      ['0:00:21.0 - 0:00:25.0', '¿Y después?', 'Entrevistadora'],
      ['0:00:25.0 - 0:00:31.0', 'Empecé a ir a los controles.', 'Madre'],
    ];
    const text = rows.map((r) => r.join(bar)).join('\n');
    expect(detectTurns(text, paragraphsOf(text)).map((t) => t.speaker)).toEqual(['Entrevistadora', 'Madre', 'Entrevistadora', 'Madre']);
  });

  it('does not take a table of figures or a header row for speakers', () => {
    const figures = 'Mes | Visitas realizadas | Familias que continúan\nJunio | 42 | 38\nJulio | 40 | 37';
    expect(detectTurns(figures, paragraphsOf(figures))).toEqual([]);
  });
});
