import { expect, test } from '@playwright/test';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject } from './steps';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A long transcript, written the way a transcription service delivers it. */
function longTranscript(words: number): string {
  const lines: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const speaker = i % 2 === 0 ? 'Entrevistadora' : 'Cuidadora 3';
    const line = `${speaker}: Turno ${i + 1}. La relación con la trabajadora social cambió después de la visita; sentí confianza, cercanía y acompañamiento en el proceso judicial de mis hijos.`;
    lines.push(line);
    count += line.split(' ').length;
  }
  return lines.join('\n');
}

test('a 200,000-word transcript opens with only the visible paragraphs in the page, and scrolls to its end', async ({ page }) => {
  await createProject(page, 'Estudio longitudinal');
  const text = longTranscript(200_000);
  const turns = text.split('\n').length;
  await page.getByLabel('Import sources').setInputFiles({ name: 'Cuidadora 3 - sesiones.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 files')).toBeVisible();
  await page.locator('.source-list').getByRole('button', { name: 'Cuidadora 3 - sesiones' }).click();

  const viewer = page.getByRole('region', { name: 'Text of Cuidadora 3 - sesiones' });
  await expect(viewer.getByLabel('Paragraph 1', { exact: true })).toBeVisible();
  await expect(viewer).toContainText(`${turns.toLocaleString('en')} paragraphs`);
  const inPage = await viewer.locator('.paragraph').count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(120);

  await viewer.getByLabel('Source text').focus();
  await page.keyboard.press('End');
  await expect(viewer.getByLabel(`Paragraph ${turns.toLocaleString('en')}`, { exact: true })).toBeVisible();
  await expect(viewer.locator('.paragraph').last()).toContainText(`Turno ${turns}.`);
});

test('a folder of transcripts is imported in one go, unsupported files named with their reason, and one Undo takes it back', async ({ page }) => {
  await createProject(page, 'Carpeta completa');
  await page.getByLabel('Import folder').setInputFiles(`${fixtures}formats`);
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished: 34 of 34 files')).toBeVisible();
  await expect(panel.locator('.import-row', { hasText: 'entrevista_DRC.fodt' })).toContainText('unsupported file type ".fodt"');
  await expect(page.locator('.source-list tbody tr')).toHaveCount(27);

  // The wrong folder? One Undo, not one per file.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', 'Undo: Import 34 files (Ctrl Z)');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.locator('.source-list tbody tr')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(page.locator('.source-list tbody tr')).toHaveCount(27);
});

test('two hundred transcripts import in one go: the panel sums them up and the source list scrolls to the last', async ({ page }) => {
  await createProject(page, 'Doscientas entrevistas');
  const files = Array.from({ length: 200 }, (_, i) => ({
    name: `P${String(i + 1).padStart(3, '0')}_telefonica.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Entrevistadora: ¿Cómo fue la visita número ${i + 1}?\nP${i + 1}: Hubo más confianza y cercanía con la familia.`, 'utf8'),
  }));
  await page.getByLabel('Import sources').setInputFiles(files);
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished: 200 of 200 files')).toBeVisible();
  await expect(panel.getByText('200 imported')).toBeVisible();
  // Long lists draw only the rows in view.
  expect(await panel.locator('.import-row').count()).toBeLessThan(60);
  const list = page.locator('.source-list');
  expect(await list.locator('tbody tr').count()).toBeLessThan(80);
  await list.locator('.table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.getByRole('button', { name: 'P200_telefonica' })).toBeVisible();
  await list.getByRole('button', { name: 'P200_telefonica' }).click();
  await expect(page.getByRole('region', { name: 'Text of P200_telefonica' })).toContainText('visita número 200');
});

test('a folder copied from Windows and a Mac imports its transcripts, not the files the systems and Word left there', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'entrevistas-'));
  copyFileSync(`${fixtures}formats/entrevista_DRC.docx`, join(folder, 'entrevista_DRC.docx'));
  copyFileSync(`${fixtures}sample/TMA_telefonica.txt`, join(folder, 'TMA_telefonica.txt'));
  // Word's lock file while the interview is open, a Mac's folder settings, Windows' thumbnails.
  writeFileSync(join(folder, '~$trevista_DRC.docx'), Buffer.alloc(162, 0x41));
  writeFileSync(join(folder, '.DS_Store'), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
  writeFileSync(join(folder, 'Thumbs.db'), Buffer.alloc(64, 0xd0));
  await createProject(page, 'Carpeta compartida');
  await page.getByLabel('Import folder').setInputFiles(folder);
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished: 2 of 2 files')).toBeVisible();
  await expect(panel).not.toContainText('~$trevista');
  await expect(page.locator('.source-list tbody tr')).toHaveCount(2);
});

test('files dropped on the window are imported', async ({ page }) => {
  await createProject(page, 'Arrastrar y soltar');
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['E: ¿Cómo está?\nP2: Bien, gracias.\nE: ¿Algo más?\nP2: Nada.'], 'P2_telefonica.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.locator('.workspace').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.workspace').dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('.source-list').getByRole('button', { name: 'P2_telefonica' })).toBeVisible();
  await expect(page.locator('.source-list')).toContainText('Phone interview');
});

test('the source kinds can be edited, and sources follow a renamed kind', async ({ page }) => {
  await createProject(page, 'Tipos');
  await page.getByLabel('Import sources').setInputFiles(`${fixtures}sample/TMA_telefonica.txt`);
  await expect(page.locator('.source-list')).toContainText('Phone interview');
  await page.getByRole('button', { name: 'Source kinds…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Source kinds in this project' });
  await dialog.getByLabel('Name of kind Phone interview').fill('Entrevista telefónica (2023)');
  await dialog.getByLabel('Name of kind Phone interview').press('Enter');
  await dialog.getByLabel('New kind, e.g. focus group').fill('focus group');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByLabel('Name of kind focus group')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.source-list tbody')).toContainText('Entrevista telefónica (2023)');
});

test('several sources get their kind and date together, and one Undo takes it back', async ({ page }) => {
  await createProject(page, 'Entrevistas telefónicas');
  await page.getByLabel('Import sources').setInputFiles([`${fixtures}sample/TMA_telefonica.txt`, `${fixtures}sample/TMB_telefonica.txt`, `${fixtures}sample/DRA_profundidad.txt`]);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 3 of 3 files')).toBeVisible();
  const list = page.locator('.source-list');
  await list.getByLabel('Select TMA_telefonica').check();
  await list.getByLabel('Select TMB_telefonica').check();
  const bar = page.getByRole('toolbar', { name: '2 sources selected' });
  await bar.getByLabel('Set the kind').selectOption({ label: 'Report' });
  await bar.getByLabel('Set the date').fill('2023-06-14');
  await expect(list.locator('tr', { hasText: 'TMA_telefonica' })).toContainText('Report');
  await expect(list.locator('tr', { hasText: 'TMB_telefonica' })).toContainText('2023-06-14');
  await expect(list.locator('tr', { hasText: 'DRA_profundidad' })).toContainText('In-depth interview');

  // Each change to the two sources is one step: one Undo takes the date from both, the next the kind.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  for (const source of ['TMA_telefonica', 'TMB_telefonica']) {
    await expect(list.locator('tr', { hasText: source })).not.toContainText('2023-06-14');
    await expect(list.locator('tr', { hasText: source })).toContainText('Report');
  }
  await undo.click();
  for (const source of ['TMA_telefonica', 'TMB_telefonica']) await expect(list.locator('tr', { hasText: source })).toContainText('Phone interview');
  await expect(list.locator('tr', { hasText: 'DRA_profundidad' })).toContainText('In-depth interview');
});
