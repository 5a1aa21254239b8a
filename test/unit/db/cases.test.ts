import { describe, expect, it } from 'vitest';
import { errorText, ResearcherError } from '../../../src/model/errors';
import { applyClassification, createAttribute, createCase, deleteAttribute, deleteCase, renameCase, setCaseValue, updateAttribute } from '../../../src/db/cases';
import { createProject, renameSourceKind } from '../../../src/db/projects';
import { historyText, redo, undo, undoState } from '../../../src/db/changes';
import { addImportedSources, linkSourceToCase, linkSourcesToCases, updateSource, updateSources } from '../../../src/db/sources';
import { matchClassification } from '../../../src/import/classification';
import { readCsvTable } from '../../../src/import/csv-table';
import { importSource } from '../../../src/import';
import { freshDatabase, utf8 } from '../helpers';

describe('cases and their attributes', () => {
  it('edits attribute values like a spreadsheet, typed by attribute', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const ariii = await createCase(db, project.id, 'ARIII');
    const role = await createAttribute(db, project.id, 'Role', 'category');
    const age = await createAttribute(db, project.id, 'Age', 'number');
    const trained = await createAttribute(db, project.id, 'Trained', 'boolean');
    await setCaseValue(db, ariii.id, role.id, 'Director');
    await setCaseValue(db, ariii.id, age.id, '41');
    await setCaseValue(db, ariii.id, trained.id, 'sí');
    expect((await db.cases.get(ariii.id))?.values).toEqual({ [role.id]: 'Director', [age.id]: 41, [trained.id]: true });
    expect((await db.attributes.get(role.id))?.values).toEqual(['Director']);
    const refusal = await setCaseValue(db, ariii.id, age.id, 'forty').catch((e: unknown) => e);
    expect(errorText('en', refusal)).toBe('"forty" is not a valid value for Age (Number).');
    expect(errorText('es', refusal)).toBe('«forty» no es un valor válido para Age (Número).');
  });

  it('refuses two cases with the same name', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    await createCase(db, project.id, 'DRI');
    const other = await createCase(db, project.id, 'BI');
    await expect(createCase(db, project.id, 'DRI')).rejects.toThrow('already exists');
    const refusal = await renameCase(db, other.id, 'DRI').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ResearcherError);
    expect(errorText('pt', refusal)).toBe('Já existe um caso chamado «DRI».');
  });

  it('changing an attribute to a number converts the values it can', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'P');
    const c = await createCase(db, project.id, 'C1');
    const years = await createAttribute(db, project.id, 'Years in service', 'text');
    await setCaseValue(db, c.id, years.id, '12');
    await updateAttribute(db, years.id, { type: 'number' });
    expect((await db.cases.get(c.id))?.values[years.id]).toBe(12);
    await deleteAttribute(db, years.id);
    expect((await db.cases.get(c.id))?.values).toEqual({});
  });

  it('deleting a case keeps its sources, unlinked', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'P');
    const result = await importSource({ name: 'RK_Rep2.txt', bytes: utf8('Informe.') });
    if (!result.ok) throw new Error();
    await addImportedSources(db, project.id, result);
    const kase = await db.cases.toCollection().first();
    await deleteCase(db, kase!.id);
    const [source] = await db.sources.toArray();
    expect(source.caseIds).toEqual([]);
  });
});

describe('importing a classification sheet', () => {
  const sheet = 'Participante,Rol,Comuna,Capacitación\nARIII,Profesional,Recoleta,Con\n dri ,Directora,Recoleta,Con\nZZ9,Profesional,Renca,Sin\n';

  it('matches rows to cases by name, ignoring case and spaces, and lists the rest', () => {
    const table = readCsvTable(utf8(sheet));
    const match = matchClassification(table, ['ARIII', 'DRI', 'BI']);
    expect(match.nameColumn).toBe('Participante');
    expect(match.matched).toEqual([
      { caseName: 'ARIII', name: 'ARIII', row: 0 },
      { caseName: 'DRI', name: 'dri', row: 1 },
    ]);
    expect(match.unmatched).toEqual([{ name: 'ZZ9', row: 2 }]);
    expect(match.untouched).toEqual(['BI']);
  });

  it('sets the attributes of matched cases, and creates unmatched ones only when asked', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    for (const n of ['ARIII', 'DRI', 'BI']) await createCase(db, project.id, n);
    const table = readCsvTable(utf8(sheet));
    const match = matchClassification(table, ['ARIII', 'DRI', 'BI']);
    expect(await applyClassification(db, project.id, table, match, false)).toEqual({ updated: 2, created: 0 });
    const attrs = await db.attributes
      .orderBy('id')
      .toArray()
      .then((a) => a.sort((x, y) => x.order - y.order));
    expect(attrs.map((a) => a.name)).toEqual(['Rol', 'Comuna', 'Capacitación']);
    const dri = await db.cases.filter((c) => c.name === 'DRI').first();
    expect(dri?.values[attrs[0].id]).toBe('Directora');
    expect(await db.cases.count()).toBe(3);
    expect(await applyClassification(db, project.id, table, match, true)).toEqual({ updated: 2, created: 1 });
    expect(await db.cases.count()).toBe(4);
  });
});

describe('taking back edits of cases, attributes, sources and project settings', () => {
  async function projectWithTranscript() {
    const db = freshDatabase();
    const project = await createProject(db, 'ViDA');
    const result = await importSource({ name: 'ARIII_phone.txt', bytes: utf8('E: Hola\nARIII: Buenas') });
    if (!result.ok) throw new Error(result.error.message);
    const outcome = await addImportedSources(db, project.id, result);
    if (outcome.status !== 'added') throw new Error('not added');
    return { db, projectId: project.id, source: outcome.sources[0] };
  }

  it('undoes a value typed in the sheet, the category it added, a rename and a deleted case, one step each', async () => {
    const { db, projectId, source } = await projectWithTranscript();
    const [ariii] = await db.cases.toArray();
    const role = await createAttribute(db, projectId, 'Rol', 'category');
    await setCaseValue(db, ariii.id, role.id, 'Directora');
    await renameCase(db, ariii.id, 'AR-III');
    await deleteCase(db, ariii.id);
    expect(historyText((await undoState(db, projectId)).undo)).toBe('Delete case “AR-III”');

    expect(historyText(await undo(db, projectId))).toBe('Delete case “AR-III”');
    expect((await db.sources.get(source.id))?.caseIds).toEqual([ariii.id]);
    expect(historyText(await undo(db, projectId))).toBe('Rename case “ARIII”');
    expect((await db.cases.get(ariii.id))?.name).toBe('ARIII');
    expect(historyText(await undo(db, projectId))).toBe('Set Rol of “ARIII”');
    expect((await db.cases.get(ariii.id))?.values).toEqual({});
    expect((await db.attributes.get(role.id))?.values).toEqual([]);
    expect(historyText(await undo(db, projectId))).toBe('New attribute “Rol”');
    expect(await db.attributes.count()).toBe(0);
    expect(historyText(await redo(db, projectId))).toBe('New attribute “Rol”');
    expect(historyText(await redo(db, projectId))).toBe('Set Rol of “ARIII”');
    expect((await db.cases.get(ariii.id))?.values[role.id]).toBe('Directora');
  });

  it('undoes a classification sheet as one step: new attributes, new cases and values all go', async () => {
    const { db, projectId } = await projectWithTranscript();
    const table = readCsvTable(utf8('Participante,Rol\nARIII,Profesional\nZZ9,Directora\n'));
    const match = matchClassification(table, ['ARIII']);
    await applyClassification(db, projectId, table, match, true);
    expect(await db.cases.count()).toBe(2);
    expect(historyText(await undo(db, projectId))).toBe('Import classification sheet');
    expect(await db.cases.count()).toBe(1);
    expect((await db.cases.toArray())[0].values).toEqual({});
    expect(await db.attributes.count()).toBe(0);
  });

  it('sets the kind and the date of several sources as one step', async () => {
    const { db, projectId, source } = await projectWithTranscript();
    const second = await importSource({ name: 'ARIV_phone.txt', bytes: utf8('E: Hola\nARIV: Qué tal') });
    if (!second.ok) throw new Error(second.error.message);
    const added = await addImportedSources(db, projectId, second);
    if (added.status !== 'added') throw new Error('not added');
    const ids = [source.id, added.sources[0].id];
    await updateSources(db, ids, { kind: 'in-depth interview' });
    await updateSources(db, ids, { date: '2023-07-01' });
    expect((await db.sources.bulkGet(ids)).map((s) => [s?.kind, s?.date])).toEqual([
      ['in-depth interview', '2023-07-01'],
      ['in-depth interview', '2023-07-01'],
    ]);
    expect(historyText(await undo(db, projectId))).toBe('Set the date of 2 sources');
    expect(historyText(await undo(db, projectId))).toBe('Set the kind of 2 sources');
    expect((await db.sources.bulkGet(ids)).map((s) => [s?.kind, s?.date])).toEqual([
      ['phone interview', undefined],
      ['phone interview', undefined],
    ]);
  });

  it('undoes edits of a source and of the project’s source kinds, the sources following the kind back', async () => {
    const { db, projectId, source } = await projectWithTranscript();
    await updateSource(db, source.id, { date: '2023-06-14' });
    await linkSourceToCase(db, source.id, 'Familia 3');
    await renameSourceKind(db, projectId, 'phone interview', 'entrevista telefónica');
    expect((await db.sources.get(source.id))?.kind).toBe('entrevista telefónica');

    expect(historyText(await undo(db, projectId))).toBe('Rename the source kind “phone interview”');
    expect((await db.sources.get(source.id))?.kind).toBe('phone interview');
    expect((await db.projects.get(projectId))?.sourceKinds).toContain('phone interview');
    expect(historyText(await undo(db, projectId))).toBe('Link “ARIII_phone” to case “Familia 3”');
    expect(await db.cases.count()).toBe(1);
    expect(historyText(await undo(db, projectId))).toBe('Set the date of “ARIII_phone”');
    expect((await db.sources.get(source.id))?.date).toBeUndefined();
  });
});

describe('linking imported files to the cases the project has', () => {
  it('links a file whose name names an existing case, and creates none for a name that names nobody', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'P');
    await createCase(db, project.id, 'Madre 2');
    for (const name of ['notas de campo madre2.txt', 'pandoc-latin1.txt']) {
      const result = await importSource({ name, bytes: utf8(`Texto de ${name}.`) });
      if (!result.ok) throw new Error(result.error.message);
      await addImportedSources(db, project.id, result);
    }
    const cases = await db.cases.where('projectId').equals(project.id).toArray();
    expect(cases.map((c) => c.name)).toEqual(['Madre 2']);
    const sources = await db.sources.where('projectId').equals(project.id).sortBy('name');
    expect(sources.map((s) => [s.name, s.caseIds.length])).toEqual([
      ['notas de campo madre2', 1],
      ['pandoc-latin1', 0],
    ]);
  });
});

describe('the "Link to cases" table after an import', () => {
  it('links each source to the case written for it (existing however written, or new, or none) as one undo step', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'P');
    await createCase(db, project.id, 'Madre 2');
    for (const name of ['uno.txt', 'dos.txt', 'tres.txt']) {
      const result = await importSource({ name, bytes: utf8(`Texto ${name}.`) });
      if (!result.ok) throw new Error(result.error.message);
      await addImportedSources(db, project.id, result);
    }
    const byName = async () => new Map((await db.sources.where('projectId').equals(project.id).toArray()).map((s) => [s.name, s]));
    const sources = await byName();
    const linked = await linkSourcesToCases(db, project.id, [
      { sourceId: sources.get('uno')!.id, caseName: 'madre2' },
      { sourceId: sources.get('dos')!.id, caseName: ' P9 ' },
      { sourceId: sources.get('tres')!.id, caseName: '' },
    ]);
    expect(linked).toBe(2);
    const cases = new Map((await db.cases.where('projectId').equals(project.id).toArray()).map((c) => [c.id, c.name]));
    const after = await byName();
    expect([...after.values()].map((s) => [s.name, s.caseIds.map((id) => cases.get(id))]).sort()).toEqual([
      ['dos', ['P9']],
      ['tres', []],
      ['uno', ['Madre 2']],
    ]);
    expect(historyText(await undo(db, project.id))).toBe('Link 2 sources to their cases');
    expect([...(await byName()).values()].every((s) => s.caseIds.length === 0)).toBe(true);
    expect(await db.cases.count()).toBe(1);
  });
});
