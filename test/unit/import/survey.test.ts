import { describe, expect, it } from 'vitest';
import { importSource, previewSurvey } from '../../../src/import';
import { fixture, shared, itWithShared, utf8 } from '../helpers';

describe('importing a survey with open-ended answers', () => {
  itWithShared('proposes the id column, the answer column and the attribute columns of a real survey', async () => {
    const { table, mapping } = await previewSurvey(shared('corpus/docs/qualcoder_survey456.csv'));
    expect(table.columns).toEqual(['Case', 'Age', 'Gender', 'Interest', 'freetext']);
    expect(mapping).toEqual({ idColumn: 'Case', answerColumns: ['freetext'], attributeColumns: ['Age', 'Gender', 'Interest'], sourcePer: 'answer' });
    expect(table.rows[1][1]).toBe(''); // ID5 left Age empty
  });

  itWithShared('makes one source per answer, linked to its respondent, and one case per row', async () => {
    const result = await importSource({ name: 'survey456.csv', bytes: shared('corpus/docs/qualcoder_survey456.csv') });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources.map((s) => [s.name, s.suggestedCase, s.suggestedKind])).toEqual([
      ['ID4 – freetext', 'ID4', 'survey answer'],
      ['ID5 – freetext', 'ID5', 'survey answer'],
      ['ID6 – freetext', 'ID6', 'survey answer'],
    ]);
    expect(result.sources[0].text).toBe('I wanted to do some more studies but after leaving school and start working, I really lost the interest.');
    expect(result.cases[1]).toEqual({ name: 'ID5', values: { Age: '', Gender: 'm', Interest: 'golf' } });
  });

  it('reads a Spanish survey saved by Excel: semicolons, Windows-1252, one source per respondent', async () => {
    const csv =
      'Folio;Comuna;Calidad;¿Qué le pareció la atención?;¿Qué cambiaría?\r\nF-01;Peñalolén;Alta;La asistente me explicó todo con mucha paciencia y cariño.;Que vengan más seguido a la casa.\r\nF-02;Renca;Baja;No me sentí escuchada, fue todo muy rápido.;\r\n';
    const bytes = new Uint8Array([...csv].map((c) => c.charCodeAt(0)));
    const preview = await previewSurvey(bytes);
    expect(preview.table.delimiter).toBe(';');
    expect(preview.table.encoding).toBe('iso-8859-1');
    expect(preview.mapping.answerColumns).toEqual(['¿Qué le pareció la atención?', '¿Qué cambiaría?']);
    const result = await importSource({ name: 'encuesta.csv', bytes, options: { survey: { ...preview.mapping, sourcePer: 'respondent' } } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources.map((s) => s.name)).toEqual(['F-01', 'F-02']);
    expect(result.sources[0].text).toBe(
      '¿Qué le pareció la atención?\nLa asistente me explicó todo con mucha paciencia y cariño.\n¿Qué cambiaría?\nQue vengan más seguido a la casa.',
    );
    expect(result.sources[1].text).toBe('¿Qué le pareció la atención?\nNo me sentí escuchada, fue todo muy rápido.');
    expect(result.cases[0].values).toEqual({ Comuna: 'Peñalolén', Calidad: 'Alta' });
  });

  it('reads the "sep=;" line Excel writes first as the delimiter, not as a column', async () => {
    const csv =
      'sep=;\nid;edad;comentario\nR1;34;"Me gustó mucho la visita; fue muy útil para la familia y los niños"\nR2;41;"Nada que agregar, todo bien con la profesional que vino"\n';
    const { table, mapping } = await previewSurvey(new TextEncoder().encode(csv));
    expect(table.columns).toEqual(['id', 'edad', 'comentario']);
    expect(table.rows[0][2]).toBe('Me gustó mucho la visita; fue muy útil para la familia y los niños');
    expect(mapping).toMatchObject({ idColumn: 'id', answerColumns: ['comentario'], attributeColumns: ['edad'] });
  });

  itWithShared('refuses a mapping that names a column the file does not have', async () => {
    const result = await importSource({
      name: 'survey456.csv',
      bytes: shared('corpus/docs/qualcoder_survey456.csv'),
      options: { survey: { idColumn: 'Case', answerColumns: ['Comments'], attributeColumns: [], sourcePer: 'answer' } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('the column "Comments" is not in the file');
  });

  it('refuses a survey whose answer columns are all empty', async () => {
    const result = await importSource({
      name: 'blank.csv',
      bytes: utf8('id,comment\nA,\nB,\n'),
      options: { survey: { idColumn: 'id', answerColumns: ['comment'], attributeColumns: [], sourcePer: 'answer' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-text', fileName: 'blank.csv' } });
  });

  it('reads a Qualtrics export: question texts name the columns, and the import-id row is no respondent', async () => {
    const { table, mapping } = await previewSurvey(fixture('surveys/qualtrics_capacitacion.csv'));
    expect(table.writtenBy).toBe('Qualtrics');
    expect(table.rows).toHaveLength(3);
    expect(table.columns).toContain('¿Qué cambió en su trabajo con las familias después de la capacitación?');
    expect(table.columns).toContain('Municipio');
    // Start Date is unique too, but the response id is what names a respondent.
    expect(mapping.idColumn).toBe('Response ID');
    expect(mapping.answerColumns).toEqual(['¿Qué cambió en su trabajo con las familias después de la capacitación?', '¿Qué dificultades encontró al aplicar lo aprendido?']);
    expect(table.rows[0][table.columns.indexOf('Municipio')]).toBe('Peñalolén');
    // What Qualtrics recorded about the response (times, IP address, location) is left out unless asked for.
    expect(mapping.attributeColumns).toEqual(['Municipio', 'Rol']);
  });

  it('reads a SurveyMonkey export: answer options under a question become "question – option" columns', async () => {
    const bytes = fixture('surveys/surveymonkey_training.csv');
    const { table, mapping } = await previewSurvey(bytes);
    expect(table.writtenBy).toBe('SurveyMonkey');
    expect(table.rows).toHaveLength(3);
    expect(table.columns.slice(9)).toEqual([
      'What is your role? – Social worker',
      'What is your role? – Nurse',
      'What is your role? – Other (please specify)',
      'What changed in your practice after the training?',
      'How many home visits did you make last month?',
    ]);
    expect(mapping.idColumn).toBe('Respondent ID');
    expect(mapping.answerColumns).toEqual(['What changed in your practice after the training?']);
    expect(mapping.attributeColumns).toEqual([
      'What is your role? – Social worker',
      'What is your role? – Nurse',
      'What is your role? – Other (please specify)',
      'How many home visits did you make last month?',
    ]);
    const result = await importSource({ name: 'surveymonkey_training.csv', bytes });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sources.map((s) => s.suggestedCase)).toEqual(['114239876501', '114239876502', '114239876503']);
    expect(result.cases[2].values['What is your role? – Other (please specify)']).toBe('Family support worker');
  });

  it('keeps a one-header survey as it is, even when its second row has an empty first cell', async () => {
    const { table } = await previewSurvey(utf8('id,comment\n,Response was positive and the family asked for more visits\nB,Nothing to add about the visits this month\n'));
    expect(table.writtenBy).toBeUndefined();
    expect(table.rows).toHaveLength(2);
  });

  it('reads a survey saved as an Excel workbook as its CSV: same columns, respondents, answers and cases', async () => {
    const workbook = await importSource({ name: 'encuesta_puente.xlsx', bytes: fixture('surveys/encuesta_puente.xlsx') });
    const csv = await importSource({ name: 'encuesta_puente.csv', bytes: fixture('surveys/encuesta_puente.csv') });
    if (!workbook.ok || !csv.ok) throw new Error('not imported');
    expect(workbook.sources.map((s) => [s.name, s.text, s.suggestedCase, s.suggestedKind])).toEqual(csv.sources.map((s) => [s.name, s.text, s.suggestedCase, s.suggestedKind]));
    expect(workbook.cases).toEqual(csv.cases);
    expect(workbook.sources[0].format).toBe('xlsx');
    const { table } = await previewSurvey(fixture('surveys/encuesta_puente.xlsx'));
    expect(table.sheet).toBe('encuesta_puente');
  });

  it('reads a survey kept in LibreOffice Calc (.ods) as its CSV', async () => {
    const ods = await importSource({ name: 'encuesta_puente.ods', bytes: fixture('surveys/encuesta_puente.ods') });
    const csv = await importSource({ name: 'encuesta_puente.csv', bytes: fixture('surveys/encuesta_puente.csv') });
    if (!ods.ok || !csv.ok) throw new Error('not imported');
    expect(ods.sources.map((s) => [s.name, s.text, s.suggestedCase])).toEqual(csv.sources.map((s) => [s.name, s.text, s.suggestedCase]));
    expect(ods.cases).toEqual(csv.cases);
  });
  it('numbers the respondents of a Google Forms export, which names nobody (its time stamp and e-mail are not ids)', async () => {
    const csv = utf8(
      'Marca temporal,Dirección de correo electrónico,¿Cuál es su rol?,¿Qué cambió después de la capacitación?\r\n' +
        '12/05/2023 10:01:02,ana@example.org,Trabajadora social,"Ahora escucho más, y pregunto antes de opinar."\r\n' +
        '12/05/2023 11:15:40,bea@example.org,Psicóloga,Más confianza con las familias que visito cada semana.\r\n',
    );
    const { mapping } = await previewSurvey(csv);
    expect(mapping).toEqual({ answerColumns: ['¿Qué cambió después de la capacitación?'], attributeColumns: ['¿Cuál es su rol?'], sourcePer: 'answer' });
    const result = await importSource({ name: 'Capacitación (respuestas).csv', bytes: csv, options: { survey: { ...mapping, respondent: 'Encuestado' } } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.cases.map((c) => [c.name, c.values])).toEqual([
      ['Encuestado 1', { '¿Cuál es su rol?': 'Trabajadora social' }],
      ['Encuestado 2', { '¿Cuál es su rol?': 'Psicóloga' }],
    ]);
    expect(result.sources.map((s) => s.name)).toEqual(['Encuestado 1 – ¿Qué cambió después de la capacitación?', 'Encuestado 2 – ¿Qué cambió después de la capacitación?']);
  });

  it('takes a column named as an open question for answers, however short, in a semicolon CSV Excel saved in Windows-1252', async () => {
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const { table, mapping } = await previewSurvey(latin1('Código;Rol;Comentario abierto;Edad\r\nP1;Madre;Me sentí acompañada, útil;34\r\nP2;Abuela;Todo bien, gracias;61\r\n'));
    expect(table.rows[0][2]).toBe('Me sentí acompañada, útil');
    expect(mapping).toEqual({ idColumn: 'Código', answerColumns: ['Comentario abierto'], attributeColumns: ['Rol', 'Edad'], sourcePer: 'answer' });
  });
});
