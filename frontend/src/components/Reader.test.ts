import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Reader from './Reader.svelte';
import { notebook } from '../lib/notebook.svelte';
import type { Source } from '../lib/types';

let app: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  notebook.current = null;
  document.body.innerHTML = '';
});

const source = (text: string): Source => ({
  id: 1,
  uuid: 'u',
  title: 'Lawsuit claims Facebook sold messages',
  outlet: 'MyNation',
  authors: ['Roshni Tamta'],
  published: '2024-04-03',
  kind: 'article',
  words: 9,
  importedAt: '',
  storyIds: [],
  url: 'javascript:alert(1)',
  updated: '',
  mediaType: 'text/plain',
  originalName: '',
  text,
});

function render(s: Source) {
  notebook.current = s;
  notebook.selectedId = s.id;
  app = mount(Reader, { target: document.body, props: { sidebarOpen: true, ontogglesidebar: () => {}, ondelete: () => {} } });
  flushSync();
  return document.body;
}

describe('Reader', () => {
  it('shows paragraphs, line breaks, title and metadata', () => {
    const body = render(source('Lawsuit claims Facebook sold messages\n\nFirst paragraph.\n\nLine one\nLine two'));
    expect(body.querySelector('[data-testid="reader-title"]')!.textContent).toBe('Lawsuit claims Facebook sold messages');
    const paras = body.querySelectorAll('[data-testid="reader-text"] p');
    expect(paras).toHaveLength(2); // the repeated title is not shown twice
    expect(paras[0]!.textContent).toBe('First paragraph.');
    expect(paras[1]!.querySelectorAll('br')).toHaveLength(1);
    expect(body.querySelector('.article-meta')!.textContent).toContain('MyNation');
    expect(body.querySelector('.article-meta')!.textContent).toContain('3 Apr 2024');
  });

  it('never turns source text into markup, nor a javascript: URL into a link', () => {
    const body = render(source('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>'));
    const text = body.querySelector('[data-testid="reader-text"]')!;
    expect(text.querySelector('script, img')).toBeNull();
    expect(text.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(body.querySelector('.article-meta a')).toBeNull();
  });
});
