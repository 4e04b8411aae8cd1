// A source's blocks as the reader renders them: the text of each block,
// which ones are boilerplate, and list items nested into lists.
//
// Block offsets are Unicode code points into Source.text (docs/api.md), not
// UTF-16 units, so text is sliced from Array.from(text), never with
// String.prototype.slice. Nothing here produces markup: the reader puts
// these strings into the page as text.

import { fold } from './text';
import type { Block, Source } from './types';

/** ViewBlock is one block with its text, ready to render. */
export interface ViewBlock {
  /** Index into Source.blocks: what SetBoilerplate takes. */
  index: number;
  kind: string;
  level: number;
  text: string;
  /** Code point offset of `text` in Source.text (after trimming). */
  start: number;
  /** "" for content, else why the block was set aside. */
  reason: string;
}

/** ListItemNode is a list item with the list nested under it, if any. */
export interface ListItemNode {
  block: ViewBlock;
  children: ListNode | null;
}

/** ListNode is a run of list items of one nesting level. */
export interface ListNode {
  type: 'list';
  level: number;
  items: ListItemNode[];
}

export interface BlockNode {
  type: 'block';
  block: ViewBlock;
}

export type ContentNode = BlockNode | ListNode;

/** RemovedNode is a run of boilerplate blocks with the same reason, shown muted. */
export interface RemovedNode {
  type: 'removed';
  reason: string;
  nodes: ContentNode[];
  /** The first block's index, a stable key for the run. */
  first: number;
}

export type ReaderNode = ContentNode | RemovedNode;

let cached: { text: string; points: string[] } | null = null;

/**
 * codePoints splits text into Unicode code points. The last answer is kept:
 * the reader asks again for the same text after each change to a source.
 */
export function codePoints(text: string): string[] {
  if (cached?.text === text) return cached.points;
  const points = Array.from(text);
  cached = { text, points };
  return points;
}

/** sliceCodePoints returns code points [start, end) as a string, clamped to the text. */
export function sliceCodePoints(points: readonly string[], start: number, end: number): string {
  const s = Math.max(0, Math.min(points.length, Math.trunc(start)));
  const e = Math.max(s, Math.min(points.length, Math.trunc(end)));
  return points.slice(s, e).join('');
}

/**
 * paragraphBlocks splits text at blank lines into paragraph blocks, for a
 * source that came without blocks (the server does the same for old ones).
 */
export function paragraphBlocks(text: string): Block[] {
  const points = codePoints(text);
  const out: Block[] = [];
  let start = 0;
  for (let i = 0; i <= points.length; i++) {
    if (i === points.length || (points[i] === '\n' && points[i + 1] === '\n')) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(points[s]!)) s++;
      while (e > s && /\s/.test(points[e - 1]!)) e--;
      if (e > s) out.push({ kind: 'paragraph', level: 0, start: s, end: e, boilerplate: '' });
      start = i + 1;
    }
  }
  return out;
}

/**
 * viewBlocks resolves every block of a source to its text. Blocks whose
 * offsets fall outside the text, or that hold only spaces, are dropped;
 * a source without blocks is split into paragraphs.
 */
export function viewBlocks(source: Pick<Source, 'text' | 'blocks'>): ViewBlock[] {
  const points = codePoints(source.text);
  const blocks = source.blocks.length > 0 ? source.blocks : paragraphBlocks(source.text);
  const out: ViewBlock[] = [];
  blocks.forEach((b, index) => {
    if (!(b.end > b.start) || b.start < 0 || b.start >= points.length) return;
    const raw = sliceCodePoints(points, b.start, b.end);
    const kind = b.kind || 'paragraph';
    // Preformatted text keeps its indentation; elsewhere spaces at the ends mean nothing.
    const text = kind === 'pre' ? raw.replace(/^\n+|\s+$/g, '') : raw.trim();
    if (text === '') return;
    // What was trimmed at the front is white space, one UTF-16 unit per code point.
    const lead = raw.length - (kind === 'pre' ? raw.replace(/^\n+/, '') : raw.trimStart()).length;
    out.push({ index, kind, level: b.level || 0, text, start: b.start + lead, reason: b.boilerplate || '' });
  });
  return out;
}

/** removedCount is how many blocks are set aside as boilerplate. */
export function removedCount(blocks: readonly ViewBlock[]): number {
  return blocks.reduce((n, b) => n + (b.reason ? 1 : 0), 0);
}

/**
 * nestItems turns a run of list items into a list, nesting each item under
 * the item before it when its level is deeper. Levels start at 1; a missing
 * level counts as 1; a first item deeper than 1 simply starts the list.
 */
export function nestItems(items: readonly ViewBlock[]): ListNode {
  const level = (b: ViewBlock) => Math.max(1, b.level || 1);
  const root: ListNode = { type: 'list', level: items[0] ? level(items[0]) : 1, items: [] };
  const stack: ListNode[] = [root];
  for (const block of items) {
    const lvl = level(block);
    while (stack.length > 1 && lvl < stack[stack.length - 1]!.level) stack.pop();
    const top = stack[stack.length - 1]!;
    const parent = top.items[top.items.length - 1];
    if (lvl > top.level && parent) {
      parent.children ??= { type: 'list', level: lvl, items: [] };
      stack.push(parent.children);
      parent.children.items.push({ block, children: null });
    } else {
      top.items.push({ block, children: null });
    }
  }
  return root;
}

/** group turns blocks into nodes, gathering consecutive list items into lists. */
function group(blocks: readonly ViewBlock[]): ContentNode[] {
  const out: ContentNode[] = [];
  let items: ViewBlock[] = [];
  const flush = () => {
    if (items.length > 0) out.push(nestItems(items));
    items = [];
  };
  for (const b of blocks) {
    if (b.kind === 'item') items.push(b);
    else {
      flush();
      out.push({ type: 'block', block: b });
    }
  }
  flush();
  return out;
}

const same = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * readerNodes is what the reader shows. Boilerplate is left out, or with
 * showRemoved kept in place as runs of the same reason. A first content
 * heading or paragraph that only repeats the title is dropped (the reader
 * shows the title above the text).
 */
export function readerNodes(blocks: readonly ViewBlock[], opts: { showRemoved: boolean; title?: string }): ReaderNode[] {
  let shown = opts.showRemoved ? blocks : blocks.filter((b) => !b.reason);
  const first = shown.find((b) => !b.reason);
  const title = same(opts.title ?? '');
  if (first && title && (first.kind === 'heading' || first.kind === 'paragraph') && same(first.text) === title) {
    shown = shown.filter((b) => b !== first);
  }
  const out: ReaderNode[] = [];
  let run: ViewBlock[] = [];
  let runReason = '';
  const flush = () => {
    if (run.length === 0) return;
    if (runReason) out.push({ type: 'removed', reason: runReason, nodes: group(run), first: run[0]!.index });
    else out.push(...group(run));
    run = [];
  };
  for (const b of shown) {
    if (b.reason !== runReason) {
      flush();
      runReason = b.reason;
    }
    run.push(b);
  }
  flush();
  return out;
}

/** headingTag maps a heading level to h2..h4 (the source's title is the page's h1). */
export function headingTag(level: number): 'h2' | 'h3' | 'h4' {
  if (level >= 4) return 'h4';
  if (level === 3) return 'h3';
  return 'h2';
}

/** lines splits a block's text at single line breaks. */
export function lines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

const reasons: Record<string, string> = {
  navigation: 'Navigation',
  related: 'Related links',
  newsletter: 'Newsletter',
  share: 'Share buttons',
  cookie: 'Cookie notice',
  comments: 'Comments',
  promo: 'Promotion',
  widget: 'Page controls',
  metadata: 'Title, byline or date',
  other: 'Set aside',
};

/** reasonLabel names why a block was set aside, for the muted label above it. */
export function reasonLabel(reason: string): string {
  return reasons[reason] ?? (reason ? reason.charAt(0).toUpperCase() + reason.slice(1) : '');
}

/** blockNoun names a block in messages: "paragraph", "heading", "list item". */
export function blockNoun(kind: string): string {
  switch (kind) {
    case 'heading':
      return 'heading';
    case 'item':
      return 'list item';
    case 'quote':
      return 'quotation';
    case 'pre':
      return 'preformatted block';
    case 'caption':
      return 'caption';
    default:
      return 'paragraph';
  }
}
