import { test, expect } from '@playwright/test';
import { createProject } from './steps';
test('shot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await createProject(page, 'Corpus');
  await page.getByLabel('Import folder').setInputFiles('/work/shared/corpus/docs');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.screenshot({ path: '/tmp/shot-c1.png' });
  await dialog.getByRole('button', { name: 'Import survey' }).click();
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText(/Import finished/)).toBeVisible();
  await page.screenshot({ path: '/tmp/shot-c2.png' });
});
