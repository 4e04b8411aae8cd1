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
