import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// api.ts keeps the token in module state, so each test imports a fresh copy.
async function load() {
  vi.resetModules();
  return import('./api');
}

function respond(status: number, body: unknown, statusText = '') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status, statusText }));
}

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  delete window.go;
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('token', () => {
  it('moves the token from the address bar to sessionStorage', async () => {
    window.history.replaceState(null, '', '/?token=abc123&view=x#top');
    const api = await load();
    expect(api.takeToken()).toBe('abc123');
    expect(sessionStorage.getItem('sourcebook.token')).toBe('abc123');
    expect(window.location.search).toBe('?view=x');
    expect(window.location.hash).toBe('#top');
  });

  it('leaves a clean address when the token was the only parameter', async () => {
    window.history.replaceState(null, '', '/?token=abc123');
    const api = await load();
    api.takeToken();
    expect(window.location.href).toBe(`${window.location.origin}/`);
  });

  it('reads the stored token after a reload', async () => {
    sessionStorage.setItem('sourcebook.token', 'kept');
    const api = await load();
    expect(api.takeToken()).toBe('kept');
  });

  it('is null when there is none', async () => {
    const api = await load();
    expect(api.takeToken()).toBeNull();
  });
});

describe('HTTP transport', () => {
  it('posts the arguments as a JSON array with the token header', async () => {
    window.history.replaceState(null, '', '/?token=t0k');
    const fetch = respond(200, null);
    vi.stubGlobal('fetch', fetch);
    const api = await load();
    await api.addToStory(3, 7);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/AddToStory');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('[3,7]');
    expect((init.headers as Record<string, string>)['X-Sourcebook-Token']).toBe('t0k');
  });

  it('sends an empty array for methods without arguments', async () => {
    const fetch = respond(200, { stories: [], sources: [] });
    vi.stubGlobal('fetch', fetch);
    const api = await load();
    await api.library();
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBe('[]');
  });

  it('returns undefined for methods that return only an error', async () => {
    vi.stubGlobal('fetch', respond(200, ''));
    const api = await load();
    await expect(api.deleteSource(1)).resolves.toBeUndefined();
  });

  it('replaces null slices from Go with empty arrays', async () => {
    vi.stubGlobal(
      'fetch',
      respond(200, {
        stories: [{ id: 1, uuid: 'u', title: 'S', createdAt: '', sourceIds: null }],
        sources: [{ id: 2, uuid: 'v', title: 'T', outlet: '', authors: null, published: '', kind: 'article', words: 3, importedAt: '', storyIds: null }],
      }),
    );
    const api = await load();
    const lib = await api.library();
    expect(lib.stories[0]!.sourceIds).toEqual([]);
    expect(lib.sources[0]!.authors).toEqual([]);
    expect(lib.sources[0]!.storyIds).toEqual([]);
  });

  it('copes with a null library and null hits', async () => {
    vi.stubGlobal('fetch', respond(200, { stories: null, sources: null }));
    let api = await load();
    expect(await api.library()).toEqual({ stories: [], sources: [] });
    vi.stubGlobal('fetch', respond(200, { query: 'x', hits: null }));
    api = await load();
    expect(await api.search('x')).toEqual({ query: 'x', hits: [], groups: [] });
  });
});

describe('searchAll', () => {
  it('sends a whole SearchRequest, filling what the caller left out', async () => {
    const fetch = respond(200, { query: '', hits: [], groups: [] });
    vi.stubGlobal('fetch', fetch);
    const api = await load();
    await api.searchAll({ tag: 'denial', kinds: ['note'] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/SearchAll');
    expect(JSON.parse(String(init.body))).toEqual([
      { query: '', asYouType: false, kinds: ['note'], storyId: 0, tag: 'denial', speakerId: 0, outlet: '', from: '', to: '', limit: 0 },
    ]);
  });

  it('normalises groups and hits: null slices, missing fields, a total below the hits', async () => {
    vi.stubGlobal(
      'fetch',
      respond(200, {
        query: 'stone',
        hits: null,
        groups: [
          { kind: 'source', hits: null, total: 0, more: false },
          {
            kind: 'quote',
            hits: [{ kind: 'quote', id: 4, sourceId: 2, title: 'Andy Stone', snippet: [{ text: 'untrue', match: true }, null], score: -3 }],
            total: 0,
            more: true,
          },
          null,
        ],
      }),
    );
    const api = await load();
    const r = await api.searchAll({ query: 'stone' });
    expect(r.hits).toEqual([]);
    expect(r.groups.map((g) => [g.kind, g.hits.length, g.total, g.more])).toEqual([
      ['source', 0, 0, false],
      ['quote', 1, 1, true],
      ['', 0, 0, false],
    ]);
    expect(r.groups[1]!.hits[0]).toEqual({
      kind: 'quote',
      id: 4,
      sourceId: 2,
      title: 'Andy Stone',
      speaker: '',
      sourceTitle: '',
      outlet: '',
      published: '',
      snippet: [{ text: 'untrue', match: true }],
      score: -3,
    });
  });

  it('passes an invalid date on as the server words it', async () => {
    vi.stubGlobal('fetch', respond(400, { error: { code: 'invalid', message: '"soon" is not a date for "from"' } }));
    const api = await load();
    await expect(api.searchAll({ from: 'soon' })).rejects.toMatchObject({ code: 'invalid', message: '"soon" is not a date for "from"' });
  });
});

describe('new import and editing methods', () => {
  it('fills what Go left out of a source and its blocks', async () => {
    vi.stubGlobal(
      'fetch',
      respond(200, {
        id: 1, uuid: 'u', title: 'T', outlet: '', authors: null, published: '', kind: 'article', words: 2, importedAt: '', storyIds: null,
        url: '', updated: '', mediaType: 'text/html', originalName: 'a.html', text: 'Hi there', blocks: [{ kind: 'paragraph', start: 0, end: 8 }, null],
      }),
    );
    const api = await load();
    const s = await api.source(1);
    expect(s.blocks).toEqual([
      { kind: 'paragraph', level: 0, start: 0, end: 8, boilerplate: '' },
      { kind: 'paragraph', level: 0, start: 0, end: 0, boilerplate: '' },
    ]);
    expect([s.lang, s.description, s.extractor]).toEqual(['', '', '']);
    vi.stubGlobal('fetch', respond(200, { id: 2, text: null, blocks: null }));
    const t = await (await load()).source(2);
    expect([t.text, t.blocks]).toEqual(['', []]);
  });

  it('sends ImportURL, UpdateSource and SetBoilerplate with their arguments', async () => {
    const fetch = vi.fn(async (url: string) =>
      new Response(JSON.stringify(url.endsWith('ImportURL') ? { name: 'http://x/', source: null, duplicate: false, error: 'x refused the connection' } : { id: 3, blocks: [] })),
    );
    vi.stubGlobal('fetch', fetch);
    const api = await load();
    const r = await api.importURL('http://x/', 4);
    expect(r).toEqual({ name: 'http://x/', source: null, duplicate: false, error: 'x refused the connection' });
    const update = { id: 3, title: 'T', outlet: 'O', authors: ['A'], published: 'Apr 3, 2024', updated: '', url: '', kind: 'article', lang: 'en' };
    await api.updateSource(update);
    await api.setBoilerplate(3, 5, true);
    const calls = fetch.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([u, init]) => [u, init.body])).toEqual([
      ['/api/ImportURL', '["http://x/",4]'],
      ['/api/UpdateSource', JSON.stringify([update])],
      ['/api/SetBoilerplate', '[3,5,true]'],
    ]);
  });
});

describe('HTTP errors', () => {
  it('carries the code and message of an error body', async () => {
    vi.stubGlobal('fetch', respond(400, { error: { code: 'invalid', message: 'The text is empty.' } }));
    const api = await load();
    const err = await api.importText({ title: '', text: '', storyId: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect(err).toMatchObject({ code: 'invalid', message: 'The text is empty.' });
  });

  it('falls back on the status when the body is not ours', async () => {
    vi.stubGlobal('fetch', respond(400, '<html>Bad request</html>', 'Bad Request'));
    const api = await load();
    await expect(api.library()).rejects.toMatchObject({ code: 'invalid', message: 'Sourcebook answered 400 Bad Request.' });
  });

  it('words a bare internal error for people', async () => {
    vi.stubGlobal('fetch', respond(500, { error: { code: 'internal', message: 'internal error' } }));
    let api = await load();
    await expect(api.library()).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/details are in its log/) });
    vi.stubGlobal('fetch', respond(502, '', 'Bad Gateway'));
    api = await load();
    await expect(api.library()).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/details are in its log/) });
  });

  it('explains a refused token in plain words', async () => {
    vi.stubGlobal('fetch', respond(401, { error: { code: 'unauthorized', message: 'unauthorized' } }));
    let api = await load();
    let err = (await api.ready().catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('unauthorized');
    expect(err.message).toMatch(/full address that `sourcebook serve` printed/);
    vi.stubGlobal('fetch', respond(403, ''));
    api = await load();
    err = (await api.ready().catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('forbidden');
    expect(err.message).toMatch(/sourcebook serve/);
  });

  it('maps 404 and 413 without a body', async () => {
    vi.stubGlobal('fetch', respond(404, ''));
    let api = await load();
    await expect(api.source(9)).rejects.toMatchObject({ code: 'notfound' });
    vi.stubGlobal('fetch', respond(413, ''));
    api = await load();
    await expect(api.importFiles([], 0)).rejects.toMatchObject({ code: 'toolarge' });
  });

  it('reports a server that is not running', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const api = await load();
    await expect(api.library()).rejects.toMatchObject({ code: 'network' });
  });

  it('reports a success that is not JSON', async () => {
    vi.stubGlobal('fetch', respond(200, 'not json'));
    const api = await load();
    await expect(api.library()).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('Wails transport', () => {
  it('calls the binding and never fetch', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const CreateStory = vi.fn(async (title: unknown) => ({ id: 4, uuid: 'u', title, createdAt: 'now', sourceIds: null }));
    window.go = { app: { App: { CreateStory } } };
    const api = await load();
    expect(api.inDesktop()).toBe(true);
    const story = await api.createStory('Flood');
    expect(CreateStory).toHaveBeenCalledWith('Flood');
    expect(story).toEqual({ id: 4, uuid: 'u', title: 'Flood', createdAt: 'now', sourceIds: [] });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes every argument in order', async () => {
    const ImportFiles = vi.fn(async () => [{ name: 'a.txt', source: null, duplicate: false, error: 'bad' }]);
    window.go = { app: { App: { ImportFiles } } };
    const api = await load();
    const res = await api.importFiles([{ name: 'a.txt', data: 'YQ==' }], 5);
    expect(ImportFiles).toHaveBeenCalledWith([{ name: 'a.txt', data: 'YQ==' }], 5);
    expect(res[0]).toMatchObject({ source: null, error: 'bad' });
  });

  it('turns a rejection message into an ApiError', async () => {
    window.go = { app: { App: { DeleteSource: vi.fn(async () => Promise.reject('source 3 not found')) } } };
    const api = await load();
    const err = await api.deleteSource(3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect(err).toMatchObject({ message: 'source 3 not found', code: 'unknown' });
  });

  it('says so when a method is missing from the binding', async () => {
    window.go = { app: { App: {} } };
    const api = await load();
    await expect(api.search('x')).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/no Search method/) });
  });
});

describe('compare', () => {
  it('fills what Go leaves null and keeps the pairs in order', async () => {
    const fetch = respond(200, {
      sources: [{ id: 1, title: 'A', authors: null, storyIds: null }],
      pairs: [
        {
          a: 1,
          b: 2,
          coverageA: 0.25,
          coverageB: 0.5,
          shared: [{ a: { start: 0, end: 3, text: 'abc' }, b: { start: 5, end: 8, text: 'abc' }, kind: 'same', score: 1, ops: null }],
          onlyA: null,
          onlyB: [{ start: 9, end: 12, text: 'xyz' }],
          quotes: { shared: null, differing: null, onlyA: [{ id: 3, text: 'Wow', speaker: 'Elon Musk' }], onlyB: null, speakersA: ['Elon Musk'], speakersB: null },
        },
      ],
    });
    vi.stubGlobal('fetch', fetch);
    const api = await load();
    const c = await api.compare([1, 2]);
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBe('[[1,2]]');
    expect(c.sources[0]).toMatchObject({ authors: [], storyIds: [] });
    const p = c.pairs[0]!;
    expect(p).toMatchObject({ a: 1, b: 2, coverageA: 0.25, coverageB: 0.5, onlyA: [], onlyB: [{ start: 9, end: 12, text: 'xyz' }] });
    expect(p.shared[0]).toMatchObject({ kind: 'same', ops: [] });
    expect(p.quotes).toMatchObject({ shared: [], differing: [], onlyB: [], speakersA: ['Elon Musk'], speakersB: [] });
    expect(p.quotes.onlyA[0]).toMatchObject({ id: 3, text: 'Wow', speaker: 'Elon Musk', status: 'suggested', groupSources: 1 });
  });
});

describe('export, merge and backups', () => {
  it('fills what Go left out of a job and its merge result', async () => {
    const fetchMock = respond(200, {
      id: 'merge-2',
      kind: 'merge',
      done: 10,
      total: 10,
      unit: 'rows',
      finished: true,
      merge: { path: 'x.json', kind: 'json', added: { source: 1, quote: 0 }, updated: null, conflicts: null, skipped: null },
    });
    vi.stubGlobal('fetch', fetchMock);
    const api = await load();
    const j = await api.jobStatus('merge-2');
    expect(JSON.parse(String((fetchMock.mock.calls[0] as unknown[] as [string, RequestInit])[1].body))).toEqual(['merge-2']);
    expect(j.error).toBe('');
    expect(j.export).toBeNull();
    expect(j.merge).toEqual({ path: 'x.json', kind: 'json', added: { source: 1 }, updated: {}, unchanged: 0, conflicts: [], skipped: [], backup: '', millis: 0 });
  });

  it('sends an export request whole and a merge upload as name and base64', async () => {
    const fetchMock = respond(200, { id: 'export-1', kind: 'export', finished: false });
    vi.stubGlobal('fetch', fetchMock);
    const api = await load();
    await api.startExport({ format: 'json', storyId: 0, path: 'a.json', replace: false });
    await api.startMergeUpload({ name: 'a.json', data: 'e30=' });
    const bodies = fetchMock.mock.calls.map((c) => JSON.parse(String((c as unknown[] as [string, RequestInit])[1].body)));
    expect(bodies).toEqual([[{ format: 'json', storyId: 0, path: 'a.json', replace: false }], [{ name: 'a.json', data: 'e30=' }]]);
    expect(fetchMock.mock.calls.map((c) => (c as unknown[] as [string])[0])).toEqual(['/api/StartExport', '/api/StartMergeUpload']);
  });

  it('lists backups with null for none', async () => {
    vi.stubGlobal('fetch', respond(200, null));
    const api = await load();
    expect(await api.backups()).toEqual([]);
  });
});
