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

/** SearchResults are the hits for one query, best first. */
export interface SearchResults {
  query: string;
  hits: Hit[];
}

/** Hit is one search result. */
export interface Hit {
  /** "source" for now; later also quote, note, speaker. */
  kind: string;
  id: number;
  sourceId: number;
  title: string;
  outlet: string;
  snippet: Segment[];
  /** Lower is better (bm25). */
  score: number;
}

/** Segment is a run of snippet text; `match` marks the words that matched. */
export interface Segment {
  text: string;
  match: boolean;
}
