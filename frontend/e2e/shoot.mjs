// Development aid: screenshots of the UI against the mock server, in light
// and dark, to look at while working on the design. Not a test.
//
//   npm run build && node e2e/shoot.mjs [OUTDIR]     (default /tmp/sourcebook-shots)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] || process.env.SCREENSHOT_DIR || '/tmp/sourcebook-shots';
fs.mkdirSync(out, { recursive: true });

function startMock(extra) {
  const proc = spawn(process.execPath, [path.join(here, 'mock-server.mjs'), '--db', '/tmp/mock/nb.db', 'serve', '--addr', '127.0.0.1:0', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = /Sourcebook is serving (\S+)/.exec(buf);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`mock exited ${code}`)));
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const seeded = await startMock(['--seed', '--file-delay', '120']);
const empty = await startMock([]);
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    const shot = (name) => page.screenshot({ path: path.join(out, `${scheme}-${name}.png`) });

    await page.goto(empty.url);
    await page.getByTestId('empty-state').waitFor();
    await shot('empty');

    await page.goto(seeded.url);
    await page.getByTestId('reader-title').waitFor();
    await page.locator('.node-story', { hasText: 'Meta and Netflix messages' }).click();
    await page.getByTestId('source-row').nth(1).click();
    await page.waitForTimeout(150);
    await shot('reader');

    await page.getByTestId('add-to-story').click();
    await shot('story-menu');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('netflix private messages');
    await page.getByTestId('search-hit').first().waitFor();
    await page.waitForTimeout(200);
    await shot('search');
    await page.keyboard.press('Escape');

    await page.getByTestId('import-button').click();
    await page.getByTestId('import-text').fill('A statement pasted from an email.\n\nIt has two paragraphs.');
    await shot('import-paste');
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByTestId('import-files').setInputFiles([
      { name: '000_9ee5f3e41cc3c9be.txt', mimeType: 'text/plain', buffer: fs.readFileSync(path.join(here, 'testdata', '000_9ee5f3e41cc3c9be.txt')) },
      { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n\nCall the court clerk on Monday.') },
      { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 3]) },
    ]);
    await page.getByText('imported', { exact: false }).last().waitFor();
    await page.waitForTimeout(300);
    await shot('import-files');
    await page.keyboard.press('Escape');

    await page.getByTestId('delete-button').click();
    await shot('delete');
    await page.keyboard.press('Escape');

    // A web page with boilerplate: hidden, then shown.
    await page.getByTestId('source-row').filter({ hasText: 'Harbour dredging to start' }).click();
    await page.getByTestId('reader-text').getByText('Fishing crews').waitFor();
    await page.waitForTimeout(150);
    await shot('page-clean');
    await page.keyboard.press('r');
    await page.getByTestId('removed-run').first().waitFor();
    await page.waitForTimeout(150);
    await shot('page-removed');
    await page.getByTestId('reader-text').getByText('Also Read').hover();
    await page.waitForTimeout(150);
    await shot('page-removed-hover');
    await page.evaluate(() => document.querySelector('.reader-scroll').scrollBy(0, 600));
    await page.waitForTimeout(150);
    await shot('page-removed-scrolled');
    await page.keyboard.press('r');
    await page.getByTestId('reader-text').getByText('The council’s transport committee will discuss').hover();
    await page.waitForTimeout(150);
    await shot('page-hover-set-aside');

    await page.keyboard.press('e');
    await page.getByTestId('details-form').waitFor();
    await page.getByTestId('details-published').fill('sometime soon');
    await page.getByTestId('details-save').click();
    await page.getByTestId('details-error').waitFor();
    await shot('edit-details');
    await page.keyboard.press('Escape');

    // Import a folder: progress, then the summary.
    await page.getByTestId('import-button').click();
    await page.getByRole('tab', { name: 'Files' }).click();
    const many = [];
    for (let i = 1; i <= 40; i++) many.push({ name: `page-${i}.html`, mimeType: 'text/html', buffer: Buffer.from(`<html><head><title>Harbour report ${i}</title></head><body><article><h1>Harbour report ${i}</h1><p>Paragraph ${i} about the harbour works and the ferry timetable.</p></article></body></html>`) });
    many.push({ name: 'scan.html', mimeType: 'text/html', buffer: Buffer.from([0, 1, 2, 3]) });
    many.push({ name: 'copy.html', mimeType: 'text/html', buffer: fs.readFileSync(path.join(here, 'testdata', 'article.html')) });
    many.push({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.getByTestId('import-files').setInputFiles(many);
    await page.waitForTimeout(1400);
    await shot('import-progress');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-pill').waitFor();
    await page.waitForTimeout(200);
    await shot('import-pill');
    await page.getByTestId('import-pill').getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await shot('import-summary');
    await page.getByTestId('import-done').click();

    await page.getByTestId('import-button').click();
    await page.getByRole('tab', { name: 'Web address' }).click();
    await page.getByTestId('import-url').fill('http://127.0.0.1:9/');
    await page.getByTestId('import-url-submit').click();
    await page.getByTestId('import-url-error').waitFor();
    await shot('import-url-error');
    await page.keyboard.press('Escape');
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  seeded.proc.kill();
  empty.proc.kill();
  await browser.close();
}
