import { describe, expect, it } from 'vitest';
import {
  alsoIn,
  codePointOffset,
  drawnMarks,
  excerpt,
  groupBySpeaker,
  initials,
  segmentBlock,
  segmentBlocks,
  selectionRange,
  speakerColour,
  type Mark,
} from './marks';
import { readerNodes, viewBlocks, type ViewBlock } from './blocks';
import type { Block, Highlight, Quote } from './types';

const q = (id: number, start: number, end: number, extra: Partial<Quote> = {}): Quote => ({
  id,
  uuid: '',
  sourceId: 1,
  sourceTitle: '',
  sourceOutlet: '',
  sourcePublished: '',
  text: '',
  start,
  end,
  kind: 'direct',
  status: 'suggested',
  origin: 'auto',
  cue: '',
  speakerText: '',
  speakerId: 0,
  speaker: '',
  role: '',
  affiliation: '',
  group: '',
  groupSources: 1,
  orphan: false,
  ...extra,
});

const h = (id: number, start: number, end: number, extra: Partial<Highlight> = {}): Highlight => ({
  id,
  sourceId: 1,
  start,
  end,
  text: '',
  note: '',
  orphan: false,
  ...extra,
});

const quoteMark = (id: number, start: number, end: number): Mark => ({ id, type: 'quote', start, end });
const hlMark = (id: number, start: number, end: number): Mark => ({ id, type: 'highlight', start, end });
const shape = (segs: ReturnType<typeof segmentBlock>) => segs.map((s) => [s.text, s.quotes, s.highlights]);

describe('segmentBlock', () => {
  it('leaves an unmarked block whole', () => {
    expect(segmentBlock('Plain text.', 10, [])).toEqual([
      { start: 10, end: 21, text: 'Plain text.', newline: false, quotes: [], highlights: [] },
    ]);
  });

  it('counts code points, not UTF-16 units, around emoji', () => {
    // "😀 said “Hi 👋 there”": the emoji are two UTF-16 units but one code point.
    const text = '😀 said “Hi 👋 there”';
    const points = Array.from(text);
    const from = points.indexOf('H');
    const to = points.indexOf('”');
    const segs = segmentBlock(text, 100, [quoteMark(7, 100 + from, 100 + to)]);
    expect(shape(segs)).toEqual([
      ['😀 said “', [], []],
      ['Hi 👋 there', [7], []],
      ['”', [], []],
    ]);
    expect(segs[1]).toMatchObject({ start: 100 + from, end: 100 + to });
  });

  it('draws overlapping quotes and highlights, innermost quote first', () => {
    //           0123456789012345678
    const text = 'aaaa bbbb cccc dddd';
    const segs = segmentBlock(text, 0, [quoteMark(1, 0, 14), quoteMark(2, 5, 9), hlMark(3, 7, 19)]);
    expect(shape(segs)).toEqual([
      ['aaaa ', [1], []],
      ['bb', [2, 1], []],
      ['bb', [2, 1], [3]],
      [' cccc', [1], [3]],
      [' dddd', [], [3]],
    ]);
  });

  it('clips marks to the block, so a quote over several paragraphs shows in each', () => {
    const text = 'One para.\n\nTwo para.\n\nThree.';
    const blocks: Block[] = [
      { kind: 'paragraph', level: 0, start: 0, end: 9, boilerplate: '' },
      { kind: 'paragraph', level: 0, start: 11, end: 20, boilerplate: '' },
      { kind: 'paragraph', level: 0, start: 22, end: 28, boilerplate: '' },
    ];
    const segs = segmentBlocks(viewBlocks({ text, blocks }), [quoteMark(5, 4, 15)]);
    expect(shape(segs.get(0)!)).toEqual([
      ['One ', [], []],
      ['para.', [5], []],
    ]);
    expect(shape(segs.get(1)!)).toEqual([
      ['Two ', [5], []],
      ['para.', [], []],
    ]);
    expect(shape(segs.get(2)!)).toEqual([['Three.', [], []]]);
  });

  it('cuts at line breaks so every segment is one text node', () => {
    const segs = segmentBlock('ab\ncd', 0, [quoteMark(1, 1, 4)]);
    expect(segs.map((s) => [s.text, s.newline, s.quotes])).toEqual([
      ['a', false, []],
      ['b', false, [1]],
      ['\n', true, [1]],
      ['c', false, [1]],
      ['d', false, []],
    ]);
  });

  it('ignores marks outside the block and empty ones', () => {
    expect(shape(segmentBlock('xyz', 10, [quoteMark(1, 0, 10), quoteMark(2, 13, 20), quoteMark(3, 11, 11)]))).toEqual([
      ['xyz', [], []],
    ]);
  });
});

describe('segmentBlocks', () => {
  it('leaves out blocks the reader hides, and the parts of quotes over them', () => {
    const text = 'Intro.\n\nMenu Home News\n\nShe said it.';
    const blocks: Block[] = [
      { kind: 'paragraph', level: 0, start: 0, end: 6, boilerplate: '' },
      { kind: 'paragraph', level: 0, start: 8, end: 22, boilerplate: 'navigation' },
      { kind: 'paragraph', level: 0, start: 24, end: 36, boilerplate: '' },
    ];
    const shown = viewBlocks({ text, blocks }).filter((b) => !b.reason);
    expect(readerNodes(shown, { showRemoved: false }).length).toBe(2);
    const segs = segmentBlocks(shown, [quoteMark(1, 10, 30)]);
    expect([...segs.keys()]).toEqual([0, 2]);
    expect(shape(segs.get(2)!)).toEqual([
      ['She sa', [1], []],
      ['id it.', [], []],
    ]);
  });

  it('uses the offset of trimmed text', () => {
    const b: ViewBlock = { index: 0, kind: 'paragraph', level: 0, text: 'Hello', start: 3, reason: '' };
    expect(shape(segmentBlocks([b], [hlMark(9, 3, 5)]).get(0)!)).toEqual([
      ['He', [], [9]],
      ['llo', [], []],
    ]);
  });
});

describe('drawnMarks', () => {
  const quotes = [
    q(1, 0, 5),
    q(2, 6, 9, { status: 'rejected' }),
    q(3, 10, 12, { orphan: true }),
    q(4, 13, 20, { kind: 'scare' }),
    q(5, 5, 5),
  ];
  it('never draws orphans, and rejected quotes only on request', () => {
    expect(drawnMarks(quotes, [h(7, 1, 3), h(8, 1, 3, { orphan: true })], { showRejected: false }).map((m) => `${m.type}${m.id}`)).toEqual([
      'quote1',
      'quote4',
      'highlight7',
    ]);
    expect(drawnMarks(quotes, [], { showRejected: true }).map((m) => m.id)).toEqual([1, 2, 4]);
  });
});

describe('selection offsets', () => {
  it('converts DOM offsets in UTF-16 units to code points', () => {
    expect(codePointOffset('a😀b', 0)).toBe(0);
    expect(codePointOffset('a😀b', 3)).toBe(2);
    expect(codePointOffset('a😀b', 4)).toBe(3);
    // Inside the surrogate pair: the whole emoji counts.
    expect(codePointOffset('a😀b', 2)).toBe(2);
    expect(codePointOffset('abc', 99)).toBe(3);
  });

  it('maps the first and last touched segments to a range of the text', () => {
    expect(selectionRange({ start: 10, text: '👋 hi', units: 3 }, { start: 40, text: 'there 😀!', units: 8 })).toEqual({ start: 12, end: 47 });
    expect(selectionRange({ start: 10, text: 'abc', units: null }, { start: 20, text: 'xyz', units: null })).toEqual({ start: 10, end: 23 });
    expect(selectionRange({ start: 10, text: 'abc', units: 2 }, { start: 10, text: 'abc', units: 2 })).toBeNull();
  });
});

describe('speakers', () => {
  it('gives stable colours, and none to unknown speakers', () => {
    expect(speakerColour(0)).toBe(-1);
    expect(speakerColour(4)).toBe(speakerColour(4));
    const slots = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(speakerColour));
    expect(slots.size).toBe(8);
  });

  it('makes initials', () => {
    expect(initials('Andy Stone')).toBe('AS');
    expect(initials('the blog post')).toBe('BP');
    expect(initials('Debarghya (Deedy) Das')).toBe('DD');
    expect(initials('Meta')).toBe('M');
    expect(initials('émile zola')).toBe('ÉZ');
    expect(initials('')).toBe('?');
  });

  it('groups quotes by speaker, most quoted first, unknown last', () => {
    const groups = groupBySpeaker([
      q(1, 0, 1),
      q(2, 5, 6, { speakerId: 4, speaker: 'Andy Stone' }),
      q(3, 8, 9, { speakerId: 2, speaker: 'Elon Musk' }),
      q(4, 10, 11, { speakerId: 2, speaker: 'Elon Musk' }),
    ]);
    expect(groups.map((g) => [g.name, g.quotes.map((x) => x.id)])).toEqual([
      ['Elon Musk', [3, 4]],
      ['Andy Stone', [2]],
      ['', [1]],
    ]);
  });
});

describe('words', () => {
  it('shortens at a word', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt('one two three four five six', 14)).toBe('one two three…');
  });

  it('says where else a quote appears', () => {
    expect(alsoIn(1)).toBe('');
    expect(alsoIn(2)).toBe('also in 1 other source');
    expect(alsoIn(4)).toBe('also in 3 other sources');
  });
});
