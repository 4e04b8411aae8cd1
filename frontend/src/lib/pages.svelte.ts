// The library's list of sources a page at a time. A notebook of 100,000
// sources is 27 MB of summaries: the sidebar asks for the pages the list
// shows as it scrolls (LibraryPage), and for the page holding a source
// chosen elsewhere.

import * as api from './api';
import type { LibraryPage, LibraryRequest, SourceSummary } from './types';

/** The sources asked for at once. */
export const pageSize = 200;

/**
 * The most pages kept: those farthest from the rows last wanted go first, so
 * sweeping through 100,000 sources does not keep them all.
 */
export const maxPages = 30;

export type PageFetcher = (req: Partial<LibraryRequest>) => Promise<LibraryPage>;

/**
 * SourcePages is the library list as far as it is loaded: its length, the
 * pages that have arrived, and the ones on their way. Rows not loaded yet
 * are undefined; `version` goes up whenever rows arrive, so what reads at()
 * in a template is drawn again.
 */
export class SourcePages {
  /** Sources in the list (passing the filter). */
  total = $state(0);
  /** Sources in the notebook. */
  all = $state(0);
  /** True once a page has arrived. */
  loaded = $state(false);
  /** Goes up whenever rows arrive or change. */
  version = $state(0);
  /** The filter the list is for. */
  filter = $state('');

  private pages = new Map<number, SourceSummary[]>();
  /** Pages loaded since the last reload (the others are shown until they are loaded again). */
  private fresh = new Set<number>();
  private loading = new Map<number, Promise<void>>();
  /** Bumped by a reload or a new filter: answers to older requests are dropped. */
  private generation = 0;
  /** The rows the list showed last, loaded again after a change. */
  private wanted: [number, number] = [0, pageSize];
  private readonly fetchPage: PageFetcher;

  constructor(fetchPage: PageFetcher = api.libraryPage) {
    this.fetchPage = fetchPage;
  }

  /** at returns row i, or undefined while it is not loaded. */
  at(i: number): SourceSummary | undefined {
    void this.version;
    return this.pages.get(Math.floor(i / pageSize))?.[i % pageSize];
  }

  /** indexOf returns where a source is among the rows loaded, -1 when it is not. */
  indexOf(id: number): number {
    void this.version;
    for (const [n, rows] of this.pages) {
      const j = rows.findIndex((s) => s.id === id);
      if (j >= 0) return n * pageSize + j;
    }
    return -1;
  }

  /** want loads the pages of rows [start, end) that are not loaded yet. */
  want(start: number, end: number): Promise<void> {
    this.wanted = [Math.max(0, start), Math.max(start + 1, end)];
    const first = Math.floor(Math.max(0, start) / pageSize);
    const last = Math.floor((Math.max(start + 1, end) - 1) / pageSize);
    const tasks: Promise<void>[] = [];
    for (let n = first; n <= last; n++) {
      if (this.loaded && n * pageSize >= this.total && n > 0) break;
      tasks.push(this.load(n));
    }
    return Promise.all(tasks).then(() => {});
  }

  /** row loads and returns row i; undefined past the end. */
  async row(i: number): Promise<SourceSummary | undefined> {
    if (i < 0 || (this.loaded && i >= this.total)) return undefined;
    await this.load(Math.floor(i / pageSize));
    return this.at(i);
  }

  /**
   * locate loads the page holding a source and returns where it is in the
   * list, -1 when the filter leaves it out (or it is gone).
   */
  async locate(id: number): Promise<number> {
    const known = this.indexOf(id);
    if (known >= 0 && this.fresh.has(Math.floor(known / pageSize))) return known;
    const gen = this.generation;
    const page = await this.fetchPage({ filter: this.filter, around: id, limit: pageSize });
    if (gen !== this.generation) return this.indexOf(id);
    this.accept(page);
    return page.index;
  }

  /**
   * reload loads the list again after the notebook changed: the rows shown
   * stay until their new version arrives, so nothing flickers.
   */
  async reload(): Promise<void> {
    this.generation++;
    this.fresh.clear();
    this.loading.clear();
    const gen = this.generation;
    await this.want(...this.wanted);
    if (gen !== this.generation) return;
    // Pages out of sight are loaded again when they come into it.
    for (const n of [...this.pages.keys()]) if (!this.fresh.has(n)) this.pages.delete(n);
    this.version++;
  }

  /** setFilter lists the sources that pass another filter, from the top. */
  async setFilter(filter: string): Promise<void> {
    if (filter === this.filter && this.loaded) return;
    this.filter = filter;
    this.generation++;
    this.pages.clear();
    this.fresh.clear();
    this.loading.clear();
    this.version++;
    await this.want(0, pageSize);
  }

  /** replace shows a changed source in place of its loaded row. */
  replace(s: SourceSummary): void {
    let changed = false;
    for (const rows of this.pages.values()) {
      const j = rows.findIndex((x) => x.id === s.id);
      if (j >= 0) {
        rows[j] = s;
        changed = true;
      }
    }
    if (changed) this.version++;
  }

  private load(n: number): Promise<void> {
    if (this.fresh.has(n)) return Promise.resolve();
    const pending = this.loading.get(n);
    if (pending) return pending;
    const gen = this.generation;
    const p = this.fetchPage({ filter: this.filter, offset: n * pageSize, limit: pageSize })
      .then((page) => {
        if (gen === this.generation) this.accept(page);
      })
      .finally(() => {
        if (this.loading.get(n) === p) this.loading.delete(n);
      });
    this.loading.set(n, p);
    return p;
  }

  /** accept takes a page the server sent (its offset is a multiple of pageSize). */
  private accept(page: LibraryPage): void {
    const n = Math.floor(page.offset / pageSize);
    this.total = page.total;
    this.all = page.all;
    if (page.sources.length > 0 || n === 0) {
      this.pages.set(n, page.sources);
      this.fresh.add(n);
    }
    // Rows past a shorter list are gone.
    for (const k of [...this.pages.keys()]) if (k * pageSize >= Math.max(page.total, 1) && k > 0) this.pages.delete(k);
    this.evict(n);
    this.loaded = true;
    this.version++;
  }

  /** evict drops the pages farthest from the rows last wanted, beyond maxPages, but never page `keep` (just asked for). */
  private evict(keep: number): void {
    if (this.pages.size <= maxPages) return;
    const mid = (this.wanted[0] + this.wanted[1]) / 2 / pageSize;
    const far = [...this.pages.keys()].filter((n) => n !== keep).sort((x, y) => Math.abs(y - mid) - Math.abs(x - mid));
    for (const n of far.slice(0, this.pages.size - maxPages)) {
      this.pages.delete(n);
      this.fresh.delete(n);
    }
  }
}
