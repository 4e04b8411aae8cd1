// Pure text helpers for the library and the reader.

import type { Segment, SourceSummary } from './types';

/**
 * paragraphs splits source text into paragraphs (separated by blank lines,
 * including lines holding only spaces), each a list of lines (single newlines
 * are line breaks). Empty paragraphs are dropped; lines are trimmed at the end
 * and paragraphs at both ends.
 */
export function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter((p) => p !== '')
    .map((p) => p.split('\n').map((line) => line.replace(/\s+$/, '')));
}

/**
 * bodyParagraphs is paragraphs() without a first paragraph that only repeats
 * the title (imports often keep the headline as the text's first line, and
 * the reader already shows it as the heading).
 */
export function bodyParagraphs(text: string, title: string): string[][] {
  const paras = paragraphs(text);
  const first = paras[0];
  const same = (a: string) => fold(a).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (first && title.trim() && same(first.join(' ')) === same(title)) return paras.slice(1);
  return paras;
}

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

/** readerMeta is the line above a source's title: outlet · authors · dates · words. */
export function readerMeta(s: SourceSummary & { updated?: string }): string[] {
  const parts: string[] = [];
  if (s.outlet.trim()) parts.push(s.outlet.trim());
  const authors = joinNames(s.authors);
  if (authors) parts.push(authors);
  if (s.published) parts.push(formatDate(s.published));
  if (s.updated && s.updated !== s.published) parts.push(`updated ${formatDate(s.updated)}`);
  parts.push(plural(s.words, 'word'));
  return parts;
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

/** matchesFilter reports whether every word of the filter occurs in the source's title, outlet or authors. */
export function matchesFilter(s: SourceSummary, filter: string): boolean {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([s.title, s.outlet, ...s.authors].join(' \u0000 '));
  return words.every((w) => hay.includes(w));
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
