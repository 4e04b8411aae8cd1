// The last open view (reader, note, story page, …), remembered across
// restarts in localStorage and restored only when what it shows still
// exists. The open source is remembered by notebook.svelte.ts.

import type { View } from './quotes.svelte';

const key = 'sourcebook.lastView';

/** encodeView writes a view for storage. */
export function encodeView(view: View): string {
  return JSON.stringify(view);
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** decodeView reads a stored view back, or null for anything that is not one (old versions, hand edits). */
export function decodeView(raw: string | null): View | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  switch (o.kind) {
    case 'reader':
    case 'speakers':
    case 'notes':
      return { kind: o.kind };
    case 'quote':
    case 'speaker':
    case 'note':
    case 'story':
      return isId(o.id) ? { kind: o.kind, id: o.id } : null;
    case 'tag':
      return typeof o.name === 'string' && o.name.trim() !== '' ? { kind: 'tag', name: o.name } : null;
    case 'compare':
      return Array.isArray(o.ids) && o.ids.length >= 2 && o.ids.length <= 8 && o.ids.every(isId) ? { kind: 'compare', ids: [...o.ids] } : null;
    default:
      return null;
  }
}

/** Exists answers whether the things a view shows are still in the notebook. */
export interface Exists {
  source(id: number): boolean | Promise<boolean>;
  quote(id: number): boolean | Promise<boolean>;
  speaker(id: number): boolean | Promise<boolean>;
  note(id: number): boolean | Promise<boolean>;
  story(id: number): boolean | Promise<boolean>;
  tag(name: string): boolean | Promise<boolean>;
}

/**
 * restorable returns the view to open at start: the saved one when what it
 * shows still exists, else the reader. A check that fails counts as gone.
 */
export async function restorable(saved: View | null, exists: Exists): Promise<View> {
  const reader: View = { kind: 'reader' };
  if (!saved) return reader;
  try {
    let ok: boolean;
    switch (saved.kind) {
      case 'quote':
        ok = await exists.quote(saved.id);
        break;
      case 'speaker':
        ok = await exists.speaker(saved.id);
        break;
      case 'note':
        ok = await exists.note(saved.id);
        break;
      case 'story':
        ok = await exists.story(saved.id);
        break;
      case 'tag':
        ok = await exists.tag(saved.name);
        break;
      case 'compare':
        ok = (await Promise.all(saved.ids.map((id) => exists.source(id)))).every(Boolean);
        break;
      default:
        ok = true;
    }
    return ok ? saved : reader;
  } catch {
    return reader;
  }
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): Store | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** saveView remembers the open view; failures (storage off) are ignored. */
export function saveView(view: View, store: Store | undefined = storage()): void {
  try {
    store?.setItem(key, encodeView(view));
  } catch {
    // Only a convenience.
  }
}

/** loadView returns the remembered view, or null. */
export function loadView(store: Store | undefined = storage()): View | null {
  try {
    return decodeView(store?.getItem(key) ?? null);
  } catch {
    return null;
  }
}
