// The desktop window's File menu (window.go) asks the page to act through
// the Wails event "menu", whose data is one of the actions below. Browser
// mode has no native menu and no Wails runtime: its page offers the same
// items in its own File menu (FileMenu.svelte), so both end in the same
// handlers in App.svelte.

/** MenuAction is what a File menu item asks for. */
export type MenuAction = 'import' | 'export' | 'merge' | 'backups';

const actions: readonly MenuAction[] = ['import', 'export', 'merge', 'backups'];

/** isMenuAction reports whether an event's data names an action this page knows. */
export function isMenuAction(v: unknown): v is MenuAction {
  return typeof v === 'string' && (actions as readonly string[]).includes(v);
}

/**
 * onMenu calls handler for every action the native menu sends, and returns
 * the function that stops listening. Without the Wails runtime (browser
 * mode, tests) it does nothing. Unknown actions (a newer window's) are
 * ignored rather than guessed at.
 */
export function onMenu(handler: (action: MenuAction) => void, w: Pick<Window, 'runtime'> | undefined = typeof window === 'undefined' ? undefined : window): () => void {
  const on = w?.runtime?.EventsOn;
  if (typeof on !== 'function') return () => {};
  const off = on('menu', (action: unknown) => {
    if (isMenuAction(action)) handler(action);
  });
  return typeof off === 'function' ? off : () => {};
}
