#!/usr/bin/env node
// A development stand-in for `sourcebook serve`: the browser-mode API of
// docs/api.md, in memory, serving the built UI from ../dist. It exists to work
// on the UI without the Go side; the real end-to-end test never uses it.
//
//   node e2e/mock-server.mjs [--db PATH] serve [--addr 127.0.0.1:0] [--seed] [--delay MS] [--file-delay MS]
//
// Like the real server it prints "Sourcebook is serving URL" where URL carries
// ?token=..., sets a cookie for the page's assets, and refuses API calls whose
// X-Sourcebook-Token header is wrong. --seed loads the two example articles,
// the example web page and a few invented sources; --delay slows every API
// answer, --file-delay every file of ImportFiles. Its "extraction" of web
// pages is a crude stand-in for the real one: enough to show blocks and
// boilerplate in the UI, nothing more.

import http from 'node:http';
import https from 'node:https';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const maxFileBytes = 50 * 1024 * 1024;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dbPath = opt('--db', '/tmp/mock-notebook.db');
const [host, port] = opt('--addr', '127.0.0.1:0').split(/:(?=\d+$)/);
const delay = Number(opt('--delay', '0'));
const fileDelay = Number(opt('--file-delay', '0'));
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
const firstLine = (t) => (t.split('\n').find((l) => l.trim()) || 'Untitled').replace(/^\s*#+\s*/, '').trim().slice(0, 300);

function summary(s) {
  const { text, url, updated, mediaType, originalName, hash: _h, lang, description, extractor, blocks, ...sum } = s;
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

/** paragraphBlocks splits text at blank lines, offsets in code points. */
function paragraphBlocks(text) {
  const cps = Array.from(text);
  const out = [];
  let start = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || (cps[i] === '\n' && cps[i + 1] === '\n')) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(cps[s])) s++;
      while (e > s && /\s/.test(cps[e - 1])) e--;
      if (e > s) out.push({ kind: 'paragraph', level: 0, start: s, end: e, boilerplate: '' });
      start = i + 1;
    }
  }
  return out;
}

const contentOf = (s) => {
  const cps = Array.from(s.text);
  return s.blocks.filter((b) => !b.boilerplate).map((b) => cps.slice(b.start, b.end).join('')).join('\n\n');
};

function add(text, { title = '', outlet = '', authors = [], published = '', updated = '', originalName = '', url = '', blocks = null, lang = '', description = '', extractor = 'text', mediaType = 'text/plain' } = {}, storyId = 0) {
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ApiError('invalid', 'The text is empty: paste or choose something to import.');
  if (storyId) story(storyId);
  blocks ??= paragraphBlocks(text);
  const h = hash(contentOf({ text, blocks }));
  const dup = sources.find((s) => s.hash === h || (url && s.url === url));
  if (dup) return { source: summary(dup), duplicate: true };
  const s = {
    id: nextId++,
    uuid: crypto.randomUUID(),
    title: title.trim() || firstLine(text),
    outlet,
    authors,
    published,
    kind: 'article',
    words: 0,
    importedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    url,
    updated,
    lang,
    description,
    mediaType,
    originalName,
    extractor,
    text,
    blocks,
    hash: h,
  };
  s.words = words(contentOf(s));
  sources.push(s);
  if (storyId) story(storyId).sourceIds.unshift(s.id);
  return { source: summary(s), duplicate: false };
}

// ---- a crude web page "extractor" (the real one is go-trafilatura) ----

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', mdash: '—', ndash: '–', copy: '©', rsaquo: '›' };
const decode = (t) =>
  t.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return entities[e.toLowerCase()] ?? m;
  });

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption', 'div', 'section', 'aside', 'nav', 'header', 'footer', 'article', 'main', 'ul', 'ol', 'form', 'details', 'summary', 'table', 'tr', 'td', 'body', 'figure']);
const skipTags = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'svg', 'math', 'object', 'head', 'title', 'button', 'select', 'textarea', 'video', 'audio']);
const voidTags = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'source', 'base', 'wbr', 'embed']);

function reasonFor(stack) {
  for (let i = stack.length - 1; i >= 0; i--) {
    const { tag, cls } = stack[i];
    if (/cookie|consent/.test(cls)) return 'cookie';
    if (/newsletter|subscribe|signup/.test(cls)) return 'newsletter';
    if (/also-read|related|more-from|recommended/.test(cls)) return 'related';
    if (/share|social/.test(cls)) return 'share';
    if (/comment/.test(cls)) return 'comments';
    if (/breadcrumb/.test(cls) || tag === 'nav') return 'navigation';
    if (/byline|dateline/.test(cls)) return 'metadata';
    if (tag === 'footer' && !stack.some((x) => x.tag === 'article')) return 'navigation';
    if (tag === 'header' && !stack.some((x) => x.tag === 'article')) return 'navigation';
  }
  return '';
}

function extractHTML(html) {
  const meta = {};
  const attr = (tagText, name) => (new RegExp(`${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tagText) || []).slice(2).find((x) => x !== undefined) ?? '';
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const key = (attr(m[0], 'property') || attr(m[0], 'name')).toLowerCase();
    if (key) meta[key] = decode(attr(m[0], 'content'));
  }
  let ld = {};
  for (const m of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      const j = JSON.parse(m[1]);
      if (/Article/.test(j['@type'])) ld = j;
    } catch {}
  }
  const authorsOf = (a) => (Array.isArray(a) ? a : a ? [a] : []).map((x) => (typeof x === 'string' ? x : x.name)).filter(Boolean);
  const titleTag = decode((/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) || [])[1] || '').trim();
  const out = {
    title: ld.headline || meta['og:title'] || titleTag,
    outlet: ld.publisher?.name || meta['og:site_name'] || '',
    authors: authorsOf(ld.author).length ? authorsOf(ld.author) : meta.author ? [meta.author] : [],
    published: ld.datePublished || meta['article:published_time'] || '',
    updated: ld.dateModified || '',
    url: meta['og:url'] || '',
    lang: (/<html[^>]*\blang="([^"]+)"/i.exec(html) || [])[1] || '',
    description: meta.description || '',
  };
  // Walk the tags, collecting the text of block elements.
  const stack = [];
  const pieces = [];
  let buf = '';
  let skip = 0;
  const flush = () => {
    const t = decode(buf).replace(/[ \t\r\n]+/g, ' ').trim();
    buf = '';
    if (!t) return;
    const el = [...stack].reverse().find((x) => ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption'].includes(x.tag));
    const tag = stack.some((x) => x.tag === 'blockquote') ? 'blockquote' : el?.tag || 'p';
    const kind = tag === 'li' ? 'item' : tag[0] === 'h' ? 'heading' : tag === 'blockquote' ? 'quote' : tag === 'pre' ? 'pre' : tag === 'figcaption' ? 'caption' : 'paragraph';
    const level = kind === 'heading' ? Number(tag[1]) : kind === 'item' ? stack.filter((x) => x.tag === 'ul' || x.tag === 'ol').length : 0;
    pieces.push({ kind, level, text: t, boilerplate: reasonFor(stack) });
  };
  const body = html.replace(/<!--[\s\S]*?-->|<![^>]*>/g, '');
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|([^<]+)|</g;
  for (const m of body.matchAll(re)) {
    if (m[4] !== undefined || m[2] === undefined) {
      if (!skip) buf += m[0];
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (skipTags.has(tag)) {
      if (closing) skip = Math.max(0, skip - 1);
      else if (!/\/\s*$/.test(m[3])) skip++;
      continue;
    }
    if (skip || voidTags.has(tag)) {
      if (tag === 'br' && !skip) buf += ' ';
      continue;
    }
    if (blockTags.has(tag)) flush();
    if (closing) {
      const at = stack.map((x) => x.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    } else stack.push({ tag, cls: `${attr(m[3], 'class')} ${attr(m[3], 'id')}`.toLowerCase() });
  }
  flush();
  if (!pieces.some((p) => !p.boilerplate)) throw new ApiError('invalid', 'the page has no text to import');
  let text = '';
  const blocks = [];
  for (const p of pieces) {
    if (text) text += '\n\n';
    const start = Array.from(text).length;
    text += p.text;
    blocks.push({ kind: p.kind, level: p.level, start, end: Array.from(text).length, boilerplate: p.boilerplate });
  }
  // The title heading is shown as the title.
  const first = blocks.find((b) => !b.boilerplate);
  if (first && first.kind === 'heading' && Array.from(text).slice(first.start, first.end).join('') === out.title) first.boilerplate = 'metadata';
  return { ...out, text, blocks, extractor: 'mock', mediaType: 'text/html' };
}

function importBytes(name, bytes, storyId, url = '') {
  if (bytes.length > maxFileBytes) throw new ApiError('toolarge', `${name} is larger than 50 MB.`);
  if (bytes.length === 0) throw new ApiError('invalid', `${name}: the file is empty`);
  if (bytes.includes(0)) throw new ApiError('invalid', `${name}: not a text file (it contains binary data)`);
  const text = bytes.toString('utf8');
  const base = name.split('/').pop();
  if (/\.(x?html?|shtml|mht(ml)?)$/i.test(name) || /^\s*<(!doctype|html)/i.test(text)) {
    const ex = extractHTML(text);
    return add(ex.text, { ...ex, url: ex.url || url, originalName: base }, storyId);
  }
  if (!/\.(txt|text|md|markdown)$/i.test(name) && !url) throw new ApiError('invalid', `${base}: Sourcebook imports web pages, Markdown and text, not this kind of file`);
  return add(text, { originalName: base, url }, storyId);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** get fetches a URL with node:http(s) (fetch refuses ports such as 9; Go does not). */
function get(u) {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.get(u, { timeout: 8000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, statusText: res.statusMessage, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
  });
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
  ImportFiles: async (files, storyId) => {
    const out = [];
    for (const f of files || []) {
      if (fileDelay) await sleep(fileDelay);
      try {
        const r = importBytes(f.name, Buffer.from(f.data || '', 'base64'), storyId || 0);
        out.push({ name: f.name, source: r.source, duplicate: r.duplicate, error: '' });
      } catch (err) {
        out.push({ name: f.name, source: null, duplicate: false, error: err.message });
      }
    }
    return out;
  },
  ImportURL: async (address, storyId) => {
    let u;
    try {
      u = new URL(String(address).trim());
      if (!/^https?:$/.test(u.protocol)) throw new Error();
    } catch {
      throw new ApiError('invalid', `"${address}" is not a web address: it must start with http:// or https://`);
    }
    try {
      const { status, statusText, body } = await get(u);
      if (status < 200 || status > 299) return { name: u.href, source: null, duplicate: false, error: `${u.href}: ${u.host} answered ${status} ${statusText}` };
      const r = importBytes(u.pathname.endsWith('/') ? 'page.html' : u.pathname, body, storyId || 0, u.href);
      return { name: u.href, source: r.source, duplicate: r.duplicate, error: '' };
    } catch (err) {
      const code = err?.code;
      const why = code === 'ECONNREFUSED' ? `${u.host} refused the connection` : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `could not find ${u.hostname}: are you offline?` : err instanceof ApiError ? err.message : `could not fetch the page from ${u.host}`;
      return { name: u.href, source: null, duplicate: false, error: `${u.href}: ${why}` };
    }
  },
  UpdateSource: (u) => {
    const s = source(u?.id);
    const title = String(u.title ?? '').replace(/\s+/g, ' ').trim();
    if (!title) throw new ApiError('invalid', 'a source needs a title');
    const kinds = ['article', 'filing', 'post', 'blog', 'other'];
    if (u.kind && !kinds.includes(u.kind)) throw new ApiError('invalid', `"${u.kind}" is not a kind of source (${kinds.join(', ')})`);
    const date = (d) => {
      d = String(d ?? '').trim();
      if (!d || /^\d{4}(-\d{2}){0,2}(T.*)?$/.test(d)) return d;
      // Read the date as written, keeping an Indian Standard Time offset as the real parser does.
      const ist = /\bIST\b/.test(d);
      const t = Date.parse(`${d.replace(/\bIST\b/, '').replace(/,?\s*$/, '')} UTC`);
      if (Number.isNaN(t)) throw new ApiError('invalid', `"${d}" is not a date Sourcebook understands (try 2024-04-03 or Apr 3, 2024)`);
      const iso = new Date(t).toISOString().replace(/\.\d+Z$/, '');
      return /\d:\d/.test(d) ? `${iso}${ist ? '+05:30' : 'Z'}` : iso.slice(0, 10);
    };
    const url = String(u.url ?? '').trim();
    if (url && !/^https?:\/\/[^/]/.test(url)) throw new ApiError('invalid', `"${url}" is not a web address (it must start with http:// or https://)`);
    Object.assign(s, { title, outlet: String(u.outlet ?? '').trim(), authors: (u.authors || []).filter(Boolean), published: date(u.published), updated: date(u.updated), url, kind: u.kind || 'article', lang: String(u.lang ?? '').trim() });
    return full(s);
  },
  SetBoilerplate: (id, block, on) => {
    const s = source(id);
    const b = s.blocks[block];
    if (!b) throw new ApiError('invalid', `source ${id} has no block ${block}`);
    b.boilerplate = on ? b.boilerplate || 'other' : '';
    s.words = words(contentOf(s));
    return full(s);
  },
  DeleteSource: (id) => {
    const s = source(id);
    sources.splice(sources.indexOf(s), 1);
    for (const st of stories) st.sourceIds = st.sourceIds.filter((x) => x !== id);
    return null;
  },
  Search: (q) => search(String(q ?? '')),
  // Sources only, and no filters: enough for the search box's screenshots.
  SearchAll: (req) => {
    const kinds = req?.kinds?.length ? req.kinds : ['source', 'quote', 'speaker', 'note'];
    let hits = [];
    try {
      hits = search(String(req?.query ?? '')).hits;
    } catch {
      // No words: nothing, as the app answers.
    }
    const limit = req?.limit || 20;
    const groups = kinds.map((kind) => {
      const all = kind === 'source' ? hits : [];
      return { kind, hits: all.slice(0, limit), total: all.length, more: all.length > limit };
    });
    return { query: req?.query ?? '', hits: groups.flatMap((g) => g.hits), groups };
  },
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
  importBytes('article.html', fs.readFileSync(path.join(data, 'article.html')), 0);
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
      return send(res, 200, (await fn(...params)) ?? null);
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
