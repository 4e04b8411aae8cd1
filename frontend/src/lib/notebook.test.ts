import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Source, SourceSummary, Story } from './types';

// The boundary: api.ts is replaced by an in-memory notebook.
const db = vi.hoisted(() => ({
  sources: [] as SourceSummary[],
  stories: [] as Story[],
  delays: new Map<number, Promise<void>>(),
}));

vi.mock('./api', () => ({
  ready: vi.fn(async () => ({ version: 't', notebookPath: '/n.db', mode: 'browser', schemaVersion: 1, sources: db.sources.length })),
  library: vi.fn(async () => ({ stories: structuredClone(db.stories), sources: structuredClone(db.sources) })),
  source: vi.fn(async (id: number): Promise<Source> => {
    await db.delays.get(id);
    const s = db.sources.find((x) => x.id === id);
    if (!s) throw new Error(`There is no source ${id}.`);
    return { ...s, url: '', updated: '', lang: '', description: '', mediaType: 'text/plain', originalName: '', extractor: 'text', text: `Text of ${id}`, blocks: [] };
  }),
  deleteSource: vi.fn(async (id: number) => {
    db.sources = db.sources.filter((s) => s.id !== id);
    for (const st of db.stories) st.sourceIds = st.sourceIds.filter((x) => x !== id);
  }),
  addToStory: vi.fn(async (storyId: number, sourceId: number) => {
    db.stories.find((s) => s.id === storyId)!.sourceIds.unshift(sourceId);
  }),
  removeFromStory: vi.fn(async () => {
    throw new Error('refused');
  }),
}));

const api = await import('./api');
const { Notebook } = await import('./notebook.svelte');

const src = (id: number, title = `Source ${id}`): SourceSummary => ({
  id,
  uuid: `u${id}`,
  title,
  outlet: '',
  authors: [],
  published: '',
  kind: 'article',
  words: 1,
  importedAt: '',
  storyIds: [],
});

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  db.sources = [src(3), src(2), src(1)];
  db.stories = [{ id: 10, uuid: 's', title: 'Story', createdAt: '', sourceIds: [1, 3] }];
  db.delays.clear();
});

async function started() {
  const nb = new Notebook();
  await nb.start();
  await vi.waitFor(() => expect(nb.current).not.toBeNull());
  return nb;
}

describe('Notebook', () => {
  it('calls ready once, loads the library and opens the newest source', async () => {
    const nb = await started();
    expect(api.ready).toHaveBeenCalledTimes(1);
    expect(api.library).toHaveBeenCalledTimes(1);
    expect(nb.sources.map((s) => s.id)).toEqual([3, 2, 1]);
    expect(nb.current?.id).toBe(3);
  });

  it('reload takes a notebook changed underneath: new text of the open source, or the first when it is gone', async () => {
    const nb = await started();
    expect(nb.current?.title).toBe('Source 3');
    db.sources = [src(3, 'Source 3, restored'), src(1)];
    await nb.reload();
    expect(nb.current?.title).toBe('Source 3, restored');
    expect(nb.sources.map((s) => s.id)).toEqual([3, 1]);
    db.sources = [src(1)];
    await nb.reload();
    expect(nb.current?.id).toBe(1);
  });

  it('reopens the source open last time', async () => {
    localStorage.setItem('sourcebook.lastSource', '2');
    const nb = await started();
    expect(nb.current?.id).toBe(2);
  });

  it('reports a notebook it cannot open', async () => {
    vi.mocked(api.ready).mockRejectedValueOnce(new Error('database is locked'));
    const nb = new Notebook();
    await nb.start();
    expect(nb.loadError).toBe('database is locked');
    expect(nb.loaded).toBe(false);
  });

  it('moves through the list of the current scope and stops at its ends', async () => {
    const nb = await started();
    expect(nb.move(1)).toBe(2);
    expect(nb.move(1)).toBe(1);
    expect(nb.move(1)).toBe(1);
    await nb.select(1, 10);
    expect(nb.move(1)).toBe(3); // the story lists 1 then 3
    expect(nb.move(-1)).toBe(1);
  });

  it('moves only through sources that pass the filter', async () => {
    db.sources = [src(3, 'Flood report'), src(2, 'Budget'), src(1, 'Flood warning')];
    const nb = await started();
    nb.filter = 'flood';
    expect(nb.move(1)).toBe(1);
  });

  it('ignores an answer that arrives after a newer selection', async () => {
    const nb = await started();
    let release!: () => void;
    db.delays.set(2, new Promise<void>((r) => (release = r)));
    const slow = nb.select(2);
    await nb.select(1);
    release();
    await slow;
    expect(nb.selectedId).toBe(1);
    expect(nb.current?.id).toBe(1);
  });

  it('selects the next source after a delete, or the previous at the end', async () => {
    const nb = await started();
    await nb.deleteSource(3);
    expect(nb.sources.map((s) => s.id)).toEqual([2, 1]);
    expect(nb.current?.id).toBe(2);
    await nb.select(1);
    await nb.deleteSource(1);
    expect(nb.current?.id).toBe(2);
    await nb.deleteSource(2);
    expect(nb.selectedId).toBeNull();
    expect(nb.current).toBeNull();
  });

  it('drops a deleted source from its stories', async () => {
    const nb = await started();
    await nb.deleteSource(3);
    expect(nb.stories[0]!.sourceIds).toEqual([1]);
  });

  it('adds to a story at once and keeps what the server says', async () => {
    const nb = await started();
    const done = nb.setInStory(10, 2, true);
    expect(nb.stories[0]!.sourceIds).toEqual([2, 1, 3]);
    await done;
    expect(nb.stories[0]!.sourceIds).toEqual([2, 1, 3]);
  });

  it('puts the story back when the server refuses', async () => {
    const nb = await started();
    await expect(nb.setInStory(10, 1, false)).rejects.toThrow('refused');
    expect(nb.stories[0]!.sourceIds).toEqual([1, 3]);
  });

  it('clears a filter that hides a source it reveals', async () => {
    const nb = await started();
    nb.filter = 'nothing matches this';
    await nb.reveal(2);
    expect(nb.filter).toBe('');
    expect(nb.current?.id).toBe(2);
    expect(nb.scope).toBe('all');
  });
});
