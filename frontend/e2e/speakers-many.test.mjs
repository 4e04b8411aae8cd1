// End-to-end: the Speakers page of a notebook that quotes many people, in
// Debian's Chromium against the real `sourcebook serve`. Only the rows in
// view are in the page (a large notebook quotes 20,000 people); scrolling
// reaches the last speaker, a ticked speaker stays ticked after scrolling
// away and back, and moving quotes offers a few matching names, not every
// speaker.
//
//   SOURCEBOOK_BIN=/path/to/sourcebook node --test e2e/speakers-many.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, hasText, screenshot, setUp, squash, tearDown } from './lib.mjs';

const count = 400;
const name = (n) => `Speaker ${String(n).padStart(3, '0')}`;

let env = null;

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
  // One source with a sentence per speaker; each sentence becomes a quote
  // of its own speaker.
  const lines = Array.from({ length: count }, (_, i) => `Statement number ${i + 1} about the harbour works.`);
  const imported = await api('ImportText', { title: 'Many voices', text: lines.join('\n\n'), storyId: 0 });
  const source = await api('Source', imported.source.id);
  const text = Array.from(source.text); // offsets are code points
  const joined = text.join('');
  for (let i = 0; i < count; i++) {
    const words = `Statement number ${i + 1} about`;
    const at = joined.indexOf(words);
    assert.ok(at >= 0, `"${words}" is not in the source`);
    await api('CreateQuote', { sourceId: source.id, start: at, end: at + words.length, speaker: name(i + 1), kind: 'direct' });
  }
});

after(async () => {
  await tearDown(env);
});

test('the Speakers page of a notebook that quotes many people', { timeout: 90_000 }, async (t) => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const rows = page.getByTestId('speaker-row');
  const scroller = page.locator('.speakers .reader-scroll');
  const speakers = await api('Speakers');
  assert.ok(speakers.length >= count, `${speakers.length} speakers`);
  const last = speakers[speakers.length - 1].name;

  try {
    await t.test('draws only the rows in view', async () => {
      await page.goto(env.server.url);
      await page.getByTestId('speakers-entry').click();
      await rows.first().waitFor();
      await hasText(page.locator('.sp-title .count'), String(speakers.length));
      const drawn = await rows.count();
      assert.ok(drawn > 5 && drawn < 80, `${drawn} of ${speakers.length} rows drawn`);
      await screenshot(page, 'speakers-many');
    });

    await t.test('scrolling to the end shows the last speaker', async () => {
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await eventually(
        async () => (await rows.getByTestId('speaker-name').allTextContents()).map(squash).includes(last),
        async () => `${last} is not drawn; rows: ${(await rows.getByTestId('speaker-name').allTextContents()).slice(-3).join(' | ')}`,
      );
      // Consecutive rows touch: none overlaps another or leaves a gap.
      const boxes = await page
        .locator('.sp-list > li')
        .evaluateAll((els) => els.map((e) => [Number(e.dataset.index), e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]));
      boxes.sort((a, b) => a[0] - b[0]);
      let pairs = 0;
      for (let i = 1; i < boxes.length; i++) {
        if (boxes[i][0] !== boxes[i - 1][0] + 1) continue;
        pairs++;
        assert.ok(Math.abs(boxes[i][1] - boxes[i - 1][2]) < 2, `rows ${boxes[i - 1][0]} and ${boxes[i][0]} overlap or leave a gap: ${JSON.stringify(boxes.slice(i - 1, i + 1))}`);
      }
      assert.ok(pairs > 5, `${pairs} pairs of rows checked`);
      assert.equal(boxes[boxes.length - 1][0], speakers.length - 1);
      await screenshot(page, 'speakers-many-end');
    });

    await t.test('a ticked speaker stays ticked after scrolling away and back', async () => {
      await scroller.evaluate((el) => (el.scrollTop = 0));
      // Not the first row: the list keeps it in the page as its Tab stop.
      const first = rows.filter({ hasText: speakers[5].name });
      const second = rows.filter({ hasText: speakers[6].name });
      await first.getByTestId('speaker-pick').check();
      await second.getByTestId('speaker-pick').check();
      await hasText(page.getByTestId('merge-button'), 'Merge 2 into…');
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await eventually(async () => (await first.count()) === 0, () => 'the first row is still drawn at the end of the list');
      await scroller.evaluate((el) => (el.scrollTop = 0));
      await first.waitFor();
      assert.equal(await first.getByTestId('speaker-pick').isChecked(), true);
      assert.equal(await second.getByTestId('speaker-pick').isChecked(), true);
      await first.getByTestId('speaker-pick').uncheck();
      await second.getByTestId('speaker-pick').uncheck();
    });

    await t.test('moving quotes offers a few matching names, not every speaker', async () => {
      await rows.filter({ hasText: speakers[0].name }).getByTestId('speaker-name').click();
      await hasText(page.getByTestId('speaker-title'), speakers[0].name);
      await page.locator('.sp-quote input[type="checkbox"]').first().check();
      await page.getByTestId('move-button').click();
      const options = page.locator('#all-speakers option');
      const offered = await options.count();
      assert.ok(offered > 0 && offered <= 50, `${offered} names offered`);
      await page.getByTestId('move-to').fill('Speaker 39');
      await eventually(
        async () => {
          const names = await options.evaluateAll((os) => os.map((o) => o.value));
          return names.length === 10 && names.every((n) => n.startsWith('Speaker 39'));
        },
        async () => `offered: ${JSON.stringify(await options.evaluateAll((os) => os.map((o) => o.value)))}`,
      );
      await page.getByTestId('move-to').fill(name(count));
      await page.getByTestId('move-confirm').click();
      await eventually(
        async () => (await api('Speakers')).find((s) => s.name === name(count))?.quotes === 2,
        () => `the quote did not move to ${name(count)}`,
      );
    });

    await t.test('looks right in the dark theme', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByTestId('back').click();
      await rows.first().waitFor();
      await screenshot(page, 'speakers-many-dark');
    });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
