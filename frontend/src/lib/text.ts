// Pure text helpers for the library and the reader.

import type { Segment, SourceSummary } from './types';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * formatDate shows an ISO 8601 date as known ("2024", "2024-04",
 * "2024-04-03T14:29:00Z") as "2024", "Apr 2024", "3 Apr 2024". It reads the
 * date as written, without converting time zones. Anything else is returned
 * unchanged; "" stays "".
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])/.exec(iso.trim());
  if (!m) return iso.trim();
  const [, y, mo, d] = m;
  const month = mo ? months[Number(mo) - 1] : undefined;
  if (!month) return y!;
  if (!d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** joinNames lists names as people write them: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  const n = names.map((s) => s.trim()).filter(Boolean);
  if (n.length <= 1) return n.join('');
  return `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

/** plural gives "1 word", "2 words", "1,234 words". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** rowMeta is the small line under a title in the library: outlet · date. */
export function rowMeta(s: SourceSummary): string {
  const parts = [s.outlet.trim(), formatDate(s.published)].filter(Boolean);
  if (parts.length === 0) parts.push(`imported ${formatDate(s.importedAt)}`);
  return parts.join(' · ');
}

/**
 * formatDateTime shows an ISO 8601 date with its time and offset as written:
 * "2024-04-03T14:29:00+05:30" is "3 Apr 2024, 14:29 +05:30", a "Z" or
 * "+00:00" offset is "UTC", and a date without a time is formatDate's.
 */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(iso.trim());
  if (!m) return formatDate(iso);
  const [, date, h, mi, zone] = m;
  let z = '';
  if (zone) {
    const off = zone.toUpperCase() === 'Z' ? 'Z' : /^([+-]\d{2}):?(\d{2})?$/.exec(zone)!.slice(1, 3).map((x) => x ?? '00').join(':');
    z = off === 'Z' || off === '+00:00' || off === '-00:00' ? ' UTC' : ` ${off}`;
  }
  return `${formatDate(date!)}, ${h}:${mi}${z}`;
}

/** MetaPart is one item of the line above a source's title. */
export interface MetaPart {
  key: 'outlet' | 'authors' | 'published' | 'updated' | 'words';
  text: string;
  /** A tooltip: the date as stored. */
  title?: string;
}

/** readerMeta is the line above a source's title: outlet · authors · published · updated · words. */
export function readerMeta(s: SourceSummary & { updated?: string }): MetaPart[] {
  const parts: MetaPart[] = [];
  if (s.outlet.trim()) parts.push({ key: 'outlet', text: s.outlet.trim() });
  const authors = joinNames(s.authors);
  if (authors) parts.push({ key: 'authors', text: authors });
  if (s.published) parts.push({ key: 'published', text: formatDateTime(s.published), title: `Published ${s.published}` });
  if (s.updated && s.updated !== s.published) {
    parts.push({ key: 'updated', text: `updated ${formatDateTime(s.updated)}`, title: `Updated ${s.updated}` });
  }
  parts.push({ key: 'words', text: plural(s.words, 'word') });
  return parts;
}

/** hostOf is a URL's host without "www.", for a short link label; "" when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** splitAuthors reads a comma- or semicolon-separated list of names. */
export function splitAuthors(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((n) => n.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** short cuts a title to about `max` characters at a word boundary, adding "…". */
export function short(title: string, max = 60): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** fold lowercases and strips accents, for forgiving comparisons. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The folded title, outlet and authors of each source filtered, kept while
 * the summary lives: folding 100,000 of them again for every letter typed
 * into the library's filter would take it a third of a second.
 */
const haystacks = new WeakMap<SourceSummary, string>();

/** matchesFilter reports whether every word of the filter occurs in the source's title, outlet or authors. */
export function matchesFilter(s: SourceSummary, filter: string): boolean {
  return sourceFilter(filter)(s);
}

/**
 * sourceFilter returns matchesFilter for one filter, its words folded once
 * for a whole library.
 */
export function sourceFilter(filter: string): (s: SourceSummary) => boolean {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (s) => {
    let hay = haystacks.get(s);
    if (hay === undefined) {
      hay = fold([s.title, s.outlet, ...s.authors].join(' \u0000 '));
      haystacks.set(s, hay);
    }
    return words.every((w) => hay.includes(w));
  };
}

/**
 * cleanSegments prepares a snippet for display: it drops empty runs and
 * merges neighbours with the same `match`, so each <mark> covers a whole
 * matched phrase.
 */
export function cleanSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    if (!seg || typeof seg.text !== 'string' || seg.text === '') continue;
    const match = Boolean(seg.match);
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += seg.text;
    else out.push({ text: seg.text, match });
  }
  return out;
}

/** safeHttpUrl returns the URL when it is http(s), else "" (never a javascript: link). */
export function safeHttpUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}
