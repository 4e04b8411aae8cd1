import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Snippet from './Snippet.svelte';

let app: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = '';
});

function render(segments: { text: string; match: boolean }[]) {
  app = mount(Snippet, { target: document.body, props: { segments } });
  flushSync();
  return document.body.querySelector('.snippet')!;
}

describe('Snippet', () => {
  it('marks the matched words', () => {
    const el = render([
      { text: '…wrote on X, "', match: false },
      { text: 'Shockingly', match: true },
      { text: ' ', match: true },
      { text: 'untrue', match: true },
      { text: '. Meta didn’t share…', match: false },
    ]);
    const marks = Array.from(el.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['Shockingly untrue']);
    expect(el.textContent).toBe('…wrote on X, "Shockingly untrue. Meta didn’t share…');
  });

  it('renders markup in the text as text', () => {
    const el = render([
      { text: '<img src=x onerror="alert(1)">', match: true },
      { text: '<b>bold</b>', match: false },
    ]);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('mark')!.textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it('renders nothing for no segments', () => {
    expect(render([]).textContent).toBe('');
  });
});
