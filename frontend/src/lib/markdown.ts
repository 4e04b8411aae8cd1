// Markdown for notes: markdown-it renders it (raw HTML off, images off so a
// note never fetches anything), wiki links [[target]] / [[target|text]]
// become in-app links, and DOMPurify sanitizes the result before any of it
// reaches the page. The link syntax matches the Go side (internal/wikilink).
import MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
import DOMPurify from 'dompurify';

/** A link target as the notebook resolves it; null when nothing has that name. */
export interface Resolved {
  kind: string;
  id: number;
  label: string;
}

/** The longest target that counts as a link, in characters (MaxTarget in Go counts bytes; close enough for display). */
const maxTarget = 300;

/** parseWikiLink reads `[[target|text]]` at pos of src, or returns null. */
export function parseWikiLink(src: string, pos: number): { target: string; text: string; end: number } | null {
  if (!src.startsWith('[[', pos)) return null;
  const close = src.indexOf(']]', pos + 2);
  if (close < 0) return null;
  const inner = src.slice(pos + 2, close);
  if (inner.startsWith('[') || /[\n\r[\]]/.test(inner)) return null;
  const bar = inner.indexOf('|');
  const squash = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');
  const target = squash(bar < 0 ? inner : inner.slice(0, bar));
  const text = squash(bar < 0 ? '' : inner.slice(bar + 1)) || target;
  if (!target || target.length > maxTarget) return null;
  return { target, text, end: close + 2 };
}

/** explicit splits a `kind:id` target, as the Go side does. */
export function explicit(target: string): { kind: string; id: number } | null {
  const m = /^(note|source|quote|speaker|story):\s*(\d+)$/i.exec(target);
  if (!m) return null;
  const id = Number(m[2]);
  return id > 0 ? { kind: m[1]!.toLowerCase(), id } : null;
}

function wikiRule(state: StateInline, silent: boolean): boolean {
  const link = parseWikiLink(state.src, state.pos);
  if (!link) return false;
  if (!silent) {
    const tok = state.push('wikilink', '', 0);
    tok.meta = { target: link.target, text: link.text };
  }
  state.pos = link.end;
  return true;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * renderMarkdown turns a note's Markdown into sanitized HTML. resolve says
 * what each [[link]] points at now; links become
 * `<a class="wikilink" data-kind data-id>` (class "missing" when unresolved,
 * with data-target), external links carry data-external so the caller opens
 * them outside the app.
 */
export function renderMarkdown(src: string, resolve: (target: string) => Resolved | null): string {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.disable('image');
  md.inline.ruler.before('link', 'wikilink', wikiRule);
  md.renderer.rules.wikilink = (tokens, idx) => {
    const { target, text } = tokens[idx]!.meta as { target: string; text: string };
    const r = resolve(target);
    if (!r) {
      return `<a href="#" class="wikilink missing" data-target="${escapeHtml(target)}" title="No note, source or speaker is called this yet">${escapeHtml(text)}</a>`;
    }
    return `<a href="#" class="wikilink" data-kind="${escapeHtml(r.kind)}" data-id="${r.id}" title="${escapeHtml(r.label)}">${escapeHtml(text)}</a>`;
  };
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    tokens[idx]!.attrSet('data-external', '1');
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return defaultLink(tokens, idx, opts, env, self);
  };
  return sanitize(md.render(src));
}

/** sanitize keeps only harmless markup: no scripts, handlers, styles, images, forms or frames; links only to http(s), mailto and '#'. */
export function sanitize(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [
      'p', 'br', 'hr', 'em', 'strong', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
      'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    ],
    ALLOWED_ATTR: ['href', 'title', 'class', 'data-kind', 'data-id', 'data-target', 'data-external', 'rel', 'start', 'align'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}

/** linkAt finds the [[link]] being typed at caret in text: the words after an unclosed `[[` on the caret's line. */
export function linkAt(text: string, caret: number): { start: number; typed: string } | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('[[');
  if (open < 0) return null;
  const typed = before.slice(open + 2);
  if (/[\n\]|[]/.test(typed) || typed.length > maxTarget) return null;
  return { start: open, typed };
}
