// Pure helpers for notes: their names and excerpts as plain text, what they
// are attached to in words, the [[link]] being completed, and the groups of
// completions.

import { linkAt, parseWikiLink, type Resolved } from './markdown';
import type { LinkTarget, Note, NoteLink, NoteTarget } from './types';

/**
 * plainText turns a line of Markdown into the words a reader sees:
 * [[target|text]] is "text", [link](url) is "link", emphasis and code
 * marks go, heading and list marks at the start go.
 */
export function plainText(md: string): string {
  let out = '';
  for (let i = 0; i < md.length; ) {
    const w = md.startsWith('[[', i) ? parseWikiLink(md, i) : null;
    if (w) {
      out += w.text;
      i = w.end;
      continue;
    }
    out += md[i];
    i++;
  }
  return out
    .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|\*|~~|`)(?=\S)([^]*?\S)\1/g, '$2')
    // Underscores mark emphasis only outside words (snake_case stays).
    .replace(/(^|[^\p{L}\p{N}_])(__|_)(?=\S)([^]*?\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kinds a note can be attached to, in words. */
const kindWords: Record<string, string> = {
  source: 'Source',
  passage: 'Passage',
  quote: 'Quote',
  speaker: 'Speaker',
  story: 'Story',
  note: 'Note',
};

/** kindWord names a kind of thing for people ("passage" is "Passage"). */
export function kindWord(kind: string): string {
  return kindWords[kind] ?? kind;
}

/** cut shortens text to max characters at a word, with an ellipsis. */
export function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.5 ? head.slice(0, space) : head).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** passageOf is the passage a note is attached to (a highlight's), if any. */
export function passageOf(n: Pick<Note, 'attached'>): NoteTarget | undefined {
  return n.attached.find((t) => t.kind === 'passage');
}

/**
 * noteName is what a note is called in lists: its first line as plain
 * text, else the words of the passage it is on, else "Untitled note".
 */
export function noteName(n: Pick<Note, 'title' | 'attached'>): string {
  const t = plainText(n.title);
  if (t) return cut(t, 120);
  const p = passageOf(n);
  if (p?.label) return `“${cut(p.label, 100)}”`;
  return 'Untitled note';
}

/** noteExcerpt is the start of a note after its first line, as plain text. */
export function noteExcerpt(body: string, max = 180): string {
  const lines = body.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const rest = lines
    .slice(first + 1)
    .filter((l) => !/^\s*(```|~~~|[-*_]{3,}\s*$)/.test(l))
    .map(plainText)
    .filter(Boolean)
    .join(' ');
  return cut(rest, max);
}

/**
 * attachedLine says in words what a note is attached to: "Passage: “…”",
 * "Speaker: Andy Stone", "Source: Meta accused… (deleted)". sourceTitle
 * names the source a passage or quote is in, when known.
 */
export function attachedLine(t: NoteTarget, sourceTitle = ''): string {
  const word = kindWord(t.kind);
  const label = t.label ? cut(t.label, 90) : '';
  const quoted = t.kind === 'passage' || t.kind === 'quote';
  let s = label ? `${word}: ${quoted ? `“${label}”` : label}` : word;
  if (quoted && sourceTitle) s += ` in ${cut(sourceTitle, 60)}`;
  if (t.id === 0) s += ' (deleted)';
  else if (t.orphan) s += ' (no longer in the text)';
  return s;
}

/** resolver makes the `resolve` callback of renderMarkdown from a note's resolved links. */
export function resolver(links: readonly NoteLink[]): (target: string) => Resolved | null {
  const byTarget = new Map<string, Resolved>();
  for (const l of links) {
    if (l.kind && l.id && !byTarget.has(l.target)) byTarget.set(l.target, { kind: l.kind, id: l.id, label: l.label });
  }
  return (target) => byTarget.get(target) ?? null;
}

/** Completion is the text after a [[link]] suggestion was chosen. */
export interface Completion {
  text: string;
  /** Where the caret goes: right after the inserted link. */
  caret: number;
  /** The part of the old text replaced: [from, to). */
  from: number;
  to: number;
}

/**
 * completeLink replaces the `[[…` being typed before caret with insert (a
 * whole link, brackets included). A `]]` right after the caret (typed or
 * left from before) is taken in, so no stray brackets remain. Returns null
 * when no link is being typed at caret.
 */
export function completeLink(text: string, caret: number, insert: string): Completion | null {
  const at = linkAt(text, caret);
  if (!at) return null;
  let to = caret;
  // Words already written after the caret up to a closing ]] on the same line belong to the link.
  const rest = text.slice(caret);
  const close = /^[^\n[\]|]*(?:\|[^\n[\]]*)?\]\]/.exec(rest);
  if (close) to = caret + close[0].length;
  return {
    text: text.slice(0, at.start) + insert + text.slice(to),
    caret: at.start + insert.length,
    from: at.start,
    to,
  };
}

/** The kinds of link targets in the order the completion list shows them: the order a [[Name]] resolves in. */
const targetOrder = ['note', 'story', 'speaker', 'source', 'quote'];
const targetGroupNames: Record<string, string> = {
  note: 'Notes',
  story: 'Stories',
  speaker: 'Speakers',
  source: 'Sources',
  quote: 'Quotes',
};

/** TargetGroup is the completions of one kind, each with its index in the flat list the arrow keys move through. */
export interface TargetGroup {
  kind: string;
  name: string;
  items: { target: LinkTarget; index: number }[];
}

/** groupTargets groups completions by kind (notes, stories, speakers, sources, quotes), keeping their order within a kind. */
export function groupTargets(targets: readonly LinkTarget[]): { groups: TargetGroup[]; flat: LinkTarget[] } {
  const kinds = [...targetOrder, ...new Set(targets.map((t) => t.kind).filter((k) => !targetOrder.includes(k)))];
  const groups: TargetGroup[] = [];
  const flat: LinkTarget[] = [];
  for (const kind of kinds) {
    const of = targets.filter((t) => t.kind === kind);
    if (of.length === 0) continue;
    groups.push({
      kind,
      name: targetGroupNames[kind] ?? kindWord(kind),
      items: of.map((target) => ({ target, index: flat.push(target) - 1 })),
    });
  }
  return { groups, flat };
}
