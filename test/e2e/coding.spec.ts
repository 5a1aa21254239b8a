import { expect, test, type Locator, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { codeParagraphs, openSample } from './steps';

/** Drags the mouse across a phrase, as a researcher selects words. */
async function selectPhrase(page: Page, within: Locator, phrase: string) {
  const points = await within.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rects = Array.from(range.getClientRects());
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, phrase);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

test('codes a phrase with the quick-code palette; undo removes the highlight and the stripe, redo brings them back', async ({ page }) => {
  await openSample(page);
  await page.getByRole('navigation').getByRole('button', { name: 'DRA_profundidad' }).click();
  const viewer = page.getByRole('region', { name: 'Text of DRA_profundidad' });
  await selectPhrase(page, viewer, 'un cambio de actitud');
  await expect(page.getByRole('complementary', { name: 'Coding' }).locator('.quote').first()).toHaveText('un cambio de actitud');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Code the selection' });
  await palette.getByLabel('Code name').fill('Cambio de actitud');
  await expect(palette.getByRole('option', { name: 'Create code “Cambio de actitud”' })).toBeVisible();
  await page.keyboard.press('Enter');

  const highlight = viewer.locator('span.coded', { hasText: 'un cambio de actitud' });
  const stripe = viewer.getByRole('button', { name: 'Segment coded Cambio de actitud: “un cambio de actitud”' });
  await expect(highlight).toHaveText('un cambio de actitud');
  await expect(stripe).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^Cambio de actitud 1 coded segment, 1 source$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(highlight).toHaveCount(0);
  await expect(stripe).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: /Cambio de actitud/ })).toHaveCount(0);

  await viewer.getByLabel('Source text').focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(highlight).toHaveText('un cambio de actitud');
  await expect(stripe).toBeVisible();

  // The same phrase with a second code: both show, the segment names its codes.
  await selectPhrase(page, viewer, 'cambio de actitud');
  await page.keyboard.press('c');
  await page.getByLabel('Code name').fill('Relación');
  await page.keyboard.press('Enter');
  await expect(viewer.getByRole('button', { name: 'Segment coded Relación: “cambio de actitud”' })).toBeVisible();
  await expect(viewer.locator('span.coded.overlap', { hasText: 'cambio de actitud' })).toBeVisible();
});

test('a paragraph number selects the paragraph without its speaker label; the last used code is one key away', async ({ page }) => {
  await openSample(page);
  await page.getByRole('navigation').getByRole('button', { name: 'TMA_telefonica' }).click();
  const viewer = page.getByRole('region', { name: 'Text of TMA_telefonica' });
  await viewer.getByRole('button', { name: 'Paragraph 4', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Coding' });
  await expect(panel.locator('.quote').first()).toHaveText(/^Mire, lo primero que noto es que hay más cercanía\./);
  await page.keyboard.press('c');
  await page.getByLabel('Code name').fill('Cercanía');
  await page.keyboard.press('Enter');
  await viewer.getByRole('button', { name: 'Paragraph 6', exact: true }).click();
  await page.keyboard.press('l');
  await expect(page.getByRole('treeitem', { name: /^Cercanía 2 coded segments, 1 source$/ })).toBeVisible();
  // Uncoding the selected segment with U.
  await viewer.getByRole('button', { name: /Segment coded Cercanía: “Que la escucho más/ }).click();
  await page.keyboard.press('u');
  await expect(page.getByRole('treeitem', { name: /^Cercanía 1 coded segment, 1 source$/ })).toBeVisible();
});

test('builds a codebook: a theme, a subcode dragged under it, a description shown on hover', async ({ page }) => {
  await openSample(page);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: '+ Code' }).click();
  await page.getByLabel('Name of the new code').fill('Componente relacional');
  await page.keyboard.press('Enter');
  await nav.getByRole('button', { name: '+ Code' }).click();
  await page.getByLabel('Name of the new code').fill('Confianza');
  await page.keyboard.press('Enter');
  const trust = page.getByRole('treeitem', { name: /^Confianza/ });
  await expect(trust).toHaveAttribute('aria-level', '1');

  await trust.dragTo(page.getByRole('treeitem', { name: /^Componente relacional/ }));
  await expect(trust).toHaveAttribute('aria-level', '2');
  await expect(page.getByRole('treeitem', { name: /^Componente relacional/ })).toHaveAttribute('aria-expanded', 'true');

  // The codebook entry: description and criteria, shown when hovering the code.
  await trust.getByRole('button', { name: 'Actions for Confianza' }).click();
  await page.getByRole('menuitem', { name: 'Description and criteria' }).click();
  await page.getByLabel('Description').fill('Las familias confían en la profesional y le cuentan lo que no dicen en el centro.');
  await page.getByLabel('Include when').fill('Se menciona confianza, contar cosas, sentirse escuchada.');
  await page.getByLabel('Include when').blur();
  await expect(trust).toHaveAttribute('title', /Las familias confían en la profesional/);

  // Undo the drag: the code goes back to the top level.
  await page.getByRole('button', { name: 'Undo' }).click(); // the criteria
  await page.getByRole('button', { name: 'Undo' }).click(); // the description
  await page.getByRole('button', { name: 'Undo' }).click(); // the move
  await expect(trust).toHaveAttribute('aria-level', '1');
});

test('retrieves a code filtered by role, with citations, and exports the quotes to Word', async ({ page }) => {
  await openSample(page);
  const nav = page.getByRole('navigation');
  // Code one paragraph in a director's interview and one in a professional's.
  await codeParagraphs(page, [
    ['DRA_profundidad', 4, 'Cambio de actitud'],
    ['TMA_telefonica', 4, 'Cambio de actitud'],
  ]);

  await nav.getByRole('button', { name: 'Retrieve coded segments' }).click();
  const retrieval = page.getByRole('region', { name: 'Retrieve coded segments' });
  await retrieval.getByRole('checkbox', { name: 'Cambio de actitud' }).check();
  await expect(retrieval.getByRole('status')).toHaveText('2 quotes');
  await retrieval.getByRole('group', { name: 'Role' }).getByRole('checkbox', { name: 'Director' }).check();
  await expect(retrieval.getByRole('status')).toHaveText('1 quote');
  await expect(retrieval.locator('.retrieved')).toHaveCount(1);
  await expect(retrieval.locator('.retrieved .citation')).toHaveText('(DRA, 4)');
  await expect(retrieval.locator('.retrieved')).toContainText('Lo más visible es un cambio de actitud.');

  // The researcher's own citation style.
  await retrieval.getByLabel('Citation pattern').fill('({case}, párr. {paragraph})');
  await retrieval.getByLabel('Citation pattern').press('Enter');
  await expect(retrieval.locator('.retrieved .citation')).toHaveText('(DRA, párr. 4)');

  const downloading = page.waitForEvent('download');
  await retrieval.getByRole('button', { name: 'Export to Word' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('Coded segments Cambio de actitud.docx');
  const text = (await mammoth.extractRawText({ path: await file.path() })).value;
  expect(text).toContain('Cambio de actitud (1)');
  expect(text).toContain(
    '“Lo más visible es un cambio de actitud. Los profesionales llegan de las visitas hablando de las familias con nombre y apellido, con su historia. Antes hablaban de "casos de riesgo".” (DRA, párr. 4)',
  );
  expect(text).not.toContain('TMA');

  // A quote opens its source at the right place, with the segment selected.
  await retrieval.getByRole('button', { name: /Lo más visible es un cambio de actitud/ }).click();
  await expect(page.getByRole('region', { name: 'Text of DRA_profundidad' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Coding' })).toContainText('Cambio de actitud');
});

test('keeps a field notebook and a memo on a code, and finds them by what they are attached to', async ({ page }) => {
  await openSample(page);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Memos' }).click();
  const memos = page.getByRole('region', { name: 'Memos' });
  await memos.getByRole('button', { name: '+ Field note' }).click();
  await page.getByLabel('Memo title').fill('Visita a Santa Brígida');
  await page.getByLabel('Date', { exact: true }).fill('2023-06-16');
  await page.getByLabel('Memo text').fill('La matrona TMB habló de la abuela como quien decide en la casa.');
  await page.getByLabel('Memo text').blur();
  await expect(memos.getByRole('list', { name: 'Memos' })).toContainText('2023-06-16 Visita a Santa Brígida');

  // A memo on a code, written from the code's entry.
  await nav.getByRole('button', { name: '+ Code' }).click();
  await page.getByLabel('Name of the new code').fill('Familia extendida');
  await page.keyboard.press('Enter');
  // A new code opens its codebook entry.
  await page.getByRole('button', { name: 'Write a memo on “Familia extendida”' }).click();
  await page.getByLabel('Memo text').fill('Aparece sobre todo en las entrevistas telefónicas.');
  await page.getByLabel('Memo text').blur();

  await memos.getByLabel('Attached to').first().selectOption('code');
  await expect(memos.getByRole('list', { name: 'Memos' }).getByRole('listitem')).toHaveCount(1);
  await expect(memos.getByRole('list', { name: 'Memos' })).toContainText('Familia extendida');
  await memos.getByLabel('Attached to').first().selectOption('all');
  await memos.getByLabel('Type').first().selectOption('field-note');
  await expect(memos.getByRole('list', { name: 'Memos' }).getByRole('listitem')).toHaveCount(1);
  await expect(memos.getByRole('list', { name: 'Memos' })).toContainText('Visita a Santa Brígida');
});

test('a code dragged onto the selected text codes it', async ({ page }) => {
  await openSample(page);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: '+ Code' }).click();
  await page.getByLabel('Name of the new code').fill('Registro');
  await page.keyboard.press('Enter');
  await nav.getByRole('button', { name: 'DRB_profundidad' }).click();
  const viewer = page.getByRole('region', { name: 'Text of DRB_profundidad' });
  await selectPhrase(page, viewer, 'necesitamos una ficha');
  await page.getByRole('treeitem', { name: /^Registro/ }).dragTo(viewer.locator('span.selected', { hasText: 'necesitamos una ficha' }));
  await expect(viewer.getByRole('button', { name: 'Segment coded Registro: “necesitamos una ficha”' })).toBeVisible();
});

test('the command palette lists every command with its shortcut, and runs the one chosen', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option', { name: /Show cases/ })).toContainText('Ctrl 2');
  await expect(palette.getByRole('option', { name: /Undo/ })).toContainText('not available now');
  await palette.getByLabel('Type a command').fill('show the codebook');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('button', { name: /^Codes/ })).toHaveClass(/active/);

  // The shortcut help reads the same commands.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Command palette/ })).toContainText('Ctrl Shift P');
  await expect(help.getByRole('row', { name: /Uncode the selected segment/ })).toContainText('U');
  await page.keyboard.press('Escape');

  // New code from the palette, then a command about a code acts on the selected one.
  await page.keyboard.press('Control+Shift+P');
  await page.getByLabel('Type a command').fill('new code');
  await page.keyboard.press('Enter');
  await page.getByLabel('Name of the new code').fill('Vínculo');
  await page.keyboard.press('Enter');
  await page.getByRole('treeitem', { name: /Vínculo/ }).click();
  await page.keyboard.press('Control+Shift+P');
  await page.getByLabel('Type a command').fill('rename');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('New name of the code')).toBeFocused();
});
