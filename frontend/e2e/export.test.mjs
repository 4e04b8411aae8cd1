// End-to-end: File > Export, Merge and Backups against the real
// `sourcebook serve`, with both seed articles in a story. Browser mode has
// no native dialogs: exports go to the exports folder (SOURCEBOOK_EXPORT_DIR,
// a temporary folder here) under the name the page gives, and merges upload
// the file.
//
//   SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contains, eventually, hasText, screenshot, setUp, squash, tearDown, testdata } from './lib.mjs';

const seeds = ['000_9ee5f3e41cc3c9be.txt', '004_917a6aaec319a3a4.txt'];
const techDogs = 'Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!';
const storyTitle = 'Netflix and the messages';

let env = null;
let exportDir = '';

before(async () => {
  exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-exports-'));
  env = await setUp({ env: { SOURCEBOOK_EXPORT_DIR: exportDir } });
});

after(async () => {
  await tearDown(env);
  if (exportDir) fs.rmSync(exportDir, { recursive: true, force: true });
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

/** shots saves the page in the light and the dark theme. */
async function shots(page, name) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await screenshot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openFromFileMenu(page, item) {
  await page.getByTestId('file-menu').click();
  await page.getByTestId(`file-${item}`).click();
}

test('export, merge and backups from the File menu', { timeout: 120_000 }, async (t) => {
  const files = seeds.map((name) => ({ name, data: fs.readFileSync(testdata(name)).toString('base64') }));
  const results = await api('ImportFiles', files, 0);
  const ids = results.map((r) => r.source?.id).filter(Boolean);
  assert.equal(ids.length, 2, `import failed: ${JSON.stringify(results)}`);
  const story = await api('CreateStory', storyTitle);
  for (const id of ids) await api('AddToStory', story.id, id);

  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Refusals the test asks for ("already exists", a text file to merge) are
  // failed requests the browser logs; anything else logged as an error is a bug.
  page.on('console', (m) => {
    const where = m.location()?.url ?? '';
    if (m.type() === 'error' && !where.endsWith('/favicon.ico') && !/Failed to load resource/.test(m.text())) errors.push(`${m.text()} ${where}`);
  });
  t.after(() => context.close());

  const dialog = page.getByTestId('export-dialog');
  const nameField = page.getByTestId('export-name');
  let jsonName = '';

  await t.test('the File menu opens Export, with every format and the exports folder', async () => {
    await page.goto(env.server.url);
    await hasText(page.getByTestId('source-row').locator('.row-title'), techDogs);
    await page.getByTestId('file-menu').click();
    await page.getByRole('menu', { name: 'File' }).waitFor();
    await shots(page, 'file-menu');
    await page.getByTestId('file-export').click();
    await dialog.waitFor();
    for (const id of ['sqlite', 'json', 'markdown', 'csv', 'csl-json', 'bibtex', 'annotations', 'html']) {
      await page.getByTestId(`export-format-${id}`).waitFor({ state: 'attached' });
    }
    await hasText(page.getByTestId('export-folder'), exportDir);
    await eventually(async () => (await nameField.inputValue()) !== '', () => 'the file name is not suggested');
    await shots(page, 'export-form');
  });

  await t.test('exports JSON into the exports folder, and says where', async () => {
    await page.getByTestId('export-format-json').check();
    await eventually(
      async () => /^Sourcebook \d{4}-\d{2}-\d{2}\.json$/.test(await nameField.inputValue()),
      async () => `the suggested name is ${JSON.stringify(await nameField.inputValue())}`,
    );
    jsonName = await nameField.inputValue();
    await page.getByTestId('export-submit').click();
    await page.getByTestId('export-done').waitFor({ timeout: 20_000 });
    const where = path.join(exportDir, jsonName);
    assert.equal(await page.getByTestId('export-result-path').inputValue(), where);
    await contains(page.getByTestId('export-done'), '2 sources');
    const data = JSON.parse(fs.readFileSync(where, 'utf8'));
    assert.equal(data.format, 'sourcebook-notebook');
    await shots(page, 'export-done');
  });

  await t.test('the same name again says it already exists', async () => {
    await page.getByTestId('export-again').click();
    await nameField.waitFor();
    await eventually(async () => (await nameField.inputValue()) !== jsonName && (await nameField.inputValue()) !== '', () => 'a new name is not suggested');
    await nameField.fill(jsonName);
    await nameField.press('Enter');
    await contains(page.getByTestId('export-error'), 'already exists: choose another name');
    await shots(page, 'export-exists');
  });

  await t.test('the comparison report needs a story, and compares its sources', async () => {
    await page.getByTestId('export-format-html').check();
    // The name typed follows the format's extension.
    await eventually(
      async () => (await nameField.inputValue()) === jsonName.replace(/\.json$/, '.html'),
      async () => `the name is ${JSON.stringify(await nameField.inputValue())}`,
    );
    await page.getByTestId('export-scope').selectOption('0');
    await contains(page.getByTestId('export-needs-story'), 'choose the story');
    assert.equal(await page.getByTestId('export-submit').isDisabled(), true);
    await shots(page, 'export-needs-story');
    await page.getByTestId('export-scope').selectOption({ label: `Story: ${storyTitle} · 2 sources` });
    await page.getByTestId('export-needs-story').waitFor({ state: 'detached' });
    await nameField.fill('Report.html');
    await page.getByTestId('export-submit').click();
    await page.getByTestId('export-done').waitFor({ timeout: 20_000 });
    const html = fs.readFileSync(path.join(exportDir, 'Report.html'), 'utf8');
    assert.match(html, /<html/i);
    assert.ok(html.includes('Netflix'), 'the report does not name its sources');
    await page.getByTestId('export-again').click();
  });

  await t.test('exports Markdown: a folder', async () => {
    await page.getByTestId('export-format-markdown').check();
    await page.getByTestId('export-scope').selectOption('0');
    await eventually(
      async () => /^Sourcebook \d{4}-\d{2}-\d{2} vault$/.test(await nameField.inputValue()),
      async () => `the suggested name is ${JSON.stringify(await nameField.inputValue())}`,
    );
    await nameField.fill('Vault');
    // Two seed articles export in milliseconds: hold the job's status at
    // "running" a moment to see the progress state.
    let held = true;
    await page.route('**/api/JobStatus', async (route) => {
      if (!held) return route.fallback();
      const [id] = route.request().postDataJSON();
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ id, kind: 'export', title: 'Exporting Markdown folder (Obsidian vault) to Vault', done: 1234, total: 2000, unit: 'sources', started: '', finished: false }),
      });
    });
    await page.getByTestId('export-submit').click();
    await contains(page.getByTestId('export-progress'), '1,234 of 2,000 sources');
    assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '62');
    await shots(page, 'export-running');
    held = false;
    await page.unroute('**/api/JobStatus');
    await Promise.race([
      page.getByTestId('export-done').waitFor({ timeout: 30_000 }),
      page.getByTestId('export-error').waitFor({ timeout: 30_000 }).then(async () => {
        assert.fail(`the Markdown export failed: ${squash(await page.getByTestId('export-error').textContent())}`);
      }),
    ]);
    const vault = path.join(exportDir, 'Vault');
    assert.equal(await page.getByTestId('export-result-path').inputValue(), vault);
    assert.ok(fs.statSync(vault).isDirectory(), `${vault} is not a folder`);
    const md = fs.readdirSync(vault, { recursive: true }).filter((f) => String(f).endsWith('.md'));
    assert.ok(md.length >= 2, `the vault holds ${JSON.stringify(md)}`);
  });

  await t.test('Ctrl+Shift+E opens Export and Esc closes it', async () => {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+E');
    await dialog.waitFor();
    // The keyboard starts on the format chosen last; the arrows choose another.
    await eventually(
      () => page.evaluate(() => document.activeElement?.matches('[data-testid="export-format-markdown"]:checked') ?? false),
      () => 'the format chosen last has no focus',
    );
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('export-format-csv').isChecked(), true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  await t.test('the File menu works from the keyboard', async () => {
    await page.getByTestId('file-menu').focus();
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'file-import'), () => 'Import… has no focus');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('merge-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('merge-dialog').waitFor({ state: 'detached' });
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'file-menu'), () => 'the focus did not go back to the File button');
  });

  const merge = page.getByTestId('merge-dialog');

  await t.test('merging the JSON export into the same notebook adds nothing', async () => {
    await openFromFileMenu(page, 'merge');
    await merge.waitFor();
    await shots(page, 'merge-form');
    await page.getByTestId('merge-file').setInputFiles(path.join(exportDir, jsonName));
    await contains(page.getByTestId('merge-chosen'), jsonName);
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('merge-done').waitFor({ timeout: 20_000 });
    await contains(page.getByTestId('merge-summary'), `everything in “${jsonName}” was already in the notebook`);
    await contains(page.getByTestId('merge-backup'), 'backed up as');
    await shots(page, 'merge-done');
    assert.equal((await api('Library')).sources.length, 2);
  });

  await t.test('Undo the merge restores the backup taken before it', async () => {
    await page.getByTestId('merge-undo').click();
    await contains(page.getByTestId('merge-backup'), 'The merge is undone');
    await hasText(page.getByTestId('reader-title'), techDogs);
    assert.equal((await api('Library')).sources.length, 2);
  });

  await t.test('a text file is refused in plain words', async () => {
    const txt = path.join(env.tmp, 'notes.txt');
    fs.writeFileSync(txt, 'Just some notes, not a notebook.\n');
    await page.getByTestId('merge-again').click();
    await page.getByTestId('merge-file').setInputFiles(txt);
    await page.getByTestId('merge-submit').click();
    await contains(page.getByTestId('merge-error'), 'notes.txt is not a Sourcebook notebook, a JSON export or a Web Annotation file');
    await shots(page, 'merge-error');
    await page.keyboard.press('Escape');
    await merge.waitFor({ state: 'detached' });
  });

  await t.test('Backups: back up now adds a row; restoring it keeps both sources', async () => {
    await openFromFileMenu(page, 'backups');
    const rows = page.getByTestId('backup-row');
    await rows.first().waitFor();
    const before = await rows.count();
    // The merge backed the notebook up first.
    assert.ok(before >= 1, 'no backup listed after the merge');
    assert.ok((await rows.evaluateAll((els) => els.map((e) => e.dataset.reason))).includes('merge'));
    await page.getByTestId('backup-now').click();
    await contains(page.getByTestId('backups-status'), 'Backed up as');
    await eventually(async () => (await rows.count()) === before + 1, async () => `${await rows.count()} rows, want ${before + 1}`);
    assert.equal(await rows.first().getAttribute('data-reason'), 'manual');
    await contains(rows.first(), 'Backed up by you');
    await contains(rows.first(), 'just now');
    await shots(page, 'backups');

    await rows.first().getByTestId('backup-restore').click();
    await page.getByTestId('restore-confirm').waitFor();
    await contains(page.getByTestId('restore-confirm'), 'backed up (“Before a restore”)');
    await shots(page, 'backups-confirm');
    await page.getByTestId('restore-ok').click();
    await contains(page.getByTestId('backups-status'), 'Restored your backup');
    // The notebook as it was just before is now the newest backup.
    await eventually(async () => (await rows.first().getAttribute('data-reason')) === 'restore', () => 'no "restore" backup at the top');
    await page.keyboard.press('Escape');
    await page.getByTestId('backups-dialog').waitFor({ state: 'detached' });
    await eventually(async () => (await page.getByTestId('source-row').count()) === 2, () => 'the library does not show both sources');
    await contains(page.getByTestId('source-row'), techDogs);
    assert.equal((await api('Library')).sources.length, 2);
  });

  await t.test('merging an older export brings back a deleted source and keeps the later edit of a note', async () => {
    const note = await api('CreateNote', { body: 'Stone denies it', attach: null, tags: [] });
    const older = await api('Export', { format: 'json', storyId: 0, path: 'older.json', replace: false });
    const lib = await api('Library');
    const gone = lib.sources.find((x) => x.title !== techDogs);
    await api('DeleteSource', gone.id);
    await new Promise((r) => setTimeout(r, 1100)); // a later second than the export's copy
    await api('UpdateNote', note.id, 'Stone denies it, twice');
    await page.reload(); // the changes were made behind the page's back
    await eventually(async () => (await page.getByTestId('source-row').count()) === 1, () => 'the deleted source is still listed');

    await openFromFileMenu(page, 'merge');
    await page.getByTestId('merge-file').setInputFiles(older.path);
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('merge-done').waitFor({ timeout: 20_000 });
    await contains(page.getByTestId('merge-summary'), 'Added 1 source');
    await contains(page.getByTestId('merge-summary'), '1 conflict: the later edit was kept');
    await contains(page.getByTestId('merge-conflicts'), 'Stone denies it');
    await contains(page.getByTestId('merge-conflicts'), 'Kept this notebook’s version');
    await shots(page, 'merge-added');
    // The library shows the source again without a reload.
    await eventually(async () => (await page.getByTestId('source-row').count()) === 2, () => 'the merged source is not listed');
    assert.equal((await api('Note', note.id)).body, 'Stone denies it, twice');
    await page.getByTestId('merge-close').click();
    await merge.waitFor({ state: 'detached' });
  });

  await t.test('the command palette has Export, Merge and Backups', async () => {
    await page.keyboard.press('Control+Shift+P');
    const input = page.getByTestId('command-input');
    await input.fill('backups');
    await contains(page.getByTestId('command'), 'Backups…');
    await input.fill('merge a');
    await contains(page.getByTestId('command'), 'Merge a notebook…');
    await input.fill('export');
    await contains(page.getByTestId('command'), 'Export…');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
  });

  assert.deepEqual(errors, []);
});
