// End-to-end: the search box over every kind (sources, quotes, speakers,
// notes) with its kind chips, filter menu and syntax help, and the tag page
// listing everything that carries a tag, against the real `sourcebook
// serve` with both seed articles (TechDogs and MyNation quote Andy Stone).
//
//   SOURCEBOOK_BIN=/path/to/sourcebook node --test e2e/search.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { contains, eventually, hasText, screenshot, setUp, squash, tearDown, testdata } from './lib.mjs';

const seeds = ['000_9ee5f3e41cc3c9be.txt', '004_917a6aaec319a3a4.txt'];
const techDogs = 'Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!';
const storyTitle = 'Netflix and the messages';
/** A word no seed has, so the note is the only thing it finds. */
const noteWord = 'zanzibar';

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

test('search: every kind as you type, grouped, with filters; the tag page', { timeout: 120_000 }, async (t) => {
  const files = seeds.map((name) => ({ name, data: fs.readFileSync(testdata(name)).toString('base64') }));
  const results = await api('ImportFiles', files, 0);
  const sources = results.map((r) => r.source).filter(Boolean);
  assert.equal(sources.length, 2, `import failed: ${JSON.stringify(results)}`);
  const story = await api('CreateStory', storyTitle);
  await api('AddToStory', story.id, sources[0].id);
  const techDogsId = sources.find((s) => s.title === techDogs)?.id;
  assert.ok(techDogsId, `no source is titled ${techDogs}: ${JSON.stringify(sources.map((s) => s.title))}`);

  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    const where = m.location()?.url ?? '';
    if (m.type() === 'error' && !where.endsWith('/favicon.ico')) errors.push(`${m.text()} ${where}`);
  });
  const input = page.getByTestId('search-input');
  const hits = page.getByTestId('search-hit');
  const group = (kind) => page.locator(`[data-testid="search-group"][data-kind="${kind}"]`);
  /** activeHit is the entry the arrow keys are on. */
  const activeHit = () => page.locator('#search-results [role="option"][aria-selected="true"]');
  const openSearch = async () => {
    await page.keyboard.press('Control+k');
    await input.waitFor();
  };
  let noteId = 0;

  try {
    await t.test('a note written here is found by a word of its body, under Notes, the word marked, and opens', async () => {
      await page.goto(env.server.url);
      await page.getByTestId('reader-title').waitFor();
      await page.locator('body').click({ position: { x: 700, y: 5 } });
      await page.keyboard.press('n');
      await page.getByTestId('note-page').waitFor();
      await eventually(async () => (await page.evaluate(() => document.activeElement?.dataset.testid)) === 'note-editor', () => 'the editor is not focused');
      await page.keyboard.type(`# Ferry check\n\nThe ${noteWord} ledger disagrees with Netflix.`);
      await eventually(async () => (await page.getByTestId('note-page').getAttribute('data-note-id')) !== null, () => 'the note was not saved');
      noteId = Number(await page.getByTestId('note-page').getAttribute('data-note-id'));
      await eventually(async () => (await api('Note', noteId)).body.includes('Netflix.'), () => 'the note’s last words were not saved');
      await page.getByTestId('note-editor').press('Escape');

      await openSearch();
      await input.fill(noteWord);
      const notes = group('note');
      await notes.waitFor();
      await hasText(notes.locator('.group-label'), 'Notes');
      await hasText(notes.getByTestId('search-group-count'), '1');
      const hit = notes.getByTestId('search-hit');
      await hasText(hit.locator('.hit-title'), 'Ferry check');
      await hasText(hit.locator('mark'), noteWord);
      assert.equal(await page.locator('[data-testid="search-group"]').count(), 1, 'only the note has the word');
      await screenshot(page, 'search-note');
      await input.press('Enter');
      await input.waitFor({ state: 'detached' });
      await page.getByTestId('note-page').waitFor();
      assert.equal(Number(await page.getByTestId('note-page').getAttribute('data-note-id')), noteId);
    });

    await t.test('“shockingly untrue” is found under Quotes; Enter shows it in its source, Shift+Enter its quote page', async () => {
      await openSearch();
      await input.fill('shockingly untrue');
      const quotes = group('quote');
      await quotes.waitFor();
      await hasText(quotes.locator('.group-label'), 'Quotes');
      const quoteHit = quotes.getByTestId('search-hit').first();
      await contains(quoteHit.locator('.hit-title'), 'Andy Stone');
      const marked = (await quoteHit.locator('mark').allTextContents()).map((s) => s.toLowerCase()).join(' ');
      assert.match(marked, /shockingly/);
      assert.match(marked, /untrue/);
      // Sources come first; the arrows cross into the quotes, in the order shown.
      const order = await page.locator('#search-results [role="option"]').evaluateAll((els) => els.map((e) => e.closest('[data-kind]')?.dataset.kind));
      assert.deepEqual([...new Set(order)], ['source', 'quote']);
      const firstQuote = order.indexOf('quote');
      for (let i = 0; i < firstQuote; i++) await input.press('ArrowDown');
      await eventually(async () => (await activeHit().getAttribute('data-kind')) === 'quote', async () => `the active entry is a ${await activeHit().getAttribute('data-kind')}`);
      // PageUp goes back to the first group, PageDown to the next.
      await input.press('PageUp');
      await eventually(async () => (await activeHit().getAttribute('data-kind')) === 'source', () => 'PageUp did not go to the sources');
      await input.press('PageDown');
      await eventually(async () => (await activeHit().getAttribute('data-kind')) === 'quote', () => 'PageDown did not go to the quotes');
      const sourceTitle = squash(await activeHit().locator('.hit-outlet').textContent()).split(' · ')[0];
      await screenshot(page, 'search-grouped');
      await input.press('Enter');
      await input.waitFor({ state: 'detached' });
      await contains(page.getByTestId('reader-title'), sourceTitle);
      const selected = page.locator('[data-testid="inspector-quote"].selected');
      await contains(selected, 'Shockingly untrue');

      await openSearch();
      await input.fill('shockingly untrue');
      await page.keyboard.press('Alt+3'); // quotes only
      await eventually(async () => (await page.locator('[data-testid="search-group"]').count()) === 1 && (await group('quote').count()) === 1, () => 'Alt+3 did not keep the quotes alone');
      assert.equal(await page.locator('[data-testid="search-kind"][data-kind="quote"]').getAttribute('aria-pressed'), 'true');
      await input.press('Shift+Enter');
      await page.getByTestId('quote-page').waitFor();
      await contains(page.getByTestId('occurrence-words'), 'Shockingly untrue');
    });

    await t.test('a speaker is found by name and opens on their page', async () => {
      await openSearch();
      await page.keyboard.press('Alt+1'); // every kind again
      await input.fill('Andy Stone');
      const speakers = group('speaker');
      await speakers.waitFor();
      await hasText(speakers.getByTestId('search-hit').first().locator('.hit-title'), 'Andy Stone');
      await speakers.getByTestId('search-hit').first().click();
      await hasText(page.getByTestId('speaker-title'), 'Andy Stone');
    });

    await t.test('filters: a story from the menu, shown as a chip, removed; a bad date is refused in place', async () => {
      await openSearch();
      await input.fill('Netflix');
      await group('source').waitFor();
      await eventually(async () => (await group('source').getByTestId('search-hit').count()) === 2, async () => `${await group('source').getByTestId('search-hit').count()} sources`);
      await page.getByTestId('search-filters-button').click();
      const storyField = page.getByTestId('search-filter-story');
      await eventually(async () => (await page.evaluate(() => document.activeElement?.dataset.testid)) === 'search-filter-story', () => 'the story field is not focused');
      await storyField.fill(storyTitle);
      await storyField.press('Enter');
      await page.getByTestId('search-filter-menu').waitFor({ state: 'detached' });
      const chip = page.getByTestId('search-chip');
      await hasText(chip.locator('.filter-chip-value'), storyTitle);
      await eventually(async () => (await group('source').getByTestId('search-hit').count()) === 1, async () => `${await group('source').getByTestId('search-hit').count()} sources in the story`);
      await hasText(group('source').getByTestId('search-hit').locator('.hit-title'), squash(sources[0].title));

      // A date that is not one is refused beside its field; nothing fails.
      await page.getByTestId('search-filters-button').click();
      const from = page.getByTestId('search-filter-from');
      await from.fill('soon');
      await from.press('Enter');
      await contains(page.locator('.filter-error'), 'Write a date as 2024');
      await from.fill('2024');
      await from.press('Enter');
      await hasText(page.locator('[data-testid="search-chip"][data-key="dates"] .filter-chip-value'), 'from 2024');
      await page.getByTestId('search-filters-button').click();
      await page.getByTestId('search-filter-menu').waitFor();
      await screenshot(page, 'search-filters');
      await page.keyboard.press('Escape'); // closes the menu, not the box
      await page.getByTestId('search-filter-menu').waitFor({ state: 'detached' });
      await input.waitFor();

      // Backspace at the start of the field takes the last filter off; the ✕ the other.
      await input.focus();
      await input.press('Home');
      await input.press('Backspace');
      await eventually(async () => (await chip.count()) === 1, async () => `${await chip.count()} chips`);
      await chip.getByRole('button').click();
      await eventually(async () => (await chip.count()) === 0, async () => `${await chip.count()} chips`);
      await eventually(async () => (await group('source').getByTestId('search-hit').count()) === 2, () => 'the story filter is still on');
      assert.equal(await input.inputValue(), 'Netflix');
    });

    await t.test('the syntax help opens from “?” and Esc closes it first', async () => {
      await page.getByTestId('search-help-button').click();
      await contains(page.getByTestId('search-help'), 'exact words');
      await screenshot(page, 'search-help');
      await page.keyboard.press('Escape');
      await page.getByTestId('search-help').waitFor({ state: 'detached' });
      await input.waitFor();
    });

    await t.test('junk shows “No results”, never an error', async () => {
      for (const junk of ['"', '-', 'NEAR(', '*', 'AND', '((', 'title:', '"-*', 'OR NOT', '\\', '\u0000']) {
        await input.fill(junk);
        const empty = page.getByTestId('search-empty');
        await eventually(
          async () => (await empty.count()) === 1 && (await page.locator('[data-testid="search-palette"] [role="alert"]').count()) === 0,
          async () => `for ${JSON.stringify(junk)}: ${squash(await page.locator('.palette-results').textContent())}`,
        );
        assert.match(squash(await empty.textContent()), /^No results/);
      }
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'detached' });
    });

    await t.test('the tag page lists the tagged source and note, grouped, each opening', async () => {
      await api('SetTags', 'source', techDogsId, ['audit']);
      await api('SetTags', 'note', noteId, ['audit']);
      await page.reload();
      await page.getByTestId('tag-entry').filter({ hasText: 'audit' }).click();
      await hasText(page.getByTestId('tag-title'), 'audit');
      const view = page.getByTestId('tag-view');
      await contains(page.getByTestId('tag-carried'), '1 source and 1 note');
      const sourcesGroup = view.locator('[data-testid="tag-group"][data-kind="source"]');
      await contains(sourcesGroup.getByTestId('tag-item'), techDogs);
      await contains(view.locator('[data-testid="tag-group"][data-kind="note"]').getByTestId('note-card'), 'Ferry check');
      await screenshot(page, 'search-tag-page');
      await sourcesGroup.getByTestId('tag-item').first().click();
      await hasText(page.getByTestId('reader-title'), techDogs);
      await page.getByTestId('tag-entry').filter({ hasText: 'audit' }).click();
      await view.locator('[data-testid="tag-group"][data-kind="note"]').getByTestId('note-card').click();
      await page.getByTestId('note-page').waitFor();
    });

    await t.test('an empty search with a tag filter lists what carries the tag', async () => {
      await openSearch();
      await input.fill('');
      await page.getByTestId('search-filters-button').click();
      const tag = page.getByTestId('search-filter-tag');
      await tag.fill('audit');
      await tag.press('Enter');
      await group('source').waitFor();
      await group('note').waitFor();
      await contains(group('source').locator('.hit-title'), techDogs);
      await contains(group('note').locator('.hit-title'), 'Ferry check');
      await input.fill('Netflix');
      await screenshot(page, 'search-results-filtered');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'search-results-filtered-dark');
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'detached' });
      await page.getByTestId('tag-entry').filter({ hasText: 'audit' }).click();
      await page.getByTestId('tag-group').first().waitFor();
      await screenshot(page, 'search-tag-page-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    });

    assert.deepEqual(errors, [], `errors on the page: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
});
