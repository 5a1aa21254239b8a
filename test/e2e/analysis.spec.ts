import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { codeParagraphs, openSample } from './steps';

test('builds a framework matrix with summaries and a ViDA-style comparison table, and exports it to Word', async ({ page }) => {
  await openSample(page);
  const nav = page.getByRole('navigation');
  await codeParagraphs(page, [
    ['TMA_telefonica', 4, 'Habilidades relacionales'],
    ['TMD_telefonica_cp1252', 8, 'Habilidades relacionales'],
    ['TMB_telefonica', 8, 'Involucrar a la familia'],
    ['TMD_telefonica_cp1252', 10, 'Involucrar a la familia'],
  ]);

  // The framework matrix: cases × the two codes, a summary in two cells.
  await nav.getByRole('button', { name: 'Analyses' }).click();
  const analyses = page.getByRole('region', { name: 'Analyses' });
  await analyses.getByLabel('Kind of analysis').selectOption('framework');
  await analyses.getByRole('button', { name: '+ New' }).click();
  const matrix = analyses.getByRole('table', { name: 'Framework matrix' });
  await expect(matrix.getByRole('row', { name: /^TMA/ })).toContainText('1');
  await matrix.getByRole('row', { name: /^TMA/ }).getByRole('cell').nth(1).click();
  await page.getByLabel('Summary of this cell').fill('Escucha más y da herramientas en vez de soluciones.');
  await page.getByLabel('Summary of this cell').blur();
  await matrix.getByRole('row', { name: /^TMB/ }).getByRole('cell').nth(2).click();
  await page.getByLabel('Summary of this cell').fill('Incluye a la abuela y a la pareja.');
  await page.getByLabel('Summary of this cell').blur();
  await analyses.getByLabel('Cells show').selectOption('summaries');
  await expect(matrix.getByRole('row', { name: /^TMA/ })).toContainText('Escucha más y da herramientas en vez de soluciones.');
  await expect(matrix.getByRole('row', { name: /^TMB/ })).toContainText('Incluye a la abuela y a la pareja.');

  // The comparison table: the two themes by training, numbered rows.
  await analyses.getByLabel('Kind of analysis').selectOption('comparison');
  await analyses.getByRole('button', { name: '+ New' }).click();
  await expect(analyses.getByLabel('Title of the analysis')).toHaveValue('Comparison table');
  await analyses.getByLabel('Title of the analysis').fill('Changes perceived by professionals after training.');
  await analyses.getByLabel('Title of the analysis').blur();
  await analyses.getByLabel('Groups').selectOption({ label: 'Training' });
  const table = analyses.getByRole('table', { name: 'Changes perceived by professionals after training.' });
  await expect(table.getByRole('columnheader')).toHaveText(['With training ', 'Without training ']);
  const cells = [
    ['Deepen and develop relationship skills.', 0, 0],
    ['Have relationship skills', 0, 1],
    ['Get involved with the caregiver and other members of the family.', 1, 0],
    ['Only get involved with the caregiver and the child.', 1, 1],
  ] as const;
  for (const [text, row, column] of cells) {
    await table
      .getByRole('row')
      .nth(row + 1)
      .getByRole('cell')
      .nth(column)
      .click();
    await page.getByLabel('Summary of this cell').fill(text);
    await page.getByLabel('Summary of this cell').blur();
    await expect(table.getByRole('row').nth(row + 1)).toContainText(text);
  }
  await expect(table.getByRole('row').nth(1)).toContainText('1. Deepen and develop relationship skills.');

  const downloading = page.waitForEvent('download');
  await analyses.getByRole('button', { name: 'Export to Word' }).click();
  const file = await downloading;
  const html = (await mammoth.convertToHtml({ path: await file.path() })).value;
  expect(html).toContain('<strong>Table 1</strong>');
  expect(html).toContain('<em>Changes perceived by professionals after training.</em>');
  expect(html).toContain('<thead><tr><th><p><strong>With training</strong></p></th><th><p><strong>Without training</strong></p></th></tr></thead>');
  expect(html).toContain('<tr><td><p>1. Deepen and develop relationship skills.</p></td><td><p>Have relationship skills</p></td></tr>');
  expect(html).toContain(
    '<tr><td><p>2. Get involved with the caregiver and other members of the family.</p></td><td><p>Only get involved with the caregiver and the child.</p></td></tr>',
  );

  // The same table in Excel.
  const excel = page.waitForEvent('download');
  await analyses.getByRole('button', { name: 'Export to Excel' }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await excel).path());
  const sheet = book.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('Changes perceived by professionals after training.');
  expect(sheet.getRow(2).values).toEqual([undefined, 'With training', 'Without training']);
  expect(sheet.getCell('A3').value).toBe('1. Deepen and develop relationship skills.');
});

test('a code-frequency table by role becomes a bar chart saved as SVG and PNG', async ({ page }) => {
  await openSample(page);
  const nav = page.getByRole('navigation');
  await codeParagraphs(page, [
    ['DRA_profundidad', 4, 'Cambio de actitud'],
    ['TMA_telefonica', 4, 'Cambio de actitud'],
  ]);
  await nav.getByRole('button', { name: 'Analyses' }).click();
  const analyses = page.getByRole('region', { name: 'Analyses' });
  await analyses.getByLabel('Kind of analysis').selectOption('frequency');
  await analyses.getByRole('button', { name: '+ New' }).click();
  await analyses.getByLabel('Split by').selectOption({ label: 'Role' });
  const table = analyses.getByRole('table', { name: 'Code frequencies' });
  await expect(table.getByRole('row', { name: /Cambio de actitud/ })).toContainText('50.0%');
  // A cell shows its quotes: the directors' quotes for this code.
  await table
    .getByRole('row', { name: /Cambio de actitud/ })
    .getByRole('cell')
    .nth(5)
    .click();
  const cellPanel = analyses.getByRole('complementary', { name: /Cambio de actitud × Director n/ });
  await expect(cellPanel).toContainText('1 quote');
  await expect(cellPanel).toContainText('Lo más visible es un cambio de actitud.');
  await expect(cellPanel).toContainText('(DRA, 4)');

  await analyses.getByRole('tab', { name: 'Bar chart' }).click();
  await expect(analyses.getByRole('img', { name: 'Chart of Code frequencies' })).toBeVisible();
  const svgDownload = page.waitForEvent('download');
  await analyses.getByRole('button', { name: 'Save SVG' }).click();
  const svg = readFileSync(await (await svgDownload).path(), 'utf8');
  expect(svg).toMatch(/^<svg /);
  expect(svg).toContain('Cambio de actitud');
  const pngDownload = page.waitForEvent('download');
  await analyses.getByRole('button', { name: 'Save PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
