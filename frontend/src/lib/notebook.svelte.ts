// The notebook as the UI sees it: library, selection and the open source.
// Components read this state and call its actions; actions call api.ts.

import * as api from './api';
import { sourceFilter } from './text';
import { nextIndex } from './keys';
import { pageSize, SourcePages, type PageFetcher } from './pages.svelte';
import type { Info, Source, SourceSummary, SourceUpdate, Story } from './types';

/** Scope is the list a selection was made in: all sources, or one story. */
export type Scope = 'all' | number;

const lastKey = 'sourcebook.lastSource';
const removedKey = 'sourcebook.showRemoved';

/** newestFirst orders sources as the library lists them: by publication date, else import time, then id. */
export function newestFirst(a: SourceSummary, b: SourceSummary): number {
  const ka = a.published || a.importedAt;
  const kb = b.published || b.importedAt;
  return ka < kb ? 1 : ka > kb ? -1 : b.id - a.id;
}

/** summaryOf is the library's view of a source. */
export function summaryOf(s: Source): SourceSummary {
  const { id, uuid, title, outlet, authors, published, kind, words, importedAt, storyIds } = s;
  return { id, uuid, title, outlet, authors, published, kind, words, importedAt, storyIds };
}

export class Notebook {
  info = $state<Info | null>(null);
  // Raw: always replaced whole, never changed in place.
  stories = $state.raw<Story[]>([]);
  /** "All sources": the library a page at a time (a notebook may hold 100,000). */
  list: SourcePages;
  /** True once the library's first page and the stories answered. */
  loaded = $state(false);
  /** Why the notebook could not be loaded at all, or "". */
  loadError = $state('');

  /** The library's filter as typed; the list follows it a moment later. */
  filter = $state('');
  selectedId = $state<number | null>(null);
  scope = $state<Scope>('all');
  /** The open source with its text (may lag selectedId while loading). */
  current = $state<Source | null>(null);
  currentError = $state('');
  /** Story ids whose source lists are open in the sidebar. */
  expanded = $state<Record<number, boolean>>({});
  /** Whether the reader shows the text set aside as boilerplate (remembered). */
  showRemoved = $state(readRemoved());

  /** The filter's test for a story's sources (few: filtered here), its words folded once. */
  private matches = $derived(sourceFilter(this.filter));
  /** Summaries of sources read by id (a story's, those notes name), the ids on their way, and those not found. */
  private summaries = new Map<number, SourceSummary>();
  private asked = new Set<number>();
  private absent = new Set<number>();
  private summariesVersion = $state(0);
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  private seq = 0;

  constructor(fetchPage?: PageFetcher) {
    this.list = new SourcePages(fetchPage);
  }

  /**
   * summary returns a source's summary when it is known; otherwise it asks
   * for it (with others asked meanwhile) and returns undefined, and what
   * read it is drawn again once it arrives.
   */
  summary(id: number): SourceSummary | undefined {
    void this.summariesVersion;
    const s = this.summaries.get(id);
    if (s) return s;
    this.want([id]);
    return undefined;
  }

  /** want asks for the summaries of the ids not known yet, in one call per turn. */
  private want(ids: readonly number[]): void {
    const before = this.asked.size;
    for (const id of ids) if (!this.summaries.has(id) && !this.absent.has(id)) this.asked.add(id);
    if (before > 0 || this.asked.size === 0) return;
    queueMicrotask(() => void this.fetchAsked());
  }

  private async fetchAsked(): Promise<void> {
    const ids = [...this.asked].slice(0, 1000);
    try {
      const got = await api.sourceSummaries(ids);
      for (const s of got) this.summaries.set(s.id, s);
      // What is not there (deleted meanwhile) is not asked for again.
      for (const id of ids) if (!this.summaries.has(id)) this.absent.add(id);
    } catch {
      // Shown as not known; asked again after the next refresh.
    }
    for (const id of ids) this.asked.delete(id);
    this.summariesVersion++;
    if (this.asked.size > 0) void this.fetchAsked();
  }

  /** storySources lists a story's sources that pass the filter, newest first (those known yet). */
  storySources(story: Story): SourceSummary[] {
    void this.summariesVersion;
    this.want(story.sourceIds);
    const out: SourceSummary[] = [];
    for (const id of story.sourceIds) {
      const s = this.summaries.get(id);
      if (s && this.matches(s)) out.push(s);
    }
    return out.sort(newestFirst);
  }

  /** indexIn is where a source is in a scope's list, -1 when it is not there (or not loaded). */
  indexIn(scope: Scope, id: number | null): number {
    if (id === null) return -1;
    if (scope === 'all') return this.list.indexOf(id);
    const story = this.stories.find((s) => s.id === scope);
    return story ? this.storySources(story).findIndex((s) => s.id === id) : -1;
  }

  /** countIn is how many sources a scope lists. */
  countIn(scope: Scope): number {
    if (scope === 'all') return this.list.total;
    const story = this.stories.find((s) => s.id === scope);
    return story ? this.storySources(story).length : 0;
  }

  /** rowIn loads and returns row i of a scope's list; undefined past its ends. */
  async rowIn(scope: Scope, i: number): Promise<SourceSummary | undefined> {
    if (scope === 'all') return this.list.row(i);
    const story = this.stories.find((s) => s.id === scope);
    return story ? this.storySources(story)[i] : undefined;
  }

  /** setFilter filters the library: stories' lists at once, the long list after a pause in the typing. */
  setFilter(text: string, wait = 150): void {
    this.filter = text;
    clearTimeout(this.filterTimer);
    const apply = () => void this.list.setFilter(text.trim()).catch(() => {});
    if (wait <= 0) apply();
    else this.filterTimer = setTimeout(apply, wait);
  }

  /**
   * prefetch asks for the library's first page at once: main.ts calls it
   * before the app's first render, which takes a few hundred milliseconds
   * the server can use.
   */
  prefetch(): void {
    void this.list.want(0, pageSize).catch(() => {});
  }

  /** start tells Go the UI is up, loads the library and reopens the last source. */
  async start(): Promise<void> {
    this.prefetch();
    try {
      this.info = await api.ready();
      await this.refresh();
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
      return;
    }
    const last = Number(readLast());
    if (last && (await api.sourceSummaries([last]).catch(() => [])).length > 0) void this.select(last);
    else {
      const first = this.list.at(0);
      if (first) void this.select(first.id);
    }
  }

  /** refresh loads stories and the library's rows again; a selection that vanished is cleared. */
  async refresh(): Promise<void> {
    // The first time, the first page is already on its way (prefetch).
    const [stories] = await Promise.all([api.stories(), this.loaded ? this.list.reload() : this.list.want(0, pageSize)]);
    this.stories = stories;
    this.summaries.clear();
    this.absent.clear();
    this.summariesVersion++;
    this.loaded = true;
    if (this.info) this.info = { ...this.info, sources: this.list.all };
    if (typeof this.scope === 'number' && !stories.some((s) => s.id === this.scope)) this.scope = 'all';
    const id = this.selectedId;
    if (id !== null && this.list.indexOf(id) < 0 && (await api.sourceSummaries([id])).length === 0 && this.selectedId === id) {
      this.selectedId = null;
      this.current = null;
    }
  }

  /**
   * reload loads the library and the open source again, for when the
   * notebook changed under the window (a merge, a restore): the open
   * source may have new text, or be gone (then the first one opens).
   */
  async reload(): Promise<void> {
    await this.refresh();
    const id = this.selectedId ?? this.list.at(0)?.id ?? null;
    if (id === null) return;
    if (this.current?.id !== id) return this.select(id);
    // The same source: its new text replaces the old without a blank reader between.
    const seq = ++this.seq;
    try {
      const s = await api.source(id);
      if (seq === this.seq) this.current = s;
    } catch (err) {
      if (seq !== this.seq) return;
      this.current = null;
      this.currentError = err instanceof Error ? err.message : String(err);
    }
  }

  /** select opens a source in the reader; stale answers are ignored. */
  async select(id: number, scope: Scope = this.scope): Promise<void> {
    this.selectedId = id;
    this.scope = scope;
    this.currentError = '';
    writeLast(id);
    // The sidebar shows the row, loading its page when it is not loaded.
    if (scope === 'all' && this.list.indexOf(id) < 0) void this.list.locate(id).catch(() => {});
    if (this.current?.id === id) return;
    const seq = ++this.seq;
    try {
      const s = await api.source(id);
      if (seq === this.seq) this.current = s;
    } catch (err) {
      if (seq !== this.seq) return;
      this.current = null;
      this.currentError = err instanceof Error ? err.message : String(err);
    }
  }

  /** reveal selects a source in "All sources", clearing a filter that hides it. */
  async reveal(id: number): Promise<void> {
    if (this.filter.trim() !== '' || this.list.filter !== '') {
      clearTimeout(this.filterTimer);
      if ((await this.list.locate(id)) < 0) {
        this.filter = '';
        await this.list.setFilter('');
      }
    }
    await this.select(id, 'all');
  }

  /** move selects the next (+1) or previous (-1) source of the current list, and returns its id. */
  async move(step: number): Promise<number | null> {
    const scope = this.scope;
    let at = this.indexIn(scope, this.selectedId);
    if (at < 0 && scope === 'all' && this.selectedId !== null) at = await this.list.locate(this.selectedId);
    const i = nextIndex(at, step, this.countIn(scope));
    const target = await this.rowIn(scope, i);
    if (!target) return null;
    if (target.id !== this.selectedId) void this.select(target.id, scope);
    return target.id;
  }

  /** deleteSource deletes a source, then selects its neighbour in the list. */
  async deleteSource(id: number): Promise<void> {
    const scope = this.scope;
    const at = this.indexIn(scope, id);
    const neighbour = at >= 0 ? ((await this.rowIn(scope, at + 1)) ?? (await this.rowIn(scope, at - 1))) : undefined;
    await api.deleteSource(id);
    if (this.current?.id === id) this.current = null;
    await this.refresh();
    let next = neighbour && (await api.sourceSummaries([neighbour.id])).length > 0 ? neighbour.id : undefined;
    if (next === undefined) next = (await this.list.row(0))?.id;
    if (next !== undefined) await this.select(next, next === neighbour?.id ? scope : 'all');
    else {
      this.selectedId = null;
      this.current = null;
      writeLast(null);
    }
  }

  /** createStory makes a story and opens it in the sidebar. */
  async createStory(title: string): Promise<Story> {
    const story = await api.createStory(title);
    this.expanded = { ...this.expanded, [story.id]: true };
    await this.refresh();
    return story;
  }

  async renameStory(id: number, title: string): Promise<void> {
    await api.renameStory(id, title);
    await this.refresh();
  }

  async deleteStory(id: number): Promise<void> {
    await api.deleteStory(id);
    await this.refresh();
  }

  /** setInStory adds a source to a story or takes it out; the sidebar updates at once. */
  async setInStory(storyId: number, sourceId: number, inStory: boolean): Promise<void> {
    this.stories = this.stories.map((s) =>
      s.id !== storyId
        ? s
        : {
            ...s,
            sourceIds: inStory
              ? [sourceId, ...s.sourceIds.filter((x) => x !== sourceId)]
              : s.sourceIds.filter((x) => x !== sourceId),
          },
    );
    try {
      if (inStory) await api.addToStory(storyId, sourceId);
      else await api.removeFromStory(storyId, sourceId);
    } finally {
      await this.refresh();
    }
  }

  /** setShowRemoved shows or hides removed text in the reader, and remembers the choice. */
  setShowRemoved(on: boolean): void {
    this.showRemoved = on;
    try {
      localStorage.setItem(removedKey, on ? '1' : '0');
    } catch {
      // Only a preference.
    }
  }

  /**
   * applySource takes a source the server changed: the reader shows it if it
   * is open, and the library row (title, outlet, date, words) follows.
   */
  applySource(s: Source): void {
    if (this.current?.id === s.id) this.current = s;
    const sum = summaryOf(s);
    this.list.replace(sum);
    if (this.summaries.has(s.id)) {
      this.summaries.set(s.id, sum);
      this.summariesVersion++;
    }
  }

  /** updateSource saves corrected metadata; the server's answer (dates as ISO 8601) is shown. */
  async updateSource(u: SourceUpdate): Promise<Source> {
    const s = await api.updateSource(u);
    this.applySource(s);
    return s;
  }

  /**
   * setBoilerplate sets block `index` of a source aside (true) or restores it
   * (false). The reader changes at once; the server's answer replaces the
   * guess (word count included), and a failure puts the block back.
   */
  async setBoilerplate(sourceId: number, index: number, boilerplate: boolean): Promise<Source> {
    const was = this.current?.id === sourceId ? this.current.blocks[index]?.boilerplate : undefined;
    const mark = (reason: string) => {
      const cur = this.current;
      if (cur?.id !== sourceId || !cur.blocks[index]) return;
      this.current = { ...cur, blocks: cur.blocks.map((b, i) => (i === index ? { ...b, boilerplate: reason } : b)) };
    };
    if (was !== undefined) mark(boilerplate ? was || 'other' : '');
    try {
      const s = await api.setBoilerplate(sourceId, index, boilerplate);
      this.applySource(s);
      return s;
    } catch (err) {
      if (was !== undefined) mark(was);
      throw err;
    }
  }

  toggleExpanded(id: number): void {
    this.expanded = { ...this.expanded, [id]: !this.expanded[id] };
  }
}

function readLast(): string | null {
  try {
    return localStorage.getItem(lastKey);
  } catch {
    return null;
  }
}

function readRemoved(): boolean {
  try {
    return localStorage.getItem(removedKey) === '1';
  } catch {
    return false;
  }
}

function writeLast(id: number | null): void {
  try {
    if (id === null) localStorage.removeItem(lastKey);
    else localStorage.setItem(lastKey, String(id));
  } catch {
    // Remembering the last source is a convenience only.
  }
}

export const notebook = new Notebook();
