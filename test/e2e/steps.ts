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
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await answerWhoIsCoding(page);
  await expect(page.getByRole('heading', { name: /Sample: ViDA-style/ })).toBeVisible();
}
