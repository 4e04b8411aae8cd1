import { describe, expect, it } from 'vitest';
import { maxPages, pageSize, SourcePages } from './pages.svelte';
import type { LibraryPage, LibraryRequest, SourceSummary } from './types';

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

/** A library of `n` sources (ids n..1, newest first) served as LibraryPage does, with the calls recorded. */
function server(n: number) {
  const lib = { sources: Array.from({ length: n }, (_, i) => src(n - i)) };
  const calls: Partial<LibraryRequest>[] = [];
  let hold: Promise<void> | null = null;
  const fetchPage = async (req: Partial<LibraryRequest>): Promise<LibraryPage> => {
    calls.push(req);
    if (hold) await hold;
    const words = (req.filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const listed = lib.sources.filter((s) => words.every((w) => s.title.toLowerCase().includes(w)));
    const limit = req.limit || 100;
    let offset = req.offset ?? 0;
    let index = -1;
    if (req.around) {
      index = listed.findIndex((s) => s.id === req.around);
      if (index >= 0) offset = Math.floor(index / limit) * limit;
    }
    return { offset, total: listed.length, all: lib.sources.length, index, sources: listed.slice(offset, offset + limit) };
  };
  return {
    lib,
    calls,
    fetchPage,
    /** holdAnswers keeps answers back until the returned function is called. */
    holdAnswers() {
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

describe('SourcePages', () => {
  it('loads the pages a view shows, once each', async () => {
    const s = server(1000);
    const list = new SourcePages(s.fetchPage);
    expect(list.at(0)).toBeUndefined();
    await list.want(0, 30);
    expect(list.loaded).toBe(true);
    expect(list.total).toBe(1000);
    expect(list.all).toBe(1000);
    expect(list.at(0)?.id).toBe(1000);
    expect(list.at(pageSize)).toBeUndefined();
    await Promise.all([list.want(pageSize - 10, pageSize + 10), list.want(pageSize - 5, pageSize + 5)]);
    expect(list.at(pageSize)?.id).toBe(1000 - pageSize);
    expect(s.calls.map((c) => c.offset)).toEqual([0, pageSize]);
    await list.want(990, 1200); // past the end: only the pages there are
    expect(list.at(999)?.id).toBe(1);
    expect(s.calls.map((c) => c.offset)).toEqual([0, pageSize, 800]);
  });

  it('finds a source not loaded yet, and where it is', async () => {
    const s = server(1000);
    const list = new SourcePages(s.fetchPage);
    expect(list.indexOf(3)).toBe(-1);
    expect(await list.locate(3)).toBe(997);
    expect(list.at(997)?.id).toBe(3);
    expect(list.indexOf(3)).toBe(997);
    expect(await list.locate(3)).toBe(997);
    expect(s.calls).toHaveLength(1);
    expect(await list.locate(5000)).toBe(-1);
  });

  it('loads a row by its index, and nothing past the end', async () => {
    const list = new SourcePages(server(450).fetchPage);
    expect((await list.row(420))?.id).toBe(30);
    expect(await list.row(450)).toBeUndefined();
    expect(await list.row(-1)).toBeUndefined();
  });

  it('lists what passes a filter from the top, and drops answers for the old one', async () => {
    const s = server(1000);
    s.lib.sources[500]!.title = 'The flood report';
    s.lib.sources[700]!.title = 'Flood warning';
    const list = new SourcePages(s.fetchPage);
    await list.want(400, 450);
    const release = s.holdAnswers();
    const old = list.want(600, 650); // on its way when the filter changes
    const filtered = list.setFilter('FLOOD');
    release();
    await Promise.all([old, filtered]);
    expect(list.total).toBe(2);
    expect(list.all).toBe(1000);
    expect([list.at(0)?.title, list.at(1)?.title]).toEqual(['The flood report', 'Flood warning']);
    expect(list.at(2)).toBeUndefined();
    expect(await list.locate(s.lib.sources[0]!.id)).toBe(-1);
    await list.setFilter('');
    expect(list.total).toBe(1000);
  });

  it('keeps showing the rows while it loads them again after a change', async () => {
    const s = server(500);
    const list = new SourcePages(s.fetchPage);
    await list.want(0, 40);
    s.lib.sources.splice(1, 1); // a source deleted
    const release = s.holdAnswers();
    const reloading = list.reload();
    expect(list.at(1)?.id).toBe(499); // the old row, until the new page comes
    release();
    await reloading;
    expect(list.at(1)?.id).toBe(498);
    expect(list.total).toBe(499);
  });

  it('keeps at most maxPages pages, dropping those farthest from the view', async () => {
    const s = server(pageSize * (maxPages + 10));
    const list = new SourcePages(s.fetchPage);
    for (let n = 0; n < maxPages + 10; n++) await list.want(n * pageSize, n * pageSize + 10);
    const kept = Array.from({ length: maxPages + 10 }, (_, n) => list.at(n * pageSize) !== undefined);
    expect(kept.filter(Boolean)).toHaveLength(maxPages);
    expect(kept[maxPages + 9]).toBe(true); // in view
    expect(kept[0]).toBe(false); // farthest
    // A dropped page is loaded again when it comes back into view.
    await list.want(0, 10);
    expect(list.at(0)?.id).toBe(pageSize * (maxPages + 10));
    // A row asked for far from the view stays loaded.
    expect((await list.row(pageSize * (maxPages + 5)))?.id).toBe(pageSize * 5);
    expect(list.at(pageSize * (maxPages + 5))?.id).toBe(pageSize * 5);
  });

  it('shows a changed source in its row', async () => {
    const list = new SourcePages(server(10).fetchPage);
    await list.want(0, 10);
    const before = list.version;
    list.replace({ ...src(7), title: 'Renamed' });
    expect(list.at(3)?.title).toBe('Renamed');
    expect(list.version).toBeGreaterThan(before);
  });
});
