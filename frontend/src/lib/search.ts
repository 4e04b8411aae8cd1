// The search box's logic, apart from the page: the filters as chips, the
// request they make, the headings of the groups of results, and the order
// the arrow keys move through them.

import { formatDate } from './text';
import type { Hit, SearchGroup, SearchKind, SearchRequest, Segment } from './types';

/** The kinds, in the order the results list them. */
export const searchKinds: readonly SearchKind[] = ['source', 'quote', 'speaker', 'note'];

/** kindLabel names a kind's group ("Quotes"). */
export const kindLabel: Record<SearchKind, string> = { source: 'Sources', quote: 'Quotes', speaker: 'Speakers', note: 'Notes' };

/** isKind reports whether a string is a kind the search knows. */
export function isKind(k: string): k is SearchKind {
  return (searchKinds as readonly string[]).includes(k);
}

/** Filters narrow a search, as the user set them; names are kept to show on the chips. */
export interface Filters {
  /** One kind, or null for all. */
  kind: SearchKind | null;
  story: { id: number; title: string } | null;
  tag: string;
  speaker: { id: number; name: string } | null;
  outlet: string;
  /** ISO dates or prefixes of one: "2024", "2024-04", "2024-04-03". */
  from: string;
  to: string;
}

export const noFilters: Filters = { kind: null, story: null, tag: '', speaker: null, outlet: '', from: '', to: '' };

/** ChipKey names a filter that shows as a removable chip (the kind has chips of its own). */
export type ChipKey = 'story' | 'tag' | 'speaker' | 'outlet' | 'dates';

export interface Chip {
  key: ChipKey;
  /** What the filter is: "Story", "Tag". */
  label: string;
  /** Its value as shown: the story's title, "Apr 2024 – 2025". */
  value: string;
}

/** chipsOf lists the filters set, as chips, in a fixed order. */
export function chipsOf(f: Filters): Chip[] {
  const out: Chip[] = [];
  if (f.story) out.push({ key: 'story', label: 'Story', value: f.story.title });
  if (f.tag) out.push({ key: 'tag', label: 'Tag', value: f.tag });
  if (f.speaker) out.push({ key: 'speaker', label: 'Speaker', value: f.speaker.name });
  if (f.outlet) out.push({ key: 'outlet', label: 'Outlet', value: f.outlet });
  const dates = datesLabel(f.from, f.to);
  if (dates) out.push({ key: 'dates', label: 'Published', value: dates });
  return out;
}

/** datesLabel writes a date range for a chip: "Apr 2024 – 2025", "from 2024", "until 3 Apr 2024". */
export function datesLabel(from: string, to: string): string {
  if (from && to) return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

/** without returns the filters with one chip's filter removed. */
export function without(f: Filters, key: ChipKey): Filters {
  switch (key) {
    case 'story':
      return { ...f, story: null };
    case 'tag':
      return { ...f, tag: '' };
    case 'speaker':
      return { ...f, speaker: null };
    case 'outlet':
      return { ...f, outlet: '' };
    case 'dates':
      return { ...f, from: '', to: '' };
  }
}

/** narrowed reports whether a filter other than the kind is set: then an empty query lists what the filters select. */
export function narrowed(f: Filters): boolean {
  return chipsOf(f).length > 0;
}

/**
 * isDate reports whether the search accepts a string as a date filter: an
 * ISO date or a prefix of one ("2024", "2024-04", "2024-04-03"). The server
 * refuses anything else, so the filter menu checks before it asks.
 */
export function isDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s.trim());
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** How many hits of each kind the box asks for: a few of each for all kinds, more of one kind. */
export const perKindAll = 5;
export const perKindOne = 50;
export const perKindMax = 200;

/** requestOf is the SearchRequest for what is typed and the filters; `limit` 0 takes the default for the kinds shown. */
export function requestOf(query: string, f: Filters, limit = 0): SearchRequest {
  return {
    query,
    asYouType: true,
    kinds: f.kind ? [f.kind] : [],
    storyId: f.story?.id ?? 0,
    tag: f.tag,
    speakerId: f.speaker?.id ?? 0,
    outlet: f.outlet,
    from: f.from.trim(),
    to: f.to.trim(),
    limit: limit || (f.kind ? perKindOne : perKindAll),
  };
}

/** Heading is a group's heading: "Quotes", "12", and when not all are shown "showing 5". */
export interface Heading {
  label: string;
  count: string;
  showing: string;
}

/** totalLabel writes a group's total; a query with words ranks at most 1,000 of a kind, so 1,000 means "1,000+". */
export function totalLabel(total: number, ranked: boolean): string {
  const n = total.toLocaleString('en-US');
  return ranked && total >= 1000 ? `${n}+` : n;
}

/** headingOf is the heading of a group of hits; `ranked` when the query had words. */
export function headingOf(g: SearchGroup, ranked: boolean): Heading {
  const label = isKind(g.kind) ? kindLabel[g.kind] : g.kind;
  const showing = g.more || g.total > g.hits.length ? `showing ${g.hits.length.toLocaleString('en-US')}` : '';
  return { label, count: totalLabel(g.total, ranked), showing };
}

/**
 * Entry is one line the arrow keys move to: a hit, or the "more…" line
 * that ends a group with more hits than it shows.
 */
export type Entry = { type: 'hit'; kind: string; hit: Hit; index: number } | { type: 'more'; kind: string; index: number };

/**
 * entriesOf puts the groups' hits in the order they are shown, each group
 * that has more than it shows followed by its "more…" line (unless `more`
 * says it cannot show more). Empty groups add nothing.
 */
export function entriesOf(groups: readonly SearchGroup[], more: (g: SearchGroup) => boolean = (g) => g.more): Entry[] {
  const out: Entry[] = [];
  for (const g of groups) {
    for (const hit of g.hits) out.push({ type: 'hit', kind: g.kind, hit, index: out.length });
    if (g.hits.length > 0 && more(g)) out.push({ type: 'more', kind: g.kind, index: out.length });
  }
  return out;
}

/**
 * groupStep is where PageDown and PageUp go from entry `at`: down, to the
 * first entry of the next group (the last entry from the last group); up,
 * to the first entry of this group, or from there of the previous one.
 */
export function groupStep(entries: readonly Entry[], at: number, step: 1 | -1): number {
  const n = entries.length;
  if (n === 0) return -1;
  const i = Math.max(0, Math.min(at, n - 1));
  const kind = entries[i]!.kind;
  if (step > 0) {
    let j = i;
    while (j < n && entries[j]!.kind === kind) j++;
    return j < n ? j : n - 1;
  }
  const startOf = (j: number) => {
    const k = entries[j]!.kind;
    while (j > 0 && entries[j - 1]!.kind === k) j--;
    return j;
  };
  const start = startOf(i);
  if (i > start) return start;
  return start > 0 ? startOf(start - 1) : 0;
}

/** Where opening a hit leads. */
export type Target =
  | { kind: 'source'; sourceId: number }
  | { kind: 'quote'; id: number; sourceId: number }
  | { kind: 'quotePage'; id: number }
  | { kind: 'speaker'; id: number }
  | { kind: 'note'; id: number };

/**
 * targetOf says what opening a hit shows: a source in the reader; a quote in
 * its source, scrolled to it (its quote page with `alt`, or when its source
 * is unknown); a speaker's page; a note's page.
 */
export function targetOf(hit: Hit, alt = false): Target | null {
  switch (hit.kind) {
    case 'source':
      return hit.id ? { kind: 'source', sourceId: hit.id } : null;
    case 'quote':
      if (!hit.id) return null;
      return alt || !hit.sourceId ? { kind: 'quotePage', id: hit.id } : { kind: 'quote', id: hit.id, sourceId: hit.sourceId };
    case 'speaker':
      return hit.id ? { kind: 'speaker', id: hit.id } : null;
    case 'note':
      return hit.id ? { kind: 'note', id: hit.id } : null;
    default:
      return null;
  }
}

/** hitMeta is the small line under a hit: where it is from. */
export function hitMeta(hit: Hit): string {
  const date = formatDate(hit.published);
  switch (hit.kind) {
    case 'source':
      return [hit.outlet, date].filter(Boolean).join(' · ');
    case 'quote':
      return [hit.speaker ? `— ${hit.speaker}` : '— unattributed', hit.sourceTitle, hit.outlet, date].filter(Boolean).join(' · ');
    case 'note':
      return hit.sourceTitle ? `on ${[hit.sourceTitle, hit.outlet].filter(Boolean).join(' · ')}` : '';
    default:
      return '';
  }
}

/**
 * plainSnippet takes the Markdown marks a note's text carries out of its
 * snippet (heading marks, emphasis, the brackets of [[links]]), so it reads
 * as the note page shows it.
 */
export function plainSnippet(segments: readonly Segment[]): Segment[] {
  return segments.map((g) => ({
    match: g.match,
    text: g.match ? g.text : g.text.replace(/(^|\s)#{1,6}\s+/g, '$1').replace(/\*\*|__|\[\[|\]\]/g, ''),
  }));
}

/** findByName finds the item whose name is `typed` (case and surrounding spaces do not count). */
export function findByName<T>(items: readonly T[], name: (t: T) => string, typed: string): T | undefined {
  const want = typed.trim().toLowerCase();
  if (!want) return undefined;
  return items.find((t) => name(t).trim().toLowerCase() === want);
}
