// End-to-end: the library list a page at a time, in Debian's Chromium
// against the real `sourcebook serve`. A notebook of 450 sources is more
// than two pages (LibraryPage answers 200 at a time): the list asks for the
// pages in view as it scrolls, shows placeholders meanwhile, filters on the
// server, moves with the keys to rows not loaded yet, and shows a source
// opened from the search box where it is.
//
//   SOURCEBOOK_BIN=/path/to/sourcebook node --test e2e/library.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, hasText, screenshot, setUp, squash, tearDown } from './lib.mjs';

const count = 450;
const title = (n) => `Library row ${n}`;

let env = null;
/** The titles in the library's order, as the server lists them. */
let order = [];

/** api calls a method of the server as the page does. */
async function api(method, ...args) {
  const res = await fetch(`${env.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': env.server.token },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`${method} answered ${res.status}: ${body.slice(0, 300)}`);
  return body ? JSON.parse(body) : null;
}

before(async () => {
  env = await setUp();
  // 450 small sources, imported in batches: "Library row 1" is the oldest.
  for (let start = 1; start <= count; start += 150) {
    const files = [];
    for (let n = start; n < start + 150 && n <= count; n++) {
      const text = `# ${title(n)}\n\nParagraph ${n} of the library test, about harbour works number ${n * 7}.\n`;
      files.push({ name: `row-${n}.md`, data: Buffer.from(text).toString('base64') });
    }
    const results = await api('ImportFiles', files, 0);
    const failed = results.filter((r) => r.error);
    assert.equal(failed.length, 0, `imports failed: ${JSON.stringify(failed.slice(0, 3))}`);
  }
  // Sources imported in the same second are listed by id, and a batch is
  // imported in any order.
  order = (await api('LibraryPage', { filter: '', offset: 0, limit: 500, around: 0 })).sources.map((s) => s.title);
  assert.equal(order.length, count);
});

after(async () => {
  await tearDown(env);
});

test('the library a page at a time', { timeout: 90_000 }, async (t) => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const calls = [];
  page.on('request', (r) => {
    const m = /\/api\/(\w+)$/.exec(r.url());
    if (m) calls.push({ method: m[1], args: r.postData() ? JSON.parse(r.postData()) : [] });
  });
  const rows = page.getByTestId('source-row');
  const tree = page.locator('nav.tree');
  const readerTitle = page.getByTestId('reader-title');
  const selected = page.locator('[data-testid="source-row"][aria-current="true"] .row-title');
  const pagesAsked = () => calls.filter((c) => c.method === 'LibraryPage').map((c) => c.args[0]);

  try {
    await t.test('shows the first rows from one page, without the whole library', async () => {
      await page.goto(env.server.url);
      await hasText(page.getByTestId('all-count'), String(count));
      await hasText(rows.first().locator('.row-title'), order[0]);
      assert.ok(!calls.some((c) => c.method === 'Library'), 'the page asked for the whole library');
      const asked = pagesAsked();
      assert.ok(asked.length >= 1, 'no LibraryPage call');
      assert.ok(asked.every((a) => a.limit > 0 && a.limit <= 500), `pages asked: ${JSON.stringify(asked)}`);
      // A few dozen rows in the page, not 450.
      const drawn = await rows.count();
      assert.ok(drawn > 5 && drawn < 120, `${drawn} rows drawn`);
    });

    await t.test('scrolling to the end loads the last page and shows the oldest source', async () => {
      await tree.evaluate((el) => (el.scrollTop = el.scrollHeight));
      const last = order[count - 1];
      await eventually(
        async () => (await rows.locator('.row-title').allTextContents()).map(squash).includes(last),
        async () => `the oldest source is not drawn; rows: ${(await rows.locator('.row-title').allTextContents()).slice(-3).join(' | ')}`,
      );
      assert.ok(
        pagesAsked().some((a) => a.offset >= 400),
        `no page past row 400 was asked for: ${JSON.stringify(pagesAsked())}`,
      );
      await eventually(
        async () => (await page.locator('.row-loading').count()) === 0,
        () => 'placeholders stay after the page arrived',
      );
      await screenshot(page, 'library-end');
      // Back in the middle: the rows there arrive too.
      await tree.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      await eventually(
        async () => (await page.locator('.row-loading').count()) === 0 && (await rows.count()) > 5,
        () => 'the middle of the list did not load',
      );
    });

    await t.test('End and Home move to rows not loaded yet', async () => {
      await tree.evaluate((el) => (el.scrollTop = 0));
      await rows.first().click();
      await hasText(readerTitle, order[0]);
      await page.keyboard.press('End');
      await hasText(readerTitle, order[count - 1]);
      await eventually(async () => squash(await selected.textContent()) === order[count - 1], () => 'the last row is not selected');
      await page.keyboard.press('ArrowUp');
      await hasText(readerTitle, order[count - 2]);
      await page.keyboard.press('Home');
      await hasText(readerTitle, order[0]);
      await page.keyboard.press('ArrowDown');
      await hasText(readerTitle, order[1]);
    });

    await t.test('the filter runs on the server, over every page', async () => {
      const filter = page.getByLabel('Filter sources');
      await filter.fill('ROW 42');
      // Every word, anywhere: rows 42, 142, 242, 342, 420-429 and 442.
      const want = order.filter((t) => t.includes('42'));
      assert.equal(want.length, 15);
      await hasText(page.getByTestId('all-count'), `15 of ${count}`);
      await eventually(
        async () => (await rows.count()) === 15,
        async () => `${await rows.count()} rows drawn, want 15`,
      );
      const titles = (await rows.locator('.row-title').allTextContents()).map(squash);
      assert.deepEqual(titles, want);
      assert.ok(pagesAsked().some((a) => a.filter === 'ROW 42'), 'no filtered page was asked for');
      await filter.fill('no source has this');
      await hasText(page.locator('.tree-note'), 'No sources match “no source has this”.');
      await filter.press('Escape');
      await hasText(page.getByTestId('all-count'), String(count));
    });

    await t.test('a source opened from the search box is shown in the list, wherever it is', async () => {
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill(`"${title(3)}"`);
      const hit = page
        .locator('[data-testid="search-group"][data-kind="source"]')
        .getByTestId('search-hit')
        .filter({ hasText: title(3) })
        .first();
      await hit.waitFor();
      await hit.click();
      await hasText(readerTitle, title(3));
      await eventually(async () => squash(await selected.textContent()) === title(3), async () => `selected: ${squash(await selected.textContent().catch(() => ''))}`);
      const box = await page.locator('[data-testid="source-row"][aria-current="true"]').boundingBox();
      const view = await tree.boundingBox();
      assert.ok(box && view && box.y >= view.y - 1 && box.y + box.height <= view.y + view.height + 1, 'the selected row is out of view');
      await screenshot(page, 'library-revealed');
    });

    await t.test('a deleted source leaves the list and its count', async () => {
      await page.locator('[data-testid="source-row"][aria-current="true"]').click();
      await page.keyboard.press('Delete');
      await hasText(page.getByTestId('all-count'), String(count - 1));
      await eventually(
        async () => !(await rows.locator('.row-title').allTextContents()).map(squash).includes(title(3)),
        () => 'the deleted source is still listed',
      );
      // The next source in the list is opened (the previous one after the last).
      const i = order.indexOf(title(3));
      await hasText(readerTitle, order[i + 1] ?? order[i - 1]);
    });

    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
