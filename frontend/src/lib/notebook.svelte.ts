// The notebook as the UI sees it: library, selection and the open source.
// Components read this state and call its actions; actions call api.ts.

import * as api from './api';
import { matchesFilter, sourceFilter } from './text';
import { nextIndex } from './keys';
import type { Info, Source, SourceSummary, SourceUpdate, Story } from './types';

/** Scope is the list a selection was made in: all sources, or one story. */
export type Scope = 'all' | number;

const lastKey = 'sourcebook.lastSource';
const removedKey = 'sourcebook.showRemoved';

/** summaryOf is the library's view of a source. */
export function summaryOf(s: Source): SourceSummary {
  const { id, uuid, title, outlet, authors, published, kind, words, importedAt, storyIds } = s;
  return { id, uuid, title, outlet, authors, published, kind, words, importedAt, storyIds };
}

export class Notebook {
  info = $state<Info | null>(null);
  // Raw: always replaced whole, never changed in place, and a library of
  // 100,000 sources would otherwise be 100,000 proxies.
  stories = $state.raw<Story[]>([]);
  sources = $state.raw<SourceSummary[]>([]);
  /** True once the first library() answered. */
  loaded = $state(false);
  /** Why the notebook could not be loaded at all, or "". */
  loadError = $state('');

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

  byId = $derived(new Map(this.sources.map((s) => [s.id, s])));
  /** The filter's test, its words folded once. */
  private matches = $derived(sourceFilter(this.filter));
  visible = $derived(this.filter.trim() === '' ? this.sources : this.sources.filter(this.matches));

  private seq = 0;

  /** storySources lists a story's sources that pass the filter, newest first. */
  storySources(story: Story): SourceSummary[] {
    const out: SourceSummary[] = [];
    for (const id of story.sourceIds) {
      const s = this.byId.get(id);
      if (s && this.matches(s)) out.push(s);
    }
    return out;
  }

  /** listFor returns the rows J/K move through for a scope. */
  listFor(scope: Scope): SourceSummary[] {
    if (scope === 'all') return this.visible;
    const story = this.stories.find((s) => s.id === scope);
    return story ? this.storySources(story) : this.visible;
  }

  /** start tells Go the UI is up, loads the library and reopens the last source. */
  async start(): Promise<void> {
    try {
      this.info = await api.ready();
      await this.refresh();
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
      return;
    }
    const last = Number(readLast());
    const first = this.sources[0];
    if (last && this.byId.has(last)) void this.select(last);
    else if (first) void this.select(first.id);
  }

  /** refresh reloads stories and sources; a selection that vanished is cleared. */
  async refresh(): Promise<void> {
    const lib = await api.library();
    this.stories = lib.stories;
    this.sources = lib.sources;
    this.loaded = true;
    if (this.info) this.info = { ...this.info, sources: lib.sources.length };
    if (typeof this.scope === 'number' && !lib.stories.some((s) => s.id === this.scope)) this.scope = 'all';
    if (this.selectedId !== null && !lib.sources.some((s) => s.id === this.selectedId)) {
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
    const id = this.selectedId ?? this.sources[0]?.id ?? null;
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
    const s = this.byId.get(id);
    if (s && !matchesFilter(s, this.filter)) this.filter = '';
    await this.select(id, 'all');
  }

  /** move selects the next (+1) or previous (-1) source of the current list. */
  move(step: number): number | null {
    const list = this.listFor(this.scope);
    const at = list.findIndex((s) => s.id === this.selectedId);
    const i = nextIndex(at, step, list.length);
    const target = list[i];
    if (!target) return null;
    if (target.id !== this.selectedId) void this.select(target.id);
    return target.id;
  }

  /** deleteSource deletes a source, then selects its neighbour in the list. */
  async deleteSource(id: number): Promise<void> {
    const list = this.listFor(this.scope);
    const at = list.findIndex((s) => s.id === id);
    const neighbour = at >= 0 ? (list[at + 1] ?? list[at - 1]) : undefined;
    await api.deleteSource(id);
    if (this.current?.id === id) this.current = null;
    await this.refresh();
    const next = neighbour && this.byId.has(neighbour.id) ? neighbour.id : this.sources[0]?.id;
    if (next !== undefined) await this.select(next);
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
    this.sources = this.sources.map((x) => (x.id === s.id ? { ...sum, storyIds: x.storyIds } : x));
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
