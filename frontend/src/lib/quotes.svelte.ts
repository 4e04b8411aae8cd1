// Quotes, highlights and speakers as the UI sees them: those of the open
// source, the one selected in the inspector, the speakers list, and which
// view fills the centre (reader, quote page, speakers, speaker page, notes,
// note page, story page, tag page, compare), with a short history for Back.
// Changes are shown at once and undone when the server refuses them.

import * as api from './api';
import { notebook, type Scope } from './notebook.svelte';
import type { Highlight, HighlightRequest, NoteTarget, Quote, QuoteRequest, Speaker } from './types';

/** View is what the centre pane shows. */
export type View =
  | { kind: 'reader' }
  | { kind: 'quote'; id: number }
  | { kind: 'speakers' }
  | { kind: 'speaker'; id: number }
  | { kind: 'compare'; ids: number[] }
  | { kind: 'notes' }
  | { kind: 'note'; id: number }
  | { kind: 'story'; id: number }
  | { kind: 'tag'; name: string };

/** sameView reports whether two views show the same thing. */
export function sameView(a: View, b: View): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How many views Back remembers. */
const maxHistory = 30;

const inspectorKey = 'sourcebook.inspector';
const rejectedKey = 'sourcebook.showRejected';

function readFlag(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? '1' : '0');
  } catch {
    // Only a preference.
  }
}

export class QuoteDesk {
  /** The source whose quotes and highlights are loaded. */
  sourceId = $state<number | null>(null);
  quotes = $state<Quote[]>([]);
  highlights = $state<Highlight[]>([]);
  loading = $state(false);
  loadError = $state('');
  // Raw: replaced whole, never changed in place; 20,000 proxies took a
  // quarter of a second to make.
  speakers = $state.raw<Speaker[]>([]);
  selectedId = $state<number | null>(null);
  inspectorOpen = $state(readFlag(inspectorKey, true));
  showRejected = $state(readFlag(rejectedKey, false));
  view = $state<View>({ kind: 'reader' });
  /** The last passage selected in the reader (for placing an orphan again). */
  lastSelection = $state<{ start: number; end: number; text: string } | null>(null);
  /** A quote the reader scrolls to once it is on the page. */
  scrollTo = $state<number | null>(null);
  /** A highlight (its note's id) the reader scrolls to once it is on the page. */
  scrollToHighlight = $state<number | null>(null);
  /** Set when a note is opened to be written in: its page focuses the editor. */
  focusEditor = $state(false);
  /** What a new note (the page of note 0) will be attached to and tagged with when its first words are saved. */
  draft = $state<{ attach: NoteTarget | null; tags: string[] }>({ attach: null, tags: [] });
  /** Views to go back to, most recent last. */
  history = $state<View[]>([]);

  byId = $derived(new Map(this.quotes.map((q) => [q.id, q])));
  selected = $derived(this.selectedId === null ? null : (this.byId.get(this.selectedId) ?? null));
  speakerNames = $derived(this.speakers.map((s) => s.name));

  private seq = 0;

  /** load fetches a source's quotes and highlights; stale answers are dropped. */
  async load(sourceId: number, keepSelection = false): Promise<void> {
    const seq = ++this.seq;
    if (this.sourceId !== sourceId) {
      this.quotes = [];
      this.highlights = [];
      // A quote opened from elsewhere (showInSource) stays selected.
      if (!keepSelection && this.selectedId !== this.scrollTo) this.selectedId = null;
    }
    if (this.sourceId !== sourceId) this.lastSelection = null;
    this.sourceId = sourceId;
    this.loading = true;
    this.loadError = '';
    try {
      const [qs, hs] = await Promise.all([api.quotes(sourceId), api.highlights(sourceId)]);
      if (seq !== this.seq) return;
      this.quotes = qs;
      this.highlights = hs;
    } catch (err) {
      if (seq === this.seq) this.loadError = err instanceof Error ? err.message : String(err);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** reload fetches the open source's quotes again (after a change that regroups them). */
  async reload(): Promise<void> {
    if (this.sourceId !== null) await this.load(this.sourceId, true);
  }

  async loadSpeakers(): Promise<void> {
    this.speakers = await api.speakers();
  }

  select(id: number | null): void {
    this.selectedId = id;
  }

  setInspector(open: boolean): void {
    this.inspectorOpen = open;
    writeFlag(inspectorKey, open);
  }

  setShowRejected(on: boolean): void {
    this.showRejected = on;
    writeFlag(rejectedKey, on);
  }

  /** put replaces a quote of the open source with the server's version. */
  private put(q: Quote): void {
    this.quotes = this.quotes.map((x) => (x.id === q.id ? q : x));
  }

  /** change shows a guess at once and the server's answer when it comes; a failure puts the quote back. */
  private async change(id: number, guess: Partial<Quote>, send: () => Promise<Quote>): Promise<Quote> {
    const was = this.byId.get(id);
    if (was) this.put({ ...was, ...guess });
    try {
      const q = await send();
      this.put(q);
      return q;
    } catch (err) {
      if (was) this.put(was);
      throw err;
    }
  }

  setStatus(id: number, status: 'suggested' | 'confirmed' | 'rejected'): Promise<Quote> {
    return this.change(id, { status }, () => api.setQuoteStatus(id, status));
  }

  async setSpeaker(id: number, name: string): Promise<Quote> {
    const q = await this.change(id, { speaker: name }, () => api.setQuoteSpeaker(id, name));
    void this.loadSpeakers().catch(() => {});
    return q;
  }

  setKind(id: number, kind: string): Promise<Quote> {
    return this.change(id, { kind }, () => api.setQuoteKind(id, kind));
  }

  async setSpan(id: number, start: number, end: number): Promise<Quote> {
    const q = await api.setQuoteSpan(id, start, end);
    this.put(q);
    void this.reload();
    return q;
  }

  async createQuote(req: QuoteRequest): Promise<Quote> {
    const q = await api.createQuote(req);
    this.quotes = [...this.quotes.filter((x) => x.id !== q.id), q].sort((a, b) => a.start - b.start);
    this.selectedId = q.id;
    // The new quote may join an utterance other sources carry, and a new name is a new speaker.
    void this.reload();
    void this.loadSpeakers().catch(() => {});
    return q;
  }

  async createHighlight(req: HighlightRequest): Promise<Highlight> {
    const h = await api.createHighlight(req);
    this.highlights = [...this.highlights, h].sort((a, b) => a.start - b.start);
    return h;
  }

  async updateHighlight(id: number, note: string): Promise<Highlight> {
    const was = this.highlights.find((h) => h.id === id);
    this.highlights = this.highlights.map((h) => (h.id === id ? { ...h, note } : h));
    try {
      const h = await api.updateHighlight(id, note);
      this.highlights = this.highlights.map((x) => (x.id === id ? h : x));
      return h;
    } catch (err) {
      if (was) this.highlights = this.highlights.map((x) => (x.id === id ? was : x));
      throw err;
    }
  }

  async deleteHighlight(id: number): Promise<void> {
    const was = this.highlights;
    this.highlights = was.filter((h) => h.id !== id);
    try {
      await api.deleteHighlight(id);
    } catch (err) {
      this.highlights = was;
      throw err;
    }
  }

  /** go shows a view and remembers the one it replaces for back(). */
  go(view: View): void {
    if (sameView(view, this.view)) return;
    this.history = [...this.history.filter((v) => !sameView(v, this.view)), this.view].slice(-maxHistory);
    this.view = view;
  }

  /** back returns to the previous view (one that is not the current one), else the reader. */
  back(): void {
    const h = [...this.history];
    let prev = h.pop();
    while (prev && sameView(prev, this.view)) prev = h.pop();
    this.history = h;
    this.view = prev ?? { kind: 'reader' };
  }

  /** backLabel names where back() goes, for its button. */
  backLabel(): string {
    const prev = [...this.history].reverse().find((v) => !sameView(v, this.view));
    return prev ? viewLabel(prev) : 'Reader';
  }

  /** forget drops views of things that are gone (a deleted note) from the history. */
  forget(gone: (v: View) => boolean): void {
    this.history = this.history.filter((v) => !gone(v));
  }

  /**
   * newNote opens an empty note to write in, attached to `attach` (or
   * standalone). It is saved, and so exists, from its first words: an
   * abandoned empty note leaves nothing behind.
   */
  newNote(attach: NoteTarget | null = null, tags: string[] = []): void {
    // A new object each time: the page of an empty note already open starts again from it.
    this.draft = { attach, tags };
    this.focusEditor = true;
    this.go({ kind: 'note', id: 0 });
  }

  /** openNote shows a note's page; `write` puts the caret in its editor. */
  openNote(id: number, write = false): void {
    this.focusEditor = write;
    this.go({ kind: 'note', id });
  }

  /**
   * openTarget shows what a [[link]] or an attachment points at: a note's
   * page, a source in the reader, a quote's page, a speaker's page or a
   * story's page. Returns false for a kind it does not know.
   */
  openTarget(kind: string, id: number): boolean {
    if (!id) return false;
    switch (kind) {
      case 'note':
        this.openNote(id);
        return true;
      case 'source':
        void this.showSource(id);
        return true;
      case 'quote':
        this.openQuote(id);
        return true;
      case 'speaker':
        this.go({ kind: 'speaker', id });
        return true;
      case 'story':
        this.go({ kind: 'story', id });
        return true;
      default:
        return false;
    }
  }

  /** openQuote shows the quote page of a quote. */
  openQuote(id: number): void {
    this.go({ kind: 'quote', id });
  }

  /** showInSource opens a quote's source in the reader, scrolled to the quote and selected. */
  async showInSource(q: Pick<Quote, 'id' | 'sourceId'>): Promise<void> {
    this.go({ kind: 'reader' });
    this.selectedId = q.id;
    this.scrollTo = q.id;
    await notebook.reveal(q.sourceId);
  }

  /** showHighlight opens a source in the reader at a highlight (a note on a passage). */
  async showHighlight(noteId: number, sourceId: number): Promise<void> {
    this.go({ kind: 'reader' });
    this.scrollToHighlight = noteId;
    await notebook.reveal(sourceId);
  }

  /** showSource opens a source in the reader. */
  async showSource(sourceId: number, scope: Scope = 'all'): Promise<void> {
    this.go({ kind: 'reader' });
    if (scope === 'all') await notebook.reveal(sourceId);
    else await notebook.select(sourceId, scope);
  }
}

/** viewLabel names a view in a few words, for Back buttons. */
export function viewLabel(v: View): string {
  switch (v.kind) {
    case 'reader':
      return 'Reader';
    case 'quote':
      return 'Quote';
    case 'speakers':
      return 'Speakers';
    case 'speaker':
      return 'Speaker';
    case 'compare':
      return 'Compare';
    case 'notes':
      return 'Notes';
    case 'note':
      return 'Note';
    case 'story':
      return 'Story';
    case 'tag':
      return `#${v.name}`;
  }
}

export const desk = new QuoteDesk();
