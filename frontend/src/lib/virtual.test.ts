import { describe, expect, it } from 'vitest';
import { RowLayout, rangeOf, scrollToShow } from './virtual';

// Five rows, rows 1 and 3 measured, the rest guessed at 40: tops 0, 40, 100, 140, 160; 200 in all.
const heights: Record<number, number> = { 1: 60, 3: 20 };
const layout = () => new RowLayout(5, 40, (i) => heights[i]);

/** naive is the layout the slow way, to check the trees against. */
function naive(hs: (number | undefined)[], guess: number): number[] {
  const out = [0];
  for (const h of hs) out.push(out[out.length - 1]! + (h ?? guess));
  return out;
}

describe('RowLayout', () => {
  it('adds measured heights and the guess for the rest', () => {
    const l = layout();
    expect([0, 1, 2, 3, 4, 5].map((i) => l.offset(i))).toEqual([0, 40, 100, 140, 160, 200]);
    expect(l.total).toBe(200);
    expect([0, 1].map((i) => l.isMeasured(i))).toEqual([false, true]);
    expect(l.measuredMean()).toBe(40);
  });

  it('moves the rows below when one is measured, and when the guess changes', () => {
    const l = layout();
    expect(l.set(0, 10)).toBe(true);
    expect(l.set(0, 10)).toBe(false);
    expect([1, 5].map((i) => l.offset(i))).toEqual([10, 170]);
    l.guess = 50;
    expect([2, 3, 5].map((i) => l.offset(i))).toEqual([70, 70 + 50, 70 + 50 + 20 + 50]);
  });

  it('finds the row at a height, its top included, clamped to the rows', () => {
    const l = layout();
    expect([-5, 0, 39, 40, 99.5, 100, 150, 160, 199, 5000].map((y) => l.indexAt(y))).toEqual([0, 0, 0, 1, 1, 2, 3, 4, 4, 4]);
    expect(new RowLayout(0, 40).indexAt(10)).toBe(-1);
    expect(new RowLayout(0, 40).total).toBe(0);
  });

  it('agrees with adding up, for any mix of measured rows', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [1, 2, 3, 7, 8, 9, 100, 257]) {
      const hs: (number | undefined)[] = Array.from({ length: n }, () => (rnd() < 0.5 ? undefined : 20 + Math.floor(rnd() * 60)));
      const l = new RowLayout(n, 44, (i) => hs[i]);
      for (let k = 0; k < n; k++) {
        const i = Math.floor(rnd() * n);
        hs[i] = 10 + Math.floor(rnd() * 90);
        l.set(i, hs[i]!);
      }
      const want = naive(hs, 44);
      for (let i = 0; i <= n; i++) expect(l.offset(i)).toBe(want[i]);
      for (let i = 0; i < n; i++) {
        expect(l.indexAt(want[i]!)).toBe(i);
        expect(l.indexAt(want[i + 1]! - 0.5)).toBe(i);
      }
    }
  });

  it('measures and finds rows of 100,000 quickly', () => {
    const t0 = performance.now();
    const l = new RowLayout(100_000, 44, (i) => (i % 3 === 0 ? 61 : undefined));
    for (let i = 0; i < 10_000; i++) l.set((i * 7919) % 100_000, 50);
    for (let i = 0; i < 10_000; i++) l.indexAt(i * 400);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('rangeOf', () => {
  it('gives the rows in view with overscan, clamped', () => {
    expect(rangeOf(layout(), 45, 105, 0)).toEqual([1, 3]);
    expect(rangeOf(layout(), 45, 105, 1)).toEqual([0, 4]);
    expect(rangeOf(layout(), 45, 105, 10)).toEqual([0, 5]);
  });

  it('is empty when the view is above or below the list', () => {
    expect(rangeOf(layout(), -300, -10, 3)).toEqual([0, 0]);
    expect(rangeOf(layout(), 200, 400, 3)).toEqual([0, 0]);
  });

  it('takes a view that starts above the list (its heading in view)', () => {
    expect(rangeOf(layout(), -100, 50, 0)).toEqual([0, 2]);
  });
});

describe('scrollToShow', () => {
  it('does not move for a row already whole in view', () => {
    expect(scrollToShow(layout(), 1, 30, 110)).toBe(0);
  });

  it('moves up to a row above the view, down to one below it', () => {
    expect(scrollToShow(layout(), 0, 30, 110)).toBe(-30);
    expect(scrollToShow(layout(), 3, 30, 110)).toBe(50);
  });

  it('shows the top of a row taller than the view', () => {
    expect(scrollToShow(layout(), 1, 0, 30)).toBe(40);
  });

  it('ignores an index out of range', () => {
    expect(scrollToShow(layout(), -1, 0, 30)).toBe(0);
    expect(scrollToShow(layout(), 5, 0, 30)).toBe(0);
  });
});
