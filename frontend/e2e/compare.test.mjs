// End-to-end: the compare view against the real `sourcebook serve`, with
// both seed articles (TechDogs and MyNation both carry Andy Stone's
// "Shockingly untrue" statement; only TechDogs quotes Elon Musk's "Wow"),
// and a third, pasted paraphrase for the overview of many sources.
//
//   SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contains, eventually, screenshot, setUp, shotDir, sleep, tearDown, testdata } from './lib.mjs';

const seeds = ['000_9ee5f3e41cc3c9be.txt', '004_917a6aaec319a3a4.txt'];
const techDogs = 'Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!';

let env = null;

before(async () => {
  env = await setUp();
});

after(async () => {
  await tearDown(env);
});

async function api(method, ...args) {
  const res = await fetch(`${env.server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': env.server.token },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  assert.equal(res.status, 200, `${method} answered ${res.status}: ${body}`);
  return body ? JSON.parse(body) : null;
}

test('compare: two columns, linked passages, summary, overview', { timeout: 120_000 }, async (t) => {
  const files = seeds.map((name) => ({ name, data: fs.readFileSync(testdata(name)).toString('base64') }));
  const results = await api('ImportFiles', files, 0);
  assert.equal(results.filter((r) => r.source).length, 2, `import failed: ${JSON.stringify(results)}`);

  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const view = page.getByTestId('compare-view');
  const left = page.getByTestId('compare-left');
  const right = page.getByTestId('compare-right');
  const shockingly = (col) => col.getByTestId('shared-text').filter({ hasText: 'Shockingly untrue' });

  try {
    await t.test('opens from the reader with the picker', async () => {
      await page.goto(env.server.url);
      await page.getByTestId('source-row').filter({ hasText: techDogs }).click();
      await contains(page.getByTestId('reader-title'), techDogs);
      await page.getByTestId('compare-button').click();
      const picker = page.getByTestId('compare-picker');
      await picker.waitFor();
      const boxes = picker.getByTestId('compare-pick');
      assert.equal(await boxes.count(), 2);
      assert.equal(await boxes.nth(0).isChecked(), true, 'the open source starts ticked');
      assert.equal(await picker.getByTestId('compare-open').isDisabled(), true, 'one source cannot be compared');
      await boxes.nth(1).check();
      await picker.getByTestId('compare-open').click();
      await view.waitFor();
      await contains(left.locator('.cmp-title'), techDogs);
    });

    await t.test('tints Andy Stone’s statement as shared on both sides', async () => {
      await shockingly(left).first().waitFor();
      await shockingly(right).first().waitFor();
      for (const col of [left, right]) {
        const kind = await shockingly(col).first().getAttribute('data-kind');
        assert.equal(kind, 'same');
        const bg = await shockingly(col).first().evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the shared passage is tinted');
      }
      assert.ok((await left.getByTestId('only-here').count()) > 0, 'text only TechDogs has is marked in the margin');
    });

    await t.test('clicking it on the left lights up its partner on the right', async () => {
      const mine = shockingly(left).first();
      const partner = shockingly(right).first();
      assert.doesNotMatch((await partner.getAttribute('class')) ?? '', /\blit\b/);
      await mine.scrollIntoViewIfNeeded();
      await mine.click();
      await eventually(
        async () => /\blit\b/.test((await partner.getAttribute('class')) ?? '') && /\blit\b/.test((await mine.getAttribute('class')) ?? ''),
        async () => `partner class: ${await partner.getAttribute('class')}`,
      );
      // The partner is scrolled into the right column's view.
      await eventually(
        async () =>
          partner.evaluate((el) => {
            const r = el.getBoundingClientRect();
            const c = el.closest('.cmp-col').getBoundingClientRect();
            return r.bottom > c.top && r.top < c.bottom;
          }),
        () => 'the partner passage is not in view',
      );
      await screenshot(page, 'compare-two-light');
    });

    await t.test('the summary shows the shared quote and those only TechDogs carries', async () => {
      const summary = page.getByTestId('compare-summary');
      await contains(summary, 'shared passage');
      const shared = page.getByTestId('shared-quote').filter({ hasText: 'Shockingly untrue' });
      await shared.waitFor();
      await contains(shared.getByTestId('shared-quote-relation'), 'same words');
      await contains(shared, 'Andy Stone');
      assert.equal(await shared.getByTestId('speaker-differs').count(), 0);
      await contains(page.getByTestId('only-a-quotes').getByTestId('compare-quote'), 'Wow');
      await contains(page.getByTestId('only-a-quotes'), 'Elon Musk');
      await contains(page.getByTestId('compare-speakers'), 'Andy Stone');
      // Facts: the amount Netflix paid differs; the encryption date is TechDogs' alone.
      await contains(page.getByTestId('facts-differ'), '$100M+');
      await contains(page.getByTestId('facts-only-a'), 'Messenger end-to-end encryption');
      await page.getByTestId('facts-differ').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-facts');
      // A quote in the panel shows where it sits in its column.
      await page.getByTestId('only-a-quotes').getByRole('button', { name: '“Wow”' }).click();
      await eventually(
        async () => (await left.locator('.cmp-flash').count()) === 1,
        () => 'choosing “Wow” flashed nothing in the left column',
      );
      if (shotDir) await page.getByTestId('compare-quotes').screenshot({ path: path.join(shotDir, 'e2e-compare-summary.png') });
    });

    await t.test('saves a standalone HTML report', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-report').click()]);
      assert.equal(download.suggestedFilename(), 'comparison.html');
      const file = await download.path();
      const html = await (await import('node:fs/promises')).readFile(file, 'utf8');
      assert.match(html, /<h2>TechDogs and MyNation<\/h2>/);
      assert.match(html, /Shockingly untrue/);
      assert.match(html, /default-src 'none'/);
      assert.doesNotMatch(html, /<script/i);
    });

    await t.test('J/K and the arrows move between shared passages; Esc goes back', async () => {
      await page.keyboard.press('Escape');
      await view.waitFor({ state: 'detached' });
      // Reopen with C (no quote selected: C compares).
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await page.keyboard.press('c');
      const picker = page.getByTestId('compare-picker');
      await picker.waitFor();
      const boxes = picker.getByTestId('compare-pick');
      if (!(await boxes.nth(1).isChecked())) await boxes.nth(1).check();
      await picker.getByTestId('compare-open').click();
      await shockingly(left).first().waitFor();
      await page.keyboard.press('j');
      await eventually(
        async () => (await page.locator('.cmp-shared.lit').count()) > 0,
        () => 'J lit no shared passage',
      );
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      await sleep(800); // let the smooth scroll to the passage finish
      await screenshot(page, 'compare-two-dark');
      await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Escape');
      await view.waitFor({ state: 'detached' });
      await page.getByTestId('reader-title').waitFor();
    });

    await t.test('three sources: an overview grid, and a cell opens the pair', async () => {
      const para = [
        'Facebook owner Meta denies sharing private messages with Netflix',
        '',
        'A court filing claims that Facebook let Netflix read the private messages of its users as part of a data deal.',
        '',
        // The statement edited: "users'" for "people's", "deals" for "agreements".
        'Meta spokesman Andy Stone said: “Shockingly untrue. Meta didn’t share users’ private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such deals are commonplace in the industry.”',
        '',
        'The lawsuit was filed in 2020 by users who say the company broke its promises.',
      ].join('\n');
      const r = await api('ImportText', { title: '', text: para, storyId: 0 });
      const all = (await api('Library')).sources.map((s) => s.id);
      assert.equal(all.length, 3, `library: ${JSON.stringify(all)} after ${JSON.stringify(r)}`);
      const story = await api('CreateStory', 'Netflix messages');
      for (const id of all) await api('AddToStory', story.id, id);
      await page.reload();
      const more = page.getByRole('button', { name: 'Story actions for Netflix messages' });
      // The story's menu button shows when the pointer is over the story.
      await page.locator('.node-row').filter({ has: more }).hover();
      await more.click();
      await page.getByTestId('compare-story').click();
      const overview = page.getByTestId('compare-overview');
      await overview.waitFor({ timeout: 30_000 });
      const cells = page.getByTestId('coverage-cell');
      assert.equal(await cells.count(), 6, 'a cell for every ordered pair');
      await page.getByTestId('quote-grid').waitFor();
      // The timeline has the encryption date TechDogs alone gives.
      await contains(page.getByTestId('timeline'), '2023-12');
      await screenshot(page, 'compare-overview');
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-timeline');
      await cells.first().click();
      await left.waitFor();
      await right.waitFor();
      // The edited statement is a shared passage with its changed words marked on both sides.
      await eventually(
        async () => (await left.locator('.cmp-diff').count()) > 0 && (await right.locator('.cmp-diff').count()) > 0,
        async () => `differing words: left ${await left.locator('.cmp-diff').allTextContents()}, right ${await right.locator('.cmp-diff').allTextContents()}`,
      );
      await left.locator('.cmp-diff').first().scrollIntoViewIfNeeded();
      await left.locator('.cmp-diff').first().click();
      await sleep(800);
      await screenshot(page, 'compare-differing-words');
      await page.keyboard.press('Escape');
      await overview.waitFor();
    });

    assert.deepEqual(errors, [], 'no script errors on the page');
  } finally {
    await context.close();
  }
});
