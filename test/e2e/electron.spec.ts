import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { installedElectron } from '../../main/electron-binary.mjs';
import { answerWhoIsCoding } from './steps';

const root = fileURLToPath(new URL('../..', import.meta.url));
const transcript = fileURLToPath(new URL('../../fixtures/sample/TMD_telefonica_cp1252.txt', import.meta.url));
const binary = installedElectron();

const skipped = "Electron's binary is not installed here (it cannot be downloaded), so the desktop smoke test is skipped; the browser tests cover the pages";
// The list reporter shows no skip reasons: say it once, where the run is read.
if (!binary) console.log(skipped);
test.skip(!binary, skipped);

let app: ElectronApplication;
let profile: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  profile = mkdtempSync(join(tmpdir(), 'qda-electron-'));
  app = await electron.launch({ executablePath: binary!, args: ['.'], cwd: root, env: { ...process.env, QDA_STUDIO_USER_DATA: profile } });
});

test.afterAll(async () => {
  await app?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('the desktop app creates a project, imports a transcript through its file dialog, codes it and saves a table to Word', async () => {
  const page = await app.firstWindow();
  await page.getByLabel('New project').fill('Visitas (escritorio)');
  await page.getByRole('button', { name: 'Create project' }).click();
  await answerWhoIsCoding(page);
  await expect(page.getByRole('heading', { name: 'Visitas (escritorio)' })).toBeVisible();

  // The system's open dialog answers with the transcript; the page asks main for it through the bridge.
  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
  }, transcript);
  await page.getByRole('button', { name: 'Import sources…' }).click();
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 files')).toBeVisible();

  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'TMD_telefonica_cp1252' }).click();
  await page.getByRole('button', { name: 'Paragraph 2', exact: true }).click();
  await page.keyboard.press('c');
  await page.getByLabel('Code name').fill('Vínculo con la familia');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('treeitem', { name: /^Vínculo con la familia/ })).toBeVisible();

  await nav.getByRole('button', { name: 'Analyses' }).click();
  const analyses = page.getByRole('region', { name: 'Analyses' });
  await analyses.getByLabel('Kind of analysis').selectOption('frequency');
  await analyses.getByRole('button', { name: '+ New' }).click();
  await expect(analyses.getByRole('table', { name: 'Code frequencies' }).getByRole('row', { name: /Vínculo con la familia/ })).toBeVisible();

  // The system's save dialog answers with a path; main writes the file there.
  const saved = join(profile, 'frecuencias.docx');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, saved);
  await analyses.getByRole('button', { name: 'Export to Word' }).click();
  await expect.poll(() => (existsSync(saved) ? statSync(saved).size : 0), { timeout: 15_000 }).toBeGreaterThan(0);
  const html = (await mammoth.convertToHtml({ path: saved })).value;
  expect(html).toContain('Code frequencies');
  expect(html).toContain('Vínculo con la familia');
});
