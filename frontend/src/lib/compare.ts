// Two sources side by side: the passages a pair of sources shares, the
// passages only one has, and the words that differ inside a shared passage,
// laid over each column's blocks. Offsets are Unicode code points into
// Source.text, as everywhere (docs/api.md). Nothing here touches the page.

import type { ViewBlock } from './blocks';
import { segmentBlocks, type Mark } from './marks';
import type { ComparePair, Comparison, DiffOp, SharedQuote, TextSpan } from './types';

/** Side is a column: A on the left, B on the right. */
export type Side = 'a' | 'b';

/** ZoneKind: a shared passage (same or similar words), a passage only this side has, or differing words. */
export type ZoneKind = 'same' | 'similar' | 'only' | 'diff';

/** Zone is a range of one column's text with what the comparison says about it. */
export interface Zone {
  start: number;
  end: number;
  kind: ZoneKind;
  /** Index into ComparePair.shared; -1 for a passage only this side has. */
  passage: number;
}

/** ColumnSegment is a run of a block's text under the same zones. */
export interface ColumnSegment {
  start: number;
  end: number;
  text: string;
  newline: boolean;
  /** The shared passage covering the run, or -1. */
  passage: number;
  /** same or similar when inside a shared passage, else "". */
  kind: string;
  /** First run of its shared passage: where its label goes. */
  first: boolean;
  only: boolean;
  diff: boolean;
}

const swapOp = (o: DiffOp): DiffOp => ({
  kind: o.kind === 'delete' ? 'insert' : o.kind === 'insert' ? 'delete' : o.kind,
  a: o.b,
  b: o.a,
});

const swapQuote = (q: SharedQuote): SharedQuote => ({ ...q, a: q.b, b: q.a, ops: q.ops.map(swapOp) });

/** swapPair is the same comparison seen from B: every a and b exchanged, deletions become insertions. */
export function swapPair(p: ComparePair): ComparePair {
  return {
    a: p.b,
    b: p.a,
    coverageA: p.coverageB,
    coverageB: p.coverageA,
    shared: p.shared
      .map((s) => ({ ...s, a: s.b, b: s.a, ops: s.ops.map(swapOp) }))
      .sort((x, y) => x.a.start - y.a.start),
    onlyA: p.onlyB,
    onlyB: p.onlyA,
    quotes: {
      shared: p.quotes.shared.map(swapQuote),
      differing: p.quotes.differing.map(swapQuote),
      onlyA: p.quotes.onlyB,
      onlyB: p.quotes.onlyA,
      speakersA: p.quotes.speakersB,
      speakersB: p.quotes.speakersA,
    },
    facts: {
      agree: p.facts.agree.map((f) => ({ ...f, a: f.b, b: f.a })),
      differ: p.facts.differ.map((f) => ({ ...f, a: f.b, b: f.a })),
      onlyA: p.facts.onlyB,
      onlyB: p.facts.onlyA,
    },
  };
}

/** pairOf returns the comparison of `left` (as A) with `right` (as B), or null when the comparison lacks it. */
export function pairOf(c: Comparison, left: number, right: number): ComparePair | null {
  for (const p of c.pairs) {
    if (p.a === left && p.b === right) return p;
    if (p.a === right && p.b === left) return swapPair(p);
  }
  return null;
}

/**
 * diffRanges finds, inside a shared passage, the words of one side that the
 * other side lacks or words differently. Each op's words are looked for in
 * the passage's text in order, so punctuation and spacing between them do not
 * matter; words that cannot be found are skipped rather than misplaced.
 */
export function diffRanges(span: TextSpan, ops: readonly DiffOp[], side: Side): Array<{ start: number; end: number }> {
  const text = span.text;
  const changed = side === 'a' ? ['delete', 'replace'] : ['insert', 'replace'];
  const out: Array<{ start: number; end: number }> = [];
  const cp = (units: number) => Array.from(text.slice(0, units)).length;
  let cursor = 0;
  for (const op of ops) {
    const words = (side === 'a' ? op.a : op.b).trim();
    if (!words) continue;
    let at = text.indexOf(words, cursor);
    let len = words.length;
    if (at < 0) {
      // The op's text may be joined differently from the passage: fall back on its first and last words.
      const parts = words.split(/\s+/);
      const first = text.indexOf(parts[0]!, cursor);
      const lastWord = parts[parts.length - 1]!;
      const last = first < 0 ? -1 : text.indexOf(lastWord, first + parts[0]!.length - (parts.length === 1 ? parts[0]!.length : 0));
      if (first < 0 || last < 0) continue;
      at = first;
      len = last + lastWord.length - first;
    }
    if (changed.includes(op.kind)) out.push({ start: span.start + cp(at), end: span.start + cp(at + len) });
    cursor = at + len;
  }
  return out;
}

/** columnZones is everything one column marks: shared passages, passages only it has, differing words. */
export function columnZones(p: ComparePair, side: Side): Zone[] {
  const out: Zone[] = [];
  p.shared.forEach((s, i) => {
    const sp = side === 'a' ? s.a : s.b;
    if (sp.end <= sp.start) return;
    out.push({ start: sp.start, end: sp.end, kind: s.kind === 'same' ? 'same' : 'similar', passage: i });
    for (const r of diffRanges(sp, s.ops, side)) out.push({ ...r, kind: 'diff', passage: i });
  });
  for (const sp of side === 'a' ? p.onlyA : p.onlyB) {
    if (sp.end > sp.start) out.push({ start: sp.start, end: sp.end, kind: 'only', passage: -1 });
  }
  return out;
}

/**
 * segmentColumn cuts every block into runs at each zone boundary (through
 * the reader's own segmenting), keyed by block index.
 */
export function segmentColumn(blocks: readonly ViewBlock[], zones: readonly Zone[]): Map<number, ColumnSegment[]> {
  const marks: Mark[] = zones.map((z, i) => ({ id: i, type: 'quote', start: z.start, end: z.end }));
  const cut = segmentBlocks(blocks, marks);
  const started = new Set<number>();
  const out = new Map<number, ColumnSegment[]>();
  for (const [index, segs] of cut) {
    out.set(
      index,
      segs.map((s) => {
        const covering = s.quotes.map((id) => zones[id]!);
        const shared = covering.find((z) => z.kind === 'same' || z.kind === 'similar');
        const passage = shared?.passage ?? -1;
        const first = passage >= 0 && !s.newline && s.text.trim() !== '' && !started.has(passage);
        if (first) started.add(passage);
        return {
          start: s.start,
          end: s.end,
          text: s.text,
          newline: s.newline,
          passage,
          kind: shared?.kind ?? '',
          first,
          only: covering.some((z) => z.kind === 'only'),
          diff: covering.some((z) => z.kind === 'diff'),
        };
      }),
    );
  }
  return out;
}

/** BlockRule is the left rule a block gets: a shared passage (same or similar), text only here, or none. */
export type BlockRule = 'same' | 'similar' | 'only' | '';

/** blockRule says which rule a block's margin shows: a shared passage wins over text only this side has. */
export function blockRule(segs: readonly ColumnSegment[]): BlockRule {
  const shared = segs.find((s) => s.passage >= 0 && s.text.trim() !== '');
  if (shared) return shared.kind === 'same' ? 'same' : 'similar';
  return segs.some((s) => s.only && s.text.trim() !== '') ? 'only' : '';
}

/**
 * stepPassage moves from shared passage `current` by `step` among `count`,
 * staying in bounds; from none (-1) it starts at the first going down and
 * the last going up.
 */
export function stepPassage(current: number, step: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return step > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}

/** percent renders a share (0..1) as a whole percentage; a little but not nothing shows as "<1%". */
export function percent(share: number): string {
  if (!(share > 0)) return '0%';
  if (share < 0.005) return '<1%';
  return `${Math.round(Math.min(1, share) * 100)}%`;
}

/**
 * coverageGrid is, for every source i and every other source j, the share of
 * i's words that j also carries (null on the diagonal and for missing pairs).
 */
export function coverageGrid(c: Comparison): Array<Array<number | null>> {
  const ids = c.sources.map((s) => s.id);
  return ids.map((row) =>
    ids.map((col) => {
      if (row === col) return null;
      const p = pairOf(c, row, col);
      return p ? p.coverageA : null;
    }),
  );
}

/** QuoteRow is one utterance of a comparison of many sources, with which sources carry it. */
export interface QuoteRow {
  /** The utterance group (or the quote's own id when it has none). */
  key: string;
  text: string;
  speaker: string;
  /** Source ids carrying it. */
  sources: Set<number>;
}

/**
 * quoteRows gathers the quotes of a many-source comparison into utterances
 * (by group), most widely carried first: the columns of the overview.
 */
export function quoteRows(c: Comparison): QuoteRow[] {
  const rows = new Map<string, QuoteRow>();
  const add = (q: { group: string; id: number; text: string; speaker: string; sourceId: number }) => {
    const key = q.group || `q${q.id}`;
    let r = rows.get(key);
    if (!r) {
      r = { key, text: q.text, speaker: q.speaker, sources: new Set() };
      rows.set(key, r);
    }
    if (q.text.length > r.text.length) r.text = q.text;
    if (!r.speaker && q.speaker) r.speaker = q.speaker;
    r.sources.add(q.sourceId);
  };
  for (const p of c.pairs) {
    for (const s of p.quotes.shared) {
      add(s.a);
      add(s.b);
    }
    p.quotes.onlyA.forEach(add);
    p.quotes.onlyB.forEach(add);
  }
  return [...rows.values()].sort((x, y) => y.sources.size - x.sources.size || x.text.localeCompare(y.text));
}

/** Extent is where something sits in a column's scrolling content: its top and bottom, in pixels from the content's top. */
export interface Extent {
  top: number;
  bottom: number;
}

/** Anchor ties a position in column A's content to the position of the same text in column B's. */
export type Anchor = readonly [a: number, b: number];

/**
 * scrollAnchors turns the extents of the shared passages in the two columns
 * (index = passage; missing where a side has no element for it) into the
 * anchors of a scroll map: each passage's top and bottom on both sides, for
 * the passages that run in the same order on both sides only. A passage that
 * crosses others (a paragraph one source moved) would make the map run
 * backwards, so of the passages taken in A's order, only the longest run
 * with B's positions increasing is kept. The anchors come out strictly
 * increasing in both columns.
 */
export function scrollAnchors(a: ReadonlyArray<Extent | undefined>, b: ReadonlyArray<Extent | undefined>): Anchor[] {
  const both: Array<{ a: Extent; b: Extent }> = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const ea = a[i];
    const eb = b[i];
    if (ea && eb) both.push({ a: ea, b: eb });
  }
  both.sort((x, y) => x.a.top - y.a.top || x.b.top - y.b.top);
  const kept = increasingRun(both.map((p) => p.b.top)).map((i) => both[i]!);
  const out: Anchor[] = [];
  for (const p of kept) {
    for (const at of [[p.a.top, p.b.top], [p.a.bottom, p.b.bottom]] as const) {
      const last = out[out.length - 1];
      if (!last || (at[0] > last[0] && at[1] > last[1])) out.push(at);
    }
  }
  return out;
}

/**
 * increasingRun returns the indexes of a longest strictly increasing
 * subsequence of xs, in order (patience sorting, O(n log n)).
 */
export function increasingRun(xs: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest last value of a run of length k+1
  const prev: number[] = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(i);
  return out.reverse();
}

/**
 * mapLine maps a position in column A's content (0..lengthA) to the position
 * of the corresponding text in column B's (0..lengthB): piecewise linear
 * between the anchors, with the two columns' starts and ends as anchors too,
 * so with no anchors it is proportional. Positions beyond either end clamp to
 * that end; anchors outside the columns or out of order are ignored.
 */
export function mapLine(anchors: readonly Anchor[], y: number, lengthA: number, lengthB: number): number {
  if (!(lengthA > 0) || !(lengthB > 0)) return 0;
  if (y <= 0) return 0;
  if (y >= lengthA) return lengthB;
  let x0 = 0;
  let y0 = 0;
  for (const [a, b] of anchors) {
    if (a <= x0 || b <= y0 || a >= lengthA || b >= lengthB) continue;
    if (y <= a) return y0 + ((y - x0) / (a - x0)) * (b - y0);
    x0 = a;
    y0 = b;
  }
  return y0 + ((y - x0) / (lengthA - x0)) * (lengthB - y0);
}

/** Viewport is a scrolling box: its offset, the height of its content and of its window onto it. */
export interface Viewport {
  top: number;
  scrollHeight: number;
  clientHeight: number;
}

/**
 * syncPoint is the line of a scrolled box, as a fraction of its height,
 * that is kept level with the other column (as Meld does): the top edge at
 * the very top, moving to the middle over the first half screen, staying
 * there, and moving to the bottom edge over the last half screen, so both
 * columns reach their top and their bottom together.
 */
export function syncPoint(v: Viewport): number {
  const half = v.clientHeight / 2;
  if (!(half > 0)) return 0;
  const max = v.scrollHeight - v.clientHeight;
  let f = Math.min(1, Math.max(0, v.top / half)) * 0.5;
  const fromEnd = v.top - (max - half);
  if (fromEnd > 0) f += Math.min(1, fromEnd / half) * 0.5;
  return Math.min(1, f);
}

/**
 * followScroll is the offset column B should scroll to while column A is at
 * from.top, so the text at A's sync line sits level with the same text in B,
 * clamped to what B can scroll. Anchors run from A to B; to follow the other
 * way, swap each anchor.
 */
export function followScroll(anchors: readonly Anchor[], from: Viewport, to: Omit<Viewport, 'top'>): number {
  const max = Math.max(0, to.scrollHeight - to.clientHeight);
  // At either end, the other column is at the same end, however the texts differ in length.
  if (from.top <= 0) return 0;
  if (from.top >= from.scrollHeight - from.clientHeight - 0.5) return max;
  const f = syncPoint(from);
  const line = from.top + f * from.clientHeight;
  const there = mapLine(anchors, line, from.scrollHeight, to.scrollHeight);
  return Math.min(max, Math.max(0, there - f * to.clientHeight));
}

/** swapAnchors turns anchors from A to B into anchors from B to A. */
export function swapAnchors(anchors: readonly Anchor[]): Anchor[] {
  return anchors.map(([a, b]) => [b, a] as const);
}

/**
 * connectorPath is the SVG path of a band joining a passage's extent on the
 * left edge (y from a.top to a.bottom) to its partner's on the right edge (at
 * x = width), with the two long sides curved.
 */
export function connectorPath(a: Extent, b: Extent, width: number): string {
  const m = width / 2;
  const r = (n: number) => Math.round(n * 10) / 10;
  return (
    `M0 ${r(a.top)}C${r(m)} ${r(a.top)} ${r(m)} ${r(b.top)} ${r(width)} ${r(b.top)}` +
    `L${r(width)} ${r(b.bottom)}C${r(m)} ${r(b.bottom)} ${r(m)} ${r(a.bottom)} 0 ${r(a.bottom)}Z`
  );
}
