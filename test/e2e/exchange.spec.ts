import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerWhoIsCoding, codeParagraphs, openSample } from './steps';

const nvivo = fileURLToPath(new URL('../../../shared/refi/samples/nvivo12_oltas0517_hungarian.qdpx', import.meta.url));

/** The start screen's delete dialog lists what a project holds: a count a researcher can read. */
async function contentsOf(page: Page, project: string) {
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: project, exact: true }) })
    .getByRole('button', { name: 'Delete…' })
    .click();
  const dialog = page.getByRole('dialog');
  const text = await dialog.innerText();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  return text;
}

test('the sample project saved as .qdpx opens as a new project with the same sources, codes and table', async ({ page }) => {
  await openSample(page);
  await codeParagraphs(page, [
    ['DRA_profundidad', 4, 'Cambio de actitud'],
    ['TMA_telefonica', 4, 'Cambio de actitud'],
  ]);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+S');
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('Sample ViDA-style home visits (Los Aromos & Santa Brígida).qdpx');

  await page.getByRole('button', { name: '← Projects' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a .qdpx project…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('heading', { name: 'Sample: ViDA-style home visits (Los Aromos & Santa Brígida) (2)' })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: /^Sources/ })).toContainText('11');
  await expect(page.getByRole('treeitem', { name: /^Cambio de actitud/ })).toContainText('2');

  await nav.getByRole('button', { name: 'Analyses' }).click();
  const analyses = page.getByRole('region', { name: 'Analyses' });
  await analyses.getByLabel('Kind of analysis').selectOption('frequency');
  await analyses.getByRole('button', { name: '+ New' }).click();
  await expect(analyses.getByRole('table', { name: 'Code frequencies' }).getByRole('row', { name: /Cambio de actitud/ })).toContainText('20.0%');

  // Both projects are there, each with its two coded segments.
  await page.getByRole('button', { name: '← Projects' }).click();
  for (const name of ['Sample: ViDA-style home visits (Los Aromos & Santa Brígida)', 'Sample: ViDA-style home visits (Los Aromos & Santa Brígida) (2)'])
    expect(await contentsOf(page, name)).toMatch(/11 sources[\s\S]*1 code[\s\S]*2 coded segments/);
});

test('a project from NVivo opens with its 152 codes and 303 codings', async ({ page }) => {
  test.skip(!existsSync(nvivo), '../shared is not here: the NVivo sample cannot be opened');
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a .qdpx project…' }).click();
  await (await chooser).setFiles(nvivo);
  // Whatever the file left out is shown first; then the project opens.
  const report = page.getByRole('dialog', { name: /What came in from/ });
  const who = page.getByLabel('Your name');
  await expect(report.or(who)).toBeVisible({ timeout: 30_000 });
  if (await report.isVisible()) await report.getByRole('button', { name: 'Open the project' }).click();
  await answerWhoIsCoding(page);
  await expect(page.getByRole('heading', { name: 'Untitled' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button', { name: /^Codes/ })).toContainText('152');
  await page.getByRole('button', { name: '← Projects' }).click();
  expect(await contentsOf(page, 'Untitled')).toMatch(/2 sources[\s\S]*152 codes[\s\S]*303 coded segments/);
});

test('a file that is not a project is refused with its name and the reason, and nothing is added', async ({ page }) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a .qdpx project…' }).click();
  await (await chooser).setFiles({ name: 'proyecto.qdpx', mimeType: 'application/zip', buffer: Buffer.from('esto no es un zip') });
  await expect(page.getByRole('alert')).toHaveText('“proyecto.qdpx” was not opened: not a valid REFI-QDA project file (it is not a zip package)');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No projects yet')).toBeVisible();
});

test('a codebook saved as .qdc from one project comes into another after a preview, and one Undo takes it back', async ({ page }) => {
  await openSample(page);
  await codeParagraphs(page, [['DRA_profundidad', 4, 'Cambio de actitud']]);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^Codes/ })
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the codebook as .qdc…' }).click();
  const file = await (await download).path();

  await page.getByRole('button', { name: '← Projects' }).click();
  await page.getByLabel('New project').fill('Segunda ola');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Segunda ola' })).toBeVisible();
  await page.keyboard.press('Control+6');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a codebook (.qdc)…' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('dialog', { name: /Import the codebook/ });
  await expect(preview).toContainText('1 new code will be added:');
  await expect(preview.getByRole('listitem')).toHaveText(['Cambio de actitud']);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('treeitem', { name: /^Cambio de actitud/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('treeitem', { name: /^Cambio de actitud/ })).toHaveCount(0);
});

test('in the browser, a project whose changes are in no saved copy for a week reminds the researcher to save one', async ({ page }) => {
  await page.clock.setSystemTime(new Date('2026-03-02T10:00:00Z'));
  await openSample(page);
  await codeParagraphs(page, [['DRA_profundidad', 4, 'Cambio de actitud']]);
  await expect(page.getByRole('status').filter({ hasText: 'changes since' })).toHaveCount(0);

  await page.clock.setSystemTime(new Date('2026-03-10T10:00:00Z'));
  await page.reload();
  const note = page.getByRole('status').filter({ hasText: 'changes since' });
  await expect(note).toContainText('This browser keeps your project, but it may clear it');
  const download = page.waitForEvent('download');
  await note.getByRole('button', { name: 'Save a copy as .qdpx…' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.qdpx$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: /Sample: ViDA-style/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'changes since' })).toHaveCount(0);
});
