import { describe, expect, it } from 'vitest';
import { explicit, linkAt, parseWikiLink, renderMarkdown } from './markdown';

const none = () => null;

describe('renderMarkdown', () => {
  it('renders Markdown and resolves wiki links', () => {
    const html = renderMarkdown('# Stone\nSee [[Andy Stone]] and [[Later|a later note]].', (t) =>
      t === 'Andy Stone' ? { kind: 'speaker', id: 3, label: 'Andy Stone' } : null,
    );
    expect(html).toContain('<h1>Stone</h1>');
    expect(html).toContain('<a href="#" class="wikilink" data-kind="speaker" data-id="3" title="Andy Stone">Andy Stone</a>');
    expect(html).toContain('class="wikilink missing" data-target="Later"');
    expect(html).toContain('>a later note</a>');
  });

  it('leaves links inside code alone', () => {
    const html = renderMarkdown('`[[not a link]]`', () => ({ kind: 'note', id: 1, label: 'x' }));
    expect(html).toContain('<code>[[not a link]]</code>');
    expect(html).not.toContain('wikilink');
  });

  it('never lets script, handlers, javascript: URLs or images through', () => {
    const evil = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '![tracker](https://example.com/pixel.gif)',
      '<a href="javascript:alert(1)">x</a>',
      '[[x" onmouseover="alert(1)]]',
      '<iframe src="https://example.com"></iframe>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    ].join('\n\n');
    const html = renderMarkdown(evil, (t) => ({ kind: 'note', id: 1, label: t }));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, iframe, [onerror], [onmouseover]').length).toBe(0);
    for (const a of doc.querySelectorAll('a')) {
      expect(a.getAttribute('href') ?? '#').toMatch(/^(https?:|mailto:|#)/);
    }
  });

  it('marks external links so the app opens them outside', () => {
    const html = renderMarkdown('[TechDogs](https://www.techdogs.com/x) and https://example.com', none);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const links = [...doc.querySelectorAll('a')];
    expect(links).toHaveLength(2);
    for (const a of links) expect(a.dataset.external).toBe('1');
  });
});

describe('wiki link syntax', () => {
  it('parses like the Go side', () => {
    expect(parseWikiLink('[[  two   spaces |  shown ]]', 0)).toEqual({ target: 'two spaces', text: 'shown', end: 28 });
    expect(parseWikiLink('[[]]', 0)).toBeNull();
    expect(parseWikiLink('[[a\nb]]', 0)).toBeNull();
    expect(parseWikiLink('[[open', 0)).toBeNull();
    expect(explicit('quote:42')).toEqual({ kind: 'quote', id: 42 });
    expect(explicit('Source: 7')).toEqual({ kind: 'source', id: 7 });
    expect(explicit('note:x')).toBeNull();
  });

  it('finds the link being typed', () => {
    expect(linkAt('See [[Andy St', 13)).toEqual({ start: 4, typed: 'Andy St' });
    expect(linkAt('See [[Andy]] now', 16)).toBeNull();
    expect(linkAt('no link', 7)).toBeNull();
    expect(linkAt('[[a\nb', 5)).toBeNull();
  });
});
