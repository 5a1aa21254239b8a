import { test } from '@playwright/test';
import { openSample } from './steps';

test('shots', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openSample(page);
  await page.getByRole('button', { name: 'Text search' }).first().click();
  await page.getByLabel('Search the sources').fill('vinculo');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/s1.png' });
  await page.getByRole('button', { name: 'How to search' }).click();
  await page.getByLabel('Search the sources').fill('confianza speaker:Madre');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/s2.png' });
});
