import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { openSample } from './steps';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

test('searches a Spanish word typed without its accent, opens a hit ready to code, codes every hit by paragraph, undoes, and finds the words of a file imported afterwards', async ({
  page,
}) => {
  await openSample(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Text search' }).click();
  await page.getByLabel('Search the sources').fill('vinculo');
  const hits = page.getByRole('table', { name: 'Text search: vinculo' });
  await expect(hits.getByRole('cell', { name: 'vínculo', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^\d+ hits in \d+ passages/ })).toBeVisible();
  const summary = await page
    .getByRole('status')
    .filter({ hasText: /^\d+ hits in/ })
    .innerText();
  const hitCount = Number(/^(\d+) hits/.exec(summary)![1]);
  expect(hitCount).toBeGreaterThan(3);

  // A hit opens its source with the words selected: the coding panel quotes them.
  await hits.getByRole('cell', { name: 'vínculo', exact: true }).first().click();
  await expect(page.getByRole('complementary', { name: 'Coding' }).getByText('vínculo', { exact: true })).toBeVisible();

  // Back to the search (the query is still there): code every hit's paragraph with a new code.
  await page.getByRole('navigation').getByRole('button', { name: 'Text search' }).click();
  await expect(page.getByLabel('Search the sources')).toHaveValue('vinculo');
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Code', exact: true }).selectOption({ label: 'New code named…' });
  await dialog.getByLabel('Name of the new code').fill('Vínculo');
  await expect(dialog.getByLabel('their paragraph')).toBeChecked();
  const run = dialog.getByRole('button', { name: /^Code \d+ passages$/ });
  const passages = Number(/\d+/.exec(await run.innerText())![0]);
  expect(passages).toBeGreaterThan(0);
  expect(passages).toBeLessThanOrEqual(hitCount);
  await run.click();
  await expect(page.getByRole('treeitem', { name: new RegExp(`^Vínculo ${passages} coded segments`) })).toBeVisible();

  // One undo step takes back the code and all its segments.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('treeitem', { name: /^Vínculo/ })).toHaveCount(0);

  // A file imported now is searched too: its partition is indexed without a reload.
  await page.getByLabel('Import sources').setInputFiles(`${fixtures}transcripts/sesion_Cuidadora2_teams.vtt`);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 files')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Text search' }).click();
  await page.getByLabel('Search the sources').fill('audiencia');
  await expect(page.getByRole('table', { name: 'Text search: audiencia' }).getByRole('cell', { name: 'audiencia', exact: true })).toBeVisible();
});

test('says what is wrong with a query, and filters by speaker', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Control+Shift+F');
  await page.getByLabel('Search the sources').fill('"vínculo sin cerrar');
  await expect(page.getByRole('alert')).toHaveText(/A quotation mark is not closed/);
  await page.getByLabel('Search the sources').fill('capacitación speaker:E');
  const table = page.getByRole('table', { name: 'Text search: capacitación speaker:E' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const speakers = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(new Set(speakers)).toEqual(new Set(['E']));
});
