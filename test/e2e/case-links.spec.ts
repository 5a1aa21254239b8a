import { expect, test } from '@playwright/test';
import { createProject } from './steps';

test('a folder whose file names name nobody creates no case; the researcher links the sources to cases in one table, and one Undo takes it back', async ({ page }) => {
  await createProject(page, 'Carpeta sin casos');
  const files = ['pandoc-notes.txt', 'latin1-es.txt', 'transcript-es.txt'].map((name) => ({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(`La familia habló de la visita (${name}).`),
  }));
  await page.getByLabel('Import sources').setInputFiles(files);
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished: 3 of 3 files')).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: /^Cases 0$/ })).toBeVisible();

  await panel.getByRole('button', { name: 'Link to cases…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to cases' });
  await dialog.getByLabel('Case of pandoc-notes').fill('Madre 1');
  await dialog.getByLabel('Case of latin1-es').fill('P2');
  await expect(dialog.getByLabel('Case of transcript-es')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(nav.getByRole('button', { name: /^Cases 2$/ })).toBeVisible();

  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(nav.getByRole('button', { name: /^Cases 0$/ })).toBeVisible();
});
