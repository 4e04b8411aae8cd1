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
  mediaType: string;
  originalName: string;
  /** Paragraphs are separated by "\n\n"; a single "\n" is a line break. */
  text: string;
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
