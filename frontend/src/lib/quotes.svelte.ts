// Quotes, highlights and speakers as the UI sees them: those of the open
// source, the one selected in the inspector, the speakers list, and which
// view fills the centre (reader, quote page, speakers, speaker page).
// Changes are shown at once and undone when the server refuses them.

import * as api from './api';
import { notebook } from './notebook.svelte';
import type { Highlight, HighlightRequest, Quote, QuoteRequest, Speaker } from './types';

/** View is what the centre pane shows. */
export type View =
  | { kind: 'reader' }
  | { kind: 'quote'; id: number }
  | { kind: 'speakers' }
  | { kind: 'speaker'; id: number }
  | { kind: 'compare'; ids: number[] };

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
  speakers = $state<Speaker[]>([]);
  selectedId = $state<number | null>(null);
  inspectorOpen = $state(readFlag(inspectorKey, true));
  showRejected = $state(readFlag(rejectedKey, false));
  view = $state<View>({ kind: 'reader' });
  /** The last passage selected in the reader (for placing an orphan again). */
  lastSelection = $state<{ start: number; end: number; text: string } | null>(null);
  /** A quote the reader scrolls to once it is on the page. */
  scrollTo = $state<number | null>(null);

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

  /** openQuote shows the quote page of a quote. */
  openQuote(id: number): void {
    this.view = { kind: 'quote', id };
  }

  /** showInSource opens a quote's source in the reader, scrolled to the quote and selected. */
  async showInSource(q: Pick<Quote, 'id' | 'sourceId'>): Promise<void> {
    this.view = { kind: 'reader' };
    this.selectedId = q.id;
    this.scrollTo = q.id;
    await notebook.reveal(q.sourceId);
  }
}

export const desk = new QuoteDesk();
