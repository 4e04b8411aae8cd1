// Helpers shared by the end-to-end tests: start `sourcebook serve` on a
// fresh notebook, launch Debian's Chromium, and wait for things on the page.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const testdata = (...p) => path.join(here, 'testdata', ...p);
export const shotDir = process.env.SCREENSHOT_DIR || '';

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * setUp starts the server given by SOURCEBOOK_BIN on a notebook in a new
 * temporary directory and launches Chromium. tearDown undoes both.
 * `env` adds variables to the server's environment (SOURCEBOOK_EXPORT_DIR).
 */
export async function setUp({ env = {} } = {}) {
  const bin = process.env.SOURCEBOOK_BIN;
  if (!bin) {
    throw new Error('SOURCEBOOK_BIN is not set: build the binary, then run SOURCEBOOK_BIN=/path/to/sourcebook npm run e2e');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcebook-e2e-'));
  const server = await startServer(bin, ['--db', path.join(tmp, 'nb.db'), 'serve', '--addr', '127.0.0.1:0'], env);
  const browser = await launchBrowser();
  if (shotDir) fs.mkdirSync(shotDir, { recursive: true });
  return { tmp, server, browser };
}

/**
 * launchBrowser starts Debian's Chromium (or CHROMIUM) headless; launch()
 * gives every run a fresh temporary profile and removes it after.
 */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...launchArgs, ...extraArgs],
    headless: true,
  });
}

export async function tearDown(env) {
  if (!env) return;
  await env.browser?.close().catch(() => {});
  await stopServer(env.server);
  if (env.tmp) fs.rmSync(env.tmp, { recursive: true, force: true });
}

export function startServer(bin, args, env = {}) {
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none', ...env } });
  let out = '';
  let settled = false;
  const output = () => out.slice(-4000);
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => (out += d));
  process.on('exit', () => proc.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${bin} printed no "Sourcebook is serving URL" line within 20 s. Output:\n${output()}`));
    }, 20_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /Sourcebook is serving (\S+)/.exec(out);
      if (!m || settled) return;
      settled = true;
      clearTimeout(timer);
      const url = new URL(m[1]);
      const token = url.searchParams.get('token');
      if (!token) {
        reject(new Error(`the serving URL has no token: ${m[1]}`));
        return;
      }
      resolve({ proc, url: url.href, origin: url.origin, token, output });
    });
    proc.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${err.message}`));
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited (${signal ?? code}) before serving. Output:\n${output()}`));
    });
  });
}

export async function stopServer(server) {
  const proc = server?.proc;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** eventually polls check until it is true, else fails with describe()'s words. */
export async function eventually(check, describe, timeout = 8_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out: ${await describe()}`);
    await sleep(50);
  }
}

export const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** hasText waits until one of the locator's elements has exactly this text. */
export async function hasText(locator, want, timeout) {
  let seen = [];
  await eventually(
    async () => {
      seen = (await locator.allTextContents()).map(squash);
      return seen.includes(squash(want));
    },
    () => `want text ${JSON.stringify(want)}, have ${JSON.stringify(seen)}`,
    timeout,
  );
}

/** contains waits until one of the locator's elements contains this text. */
export async function contains(locator, want, timeout) {
  let seen = [];
  await eventually(
    async () => {
      seen = (await locator.allTextContents()).map(squash);
      return seen.some((s) => s.includes(squash(want)));
    },
    () => `want an element containing ${JSON.stringify(want)}, have ${JSON.stringify(seen.map((s) => s.slice(0, 200)))}`,
    timeout,
  );
}

/** lacks waits until none of the locator's elements contains this text. */
export async function lacks(locator, unwanted, timeout) {
  let seen = [];
  await eventually(
    async () => {
      seen = (await locator.allTextContents()).map(squash);
      return !seen.some((s) => s.includes(squash(unwanted)));
    },
    () => `want no element containing ${JSON.stringify(unwanted)}, have ${JSON.stringify(seen.map((s) => s.slice(0, 200)))}`,
    timeout,
  );
}

/** screenshot saves a PNG into SCREENSHOT_DIR when it is set. */
export async function screenshot(page, name) {
  if (shotDir) await page.screenshot({ path: path.join(shotDir, `e2e-${name}.png`) });
}
