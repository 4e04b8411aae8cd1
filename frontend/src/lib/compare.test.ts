import { describe, expect, it } from 'vitest';
import type { ViewBlock } from './blocks';
import {
  blockRule,
  columnZones,
  coverageGrid,
  diffRanges,
  pairOf,
  percent,
  quoteRows,
  segmentColumn,
  stepPassage,
  swapPair,
} from './compare';
import type { ComparePair, Comparison, Fact, Quote, SourceSummary } from './types';

const quote = (over: Partial<Quote>): Quote => ({
  id: 1,
  uuid: '',
  sourceId: 1,
  sourceTitle: '',
  sourceOutlet: '',
  sourcePublished: '',
  text: '',
  start: 0,
  end: 0,
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
  ...over,
});

// A: "Intro. The fee was 5 dollars. Tail."  B: "The fee was 7 dollars. Other."
const textA = 'Intro. The fee was 5 dollars. Tail.';
const textB = 'The fee was 7 dollars. Other.';
const pair: ComparePair = {
  a: 1,
  b: 2,
  coverageA: 0.5,
  coverageB: 0.7,
  shared: [
    {
      a: { start: 7, end: 29, text: 'The fee was 5 dollars.' },
      b: { start: 0, end: 22, text: 'The fee was 7 dollars.' },
      kind: 'similar',
      score: 0.8,
      ops: [
        { kind: 'equal', a: 'The fee was', b: 'The fee was' },
        { kind: 'replace', a: '5', b: '7' },
        { kind: 'equal', a: 'dollars.', b: 'dollars.' },
      ],
    },
  ],
  onlyA: [
    { start: 0, end: 6, text: 'Intro.' },
    { start: 30, end: 35, text: 'Tail.' },
  ],
  onlyB: [{ start: 23, end: 29, text: 'Other.' }],
  quotes: {
    shared: [
      { a: quote({ id: 1, sourceId: 1, group: 'g1', text: 'hi' }), b: quote({ id: 2, sourceId: 2, group: 'g1', text: 'hi' }), relation: 'same', sameWords: true, sameSpeaker: true, ops: [] },
    ],
    differing: [],
    onlyA: [quote({ id: 3, sourceId: 1, group: 'g2', text: 'Wow', speaker: 'Elon Musk' })],
    onlyB: [],
    speakersA: ['Elon Musk'],
    speakersB: [],
  },
  facts: {
    agree: [],
    differ: [{ a: fact('money', '$100M+'), b: fact('money', 'millions of dollars'), score: 0.8 }],
    onlyA: [fact('date', 'December 2023')],
    onlyB: [],
  },
};

function fact(kind: string, text: string): Fact {
  return { kind, value: text, unit: '', text, start: 0, end: text.length, sentence: { start: 0, end: text.length, text }, subject: '' };
}

const block = (index: number, text: string, start: number): ViewBlock => ({ index, kind: 'paragraph', level: 0, text, start, reason: '' });

describe('diffRanges', () => {
  it('finds the changed words on each side, in code points', () => {
    expect(diffRanges(pair.shared[0]!.a, pair.shared[0]!.ops, 'a')).toEqual([{ start: 19, end: 20 }]);
    expect(diffRanges(pair.shared[0]!.b, pair.shared[0]!.ops, 'b')).toEqual([{ start: 12, end: 13 }]);
  });

  it('counts code points, not UTF-16 units, and skips words it cannot find', () => {
    const span = { start: 10, end: 16, text: '😀 a b' };
    const ops = [
      { kind: 'equal', a: '😀', b: '😀' },
      { kind: 'delete', a: 'zzz', b: '' },
      { kind: 'delete', a: 'b', b: '' },
    ];
    expect(diffRanges(span, ops, 'a')).toEqual([{ start: 14, end: 15 }]);
  });

  it('marks insertions only on side B', () => {
    const span = { start: 0, end: 5, text: 'a b c' };
    const ops = [
      { kind: 'equal', a: 'a', b: 'a' },
      { kind: 'insert', a: '', b: 'b' },
      { kind: 'equal', a: 'c', b: 'c' },
    ];
    expect(diffRanges(span, ops, 'a')).toEqual([]);
    expect(diffRanges(span, ops, 'b')).toEqual([{ start: 2, end: 3 }]);
  });
});

describe('columns', () => {
  it('cuts a column into shared, only-here and differing runs', () => {
    const segs = segmentColumn([block(0, textA, 0)], columnZones(pair, 'a')).get(0)!;
    const view = segs.map((s) => [s.text, s.passage, s.kind, s.only, s.diff, s.first]);
    expect(view).toEqual([
      ['Intro.', -1, '', true, false, false],
      [' ', -1, '', false, false, false],
      ['The fee was ', 0, 'similar', false, false, true],
      ['5', 0, 'similar', false, true, false],
      [' dollars.', 0, 'similar', false, false, false],
      [' ', -1, '', false, false, false],
      ['Tail.', -1, '', true, false, false],
    ]);
    expect(blockRule(segs)).toBe('similar');
  });

  it('labels a passage once even when it runs over two blocks', () => {
    const zones = [{ start: 0, end: 9, kind: 'same' as const, passage: 0 }];
    const cut = segmentColumn([block(0, 'abc', 0), block(1, 'def', 5)], zones);
    expect(cut.get(0)![0]!.first).toBe(true);
    expect(cut.get(1)![0]!.first).toBe(false);
    expect(blockRule(cut.get(1)!)).toBe('same');
  });

  it('marks a block only this side has', () => {
    const segs = segmentColumn([block(0, 'Other.', 23)], columnZones(pair, 'b')).get(0)!;
    expect(blockRule(segs)).toBe('only');
    expect(blockRule(segmentColumn([block(0, 'x', 100)], []).get(0)!)).toBe('');
  });
});

describe('pairs', () => {
  const sources = [1, 2, 3].map((id) => ({ id, title: `S${id}` }) as SourceSummary);
  const third: ComparePair = { ...pair, a: 1, b: 3, coverageA: 0.2, coverageB: 0.9, quotes: { ...pair.quotes, shared: [], onlyA: [], onlyB: [quote({ id: 9, sourceId: 3, group: 'g1', text: 'hi there' })] } };
  const cmp: Comparison = { sources, pairs: [pair, third], timeline: [] };

  it('turns a pair around when asked for the other way', () => {
    const p = pairOf(cmp, 2, 1)!;
    expect([p.a, p.b, p.coverageA, p.coverageB]).toEqual([2, 1, 0.7, 0.5]);
    expect(p.shared[0]!.a.text).toBe('The fee was 7 dollars.');
    expect(p.onlyA).toEqual(pair.onlyB);
    expect(p.quotes.onlyB[0]!.text).toBe('Wow');
    expect(p.facts.onlyB[0]!.text).toBe('December 2023');
    expect([p.facts.differ[0]!.a.text, p.facts.differ[0]!.b.text]).toEqual(['millions of dollars', '$100M+']);
    expect(swapPair({ ...pair, shared: [{ ...pair.shared[0]!, ops: [{ kind: 'delete', a: 'x', b: '' }] }] }).shared[0]!.ops).toEqual([
      { kind: 'insert', a: '', b: 'x' },
    ]);
    expect(pairOf(cmp, 2, 3)).toBeNull();
  });

  it('fills the coverage grid row by row', () => {
    expect(coverageGrid(cmp)).toEqual([
      [null, 0.5, 0.2],
      [0.7, null, null],
      [0.9, null, null],
    ]);
  });

  it('gathers quotes into utterances, most widely carried first', () => {
    const rows = quoteRows(cmp);
    expect(rows.map((r) => [r.key, r.text, [...r.sources].sort()])).toEqual([
      ['g1', 'hi there', [1, 2, 3]],
      ['g2', 'Wow', [1]],
    ]);
  });
});

describe('stepPassage and percent', () => {
  it('steps within bounds', () => {
    expect(stepPassage(-1, 1, 3)).toBe(0);
    expect(stepPassage(-1, -1, 3)).toBe(2);
    expect(stepPassage(2, 1, 3)).toBe(2);
    expect(stepPassage(1, -1, 3)).toBe(0);
    expect(stepPassage(0, 1, 0)).toBe(-1);
  });

  it('renders shares as percentages', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.001)).toBe('<1%');
    expect(percent(0.0564)).toBe('6%');
    expect(percent(1.2)).toBe('100%');
  });
});
