// End-to-end: the real `sourcebook serve` driven through Debian's Chromium.
//
//   SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e
//
// Optional: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (PNGs of the
// main steps). The server is started on a fresh notebook in a temp directory
// and killed at the end, also when a test fails.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contains, eventually, hasText, setUp, shotDir, squash, tearDown, testdata } from './lib.mjs';

const pastePath = testdata('004_917a6aaec319a3a4.txt');
const filePath = testdata('000_9ee5f3e41cc3c9be.txt');
const pasteText = fs.readFileSync(pastePath, 'utf8');
// docs/api.md: with no title given, the first line is used.
const pasteTitle = pasteText.split('\n').find((l) => l.trim()).trim();
const pasteSentence = 'Andy Stone, the communications head at Meta, denied the allegations in a post on X.';

let env = null; // { tmp, server, browser }
let server = null; // { proc, url, origin, token, output() }
let browser = null;

before(async () => {
  env = await setUp();
  ({ server, browser } = env);
});

after(async () => {
  await tearDown(env);
});

test('the server refuses requests without the token', { timeout: 15_000 }, async () => {
  const page = await fetch(`${server.origin}/`);
  await page.arrayBuffer();
  assert.ok([401, 403].includes(page.status), `GET / without the token answered ${page.status}`);

  const bare = await post('/api/Library', {});
  assert.ok([401, 403].includes(bare.status), `POST /api/Library without the token answered ${bare.status}`);

  const wrong = await post('/api/Library', { 'X-Sourcebook-Token': 'not-the-token' });
  assert.ok([401, 403].includes(wrong.status), `POST /api/Library with a wrong token answered ${wrong.status}`);

  const right = await post('/api/Library', { 'X-Sourcebook-Token': server.token });
  assert.equal(right.status, 200, `POST /api/Library with the token answered ${right.status}: ${right.body}`);
  assert.ok('sources' in JSON.parse(right.body), 'Library has no "sources"');
});

test('import, read, search and delete in the browser', { timeout: 45_000 }, async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const shot = async (name) => {
    if (shotDir) await page.screenshot({ path: path.join(shotDir, `e2e-${name}.png`) });
  };
  const rows = page.getByTestId('source-row');

  try {
    await t.test('opens on the empty state and takes the token out of the address', async () => {
      await page.goto(server.url);
      await page.getByTestId('empty-state').waitFor();
      await eventually(() => !page.url().includes('token='), () => `the address still has the token: ${page.url()}`);
      assert.equal(await rows.count(), 0);
      await shot('empty');
    });

    await t.test('imports pasted text and opens it', async () => {
      await page.getByTestId('import-button').click();
      await page.getByTestId('import-text').fill(pasteText);
      await page.getByTestId('import-submit').click();
      await hasText(page.getByTestId('reader-title'), pasteTitle);
      await hasText(rows.locator('.row-title'), pasteTitle);
      assert.equal(await rows.count(), 1);
      await hasText(page.getByTestId('all-count'), '1');

      // Open it from the library, as a user would.
      await rows.first().click();
      await hasText(page.getByTestId('reader-title'), pasteTitle);
      await contains(page.getByTestId('reader-text'), pasteSentence);
      await shot('reader');
    });

    await t.test('imports a file through the Files tab', async () => {
      await page.getByTestId('import-button').click();
      await page.getByRole('tab', { name: 'Files' }).click();
      await page.getByTestId('import-files').setInputFiles(filePath);
      const result = page.getByTestId('import-file-result');
      await contains(result, 'Imported');
      await shot('import-files');
      await page.getByRole('button', { name: 'Done' }).click();
      await eventually(async () => (await rows.count()) === 2, async () => `${await rows.count()} source rows, want 2`);
      await hasText(page.getByTestId('all-count'), '2');
    });

    let hitTitle = '';
    await t.test('searches and opens a hit', async () => {
      await page.keyboard.press('Control+k');
      const input = page.getByTestId('search-input');
      await input.fill('Shockingly untrue');
      const hits = page.getByTestId('search-hit');
      await hits.first().waitFor();
      const mark = hits.first().locator('mark').first();
      await mark.waitFor();
      assert.match(await mark.textContent(), /shockingly|untrue/i);
      hitTitle = (await hits.first().locator('.hit-title').textContent()).trim();
      await shot('search');
      await input.press('Enter');
      await input.waitFor({ state: 'detached' });
      await hasText(page.getByTestId('reader-title'), hitTitle);
    });

    await t.test('deletes the open source at once, with Undo on the notice', async () => {
      assert.ok(hitTitle, 'the search step did not open a source');
      await page.getByTestId('delete-button').click();
      const toast = page.locator('.toast', { hasText: 'Deleted' });
      await contains(toast, hitTitle.slice(0, 40));
      await shot('delete');
      await eventually(async () => (await rows.count()) === 1, async () => `${await rows.count()} source rows, want 1`);
      // Undo brings it back, opened.
      await toast.getByRole('button', { name: 'Undo' }).click();
      await eventually(async () => (await rows.count()) === 2, async () => `${await rows.count()} source rows after Undo, want 2`);
      await hasText(page.getByTestId('reader-title'), hitTitle);
      // Deleted again for good.
      await page.getByTestId('delete-button').click();
      await eventually(async () => (await rows.count()) === 1, async () => `${await rows.count()} source rows, want 1`);
      await hasText(page.getByTestId('all-count'), '1');
      const left = (await rows.first().locator('.row-title').textContent()).trim();
      assert.notEqual(left, hitTitle, 'the deleted source is still in the library');
      // The remaining source is opened in its place.
      await hasText(page.getByTestId('reader-title'), left);
      await shot('after-delete');
    });

    assert.deepEqual(errors, [], 'the page threw errors');
  } finally {
    await context.close();
  }
});

test('keyboard, duplicates, stories and theme', { timeout: 45_000 }, async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const rows = page.getByTestId('source-row');
  const readerTitle = page.getByTestId('reader-title');
  const selectedTitle = async () => squash(await page.locator('[data-testid="source-row"][aria-current="true"] .row-title').textContent());
  const texts = [
    ['Harbour dredging delayed', 'The harbour authority said dredging will start two weeks late.\n\nA spokesperson blamed the tender.'],
    ['Council adopts budget', 'The revised budget was adopted by nine votes to two.\n\nTwo members abstained on the second item.'],
  ];

  const paste = async (title, text) => {
    await page.keyboard.press('Control+i');
    await page.getByTestId('import-title').fill(title);
    await page.getByTestId('import-text').fill(text);
    await page.getByTestId('import-submit').click();
  };

  try {
    await t.test('imports with Ctrl+I and tells which source a duplicate repeats', async () => {
      await page.goto(server.url);
      await page.getByTestId('import-button').waitFor();
      const before = await rows.count();
      for (const [title, text] of texts) {
        await paste(title, text);
        await hasText(readerTitle, title);
      }
      await eventually(async () => (await rows.count()) === before + 2, async () => `${await rows.count()} rows, want ${before + 2}`);

      await paste('Council adopts budget', texts[1][1]);
      await contains(page.locator('.inline-note'), 'already in your notebook as “Council adopts budget”');
      await page.keyboard.press('Escape');
      await page.getByTestId('import-text').waitFor({ state: 'detached' });
      await eventually(async () => (await rows.count()) === before + 2, async () => `${await rows.count()} rows: a duplicate was added`);
    });

    await t.test('J, K and the arrow keys move between sources', async () => {
      const titles = (await rows.locator('.row-title').allTextContents()).map(squash);
      await rows.first().click();
      await hasText(readerTitle, titles[0]);
      await page.keyboard.press('j');
      await hasText(readerTitle, titles[1]);
      await eventually(async () => (await selectedTitle()) === titles[1], async () => `selected ${await selectedTitle()}, want ${titles[1]}`);
      await page.keyboard.press('ArrowDown');
      await hasText(readerTitle, titles[2]);
      await page.keyboard.press('k');
      await hasText(readerTitle, titles[1]);
      await page.keyboard.press('Home');
      await hasText(readerTitle, titles[0]);
    });

    await t.test('creates a story and adds the open source to it', async () => {
      await page.getByRole('button', { name: 'New story', exact: true }).click();
      await page.getByLabel('New story title').fill('Harbour works');
      await page.getByLabel('New story title').press('Enter');
      const story = page.locator('.node-story', { hasText: 'Harbour works' });
      await hasText(story.locator('.count'), '0');

      const open = squash(await readerTitle.textContent());
      await page.getByTestId('add-to-story').click();
      await page.getByRole('menuitemcheckbox', { name: /Harbour works/ }).click();
      await hasText(story.locator('.count'), '1');
      await page.keyboard.press('Escape');
      const twisty = page.getByRole('button', { name: /sources of Harbour works/ });
      if ((await twisty.getAttribute('aria-expanded')) !== 'true') await twisty.click();
      await hasText(page.getByTestId('story-source-row').locator('.row-title'), open);
    });

    await t.test('Delete in the list deletes, Ctrl+Z brings it back', async () => {
      const before = await rows.count();
      await rows.first().click();
      const doomed = squash(await readerTitle.textContent());
      await page.keyboard.press('Delete');
      await eventually(async () => (await rows.count()) === before - 1, async () => `${await rows.count()} rows, want ${before - 1}`);
      await page.keyboard.press('Control+z');
      await eventually(async () => (await rows.count()) === before, async () => `${await rows.count()} rows after Ctrl+Z, want ${before}`);
      assert.ok((await rows.locator('.row-title').allTextContents()).map(squash).includes(doomed));
      await rows.filter({ hasText: doomed }).first().click();
      await page.keyboard.press('Delete');
      await eventually(async () => (await rows.count()) === before - 1, async () => `${await rows.count()} rows, want ${before - 1}`);
      assert.ok(!(await rows.locator('.row-title').allTextContents()).map(squash).includes(doomed));
      // Focus is back in the list, on the new selection.
      await page.keyboard.press('j');
      await eventually(async () => (await selectedTitle()) !== '', () => 'no source is selected');
    });

    await t.test('the theme choice is remembered', async () => {
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      await page.getByRole('button', { name: /^Theme:/ }).click();
      await eventually(async () => (await theme()) === 'light', async () => `theme ${await theme()}, want light`);
      await page.reload();
      await page.getByTestId('import-button').waitFor();
      await eventually(async () => (await theme()) === 'light', async () => `theme after reload ${await theme()}, want light`);
    });

    assert.deepEqual(errors, [], 'the page threw errors');
  } finally {
    await context.close();
  }
});

// ---- helpers ----

async function post(pathname, headers) {
  const res = await fetch(`${server.origin}${pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: '[]',
  });
  return { status: res.status, body: await res.text() };
}
