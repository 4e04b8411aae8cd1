import { describe, expect, it } from 'vitest';
import {
  codePoints,
  headingTag,
  lines,
  nestItems,
  paragraphBlocks,
  readerNodes,
  reasonLabel,
  removedCount,
  sliceCodePoints,
  viewBlocks,
  type ListNode,
  type ViewBlock,
} from './blocks';
import type { Block } from './types';

const b = (kind: string, start: number, end: number, over: Partial<Block> = {}): Block => ({
  kind,
  level: 0,
  start,
  end,
  boilerplate: '',
  ...over,
});

/** doc builds a text and its blocks from pieces, counting code points as Go does. */
function doc(pieces: [string, string, Partial<Block>?][]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  for (const [kind, piece, over] of pieces) {
    if (text) text += '\n\n';
    const start = Array.from(text).length;
    text += piece;
    blocks.push(b(kind, start, Array.from(text).length, over));
  }
  return { text, blocks };
}

const vb = (index: number, kind: string, text: string, level = 0, reason = '', start = 0): ViewBlock => ({ index, kind, level, text, start, reason });

describe('code points', () => {
  it('counts an emoji as one code point, not two UTF-16 units', () => {
    const text = '😀 ok';
    expect(text.length).toBe(5);
    expect(codePoints(text)).toHaveLength(4);
    expect(sliceCodePoints(codePoints(text), 2, 4)).toBe('ok');
  });

  it('slices after astral characters where UTF-16 offsets would cut in the wrong place', () => {
    const { text, blocks } = doc([
      ['paragraph', '𝒜 résumé 👩‍👩‍👧 family'],
      ['paragraph', 'Second, after 🇮🇳 flags.'],
    ]);
    const view = viewBlocks({ text, blocks });
    expect(view.map((v) => v.text)).toEqual(['𝒜 résumé 👩‍👩‍👧 family', 'Second, after 🇮🇳 flags.']);
    // The same offsets used as UTF-16 indexes would be wrong.
    expect(text.slice(blocks[1]!.start, blocks[1]!.end)).not.toBe('Second, after 🇮🇳 flags.');
  });

  it('keeps combining characters with their letters', () => {
    const text = 'Cafe\u0301 ok\n\nNa\u0308ive';
    const blocks = [b('paragraph', 0, 8), b('paragraph', 10, 16)];
    expect(viewBlocks({ text, blocks }).map((v) => v.text)).toEqual(['Cafe\u0301 ok', 'Na\u0308ive']);
  });

  it('remembers the last text it split', () => {
    const text = 'x'.repeat(1000);
    expect(codePoints(text)).toBe(codePoints(text));
  });

  it('clamps offsets to the text', () => {
    const p = codePoints('abc');
    expect(sliceCodePoints(p, -5, 2)).toBe('ab');
    expect(sliceCodePoints(p, 1, 99)).toBe('bc');
    expect(sliceCodePoints(p, 2, 1)).toBe('');
  });
});

describe('viewBlocks', () => {
  it('keeps index, kind, level and reason, and trims spaces', () => {
    const text = '  Title  \n\nBody';
    const blocks = [b('heading', 0, 9, { level: 1 }), b('paragraph', 11, 15, { boilerplate: 'related' })];
    expect(viewBlocks({ text, blocks })).toEqual([vb(0, 'heading', 'Title', 1, '', 2), vb(1, 'paragraph', 'Body', 0, 'related', 11)]);
  });

  it('gives each block the code point offset of its trimmed text', () => {
    const text = '😀 a\n\n  👩‍👧 b\n\n\n  code';
    const blocks = [b('paragraph', 0, 3), b('paragraph', 5, 12), b('pre', 13, 21)];
    const points = Array.from(text);
    for (const v of viewBlocks({ text, blocks })) {
      expect(points.slice(v.start, v.start + Array.from(v.text).length).join('')).toBe(v.text);
    }
  });

  it('drops blocks outside the text or empty, keeping the others’ indexes', () => {
    const text = 'One\n\n   \n\nTwo';
    const blocks = [b('paragraph', 0, 3), b('paragraph', 5, 8), b('paragraph', 10, 13), b('paragraph', 40, 50), b('paragraph', 3, 3)];
    expect(viewBlocks({ text, blocks }).map((v) => [v.index, v.text])).toEqual([
      [0, 'One'],
      [2, 'Two'],
    ]);
  });

  it('keeps the indentation of preformatted text', () => {
    const text = '  indented\n    more\n';
    expect(viewBlocks({ text, blocks: [b('pre', 0, 20)] })[0]!.text).toBe('  indented\n    more');
  });

  it('splits a source without blocks into paragraphs', () => {
    const text = 'First 😀.\n\n  Second\nline.\n\n\n';
    expect(paragraphBlocks(text)).toEqual([b('paragraph', 0, 8), b('paragraph', 12, 24)]);
    expect(viewBlocks({ text, blocks: [] }).map((v) => v.text)).toEqual(['First 😀.', 'Second\nline.']);
  });

  it('counts removed blocks', () => {
    expect(removedCount([vb(0, 'paragraph', 'a'), vb(1, 'paragraph', 'b', 0, 'navigation'), vb(2, 'item', 'c', 1, 'related')])).toBe(2);
  });
});

describe('nestItems', () => {
  const shape = (l: ListNode): unknown => l.items.map((it) => (it.children ? [it.block.text, shape(it.children)] : it.block.text));

  it('keeps a flat list flat', () => {
    expect(shape(nestItems([vb(0, 'item', 'a', 1), vb(1, 'item', 'b', 1)]))).toEqual(['a', 'b']);
  });

  it('nests deeper items under the item before them and comes back out', () => {
    const list = nestItems([
      vb(0, 'item', 'a', 1),
      vb(1, 'item', 'a.1', 2),
      vb(2, 'item', 'a.1.i', 3),
      vb(3, 'item', 'a.2', 2),
      vb(4, 'item', 'b', 1),
    ]);
    expect(shape(list)).toEqual([['a', [['a.1', ['a.1.i']], 'a.2']], 'b']);
    expect(list.level).toBe(1);
    expect(list.items[0]!.children!.level).toBe(2);
  });

  it('treats a missing level as the top level', () => {
    expect(shape(nestItems([vb(0, 'item', 'a', 0), vb(1, 'item', 'b', 2), vb(2, 'item', 'c', 0)]))).toEqual([['a', ['b']], 'c']);
  });

  it('starts a list at a deep level without inventing parents', () => {
    const list = nestItems([vb(0, 'item', 'x', 3), vb(1, 'item', 'y', 3), vb(2, 'item', 'z', 1)]);
    expect(shape(list)).toEqual(['x', 'y', 'z']);
  });

  it('nests a jump of two levels under the previous item', () => {
    expect(shape(nestItems([vb(0, 'item', 'a', 1), vb(1, 'item', 'deep', 3), vb(2, 'item', 'mid', 2)]))).toEqual([['a', ['deep', 'mid']]]);
  });
});

describe('readerNodes', () => {
  const blocks = [
    vb(0, 'heading', 'The Title', 1),
    vb(1, 'paragraph', 'Menu Home News', 0, 'navigation'),
    vb(2, 'paragraph', 'First paragraph.'),
    vb(3, 'item', 'Point one', 1),
    vb(4, 'item', 'Also read: something', 1, 'related'),
    vb(5, 'item', 'Point two', 1),
    vb(6, 'paragraph', 'Sign up', 0, 'newsletter'),
    vb(7, 'paragraph', 'Get the daily', 0, 'newsletter'),
    vb(8, 'paragraph', 'Last.'),
  ];

  it('hides boilerplate and the heading that repeats the title', () => {
    const nodes = readerNodes(blocks, { showRemoved: false, title: 'The title!' });
    expect(nodes.map((n) => n.type)).toEqual(['block', 'list', 'block']);
    const list = nodes[1] as ListNode;
    // The hidden item between them no longer splits the list.
    expect(list.items.map((i) => i.block.text)).toEqual(['Point one', 'Point two']);
  });

  it('keeps a first heading that is not the title', () => {
    const nodes = readerNodes(blocks, { showRemoved: false, title: 'Something else' });
    expect(nodes[0]).toEqual({ type: 'block', block: blocks[0] });
  });

  it('shows removed text in place, in runs of one reason', () => {
    const nodes = readerNodes(blocks, { showRemoved: true, title: 'The Title' });
    expect(nodes.map((n) => (n.type === 'removed' ? `removed:${n.reason}` : n.type))).toEqual([
      'removed:navigation',
      'block',
      'list',
      'removed:related',
      'list',
      'removed:newsletter',
      'block',
    ]);
    const newsletter = nodes[5]!;
    expect(newsletter.type === 'removed' && newsletter.nodes.length).toBe(2);
    expect(newsletter.type === 'removed' && newsletter.first).toBe(6);
    const related = nodes[3]!;
    expect(related.type === 'removed' && related.nodes[0]!.type).toBe('list');
  });

  it('gives nothing for no blocks', () => {
    expect(readerNodes([], { showRemoved: true })).toEqual([]);
  });
});

describe('small helpers', () => {
  it('maps heading levels to h2..h4', () => {
    expect([0, 1, 2, 3, 4, 6].map(headingTag)).toEqual(['h2', 'h2', 'h2', 'h3', 'h4', 'h4']);
  });

  it('names reasons for people', () => {
    expect(reasonLabel('related')).toBe('Related links');
    expect(reasonLabel('newsletter')).toBe('Newsletter');
    expect(reasonLabel('sidebar')).toBe('Sidebar');
    expect(reasonLabel('')).toBe('');
  });

  it('splits lines on any line end', () => {
    expect(lines('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
  });
});
