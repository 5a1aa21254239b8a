import { describe, expect, it } from 'vitest';
import { createProject } from '../../../src/db/projects';
import { addImportedFiles, addImportedSources, deleteSource, importStepLabel, updateSource } from '../../../src/db/sources';
import { createCode } from '../../../src/db/coding';
import { createAttribute, createCase, renameCase, setCaseValue } from '../../../src/db/cases';
import { loadProjectData } from '../../../src/db/snapshot';
import { historyText, redo, undo, undoState } from '../../../src/db/changes';
import { importSource } from '../../../src/import';
import { packImportResult } from '../../../src/import/packed-result';
import { freshDatabase, shared, itWithShared, utf8 } from '../helpers';

async function imported(name: string, bytes: Uint8Array) {
  const result = await importSource({ name, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('storing imported sources', () => {
  it('stores a transcript with its text, paragraphs, speakers, kind and suggested case', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const outcome = await addImportedSources(db, project.id, await imported('ARIII_phone.txt', utf8('E: ¿Qué cambió?\nARIII: Hay más cercanía.\nE: ¿Y?\nARIII: Más confianza.')));
    expect(outcome.status).toBe('added');
    const data = await loadProjectData(db, project.id);
    expect(data.sources).toHaveLength(1);
    // Speaker labels are words of the transcript too, as in other QDA tools' counts.
    expect(data.sources[0]).toMatchObject({ name: 'ARIII_phone', kind: 'phone interview', language: 'es', words: 12 });
    expect(data.cases.map((c) => c.name)).toEqual(['ARIII']);
    expect(data.sources[0].caseIds).toEqual([data.cases[0].id]);
    expect(data.contents[0].turns.map((t) => t.speaker)).toEqual(['E', 'ARIII', 'E', 'ARIII']);
    expect(data.contents[0].text).toContain('cercanía');
  });

  it('dates a source from its file name, unless the researcher gives a date', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const first = await addImportedSources(db, project.id, await imported('2023-05-12_ARIII_phone.txt', utf8('E: Hola\nARIII: Buenas')));
    const second = await addImportedSources(db, project.id, await imported('DRI 03.06.2023.txt', utf8('E: Hola\nDRI: Buenas')), { date: '2023-06-04' });
    if (first.status !== 'added' || second.status !== 'added') throw new Error('not added');
    expect(first.sources[0]).toMatchObject({ date: '2023-05-12', caseIds: [expect.any(String)] });
    expect(second.sources[0].date).toBe('2023-06-04');
    expect((await loadProjectData(db, project.id)).cases.map((c) => c.name).sort()).toEqual(['ARIII', 'DRI']);
  });

  it('gives a second source of the same name a number, so citations stay unambiguous', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    await addImportedSources(db, project.id, await imported('P1.txt', utf8('E: Primera entrevista.\nP1: Hola.')));
    const [second, third] = await addImportedFiles(db, project.id, [
      { imported: await imported('P1.txt', utf8('E: Segunda entrevista.\nP1: Hola otra vez.')) },
      { imported: await imported('visita 2/P1.txt', utf8('E: Tercera entrevista.\nP1: Y otra.')) },
    ]);
    if (second.status !== 'added' || third.status !== 'added') throw new Error('not added');
    expect([second.sources[0].name, third.sources[0].name]).toEqual(['P1 (2)', 'P1 (3)']);
    expect((await loadProjectData(db, project.id)).cases.map((c) => c.name)).toEqual(['P1']);
  });

  it('links a file to the case its name writes another way ("P01" for P1, "Madre_2" for Madre 2), not to a second case', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    await addImportedSources(db, project.id, await imported('P1_telefonica.txt', utf8('E: Hola\nP1: Buenas')));
    await addImportedSources(db, project.id, await imported('Madre 2 - visita.txt', utf8('E: Hola\nM: Buenas')));
    await addImportedSources(db, project.id, await imported('P01_segunda_llamada.txt', utf8('E: ¿Y ahora?\nP1: Mejor')));
    await addImportedSources(db, project.id, await imported('Madre_2_informe.txt', utf8('Informe de la visita a la madre.')));
    const data = await loadProjectData(db, project.id);
    expect(data.cases.map((c) => c.name).sort()).toEqual(['Madre 2', 'P1']);
    const caseOf = (source: string) => data.cases.find((c) => c.id === data.sources.find((s) => s.name === source)?.caseIds[0])?.name;
    expect([caseOf('P01_segunda_llamada'), caseOf('Madre_2_informe')]).toEqual(['P1', 'Madre 2']);
  });

  it('reports a file already in the project (same sha-256) and stores nothing twice', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const first = await imported('RD_Rep1.txt', utf8('Informe de visita.'));
    await addImportedSources(db, project.id, first);
    const again = await imported('copia de RD_Rep1.txt', utf8('Informe de visita.'));
    const outcome = await addImportedSources(db, project.id, again);
    expect(outcome).toMatchObject({ status: 'duplicate', existing: { name: 'RD_Rep1' } });
    expect(await db.sources.count()).toBe(1);
    expect(await db.sourceContents.count()).toBe(1);
  });

  it.each([4, 20])('finds duplicates among %i files stored together: one already in the project, one twice in the folder', async (count) => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const other = await createProject(db, 'Otro estudio');
    await addImportedSources(db, project.id, await imported('RD_Rep1.txt', utf8('Informe de visita.')));
    await addImportedSources(db, other.id, await imported('RD_Rep9.txt', utf8('Informe de otro estudio.')));
    const folder = [
      await imported('copia de RD_Rep1.txt', utf8('Informe de visita.')),
      await imported('P1_phone.txt', utf8('E: Hola\nP1: Hola')),
      await imported('P1_phone (1).txt', utf8('E: Hola\nP1: Hola')),
      await imported('RD_Rep9.txt', utf8('Informe de otro estudio.')),
    ];
    for (let i = folder.length; i < count; i++) folder.push(await imported(`P${i}_phone.txt`, utf8(`E: ¿Cómo está?\nP${i}: Bien ${i}`)));
    const outcomes = await addImportedFiles(
      db,
      project.id,
      folder.map((f) => ({ imported: f })),
    );
    expect(outcomes.slice(0, 4)).toMatchObject([
      { status: 'duplicate', existing: { name: 'RD_Rep1' } },
      { status: 'added' },
      { status: 'duplicate', existing: { name: 'P1_phone' } },
      { status: 'added' },
    ]);
    expect(await db.sources.where('projectId').equals(project.id).count()).toBe(count - 1);
  });

  it('stores a file parsed in a worker (offsets packed) exactly as one parsed in place', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Entrevistadora>¿Cómo fue la visita?</v>\n\n00:00:05.000 --> 00:00:09.000\n<v Madre>Muy cercana.</v>\n';
    const inPlace = await imported('sesion.vtt', utf8(text));
    const fromWorker = packImportResult(await imported('sesion otra vez.vtt', utf8(text + '\n'))).packed;
    if (!fromWorker.ok) throw new Error('not parsed');
    const [a, b] = await addImportedFiles(db, project.id, [{ imported: inPlace }, { imported: fromWorker }]);
    if (a.status !== 'added' || b.status !== 'added') throw new Error('not added');
    const [first, second] = await db.sourceContents.bulkGet([a.sources[0].id, b.sources[0].id]);
    expect(second?.paragraphs).toEqual(first?.paragraphs);
    expect(second?.turns).toEqual(first?.turns);
    expect(second?.turns[1]).toEqual({ speaker: 'Madre', start: expect.any(Number), end: expect.any(Number), startTime: 5, endTime: 9 });
  });

  it('lets the same file go into two different projects', async () => {
    const db = freshDatabase();
    const a = await createProject(db, 'A');
    const b = await createProject(db, 'B');
    const file = await imported('x.txt', utf8('Mismo texto.'));
    expect((await addImportedSources(db, a.id, file)).status).toBe('added');
    expect((await addImportedSources(db, b.id, file)).status).toBe('added');
  });

  itWithShared('stores a survey: answers as sources, respondents as cases with typed attributes', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Survey');
    await addImportedSources(db, project.id, await imported('survey456.csv', shared('corpus/docs/qualcoder_survey456.csv')));
    const data = await loadProjectData(db, project.id);
    expect(data.sources.map((s) => s.kind)).toEqual(['survey answer', 'survey answer', 'survey answer']);
    expect(data.attributes.map((a) => [a.name, a.type])).toEqual([
      ['Age', 'number'],
      ['Gender', 'category'],
      ['Interest', 'text'],
    ]);
    const age = data.attributes[0].id;
    const byName = new Map(data.cases.map((c) => [c.name, c]));
    expect(byName.get('ID4')?.values[age]).toBe(24);
    expect(byName.get('ID5')?.values[age]).toBeNull();
  });

  itWithShared('writes one file in one transaction: a failure half-way leaves no source, case or attribute', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Survey');
    let stored = 0;
    db.sourceContents.hook('creating', () => {
      if (++stored === 2) throw new Error('disk full');
    });
    await expect(addImportedSources(db, project.id, await imported('survey456.csv', shared('corpus/docs/qualcoder_survey456.csv')))).rejects.toThrow('disk full');
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceContents.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
    expect(await db.attributes.count()).toBe(0);
  });

  it('edits a source’s kind, date and cases, and deletes it with its text', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const outcome = await addImportedSources(db, project.id, await imported('notes.txt', utf8('Nota de campo del 3 de marzo.')), { caseName: null });
    if (outcome.status !== 'added') throw new Error('not added');
    const id = outcome.sources[0].id;
    expect(outcome.sources[0].caseIds).toEqual([]);
    await updateSource(db, id, { kind: 'field note', date: '2023-03-03' });
    expect(await db.sources.get(id)).toMatchObject({ kind: 'field note', date: '2023-03-03' });
    await deleteSource(db, id);
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceContents.count()).toBe(0);
  });
});

describe('undoing an import', () => {
  it('removes the imported source, its text and the case it created; redo brings them back', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    await addImportedSources(db, project.id, await imported('DRI_indepth.txt', utf8('E: Hola\nDRI: Buenas')));
    expect(historyText((await undoState(db, project.id)).undo)).toBe('Import “DRI_indepth.txt”');
    await undo(db, project.id);
    expect(await db.sources.count()).toBe(0);
    expect(await db.sourceContents.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
    await redo(db, project.id);
    const data = await loadProjectData(db, project.id);
    expect(data.sources[0].caseIds).toEqual([data.cases[0].id]);
    expect(data.contents[0].text).toBe('E: Hola\nDRI: Buenas');
  });

  it('takes back a whole folder with one Undo, though its files were stored in several transactions', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    await createCode(db, project.id, 'Vínculo');
    const folder = { id: 'drop-1', label: importStepLabel(['ARIII_phone.txt', 'ARIV_phone.txt', 'DRI_indepth.txt']) };
    await addImportedFiles(
      db,
      project.id,
      [{ imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Buenas')) }, { imported: await imported('ARIV_phone.txt', utf8('E: Hola\nARIV: Qué tal')) }],
      folder,
    );
    await addImportedFiles(db, project.id, [{ imported: await imported('DRI_indepth.txt', utf8('E: Hola\nDRI: Buenas tardes')) }], folder);
    expect(historyText((await undoState(db, project.id)).undo)).toBe('Import 3 files');
    expect(historyText(await undo(db, project.id))).toBe('Import 3 files');
    expect([await db.sources.count(), await db.sourceContents.count(), await db.cases.count()]).toEqual([0, 0, 0]);
    expect(await db.codes.count()).toBe(1);
    expect(historyText(await redo(db, project.id))).toBe('Import 3 files');
    const data = await loadProjectData(db, project.id);
    expect(data.sources.map((s) => s.name).sort()).toEqual(['ARIII_phone', 'ARIV_phone', 'DRI_indepth']);
    expect(data.contents.map((c) => c.text)).toContain('E: Hola\nDRI: Buenas tardes');
    expect(historyText(await undo(db, project.id))).toBe('Import 3 files');
    expect(historyText(await undo(db, project.id))).toBe('New code “Vínculo”');
  });

  it('starts a new step when the researcher acted between two parts of an import', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const folder = { id: 'drop-2', label: importStepLabel(['ARIII_phone.txt', 'ARIV_phone.txt']) };
    await addImportedFiles(db, project.id, [{ imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Buenas')) }], folder);
    await createCode(db, project.id, 'Confianza');
    await addImportedFiles(db, project.id, [{ imported: await imported('ARIV_phone.txt', utf8('E: Hola\nARIV: Qué tal')) }], folder);
    expect(historyText(await undo(db, project.id))).toBe('Import 2 files');
    expect((await db.sources.toArray()).map((s) => s.name)).toEqual(['ARIII_phone']);
    expect(historyText(await undo(db, project.id))).toBe('New code “Confianza”');
  });

  it('remembers, group after group of a folder, the names, contents and cases stored before', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const folder = { id: 'drop-3', label: importStepLabel(['a', 'b', 'c', 'd']) };
    await addImportedFiles(db, project.id, [{ imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Buenas')) }], folder);
    const later = await addImportedFiles(
      db,
      project.id,
      [
        { imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Buenas')) },
        { imported: await imported('sub/ARIII_phone.txt', utf8('E: Hola otra vez\nARIII: Buenas tardes')) },
      ],
      folder,
    );
    expect(later.map((o) => o.status)).toEqual(['duplicate', 'added']);
    const data = await loadProjectData(db, project.id);
    expect(data.sources.map((s) => s.name).sort()).toEqual(['ARIII_phone', 'ARIII_phone (2)']);
    expect(data.cases.map((c) => c.name)).toEqual(['ARIII']);
    expect(new Set(data.sources.flatMap((s) => s.caseIds))).toEqual(new Set([data.cases[0].id]));
  });

  it('sees what the researcher changed or undid while a folder was being stored', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const folder = { id: 'drop-4', label: importStepLabel(['a', 'b', 'c']) };
    const [first] = await addImportedFiles(db, project.id, [{ imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Buenas')) }], folder);
    if (first.status !== 'added') throw new Error('not added');
    // Renamed between two groups: the name is free again, and the case is known by its new name.
    await updateSource(db, first.sources[0].id, { name: 'ARIII llamada' });
    await renameCase(db, first.sources[0].caseIds[0], 'ARIII madre');
    await addImportedFiles(db, project.id, [{ imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Otra llamada')) }], folder);
    let data = await loadProjectData(db, project.id);
    expect(data.sources.map((s) => s.name).sort()).toEqual(['ARIII llamada', 'ARIII_phone']);
    expect(data.cases.map((c) => c.name).sort()).toEqual(['ARIII', 'ARIII madre']);
    // Undone between two groups: the file is no longer in the project, so it is stored again.
    expect(historyText(await undo(db, project.id))).toBe('Import 3 files');
    const [again] = await addImportedFiles(db, project.id, [{ imported: await imported('ARIII_phone.txt', utf8('E: Hola\nARIII: Otra llamada')) }], folder);
    expect(again.status).toBe('added');
    data = await loadProjectData(db, project.id);
    expect(data.sources.map((s) => s.name).sort()).toEqual(['ARIII llamada', 'ARIII_phone']);
    expect(data.cases.map((c) => c.name).sort()).toEqual(['ARIII', 'ARIII madre']);
    expect(data.sources.every((s) => s.caseIds.every((id) => data.cases.some((c) => c.id === id)))).toBe(true);
  });

  it('undoes a survey import: its answers, its new cases, and the attribute values it set on a case that was already there', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Survey');
    // ID4 was interviewed before the survey, and the researcher had noted her group.
    const id4 = await createCase(db, project.id, 'ID4');
    const group = await createAttribute(db, project.id, 'Group', 'category', ['A', 'B']);
    await setCaseValue(db, id4.id, group.id, 'B');
    const csv = [
      'Case,Age,Group,freetext',
      'ID4,24,A,"I wanted to do some more studies but after leaving school and start working, I really lost the interest."',
      'ID5,,B,I needed to upskill in some areas for my work. But work and family life have prevented me from having enough time.',
      'ID6,31,A,"My manager suggested the course, and I found that talking with other parents about the visits helped me most."',
    ].join('\n');
    await addImportedSources(db, project.id, await imported('survey.csv', utf8(csv)));

    let data = await loadProjectData(db, project.id);
    const age = data.attributes.find((a) => a.name === 'Age')!;
    expect(data.sources).toHaveLength(3);
    expect(data.cases.map((c) => c.name).sort()).toEqual(['ID4', 'ID5', 'ID6']);
    const id4After = data.cases.find((c) => c.name === 'ID4')!;
    expect(id4After.id).toBe(id4.id);
    expect(id4After.values).toEqual({ [group.id]: 'A', [age.id]: 24 });

    expect(historyText(await undo(db, project.id))).toMatch(/survey\.csv/);
    data = await loadProjectData(db, project.id);
    expect(data.sources).toEqual([]);
    // The case that was there stays, with the value the researcher had given it; the survey's own cases and column go.
    expect(data.cases.map((c) => [c.name, c.values])).toEqual([['ID4', { [group.id]: 'B' }]]);
    expect(data.attributes.map((a) => a.name)).toEqual(['Group']);
  });
});
