#!/usr/bin/env node
// A development stand-in for `sourcebook serve`: the browser-mode API of
// docs/api.md, in memory, serving the built UI from ../dist. It exists to work
// on the UI without the Go side; the real end-to-end test never uses it.
//
//   node e2e/mock-server.mjs [--db PATH] serve [--addr 127.0.0.1:0] [--seed] [--delay MS]
//
// Like the real server it prints "Sourcebook is serving URL" where URL carries
// ?token=..., sets a cookie for the page's assets, and refuses API calls whose
// X-Sourcebook-Token header is wrong. --seed loads the two example articles
// and a few invented sources; --delay slows every API answer.

import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const maxFileBytes = 25 * 1024 * 1024;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dbPath = opt('--db', '/tmp/mock-notebook.db');
const [host, port] = opt('--addr', '127.0.0.1:0').split(/:(?=\d+$)/);
const delay = Number(opt('--delay', '0'));
const token = process.env.MOCK_TOKEN || crypto.randomBytes(16).toString('hex');

class ApiError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
const status = { invalid: 400, notfound: 404, conflict: 409, toolarge: 413, internal: 500 };

// ---- the notebook, in memory ----

let nextId = 1;
const sources = []; // full sources, newest last
const stories = [];

const words = (t) => (t.match(/\S+/g) || []).length;
const norm = (t) => t.replace(/\s+/g, ' ').trim();
const hash = (t) => crypto.createHash('sha256').update(norm(t)).digest('hex');
const firstLine = (t) => (t.split('\n').find((l) => l.trim()) || 'Untitled').trim().slice(0, 300);

function summary(s) {
  const { text, url, updated, mediaType, originalName, hash: _h, ...sum } = s;
  return { ...sum, storyIds: stories.filter((st) => st.sourceIds.includes(s.id)).map((st) => st.id) };
}

function full(s) {
  const { hash: _h, ...rest } = s;
  return { ...rest, storyIds: summary(s).storyIds };
}

function story(id) {
  const st = stories.find((s) => s.id === id);
  if (!st) throw new ApiError('notfound', `There is no story ${id}.`);
  return st;
}

function source(id) {
  const s = sources.find((x) => x.id === id);
  if (!s) throw new ApiError('notfound', `There is no source ${id}; it may have been deleted.`);
  return s;
}

function add(text, { title = '', outlet = '', authors = [], published = '', originalName = '', url = '' } = {}, storyId = 0) {
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ApiError('invalid', 'The text is empty: paste or choose something to import.');
  if (storyId) story(storyId);
  const h = hash(text);
  const dup = sources.find((s) => s.hash === h);
  if (dup) return { source: summary(dup), duplicate: true };
  const s = {
    id: nextId++,
    uuid: crypto.randomUUID(),
    title: title.trim() || firstLine(text),
    outlet,
    authors,
    published,
    kind: 'article',
    words: words(text),
    importedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    url,
    updated: '',
    mediaType: 'text/plain',
    originalName,
    text,
    hash: h,
  };
  sources.push(s);
  if (storyId) story(storyId).sourceIds.unshift(s.id);
  return { source: summary(s), duplicate: false };
}

function search(query) {
  const terms = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (terms.length === 0) throw new ApiError('invalid', 'Type a word to search for.');
  const hits = [];
  for (const s of [...sources].reverse()) {
    const lower = s.text.toLowerCase();
    if (!terms.every((t) => lower.includes(t))) continue;
    const at = lower.indexOf(terms[0]);
    const start = Math.max(0, s.text.lastIndexOf(' ', Math.max(0, at - 60)) + 1);
    let end = s.text.indexOf(' ', Math.min(s.text.length, at + 140));
    if (end < 0) end = s.text.length;
    const piece = s.text.slice(start, end).replace(/\s+/g, ' ');
    const re = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'i');
    const snippet = [];
    if (start > 0) snippet.push({ text: '…', match: false });
    // split() with a capture group puts the matches at odd indexes.
    piece.split(re).forEach((part, i) => part && snippet.push({ text: part, match: i % 2 === 1 }));
    if (end < s.text.length) snippet.push({ text: '…', match: false });
    const count = terms.reduce((n, t) => n + lower.split(t).length - 1, 0);
    hits.push({ kind: 'source', id: s.id, sourceId: s.id, title: s.title, outlet: s.outlet, snippet, score: -count });
  }
  hits.sort((a, b) => a.score - b.score);
  return { query, hits };
}

const methods = {
  Ready: () => ({ version: 'mock', notebookPath: path.resolve(dbPath), mode: 'browser', schemaVersion: 1, sources: sources.length }),
  Library: () => ({
    stories: stories.map((s) => ({ ...s })),
    sources: [...sources].reverse().map(summary),
  }),
  Source: (id) => full(source(id)),
  ImportText: (req) => add(req?.text ?? '', { title: req?.title ?? '' }, req?.storyId ?? 0),
  ImportFiles: (files, storyId) =>
    (files || []).map((f) => {
      try {
        const bytes = Buffer.from(f.data || '', 'base64');
        if (bytes.length > maxFileBytes) throw new ApiError('toolarge', `${f.name} is larger than 25 MB.`);
        if (bytes.includes(0)) throw new ApiError('invalid', `${f.name} is not a text file (it contains binary data).`);
        const r = add(bytes.toString('utf8'), { originalName: f.name }, storyId || 0);
        return { name: f.name, source: r.source, duplicate: r.duplicate, error: '' };
      } catch (err) {
        return { name: f.name, source: null, duplicate: false, error: err.message };
      }
    }),
  DeleteSource: (id) => {
    const s = source(id);
    sources.splice(sources.indexOf(s), 1);
    for (const st of stories) st.sourceIds = st.sourceIds.filter((x) => x !== id);
    return null;
  },
  Search: (q) => search(String(q ?? '')),
  CreateStory: (title) => {
    title = String(title ?? '').trim();
    if (!title) throw new ApiError('invalid', 'A story needs a title.');
    if (stories.some((s) => s.title.toLowerCase() === title.toLowerCase())) throw new ApiError('conflict', `There is already a story called “${title}”.`);
    const st = { id: nextId++, uuid: crypto.randomUUID(), title, createdAt: new Date().toISOString(), sourceIds: [] };
    stories.push(st);
    return { ...st };
  },
  RenameStory: (id, title) => {
    title = String(title ?? '').trim();
    if (!title) throw new ApiError('invalid', 'A story needs a title.');
    story(id).title = title;
    return null;
  },
  DeleteStory: (id) => {
    stories.splice(stories.indexOf(story(id)), 1);
    return null;
  },
  AddToStory: (storyId, sourceId) => {
    const st = story(storyId);
    source(sourceId);
    if (!st.sourceIds.includes(sourceId)) st.sourceIds.unshift(sourceId);
    return null;
  },
  RemoveFromStory: (storyId, sourceId) => {
    const st = story(storyId);
    st.sourceIds = st.sourceIds.filter((x) => x !== sourceId);
    return null;
  },
};

if (args.includes('--seed')) seed();

function seed() {
  const data = path.join(here, 'testdata');
  const read = (f) => fs.readFileSync(path.join(data, f), 'utf8');
  const invented = [
    ['Harbour authority publishes revised dredging schedule', 'The Coastal Ledger', ['Mara Quint'], '2024-03-18', 'The harbour authority said on Monday that dredging of the eastern channel will start two weeks later than planned.\n\nA spokesperson said the delay “reflects the tender process, nothing more”.'],
    ['Council minutes: budget session of 26 March', 'Town Hall Records', [], '2024-03-26', 'Present: eleven members. The chair opened the session at 19:02.\n\nItem 1. The revised budget was adopted by nine votes to two.'],
    ['What the filing does and does not say', 'Example Review', ['J. Arden', 'K. Osei'], '2024-04-05', 'Reading the filing closely, three claims stand out, and only one of them is supported by the exhibits attached.\n\nThe first concerns access to message inboxes.'],
  ];
  for (const [title, outlet, authors, published, text] of invented) add(text, { title, outlet, authors, published });
  add(read('000_9ee5f3e41cc3c9be.txt'), { title: 'Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!', outlet: 'TechDogs', authors: ['Lakshana Raichandani'], published: '2024-04-04', url: 'https://www.techdogs.com/' });
  add(read('004_917a6aaec319a3a4.txt'), { outlet: 'MyNation', authors: ['Roshni Tamta'], published: '2024-04-03T14:29:00+05:30' });
  const st = methods.CreateStory('Meta and Netflix messages');
  methods.AddToStory(st.id, 4);
  methods.AddToStory(st.id, 5);
  methods.CreateStory('Harbour dredging');
}

// ---- HTTP ----

function cookieToken(req) {
  const m = /(?:^|;\s*)sourcebook_token=([^;]+)/.exec(req.headers.cookie || '');
  return m ? m[1] : '';
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'invalid', message: 'Use POST.' } });
    if (req.headers['x-sourcebook-token'] !== token) {
      return send(res, 401, { error: { code: 'unauthorized', message: 'This page may not use the notebook: the access token is missing or wrong.' } });
    }
    const fn = methods[url.pathname.slice(5)];
    if (!fn) return send(res, 404, { error: { code: 'notfound', message: `There is no method ${url.pathname.slice(5)}.` } });
    let body = '';
    for await (const chunk of req) body += chunk;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    try {
      const params = body ? JSON.parse(body) : [];
      return send(res, 200, fn(...params) ?? null);
    } catch (err) {
      if (err instanceof ApiError) return send(res, status[err.code] ?? 400, { error: { code: err.code, message: err.message } });
      console.error(err);
      return send(res, 500, { error: { code: 'internal', message: 'internal error' } });
    }
  }
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== token && cookieToken(req) !== token) {
    res.writeHead(401, { 'Content-Type': 'text/plain' });
    return res.end('Open the address that sourcebook serve printed (it carries the access token).\n');
  }
  const headers = {};
  if (fromUrl === token) headers['Set-Cookie'] = `sourcebook_token=${token}; Path=/; HttpOnly; SameSite=Strict`;
  let file = path.normalize(path.join(dist, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    return res.end('The UI is not built: run npm run build in frontend/.\n');
  }
  res.writeHead(200, { ...headers, 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  fs.createReadStream(file).pipe(res);
}

function send(res, code, value) {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    res.destroy();
  });
});
server.listen(Number(port || 0), host || '127.0.0.1', () => {
  const a = server.address();
  console.log(`Sourcebook is serving http://${a.address}:${a.port}/?token=${token}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
