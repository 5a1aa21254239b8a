import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { answerWhoIsCoding, codeParagraphs, openSample } from './steps';

async function switchCoder(page: Page, name: string) {
  await page.getByRole('button', { name: 'Switch coder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Who is coding?' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Switch coder…' })).toContainText(`Coding as ${name}`);
}

async function openAgreement(page: Page) {
  await page.keyboard.press('Control+Shift+P');
  await page.getByLabel('Type a command').fill('intercoder agreement');
  await page.keyboard.press('Enter');
  return page.getByRole('region', { name: 'Analyses' });
}

test('two coders code the same interview differently; the agreement table shows κ and α, and accepting one version updates it', async ({ page }) => {
  await openSample(page);
  await expect(page).toHaveTitle(/Coding as Ana Pérez/);
  await codeParagraphs(page, [
    ['DRA_profundidad', 4, 'Vínculo'],
    ['DRA_profundidad', 6, 'Vínculo'],
    ['DRA_profundidad', 8, 'Vínculo'],
  ]);
  await switchCoder(page, 'Beto');
  await expect(page).toHaveTitle(/Coding as Beto/);
  await codeParagraphs(page, [
    ['DRA_profundidad', 4, 'Vínculo'],
    ['DRA_profundidad', 8, 'Vínculo'],
    ['DRA_profundidad', 10, 'Vínculo'],
  ]);

  // The viewer tells the two coders' stripes apart, and can show them side by side.
  const viewer = page.getByRole('region', { name: 'Text of DRA_profundidad' });
  await expect(viewer.getByRole('button', { name: /^Segment coded Vínculo by Ana Pérez/ })).toHaveCount(3);
  await expect(viewer.getByRole('button', { name: /^Segment coded Vínculo by Beto/ })).toHaveCount(3);
  await viewer.getByLabel('Mine vs theirs').check();
  await viewer.getByText('Every coder’s coding').click();
  await viewer.getByRole('checkbox', { name: 'Beto' }).check();
  await expect(viewer.getByRole('button', { name: /^Segment coded Vínculo/ })).toHaveCount(3);
  await viewer.getByRole('checkbox', { name: 'Beto' }).uncheck();

  const analyses = await openAgreement(page);
  const table = analyses.getByRole('table', { name: 'Intercoder agreement' });
  // Paragraphs 4 and 8 both coded, 6 by Ana only, 10 by Beto only: 2 of 4 agree; κ = (0.5 − 0.625)/0.375.
  const row = table.getByRole('row', { name: /^Vínculo/ });
  await expect(row).toContainText('50.0%');
  await expect(row).toContainText('-0.33');
  await expect(row).toContainText('-0.17');
  // Counting the eight paragraphs nobody coded: 10 of 12 agree, κ 0.56, α 0.57.
  await analyses.getByLabel('Count uncoded text').click();
  await expect(analyses.getByLabel('Count uncoded text')).toBeChecked();
  await expect(row).toContainText('83.3%');
  await expect(row).toContainText('0.56');
  await expect(row).toContainText('0.57');
  await analyses.getByLabel('Count uncoded text').click();
  await expect(analyses.getByLabel('Count uncoded text')).not.toBeChecked();

  // Exported to Word for the paper, with its note on the unit and the formulas.
  const downloading = page.waitForEvent('download');
  await analyses.getByRole('button', { name: 'Export to Word' }).click();
  const word = (await mammoth.extractRawText({ path: await (await downloading).path() })).value;
  expect(word).toContain('Krippendorff’s α');
  expect(word).toContain('Unit: paragraph (4 paragraphs; sources compared: 1).');
  expect(word).toContain('-0.33');

  // The disagreements, side by side; Beto accepts Ana's coding of paragraph 6.
  await row.getByRole('cell').nth(3).click();
  const panel = analyses.getByRole('complementary', { name: 'Disagreements: Vínculo' });
  await expect(panel).toContainText('2 disagreements');
  await panel.getByRole('button', { name: 'Accept Ana Pérez’s version' }).first().click();
  await expect(row).toContainText('75.0%');
  await expect(panel).toContainText('1 disagreement');
  // One undo step takes it back.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(row).toContainText('50.0%');
});

test('a colleague codes a copy of the project on another machine; merging it back brings their coding and a report, and a second merge changes nothing', async ({
  page,
  browser,
}) => {
  await openSample(page);
  await codeParagraphs(page, [['DRA_profundidad', 4, 'Vínculo']]);
  const sent = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+S');
  const ourCopy = await (await sent).path();

  // The colleague opens it in their own app (another browser profile: its own store) and codes as Beto.
  const theirs = await browser.newContext();
  const colleague = await theirs.newPage();
  await colleague.goto('/');
  const chooser = colleague.waitForEvent('filechooser');
  await colleague.getByRole('button', { name: 'Open a .qdpx project…' }).click();
  await (await chooser).setFiles(ourCopy);
  await answerWhoIsCoding(colleague, 'Beto');
  await expect(colleague.getByRole('button', { name: 'Switch coder…' })).toContainText('Coding as Beto');
  await codeParagraphs(colleague, [
    ['DRA_profundidad', 8, 'Vínculo'],
    ['DRA_profundidad', 12, 'Sostener al equipo'],
  ]);
  const back = colleague.waitForEvent('download');
  await colleague.keyboard.press('Control+Shift+S');
  // Kept where the colleague's browser closing does not take it away (as if sent by e-mail).
  const theirCopy = test.info().outputPath('Sample-Beto.qdpx');
  await (await back).saveAs(theirCopy);
  await theirs.close();
  await page.bringToFront();

  // Merge it back.
  await page.keyboard.press('Control+Shift+P');
  await page.getByLabel('Type a command').fill('colleague’s copy');
  const pick = page.waitForEvent('filechooser');
  await page.getByRole('option', { name: /^Merge a colleague’s copy/ }).click();
  await (await pick).setFiles(theirCopy);
  const report = page.getByRole('dialog', { name: /^Merged / });
  await expect(report).toContainText('Coders: 1 added');
  await expect(report).toContainText('Codes: 1 added');
  await expect(report).toContainText('Coded segments: 2 added');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('treeitem', { name: /^Sostener al equipo/ })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'DRA_profundidad' }).click();
  const viewer = page.getByRole('region', { name: 'Text of DRA_profundidad' });
  await expect(viewer.getByRole('button', { name: /^Segment coded Vínculo by Ana Pérez/ })).toHaveCount(1);
  await expect(viewer.getByRole('button', { name: /^Segment coded Vínculo by Beto/ })).toHaveCount(1);
  await expect(viewer.getByRole('button', { name: /^Segment coded Sostener al equipo by Beto/ })).toHaveCount(1);

  // The same file again: nothing new.
  await page.keyboard.press('Control+Shift+P');
  await page.getByLabel('Type a command').fill('colleague’s copy');
  const again = page.waitForEvent('filechooser');
  await page.getByRole('option', { name: /^Merge a colleague’s copy/ }).click();
  await (await again).setFiles(theirCopy);
  await expect(page.getByRole('dialog', { name: /^Merged / })).toContainText('Nothing new');
  await page
    .getByRole('dialog', { name: /^Merged / })
    .getByRole('button', { name: 'Close' })
    .click();

  // Coding as Beto, then undoing the merge that brought him: who is coding is asked again.
  await page.getByRole('button', { name: 'Switch coder…' }).click();
  await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button', { name: 'Code as Beto' }).click();
  await expect(page).toHaveTitle(/Coding as Beto/);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button', { name: 'Code as Ana Pérez' }).click();
  await expect(page).toHaveTitle(/Coding as Ana Pérez/);
  await expect(page.getByRole('treeitem', { name: /^Vínculo/ })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^Sostener al equipo/ })).toHaveCount(0);
});

test('a damaged file given as a colleague’s copy is refused, named with the reason, and the project is unchanged', async ({ page }) => {
  await openSample(page);
  await codeParagraphs(page, [['DRA_profundidad', 4, 'Vínculo']]);
  await page.keyboard.press('Control+Shift+P');
  await page.getByLabel('Type a command').fill('colleague’s copy');
  const pick = page.waitForEvent('filechooser');
  await page.getByRole('option', { name: /^Merge a colleague’s copy/ }).click();
  await (await pick).setFiles({ name: 'copia-Beto.qdpx', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 esto no es un zip entero') });
  await expect(page.getByRole('alert')).toContainText('“copia-Beto.qdpx” was not opened');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('treeitem', { name: /^Vínculo/ })).toContainText('1');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveAttribute('title', /Code with “Vínculo”|Vínculo/);
});
