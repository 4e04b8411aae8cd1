import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, loadView, restorable, saveView, type Exists } from './lastview';
import type { View } from './quotes.svelte';

const all: Exists = {
  source: () => true,
  quote: () => true,
  speaker: () => true,
  note: async () => true,
  story: () => true,
  tag: () => true,
};

describe('decodeView', () => {
  it('reads back every view it wrote', () => {
    const views: View[] = [
      { kind: 'reader' },
      { kind: 'notes' },
      { kind: 'speakers' },
      { kind: 'note', id: 7 },
      { kind: 'story', id: 2 },
      { kind: 'quote', id: 9 },
      { kind: 'speaker', id: 3 },
      { kind: 'tag', name: 'denial' },
      { kind: 'compare', ids: [1, 2] },
    ];
    for (const v of views) expect(decodeView(encodeView(v))).toEqual(v);
  });

  it('refuses what is not a view', () => {
    for (const raw of [null, '', 'nonsense', '42', '{"kind":"note"}', '{"kind":"note","id":-1}', '{"kind":"note","id":"7"}', '{"kind":"tag","name":" "}', '{"kind":"compare","ids":[1]}', '{"kind":"gone"}']) {
      expect(decodeView(raw), String(raw)).toBeNull();
    }
  });

  it('drops extra fields', () => {
    expect(decodeView('{"kind":"note","id":4,"focus":true}')).toEqual({ kind: 'note', id: 4 });
  });
});

describe('restorable', () => {
  it('restores a view whose things exist', async () => {
    expect(await restorable({ kind: 'note', id: 4 }, all)).toEqual({ kind: 'note', id: 4 });
    expect(await restorable({ kind: 'notes' }, all)).toEqual({ kind: 'notes' });
  });

  it('falls back to the reader when a thing is gone, a check fails, or nothing was saved', async () => {
    expect(await restorable({ kind: 'note', id: 4 }, { ...all, note: async () => false })).toEqual({ kind: 'reader' });
    expect(await restorable({ kind: 'story', id: 4 }, { ...all, story: () => false })).toEqual({ kind: 'reader' });
    expect(await restorable({ kind: 'compare', ids: [1, 2] }, { ...all, source: (id) => id === 1 })).toEqual({ kind: 'reader' });
    expect(await restorable({ kind: 'note', id: 4 }, { ...all, note: () => Promise.reject(new Error('notfound')) })).toEqual({ kind: 'reader' });
    expect(await restorable(null, all)).toEqual({ kind: 'reader' });
  });
});

describe('saveView and loadView', () => {
  it('remember the view in storage', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    saveView({ kind: 'story', id: 5 }, store);
    expect(loadView(store)).toEqual({ kind: 'story', id: 5 });
  });

  it('survive storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveView({ kind: 'notes' }, broken)).not.toThrow();
    expect(loadView(broken)).toBeNull();
  });
});
