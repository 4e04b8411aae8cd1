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
  | 'reject'
  | 'palette'
  | 'newNote'
  | 'undo'
  | 'export';

/**
 * shortcuts are the keys of each command as menus, tooltips and the command
 * palette show them (see shortcut()); commandFor answers to exactly these.
 * The compare view keeps S, J/K, the arrows and Ctrl/⌘+P (print) for itself.
 */
export const shortcuts: Record<Command, string> = {
  search: 'mod+K',
  import: 'mod+I',
  next: 'J',
  prev: 'K',
  toggleSidebar: 'mod+\\',
  edit: 'E',
  removed: 'R',
  quote: 'Q',
  highlight: 'H',
  inspector: 'I',
  confirm: 'C',
  reject: 'X',
  palette: 'mod+shift+P',
  newNote: 'N',
  undo: 'mod+Z',
  export: 'mod+shift+E',
};

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
 * inspector; C and X to confirm or reject the selected quote; N for a new
 * note) are ignored while the user is typing, and so is Ctrl/⌘+Z, which
 * then belongs to the text field's own undo.
 */
export function commandFor(e: KeyLike, typing: boolean): Command | null {
  if (e.isComposing) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.shiftKey) {
    if (key === 'p') return 'palette';
    if (key === 'e') return 'export';
    return null;
  }
  if (mod && !e.altKey) {
    if (key === 'k') return 'search';
    if (key === 'i') return 'import';
    if (key === '\\') return 'toggleSidebar';
    // Ctrl/⌘+P as in editors; the compare view takes it back for printing.
    if (key === 'p') return 'palette';
    if (key === 'z') return typing ? null : 'undo';
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
  if (key === 'n') return 'newNote';
  return null;
}

/** shortcut renders a shortcut for tooltips: "mod+k" is "Ctrl+K", or "⌘K" on a Mac; "mod+shift+p" is "Ctrl+Shift+P" or "⇧⌘P". */
export function shortcut(keys: string, mac = isMac()): string {
  // "+" alone is the plus key.
  const raw = keys === '+' ? ['+'] : keys.split('+');
  const parts = raw.map((p) => {
    if (p === 'mod') return mac ? '⌘' : 'Ctrl';
    if (p === 'shift') return mac ? '⇧' : 'Shift';
    if (p === 'alt') return mac ? '⌥' : 'Alt';
    return p.length === 1 ? p.toUpperCase() : p;
  });
  // A Mac writes the modifiers in the order ⌥⇧⌘.
  if (mac) parts.sort((a, b) => macOrder(a) - macOrder(b));
  return parts.join(mac ? '' : '+');
}

function macOrder(p: string): number {
  const i = ['⌥', '⇧', '⌘'].indexOf(p);
  return i < 0 ? 9 : i;
}

/** keyOf turns a shortcut ("mod+shift+P", "N") back into the key press it names, for tests and menus. */
export function keyOf(keys: string, mac = false): KeyLike {
  const parts = keys.split('+');
  const key = parts[parts.length - 1]!;
  const mods = new Set(parts.slice(0, -1));
  return {
    key: mods.has('shift') ? key.toUpperCase() : key.toLowerCase(),
    ctrlKey: mods.has('mod') && !mac,
    metaKey: mods.has('mod') && mac,
    altKey: mods.has('alt'),
    shiftKey: mods.has('shift'),
  };
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
