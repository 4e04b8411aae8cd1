// Helpers for elements that appear after the page has loaded: focus (the
// autofocus attribute only works while a page loads) and popups moved to
// the end of the page.

/** focusOnMount is a Svelte action: the element takes focus when it appears. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => {
    node.focus();
    if (node instanceof HTMLInputElement) node.select();
  });
}

/**
 * portal is a Svelte action that moves an element to the end of <body>, so
 * a popup positioned with `position: fixed` is placed against the window
 * even inside a transformed ancestor (the selection tools are one).
 */
export function portal(node: HTMLElement): { destroy(): void } {
  document.body.appendChild(node);
  return {
    destroy() {
      node.remove();
    },
  };
}

/**
 * focusIfLost is a Svelte action for a page's main region: when the page
 * opens and the focus was on something now gone (it is on <body>), the
 * region takes it, so the keyboard goes on from the new page.
 */
export function focusIfLost(node: HTMLElement): void {
  queueMicrotask(() => {
    const at = document.activeElement;
    if (!at || at === document.body || !at.isConnected) node.focus({ preventScroll: true });
  });
}
