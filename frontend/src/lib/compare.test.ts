import { describe, expect, it } from 'vitest';
import type { ViewBlock } from './blocks';
import {
  blockRule,
  columnZones,
  connectorPath,
  coverageGrid,
  diffRanges,
  followScroll,
  increasingRun,
  mapLine,
  pairOf,
  percent,
  quoteRows,
  scrollAnchors,
  segmentColumn,
  stepPassage,
  swapAnchors,
  swapPair,
  syncPoint,
  type Extent,
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

describe('scrolling in step', () => {
  const ext = (top: number, bottom: number): Extent => ({ top, bottom });

  it('finds a longest increasing run', () => {
    expect(increasingRun([])).toEqual([]);
    expect(increasingRun([5])).toEqual([0]);
    expect(increasingRun([1, 2, 3])).toEqual([0, 1, 2]);
    expect(increasingRun([3, 1, 2])).toEqual([1, 2]);
    expect(increasingRun([10, 20, 5, 30, 40])).toEqual([0, 1, 3, 4]);
    expect(increasingRun([2, 2, 2])).toHaveLength(1);
  });

  it('anchors every passage that runs in the same order, top and bottom', () => {
    const a = [ext(100, 150), ext(400, 420), ext(900, 1000)];
    const b = [ext(50, 90), ext(600, 640), ext(700, 820)];
    expect(scrollAnchors(a, b)).toEqual([
      [100, 50],
      [150, 90],
      [400, 600],
      [420, 640],
      [900, 700],
      [1000, 820],
    ]);
  });

  it('drops a passage that crosses the others (a moved paragraph)', () => {
    // Passage 1 is near the top of A but near the bottom of B.
    const a = [ext(100, 150), ext(200, 260), ext(400, 450), ext(700, 760)];
    const b = [ext(100, 150), ext(2000, 2060), ext(500, 560), ext(900, 960)];
    const anchors = scrollAnchors(a, b);
    expect(anchors.map(([x]) => x)).toEqual([100, 150, 400, 450, 700, 760]);
    for (let i = 1; i < anchors.length; i++) {
      expect(anchors[i]![0]).toBeGreaterThan(anchors[i - 1]![0]);
      expect(anchors[i]![1]).toBeGreaterThan(anchors[i - 1]![1]);
    }
  });

  it('skips passages one side lacks, and takes them in A’s order whatever their index', () => {
    const a = [ext(500, 600), undefined, ext(100, 200)];
    const b = [ext(550, 650), ext(10, 20), ext(120, 220)];
    expect(scrollAnchors(a, b)).toEqual([
      [100, 120],
      [200, 220],
      [500, 550],
      [600, 650],
    ]);
  });

  it('keeps anchors strictly increasing when passages touch or overlap on one side', () => {
    const a = [ext(100, 200), ext(200, 300)];
    const b = [ext(100, 250), ext(240, 300)];
    const anchors = scrollAnchors(a, b);
    expect(anchors).toEqual([
      [100, 100],
      [200, 250],
      [300, 300],
    ]);
  });

  it('maps proportionally without anchors', () => {
    expect(mapLine([], 0, 1000, 2000)).toBe(0);
    expect(mapLine([], 250, 1000, 2000)).toBe(500);
    expect(mapLine([], 1000, 1000, 2000)).toBe(2000);
  });

  it('interpolates between anchors and the two ends', () => {
    const anchors = [
      [100, 300],
      [200, 400],
    ] as const;
    expect(mapLine(anchors, 50, 1000, 1300)).toBe(150);
    expect(mapLine(anchors, 100, 1000, 1300)).toBe(300);
    expect(mapLine(anchors, 150, 1000, 1300)).toBe(350);
    expect(mapLine(anchors, 200, 1000, 1300)).toBe(400);
    // From the last anchor to the ends: 800 px of A onto 900 px of B.
    expect(mapLine(anchors, 600, 1000, 1300)).toBe(850);
  });

  it('clamps beyond the ends and ignores anchors out of range', () => {
    const anchors = [
      [100, 300],
      [5000, 5000],
    ] as const;
    expect(mapLine(anchors, -40, 1000, 1300)).toBe(0);
    expect(mapLine(anchors, 1200, 1000, 1300)).toBe(1300);
    expect(mapLine(anchors, 550, 1000, 1300)).toBe(800);
    expect(mapLine(anchors, 10, 0, 1300)).toBe(0);
  });

  it('is monotonic', () => {
    const anchors = scrollAnchors(
      [ext(100, 180), ext(300, 310), ext(600, 900), ext(950, 990)],
      [ext(40, 60), ext(800, 1500), ext(1600, 1700), ext(1710, 1720)],
    );
    let last = -1;
    for (let y = 0; y <= 1200; y += 7) {
      const m = mapLine(anchors, y, 1200, 2400);
      expect(m).toBeGreaterThanOrEqual(last);
      last = m;
    }
  });

  it('moves its sync line from the top to the middle to the bottom', () => {
    const v = (top: number) => ({ top, scrollHeight: 5000, clientHeight: 1000 });
    expect(syncPoint(v(0))).toBe(0);
    expect(syncPoint(v(250))).toBe(0.25);
    expect(syncPoint(v(500))).toBe(0.5);
    expect(syncPoint(v(2500))).toBe(0.5);
    expect(syncPoint(v(3750))).toBe(0.75);
    expect(syncPoint(v(4000))).toBe(1);
  });

  it('follows: both columns start and end together, and anchored text stays level', () => {
    const anchors = [
      [2000, 3000],
      [2400, 3400],
    ] as const;
    const from = (top: number) => ({ top, scrollHeight: 5000, clientHeight: 1000 });
    const to = { scrollHeight: 8000, clientHeight: 1000 };
    expect(followScroll(anchors, from(0), to)).toBe(0);
    expect(followScroll(anchors, from(4000), to)).toBe(7000);
    // A's middle line at 2000 (scrolled to 1500) is B's 3000, in B's middle when scrolled to 2500.
    expect(followScroll(anchors, from(1500), to)).toBe(2500);
    // Back the other way.
    expect(followScroll(swapAnchors(anchors), { top: 2500, ...to }, { scrollHeight: 5000, clientHeight: 1000 })).toBe(1500);
  });

  it('clamps to what the other column can scroll', () => {
    const from = { top: 2000, scrollHeight: 5000, clientHeight: 1000 };
    expect(followScroll([], from, { scrollHeight: 800, clientHeight: 1000 })).toBe(0);
    expect(followScroll([[2500, 1900]], from, { scrollHeight: 2000, clientHeight: 1000 })).toBe(1000);
  });

  it('draws a band from one side to the other', () => {
    expect(connectorPath(ext(10, 30), ext(50, 60), 40)).toBe('M0 10C20 10 20 50 40 50L40 60C20 60 20 30 0 30Z');
  });
});
