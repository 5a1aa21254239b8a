import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.on('pageerror', e => console.log('pageerror:', e.message, e.stack?.slice(0, 800)));
page.on('console', m => m.type() === 'error' && console.log('console:', m.text().slice(0, 800)));
await page.goto('http://127.0.0.1:5199/');
await page.evaluate(() => localStorage.setItem('qda-studio.user', 'Ana'));
await page.getByRole('button', { name: 'Open sample project' }).click();
await page.getByRole('navigation').getByRole('button', { name: 'DRA_profundidad' }).click();
await page.waitForTimeout(500);
for (const [n, code] of [[4, 'Cambio de actitud'], [6, 'Adherencia'], [8, 'Cambio de actitud'], [10, 'Desafíos']]) {
  await page.getByRole('button', { name: `Paragraph ${n}`, exact: true }).click();
  await page.keyboard.press('c');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}
// an overlapping phrase
await page.getByRole('button', { name: 'Paragraph 8', exact: true }).click();
await page.keyboard.press('c'); await page.keyboard.type('Confianza'); await page.keyboard.press('Enter');
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/c1.png' });
await page.keyboard.press('?');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/c2.png' });
await browser.close();
