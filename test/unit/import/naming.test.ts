import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/import';
import { coerceAttributeValue, inferAttributeType } from '../../../src/import/attribute-values';
import { caseAsSpoken, suggestCaseName } from '../../../src/import/case-name';
import { countWords } from '../../../src/import/normalize';
import { guessLanguage } from '../../../src/import/language';
import { compareNatural } from '../../../src/util/natural-order';
import { guessSourceKind } from '../../../src/import/source-kind';
import { suggestSourceDate } from '../../../src/import/source-date';
import { DEFAULT_SOURCE_KINDS } from '../../../src/model/types';

describe('suggesting a case from the file name', () => {
  it.each([
    ['ARIII_phone.docx', 'ARIII'],
    ['DRI-indepth.odt', 'DRI'],
    ['Caregiver 1 - session 3.txt', 'Caregiver 1'],
    ['social worker 5_entrevista.docx', 'social worker 5'],
    ['P07 entrevista.txt', 'P07'],
    ['C:\\datos\\RD_Rep1.pdf', 'RD'],
    ['Informe_RLA_Rep1.txt', 'RLA'],
    ['entrevista_DRC.docx', 'DRC'],
    ['Transcripción - P07 - 2023-05-02.docx', 'P07'],
    ['2023-06-14_TMA_telefonica.txt', 'TMA'],
    ['Entrevista madre 3.docx', 'madre 3'],
    ['madre_12_entrevista.txt', 'madre 12'],
    ['Grupo focal 2 - transcripción.docx', 'Grupo focal 2'],
    ['focus_group_1.vtt', 'focus group 1'],
    ['entrevista_Cuidadora5_cp1252.srt', 'Cuidadora 5'],
    ['GMT20230512-140102_Recording.transcript.vtt', undefined],
    ['GMT20230512-140102_Recording_P4.vtt', 'P4'],
    ['Grabación de la reunión - Madre 2.vtt', 'Madre 2'],
  ])('suggests %s → %s', (file, name) => expect(suggestCaseName(file)).toBe(name));

  it('names the case as the transcript names the person', () => {
    expect(caseAsSpoken('Madre2.rtf', 'Madre2', ['Entrevistadora', 'Madre 2'])).toBe('Madre 2');
    expect(caseAsSpoken('Entrevista madre 3.docx', 'madre 3', ['E', 'Madre 3'])).toBe('Madre 3');
    expect(caseAsSpoken('trabajadora_social_1.txt', 'trabajadora_social_1', ['Trabajadora Social 1'])).toBe('Trabajadora Social 1');
    expect(caseAsSpoken('rev_P3.txt', 'rev', ['Interviewer', 'P3'])).toBe('P3');
    expect(caseAsSpoken('sonix export P5 parte 2.txt', 'sonix', ['Interviewer', 'P5'])).toBe('P5');
    expect(caseAsSpoken('ARIII_phone.txt', 'ARIII', ['E', 'Madre'])).toBe('ARIII');
    // Two people of the file name speak: the name alone cannot say whose file it is.
    expect(caseAsSpoken('Ana_y_Beatriz.txt', 'Ana', ['E', 'Ana', 'Beatriz'])).toBe('Ana');
    expect(caseAsSpoken('notas.txt', undefined, ['E'])).toBeUndefined();
  });

  it('suggests for a TextEdit transcript "Madre2.rtf" the case "Madre 2" its speaker is called', async () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252\cocoartf2761{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
\pard\f0\fs24 \cf0 Entrevistadora: \'bfC\'f3mo fue la visita?\
Madre 2: La se\'f1ora me escuch\'f3. \uc0\u8220 Vuelva cuando quiera\u8221 , me dijo.\
Entrevistadora: \'bfY despu\'e9s?\
Madre 2: Me sent\'ed m\'e1s tranquila.}`;
    const result = await importSource({ name: 'Madre2.rtf', bytes: new TextEncoder().encode(rtf) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources[0].text).toContain('La señora me escuchó. “Vuelva cuando quiera”, me dijo.');
    expect(result.sources[0].suggestedCase).toBe('Madre 2');
  });
});

describe('suggesting a source kind from the file name', () => {
  it.each([
    ['ARIII_phone.docx', 'phone interview'],
    ['TMA_telefonica.txt', 'phone interview'],
    ['DRA_profundidad.txt', 'in-depth interview'],
    ['Informe_RLA_Rep1.txt', 'report'],
    ['notas de campo marzo.docx', 'field note'],
    ['resumen.txt', 'other'],
  ])('suggests %s → %s', (file, kind) => expect(guessSourceKind(file, DEFAULT_SOURCE_KINDS)).toBe(kind));
});

describe('suggesting a source’s date from the file name', () => {
  it.each([
    ['2023-05-12_P3_entrevista.docx', '2023-05-12'],
    ['P3 20230512.txt', '2023-05-12'],
    ['entrevista 12.05.2023.docx', '2023-05-12'],
    ['Caregiver 2 - 3_6_2024.vtt', '2024-06-03'],
    ['ARIII_phone.docx', undefined],
    ['Informe_RLA_Rep1.txt', undefined],
    ['informe_2019_v2.docx', undefined],
    ['P3_2023-02-30.txt', undefined],
    ['P3 12-05-23.txt', undefined],
  ])('%s → %s', (file, date) => expect(suggestSourceDate(file)).toBe(date));
});

describe('reading attribute values as researchers type them', () => {
  it('recognises numbers, dates, yes/no and categories', () => {
    expect(inferAttributeType(['24', '', '67']).type).toBe('number');
    expect(inferAttributeType(['Sí', 'No', 'sí']).type).toBe('boolean');
    expect(inferAttributeType(['2023-06-14', '22/06/2023']).type).toBe('date');
    expect(inferAttributeType(['Director', 'Professional', 'Professional', 'Director'])).toEqual({ type: 'category', categories: ['Director', 'Professional'] });
    expect(inferAttributeType(['a free comment', 'another one']).type).toBe('text');
  });

  it('converts typed values to the attribute type', () => {
    expect(coerceAttributeValue('number', '3,5')).toBe(3.5);
    expect(coerceAttributeValue('date', '05/07/2023')).toBe('2023-07-05');
    expect(coerceAttributeValue('boolean', 'sí')).toBe(true);
    expect(coerceAttributeValue('boolean', 'não')).toBe(false);
    expect(coerceAttributeValue('text', '  ')).toBeNull();
    expect(coerceAttributeValue('number', 'many')).toBeNull();
    expect(coerceAttributeValue('date', '31/06/2023')).toBeNull(); // June has 30 days
    // Dates with the time survey tools and spreadsheets add, and year-first with slashes.
    expect(coerceAttributeValue('date', '2024-05-06 09:12:40')).toBe('2024-05-06');
    expect(coerceAttributeValue('date', '2024-05-06T09:12:40Z')).toBe('2024-05-06');
    expect(coerceAttributeValue('date', '2024/05/12 10:32:11 a.m.')).toBe('2024-05-12');
    expect(coerceAttributeValue('date', '06/05/2024 16:40')).toBe('2024-05-06');
    expect(inferAttributeType(['2024-05-06 09:12:40', '2024-05-07 16:58:31']).type).toBe('date');
  });
});

describe('counting words', () => {
  it.each([
    ['Hay más cercanía y confianza.', 5],
    ["l'école, bem-estar e o d’Ávila", 5],
    ['E: ¿Qué? P1: 3 visitas… 😊 ñandú', 6],
    ['Αυτή είναι μια δοκιμή — 𝒳 test', 6],
    ['  ', 0],
    ['- y -', 1],
  ])('counts the words of "%s" as %i', (text, n) => expect(countWords(text)).toBe(n));
});

describe('guessing the language of a source', () => {
  it.each([
    ['Entrevistadora: ¿Y después de la capacitación? P1: También cambió la relación con las familias, porque hay más confianza.', 'es'],
    ['E: E depois da formação? P1: Também mudou a relação com as famílias, não só com a mãe.', 'pt'],
    ['Interviewer: And after the training? P1: The relationship with the families changed, and we trust them.', 'en'],
    ['también también también también también', 'es'],
    ['Αυτή είναι μια δοκιμή για τη γλώσσα του κειμένου', 'und'],
    ['Hola, ¿qué tal?', 'und'],
  ])('reads “%s” as %s', (text, language) => expect(guessLanguage(text)).toBe(language));
});

describe('ordering names as a researcher reads them', () => {
  it('puts P2 before P10 and keeps accented names in their place', () => {
    expect(['P10', 'P2', 'P1'].sort((a, b) => compareNatural(a, b))).toEqual(['P1', 'P2', 'P10']);
    expect(['Óscar', 'Nuria', 'Pablo', 'Ángela'].sort((a, b) => compareNatural(a, b, 'es'))).toEqual(['Ángela', 'Nuria', 'Óscar', 'Pablo']);
  });
});

describe('a case is suggested only where a file name names one', () => {
  it.each([
    'pandoc-test.md',
    'chardet_latin1.txt',
    'latin1-es.txt',
    'transcript-es.docx',
    'fc77835574b9a56e.txt',
    'interview.docx',
    'entrevista_final_v2.docx',
    'utf8 sample.txt',
    'Notas.txt',
  ])('invents no case for %s', (file) => expect(suggestCaseName(file)).toBeUndefined());
});
