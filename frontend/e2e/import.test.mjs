// End-to-end: importing web pages, folders and addresses into the real
// `sourcebook serve`, reading them in Chromium, and proving that nothing in
// a hostile page runs.
//
//   SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e
//
// The fixtures are in testdata/: article.html (a news page with navigation,
// "Also Read" links, a newsletter box, a cookie banner and JSON-LD),
// xss.html (a page full of script vectors) and folder/ (three importable
// files, a hidden file and a saved page's "_files" folder).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, eventually, hasText, lacks, screenshot, setUp, squash, tearDown, testdata } from './lib.mjs';

const articleTitle = 'Harbour dredging to start two weeks late, authority says';

let env = null;

before(async () => {
  env = await setUp();
});

after(async () => {
  await tearDown(env);
});

/** newPage opens the app in a fresh context and collects what must not happen. */
async function newPage(t) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = { errors: [], dialogs: [], console: [] };
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('dialog', async (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.console.push(m.text());
  });
  t.after(() => context.close());
  await page.goto(env.server.url);
  await page.getByTestId('import-button').waitFor();
  return { page, problems };
}

/** importFiles imports files (or, with folder, a directory) through the Files tab and waits for the summary. */
async function importFiles(page, files, { folder = false } = {}) {
  await page.getByTestId('import-button').click();
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByTestId(folder ? 'import-folder' : 'import-files').setInputFiles(files);
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 20_000 });
  return summary;
}

async function closeImport(page) {
  await page.getByTestId('import-done').click();
  await page.getByTestId('import-done').waitFor({ state: 'detached' });
}

const reader = (page) => page.getByTestId('reader-text');
const wordsOf = async (page) => Number(squash(await page.getByTestId('meta-words').textContent()).replace(/\D/g, ''));

test('a saved web page: clean text, removed text, metadata and corrections', { timeout: 90_000 }, async (t) => {
  const { page, problems } = await newPage(t);
  const rows = page.getByTestId('source-row');

  await t.test('imports the page and shows the article without the boilerplate', async () => {
    const summary = await importFiles(page, testdata('article.html'));
    await contains(summary, '1 source imported');
    await contains(page.getByTestId('import-file-result'), `Imported as “${articleTitle}”`);
    await screenshot(page, 'import-article');
    await closeImport(page);
    await hasText(page.getByTestId('reader-title'), articleTitle);
    await hasText(rows.locator('.row-title'), articleTitle);

    const text = reader(page);
    await contains(text, 'Fishing crews who moor in the eastern basin');
    await contains(text, 'will start two weeks later than planned');
    // Structure is kept: a heading, list items and a block quote.
    await hasText(text.locator('h2, h3'), 'What the delay means');
    await contains(text.locator('li'), 'deepening the eastern channel to six metres');
    await contains(text.locator('li'), 'with night work allowed only on weekdays');
    await contains(text.locator('blockquote'), 'Nobody wants this finished more than we do');
    // Boilerplate is not part of the article.
    for (const junk of ['We use cookies', 'Accept all cookies', 'Sign up for our newsletter', 'Ferry operator fined', 'Share on Facebook', 'Privacy policy']) {
      await lacks(text, junk);
    }
    await screenshot(page, 'article');
  });

  await t.test('shows the metadata line from the page', async () => {
    await hasText(page.getByTestId('meta-outlet'), 'The Coastal Ledger');
    await contains(page.getByTestId('meta-authors'), 'Mara Quint');
    await contains(page.getByTestId('meta-published'), '3 Apr 2024');
    const link = page.getByTestId('meta-link');
    assert.equal(await link.getAttribute('href'), 'https://www.coastal-ledger.example/news/2024/04/03/harbour-dredging-delay');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('target'), '_blank');
    await contains(rows.filter({ hasText: articleTitle }).locator('.row-meta'), 'The Coastal Ledger · 3 Apr 2024');
  });

  await t.test('reveals the removed text on request and restores a block', async () => {
    const toggle = page.getByTestId('toggle-removed');
    assert.ok(Number(await toggle.getAttribute('data-count')) > 0, 'no text was set aside');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await eventually(async () => (await toggle.getAttribute('aria-pressed')) === 'true', () => 'the toggle is not pressed');
    const removed = page.getByTestId('removed-block');
    await contains(removed, 'Ferry operator fined over late sailings');
    await contains(page.getByTestId('removed-run').locator('.removed-label'), 'Related links');
    // Nothing set aside is shown as article text.
    const content = page.getByTestId('content-block');
    for (const junk of ['Sign up for our newsletter', 'Ferry operator fined', 'We use cookies']) await lacks(content, junk);
    await screenshot(page, 'article-removed');

    const before = await wordsOf(page);
    const also = removed.filter({ hasText: 'Ferry operator fined over late sailings' }).last();
    await also.hover();
    await also.getByTestId('restore-block').first().click();
    await contains(content, 'Ferry operator fined over late sailings');
    await eventually(async () => (await wordsOf(page)) > before, async () => `the word count stayed at ${await wordsOf(page)}`);

    // Hidden again, the restored block stays in the article.
    await toggle.click();
    await eventually(async () => (await toggle.getAttribute('aria-pressed')) === 'false', () => 'the toggle is still pressed');
    await lacks(reader(page), 'Sign up for our newsletter');
    await contains(reader(page), 'Ferry operator fined over late sailings');

    // And it can be set aside again.
    const block = content.filter({ hasText: 'Ferry operator fined over late sailings' }).last();
    await block.hover();
    await block.getByTestId('set-aside').first().click();
    await lacks(reader(page), 'Ferry operator fined over late sailings');
    await eventually(async () => (await wordsOf(page)) === before, async () => `the word count is ${await wordsOf(page)}, want ${before}`);
  });

  await t.test('a second import of the page names the source it duplicates', async () => {
    const summary = await importFiles(page, testdata('article.html'));
    await contains(summary, '1 duplicate skipped');
    await contains(page.getByTestId('import-section-duplicate'), `Duplicate of “${articleTitle}”`);
    await closeImport(page);
    assert.equal(await rows.filter({ hasText: articleTitle }).count(), 1);
  });

  await t.test('edits the details; the server reads the dates and the library follows', async () => {
    await page.getByTestId('reader-title').click();
    await page.keyboard.press('e');
    const form = page.getByTestId('details-form');
    await form.waitFor();
    assert.equal(await page.getByTestId('details-title').inputValue(), articleTitle);

    await page.getByTestId('details-published').fill('not a date at all');
    await page.getByTestId('details-published').press('Enter');
    await contains(page.getByTestId('details-error'), 'not a date');
    await screenshot(page, 'details-error');

    await page.getByTestId('details-title').fill('Harbour dredging delayed by two weeks');
    await page.getByTestId('details-outlet').fill('Coastal Ledger (print)');
    await page.getByTestId('details-authors').fill('Mara Quint, Tomás Reyes');
    await page.getByTestId('details-published').fill('Apr 5, 2024, 9:15 AM IST');
    await page.getByTestId('details-kind').selectOption('filing');
    await page.getByTestId('details-published').press('Enter');
    await form.waitFor({ state: 'detached' });

    await hasText(page.getByTestId('reader-title'), 'Harbour dredging delayed by two weeks');
    await hasText(page.getByTestId('meta-outlet'), 'Coastal Ledger (print)');
    await hasText(page.getByTestId('meta-authors'), 'Mara Quint and Tomás Reyes');
    await hasText(page.getByTestId('meta-published'), '5 Apr 2024, 09:15 +05:30');
    const row = rows.filter({ hasText: 'Harbour dredging delayed by two weeks' });
    await contains(row.locator('.row-meta'), 'Coastal Ledger (print) · 5 Apr 2024');

    // Esc leaves the form without saving.
    await page.keyboard.press('e');
    await page.getByTestId('details-outlet').fill('Not saved');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await hasText(page.getByTestId('meta-outlet'), 'Coastal Ledger (print)');

    // The correction is stored, not only shown.
    await page.reload();
    await hasText(page.getByTestId('reader-title'), 'Harbour dredging delayed by two weeks');
    await hasText(page.getByTestId('meta-published'), '5 Apr 2024, 09:15 +05:30');
    await screenshot(page, 'details-saved');
  });

  assert.deepEqual(problems.errors, [], 'the page threw errors');
  assert.deepEqual(problems.dialogs, [], 'a dialog opened');
});

test('a page full of script vectors runs nothing', { timeout: 60_000 }, async (t) => {
  const { page, problems } = await newPage(t);
  const origin = new URL(env.server.url).origin;

  const summary = await importFiles(page, testdata('xss.html'));
  await contains(summary, '1 source imported');
  await closeImport(page);
  await hasText(page.getByTestId('reader-title'), 'Council publishes the harbour audit in full');
  await contains(reader(page), 'The council said it would answer every recommendation');
  // Escaped markup in the page is shown as the text it is.
  await contains(reader(page), '<script>window.__xss=6</script>');

  /** audit lists everything in the window that could run code. */
  const audit = () =>
    page.evaluate(() => {
      const found = [];
      const scope = document.querySelector('.reader');
      for (const el of scope.querySelectorAll('script, iframe, frame, object, embed, img, video, audio, source, form:not([data-testid="details-form"]), base, meta, link, style, svg:not(.icon), math, template')) {
        found.push(`<${el.tagName.toLowerCase()}> in the reader`);
      }
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          const v = a.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
          if (a.name.toLowerCase().startsWith('on')) found.push(`${a.name} on <${el.tagName.toLowerCase()}>`);
          if (/^(javascript|vbscript|data):/.test(v) && ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(a.name)) {
            found.push(`${a.name}="${a.value}" on <${el.tagName.toLowerCase()}>`);
          }
          if (a.name === 'style' && v.includes('javascript:')) found.push(`style="${a.value}"`);
          if (a.name === 'srcdoc') found.push(`srcdoc on <${el.tagName.toLowerCase()}>`);
        }
      }
      for (const s of document.scripts) if (!s.src || new URL(s.src).origin !== location.origin) found.push(`script ${s.src || '(inline)'}`);
      if (document.querySelectorAll('iframe, frame, object, embed').length) found.push('a frame or plug-in in the document');
      return { found, xss: window.__xss, parentXss: window.parent.__xss, href: location.href };
    });

  const check = async (when) => {
    await page.waitForTimeout(400); // let anything that was going to run, run
    const r = await audit();
    assert.deepEqual(r.found, [], `${when}: the page holds active content`);
    assert.equal(r.xss, undefined, `${when}: a script ran (window.__xss = ${r.xss})`);
    assert.equal(r.parentXss, undefined, `${when}: a frame's script ran`);
    assert.ok(r.href.startsWith(origin), `${when}: the page navigated to ${r.href}`);
  };

  await check('after import');

  // The vectors that need a click: a javascript: link and an onclick paragraph.
  for (const words of ['The report can be read at', 'Click me', 'Audit summary']) {
    const target = reader(page).getByText(words, { exact: false }).first();
    if (await target.count()) await target.click();
  }
  assert.equal(await reader(page).locator('a').count(), 0, 'the reader turned source text into links');
  await check('after clicking');

  // Removed text and the details form show source text too.
  const toggle = page.getByTestId('toggle-removed');
  if (await toggle.count()) {
    await toggle.click();
    await check('with removed text shown');
    await toggle.click();
  }
  await page.keyboard.press('e');
  await page.getByTestId('details-form').waitFor();
  await check('in the details form');
  await page.keyboard.press('Escape');

  // The library row and the search palette render the title and snippets.
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('auditors');
  await page.getByTestId('search-hit').first().waitFor();
  await check('in search results');
  await page.keyboard.press('Escape');
  await screenshot(page, 'xss');

  assert.deepEqual(problems.dialogs, [], 'a dialog opened: a script ran');
  assert.deepEqual(problems.errors, [], 'the page threw errors');
  const csp = problems.console.filter((m) => /Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(m));
  assert.deepEqual(csp, [], 'the page tried something the Content Security Policy refused');
});

test('a folder is imported with progress and a summary', { timeout: 60_000 }, async (t) => {
  const { page, problems } = await newPage(t);
  const titles = page.getByTestId('source-row').locator('.row-title');
  const before = await titles.count();
  const summary = await importFiles(page, testdata('folder'), { folder: true });
  await contains(summary, '3 sources imported');
  const progress = page.getByTestId('import-progress');
  assert.equal(await progress.getAttribute('data-state'), 'finished');
  const bar = progress.getByRole('progressbar');
  assert.equal(await bar.getAttribute('aria-valuenow'), '3');
  assert.equal(await bar.getAttribute('aria-valuemax'), '3');
  const results = page.getByTestId('import-file-result');
  assert.equal(await results.count(), 3);
  const names = (await results.locator('.file-name').allTextContents()).map(squash).sort();
  assert.deepEqual(names, ['folder/council-statement.txt', 'folder/ferry.html', 'folder/harbour-notes.md']);
  // The hidden file and the saved page's _files folder were left out, and said so.
  await contains(progress, 'left out of the folders');
  await screenshot(page, 'import-folder');
  await closeImport(page);

  await eventually(async () => (await titles.count()) === before + 3, async () => `${await titles.count()} sources, want ${before + 3}`);
  const all = (await titles.allTextContents()).map(squash);
  for (const want of ['Notes from the harbour visit', 'Statement from the council on the harbour audit', 'Ferry timetable changes for the summer']) {
    assert.ok(all.includes(want), `missing “${want}” in ${JSON.stringify(all)}`);
  }
  assert.deepEqual(problems.errors, [], 'the page threw errors');
});

test('a web address that cannot be reached says so', { timeout: 60_000 }, async (t) => {
  const { page, problems } = await newPage(t);
  const before = await page.getByTestId('source-row').count();
  await page.getByTestId('import-button').click();
  await page.getByRole('tab', { name: 'Web address' }).click();
  await contains(page.getByRole('tabpanel'), 'only time Sourcebook goes online');
  await page.getByTestId('import-url').fill('http://127.0.0.1:9/');
  await page.getByTestId('import-url').press('Enter');
  const error = page.getByTestId('import-url-error');
  await error.waitFor({ timeout: 40_000 });
  const message = squash(await error.textContent());
  assert.match(message, /127\.0\.0\.1:9/, `the error does not name the address: ${message}`);
  assert.match(message, /refused|could not|did not answer|offline/i, `the error does not say what happened: ${message}`);
  assert.equal(await error.getAttribute('role'), 'alert');
  await screenshot(page, 'import-url-error');

  // A bad address is refused in plain words too.
  await page.getByTestId('import-url').fill('ftp://example.org/file');
  await page.getByTestId('import-url-submit').click();
  await eventually(async () => /http/.test(squash(await error.textContent())) && !/127\.0\.0\.1/.test(squash(await error.textContent())), async () => `error is ${squash(await error.textContent())}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('source-row').count(), before, 'a source was added');
  assert.deepEqual(problems.errors, [], 'the page threw errors');
});
