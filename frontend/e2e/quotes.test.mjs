// End-to-end: quotes, speakers and highlights against the real
// `sourcebook serve`, with both seed articles (TechDogs and MyNation quote
// Andy Stone's "Shockingly untrue" statement).
//
//   SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { contains, eventually, screenshot, setUp, tearDown, testdata } from './lib.mjs';

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

/** selectText selects the first occurrence of `words` in the reader, as a user dragging over it would. */
async function selectText(page, words) {
  const ok = await page.evaluate((words) => {
    const root = document.querySelector('[data-testid="reader-text"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + words.length);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      n.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return true;
    }
    return false;
  }, words);
  assert.ok(ok, `the reader does not show ${JSON.stringify(words)} in one piece`);
}

test('quotes: underline, quote page, review, mark by hand, speakers', { timeout: 90_000 }, async (t) => {
  const files = seeds.map((name) => ({ name, data: fs.readFileSync(testdata(name)).toString('base64') }));
  const results = await api('ImportFiles', files, 0);
  assert.equal(results.filter((r) => r.source).length, 2, `import failed: ${JSON.stringify(results)}`);

  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const text = page.getByTestId('reader-text');
  const marks = page.getByTestId('quote-mark');
  const shockingly = marks.filter({ hasText: 'Shockingly untrue' });

  try {
    await t.test('underlines Andy Stone’s quote in the TechDogs article', async () => {
      await page.goto(env.server.url);
      await page.getByTestId('source-row').filter({ hasText: techDogs }).click();
      await contains(page.getByTestId('reader-title'), techDogs);
      await shockingly.first().waitFor();
      assert.match(await shockingly.first().getAttribute('class'), /\bq-suggested\b/);
      await shockingly.first().scrollIntoViewIfNeeded();
      await shockingly.first().hover();
      const card = page.getByTestId('quote-card');
      await contains(card, 'Andy Stone');
      await contains(card, 'also in 1 other source');
      await screenshot(page, 'quotes-reader-hover');
    });

    await t.test('opens the quote page: two sources carry it', async () => {
      await page.getByTestId('quote-card-open').click();
      await page.getByTestId('quote-page').waitFor();
      await page.getByTestId('occurrence').first().waitFor();
      const sources = await page.getByTestId('occurrence').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.sourceId))]);
      assert.equal(sources.length, 2, `occurrences come from ${JSON.stringify(sources)}`);
      await contains(page.getByTestId('quote-page-sources'), '2 sources');
      await contains(page.getByTestId('quote-page'), 'TechDogs');
      await contains(page.getByTestId('quote-page'), 'MyNation');
      await screenshot(page, 'quotes-page');
    });

    await t.test('goes back to the quote in its source and confirms it with C', async () => {
      await page.getByTestId('occurrence').filter({ hasText: 'TechDogs' }).getByTestId('occurrence-open').click();
      await contains(page.getByTestId('reader-title'), techDogs);
      const row = page.getByTestId('inspector-quote').filter({ hasText: 'Shockingly untrue' });
      await eventually(async () => (await row.getAttribute('class'))?.includes('selected'), () => 'the quote is not selected in the inspector');
      await page.keyboard.press('c');
      await eventually(async () => (await row.getAttribute('data-status')) === 'confirmed', () => 'the quote was not confirmed');
      await eventually(async () => /\bq-confirmed\b/.test((await shockingly.first().getAttribute('class')) ?? ''), () => 'the underline is not solid');
      const saved = await api('Quote', Number(await row.getAttribute('data-quote-id')));
      assert.equal(saved.status, 'confirmed');
      await screenshot(page, 'quotes-inspector');
    });

    await t.test('rejects a quote and a term in quote marks: both leave the text', async () => {
      const wow = page.getByTestId('inspector-quote').filter({ hasText: '“Wow”' });
      await wow.locator('.qrow-main').click();
      await page.keyboard.press('x');
      await eventually(async () => (await wow.count()) === 0, () => 'the rejected quote is still listed');
      await eventually(async () => (await marks.filter({ hasText: /^Wow$/ }).count()) === 0, () => '“Wow” is still underlined');

      await page.getByTestId('terms').locator('summary').click();
      const term = page.getByTestId('term').filter({ hasText: 'hangout spot' });
      await term.getByTestId('reject-term').click();
      await eventually(async () => (await marks.filter({ hasText: 'hangout spot' }).count()) === 0, () => '“hangout spot” is still marked');
      await contains(text, 'hangout spot'); // the words stay, only the mark goes
    });

    await t.test('marks a quote by hand with the suggested speaker (Q)', async () => {
      const words = 'Meta hasn’t provided any other comment on the matter';
      await selectText(page, words);
      await page.getByTestId('selection-tools').waitFor();
      await screenshot(page, 'quotes-selection');
      await page.keyboard.press('q');
      const input = page.getByTestId('quote-speaker');
      await input.waitFor();
      await eventually(async () => (await input.inputValue()) !== '', () => 'no speaker was suggested');
      const suggested = await input.inputValue();
      await screenshot(page, 'quotes-new-quote');
      await input.press('Enter');
      const mark = marks.filter({ hasText: words });
      await mark.first().waitFor();
      assert.match(await mark.first().getAttribute('class'), /\bq-confirmed\b/);
      const quotes = await api('Quotes', 0);
      const made = quotes.find((q) => q.origin === 'manual');
      assert.ok(made, 'no manual quote was saved');
      assert.equal(made.text, words);
      assert.equal(made.speaker, suggested);
    });

    await t.test('corrects a quote to the selected words', async () => {
      const made = (await api('Quotes', 0)).find((q) => q.origin === 'manual');
      const shorter = 'any other comment on the matter';
      await selectText(page, shorter);
      await page.keyboard.press('Escape'); // close the selection tools; the selection is remembered
      const row = page.locator(`[data-testid="inspector-quote"][data-quote-id="${made.id}"]`);
      await row.getByTestId('edit-speaker').click();
      await row.getByTestId('quote-use-selection').click();
      await eventually(async () => (await api('Quote', made.id)).text === shorter, () => 'the quote was not moved to the selection');
      await marks.filter({ hasText: shorter }).first().waitFor();
    });

    await t.test('highlights a passage with a note (H)', async () => {
      await selectText(page, 'Netflix and Spotify');
      await page.keyboard.press('h');
      await page.getByTestId('highlight-note').fill('Spotify too: check the 2018 post');
      await page.getByTestId('highlight-note').press('Enter');
      await page.locator('.article-text .hl', { hasText: 'Netflix and Spotify' }).first().waitFor();
      await contains(page.getByTestId('highlight-row'), 'Spotify too: check the 2018 post');
      await screenshot(page, 'quotes-highlight');
    });

    await t.test('renames and merges speakers', async () => {
      await page.getByTestId('speakers-entry').click();
      const rows = page.getByTestId('speaker-row');
      await rows.first().waitFor();
      const before = await rows.count();
      const filing = rows.filter({ hasText: 'the court filing' });
      await filing.getByTestId('speaker-edit').click();
      await page.getByTestId('speaker-name-input').fill('Court filing');
      await page.getByTestId('speaker-name-input').press('Enter');
      await contains(page.getByTestId('speaker-name'), 'Court filing');

      await rows.filter({ hasText: 'Court filing' }).getByTestId('speaker-pick').check();
      await rows.filter({ hasText: 'the court document' }).getByTestId('speaker-pick').check();
      await page.getByTestId('merge-button').click();
      await screenshot(page, 'quotes-speakers-merge');
      await page.getByTestId('merge-confirm').click();
      await eventually(async () => (await rows.count()) === before - 1, async () => `want ${before - 1} speakers, have ${await rows.count()}`);
      const merged = rows.filter({ hasText: 'Court filing' });
      await contains(merged, 'the court document'); // the other name is an alias now
      await contains(merged, '2 quotes');
      const speakers = await api('Speakers');
      assert.ok(speakers.some((s) => s.name === 'Court filing' && s.aliases.includes('the court document')));
      await screenshot(page, 'quotes-speakers');
    });

    await t.test('looks right in the dark theme', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'quotes-speakers-dark');
      await page.getByTestId('source-row').filter({ hasText: techDogs }).click();
      await shockingly.first().scrollIntoViewIfNeeded();
      await shockingly.first().click();
      await screenshot(page, 'quotes-reader-dark');
      await page.getByTestId('inspector-quote').filter({ hasText: 'Shockingly untrue' }).getByTestId('open-quote-page').click();
      await page.getByTestId('occurrence').first().waitFor();
      await screenshot(page, 'quotes-page-dark');
    });

    assert.deepEqual(errors, [], `errors on the page: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
});

