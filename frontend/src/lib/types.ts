// View types received from Go. They mirror app/types.go (the authoritative
// definitions) and docs/api.md; JSON names are the contract.

/** Info describes the running application and the open notebook. */
export interface Info {
  version: string;
  notebookPath: string;
  mode: 'desktop' | 'browser' | 'cli';
  schemaVersion: number;
  sources: number;
}

/** Library is everything the sidebar shows: every story and every source. */
export interface Library {
  stories: Story[];
  /** Newest first. */
  sources: SourceSummary[];
}

/** LibraryRequest asks for a page of the library (LibraryPage). */
export interface LibraryRequest {
  /** Keeps the sources whose title, outlet or authors contain every word; case and accents do not count. */
  filter: string;
  /** The first source of the page, counting from 0. */
  offset: number;
  /** Sources on the page: default 100, at most 500. */
  limit: number;
  /** When not 0, the page holding this source instead of the one at offset. */
  around: number;
}

/** LibraryPage is a stretch of the library, newest first. */
export interface LibraryPage {
  /** Where `sources` start in the list. */
  offset: number;
  /** Sources in the list (passing the filter). */
  total: number;
  /** Sources in the notebook. */
  all: number;
  /** Where the source asked for with `around` is in the list; -1 when not asked for or not listed. */
  index: number;
  sources: SourceSummary[];
}

/** Story is a collection of sources about one event. */
export interface Story {
  id: number;
  uuid: string;
  title: string;
  createdAt: string;
  /** Newest first. */
  sourceIds: number[];
}

/** SourceSummary is a source without its text, as listed in the library. */
export interface SourceSummary {
  id: number;
  uuid: string;
  title: string;
  outlet: string;
  authors: string[];
  /** ISO 8601 as known, "" when unknown. */
  published: string;
  /** article, filing, post, blog or other. */
  kind: string;
  words: number;
  /** RFC 3339, UTC. */
  importedAt: string;
  storyIds: number[];
}

/** Source is one source with its text, as the reader shows it. */
export interface Source extends SourceSummary {
  url: string;
  updated: string;
  /** BCP 47, e.g. "en"; "" when unknown. */
  lang: string;
  description: string;
  mediaType: string;
  originalName: string;
  /** What made the text: trafilatura, readability, text, markdown. */
  extractor: string;
  /** Blocks are separated by "\n\n"; a single "\n" is a line break. */
  text: string;
  /** The structure of `text`, in order; render from these, not by splitting the text. */
  blocks: Block[];
}

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'pre' | 'caption';

/**
 * Block is a paragraph, heading, list item, block quote, preformatted block
 * or caption of a source's text. `start` and `end` count Unicode code points
 * (not UTF-16 units): slice `Array.from(text)`.
 */
export interface Block {
  kind: BlockKind | string;
  /** Heading level 1-6; list nesting depth (1 = top level). */
  level: number;
  start: number;
  end: number;
  /**
   * "" for content, else why it was set aside: navigation, related,
   * newsletter, share, cookie, comments, promo, widget, metadata, other.
   */
  boilerplate: string;
}

/** SourceUpdate is the user's correction of a source's metadata; every field is set as given. */
export interface SourceUpdate {
  id: number;
  title: string;
  outlet: string;
  authors: string[];
  /** ISO 8601 or any common written form ("Apr 3, 2024, 2:29 PM IST"); "" = unknown. */
  published: string;
  updated: string;
  url: string;
  kind: string;
  lang: string;
}

/** ImportTextRequest is text pasted by the user. */
export interface ImportTextRequest {
  /** Optional: the first line is used when empty. */
  title: string;
  text: string;
  /** 0: add to no story. */
  storyId: number;
}

/** ImportResult is the outcome of importing one piece of text. */
export interface ImportResult {
  /** The new source, or the existing one it duplicates. */
  source: SourceSummary;
  /** True when nothing was added. */
  duplicate: boolean;
}

/** FileData is one file the user chose or dropped, with its bytes. */
export interface FileData {
  name: string;
  /** The file's bytes, base64-encoded. */
  data: string;
}

/** FileResult is the outcome of importing one file of a batch. */
export interface FileResult {
  name: string;
  /** null when the file failed. */
  source: SourceSummary | null;
  /** True when the file duplicates `source`. */
  duplicate: boolean;
  /** A message for the user when the file failed; "" on success. */
  error: string;
}

/** SearchKind is a kind of thing the search box finds. */
export type SearchKind = 'source' | 'quote' | 'speaker' | 'note';

/**
 * SearchRequest is one search over sources, quotes, speakers and notes. Any
 * query text is accepted; with no words but a filter, the items the filters
 * select are listed, newest first. 0 or "" is no filter.
 */
export interface SearchRequest {
  query: string;
  /** The word being typed is a prefix (once it has two letters). */
  asYouType: boolean;
  /** The kinds to search; empty for all. */
  kinds: SearchKind[];
  storyId: number;
  /** A tag's name. */
  tag: string;
  speakerId: number;
  /** The source's outlet (case does not count). */
  outlet: string;
  /** ISO dates or prefixes of one ("2024", "2024-04", "2024-04-03"), inclusive, on the source's publication date. */
  from: string;
  to: string;
  /** The most hits per kind: 20 by default, at most 200. */
  limit: number;
}

/** SearchGroup is the hits of one kind. */
export interface SearchGroup {
  kind: SearchKind | string;
  /** Best first, or newest first when listed by filters alone. */
  hits: Hit[];
  /** How many items matched (a query with words ranks at most 1,000 of a kind, so it stops there). */
  total: number;
  /** More items matched than `hits` holds. */
  more: boolean;
}

/** SearchResults are the hits for one query. */
export interface SearchResults {
  query: string;
  /** Every group's hits in one list, best first (Search: the sources only). */
  hits: Hit[];
  /** One per kind searched, in the order source, quote, speaker, note. */
  groups: SearchGroup[];
}

/** Hit is one search result. */
export interface Hit {
  kind: SearchKind | string;
  /** The source's, quote's, speaker's or note's id. */
  id: number;
  /** The source to open: the source itself, a quote's, a note's; 0 for speakers and notes on no source. */
  sourceId: number;
  /** A source's or note's title, a speaker's name, or for a quote its speaker and its source's title. */
  title: string;
  /** A quote's speaker, "" when unknown. */
  speaker: string;
  /** The title of a quote's or note's source. */
  sourceTitle: string;
  outlet: string;
  /** The source's, ISO 8601 as known. */
  published: string;
  /** The text around the match, matched words marked; a listed quote shows its words unmarked. */
  snippet: Segment[];
  /** Lower is better (bm25); 0 when listed. */
  score: number;
}

/** Segment is a run of snippet text; `match` marks the words that matched. */
export interface Segment {
  text: string;
  match: boolean;
}

/** QuoteKind: direct, partial (a few words inside a sentence), block, or scare (a term in quote marks, not speech). */
export type QuoteKind = 'direct' | 'partial' | 'block' | 'scare';
export type QuoteStatus = 'suggested' | 'confirmed' | 'rejected';

/**
 * Quote is one quotation in a source. `start` and `end` are code points into
 * Source.text. An orphan could not be placed after its source changed: its
 * start, end and text are where it used to be, so it is never drawn.
 */
export interface Quote {
  id: number;
  uuid: string;
  sourceId: number;
  sourceTitle: string;
  sourceOutlet: string;
  sourcePublished: string;
  text: string;
  start: number;
  end: number;
  kind: QuoteKind | string;
  status: QuoteStatus | string;
  /** auto (found by Sourcebook) or manual. */
  origin: string;
  /** The attribution words: "said", "according to". */
  cue: string;
  /** The speaker as the source writes it ("he", "Stone"). */
  speakerText: string;
  /** 0 when unknown. */
  speakerId: number;
  /** The resolved name, "" when unknown. */
  speaker: string;
  role: string;
  affiliation: string;
  /** Shared by every occurrence of the same utterance. */
  group: string;
  /** How many sources carry this utterance (1: only this one). */
  groupSources: number;
  orphan: boolean;
}

/** DiffOp is one step of a word diff between an occurrence (a) and the longest version (b). */
export interface DiffOp {
  kind: 'equal' | 'delete' | 'insert' | 'replace' | string;
  a: string;
  b: string;
}

/** QuoteVariant compares one occurrence with the longest version. */
export interface QuoteVariant {
  quoteId: number;
  /** same, contains, within, overlap, similar. */
  relation: string;
  score: number;
  ops: DiffOp[];
}

/** QuotePage is every occurrence of one utterance across the notebook. */
export interface QuotePage {
  group: string;
  /** Oldest source first; rejected ones left out. */
  quotes: Quote[];
  /** The id of the longest version. */
  longest: number;
  /** In the order of `quotes`. */
  variants: QuoteVariant[];
  /** Distinct names the occurrences are attributed to; more than one: the sources disagree. */
  speakers: string[];
}

/** QuoteRequest is a quote marked by hand ("" speaker: unattributed). */
export interface QuoteRequest {
  sourceId: number;
  start: number;
  end: number;
  speaker: string;
  kind: string;
}

/** SpeakerSuggestion is who probably said a passage. */
export interface SpeakerSuggestion {
  speaker: string;
  role: string;
  affiliation: string;
  cue: string;
}

/** Speaker is a person, organisation or document quoted in the notebook. */
export interface Speaker {
  id: number;
  uuid: string;
  name: string;
  role: string;
  affiliation: string;
  /** Other names that resolve to this speaker. */
  aliases: string[];
  /** Quotes attributed, rejected ones left out. */
  quotes: number;
  /** Sources quoting them. */
  sources: number;
}

export interface SpeakerUpdate {
  id: number;
  name: string;
  role: string;
  affiliation: string;
}

/** Highlight is a passage the user marked, with an optional note. */
export interface Highlight {
  id: number;
  sourceId: number;
  start: number;
  end: number;
  text: string;
  note: string;
  orphan: boolean;
}

export interface HighlightRequest {
  sourceId: number;
  start: number;
  end: number;
  note: string;
}

/** ReextractResult says what extracting a source again changed. */
export interface ReextractResult {
  source: Source;
  kept: number;
  moved: number;
  orphans: number;
  /** New quotes found. */
  added: number;
}

/** TextSpan is a range of a source's text: code points [start, end). */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * SharedPassage is a passage of A matched with one of B: "same" when the
 * words are the same once case and punctuation are folded, "similar" when
 * edited or paraphrased. In `ops`, `a` holds A's words and `b` B's.
 */
export interface SharedPassage {
  a: TextSpan;
  b: TextSpan;
  kind: 'same' | 'similar' | string;
  score: number;
  ops: DiffOp[];
}

/** SharedQuote is one utterance as A and as B carry it. */
export interface SharedQuote {
  a: Quote;
  b: Quote;
  /** same, contains, within, overlap, similar. */
  relation: string;
  sameWords: boolean;
  sameSpeaker: boolean;
  ops: DiffOp[];
}

/** QuoteComparison compares the quotes of two sources through their utterance groups. */
export interface QuoteComparison {
  shared: SharedQuote[];
  /** The shared ones whose wording or speaker differs. */
  differing: SharedQuote[];
  onlyA: Quote[];
  onlyB: Quote[];
  /** Who each quotes, most quoted first. */
  speakersA: string[];
  speakersB: string[];
}

/** ComparePair compares two sources, A and B. */
export interface ComparePair {
  /** Source ids. */
  a: number;
  b: number;
  /** Share of A's content words in passages B shares (0..1). */
  coverageA: number;
  coverageB: number;
  /** In the order of A. */
  shared: SharedPassage[];
  /** Passages of A that B lacks, in text order. */
  onlyA: TextSpan[];
  onlyB: TextSpan[];
  quotes: QuoteComparison;
  facts: FactComparison;
}

/** Fact is a date, number, amount, percentage, name or role a source states. */
export interface Fact {
  kind: string;
  value: string;
  unit: string;
  text: string;
  start: number;
  end: number;
  sentence: TextSpan;
  subject: string;
}

/** FactPair is one fact as A and as B state it. */
export interface FactPair {
  a: Fact;
  b: Fact;
  score: number;
}

/** FactComparison: the same fact with the same value, with different values, or stated by one source only. */
export interface FactComparison {
  agree: FactPair[];
  differ: FactPair[];
  onlyA: Fact[];
  onlyB: Fact[];
}

/** Comparison is what two to eight sources share, pair by pair: (0,1), (0,2), … (1,2), … */
export interface Comparison {
  /** In the order asked for. */
  sources: SourceSummary[];
  pairs: ComparePair[];
  /** The dated events the sources mention, earliest first. */
  timeline: TimelineEvent[];
}

/** TimelineEvent is a date the sources give, with every mention; `other` lists dates another source gives for the same thing. */
export interface TimelineEvent {
  date: string;
  label: string;
  mentions: { sourceId: number; text: string; sentence: string; start: number }[];
  other: string[];
}

// Notes, links, tags, story pages and undo (docs/api.md).

/** NoteTarget is something a note is attached to. */
export interface NoteTarget {
  /** source, passage, quote, speaker or story. */
  kind: string;
  /** The target's id (the source's for a passage); 0 when the target was deleted. */
  id: number;
  /** A passage's code points in its source's text. */
  start?: number;
  end?: number;
  /** The source a passage or quote is in. */
  sourceId?: number;
  /** What the target is: a title, a speaker's name, a quote's or passage's words. */
  label?: string;
  orphan?: boolean;
}

/** NoteLink is a [[link]] written in a note, resolved now. */
export interface NoteLink {
  target: string;
  text: string;
  /** "" when nothing in the notebook has that name. */
  kind: string;
  id: number;
  label: string;
}

export interface Note {
  id: number;
  uuid: string;
  /** The first line without heading marks. */
  title: string;
  /** Markdown, as written. */
  body: string;
  attached: NoteTarget[];
  links: NoteLink[];
  tags: string[];
  createdAt: string;
  modifiedAt: string;
}

export interface NoteRequest {
  body: string;
  attach: NoteTarget | null;
  tags: string[];
}

export interface NoteFilter {
  kind: string;
  id: number;
  tag: string;
  standalone: boolean;
  limit: number;
}

/** Backlink is a note that refers to something, by a [[link]] or by being attached to it. */
export interface Backlink {
  noteId: number;
  title: string;
  excerpt: string;
  via: 'link' | 'attached' | string;
  modifiedAt: string;
}

/** LinkTarget is one completion for a [[link]] being typed. */
export interface LinkTarget {
  kind: string;
  id: number;
  label: string;
  detail: string;
  /** The whole link to insert, brackets included. */
  insert: string;
}

export interface Tag {
  id: number;
  name: string;
  color: string;
  uses: number;
}

export interface StorySpeaker {
  /** 0 for quotes with no speaker. */
  speakerId: number;
  name: string;
  role: string;
  quotes: Quote[];
}

export interface StoryPage {
  story: Story;
  sources: SourceSummary[];
  speakers: StorySpeaker[];
  notes: Note[];
  timeline: TimelineEvent[];
  tags: string[];
}

/** UndoInfo says what Undo takes back ("" when nothing). */
export interface UndoInfo {
  what: string;
}

// Export, merge and backups (issue 7).

/** ExportFormat is one format Export writes. */
export interface ExportFormat {
  /** sqlite, json, markdown, csv, csl-json, bibtex, annotations, html. */
  id: string;
  label: string;
  /** The file's extension (".json"); "" for a folder. */
  ext: string;
  /** It writes a folder, not a file. */
  folder: boolean;
}

/** ExportRequest says what to export and where. */
export interface ExportRequest {
  format: string;
  /** 0: the whole notebook; else that story alone (the "html" report needs one). */
  storyId: number;
  /** The file or folder to create; in browser mode a file name only (it goes in the exports folder). */
  path: string;
  /** Replace an existing file (never a folder); browser mode never replaces. */
  replace: boolean;
}

/** ExportResult says what an export wrote. */
export interface ExportResult {
  path: string;
  format: string;
  folder: boolean;
  /** The file's size, or the folder's files'. */
  bytes: number;
  sources: number;
  millis: number;
}

/** Conflict is a row both notebooks held with different contents, and which side's was kept. */
export interface MergeConflict {
  /** The table: source, quote, note, speaker, story, tag… */
  table: string;
  uuid: string;
  /** A title, a name, a note's first line. */
  label: string;
  /** "incoming" when the merged file's row replaced the notebook's, "notebook" when the notebook's stayed. */
  kept: string;
  notebookModified: string;
  incomingModified: string;
}

/** MergeResult says what a merge brought into the notebook. */
export interface MergeResult {
  path: string;
  /** notebook (a Sourcebook file), json (a JSON export) or annotations (Web Annotations). */
  kind: string;
  /** New rows by table. */
  added: Record<string, number>;
  /** Rows replaced by newer ones, by table. */
  updated: Record<string, number>;
  /** Rows both held alike. */
  unchanged: number;
  conflicts: MergeConflict[];
  /** Rows left out, with why. */
  skipped: string[];
  /** The path of the backup taken before the merge ("" when none). */
  backup: string;
  millis: number;
}

/** Job is long work (an export, a merge) running in the background, followed with JobStatus. */
export interface Job {
  id: string;
  /** export or merge. */
  kind: string;
  title: string;
  /** done of total units; total is 0 while unknown. */
  done: number;
  total: number;
  /** sources, bytes or rows. */
  unit: string;
  started: string;
  finished: boolean;
  /** The message when it failed ("" else), with its code: "cancelled" when stopped. */
  error: string;
  code: string;
  export: ExportResult | null;
  merge: MergeResult | null;
}

/** Backup is one backup copy of the notebook. */
export interface Backup {
  /** The file name; RestoreBackup takes it. */
  name: string;
  path: string;
  /** daily, migration, merge, restore or manual. */
  reason: string;
  /** When it was taken, RFC 3339 (UTC). */
  time: string;
  bytes: number;
}

/** RestoreResult says what RestoreBackup did. */
export interface RestoreResult {
  restored: Backup;
  /** The notebook as it was just before: restoring it undoes the restore. */
  before: Backup;
}
