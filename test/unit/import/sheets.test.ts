import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyClassification, createCase } from '../../../src/db/cases';
import { createProject } from '../../../src/db/projects';
import { matchClassification } from '../../../src/import/classification';
import { readCsvTable } from '../../../src/import/csv-table';
import { readSheetTable } from '../../../src/import/workbook-table';
import { fixture, freshDatabase, utf8 } from '../helpers';

// fixtures/classification: one sheet of cases, typed in a CSV and saved by LibreOffice Calc as .xlsx and .xls.

describe('reading a classification sheet kept in Excel', () => {
  it('reads the .xlsx as its CSV: numbers, yes/no and dates as the researcher typed them', async () => {
    const workbook = await readSheetTable(fixture('classification/casos_visitas.xlsx'));
    const csv = readCsvTable(fixture('classification/casos_visitas.csv'));
    expect(workbook.columns).toEqual(['Caso', 'Rol', 'Comuna', 'Años de experiencia', 'Capacitación', 'Fecha entrevista']);
    expect(workbook.rows).toEqual(csv.rows);
    expect(workbook.rows[1]).toEqual(['TMB', 'Matrona', 'Santa Brígida', '4', 'Sí', '2023-05-19']);
    expect(workbook.sheet).toBe('casos_visitas');
  });

  it('reads the LibreOffice Calc .ods as its CSV too', async () => {
    const ods = await readSheetTable(fixture('classification/casos_visitas.ods'));
    const csv = readCsvTable(fixture('classification/casos_visitas.csv'));
    expect(ods.columns).toEqual(csv.columns);
    expect(ods.rows).toEqual(csv.rows);
    expect(ods.sheet).toBe('casos_visitas');
  });

  it('reads a spreadsheet whose unused rest is a million repeated empty rows, without reading them', async () => {
    const sheet = `<table:table table:name="Hoja1"><table:table-row><table:table-cell office:value-type="string"><text:p>Caso</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Rol</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>TMA</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Enfermera</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`;
    const bytes = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(
        `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${sheet}</office:spreadsheet></office:body></office:document-content>`,
      ),
    });
    const table = await readSheetTable(bytes);
    expect(table.columns).toEqual(['Caso', 'Rol']);
    expect(table.rows).toEqual([['TMA', 'Enfermera']]);
  });

  it('sets typed attributes from the workbook: a number, yes/no and a date', async () => {
    const db = freshDatabase();
    const project = await createProject(db, 'Visitas');
    for (const name of ['TMA', 'TMB', 'TMC']) await createCase(db, project.id, name);
    const table = await readSheetTable(fixture('classification/casos_visitas.xlsx'));
    const match = matchClassification(table, ['TMA', 'TMB', 'TMC']);
    expect(match.unmatched.map((u) => u.name)).toEqual(['TMZ']);
    expect(await applyClassification(db, project.id, table, match, false)).toEqual({ updated: 3, created: 0 });
    const attributes = new Map((await db.attributes.toArray()).map((a) => [a.name, a]));
    expect(['Años de experiencia', 'Capacitación', 'Fecha entrevista'].map((n) => attributes.get(n)?.type)).toEqual(['number', 'boolean', 'date']);
    const tmb = await db.cases.filter((c) => c.name === 'TMB').first();
    expect(tmb?.values[attributes.get('Años de experiencia')!.id]).toBe(4);
    expect(tmb?.values[attributes.get('Capacitación')!.id]).toBe(true);
    expect(tmb?.values[attributes.get('Fecha entrevista')!.id]).toBe('2023-05-19');
  });

  it('matches a sheet that writes the case names another way (P01 for P1, Madre_2, José without its accent), when that names one case', () => {
    const table = readCsvTable(utf8('Participante,Rol\nP01,Madre\nMadre_2,Abuela\nJose,Padre\nP10,Tía\np 3,Hermana\n'));
    const match = matchClassification(table, ['P1', 'Madre 2', 'José', 'P3', 'P03']);
    expect(match.matched.map((m) => [m.name, m.caseName])).toEqual([
      ['P01', 'P1'],
      ['Madre_2', 'Madre 2'],
      ['Jose', 'José'],
    ]);
    // P10 is not P1; "p 3" could be P3 or P03.
    expect(match.unmatched.map((u) => u.name)).toEqual(['P10', 'p 3']);
  });

  it('matches cases NVivo names by their place in the case tree ("Cases\\Participants\\ARIII")', () => {
    const table = readCsvTable(utf8('Case\tRole\nCases\\Participants\\ARIII\tMother\nCases\\Participants\\ARIV\tGrandmother\n'));
    const match = matchClassification(table, ['ARIII', 'ARIV']);
    expect(match.matched.map((m) => m.caseName)).toEqual(['ARIII', 'ARIV']);
  });

  it('reads a tab-separated sheet, as NVivo exports classification sheets to text', async () => {
    const table = await readSheetTable(utf8('Name\tRole\tMunicipality\nTMA\tNurse\tLos Aromos\nTMB\tMidwife\tSanta Brígida\n'));
    expect(table.delimiter).toBe('\t');
    expect(table.rows[1]).toEqual(['TMB', 'Midwife', 'Santa Brígida']);
  });

  it('refuses an Excel 97–2003 .xls with what to do, and a damaged .xlsx with why', async () => {
    await expect(readSheetTable(fixture('classification/casos_visitas.xls'))).rejects.toMatchObject({ code: 'legacy-excel', message: /save it as \.xlsx or \.csv/ });
    const xlsx = fixture('classification/casos_visitas.xlsx');
    await expect(readSheetTable(xlsx.slice(0, Math.floor(xlsx.length / 2)))).rejects.toMatchObject({ code: 'corrupt', message: /damaged Excel file/ });
  });
});
