import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';

const openExternal = vi.fn();
vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), openExternal: (u: string) => openExternal(u) }));

import Markdown from './Markdown.svelte';
import { desk } from '../lib/quotes.svelte';
import type { NoteLink } from '../lib/types';

let app: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = '';
  openExternal.mockReset();
  desk.view = { kind: 'reader' };
  desk.history = [];
});

function render(body: string, links: NoteLink[] = []) {
  app = mount(Markdown, { target: document.body, props: { body, links, testid: 'md' } });
  flushSync();
  return document.querySelector<HTMLElement>('[data-testid="md"]')!;
}

const click = (el: Element) => {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  el.dispatchEvent(e);
  flushSync();
  return e;
};

describe('Markdown', () => {
  it('runs nothing from the note: no scripts, handlers, frames or images reach the page', () => {
    (window as unknown as { hit?: boolean }).hit = false;
    const md = render('<script>window.hit = true</script>\n\n<img src=x onerror="window.hit = true">\n\n[x](javascript:window.hit=true)\n\n<iframe src="https://example.com"></iframe>');
    expect(md.querySelectorAll('script, img, iframe, [onerror], [onclick]')).toHaveLength(0);
    for (const a of md.querySelectorAll('a')) expect(a.getAttribute('href') ?? '#').toMatch(/^(https?:|mailto:|#)/);
    for (const a of md.querySelectorAll('a')) click(a);
    expect((window as unknown as { hit?: boolean }).hit).toBe(false);
  });

  it('opens web links outside the app, never in this window', () => {
    const md = render('See [the post](https://about.fb.com/news/) now.');
    const e = click(md.querySelector('a')!);
    expect(e.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://about.fb.com/news/');
  });

  it('opens what a wiki link points at', () => {
    const md = render('Said by [[Andy Stone]].', [{ target: 'Andy Stone', text: 'Andy Stone', kind: 'speaker', id: 3, label: 'Andy Stone' }]);
    const a = md.querySelector('a.wikilink')!;
    expect(a.textContent).toBe('Andy Stone');
    const e = click(a);
    expect(e.defaultPrevented).toBe(true);
    expect(desk.view).toEqual({ kind: 'speaker', id: 3 });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('offers to write the note a link to nothing names', () => {
    const md = render('Ask [[Nobody Yet]].');
    const a = md.querySelector('a.wikilink.missing')!;
    click(a);
    const offer = document.querySelector('[data-testid="missing-link"]')!;
    expect(offer.textContent).toContain('Nothing is called “Nobody Yet” yet.');
    expect(offer.querySelector('[data-testid="create-linked-note"]')!.textContent).toBe('Write this note');
    expect(desk.view).toEqual({ kind: 'reader' });
  });
});
