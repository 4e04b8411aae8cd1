// Focus helpers for elements that appear after the page has loaded (the
// autofocus attribute only works while a page loads).

/** focusOnMount is a Svelte action: the element takes focus when it appears. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => {
    node.focus();
    if (node instanceof HTMLInputElement) node.select();
  });
}
