// Undo as the window offers it: Ctrl/⌘+Z and the Undo button on the notice
// after a deletion both take back the notebook's last destructive action
// (api.undo), then everything on screen is loaded again.

import * as api from './api';
import { desk } from './quotes.svelte';
import { notebook } from './notebook.svelte';
import { shelf } from './shelf.svelte';
import { messageOf, toasts } from './toasts.svelte';
import { shortcut } from './keys';
import { plainText } from './notes';

/** refreshAll loads again what an undo may have brought back: library, quotes, speakers, notes and tags. */
export async function refreshAll(): Promise<void> {
  shelf.changed();
  await Promise.all([
    notebook.refresh(),
    desk.reload(),
    desk.loadSpeakers().catch(() => {}),
  ]);
}

/** sentence starts a message from Go ("there is nothing to undo") with a capital and ends it with a full stop. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const up = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(up) ? up : `${up}.`;
}

/**
 * undoLast takes back the last destructive action and says so in a notice;
 * it returns what was undone, or null (the reason is shown). With
 * `expected`, it first checks that this is still what Undo would take back,
 * so an Undo button on an old notice never undoes something else.
 */
export async function undoLast(expected?: string): Promise<string | null> {
  try {
    if (expected !== undefined) {
      const next = (await api.undoInfo()).what;
      if (next !== expected) {
        toasts.show(
          next ? `Not undone: the last change is now “${plainText(next)}”. Press ${shortcut('mod+Z')} to undo that.` : 'Not undone: there is nothing left to undo.',
          'error',
        );
        return null;
      }
    }
    const { what } = await api.undo();
    toasts.undone(what);
    await refreshAll();
    toasts.show(`Undone: ${plainText(what)}`);
    return what;
  } catch (err) {
    toasts.show(sentence(messageOf(err)), 'error');
    return null;
  }
}

/** lastAction says what Undo would take back now ('' when nothing or unknown). */
export async function lastAction(): Promise<string> {
  try {
    return (await api.undoInfo()).what;
  } catch {
    return '';
  }
}
