import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { answerWhoIsCoding } from './steps';

test('the sample project shows the study done: coded passages, memos, and Table 1 with its five rows, exported to Word as the paper prints it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await answerWhoIsCoding(page);
  await expect(page.getByRole('heading', { name: /Sample: ViDA-style/ })).toBeVisible();

  // The codebook of the analysis matrix, with its counts.
  await expect(page.getByRole('treeitem', { name: /^Bond and trust \d+ coded segments/ })).toBeVisible();

  // A source opens with its coded passages highlighted.
  await page.getByRole('navigation').getByRole('button', { name: 'TMA_telefonica' }).click();
  const viewer = page.getByRole('region', { name: 'Text of TMA_telefonica' });
  await expect(viewer.locator('span.coded', { hasText: 'el vínculo se construye con constancia' }).first()).toBeVisible();
  await expect(viewer.getByRole('button', { name: /^Segment coded Bond and trust/ }).first()).toBeVisible();

  // Table 1, saved in the project.
  await page.getByRole('navigation').getByRole('button', { name: 'Changes perceived by professionals after training' }).click();
  const analyses = page.getByRole('region', { name: 'Analyses' });
  const table = analyses.getByRole('table', { name: /Changes perceived by professionals after training/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Without training', 'With training']);
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').nth(1)).toContainText('1. Have relationship skills');
  await expect(table.getByRole('row').nth(5)).toContainText('Transfer of positive bond between supervisor, visiting agents, visited person and her family.');

  const downloading = page.waitForEvent('download');
  await analyses.getByRole('button', { name: 'Export to Word' }).click();
  const text = (await mammoth.extractRawText({ path: await (await downloading).path() })).value;
  const lines = text.split('\n').filter((l) => l.trim());
  expect(lines[0]).toBe('Table 1');
  expect(lines[1]).toBe('Changes perceived by professionals after training');
  expect(text).toContain('4. The objectives of the visit are not consistent with behavior changes');
  expect(text).not.toContain('Sample: ViDA-style');
});
