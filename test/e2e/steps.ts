import { expect, type Page } from '@playwright/test';

/** The first time a project opens, the app asks who is coding; a researcher answers once. */
export async function answerWhoIsCoding(page: Page, name = 'Ana Pérez') {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
}

export async function createProject(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('New project').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await answerWhoIsCoding(page);
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

export async function openSample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Practise on the sample’s sources (uncoded)' }).click();
  await answerWhoIsCoding(page);
  await expect(page.getByRole('heading', { name: /Sample: ViDA-style/ })).toBeVisible();
}

/** Codes whole paragraphs as a researcher does: open the source, click the paragraph number, press C, name the code. */
export async function codeParagraphs(page: Page, codings: readonly (readonly [source: string, paragraph: number, code: string])[]) {
  const nav = page.getByRole('navigation');
  for (const [source, paragraph, code] of codings) {
    await nav.getByRole('button', { name: source }).click();
    await page.getByRole('button', { name: `Paragraph ${paragraph}`, exact: true }).click();
    await page.keyboard.press('c');
    await page.getByLabel('Code name').fill(code);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('treeitem', { name: new RegExp(`^${code}`) })).toBeVisible();
  }
}
