// The only module that talks to Go (see docs/api.md).
//
// In the desktop window Wails injects window.go.app.App, whose methods return
// Promises that reject with the error's message. In browser mode
// (`sourcebook serve`) every method is `POST /api/<Method>` with a JSON array
// of arguments and the X-Sourcebook-Token header; failures carry
// {"error": {"code", "message"}}.
//
// Results are normalised here (Go encodes nil slices as null) so the rest of
// the UI can trust the types in ./types.ts.

import type {
  Fact,
  TimelineEvent,
  FactPair,
  Block,
  ComparePair,
  Comparison,
  DiffOp,
  FileData,
  FileResult,
  Highlight,
  HighlightRequest,
  Hit,
  ImportResult,
  ImportTextRequest,
  Info,
  Library,
  LibraryPage,
  LibraryRequest,
  Quote,
  QuotePage,
  QuoteRequest,
  ReextractResult,
  SearchGroup,
  SearchKind,
  SearchRequest,
  SearchResults,
  Source,
  SourceSummary,
  SourceUpdate,
  Speaker,
  SpeakerSuggestion,
  SpeakerUpdate,
  Story,
  TextSpan,
  Backlink,
  LinkTarget,
  Note,
  NoteFilter,
  NoteRequest,
  NoteTarget,
  StoryPage,
  Tag,
  UndoInfo,
  Backup,
  ExportFormat,
  ExportRequest,
  ExportResult,
  Job,
  MergeResult,
  RestoreResult,
} from './types';
// The bindings Wails generates from app.App (make generate). Importing them
// makes the type checker hold every call below to the Go method's signature.
import * as Wails from '../../wailsjs/go/app/App';

/** Methods is app.App's API as Wails generated it. */
type Methods = typeof Wails;
type Method = keyof Methods;

/**
 * Codes from docs/api.md, plus two the UI itself produces: `network` when the
 * server cannot be reached and `unknown` when the desktop binding rejected
 * (Wails gives only the message).
 */
export type ErrorCode =
  | 'invalid'
  | 'notfound'
  | 'conflict'
  | 'toolarge'
  | 'cancelled'
  | 'internal'
  | 'unauthorized'
  | 'forbidden'
  | 'network'
  | 'unknown';

/** ApiError is every failure of a call to Go; `message` is fit to show. */
export class ApiError extends Error {
  readonly code: ErrorCode | string;

  constructor(message: string, code: ErrorCode | string = 'unknown') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

type Binding = (...args: unknown[]) => Promise<unknown>;

declare global {
  interface Window {
    go?: { app?: { App?: Record<string, Binding | undefined> } };
    /** The Wails runtime, present in the desktop window (see lib/menu.ts for its events). */
    runtime?: {
      BrowserOpenURL?: (url: string) => void;
      /** Calls back on every event of the name; returns the function that stops it. */
      EventsOn?: (name: string, callback: (...data: unknown[]) => void) => (() => void) | undefined;
    };
  }
}

const tokenKey = 'sourcebook.token';
let token: string | null | undefined;

/**
 * takeToken returns the browser-mode access token. On the first call it moves
 * a `token` found in the page address into sessionStorage and removes it from
 * the address bar (so it does not linger in history or screenshots).
 */
export function takeToken(): string | null {
  if (token !== undefined) return token;
  token = null;
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    token = fromUrl;
    try {
      sessionStorage.setItem(tokenKey, fromUrl);
    } catch {
      // Storage can be disabled; the token then lives only in memory.
    }
    params.delete('token');
    const query = params.toString();
    const clean = window.location.pathname + (query ? `?${query}` : '') + window.location.hash;
    try {
      window.history.replaceState(window.history.state, '', clean);
    } catch {
      // Not fatal: the address bar keeps the token.
    }
    return token;
  }
  try {
    token = sessionStorage.getItem(tokenKey);
  } catch {
    token = null;
  }
  return token;
}

/** inDesktop reports whether the Wails bindings are present. */
export function inDesktop(): boolean {
  return typeof window !== 'undefined' && window.go?.app?.App !== undefined;
}

/**
 * openExternal opens an http(s) address in the user's browser: through the
 * Wails runtime in the desktop window (a webview would otherwise navigate
 * away from the app), in a new tab in browser mode.
 */
export function openExternal(url: string): void {
  const open = window.runtime?.BrowserOpenURL;
  if (typeof open === 'function') open(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notfound',
  409: 'conflict',
  413: 'toolarge',
};

async function callWails(app: Record<string, Binding | undefined>, method: Method, args: unknown[]): Promise<unknown> {
  if (typeof app[method] !== 'function') {
    throw new ApiError(`This version of Sourcebook has no ${method} method. Rebuild the app.`, 'internal');
  }
  try {
    const fn = Wails[method] as (...a: unknown[]) => Promise<unknown>;
    return await fn(...args);
  } catch (err) {
    const message = typeof err === 'string' ? err : err instanceof Error ? err.message : String(err);
    throw new ApiError(message || 'Something went wrong.', 'unknown');
  }
}

/** Keepalive requests may carry at most 64 KiB in all (the browser's limit). */
const keepaliveMax = 60 * 1024;

async function callHttp(method: string, args: unknown[], keepalive = false): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const t = takeToken();
  if (t) headers['X-Sourcebook-Token'] = t;
  let res: Response;
  const body0 = JSON.stringify(args);
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers,
      body: body0,
      credentials: 'same-origin',
      // A save made as the page closes must outlive it.
      keepalive: keepalive && body0.length <= keepaliveMax,
    });
  } catch {
    throw new ApiError('Sourcebook is not answering. Is `sourcebook serve` still running?', 'network');
  }
  const body = await res.text();
  if (res.ok) {
    if (body.trim() === '') return null;
    try {
      return JSON.parse(body);
    } catch {
      throw new ApiError(`Sourcebook sent an answer to ${method} that is not JSON.`, 'internal');
    }
  }
  let code: string = codeByStatus[res.status] ?? 'internal';
  let message = '';
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed?.error?.code === 'string' && parsed.error.code) code = parsed.error.code;
    if (typeof parsed?.error?.message === 'string') message = parsed.error.message;
  } catch {
    // Not our JSON (a proxy, or a crash): fall back on the status.
  }
  // The server's own refusals carry only their code; say what to do instead.
  if (code === 'unauthorized' || code === 'forbidden') {
    message = 'This page is not allowed to open the notebook. Open the full address that `sourcebook serve` printed.';
  } else if (code === 'internal' && (message === '' || message === 'internal error')) {
    message = 'Something went wrong inside Sourcebook; the details are in its log.';
  } else if (!message) {
    message = `Sourcebook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
  }
  throw new ApiError(message, code);
}

/** call invokes one app.App method on whichever transport this page has. */
async function call<M extends Method>(method: M, ...args: Parameters<Methods[M]>): Promise<unknown> {
  const app = typeof window !== 'undefined' ? window.go?.app?.App : undefined;
  return app ? callWails(app, method, args) : callHttp(method, args);
}

// Normalisers: Go sends null for empty slices.
const arr = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);

function summary(s: SourceSummary): SourceSummary {
  return { ...s, authors: arr(s.authors), storyIds: arr(s.storyIds) };
}

function story(s: Story): Story {
  return { ...s, sourceIds: arr(s.sourceIds) };
}

function block(b: Partial<Block> | null): Block {
  return {
    kind: b?.kind || 'paragraph',
    level: Number(b?.level) || 0,
    start: Number(b?.start) || 0,
    end: Number(b?.end) || 0,
    boilerplate: b?.boilerplate ?? '',
  };
}

function full(s: Source): Source {
  return {
    ...s,
    ...summary(s),
    url: s.url ?? '',
    updated: s.updated ?? '',
    lang: s.lang ?? '',
    description: s.description ?? '',
    mediaType: s.mediaType ?? '',
    originalName: s.originalName ?? '',
    extractor: s.extractor ?? '',
    text: s.text ?? '',
    blocks: arr(s.blocks).map(block),
  };
}

function fileResult(r: FileResult): FileResult {
  return { ...r, name: r.name ?? '', source: r.source ? summary(r.source) : null, duplicate: !!r.duplicate, error: r.error ?? '' };
}

function hit(h: Partial<Hit> | null): Hit {
  return {
    kind: str(h?.kind),
    id: num(h?.id),
    sourceId: num(h?.sourceId),
    title: str(h?.title),
    speaker: str(h?.speaker),
    sourceTitle: str(h?.sourceTitle),
    outlet: str(h?.outlet),
    published: str(h?.published),
    snippet: arr(h?.snippet)
      .filter((g) => g && typeof g.text === 'string')
      .map((g) => ({ text: g.text, match: !!g.match })),
    score: num(h?.score),
  };
}

function group(g: Partial<SearchGroup> | null): SearchGroup {
  const hits = arr(g?.hits).map(hit);
  return { kind: str(g?.kind), hits, total: Math.max(num(g?.total), hits.length), more: !!g?.more };
}

function results(r: Partial<SearchResults> | null, query: string): SearchResults {
  return { query: typeof r?.query === 'string' ? r.query : query, hits: arr(r?.hits).map(hit), groups: arr(r?.groups).map(group) };
}

/** ready tells Go the UI has loaded and returns what is open. */
export async function ready(): Promise<Info> {
  return (await call('Ready')) as Info;
}

/** library returns every story and every source, newest first. */
export async function library(): Promise<Library> {
  const lib = ((await call('Library')) ?? {}) as Partial<Library>;
  return { stories: arr(lib.stories).map(story), sources: arr(lib.sources).map(summary) };
}

/**
 * libraryPage returns a stretch of the library (newest first) with the
 * number of sources listed; with `around`, the page holding that source and
 * its `index` in the list (-1 when the filter leaves it out).
 */
export async function libraryPage(req: Partial<LibraryRequest>): Promise<LibraryPage> {
  const full: LibraryRequest = { filter: '', offset: 0, limit: 0, around: 0, ...req };
  const p = ((await call('LibraryPage', full)) ?? {}) as Partial<LibraryPage>;
  const index = Number(p.index);
  return {
    offset: num(p.offset),
    total: num(p.total),
    all: num(p.all),
    index: Number.isInteger(index) ? index : -1,
    sources: arr(p.sources).map(summary),
  };
}

/** stories returns every story with its sources' ids (by id, highest first). */
export async function stories(): Promise<Story[]> {
  return arr((await call('Stories')) as Story[] | null).map(story);
}

/** sourceSummaries returns the summaries of the sources asked for (at most 1,000), in that order, leaving out missing ones. */
export async function sourceSummaries(ids: number[]): Promise<SourceSummary[]> {
  if (ids.length === 0) return [];
  return arr((await call('SourceSummaries', ids)) as SourceSummary[] | null).map(summary);
}

/** outlets lists the outlets the sources name, the one with the most sources first. */
export async function outlets(): Promise<string[]> {
  return arr((await call('Outlets')) as string[] | null).filter((o) => typeof o === 'string');
}

/** noteCount returns how many notes there are. */
export async function noteCount(): Promise<number> {
  return num(await call('NoteCount'));
}

/** source returns one source with its text; `notfound` if it is gone. */
export async function source(id: number): Promise<Source> {
  return full((await call('Source', id)) as Source);
}

/** importText adds pasted text; `duplicate` names the source it repeats. */
export async function importText(req: ImportTextRequest): Promise<ImportResult> {
  const r = (await call('ImportText', req)) as ImportResult;
  return { ...r, source: summary(r.source) };
}

/** importFiles adds files (0 = no story); per-file failures are in `error`. */
export async function importFiles(files: FileData[], storyId: number): Promise<FileResult[]> {
  return arr((await call('ImportFiles', files, storyId)) as FileResult[] | null).map(fileResult);
}

/**
 * importURL fetches one web page and imports it: the only time Sourcebook
 * goes online. A fetch or extraction failure is in `error`; the call itself
 * fails only for a bad address or story.
 */
export async function importURL(url: string, storyId: number): Promise<FileResult> {
  return fileResult((await call('ImportURL', url, storyId)) as FileResult);
}

/** updateSource saves the user's corrections of a source's metadata and returns the source. */
export async function updateSource(u: SourceUpdate): Promise<Source> {
  return full((await call('UpdateSource', u)) as Source);
}

/** setBoilerplate sets block `index` of a source aside (true) or restores it (false). */
export async function setBoilerplate(sourceId: number, index: number, boilerplate: boolean): Promise<Source> {
  return full((await call('SetBoilerplate', sourceId, index, boilerplate)) as Source);
}

/** deleteSource removes a source from the notebook and from its stories. */
export async function deleteSource(id: number): Promise<void> {
  await call('DeleteSource', id);
}

/**
 * search is the search box's search as typed, over every kind: `hits` holds
 * the sources, best first, and `groups` every kind.
 */
export async function search(query: string): Promise<SearchResults> {
  return results((await call('Search', query)) as Partial<SearchResults> | null, query);
}

/**
 * searchAll searches sources, quotes, speakers and notes at once, narrowed by
 * the request's filters (fields left out are no filter), and returns the hits
 * grouped by kind. Any query text is accepted; with no words but a filter it
 * lists what the filters select. `invalid` for a date that is not ISO.
 */
export async function searchAll(req: Partial<SearchRequest>): Promise<SearchResults> {
  const full: SearchRequest = {
    query: '',
    asYouType: false,
    kinds: [] as SearchKind[],
    storyId: 0,
    tag: '',
    speakerId: 0,
    outlet: '',
    from: '',
    to: '',
    limit: 0,
    ...req,
  };
  return results((await call('SearchAll', full as never)) as Partial<SearchResults> | null, full.query);
}

/** createStory makes an empty story. */
export async function createStory(title: string): Promise<Story> {
  return story((await call('CreateStory', title)) as Story);
}

/** renameStory gives a story a new title. */
export async function renameStory(id: number, title: string): Promise<void> {
  await call('RenameStory', id, title);
}

/** deleteStory removes a story; its sources stay in the library. */
export async function deleteStory(id: number): Promise<void> {
  await call('DeleteStory', id);
}

/** addToStory puts a source in a story. */
export async function addToStory(storyId: number, sourceId: number): Promise<void> {
  await call('AddToStory', storyId, sourceId);
}

/** removeFromStory takes a source out of a story (the source stays). */
export async function removeFromStory(storyId: number, sourceId: number): Promise<void> {
  await call('RemoveFromStory', storyId, sourceId);
}

// Quotes, speakers and highlights.

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => Number(v) || 0;

function quote(q: Partial<Quote> | null): Quote {
  return {
    id: num(q?.id),
    uuid: str(q?.uuid),
    sourceId: num(q?.sourceId),
    sourceTitle: str(q?.sourceTitle),
    sourceOutlet: str(q?.sourceOutlet),
    sourcePublished: str(q?.sourcePublished),
    text: str(q?.text),
    start: num(q?.start),
    end: num(q?.end),
    kind: str(q?.kind) || 'direct',
    status: str(q?.status) || 'suggested',
    origin: str(q?.origin),
    cue: str(q?.cue),
    speakerText: str(q?.speakerText),
    speakerId: num(q?.speakerId),
    speaker: str(q?.speaker),
    role: str(q?.role),
    affiliation: str(q?.affiliation),
    group: str(q?.group),
    groupSources: Math.max(1, num(q?.groupSources)),
    orphan: !!q?.orphan,
  };
}

function speaker(s: Partial<Speaker> | null): Speaker {
  return {
    id: num(s?.id),
    uuid: str(s?.uuid),
    name: str(s?.name),
    role: str(s?.role),
    affiliation: str(s?.affiliation),
    aliases: arr(s?.aliases),
    quotes: num(s?.quotes),
    sources: num(s?.sources),
  };
}

function highlight(h: Partial<Highlight> | null): Highlight {
  return {
    id: num(h?.id),
    sourceId: num(h?.sourceId),
    start: num(h?.start),
    end: num(h?.end),
    text: str(h?.text),
    note: str(h?.note),
    orphan: !!h?.orphan,
  };
}

/** quotes lists a source's quotes in text order, rejected and orphaned ones included (0: the whole notebook). */
export async function quotes(sourceId: number): Promise<Quote[]> {
  return arr((await call('Quotes', sourceId)) as Quote[] | null).map(quote);
}

/** speakerQuotes lists every quote attributed to a speaker. */
export async function speakerQuotes(speakerId: number): Promise<Quote[]> {
  return arr((await call('SpeakerQuotes', speakerId)) as Quote[] | null).map(quote);
}

/** quotePage returns every occurrence of the utterance a quote belongs to, with word diffs. */
export async function quotePage(id: number): Promise<QuotePage> {
  const p = ((await call('QuotePage', id)) ?? {}) as Partial<QuotePage>;
  return {
    group: str(p.group),
    quotes: arr(p.quotes).map(quote),
    longest: num(p.longest),
    variants: arr(p.variants).map((v) => ({ ...v, ops: arr(v.ops).map((o) => ({ kind: str(o.kind), a: str(o.a), b: str(o.b) })) })),
    speakers: arr(p.speakers),
  };
}

/** createQuote marks a passage as a confirmed quote by the speaker named. */
export async function createQuote(req: QuoteRequest): Promise<Quote> {
  return quote((await call('CreateQuote', req)) as Quote);
}

/** suggestSpeaker says who probably said the passage [start, end). */
export async function suggestSpeaker(sourceId: number, start: number, end: number): Promise<SpeakerSuggestion> {
  const s = ((await call('SuggestSpeaker', sourceId, start, end)) ?? {}) as Partial<SpeakerSuggestion>;
  return { speaker: str(s.speaker), role: str(s.role), affiliation: str(s.affiliation), cue: str(s.cue) };
}

/** setQuoteStatus marks a quote suggested, confirmed or rejected. */
export async function setQuoteStatus(id: number, status: string): Promise<Quote> {
  return quote((await call('SetQuoteStatus', id, status)) as Quote);
}

/** setQuoteSpeaker attributes a quote to a speaker by name ("" unattributed). */
export async function setQuoteSpeaker(id: number, name: string): Promise<Quote> {
  return quote((await call('SetQuoteSpeaker', id, name)) as Quote);
}

/** setQuoteKind changes a quote's kind (direct, partial, block, scare). */
export async function setQuoteKind(id: number, kind: string): Promise<Quote> {
  return quote((await call('SetQuoteKind', id, kind)) as Quote);
}

/** setQuoteSpan moves a quote to [start, end) of its source (and places an orphan again). */
export async function setQuoteSpan(id: number, start: number, end: number): Promise<Quote> {
  return quote((await call('SetQuoteSpan', id, start, end)) as Quote);
}

/** deleteQuote deletes a hand-made quote; a found one becomes rejected. */
export async function deleteQuote(id: number): Promise<void> {
  await call('DeleteQuote', id);
}

/** speakers lists everyone quoted, most quoted first. */
export async function speakers(): Promise<Speaker[]> {
  return arr((await call('Speakers')) as Speaker[] | null).map(speaker);
}

/** updateSpeaker renames a speaker or corrects their details; `conflict` when the name is taken. */
export async function updateSpeaker(u: SpeakerUpdate): Promise<Speaker> {
  return speaker((await call('UpdateSpeaker', u)) as Speaker);
}

/** mergeSpeakers makes `others` one with `into`; their names become aliases. */
export async function mergeSpeakers(into: number, others: number[]): Promise<Speaker> {
  return speaker((await call('MergeSpeakers', into, others)) as Speaker);
}

/** splitSpeaker moves some of a speaker's quotes to the speaker named (new or existing). */
export async function splitSpeaker(id: number, quoteIds: number[], name: string): Promise<Speaker> {
  return speaker((await call('SplitSpeaker', id, quoteIds, name)) as Speaker);
}

/** highlights lists a source's highlights. */
export async function highlights(sourceId: number): Promise<Highlight[]> {
  return arr((await call('Highlights', sourceId)) as Highlight[] | null).map(highlight);
}

/** createHighlight marks a passage, with an optional note. */
export async function createHighlight(req: HighlightRequest): Promise<Highlight> {
  return highlight((await call('CreateHighlight', req)) as Highlight);
}

/** updateHighlight replaces a highlight's note. */
export async function updateHighlight(id: number, note: string): Promise<Highlight> {
  return highlight((await call('UpdateHighlight', id, note)) as Highlight);
}

/** deleteHighlight removes a highlight and its note. */
export async function deleteHighlight(id: number): Promise<void> {
  await call('DeleteHighlight', id);
}

/** reextractSource extracts a source again from its original and places its quotes and highlights again. */
export async function reextractSource(id: number): Promise<ReextractResult> {
  const r = ((await call('ReextractSource', id)) ?? {}) as Partial<ReextractResult>;
  return {
    source: full(r.source as Source),
    kept: num(r.kept),
    moved: num(r.moved),
    orphans: num(r.orphans),
    added: num(r.added),
  };
}

// Comparison.

const ops = (v: DiffOp[] | null | undefined): DiffOp[] => arr(v).map((o) => ({ kind: str(o?.kind), a: str(o?.a), b: str(o?.b) }));

function span(t: Partial<TextSpan> | null | undefined): TextSpan {
  return { start: num(t?.start), end: num(t?.end), text: str(t?.text) };
}

function comparePair(p: Partial<ComparePair> | null): ComparePair {
  const q = (p?.quotes ?? {}) as Partial<ComparePair['quotes']>;
  const f = (p?.facts ?? {}) as Partial<ComparePair['facts']>;
  const shared = (s: Partial<ComparePair['quotes']['shared'][number]>) => ({
    a: quote(s.a ?? null),
    b: quote(s.b ?? null),
    relation: str(s.relation),
    sameWords: !!s.sameWords,
    sameSpeaker: !!s.sameSpeaker,
    ops: ops(s.ops),
  });
  return {
    a: num(p?.a),
    b: num(p?.b),
    coverageA: Number(p?.coverageA) || 0,
    coverageB: Number(p?.coverageB) || 0,
    shared: arr(p?.shared).map((s) => ({ a: span(s.a), b: span(s.b), kind: str(s.kind) || 'similar', score: Number(s.score) || 0, ops: ops(s.ops) })),
    onlyA: arr(p?.onlyA).map(span),
    onlyB: arr(p?.onlyB).map(span),
    quotes: {
      shared: arr(q.shared).map(shared),
      differing: arr(q.differing).map(shared),
      onlyA: arr(q.onlyA).map(quote),
      onlyB: arr(q.onlyB).map(quote),
      speakersA: arr(q.speakersA).map(str),
      speakersB: arr(q.speakersB).map(str),
    },
    facts: {
      agree: arr(f.agree).map(factPair),
      differ: arr(f.differ).map(factPair),
      onlyA: arr(f.onlyA).map(fact),
      onlyB: arr(f.onlyB).map(fact),
    },
  };
}

function fact(f: Partial<Fact> | null): Fact {
  return {
    kind: str(f?.kind),
    value: str(f?.value),
    unit: str(f?.unit),
    text: str(f?.text),
    start: num(f?.start),
    end: num(f?.end),
    sentence: span(f?.sentence ?? null),
    subject: str(f?.subject),
  };
}

function factPair(p: Partial<FactPair> | null): FactPair {
  return { a: fact(p?.a ?? null), b: fact(p?.b ?? null), score: Number(p?.score) || 0 };
}

/** compareReport renders the comparison as one standalone HTML file (no scripts), as a string. */
export async function compareReport(ids: number[]): Promise<string> {
  return String((await call('CompareReport', ids)) ?? '');
}

/** saveCompareReport asks where to save the report (window only) and returns the path, '' when cancelled. */
export async function saveCompareReport(ids: number[]): Promise<string> {
  return String((await call('SaveCompareReport', ids)) ?? '');
}

/** cancelCompare stops the comparisons in flight (they fail with `cancelled`) and says how many it stopped. */
export async function cancelCompare(): Promise<number> {
  return Number(await call('CancelCompare')) || 0;
}

/** compare compares two to eight sources pair by pair; `invalid` for fewer, more or repeated ids. */
export async function compare(ids: number[]): Promise<Comparison> {
  const c = ((await call('Compare', ids)) ?? {}) as Partial<Comparison> & { overview?: { timeline?: TimelineEvent[] } };
  const timeline = arr(c.overview?.timeline).map(timelineEvent);
  return { sources: arr(c.sources).map(summary), pairs: arr(c.pairs).map(comparePair), timeline };
}

function timelineEvent(e: Partial<TimelineEvent> | null): TimelineEvent {
  return {
    date: str(e?.date),
    label: str(e?.label),
    mentions: arr(e?.mentions).map((m) => ({ sourceId: num(m?.sourceId), text: str(m?.text), sentence: str(m?.sentence), start: num(m?.start) })),
    other: arr(e?.other).map(str),
  };
}

// Notes, links, tags, story pages and undo.

function noteTarget(t: Partial<NoteTarget> | null): NoteTarget {
  return {
    kind: str(t?.kind),
    id: num(t?.id),
    start: num(t?.start),
    end: num(t?.end),
    sourceId: num(t?.sourceId),
    label: str(t?.label),
    orphan: !!t?.orphan,
  };
}

function note(n: Partial<Note> | null): Note {
  return {
    id: num(n?.id),
    uuid: str(n?.uuid),
    title: str(n?.title),
    body: str(n?.body),
    attached: arr(n?.attached).map(noteTarget),
    links: arr(n?.links).map((l) => ({ target: str(l?.target), text: str(l?.text), kind: str(l?.kind), id: num(l?.id), label: str(l?.label) })),
    tags: arr(n?.tags).map(str),
    createdAt: str(n?.createdAt),
    modifiedAt: str(n?.modifiedAt),
  };
}

/** notes lists notes, most recently changed first, narrowed by the filter. */
export async function notes(filter: Partial<NoteFilter> = {}): Promise<Note[]> {
  const f: NoteFilter = { kind: '', id: 0, tag: '', standalone: false, limit: 0, ...filter };
  return arr((await call('Notes', f as never)) as Note[] | null).map(note);
}

/** getNote returns one note with what it is attached to, its links and its tags. */
export async function getNote(id: number): Promise<Note> {
  return note((await call('Note', id)) as Note | null);
}

/** createNote writes a note, standalone or attached to one thing. */
export async function createNote(body: string, attach: NoteTarget | null = null, tags: string[] = []): Promise<Note> {
  const req: NoteRequest = { body, attach, tags };
  return note((await call('CreateNote', req as never)) as Note | null);
}

/**
 * updateNote replaces a note's text (saved as the user types). With
 * `keepalive` (a save as the page closes) a browser-mode request outlives
 * the page when the note is small enough.
 */
export async function updateNote(id: number, body: string, opts: { keepalive?: boolean } = {}): Promise<Note> {
  const app = typeof window !== 'undefined' ? window.go?.app?.App : undefined;
  if (opts.keepalive && !app) return note((await callHttp('UpdateNote', [id, body], true)) as Note | null);
  return note((await call('UpdateNote', id, body)) as Note | null);
}

/** deleteNote deletes a note; undo() brings it back. */
export async function deleteNote(id: number): Promise<void> {
  await call('DeleteNote', id);
}

/** backlinks lists the notes that link to, or are attached to, a note, source, quote, speaker or story. */
export async function backlinks(kind: string, id: number): Promise<Backlink[]> {
  return arr((await call('Backlinks', kind, id)) as Backlink[] | null).map((b) => ({
    noteId: num(b?.noteId),
    title: str(b?.title),
    excerpt: str(b?.excerpt),
    via: str(b?.via),
    modifiedAt: str(b?.modifiedAt),
  }));
}

/** linkTargets suggests completions for a [[link]] being typed. */
export async function linkTargets(typed: string): Promise<LinkTarget[]> {
  return arr((await call('LinkTargets', typed)) as LinkTarget[] | null).map((t) => ({
    kind: str(t?.kind),
    id: num(t?.id),
    label: str(t?.label),
    detail: str(t?.detail),
    insert: str(t?.insert),
  }));
}

/** tags lists every tag with how many things carry it. */
export async function tags(): Promise<Tag[]> {
  return arr((await call('Tags')) as Tag[] | null).map(tag);
}

function tag(t: Partial<Tag> | null): Tag {
  return { id: num(t?.id), name: str(t?.name), color: str(t?.color), uses: num(t?.uses) };
}

/** tagsOf returns the tags on a source, quote, note, speaker or story. */
export async function tagsOf(kind: string, id: number): Promise<string[]> {
  return arr((await call('TagsOf', kind, id)) as string[] | null).map(str);
}

/** setTags replaces the tags on one thing and returns those it now carries. */
export async function setTags(kind: string, id: number, names: string[]): Promise<string[]> {
  return arr((await call('SetTags', kind, id, names)) as string[] | null).map(str);
}

/** renameTag renames a tag everywhere (`conflict` when the name is taken). */
export async function renameTag(id: number, name: string): Promise<Tag> {
  return tag((await call('RenameTag', id, name)) as Tag | null);
}

/** deleteTag removes a tag from everything; undo() brings it back. */
export async function deleteTag(id: number): Promise<void> {
  await call('DeleteTag', id);
}

/** storyPage returns a story's sources, quotes by speaker, notes, tags and timeline. */
export async function storyPage(id: number): Promise<StoryPage> {
  const p = ((await call('StoryPage', id)) ?? {}) as Partial<StoryPage>;
  return {
    story: story((p.story ?? { id, uuid: '', title: '', createdAt: '', sourceIds: [] }) as Story),
    sources: arr(p.sources).map(summary),
    speakers: arr(p.speakers).map((s) => ({ speakerId: num(s?.speakerId), name: str(s?.name), role: str(s?.role), quotes: arr(s?.quotes).map(quote) })),
    notes: arr(p.notes).map(note),
    timeline: arr(p.timeline).map(timelineEvent),
    tags: arr(p.tags).map(str),
  };
}

/** undo takes back the last destructive action and says what it was (`conflict` when there is none or it cannot be). */
export async function undo(): Promise<UndoInfo> {
  const u = ((await call('Undo')) ?? {}) as Partial<UndoInfo>;
  return { what: str(u.what) };
}

/** undoInfo says what undo() would take back ('' when nothing). */
export async function undoInfo(): Promise<UndoInfo> {
  const u = ((await call('UndoInfo')) ?? {}) as Partial<UndoInfo>;
  return { what: str(u.what) };
}

// Export, merge and backups. Exports and merges run as background jobs:
// start one, then follow it with jobStatus until `finished`.

function exportFormat(f: Partial<ExportFormat> | null): ExportFormat {
  return { id: str(f?.id), label: str(f?.label), ext: str(f?.ext), folder: !!f?.folder };
}

function exportResult(r: Partial<ExportResult> | null): ExportResult {
  return {
    path: str(r?.path),
    format: str(r?.format),
    folder: !!r?.folder,
    bytes: num(r?.bytes),
    sources: num(r?.sources),
    millis: num(r?.millis),
  };
}

const counts = (m: unknown): Record<string, number> => {
  const out: Record<string, number> = {};
  if (m && typeof m === 'object') for (const [k, v] of Object.entries(m)) if (num(v) > 0) out[k] = num(v);
  return out;
};

function mergeResult(r: Partial<MergeResult> | null): MergeResult {
  return {
    path: str(r?.path),
    kind: str(r?.kind),
    added: counts(r?.added),
    updated: counts(r?.updated),
    unchanged: num(r?.unchanged),
    conflicts: arr(r?.conflicts).map((c) => ({
      table: str(c?.table),
      uuid: str(c?.uuid),
      label: str(c?.label),
      kept: str(c?.kept),
      notebookModified: str(c?.notebookModified),
      incomingModified: str(c?.incomingModified),
    })),
    skipped: arr(r?.skipped).map(str),
    backup: str(r?.backup),
    millis: num(r?.millis),
  };
}

/** job normalises a Job; exported for tests and the job follower. */
export function job(j: Partial<Job> | null): Job {
  return {
    id: str(j?.id),
    kind: str(j?.kind),
    title: str(j?.title),
    done: num(j?.done),
    total: num(j?.total),
    unit: str(j?.unit),
    started: str(j?.started),
    finished: !!j?.finished,
    error: str(j?.error),
    code: str(j?.code),
    export: j?.export ? exportResult(j.export) : null,
    merge: j?.merge ? mergeResult(j.merge) : null,
  };
}

function backup(b: Partial<Backup> | null): Backup {
  return { name: str(b?.name), path: str(b?.path), reason: str(b?.reason), time: str(b?.time), bytes: num(b?.bytes) };
}

/** exportFormats lists the formats export writes, in the order to offer them. */
export async function exportFormats(): Promise<ExportFormat[]> {
  return arr((await call('ExportFormatList')) as ExportFormat[] | null).map(exportFormat);
}

/** exportFolder is where exports go by default (in browser mode, always); created when missing. */
export async function exportFolder(): Promise<string> {
  return str(await call('ExportFolder'));
}

/** suggestExportPath proposes a free path in the exports folder for the format and story (0: the notebook). */
export async function suggestExportPath(format: string, storyId: number): Promise<string> {
  return str(await call('SuggestExportPath', format, storyId));
}

/** chooseExportPath asks in the window's native dialog where to export; '' when cancelled (window only). */
export async function chooseExportPath(format: string, storyId: number): Promise<string> {
  return str(await call('ChooseExportPath', format, storyId));
}

/** startExport begins an export in the background and returns its job. */
export async function startExport(req: ExportRequest): Promise<Job> {
  return job((await call('StartExport', req)) as Job | null);
}

/** jobStatus says how a job is doing; a finished one carries its result or error. */
export async function jobStatus(id: string): Promise<Job> {
  return job((await call('JobStatus', id)) as Job | null);
}

/** cancelJob stops a job: an export leaves no file, a merge changes nothing. */
export async function cancelJob(id: string): Promise<void> {
  await call('CancelJob', id);
}

/** showInFolder shows a file or folder in the system's file manager (window only). */
export async function showInFolder(path: string): Promise<void> {
  await call('ShowInFolder', path);
}

/** chooseMergeFile asks in the window's native dialog for a file to merge; '' when cancelled. */
export async function chooseMergeFile(): Promise<string> {
  return str(await call('ChooseMergeFile'));
}

/** startMerge begins merging the file at path (window only) and returns its job. */
export async function startMerge(path: string): Promise<Job> {
  return job((await call('StartMerge', path)) as Job | null);
}

/** startMergeUpload begins merging a file the page read (browser mode) and returns its job. */
export async function startMergeUpload(file: FileData): Promise<Job> {
  return job((await call('StartMergeUpload', file)) as Job | null);
}

/** backups lists the notebook's backups, newest first. */
export async function backups(): Promise<Backup[]> {
  return arr((await call('Backups')) as Backup[] | null).map(backup);
}

/** backUp backs the notebook up now and returns the backup. */
export async function backUp(): Promise<Backup> {
  return backup((await call('BackUp')) as Backup | null);
}

/** restoreBackup replaces the notebook with a backup, after backing it up as it is (`before`). */
export async function restoreBackup(name: string): Promise<RestoreResult> {
  const r = ((await call('RestoreBackup', name)) ?? {}) as Partial<RestoreResult>;
  return { restored: backup(r.restored ?? null), before: backup(r.before ?? null) };
}
