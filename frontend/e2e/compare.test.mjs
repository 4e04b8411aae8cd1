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
import { importPair, makePair } from './bench-compare.mjs';

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
      await picker.getByTestId('compare-pick').first().waitFor(); // the library's page arrives after the picker opens
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
      await picker.getByTestId('compare-pick').first().waitFor(); // the library's page arrives after the picker opens
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

test('compare: scrolling in step, connectors, print, cancel', { timeout: 120_000 }, async (t) => {
  // Two generated articles of about 2,500 words sharing many paragraphs, some moved: long enough to scroll.
  const [a, b] = await importPair(env.server, makePair(2500, 11), ['step-a.txt', 'step-b.txt']);
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const view = page.getByTestId('compare-view');
  const left = page.getByTestId('compare-left');
  const right = page.getByTestId('compare-right');
  const together = page.getByTestId('toggle-scroll-together');
  const top = (col) => col.evaluate((el) => el.scrollTop);

  /** open picks the two generated sources in the picker and opens the comparison. */
  async function open() {
    await page.getByTestId('source-row').filter({ hasText: a.title }).click();
    await contains(page.getByTestId('reader-title'), a.title);
    await page.getByTestId('compare-button').click();
    const picker = page.getByTestId('compare-picker');
    await picker.waitFor();
    await picker.getByTestId('compare-pick').first().waitFor(); // the library's page arrives after the picker opens
    for (const box of await picker.getByTestId('compare-pick').all()) if (await box.isChecked()) await box.uncheck();
    await picker.locator('label', { hasText: a.title }).getByTestId('compare-pick').check();
    await picker.locator('label', { hasText: b.title }).getByTestId('compare-pick').check();
    await picker.getByTestId('compare-open').click();
  }

  /** wheel turns the mouse wheel over a column, a notch at a time. */
  async function wheel(col, notches, dy = 100) {
    const box = await col.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < notches; i++) {
      await page.mouse.wheel(0, dy);
      await sleep(30);
    }
  }

  /** settled waits until neither column has moved for a while, and returns their offsets. */
  async function settled() {
    let last = '';
    for (let i = 0; i < 100; i++) {
      const now = JSON.stringify([await top(left), await top(right)]);
      if (now === last) return JSON.parse(now);
      last = now;
      await sleep(250);
    }
    throw new Error(`the columns never came to rest: ${last}`);
  }

  try {
    await page.goto(env.server.url);
    await open();
    await view.waitFor();
    await eventually(
      async () => (await left.getAttribute('aria-busy')) === 'false' && (await right.getAttribute('aria-busy')) === 'false',
      () => 'the columns never got all their text',
    );

    await t.test('scrolling the left column scrolls the right one, without scrolling back', async () => {
      assert.equal(await together.getAttribute('aria-pressed'), 'true', 'Scroll together is on by default');
      assert.equal(await top(right), 0);
      await wheel(left, 12);
      const [l, r] = await settled();
      assert.ok(l > 600, `the left column scrolled (${l})`);
      assert.ok(r > 100, `the right column followed (${r})`);
      // Following the left column did not scroll the left one back.
      await sleep(400);
      assert.equal(await top(left), l, 'the left column stays where the user put it');
      // Further down, the right column only ever moves down.
      let last = r;
      for (let i = 0; i < 4; i++) {
        await wheel(left, 3);
        const [, now] = await settled();
        assert.ok(now >= last, `the right column went back up (${last} to ${now})`);
        last = now;
      }
      // A passage where the texts run parallel, put in the middle of the left column, sits in the middle of the right.
      const level = await page.evaluate(() => {
        const [ca, cb] = [...document.querySelectorAll('.cmp-col')];
        const extents = (col) => {
          const m = new Map();
          const base = col.getBoundingClientRect().top - col.scrollTop;
          for (const el of col.querySelectorAll('[data-passage]')) {
            const r = el.getBoundingClientRect();
            const e = m.get(el.dataset.passage);
            if (e) e.bottom = Math.max(e.bottom, r.bottom - base);
            else m.set(el.dataset.passage, { top: r.top - base, bottom: r.bottom - base });
          }
          return m;
        };
        const ea = extents(ca);
        const eb = extents(cb);
        const both = [...ea.keys()].filter((i) => eb.has(i)).sort((x, y) => ea.get(x).top - ea.get(y).top);
        // The passages in the same order on both sides: a longest run with B increasing (n² is fine here).
        const len = both.map(() => 1);
        const prev = both.map(() => -1);
        for (let j = 0; j < both.length; j++) {
          for (let i = 0; i < j; i++) {
            if (eb.get(both[i]).top < eb.get(both[j]).top && len[i] + 1 > len[j]) {
              len[j] = len[i] + 1;
              prev[j] = i;
            }
          }
        }
        const run = [];
        for (let j = len.indexOf(Math.max(...len)); j >= 0; j = prev[j]) run.unshift(both[j]);
        const h = ca.clientHeight;
        const fits = (i, k) => {
          const a = ea.get(i);
          const b = eb.get(i);
          const before = k > 0 ? run[k - 1] : null;
          const clear = !before || (a.top > ea.get(before).bottom && b.top > eb.get(before).bottom);
          return clear && a.top > h && a.top < ca.scrollHeight - h && b.top > h && b.top < cb.scrollHeight - h;
        };
        const pick = run.find((i, k) => fits(i, k));
        if (!pick) return null;
        ca.scrollTop = ea.get(pick).top - h / 2;
        return pick;
      });
      assert.ok(level !== null, 'no passage in the middle of both texts runs in the same order on both sides');
      await settled();
      const off = await page.evaluate((i) => {
        const mid = (col) => col.getBoundingClientRect().top + col.clientHeight / 2;
        const [ca, cb] = [...document.querySelectorAll('.cmp-col')];
        const at = (col) => col.querySelector(`[data-passage="${i}"]`).getBoundingClientRect().top;
        return [at(ca) - mid(ca), at(cb) - mid(cb)];
      }, level);
      assert.ok(Math.abs(off[0]) < 2 && Math.abs(off[1]) < 3, `passage ${level} is not level: ${off[0]} px from the left's middle, ${off[1]} px from the right's`);
      await screenshot(page, 'compare-scroll-together-light');
    });

    await t.test('toggled off (S), the right column stays put; the choice is remembered', async () => {
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await page.keyboard.press('s');
      await eventually(async () => (await together.getAttribute('aria-pressed')) === 'false', () => 'S did not turn Scroll together off');
      assert.equal(await page.evaluate(() => localStorage.getItem('sourcebook.compare.together')), '0');
      const [, before] = await settled();
      await wheel(left, 8);
      const [l2, after] = await settled();
      assert.ok(l2 > 0);
      assert.equal(after, before, 'the right column did not move');
      // On again (the button): the right column comes level with the left at once.
      await together.click();
      assert.equal(await together.getAttribute('aria-pressed'), 'true');
      const [, aligned] = await settled();
      assert.notEqual(aligned, after, 'turning it on brought the right column level');
      assert.equal(await page.evaluate(() => localStorage.getItem('sourcebook.compare.together')), '1');
    });

    await t.test('the gutter draws a connector for every shared passage in view, under clickable markers', async () => {
      await settled();
      const seen = await page.evaluate(() => {
        const [ca, cb] = [...document.querySelectorAll('.cmp-col')];
        // Passages in view in either column: clearly (more than 4 px in), and at all (with 4 px to spare).
        const clearly = new Set();
        const atAll = new Set();
        for (const col of [ca, cb]) {
          const box = col.getBoundingClientRect();
          const other = col === ca ? cb : ca;
          for (const el of col.querySelectorAll('[data-passage]')) {
            if (!other.querySelector(`[data-passage="${el.dataset.passage}"]`)) continue;
            const r = el.getBoundingClientRect();
            if (r.bottom > box.top + 4 && r.top < box.bottom - 4) clearly.add(el.dataset.passage);
            if (r.bottom > box.top - 4 && r.top < box.bottom + 4) atAll.add(el.dataset.passage);
          }
        }
        const drawn = [...document.querySelectorAll('[data-testid="connector"]')];
        return {
          clearly: [...clearly],
          atAll: [...atAll],
          drawn: drawn.map((p) => p.dataset.link),
          empty: drawn.filter((p) => !/^M/.test(p.getAttribute('d') ?? '')).length,
          dashed: drawn.filter((p) => p.classList.contains('band-similar')).map((p) => getComputedStyle(p).strokeDasharray),
          solid: drawn.filter((p) => p.classList.contains('band-same')).map((p) => getComputedStyle(p).strokeDasharray),
          pointer: getComputedStyle(document.querySelector('[data-testid="compare-connectors"]')).pointerEvents,
        };
      });
      assert.ok(seen.drawn.length > 0, 'connectors are drawn');
      assert.equal(seen.empty, 0, 'every connector has a path');
      assert.equal(new Set(seen.drawn).size, seen.drawn.length, 'one connector a passage');
      for (const p of seen.clearly) assert.ok(seen.drawn.includes(p), `passage ${p} is in view but has no connector (drawn: ${seen.drawn})`);
      for (const p of seen.drawn) assert.ok(seen.atAll.includes(p), `passage ${p} has a connector but is not in view`);
      // Similar passages are told from the same ones by a dashed outline, not only by colour.
      for (const d of seen.dashed) assert.notEqual(d, 'none');
      for (const d of seen.solid) assert.equal(d, 'none');
      assert.equal(seen.pointer, 'none', 'the drawing takes no clicks');
      // A marker on a connector lights its passage on both sides.
      const marker = page.getByTestId('gutter-link').first();
      const n = Number(await marker.textContent()) - 1;
      await marker.click();
      await eventually(
        async () =>
          (await left.locator(`[data-passage="${n}"].lit`).count()) > 0 && (await right.locator(`[data-passage="${n}"].lit`).count()) > 0,
        () => `clicking marker ${n + 1} did not light its passage`,
      );
      await sleep(800);
      await screenshot(page, 'compare-connectors-light');
      if (shotDir) {
        await page.locator('.cmp-gutter').screenshot({ path: path.join(shotDir, 'e2e-compare-gutter-light.png') });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
        await sleep(100);
        await screenshot(page, 'compare-connectors-dark');
        await page.locator('.cmp-gutter').screenshot({ path: path.join(shotDir, 'e2e-compare-gutter-dark.png') });
        await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });

    await t.test('Print prints the two columns, without the toolbar and gutter', async () => {
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__printed = 0;
        w.print = () => w.__printed++;
      });
      await page.getByTestId('compare-print').click();
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).__printed), 1);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({
        toolbar: getComputedStyle(document.querySelector('.cmp .toolbar')).display,
        gutter: getComputedStyle(document.querySelector('.cmp-gutter')).display,
        overflow: getComputedStyle(document.querySelector('.cmp-col')).overflowY,
        sidebar: document.querySelector('.sidebar') ? getComputedStyle(document.querySelector('.sidebar')).display : 'none',
        adjust: getComputedStyle(document.querySelector('.cmp-shared')).printColorAdjust,
      }));
      assert.deepEqual(printed, { toolbar: 'none', gutter: 'none', overflow: 'visible', sidebar: 'none', adjust: 'exact' });
      if (shotDir) await page.screenshot({ path: path.join(shotDir, 'e2e-compare-print.png') });
      await page.emulateMedia({ media: 'screen' });
    });

    await t.test('Cancel on the waiting screen goes back, and the late answer is dropped', async () => {
      await page.keyboard.press('Escape');
      await view.waitFor({ state: 'detached' });
      // Hold the comparison in the browser, so the waiting screen stays as long as the test needs.
      const held = [];
      await page.route('**/api/Compare', (route) => held.push(route));
      await open();
      const cancel = page.getByTestId('compare-loading').getByTestId('compare-cancel');
      await cancel.waitFor();
      await screenshot(page, 'compare-loading');
      const [stop] = await Promise.all([page.waitForResponse('**/api/CancelCompare'), cancel.click()]);
      assert.equal(stop.status(), 200);
      await view.waitFor({ state: 'detached' });
      await contains(page.getByTestId('reader-title'), a.title);
      // The answer comes after all: nothing shows, and no error.
      await eventually(async () => held.length > 0, () => 'the comparison was never asked for');
      for (const r of held) await r.continue();
      await sleep(1500);
      assert.equal(await view.count(), 0, 'the comparison did not come back');
      assert.equal(await page.locator('.toast.error').count(), 0, 'no error notice');

      // Leaving with Esc while waiting stops the comparison too.
      held.length = 0;
      await open();
      await page.getByTestId('compare-loading').waitFor();
      await Promise.all([page.waitForRequest('**/api/CancelCompare'), page.keyboard.press('Escape')]);
      await view.waitFor({ state: 'detached' });
      for (const r of held) await r.continue();

      // Stopped from elsewhere (another window's Cancel): said calmly, with a way to compare again.
      await page.unroute('**/api/Compare');
      await page.route('**/api/Compare', (route) =>
        route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'cancelled', message: 'the comparison was cancelled' } }),
        }),
      );
      await open();
      await page.getByTestId('compare-stopped').waitFor();
      assert.equal(await page.locator('.toast.error').count(), 0, 'no error notice');
      assert.equal(await view.getByRole('alert').count(), 0, 'not shown as an error');
      await page.unroute('**/api/Compare');
      await page.getByTestId('compare-stopped').getByRole('button', { name: 'Compare again' }).click();
      await left.getByTestId('shared-text').first().waitFor();
    });

    assert.deepEqual(errors, [], 'no script errors on the page');
  } finally {
    await context.close();
  }
});
