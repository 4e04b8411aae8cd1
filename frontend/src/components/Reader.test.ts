import { afterEach, describe, expect, it, vi } from 'vitest';
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
  lang: '',
  description: '',
  mediaType: 'text/plain',
  originalName: '',
  extractor: 'text',
  text,
  blocks: [],
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

// ---- blocks ----

/** article builds a source from [kind, text, level?, boilerplate?] pieces, offsets in code points. */
function article(pieces: [string, string, number?, string?][]): Source {
  let text = '';
  const blocks: Source['blocks'] = [];
  for (const [kind, piece, level = 0, boilerplate = ''] of pieces) {
    if (text) text += '\n\n';
    const start = Array.from(text).length;
    text += piece;
    blocks.push({ kind, level, start, end: Array.from(text).length, boilerplate });
  }
  return { ...source(text), url: 'https://www.example.com/news/a.html', blocks };
}

const sample = () =>
  article([
    ['heading', 'Lawsuit claims Facebook sold messages', 1],
    ['paragraph', 'Home News Tech', 0, 'navigation'],
    ['paragraph', 'Meta 😀 denied it.\nA second line.'],
    ['heading', 'What the filing says', 2],
    ['item', 'First claim', 1],
    ['item', 'A detail', 2],
    ['item', 'Also Read: Something else', 1, 'related'],
    ['item', 'Second claim', 1],
    ['quote', '“Shockingly untrue,” he said.'],
    ['pre', '  code  kept'],
    ['paragraph', 'Sign up for our newsletter', 0, 'newsletter'],
  ]);

describe('Reader blocks', () => {
  afterEach(() => {
    notebook.showRemoved = false;
    vi.restoreAllMocks();
  });

  it('renders headings, nested lists, quotes and preformatted text from the blocks', () => {
    const body = render(sample());
    const text = body.querySelector('[data-testid="reader-text"]')!;
    expect(text.querySelector('h1')).toBeNull(); // the repeated title is not shown twice
    expect(text.querySelector('h2')!.textContent).toBe('What the filing says');
    const top = text.querySelector(':scope ul')!;
    const own = (li: Element) => {
      const c = li.cloneNode(true) as Element;
      c.querySelectorAll('ul').forEach((u) => u.remove());
      return c.textContent;
    };
    expect(Array.from(top.children).map(own)).toEqual(['First claim', 'Second claim']);
    expect(top.querySelector(':scope li ul li')!.textContent).toBe('A detail');
    expect(text.querySelector('blockquote')!.textContent).toBe('“Shockingly untrue,” he said.');
    expect(text.querySelector('pre')!.textContent).toBe('  code  kept');
    const p = text.querySelector('p')!;
    expect(p.textContent).toBe('Meta 😀 denied it.A second line.');
    expect(p.querySelectorAll('br')).toHaveLength(1);
    expect(text.textContent).not.toContain('Also Read');
    expect(text.textContent).not.toContain('newsletter');
  });

  it('shows the metadata line with a link to the original host', () => {
    const s = sample();
    const body = render({ ...s, published: '2024-04-03T14:29:00+05:30', updated: '2024-04-04' });
    expect(body.querySelector('[data-testid="meta-outlet"]')!.textContent).toBe('MyNation');
    expect(body.querySelector('[data-testid="meta-authors"]')!.textContent).toBe('Roshni Tamta');
    expect(body.querySelector('[data-testid="meta-published"]')!.textContent).toBe('3 Apr 2024, 14:29 +05:30');
    expect(body.querySelector('[data-testid="meta-updated"]')!.textContent).toBe('updated 4 Apr 2024');
    const a = body.querySelector<HTMLAnchorElement>('[data-testid="meta-link"]')!;
    expect(a.textContent).toBe('example.com');
    expect(a.getAttribute('href')).toBe('https://www.example.com/news/a.html');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
  });

  it('reveals removed text with its reasons, and restores a block', async () => {
    const restore = vi.spyOn(notebook, 'setBoilerplate').mockResolvedValue(sample());
    const body = render(sample());
    const toggle = body.querySelector<HTMLButtonElement>('[data-testid="toggle-removed"]')!;
    expect(toggle.textContent).toContain('(3)');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    flushSync();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const runs = Array.from(body.querySelectorAll('[data-testid="removed-run"]'));
    expect(runs.map((r) => r.querySelector('.removed-label')!.textContent)).toEqual(['Navigation', 'Related links', 'Newsletter']);
    expect(runs[1]!.textContent).toContain('Also Read: Something else');
    runs[1]!.querySelector<HTMLButtonElement>('[data-testid="restore-block"]')!.click();
    expect(restore).toHaveBeenCalledWith(1, 6, false);
  });

  it('sets a content block aside', () => {
    const aside = vi.spyOn(notebook, 'setBoilerplate').mockResolvedValue(sample());
    const body = render(sample());
    const blocks = body.querySelectorAll('[data-testid="content-block"]');
    const quote = Array.from(blocks).find((b) => b.querySelector('blockquote'))!;
    quote.querySelector<HTMLButtonElement>('[data-testid="set-aside"]')!.click();
    expect(aside).toHaveBeenCalledWith(1, 8, true);
  });

  it('offers no toggle when nothing was removed', () => {
    const body = render(article([['paragraph', 'Only content.']]));
    expect(body.querySelector('[data-testid="toggle-removed"]')).toBeNull();
  });

  it('says so when all the text was set aside', () => {
    const body = render(article([['paragraph', 'Cookie banner', 0, 'cookie']]));
    expect(body.querySelector('.no-text')!.textContent).toContain('All of this source’s text was set aside.');
  });
});

describe('Edit details', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves the corrections and shows the server’s error in place', async () => {
    const save = vi
      .spyOn(notebook, 'updateSource')
      .mockRejectedValueOnce(new Error('"someday" is not a date Sourcebook understands (try 2024-04-03 or Apr 3, 2024)'))
      .mockResolvedValueOnce(sample());
    const body = render(sample());
    body.querySelector<HTMLButtonElement>('[data-testid="edit-details"]')!.click();
    flushSync();
    const form = body.querySelector('[data-testid="details-form"]')!;
    expect(body.querySelector('[data-testid="reader-title"]')).toBeNull();
    const set = (id: string, v: string) => {
      const el = form.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    expect(form.querySelector<HTMLInputElement>('[data-testid="details-title"]')!.value).toBe('Lawsuit claims Facebook sold messages');
    set('details-outlet', 'Asianet Newsable');
    set('details-authors', 'Roshni Tamta,  A. N. Other ');
    set('details-published', 'someday');
    flushSync();
    form.querySelector<HTMLButtonElement>('[data-testid="details-save"]')!.click();
    await vi.waitFor(() => expect(body.querySelector('[data-testid="details-error"]')).not.toBeNull());
    expect(body.querySelector('[data-testid="details-error"]')!.textContent).toContain('is not a date Sourcebook understands');
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ id: 1, outlet: 'Asianet Newsable', authors: ['Roshni Tamta', 'A. N. Other'], published: 'someday', kind: 'article' }),
    );
    set('details-published', 'Apr 3, 2024, 2:29 PM IST');
    flushSync();
    form.querySelector<HTMLButtonElement>('[data-testid="details-save"]')!.click();
    await vi.waitFor(() => expect(body.querySelector('[data-testid="details-form"]')).toBeNull());
    expect(body.querySelector('[data-testid="reader-title"]')).not.toBeNull();
  });

  it('closes on Escape without saving', () => {
    const save = vi.spyOn(notebook, 'updateSource');
    const body = render(sample());
    body.querySelector<HTMLButtonElement>('[data-testid="edit-details"]')!.click();
    flushSync();
    const input = body.querySelector<HTMLInputElement>('[data-testid="details-outlet"]')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(body.querySelector('[data-testid="details-form"]')).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });
});
