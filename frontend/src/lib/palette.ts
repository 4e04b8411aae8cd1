// The command palette's matching: an action is found by the letters typed,
// in order, with word starts and runs of letters counting most (as in
// editors' palettes: "nn" finds "New note", "gts" "Go to story").

/** Action is one line of the command palette. */
export interface Action {
  id: string;
  label: string;
  /** Where it belongs: shown faintly, and searched too ("Story", "Theme"). */
  group?: string;
  /** The shortcut, as keys.ts writes it ("mod+K", "N"). */
  keys?: string;
  /** Other words that find it ("dark mode" for the dark theme). */
  words?: string;
  disabled?: boolean;
  run: () => void;
}

/** Scored is an action that matches, with the label's matched character indexes for highlighting. */
export interface Scored {
  action: Action;
  score: number;
  /** Indexes into action.label (UTF-16) of the characters the query matched there. */
  hits: number[];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * fuzzyScore matches query's characters in order in text and scores the
 * match (higher is better), or returns null when they are not all there.
 * Spaces in the query are ignored. A match at a word start scores more, and
 * so does one right after the previous match; gaps and late starts cost.
 */
export function fuzzyScore(query: string, text: string): { score: number; hits: number[] } | null {
  const q = fold(query).replace(/\s+/g, '');
  if (!q) return { score: 0, hits: [] };
  const t = fold(text);
  // Folding can change lengths only for odd characters; then match unfolded.
  const hay = t.length === text.length ? t : text.toLowerCase();
  let best: { score: number; hits: number[] } | null = null;
  // Try every start of the first character, each matched twice: the
  // nearest characters, and word starts where there are some; keep the best.
  for (let first = hay.indexOf(q[0]!); first >= 0; first = hay.indexOf(q[0]!, first + 1)) {
    for (const words of [false, true]) {
      const hits = matchFrom(hay, q, first, words);
      if (!hits) continue;
      const score = scoreOf(hay, hits);
      if (!best || score > best.score) best = { score, hits };
    }
  }
  return best;
}

function matchFrom(hay: string, q: string, first: number, preferWords: boolean): number[] | null {
  const hits = [first];
  let at = first;
  for (let i = 1; i < q.length; i++) {
    const ch = q[i]!;
    const near = hay.indexOf(ch, at + 1);
    // With word starts preferred the rest may not fit; the plain match of this start still counts.
    if (near < 0) return null;
    let pick = near;
    if (preferWords && near !== at + 1 && !wordStart(hay, near)) {
      for (let j = hay.indexOf(ch, near + 1); j >= 0; j = hay.indexOf(ch, j + 1)) {
        if (wordStart(hay, j)) {
          pick = j;
          break;
        }
      }
    }
    hits.push(pick);
    at = pick;
  }
  return hits;
}

function wordStart(s: string, i: number): boolean {
  return i === 0 || /[\s\-_:/.(“"'…]/.test(s[i - 1]!);
}

function scoreOf(s: string, hits: number[]): number {
  let score = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (wordStart(s, h)) score += 8;
    if (i > 0 && h === hits[i - 1]! + 1) score += 5;
    if (i > 0) score -= Math.min(4, h - hits[i - 1]! - 1) * 0.5;
  }
  score -= hits[0]! * 0.2;
  if (hits[0] === 0) score += 4;
  return score - s.length * 0.01;
}

/**
 * filterActions returns the actions that match the query, best first; an
 * empty query keeps them all in their order. The label counts most; the
 * group and extra words find an action too, at a lower score.
 */
export function filterActions(actions: readonly Action[], query: string): Scored[] {
  if (!query.trim()) return actions.map((action) => ({ action, score: 0, hits: [] }));
  const out: Scored[] = [];
  actions.forEach((action, order) => {
    const onLabel = fuzzyScore(query, action.label);
    const grouped = action.group ? fuzzyScore(query, `${action.group} ${action.label}`) : null;
    const other = action.words ? fuzzyScore(query, action.words) : null;
    const candidates = [
      onLabel ? { score: onLabel.score, hits: onLabel.hits } : null,
      grouped ? { score: grouped.score - 3, hits: labelHits(grouped.hits, action.group!.length + 1) } : null,
      other ? { score: other.score - 6, hits: [] } : null,
    ].filter((c): c is { score: number; hits: number[] } => c !== null);
    if (candidates.length === 0) return;
    const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
    out.push({ action, score: best.score - order * 0.001, hits: best.hits });
  });
  return out.sort((a, b) => b.score - a.score);
}

function labelHits(hits: number[], offset: number): number[] {
  return hits.filter((h) => h >= offset).map((h) => h - offset);
}

/** Piece is a run of a label, matched or not, for drawing the match. */
export interface Piece {
  text: string;
  match: boolean;
}

/** pieces splits a label at the matched indexes, so the UI can mark them without HTML. */
export function pieces(label: string, hits: readonly number[]): Piece[] {
  const set = new Set(hits);
  const out: Piece[] = [];
  for (let i = 0; i < label.length; i++) {
    const match = set.has(i);
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += label[i];
    else out.push({ text: label[i]!, match });
  }
  return out;
}
