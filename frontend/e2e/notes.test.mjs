// End-to-end: notes, [[links]], tags, story pages, undo and the command
// palette against the real `sourcebook serve`, with both seed articles
// (TechDogs and MyNation quote Andy Stone).
//
//   SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { contains, eventually, hasText, lacks, screenshot, setUp, squash, tearDown, testdata } from './lib.mjs';

const seeds = ['000_9ee5f3e41cc3c9be.txt', '004_917a6aaec319a3a4.txt'];
const techDogs = 'Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!';
const storyTitle = 'Netflix and the messages';

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
      n.parentElement.scrollIntoView({ block: 'center' });
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

/** chooseSuggestion moves the completion list's selection with the arrow keys to the entry with this label and kind, then presses Enter. */
async function chooseSuggestion(page, label, kind) {
  const options = page.getByTestId('link-suggestion');
  await options.first().waitFor();
  const all = await options.evaluateAll((els) => els.map((e) => ({ text: e.querySelector('.link-opt-label')?.textContent ?? '', kind: e.dataset.kind })));
  const want = all.findIndex((o) => o.text.trim() === label && o.kind === kind);
  assert.ok(want >= 0, `no ${kind} “${label}” among the suggestions ${JSON.stringify(all)}`);
  for (let i = 0; i < want; i++) await page.keyboard.press('ArrowDown');
  await eventually(
    async () => (await options.nth(want).getAttribute('aria-selected')) === 'true',
    () => `suggestion ${want} is not the active one`,
  );
  await page.keyboard.press('Enter');
  await page.getByTestId('link-suggestions').waitFor({ state: 'detached' });
}

test('notes: a highlight note with a [[link]], the notes view, editing, tags, backlinks, story page, undo, palette', { timeout: 120_000 }, async (t) => {
  const files = seeds.map((name) => ({ name, data: fs.readFileSync(testdata(name)).toString('base64') }));
  const results = await api('ImportFiles', files, 0);
  const ids = results.map((r) => r.source?.id).filter(Boolean);
  assert.equal(ids.length, 2, `import failed: ${JSON.stringify(results)}`);
  const story = await api('CreateStory', storyTitle);
  for (const id of ids) await api('AddToStory', story.id, id);

  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Errors the page logs (a failed API call among them); the browser's own favicon request is not the app's.
  page.on('console', (m) => {
    const where = m.location()?.url ?? '';
    if (m.type() === 'error' && !where.endsWith('/favicon.ico')) errors.push(`${m.text()} ${where}`);
  });
  const editor = page.getByTestId('note-editor');
  const status = page.getByTestId('save-status');
  let noteId = 0;

  try {
    await t.test('makes a highlight note whose [[link]] to Andy Stone is chosen from the suggestions with the keyboard', async () => {
      await page.goto(env.server.url);
      await page.getByTestId('source-row').filter({ hasText: techDogs }).click();
      await contains(page.getByTestId('reader-title'), techDogs);
      await page.getByTestId('quote-mark').first().waitFor();
      await selectText(page, 'Netflix and Spotify');
      await page.keyboard.press('h');
      const note = page.getByTestId('highlight-note');
      await note.waitFor();
      await page.keyboard.type('Stone denies it: [[Andy');
      await page.getByTestId('link-suggestions').waitFor();
      await screenshot(page, 'notes-link-suggestions');
      await chooseSuggestion(page, 'Andy Stone', 'speaker');
      assert.equal(await note.inputValue(), 'Stone denies it: [[Andy Stone]]');
      await page.keyboard.type(' and the post');
      await page.keyboard.press('Enter');
      await page.locator('.article-text .hl', { hasText: 'Netflix and Spotify' }).first().waitFor();
      const notes = await api('Notes', { kind: '', id: 0, tag: '', standalone: false, limit: 0 });
      assert.equal(notes.length, 1);
      noteId = notes[0].id;
      assert.equal(notes[0].body, 'Stone denies it: [[Andy Stone]] and the post');
      assert.deepEqual(
        notes[0].links.map((l) => [l.target, l.kind]),
        [['Andy Stone', 'speaker']],
      );
      assert.equal(notes[0].attached[0].kind, 'passage');
      // The inspector renders the note with its link.
      const row = page.getByTestId('highlight-row').filter({ hasText: 'Netflix and Spotify' });
      await row.locator('a.wikilink', { hasText: 'Andy Stone' }).waitFor();
    });

    await t.test('lists the note in the Notes view', async () => {
      await page.getByTestId('notes-entry').click();
      await page.getByTestId('notes-view').waitFor();
      await hasText(page.getByTestId('notes-entry-count'), '1');
      const row = page.getByTestId('note-row').filter({ hasText: 'Stone denies it: Andy Stone and the post' });
      await row.waitFor();
      await contains(row, 'Passage: “Netflix and Spotify”');
      await screenshot(page, 'notes-list');
    });

    await t.test('opens the note and edits it: saved as typed, there after a reload', async () => {
      await page.getByTestId('note-row').first().click();
      await page.getByTestId('note-page').waitFor();
      assert.equal(await editor.inputValue(), 'Stone denies it: [[Andy Stone]] and the post');
      await page.getByTestId('note-preview').locator('a.wikilink', { hasText: 'Andy Stone' }).waitFor();
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n\nThe **court filing** says otherwise.');
      await contains(status, 'Saving…', 2_000).catch(() => {}); // may already be saved
      await eventually(async () => (await status.getAttribute('data-status')) === 'saved', async () => `status ${await status.textContent()}`);
      const saved = await api('Note', noteId);
      assert.match(saved.body, /The \*\*court filing\*\* says otherwise\.$/);
      await page.getByTestId('note-preview').locator('strong', { hasText: 'court filing' }).waitFor();
      await screenshot(page, 'notes-note-page');

      // Typed just before a reload: the page saves it as it goes.
      await editor.press('End');
      await page.keyboard.type(' Checked.');
      await page.reload();
      await page.getByTestId('note-page').waitFor();
      await eventually(
        async () => (await editor.inputValue()).endsWith('says otherwise. Checked.'),
        async () => `after the reload the editor holds ${JSON.stringify(await editor.inputValue())}`,
      );
    });

    await t.test('tags the note and finds it by the tag', async () => {
      const input = page.getByTestId('note-page').getByTestId('tag-input');
      await input.fill('denial');
      await input.press('Enter');
      await hasText(page.getByTestId('note-page').getByTestId('tag-chip').locator('.tag-name'), 'denial');
      await eventually(async () => (await api('TagsOf', 'note', noteId)).includes('denial'), () => 'the tag was not saved');
      // The Notes view's tag filter finds notes (search.test.mjs finds them in the search box).
      await page.getByTestId('notes-entry').click();
      await page.getByTestId('notes-tag-filter').selectOption('denial');
      await hasText(page.getByTestId('notes-count'), '1');
      await contains(page.getByTestId('note-row'), 'Stone denies it');
      // So does the tag's page, from the sidebar.
      await page.getByTestId('tag-entry').filter({ hasText: 'denial' }).click();
      await hasText(page.getByTestId('tag-title'), 'denial');
      await contains(page.getByTestId('tag-view').getByTestId('note-card'), 'Stone denies it');
    });

    await t.test('Andy Stone’s page lists the note under “Linked from”', async () => {
      await page.getByTestId('speakers-entry').click();
      await page.getByTestId('speaker-name').filter({ hasText: /^Andy Stone$/ }).click();
      await hasText(page.getByTestId('speaker-title'), 'Andy Stone');
      const linked = page.getByTestId('linked-from').getByTestId('backlink');
      await contains(linked, 'Stone denies it');
      await screenshot(page, 'notes-speaker-linked-from');
      // A link in a note's preview leads here too.
      await linked.first().click();
      await page.getByTestId('note-page').waitFor();
      await page.getByTestId('note-preview').locator('a.wikilink', { hasText: 'Andy Stone' }).click();
      await hasText(page.getByTestId('speaker-title'), 'Andy Stone');
    });

    await t.test('the story page shows sources, quotes by speaker and the timeline', async () => {
      await page.getByTestId('story-node').filter({ hasText: storyTitle }).click();
      await page.getByTestId('story-page').waitFor();
      await hasText(page.getByTestId('story-title'), storyTitle);
      await eventually(async () => (await page.getByTestId('story-source').count()) === 2, async () => `${await page.getByTestId('story-source').count()} sources`);
      const stone = page.getByTestId('story-speaker').filter({ hasText: 'Andy Stone' });
      await stone.waitFor();
      await contains(stone.getByTestId('story-quote'), 'Shockingly untrue');
      const events = page.getByTestId('timeline-event');
      await events.first().waitFor();
      assert.ok((await events.count()) >= 1);
      // The note on a passage of one of its sources is on the story's page too.
      await contains(page.getByTestId('story-source-note'), 'Stone denies it');
      await screenshot(page, 'notes-story-page');
      // A source opens in the reader.
      await page.getByTestId('story-source').filter({ hasText: techDogs }).click();
      await contains(page.getByTestId('reader-title'), techDogs);
    });

    await t.test('deletes the note and takes it back with Undo', async () => {
      await page.getByTestId('notes-entry').click();
      await page.getByTestId('notes-tag-filter').selectOption('');
      await page.getByTestId('note-row').filter({ hasText: 'Stone denies it' }).click();
      await page.getByTestId('delete-note').click();
      const toast = page.locator('.toast', { hasText: 'Deleted the note' });
      await toast.waitFor();
      await eventually(async () => (await api('Notes', { kind: '', id: 0, tag: '', standalone: false, limit: 0 })).length === 0, () => 'the note is still there');
      await hasText(page.getByTestId('notes-entry-count'), '0');
      await screenshot(page, 'notes-deleted-toast');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await page.getByTestId('note-page').waitFor();
      await eventually(async () => (await editor.inputValue()).startsWith('Stone denies it'), () => 'the note did not come back');
      await contains(page.locator('.toast'), 'Undone: Delete note');
      const back = await api('Note', noteId);
      assert.deepEqual(back.tags, ['denial']);
      await hasText(page.getByTestId('notes-entry-count'), '1');
    });

    await t.test('Ctrl+Z outside a text field undoes the last deletion', async () => {
      await page.getByTestId('delete-note').click();
      await page.locator('.toast', { hasText: 'Deleted the note' }).waitFor();
      await page.locator('body').click({ position: { x: 700, y: 5 } });
      await page.keyboard.press('Control+z');
      await contains(page.locator('.toast'), 'Undone: Delete note');
      await eventually(async () => (await api('Notes', { kind: '', id: 0, tag: '', standalone: false, limit: 0 })).length === 1, () => 'the note did not come back');
    });

    await t.test('the command palette makes a new note; N does too', async () => {
      await page.keyboard.press('Control+Shift+P');
      const input = page.getByTestId('command-input');
      await input.waitFor();
      await input.fill('nw nt');
      await hasText(page.getByTestId('command').first().locator('.command-label'), 'New note');
      await contains(page.getByTestId('command').first().locator('.command-keys'), 'N');
      await screenshot(page, 'notes-palette');
      await input.press('Enter');
      await page.getByTestId('note-page').waitFor();
      await eventually(async () => (await page.evaluate(() => document.activeElement?.dataset.testid)) === 'note-editor', () => 'the editor is not focused');
      await page.keyboard.type('# A note of its own\n\nNothing to do with [[Nobody Yet]].');
      await eventually(async () => (await status.getAttribute('data-status')) === 'saved' && (await page.getByTestId('note-page').getAttribute('data-note-id')) !== null, async () => `status ${await status.textContent()}`);
      const all = await api('Notes', { kind: '', id: 0, tag: '', standalone: true, limit: 0 });
      assert.deepEqual(all.map((n) => n.title), ['A note of its own']);
      // A link to nothing yet offers to write that note.
      await page.getByTestId('note-preview').locator('a.wikilink.missing', { hasText: 'Nobody Yet' }).click();
      await page.getByTestId('create-linked-note').click();
      await page.getByTestId('note-page').waitFor();
      await eventually(async () => (await editor.inputValue()).startsWith('# Nobody Yet'), () => 'the linked note was not written');

      await editor.press('Escape'); // leaves the editor
      await page.keyboard.press('n');
      await eventually(async () => (await editor.inputValue()) === '', () => 'N did not open an empty note');
      await hasText(page.getByTestId('save-status'), 'Not saved yet');
    });

    await t.test('the inspector tags the selected quote and adds a note on the source', async () => {
      await page.getByTestId('source-row').filter({ hasText: techDogs }).click();
      const row = page.getByTestId('inspector-quote').filter({ hasText: 'Shockingly untrue' });
      await row.locator('.qrow-main').click();
      const tagInput = row.getByTestId('tag-input');
      await tagInput.fill('den');
      await page.getByRole('option', { name: /denial/ }).waitFor(); // suggested from the notebook's tags
      await tagInput.press('ArrowDown');
      await tagInput.press('Enter');
      await hasText(row.getByTestId('tag-chip').locator('.tag-name'), 'denial');
      const quoteId = Number(await row.getAttribute('data-quote-id'));
      await eventually(async () => (await api('TagsOf', 'quote', quoteId)).includes('denial'), () => 'the quote’s tag was not saved');

      const inspector = page.getByTestId('inspector');
      await inspector.getByTestId('attached-notes').getByTestId('add-note').click();
      await page.getByTestId('note-page').waitFor();
      await contains(page.getByTestId('note-attached'), 'Source:');
      await page.keyboard.type('Check the TechDogs sources');
      await eventually(async () => (await page.getByTestId('note-page').getAttribute('data-note-id')) !== null, () => 'the note was not saved');
      await page.getByTestId('back').click();
      await contains(page.getByTestId('inspector').getByTestId('note-card'), 'Check the TechDogs sources');
      await page.getByTestId('inspector').getByTestId('linked-from').scrollIntoViewIfNeeded();
      await screenshot(page, 'notes-inspector');

      await row.getByTestId('open-quote-page').click();
      await page.getByTestId('quote-page').waitFor();
      await hasText(page.getByTestId('quote-page').getByTestId('tag-chip').locator('.tag-name'), 'denial');
      await page.getByTestId('quote-page').getByTestId('linked-from').scrollIntoViewIfNeeded();
      await screenshot(page, 'notes-quote-page');
    });

    await t.test('the last view is restored on start', async () => {
      await page.getByTestId('story-node').filter({ hasText: storyTitle }).click();
      await page.getByTestId('story-page').waitFor();
      await page.reload();
      await hasText(page.getByTestId('story-title'), storyTitle);
    });

    await t.test('looks right narrow and in the dark theme', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'notes-story-page-dark');
      await page.getByTestId('notes-entry').click();
      await page.getByTestId('note-row').first().waitFor();
      await screenshot(page, 'notes-list-dark');
      await page.getByTestId('note-row').filter({ hasText: 'Stone denies it' }).click();
      await page.getByTestId('note-preview').locator('a.wikilink').first().waitFor();
      await screenshot(page, 'notes-note-page-dark');
      await page.getByTestId('tag-entry').filter({ hasText: 'denial' }).click();
      await page.getByTestId('tag-view').getByTestId('note-card').first().waitFor();
      await screenshot(page, 'notes-tag-dark');
      await page.getByTestId('source-row').filter({ hasText: techDogs }).click();
      await page.getByTestId('inspector').getByTestId('linked-from').scrollIntoViewIfNeeded();
      await screenshot(page, 'notes-inspector-dark');
      await page.getByTestId('notes-entry').click();
      await page.getByTestId('note-row').filter({ hasText: 'Stone denies it' }).click();
      await page.getByTestId('note-preview').locator('a.wikilink').first().waitFor();
      await page.setViewportSize({ width: 900, height: 800 });
      await page.getByTestId('mode-preview').click();
      await screenshot(page, 'notes-note-page-narrow-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByTestId('mode-write').click();
      await screenshot(page, 'notes-note-page-narrow');
      await page.getByTestId('story-node').filter({ hasText: storyTitle }).click();
      await page.getByTestId('story-page').waitFor();
      await screenshot(page, 'notes-story-page-narrow');
    });

    await t.test('deletes a story from its menu at once, and Undo brings it back', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      const node = page.getByTestId('story-node').filter({ hasText: storyTitle });
      await node.hover();
      await page.getByRole('button', { name: `Story actions for ${storyTitle}` }).click();
      await page.getByRole('menuitem', { name: 'Open story page' }).waitFor();
      await page.getByRole('menuitem', { name: 'Delete story' }).click();
      const toast = page.locator('.toast', { hasText: 'Deleted the story' });
      await contains(toast, 'Its 2 sources stay in the library.');
      await eventually(async () => (await node.count()) === 0, () => 'the story is still in the sidebar');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await node.waitFor();
      await contains(page.locator('.toast'), 'Undone: Delete story');
      const lib = await api('Library');
      assert.deepEqual(lib.stories.find((s) => s.title === storyTitle)?.sourceIds?.length, 2);
    });

    assert.deepEqual(errors, [], `errors on the page: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
});
