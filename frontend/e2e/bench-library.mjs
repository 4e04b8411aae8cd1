// Benchmark: the library (the sidebar's list of sources) of a notebook of
// 100,000 sources. Starts the real `sourcebook serve` on a notebook made by
// the Go benchmarks' generator (app/search_bench_test.go: 10 quotes per
// source, a note per two sources, 1,000 stories), and measures, in Chromium:
//
//   - LibraryPage(), the call the list makes for each page of 200 sources it
//     shows: its time and size for the first page, one in the middle, the
//     last and a filtered one, as the server answers them, several times;
//   - the time from loading the page to the first row of the library painted,
//     with the long tasks of that start;
//   - frame times (requestAnimationFrame deltas) and long tasks while
//     scrolling the library a wheel notch at a time, while sweeping it from
//     top to bottom in wheel steps, and while moving through it with the
//     keys (End, Home, arrows);
//   - the JS heap and the number of DOM nodes after the start and after the
//     scrolling (CDP Performance.getMetrics, after a garbage collection).
//
// The notebook is generated once (minutes for 100,000 sources: about 3 GB)
// and kept, by default at $TMPDIR/sourcebook-bench-library-N.db; delete it
// after changing the generator. Timings on a busy machine vary: compare runs,
// not single numbers. Not a test (npm run e2e skips it):
//
//   make bench-frontend
//   SOURCEBOOK_BIN=/path/to/sourcebook node e2e/bench-library.mjs [--sources N] [--db PATH] [--strict]
//
// SOURCEBOOK_BENCH_SOURCES and SOURCEBOOK_BENCH_DB are read too (as the Go
// benchmarks read them). --strict exits 1 when a frame of scrolling is over
// the target, rows were missing where the list was in view, or still on
// their way once the scrolling stopped. With
// SCREENSHOT_DIR set, the library is shot in the middle of the list, light
// and dark.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { here, launchBrowser, shotDir, sleep, startServer, stopServer } from './lib.mjs';

/** Target: no frame of scrolling longer than this, in milliseconds. */
export const frameBudget = 50;

const repo = path.resolve(here, '..', '..');

function options() {
  const args = process.argv.slice(2);
  const get = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sources = Number(get('--sources') ?? process.env.SOURCEBOOK_BENCH_SOURCES ?? 100_000);
  if (!Number.isInteger(sources) || sources < 10) throw new Error(`--sources ${sources}: want a whole number, at least 10`);
  const db = get('--db') ?? process.env.SOURCEBOOK_BENCH_DB ?? path.join(os.tmpdir(), `sourcebook-bench-library-${sources}.db`);
  return { sources, db, strict: args.includes('--strict') };
}

/** ensureNotebook generates the notebook with the Go benchmarks' generator unless it is there. */
function ensureNotebook({ sources, db }) {
  if (fs.existsSync(db)) return;
  console.log(`generating a notebook of ${sources} sources at ${db} (the Go benchmarks' generator; minutes for 100,000)…`);
  const t0 = Date.now();
  const r = spawnSync('go', ['test', '-run', '^$', '-bench', '^BenchmarkOpenSource$', '-benchtime', '1x', '-timeout', '90m', './app'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, SOURCEBOOK_BENCH_SOURCES: String(sources), SOURCEBOOK_BENCH_DB: db },
  });
  if (r.status !== 0 || !fs.existsSync(db)) throw new Error(`generating the notebook failed (go test exited ${r.status})`);
  console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** timeLibrary calls LibraryPage() as the page does and times the answers, and parsing them here. */
async function timeLibrary(server, times) {
  const call = async (req) => {
    const t0 = performance.now();
    const res = await fetch(`${server.origin}/api/LibraryPage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': server.token },
      body: JSON.stringify([{ filter: '', offset: 0, limit: 200, around: 0, ...req }]),
    });
    const body = await res.text();
    const t1 = performance.now();
    if (res.status !== 200) throw new Error(`LibraryPage answered ${res.status}: ${body.slice(0, 300)}`);
    const page = JSON.parse(body);
    return { ms: t1 - t0, parseMs: performance.now() - t1, bytes: body.length, total: page.total, all: page.all };
  };
  const first = await call({});
  const out = { first: [first], middle: [], last: [], filtered: [] };
  for (let i = 0; i < times; i++) {
    if (i > 0) out.first.push(await call({}));
    out.middle.push(await call({ offset: Math.floor(first.all / 2 / 200) * 200 }));
    out.last.push(await call({ offset: Math.max(0, Math.floor((first.all - 1) / 200) * 200) }));
    out.filtered.push(await call({ filter: 'the ledger' }));
  }
  return out;
}

// In the page, from before its scripts run: long tasks, the time the first
// library row is painted, and a requestAnimationFrame loop to start and stop.
function installProbe() {
  const w = /** @type {any} */ (window);
  const probe = { frames: [], longs: [], startLongs: [], running: false };
  w.__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) (probe.running ? probe.longs : probe.startLongs).push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  w.__firstRow = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('[data-testid="source-row"]')) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  let last = 0;
  const loop = (t) => {
    if (!probe.running) return;
    probe.frames.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  probe.start = () => {
    probe.frames = [];
    probe.longs = [];
    probe.running = true;
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(loop);
    });
  };
  probe.stop = () => {
    probe.running = false;
    return { frames: probe.frames, longs: probe.longs };
  };
}

function stats(name, { frames, longs }, extra = '') {
  const sorted = [...frames].sort((x, y) => x - y);
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  return {
    name,
    frames: frames.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.length ? sorted[sorted.length - 1] : 0,
    over: frames.filter((f) => f > frameBudget).length,
    longTasks: longs.length,
    longest: longs.length ? Math.max(...longs) : 0,
    extra,
  };
}

function table(rows) {
  const head = ['scenario', 'frames', 'p50 ms', 'p95 ms', 'max ms', `>${frameBudget} ms`, 'long tasks', 'longest ms', ''];
  const body = rows.map((r) =>
    [r.name, r.frames, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.over, r.longTasks, r.longest.toFixed(0), r.extra].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** memory collects garbage, then reads the JS heap and DOM size from the DevTools protocol. */
async function memory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { heap: m.JSHeapUsedSize ?? 0, total: m.JSHeapTotalSize ?? 0, nodes: m.Nodes ?? 0 };
}

/** blankAt reports whether the middle of the library pane shows the list's background where a row should be. */
function blankProbe() {
  const tree = document.querySelector('nav.tree');
  const list = tree?.querySelector('ul.rows');
  if (!tree || !list) return '';
  const t = tree.getBoundingClientRect();
  const l = list.getBoundingClientRect();
  const y = t.top + t.height / 2;
  if (y < l.top || y > l.bottom) return ''; // past the list: stories or tags
  const at = document.elementFromPoint(t.left + t.width / 2, y);
  // A row whose page is on its way is drawn as a placeholder.
  return !at?.closest('.row') ? 'blank' : at.closest('.row-loading') ? 'loading' : '';
}

/**
 * wheel scrolls the library with the mouse wheel, `delta` pixels a step,
 * until its bottom or `maxSteps`, checking now and then that rows are drawn
 * where the list is.
 */
async function wheel(page, delta, maxSteps, maxMs = 90_000) {
  const tree = page.locator('nav.tree');
  await tree.evaluate((el) => (el.scrollTop = 0));
  await sleep(400);
  const box = await tree.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => /** @type {any} */ (window).__bench.start());
  const t0 = Date.now();
  let checks = 0;
  let blanks = 0;
  let loading = 0;
  let steps = 0;
  for (; steps < maxSteps && Date.now() - t0 < maxMs; steps++) {
    await page.mouse.wheel(0, delta);
    await sleep(12);
    if (steps % 10 === 9) {
      const probe = await page.evaluate(blankProbe);
      const bottom = await tree.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
      checks++;
      if (probe === 'blank') blanks++;
      if (probe === 'loading') loading++;
      if (bottom) break;
    }
  }
  await sleep(300);
  const frames = await page.evaluate(() => /** @type {any} */ (window).__bench.stop());
  const top = await tree.evaluate((el) => [el.scrollTop, el.scrollHeight]);
  // Once the scrolling stops, the rows in view have arrived.
  const settled = await page.evaluate(blankProbe);
  return { frames, steps, blanks, loading, checks, settled, reached: top[0], height: top[1] };
}

/** keys moves through the list from a focused row: End, Home, then ArrowDown `downs` times. */
async function keys(page, downs) {
  const row = page.getByTestId('source-row').first();
  await page.locator('nav.tree').evaluate((el) => (el.scrollTop = 0));
  await sleep(300);
  await row.click();
  await sleep(500);
  await page.evaluate(() => /** @type {any} */ (window).__bench.start());
  const jump = async (key) => {
    const t0 = Date.now();
    await page.keyboard.press(key);
    // The row the key chose is focused and in view.
    for (;;) {
      const ok = await page.evaluate((key) => {
        const a = document.activeElement;
        if (!a?.matches?.('[data-testid="source-row"]')) return false;
        const rows = document.querySelector('nav.tree ul.rows');
        const set = Number(a.closest('li')?.getAttribute('aria-setsize') ?? 0);
        const pos = Number(a.closest('li')?.getAttribute('aria-posinset') ?? 0);
        const want = key === 'End' ? set : 1;
        const tree = document.querySelector('nav.tree').getBoundingClientRect();
        const r = a.getBoundingClientRect();
        const inView = r.top >= tree.top - 1 && r.bottom <= tree.bottom + 1;
        // Without aria-posinset (a list that is not virtual) the last row is the list's last.
        const last = rows?.lastElementChild?.contains(a);
        return inView && (set ? pos === want : key === 'End' ? last : rows?.firstElementChild?.contains(a));
      }, key);
      if (ok) break;
      if (Date.now() - t0 > 60_000) throw new Error(`${key} did not reach its row in 60 s`);
      await sleep(10);
    }
    return Date.now() - t0;
  };
  const end = await jump('End');
  await sleep(300);
  const home = await jump('Home');
  await sleep(300);
  for (let i = 0; i < downs; i++) {
    await page.keyboard.press('ArrowDown');
    await sleep(60);
  }
  await sleep(300);
  const frames = await page.evaluate(() => /** @type {any} */ (window).__bench.stop());
  return { frames, end, home };
}

async function main() {
  const opt = options();
  const bin = process.env.SOURCEBOOK_BIN;
  if (!bin) throw new Error('SOURCEBOOK_BIN is not set: build the binary, then SOURCEBOOK_BIN=/path/to/sourcebook node e2e/bench-library.mjs');
  ensureNotebook(opt);
  const server = await startServer(bin, ['--db', opt.db, 'serve', '--addr', '127.0.0.1:0']);
  const browser = await launchBrowser(['--enable-precise-memory-info']);
  try {
    const lib = await timeLibrary(server, 4);
    const first = lib.first[0];
    console.log(`notebook: ${opt.db}: ${first.all} sources`);
    for (const [name, calls] of Object.entries(lib)) {
      console.log(
        `LibraryPage() ${name}: ${calls.map((l) => l.ms.toFixed(0)).join(', ')} ms over HTTP${name === 'first' ? ' (first cold)' : ''}, ` +
          `${(calls[0].bytes / 1e3).toFixed(0)} kB of JSON, ${calls[0].total} listed`,
      );
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    await page.goto(server.url);
    const firstRow = await page.evaluate(() => /** @type {any} */ (window).__firstRow);
    const load = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      const call = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/LibraryPage'));
      return {
        longs: [...w.__bench.startLongs],
        libraryMs: call ? call.responseEnd - call.startTime : 0,
        libraryAt: call ? call.responseEnd : 0,
        rows: document.querySelectorAll('[data-testid="source-row"]').length,
      };
    });
    await page.getByTestId('reader-title').waitFor();
    // What the start asks for after the library (the speakers list) has
    // arrived before the scrolling is timed.
    await page.waitForLoadState('networkidle');
    await sleep(1000);
    const atStart = await memory(cdp);

    const rows = [];
    const notch = await wheel(page, 100, 400);
    const seen = (w) => `blank ${w.blanks}/${w.checks}, loading ${w.loading}/${w.checks}${w.settled ? `, ${w.settled} after` : ''}`;
    rows.push(stats(`wheel: ${notch.steps} notches of 100 px`, notch.frames, seen(notch)));
    const height = notch.height;
    const sweep = await wheel(page, Math.ceil(height / 300), 400);
    rows.push(
      stats(`sweep: top to bottom in ${sweep.steps} wheel steps of ${Math.ceil(height / 300)} px`, sweep.frames, seen(sweep)),
    );
    if (shotDir) {
      // The middle of the list, a story opened below the first rows.
      await page.locator('nav.tree').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      await sleep(500);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await sleep(200);
        await page.screenshot({ path: path.join(shotDir, `bench-library-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const k = await keys(page, 40);
    rows.push(stats('keys: End, Home, 40 × ArrowDown', k.frames, `End ${k.end} ms, Home ${k.home} ms`));
    const atEnd = await memory(cdp);

    console.log(
      `first render: the first library row painted ${firstRow.toFixed(0)} ms after navigation ` +
        `(the first LibraryPage() answered at ${load.libraryAt.toFixed(0)} ms, taking ${load.libraryMs.toFixed(0)} ms in the page); ` +
        `${load.rows} rows in the page; ${load.longs.length} long tasks while starting, longest ${Math.max(0, ...load.longs).toFixed(0)} ms`,
    );
    console.log(
      `heap: ${mb(atStart.heap)} used (${mb(atStart.total)} allocated), ${atStart.nodes} DOM nodes after the start; ` +
        `${mb(atEnd.heap)} used, ${atEnd.nodes} DOM nodes after scrolling`,
    );
    console.log(`library pane: ${height} px tall`);
    console.log('');
    console.log(table(rows));
    const worst = Math.max(...rows.slice(0, 2).map((r) => r.max));
    console.log('');
    console.log(
      worst > frameBudget
        ? `OVER TARGET: a frame of scrolling took ${worst.toFixed(0)} ms (target ${frameBudget} ms)`
        : `within target: no frame of scrolling over ${frameBudget} ms`,
    );
    if (errors.length) {
      console.error(`script errors on the page:\n${errors.join('\n')}`);
      process.exitCode = 1;
    } else if (opt.strict && (worst > frameBudget || notch.blanks + sweep.blanks > 0 || notch.settled || sweep.settled)) process.exitCode = 1;
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await stopServer(server);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
