import { expect, test, type Page } from '@playwright/test';
import { answerWhoIsCoding, openSample } from './steps';

async function openMemos(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Memos' }).click();
  return page.getByRole('region', { name: 'Memos' });
}

/** A second window (tab) of the same browser, on the project the first has open. */
async function secondWindow(page: Page, projectName: RegExp) {
  const other = await page.context().newPage();
  await other.goto('/');
  await other.getByRole('button', { name: projectName }).first().click();
  await expect(other.getByRole('heading', { name: projectName })).toBeVisible();
  return other;
}

test('a memo typed and reloaded at once is all there, and its typing is one undo step', async ({ page }) => {
  await openSample(page);
  const memos = await openMemos(page);
  await memos.getByRole('button', { name: '+ Memo' }).click();
  const text = 'La abuela decide en la casa; la matrona lo confirma en la segunda visita.';
  await page.getByLabel('Memo text').pressSequentially(text, { delay: 5 });
  // No blur, no pause: the page goes away as the last key is typed.
  await page.reload();
  await expect(page.getByRole('heading', { name: /Sample: ViDA-style/ })).toBeVisible();
  const again = await openMemos(page);
  await again.getByRole('list', { name: 'Memos' }).getByRole('button').first().click();
  await expect(page.getByLabel('Memo text')).toHaveValue(text);

  // However many saves the typing took, Undo takes the whole text back in one step.
  await page.getByLabel('Memo title').click();
  await page.getByRole('navigation').getByRole('button', { name: 'Memos' }).focus();
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByLabel('Memo text')).toHaveValue('');
});

test('coding in one window shows in the other within a second, and each window undoes its own steps', async ({ page }) => {
  await openSample(page);
  const other = await secondWindow(page, /Sample: ViDA-style/);
  for (const p of [page, other]) await p.getByRole('navigation').getByRole('button', { name: 'DRA_profundidad' }).click();

  await page.getByRole('button', { name: 'Paragraph 2', exact: true }).click();
  await page.keyboard.press('c');
  await page.getByLabel('Code name').fill('Vínculo con la familia');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('treeitem', { name: /^Vínculo con la familia 1 coded segment/ })).toBeVisible();

  // The other window: the code, its count and the highlight, without a reload.
  await expect(other.getByRole('treeitem', { name: /^Vínculo con la familia 1 coded segment/ })).toBeVisible({ timeout: 1500 });
  await expect(other.getByRole('region', { name: 'Text of DRA_profundidad' }).getByRole('button', { name: /^Segment coded Vínculo con la familia/ })).toBeVisible({
    timeout: 1500,
  });

  // The other window has nothing of its own to undo: its Undo does not take back what this window did.
  await expect(other.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(other.getByRole('treeitem', { name: /^Vínculo con la familia/ })).toHaveCount(0);
});

test('two windows typing in the same memo at once keep both texts, and say so', async ({ page }) => {
  await openSample(page);
  const memos = await openMemos(page);
  await memos.getByRole('button', { name: '+ Memo' }).click();
  await page.getByLabel('Memo title').fill('Alianza');
  const other = await secondWindow(page, /Sample: ViDA-style/);
  const otherMemos = await openMemos(other);
  await otherMemos
    .getByRole('list', { name: 'Memos' })
    .getByRole('button', { name: /Alianza/ })
    .click();

  // Both start from the same empty memo and type before either sees the other's text.
  await page.getByLabel('Memo text').focus();
  await other.getByLabel('Memo text').focus();
  await page.keyboard.type('Primera visita: desconfianza.');
  await other.keyboard.type('Segunda visita: la cuidadora pregunta por el taller.');
  await page.getByLabel('Memo title').focus();
  await other.getByLabel('Memo title').focus();

  for (const p of [page, other]) {
    await expect(p.getByLabel('Memo text')).toHaveValue(/Primera visita: desconfianza\./);
    await expect(p.getByLabel('Memo text')).toHaveValue(/Segunda visita: la cuidadora pregunta por el taller\./);
  }
  await expect(other.getByRole('status').filter({ hasText: 'Another window changed this text' })).toBeVisible();
});

test('a project open before a reload is open after it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New project').fill('Alianza terapéutica');
  await page.getByRole('button', { name: 'Create project' }).click();
  await answerWhoIsCoding(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Alianza terapéutica' })).toBeVisible();
});

/** Transcripts written in the test: `count` interviews of about `words` words each. */
function transcripts(count: number, words = 3000) {
  const sentence = 'La profesional visita a la familia y conversa sobre la semana. ';
  return Array.from({ length: count }, (_, i) => ({
    name: `entrevista_${String(i + 1).padStart(3, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`E: ¿Cómo fue la semana?\nP${i + 1}: ${sentence.repeat(Math.ceil(words / 11))}\n`),
  }));
}

test('an import cut short by a reload says so afterwards, with how far it got and the files it did not reach', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New project').fill('Visitas');
  await page.getByRole('button', { name: 'Create project' }).click();
  await answerWhoIsCoding(page);
  // A slower machine than this one: the import must still be running when the page reloads
  // (on a fast, idle machine 400 short transcripts can be stored between two looks).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.getByLabel('Import sources').setInputFiles(transcripts(400));
  await expect(page.getByRole('region', { name: 'Import progress' })).toContainText(/Importing: [1-9]\d* of 400 files/);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'An import was cut short' });
  await expect(notice).toContainText(/\d+ of 400 files imported, interrupted/);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await notice.getByText(/files? not imported/).click();
  await expect(notice.getByRole('listitem').last()).toHaveText('entrevista_400.txt');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Visitas' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'An import was cut short' })).toHaveCount(0);
});

test('a case sheet cell typed and reloaded before leaving it keeps its value', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: /^Cases/ }).click();
  const cell = page.getByLabel('DRA · Municipality');
  await cell.fill('Renca Norte');
  await page.reload();
  await page.getByRole('button', { name: /^Cases/ }).click();
  await expect(page.getByLabel('DRA · Municipality')).toHaveValue('Renca Norte');
});
