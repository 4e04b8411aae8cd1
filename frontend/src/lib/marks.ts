// Quotes and highlights laid over a source's text, for the reader: every
// block is cut into segments at each place a mark starts or ends, so that
// overlapping marks all show. Offsets are Unicode code points into
// Source.text (docs/api.md); the DOM counts UTF-16 units, and the helpers
// here convert between the two. Nothing here touches the page.

import type { ViewBlock } from './blocks';
import type { Highlight, Quote } from './types';

/** Mark is a quote or highlight as a range of code points of Source.text. */
export interface Mark {
  id: number;
  type: 'quote' | 'highlight';
  start: number;
  end: number;
}

/** Segment is a run of a block's text covered by the same marks; a line break is a segment of its own. */
export interface Segment {
  /** Code points into Source.text: [start, end). */
  start: number;
  end: number;
  text: string;
  /** A line break inside the block ("\n"), rendered as <br>. */
  newline: boolean;
  /** Ids of the quotes covering the segment, the shortest (innermost) first. */
  quotes: number[];
  highlights: number[];
}

/**
 * segmentBlock cuts a block's text (its first code point at `start` of
 * Source.text) into segments at every boundary of the marks and at line
 * breaks. Marks are clipped to the block: a quote over several paragraphs
 * shows in each of them, and the blank lines between blocks never count.
 */
export function segmentBlock(text: string, start: number, marks: readonly Mark[]): Segment[] {
  const points = Array.from(text);
  const end = start + points.length;
  const inside = marks
    .map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  points.forEach((p, i) => {
    if (p === '\n') {
      cuts.add(start + i);
      cuts.add(start + i + 1);
    }
  });
  const sorted = [...cuts].sort((a, b) => a - b);
  const byLength = [...inside].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.id - b.id);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s = sorted[i]!;
    const e = sorted[i + 1]!;
    const covering = byLength.filter((m) => m.start <= s && m.end >= e);
    const piece = points.slice(s - start, e - start).join('');
    out.push({
      start: s,
      end: e,
      text: piece,
      newline: piece === '\n',
      quotes: covering.filter((m) => m.type === 'quote').map((m) => m.id),
      highlights: covering.filter((m) => m.type === 'highlight').map((m) => m.id),
    });
  }
  return out;
}

/** DrawOptions says which quotes the reader draws. */
export interface DrawOptions {
  /** Draw rejected quotes too (struck through, for review). */
  showRejected: boolean;
}

/**
 * drawnMarks is what the reader draws of a source's quotes and highlights:
 * never orphans (their offsets are where the text used to be), rejected
 * quotes only when asked for.
 */
export function drawnMarks(quotes: readonly Quote[], highlights: readonly Highlight[], opts: DrawOptions): Mark[] {
  const out: Mark[] = [];
  for (const q of quotes) {
    if (q.orphan || q.end <= q.start) continue;
    if (q.status === 'rejected' && !opts.showRejected) continue;
    out.push({ id: q.id, type: 'quote', start: q.start, end: q.end });
  }
  for (const h of highlights) {
    if (h.orphan || h.end <= h.start) continue;
    out.push({ id: h.id, type: 'highlight', start: h.start, end: h.end });
  }
  return out;
}

/**
 * segmentBlocks segments every block the reader shows, keyed by block
 * index. Blocks left out (boilerplate while removed text is hidden) have no
 * entry, so the parts of marks over them are not drawn.
 */
export function segmentBlocks(blocks: readonly ViewBlock[], marks: readonly Mark[]): Map<number, Segment[]> {
  const out = new Map<number, Segment[]>();
  for (const b of blocks) {
    const end = b.start + Array.from(b.text).length;
    const mine = marks.filter((m) => m.end > b.start && m.start < end);
    out.set(b.index, segmentBlock(b.text, b.start, mine));
  }
  return out;
}

/**
 * codePointOffset is the number of code points in the first `units` UTF-16
 * units of s (what a DOM Range offset into a text node counts). An offset
 * inside a surrogate pair counts the whole character.
 */
export function codePointOffset(s: string, units: number): number {
  const k = Math.max(0, Math.min(s.length, units));
  return Array.from(s.slice(0, k)).length;
}

/** SpanPoint is where a selection starts or ends: inside a rendered segment, or at its edge. */
export interface SpanPoint {
  /** The segment's data-start and its text. */
  start: number;
  text: string;
  /** UTF-16 units into `text`, or null when the selection covers the whole segment on this side. */
  units: number | null;
}

/**
 * selectionRange turns the first and last segments a selection touches into
 * code point offsets [start, end) of Source.text, or null for an empty one.
 */
export function selectionRange(first: SpanPoint, last: SpanPoint): { start: number; end: number } | null {
  const start = first.start + (first.units === null ? 0 : codePointOffset(first.text, first.units));
  const end = last.start + codePointOffset(last.text, last.units === null ? last.text.length : last.units);
  return end > start ? { start, end } : null;
}

/** Number of speaker colours in quotes.css (--spk-0 … --spk-7), each set for light and dark themes. */
export const speakerColours = 8;

/** speakerColour is a stable palette slot for a speaker id; -1 for an unknown speaker. */
export function speakerColour(id: number): number {
  if (!id || id < 0) return -1;
  // Consecutive ids (speakers found in the same article) get distant hues.
  return (id * 3) % speakerColours;
}

const minor = new Set(['the', 'a', 'an', 'of', 'de', 'van', 'von', 'der', 'la', 'le', 'and', '&']);

/** initials gives up to two letters for a speaker badge: "Andy Stone" is AS, "the blog post" BP, "" is "?". */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\-–]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w && !minor.has(w.toLowerCase()));
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** SpeakerGroup is a source's quotes by one speaker (or by nobody known). */
export interface SpeakerGroup {
  key: string;
  speakerId: number;
  name: string;
  role: string;
  affiliation: string;
  quotes: Quote[];
}

/**
 * groupBySpeaker gathers quotes by speaker, most quoted first (ties: who is
 * quoted first in the text); unattributed quotes come last. Quotes keep
 * their order.
 */
export function groupBySpeaker(quotes: readonly Quote[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const q of quotes) {
    const key = q.speakerId ? `s${q.speakerId}` : 'none';
    let g = groups.get(key);
    if (!g) {
      g = { key, speakerId: q.speakerId, name: q.speaker, role: q.role, affiliation: q.affiliation, quotes: [] };
      groups.set(key, g);
    }
    g.quotes.push(q);
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.key === 'none') - Number(b.key === 'none') ||
      b.quotes.length - a.quotes.length ||
      (a.quotes[0]?.start ?? 0) - (b.quotes[0]?.start ?? 0),
  );
}

/** excerpt shortens a quote to about max characters, at a word. */
export function excerpt(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

const kinds: Record<string, string> = {
  direct: 'Direct quote',
  partial: 'Partial quote',
  block: 'Block quote',
  scare: 'Term in quote marks',
};

/** kindLabel names a quote's kind for people. */
export function kindLabel(kind: string): string {
  return kinds[kind] ?? 'Quote';
}

/** speakerLine is "Andy Stone, Communications Director, Meta", or "Speaker unknown". */
export function speakerLine(q: Pick<Quote, 'speaker' | 'role' | 'affiliation'>): string {
  if (!q.speaker) return 'Speaker unknown';
  return [q.speaker, q.role, q.affiliation].filter(Boolean).join(', ');
}

/** alsoIn says in how many other sources an utterance appears, or "" for none. */
export function alsoIn(groupSources: number): string {
  const n = groupSources - 1;
  if (n <= 0) return '';
  return n === 1 ? 'also in 1 other source' : `also in ${n} other sources`;
}
