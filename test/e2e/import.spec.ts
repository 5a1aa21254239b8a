import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { createProject, openSample } from './steps';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

test('a researcher imports a Windows-1252 transcript, a Word interview and a survey, and finds them all after a reload', async ({ page, context }) => {
  await createProject(page, 'Visitas domiciliarias');

  await page
    .getByLabel('Import sources')
    .setInputFiles([`${fixtures}sample/TMD_telefonica_cp1252.txt`, `${fixtures}formats/entrevista_DRC.docx`, `${fixtures}surveys/encuesta_puente.csv`]);

  // The survey asks how its columns map; the guess is right, so the researcher accepts it.
  const dialog = page.getByRole('dialog', { name: /Import survey “encuesta_puente.csv”/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('What column “Folio” holds')).toHaveValue('id');
  await expect(dialog.getByLabel('What column “¿Qué mejoraría en la atención?” holds')).toHaveValue('answer');
  await dialog.getByRole('button', { name: 'Import survey' }).click();

  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished: 3 of 3 files')).toBeVisible();

  const table = page.locator('.source-list table');
  await expect(table.getByRole('button', { name: 'TMD_telefonica_cp1252' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'entrevista_DRC' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'F-001 – ¿Cómo describe su relación con la red de servicios?' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(9); // 2 documents + 7 non-empty answers

  // Open the Word interview: numbered paragraphs and speakers.
  await table.getByRole('button', { name: 'entrevista_DRC' }).click();
  const viewer = page.getByRole('region', { name: 'Text of entrevista_DRC' });
  await expect(viewer.getByLabel('Paragraph 4', { exact: true })).toHaveText('4');
  await expect(viewer.locator('.paragraph').nth(3)).toContainText('DRC: Cambió la mirada.');
  await expect(viewer.locator('.paragraph').nth(3).locator('.speaker')).toHaveText('DRC:');
  await expect(viewer).toContainText('Mes | Visitas realizadas | Familias que continúan');
  await page.getByRole('tab', { name: 'Source' }).click();
  await expect(page.getByRole('complementary', { name: 'Source details' })).toContainText('Cita clave para la matriz');

  // The Windows-1252 transcript keeps its accents.
  await page.getByRole('navigation').getByRole('button', { name: 'TMD_telefonica_cp1252' }).click();
  const cp1252 = page.getByRole('region', { name: 'Text of TMD_telefonica_cp1252' });
  await expect(cp1252).toContainText('¿Participó usted en la capacitación del modelo?');
  await expect(cp1252).toContainText('Entrevista telefónica – Profesional TMD');
  await expect(page.getByRole('complementary', { name: 'Source details' })).toContainText('windows-1252');

  // Tomorrow, in a new window: everything is still there.
  await page.close();
  const tomorrow = await context.newPage();
  await tomorrow.goto('/');
  await tomorrow.getByRole('button', { name: 'Visitas domiciliarias' }).click();
  await expect(tomorrow.locator('.source-list tbody tr')).toHaveCount(9);
  await tomorrow.getByRole('navigation').getByRole('button', { name: 'TMD_telefonica_cp1252' }).click();
  await expect(tomorrow.getByRole('region', { name: 'Text of TMD_telefonica_cp1252' })).toContainText('¿Qué le gustaría aprender?');
  await tomorrow.getByRole('button', { name: /^Cases/ }).click();
  await expect(tomorrow.getByLabel('F-002 · Comuna')).toHaveValue('Renca');
});

test('a corrupt Word file shows its reason and changes nothing else', async ({ page }) => {
  await createProject(page, 'Proyecto con un archivo dañado');
  await page.getByLabel('Import sources').setInputFiles(`${fixtures}sample/TMA_telefonica.txt`);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 files')).toBeVisible();
  await expect(page.locator('.source-list tbody tr')).toHaveCount(1);

  await page.getByLabel('Import sources').setInputFiles([`${fixtures}bad-input/truncated.docx`, `${fixtures}sample/TMA_telefonica.txt`]);
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByText('Import finished: 2 of 2 files')).toBeVisible();
  await expect(panel.getByText('1 already in the project · 1 not imported')).toBeVisible();
  const bad = panel.locator('.import-row', { hasText: 'truncated.docx' });
  await expect(bad).toContainText('Not imported');
  await expect(bad).toContainText('damaged Word file');
  const again = panel.locator('.import-row', { hasText: 'TMA_telefonica.txt' });
  await expect(again).toContainText('Already in project');
  await expect(page.locator('.source-list tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: /^Cases/ }).click();
  await expect(page.locator('.cases-sheet tbody tr')).toHaveCount(1);
});

test('a survey exported to Excel and an old Word 97 interview import like their CSV and .docx', async ({ page }) => {
  await createProject(page, 'Encuesta y entrevista antigua');
  await page.getByLabel('Import sources').setInputFiles([`${fixtures}surveys/encuesta_puente.xlsx`, `${fixtures}formats/entrevista_DRC.doc`]);
  const dialog = page.getByRole('dialog', { name: /Import survey “encuesta_puente.xlsx”/ });
  await expect(dialog.getByText('4 respondents · worksheet “encuesta_puente”')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import survey' }).click();
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 2 of 2 files')).toBeVisible();
  const table = page.locator('.source-list table');
  await expect(table.locator('tbody tr')).toHaveCount(8); // the interview + 7 non-empty answers
  await table.getByRole('button', { name: 'entrevista_DRC' }).click();
  const viewer = page.getByRole('region', { name: 'Text of entrevista_DRC' });
  await expect(viewer.locator('.paragraph').nth(3).locator('.speaker')).toHaveText('DRC:');
  await expect(viewer).toContainText('Mes | Visitas realizadas | Familias que continúan');
});

test('a Google Forms survey, which names nobody, gives numbered respondents and leaves e-mails out', async ({ page }) => {
  await createProject(page, 'Encuesta de capacitación');
  await page.getByLabel('Import sources').setInputFiles(`${fixtures}surveys/google_forms_capacitacion.csv`);
  const dialog = page.getByRole('dialog', { name: /Import survey “google_forms_capacitacion.csv”/ });
  await expect(dialog.getByText('No column names the respondents: they become cases numbered in row order (Respondent 1, Respondent 2…).')).toBeVisible();
  await expect(dialog.getByLabel('What column “Dirección de correo electrónico” holds')).toHaveValue('ignore');
  await dialog.getByRole('button', { name: 'Import survey' }).click();
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 file')).toBeVisible();
  const table = page.locator('.source-list table');
  await expect(table.getByRole('button', { name: 'Respondent 2 – ¿Qué cambió en sus visitas después de la capacitación?' })).toBeVisible();
  await page.getByRole('button', { name: /^Cases/ }).click();
  await expect(page.locator('.cases-sheet tbody tr')).toHaveCount(4);
  await expect(page.getByLabel('Respondent 3 · Municipio')).toHaveValue('Pudahuel');
  await expect(page.locator('.cases-sheet')).not.toContainText('@example.org');
});

test('a classification sheet that writes a case another way (P01 for P1) finds it, and says so in the preview', async ({ page }) => {
  await createProject(page, 'Llamadas');
  await page
    .getByLabel('Import sources')
    .setInputFiles({ name: 'P1_telefonica.txt', mimeType: 'text/plain', buffer: Buffer.from('E: ¿Cómo está?\nP1: Bien.\nE: ¿Y los niños?\nP1: Mejor.') });
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 file')).toBeVisible();
  await page.getByLabel('Import classification sheet').setInputFiles({ name: 'roles.csv', mimeType: 'text/csv', buffer: Buffer.from('Participante,Rol\nP01,Madre\n') });
  const dialog = page.getByRole('dialog', { name: /Classification sheet “roles.csv”/ });
  await expect(dialog.getByText('P01 → P1')).toBeVisible();
  await dialog.getByRole('button', { name: 'Set attributes' }).click();
  await page.getByRole('button', { name: /^Cases/ }).click();
  await expect(page.getByLabel('P1 · Rol')).toHaveValue('Madre');
});

test('a classification sheet kept in Excel sets the cases’ attributes, after a preview of what matches', async ({ page }) => {
  await createProject(page, 'Visitas telefónicas');
  await page.getByLabel('Import sources').setInputFiles([`${fixtures}sample/TMA_telefonica.txt`, `${fixtures}sample/TMB_telefonica.txt`, `${fixtures}sample/TMC_phone.txt`]);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 3 of 3 files')).toBeVisible();

  await page.getByLabel('Import classification sheet').setInputFiles(`${fixtures}classification/casos_visitas.xlsx`);
  const dialog = page.getByRole('dialog', { name: /Classification sheet “casos_visitas.xlsx”/ });
  await expect(dialog.getByText('3 rows match cases')).toBeVisible();
  await expect(dialog.getByText('1 row matches no case')).toBeVisible();
  await expect(dialog.locator('.chips.warn')).toHaveText('TMZ');
  await dialog.getByRole('button', { name: 'Set attributes' }).click();
  await expect(page.getByText('Attributes set on 3 cases; 0 new cases.')).toBeVisible();

  await page.getByRole('button', { name: /^Cases/ }).click();
  await expect(page.getByLabel('TMB · Comuna')).toHaveValue('Santa Brígida');
  await expect(page.getByLabel('TMA · Años de experiencia')).toHaveValue('12');
  await expect(page.locator('.cases-sheet tbody tr')).toHaveCount(3);
});

test('the sample project is one click away, in the ViDA style', async ({ page }) => {
  await openSample(page);
  await expect(page.locator('.source-list tbody tr')).toHaveCount(11);
  await expect(page.locator('.source-list')).toContainText('In-depth interview');
  await page.getByRole('button', { name: /^Cases/ }).click();
  await expect(page.getByLabel('DRA · Role')).toHaveValue('Director');
  await expect(page.getByLabel('RLB · Municipality')).toHaveValue('Santa Brígida');
  await page.screenshot({ path: fileURLToPath(new URL('../../test-results/cases-sheet.png', import.meta.url)) });

  // The sample opens with nothing to undo; a value typed by mistake in the sheet is taken back.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await page.getByLabel('DRA · Role').fill('Nurse');
  await page.getByLabel('DRA · Role').press('Enter');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', 'Undo: Set Role of “DRA” (Ctrl Z)');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByLabel('DRA · Role')).toHaveValue('Director');
});

test('projects can be renamed and deleted from the start screen; a deleted project waits in the trash and can be restored', async ({ page }) => {
  await createProject(page, 'Borrador');
  await page.getByLabel('Import sources').setInputFiles(`${fixtures}sample/TMB_telefonica.txt`);
  await expect(page.getByRole('region', { name: 'Import progress' }).getByText('Import finished: 1 of 1 files')).toBeVisible();
  await page.getByRole('button', { name: '← Projects' }).click();
  const row = page.getByRole('row', { name: /Borrador/ });
  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New project name').fill('Estudio piloto');
  await page.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByRole('row', { name: /Estudio piloto/ });
  await expect(renamed).toContainText('1');
  await renamed.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the project “Estudio piloto”?' });
  await expect(confirm).toContainText('1 source');
  await expect(confirm).toContainText('1 case');
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  const projects = page.getByRole('region', { name: 'Your projects' });
  const trash = page.getByRole('region', { name: 'Trash' });
  await expect(projects.getByRole('row', { name: /Estudio piloto/ })).toHaveCount(0);
  await expect(trash.getByRole('row', { name: /Estudio piloto/ })).toContainText('deleted for good on');

  // Changed her mind: it comes back with its source.
  await trash.getByRole('button', { name: 'Restore' }).click();
  await expect(projects.getByRole('row', { name: /Estudio piloto/ })).toContainText('1');
  await expect(page.getByRole('region', { name: 'Trash' })).toHaveCount(0);

  // Deleted again, and then for good.
  await projects
    .getByRole('row', { name: /Estudio piloto/ })
    .getByRole('button', { name: 'Delete…' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Delete for good' }).click();
  await page.getByRole('dialog', { name: 'Delete “Estudio piloto” for good?' }).getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('row', { name: /Estudio piloto/ })).toHaveCount(0);
});

test('a confirmation keeps the keyboard inside it: Tab goes round its buttons, Escape cancels and gives focus back', async ({ page }) => {
  await createProject(page, 'Borrador');
  await page.getByRole('button', { name: '← Projects' }).click();
  const deleteButton = page.getByRole('row', { name: /Borrador/ }).getByRole('button', { name: 'Delete…' });
  await deleteButton.click();
  const confirm = page.getByRole('dialog', { name: 'Delete the project “Borrador”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // However often she presses Tab, focus goes round the dialog's buttons, never to the page behind it.
  const focused: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => (document.activeElement === document.body ? '(window)' : (document.activeElement?.textContent ?? ''))));
  }
  expect(new Set(focused)).toContain('Move to trash');
  expect(focused.filter((name) => !['Cancel', 'Move to trash', '(window)'].includes(name))).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /Borrador/ })).toBeVisible();
  await expect(deleteButton).toBeFocused();
});
