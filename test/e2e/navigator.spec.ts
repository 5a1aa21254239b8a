import { expect, test } from '@playwright/test';
import { createProject } from './steps';

test('with 500 sources the codebook stays in view, and the source list filters and folds away', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await createProject(page, 'Quinientas fuentes');
  const files = Array.from({ length: 500 }, (_, i) => ({
    name: `P${i + 1}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Entrevistadora: ¿Cómo fue la visita ${i}?\nP${i + 1}: Bien, con confianza.`),
  }));
  await page.getByLabel('Import sources').setInputFiles(files);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 500 of 500 files')).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Close' }).click();

  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: '+ Code' })).toBeInViewport();
  await expect(nav.getByRole('tree', { name: /code/i })).toBeInViewport();
  const list = nav.getByRole('listbox', { name: 'Sources' });
  // In the order people number them.
  await expect(list.getByRole('option').nth(1)).toHaveText('P2');

  await nav.getByLabel('Find a source').fill('p49');
  await expect(list.getByRole('option')).toHaveCount(11);
  await list.getByRole('button', { name: 'P495' }).click();
  await expect(page.getByRole('heading', { name: 'P495' })).toBeVisible();

  await nav.getByRole('button', { name: 'Hide the source list' }).click();
  await expect(list).toHaveCount(0);
  await nav.getByRole('button', { name: 'Show the source list' }).click();
  await expect(list).toBeVisible();
});
