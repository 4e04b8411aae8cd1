// Benchmark: the Speakers page of a large notebook (the Go benchmarks'
// generated notebook of 100,000 sources quotes 20,000 people). Starts the
// real `sourcebook serve` on it and measures, in Chromium, the time from a
// click on "Speakers" to its rows painted, the longest task meanwhile, and
// the DOM nodes of the page once they are. It uses the notebook
// bench-library.mjs generates and keeps (run that first), or --db. Not a
// test (npm run e2e skips it); timings on a busy machine vary, so compare
// runs:
//
//   SOURCEBOOK_BIN=/path/to/sourcebook node e2e/bench-speakers.mjs [--sources N | --db PATH] [--runs N]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startServer, stopServer } from './lib.mjs';

const args = process.argv.slice(2);
const get = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sources = Number(get('--sources') ?? process.env.SOURCEBOOK_BENCH_SOURCES ?? 100_000);
const db = get('--db') ?? process.env.SOURCEBOOK_BENCH_DB ?? path.join(os.tmpdir(), `sourcebook-bench-library-${sources}.db`);
const runs = Number(get('--runs') ?? 3);
const bin = process.env.SOURCEBOOK_BIN;
if (!bin) throw new Error('SOURCEBOOK_BIN is not set: SOURCEBOOK_BIN=/path/to/sourcebook node e2e/bench-speakers.mjs [--sources N | --db PATH]');
if (!fs.existsSync(db)) throw new Error(`${db} does not exist: run e2e/bench-library.mjs first (it generates the notebook), or give --db`);

const server = await startServer(bin, ['--db', db, 'serve', '--addr', '127.0.0.1:0']);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(120_000);
  await page.goto(server.url);
  await page.getByTestId('source-row').first().waitFor();
  // The speakers arrive once the library shows; the page is measured with them at hand.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="speakers-entry"]')?.textContent?.replace(/\D/g, '')) > 0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  for (let run = 0; run < runs; run++) {
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const tasks = [];
          const po = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration)));
          po.observe({ type: 'longtask' });
          const start = performance.now();
          const done = () => {
            if (!document.querySelector('[data-testid="speaker-row"]')) return requestAnimationFrame(done);
            // The frame after the rows are in the page: they are painted.
            requestAnimationFrame(() =>
              setTimeout(() => {
                po.disconnect();
                resolve({ painted: performance.now() - start, longest: Math.max(0, ...tasks), rows: document.querySelectorAll('[data-testid="speaker-row"]').length });
              }, 0),
            );
          };
          document.querySelector('[data-testid="speakers-entry"]').click();
          requestAnimationFrame(done);
        }),
    );
    const { metrics } = await cdp.send('Performance.getMetrics');
    const nodes = metrics.find((m) => m.name === 'Nodes')?.value;
    console.log(
      `run ${run + 1}: Speakers painted ${ms.painted.toFixed(0)} ms after the click, longest task ${ms.longest.toFixed(0)} ms, ${ms.rows} rows and ${nodes} DOM nodes in the page`,
    );
    await page.getByTestId('back').click();
    await page.getByTestId('speakers-view').waitFor({ state: 'detached' });
  }
} finally {
  await browser.close();
  await stopServer(server);
}
