// Keyboard shortcuts, kept in one place so menus and tooltips show the same
// keys the handler answers to.

/** Command is something a shortcut does anywhere in the window. */
export type Command =
  | 'search'
  | 'import'
  | 'next'
  | 'prev'
  | 'toggleSidebar'
  | 'edit'
  | 'removed'
  | 'quote'
  | 'highlight'
  | 'inspector'
  | 'confirm'
  | 'reject';

/** The parts of a KeyboardEvent that decide a shortcut. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  isComposing?: boolean;
}

/** isMac reports whether the primary modifier is ⌘ rather than Ctrl. */
export function isMac(platform = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** isTyping reports whether keys pressed on this element are text input. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  return target instanceof HTMLElement && (target.isContentEditable === true || target.closest('[contenteditable=""], [contenteditable="true"]') !== null);
}

/**
 * commandFor maps a key press to a window-wide command, or null.
 * Single-key shortcuts (/, J, K, E, R; Q and H for the selection; I for the
 * inspector; C and X to confirm or reject the selected quote) are ignored
 * while the user is typing.
 */
export function commandFor(e: KeyLike, typing: boolean): Command | null {
  if (e.isComposing) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && !e.shiftKey) {
    if (key === 'k') return 'search';
    if (key === 'i') return 'import';
    if (key === '\\') return 'toggleSidebar';
    return null;
  }
  if (mod || e.altKey || typing) return null;
  if (key === '/') return 'search';
  if (e.shiftKey) return null;
  if (key === 'j') return 'next';
  if (key === 'k') return 'prev';
  if (key === 'e') return 'edit';
  if (key === 'r') return 'removed';
  if (key === 'q') return 'quote';
  if (key === 'h') return 'highlight';
  if (key === 'i') return 'inspector';
  if (key === 'c') return 'confirm';
  if (key === 'x') return 'reject';
  return null;
}

/** shortcut renders a shortcut for tooltips: "mod+k" is "Ctrl+K", or "⌘K" on a Mac. */
export function shortcut(keys: string, mac = isMac()): string {
  const parts = keys.split('+').map((p) => (p === 'mod' ? (mac ? '⌘' : 'Ctrl') : p.length === 1 ? p.toUpperCase() : p));
  return parts.join(mac ? '' : '+');
}

/** tip appends a shortcut to a tooltip: "Search (Ctrl+K)". */
export function tip(label: string, keys?: string): string {
  return keys ? `${label} (${shortcut(keys)})` : label;
}

/** nextIndex moves through a list of `length` items by `step`, staying in bounds. */
export function nextIndex(current: number, step: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return step > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + step));
}
