// Benchmark: how smoothly the compare view renders two long sources. Starts
// the real `sourcebook serve` on a fresh notebook (as the e2e tests do),
// imports two generated ~10,000-word articles that share many paragraphs
// (some word for word, some edited, some moved) and have many of their own,
// opens the compare view for the two and measures, in Chromium:
//
//   - the time from choosing "Compare" to both columns being painted, and
//     to all their text being in the page, with the frames of that wait;
//   - frame times while scrolling each column from top to bottom with mouse
//     wheel steps, and while stepping through the shared passages with J
//     (requestAnimationFrame deltas and 'longtask' entries in the page).
//
// The target: no frame over 50 ms while scrolling or stepping. Beside the
// frames, the main thread's CPU time for each (its script, its style and
// layout), which a busy machine does not inflate as it does frame times:
// compare runs, not single numbers. Opening is reported beside them (it
// includes tearing down the reader and building the view once). Not a
// test (npm run e2e skips it):
//
//   make bench-frontend
//   SOURCEBOOK_BIN=/path/to/sourcebook node e2e/bench-compare.mjs [--words N] [--strict]
//
// --strict exits 1 when a frame of scrolling or stepping is over the target.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setUp, sleep, tearDown } from './lib.mjs';

/** Target: no frame longer than this, in milliseconds. */
export const frameBudget = 50;

// A small deterministic random source (mulberry32), so every run reads the same texts.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plausible news prose: templates filled from word lists and from made-up
// names, so two paragraphs written apart share little more than their
// grammar (as two outlets' own paragraphs do), and only the paragraphs
// shared on purpose are found shared.
const adjectives = `old new northern southern crowded quiet famous empty small public private historic damaged busy modern local coastal
  rural urban disputed costly delayed popular secret temporary permanent regional national foreign rising falling sudden gradual
  official unofficial early late annual weekly expensive cheaper larger smaller`.split(/\s+/);
const nouns = `harbour library railway market clinic stadium archive tunnel orchard warehouse museum ferry reservoir courthouse bakery
  newsroom station garden bridge mill budget contract inquiry report tender licence pension subsidy ballot strike protest survey
  audit lawsuit ruling merger tariff loan grant campaign hearing scheme council airport hospital factory school prison estate
  pipeline refinery quarry vineyard brewery cinema theatre`.split(/\s+/);
const pastVerbs = `collapsed reopened expanded closed flooded stalled doubled halved failed recovered shrank grew moved changed
  opened ended resumed slowed`.split(/\s+/);
const sayVerbs = `said confirmed denied announced warned argued reported insisted acknowledged suggested claimed revealed disputed
  estimated promised conceded maintained`.split(/\s+/);
const roles = `mayor minister spokeswoman spokesman director treasurer chairman inspector auditor prosecutor lawyer economist
  engineer surgeon teacher farmer historian`.split(/\s+/);
const times = `on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|last spring|in early March|late in the evening|after midnight|
  before the summer|at the weekend|in the autumn|this winter|two years ago|earlier this month|in the small hours`.split(/\|\s*/);
const months = 'January February March April May June July August September October November December'.split(' ');
const syllables = `ka ber mon tal vis ron del mar sen dor lin gar fel hal tor ven ris lam cor pen nal sor bel wen dra qui mel har
  lo vin ost arn`.split(/\s+/);

function makeWords(rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const made = () => {
    const n = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(syllables);
    return w[0].toUpperCase() + w.slice(1);
  };
  return { pick, made };
}

const a = (word) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** sentence is one plausible news sentence; sometimes a direct quote with its speaker. */
function sentence(rnd) {
  const { pick, made } = makeWords(rnd);
  const place = () => `the ${pick(adjectives)} ${pick(nouns)} in ${made()}`;
  const person = () => `${made()} ${made()}, the ${pick(roles)} of ${made()}`;
  const n = 2 + Math.floor(rnd() * 9000);
  switch (Math.floor(rnd() * 7)) {
    case 0:
      return `“The ${pick(nouns)} ${pick(pastVerbs)} because nobody listened to the ${pick(nouns)} staff, and we ${pick(sayVerbs)} so ${pick(times)},” said ${person()}.`;
    case 1:
      return `${person()} ${pick(sayVerbs)} ${pick(times)} that ${place()} had ${pick(pastVerbs)} after the ${pick(nouns)}.`;
    case 2:
      return `According to ${a(pick(adjectives))} ${pick(nouns)} published in ${pick(months)}, ${n} residents of ${made()} lost money when ${place()} ${pick(pastVerbs)}.`;
    case 3:
      return `The ${pick(adjectives)} ${pick(nouns)} at ${made()} ${pick(pastVerbs)} ${pick(times)}, and ${made()} officials ${pick(sayVerbs)} the cost was ${n} thousand.`;
    case 4:
      return `Work on ${place()} began in ${pick(months)} ${1990 + (n % 34)}, long before the ${pick(nouns)} ${pick(pastVerbs)}.`;
    case 5:
      return `${made()}, ${a(pick(roles))} who lives near ${place()}, ${pick(sayVerbs)} that the ${pick(adjectives)} ${pick(nouns)} was never explained.`;
    default:
      return `By ${pick(months)}, the ${pick(nouns)} of ${made()} had ${pick(pastVerbs)} and the ${pick(adjectives)} ${pick(nouns)} had ${pick(pastVerbs)} too.`;
  }
}

function paragraph(rnd, words) {
  const out = [];
  let count = 0;
  while (count < words) {
    const s = sentence(rnd);
    out.push(s);
    count += s.split(/\s+/).length;
  }
  return out.join(' ');
}

/** edit rewords a paragraph a little: a replaced word, a dropped sentence, an added clause. */
function edit(rnd, text) {
  const sentences = text.split(/(?<=[.!?”])\s+/);
  if (sentences.length > 3 && rnd() < 0.5) sentences.splice(1 + Math.floor(rnd() * (sentences.length - 2)), 1);
  const words = sentences.join(' ').split(' ');
  const swaps = { said: 'stated', the: 'this', that: 'how', had: 'has', residents: 'people', began: 'started', never: 'not', officials: 'aides' };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (swaps[w] && rnd() < 0.25) words[i] = swaps[w];
  }
  return `${words.join(' ')} ${rnd() < 0.5 ? 'The details were not made public.' : ''}`.trim();
}

/**
 * makePair writes two articles of about `words` words each that share many
 * paragraphs: about half the shared ones word for word, a third edited, the
 * rest moved to another place in the second article; each also has as many
 * paragraphs of its own. Returns the two texts, title first.
 */
export function makePair(words = 10_000, seed = 7) {
  const rnd = random(seed);
  const per = 75; // words a paragraph, about
  const total = Math.max(4, Math.round(words / per));
  const sharedCount = Math.round(total * 0.45);
  const ownCount = total - sharedCount;
  const shared = Array.from({ length: sharedCount }, () => paragraph(rnd, 40 + Math.floor(rnd() * 70)));
  const own = (n) => Array.from({ length: n }, () => paragraph(rnd, 40 + Math.floor(rnd() * 70)));
  // How each shared paragraph reaches B: 0 verbatim, 1 edited, 2 moved.
  const fate = shared.map(() => {
    const r = rnd();
    return r < 0.5 ? 0 : r < 0.83 ? 1 : 2;
  });
  const mix = (mine, theirs) => {
    // Interleave in order, the unique ones scattered between the shared ones.
    const out = [];
    let i = 0;
    let j = 0;
    while (i < mine.length || j < theirs.length) {
      if (j >= theirs.length || (i < mine.length && rnd() < mine.length / (mine.length + theirs.length))) out.push(mine[i++]);
      else out.push(theirs[j++]);
    }
    return out;
  };
  const a = mix(own(ownCount), shared);
  const inOrder = shared.flatMap((p, i) => (fate[i] === 2 ? [] : [fate[i] === 1 ? edit(rnd, p) : p]));
  const b = mix(own(ownCount), inOrder);
  for (const [i, p] of shared.entries()) {
    if (fate[i] !== 2) continue;
    b.splice(Math.floor(rnd() * (b.length + 1)), 0, p);
  }
  return {
    a: ['Harbour plan faces new delays as costs rise', '', ...a.flatMap((p) => [p, ''])].join('\n'),
    b: ['Costs climb and delays mount for the harbour plan', '', ...b.flatMap((p) => [p, ''])].join('\n'),
  };
}

/** importPair imports the two texts into the server's notebook and returns their titles. */
export async function importPair(server, texts, names = ['harbour-a.txt', 'harbour-b.txt']) {
  const files = [texts.a, texts.b].map((t, i) => ({ name: names[i], data: Buffer.from(t).toString('base64') }));
  const res = await fetch(`${server.origin}/api/ImportFiles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sourcebook-Token': server.token },
    body: JSON.stringify([files, 0]),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`ImportFiles answered ${res.status}: ${body}`);
  const results = JSON.parse(body);
  if (results.filter((r) => r.source).length !== 2) throw new Error(`import failed: ${body.slice(0, 500)}`);
  return results.map((r) => r.source);
}

// In the page: a requestAnimationFrame loop and a 'longtask' observer.
function installProbe() {
  const w = /** @type {any} */ (window);
  if (w.__bench) return;
  let frames = [];
  let longs = [];
  let running = false;
  let last = 0;
  const loop = (t) => {
    if (!running) return;
    frames.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  new PerformanceObserver((list) => {
    if (running) for (const e of list.getEntries()) longs.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  w.__bench = {
    start() {
      frames = [];
      longs = [];
      running = true;
      requestAnimationFrame((t) => {
        last = t;
        requestAnimationFrame(loop);
      });
    },
    stop() {
      running = false;
      return { frames, longs };
    },
  };
}

/**
 * measuring starts the page's frame probe and reads the main thread's CPU
 * time (Performance.getMetrics in thread time: unlike frame times, it does
 * not grow when other processes share the machine); its stop() returns both.
 */
async function measuring(page, cdp) {
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await page.evaluate(() => /** @type {any} */ (window).__bench.start());
  return {
    async stop() {
      const seen = await page.evaluate(() => /** @type {any} */ (window).__bench.stop());
      const after = await metrics();
      const ms = (k) => (after[k] - before[k]) * 1000;
      return { ...seen, cpu: ms('TaskDuration'), script: ms('ScriptDuration'), layout: ms('LayoutDuration') + ms('RecalcStyleDuration') };
    },
  };
}

function stats(name, { frames, longs, cpu, script, layout }) {
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
    cpu,
    script,
    layout,
  };
}

function table(rows) {
  const head = ['scenario', 'frames', 'p50 ms', 'p95 ms', 'max ms', `>${frameBudget} ms`, 'long tasks', 'longest ms', 'CPU ms', 'script', 'style+layout'];
  const body = rows.map((r) =>
    [r.name, r.frames, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.over, r.longTasks, r.longest.toFixed(0), r.cpu.toFixed(0), r.script.toFixed(0), r.layout.toFixed(0)].map(
      String,
    ),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** scrollThrough wheels a column from its top to its bottom, a notch at a time. */
async function scrollThrough(page, cdp, testId) {
  const col = page.getByTestId(testId);
  await col.evaluate((el) => {
    for (const c of document.querySelectorAll('.cmp-col')) c.scrollTop = 0;
  });
  await sleep(400);
  const box = await col.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const probe = await measuring(page, cdp);
  for (let step = 0; step < 3000; step++) {
    await page.mouse.wheel(0, 100);
    await sleep(12);
    if (step % 10 === 9 && (await col.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2))) break;
  }
  await sleep(300);
  return probe.stop();
}

async function main() {
  const args = process.argv.slice(2);
  const words = Number(args[args.indexOf('--words') + 1]) || 10_000;
  const strict = args.includes('--strict');
  const env = await setUp();
  try {
    const texts = makePair(words);
    const count = (t) => t.split(/\s+/).filter(Boolean).length;
    const t0 = Date.now();
    const [a] = await importPair(env.server, texts);
    console.log(`imported two sources of ${count(texts.a)} and ${count(texts.b)} words in ${Date.now() - t0} ms`);

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url);
    await page.getByTestId('source-row').filter({ hasText: a.title }).click();
    await page.getByTestId('reader-title').waitFor();
    await page.getByTestId('compare-button').click();
    const picker = page.getByTestId('compare-picker');
    await picker.waitFor();
    await picker.getByTestId('compare-pick').first().waitFor(); // the library's page arrives after the picker opens
    const boxes = picker.getByTestId('compare-pick');
    for (let i = 0; i < (await boxes.count()); i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
    await page.evaluate(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    let probe = await measuring(page, cdp);

    // Open: from the click on Compare to both columns painted (its frames
    // include the wait for the server, its long tasks are the view's own).
    // Both columns painted with their first shared passages, and with all their text (the view adds long texts a slice a frame).
    const rendered = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const w = /** @type {any} */ (window);
            const cols = () => ['left', 'right'].map((s) => document.querySelector(`[data-testid="compare-${s}"]`));
            const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - w.__openAt))));
            let first = 0;
            const check = async () => {
              if (!first && cols().every((c) => c?.querySelector('[data-testid="shared-text"]'))) first = await painted();
              if (first && cols().every((c) => c?.getAttribute('aria-busy') !== 'true')) resolve([first, await painted()]);
              else requestAnimationFrame(check);
            };
            check();
          }),
      );
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__openAt = performance.now();
      /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid="compare-open"]')).click();
    });
    const [openMs, fullMs] = await rendered();
    await sleep(300);
    const rows = [stats('open the view', await probe.stop())];
    const passages = await page.evaluate(
      () => new Set([...document.querySelectorAll('[data-testid="compare-left"] [data-passage]')].map((e) => /** @type {HTMLElement} */ (e).dataset.passage)).size,
    );
    const heights = await page.evaluate(() => [...document.querySelectorAll('.cmp-col')].map((c) => c.scrollHeight));

    // Open again: the same comparison once more (Esc, then C), to see the view's own share.
    await page.keyboard.press('Escape');
    await page.getByTestId('reader-title').waitFor();
    await page.getByTestId('compare-button').click();
    await picker.waitFor();
    await picker.getByTestId('compare-pick').first().waitFor(); // the library's page arrives after the picker opens
    for (let i = 0; i < (await boxes.count()); i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__openAt = performance.now();
      /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid="compare-open"]')).click();
    });
    const [reopenMs, refullMs] = await rendered();
    await sleep(500);

    rows.push(stats('scroll left column', await scrollThrough(page, cdp, 'compare-left')));
    rows.push(stats('scroll right column', await scrollThrough(page, cdp, 'compare-right')));

    // J through the shared passages: each press lights one and scrolls both columns to it.
    await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
    probe = await measuring(page, cdp);
    const steps = Math.min(passages, 60);
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press('j');
      await sleep(150);
    }
    await sleep(500);
    rows.push(stats(`J through ${steps} passages`, await probe.stop()));

    console.log(`${passages} shared passages; columns ${heights.join(' and ')} px tall`);
    console.log(
      `open: ${openMs.toFixed(0)} ms from choosing Compare to both columns painted, ${fullMs.toFixed(0)} ms to all their text ` +
        `(again: ${reopenMs.toFixed(0)} and ${refullMs.toFixed(0)} ms)`,
    );
    console.log('');
    console.log(table(rows));
    const worst = Math.max(...rows.slice(1).map((r) => r.max));
    console.log('');
    console.log(
      worst > frameBudget
        ? `OVER TARGET: a frame of scrolling or stepping took ${worst.toFixed(0)} ms (target ${frameBudget} ms)`
        : `within target: no frame of scrolling or stepping over ${frameBudget} ms`,
    );
    if (errors.length) {
      console.error(`script errors on the page:\n${errors.join('\n')}`);
      process.exitCode = 1;
    } else if (strict && worst > frameBudget) process.exitCode = 1;
    await context.close();
  } finally {
    await tearDown(env);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
