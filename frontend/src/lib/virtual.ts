// The arithmetic of a virtual list: rows of measured (or estimated)
// heights, their offsets, which of them a scrolled view shows, and where to
// scroll to bring one into view. Pure, so it is tested without a page; the
// VirtualRows component does the DOM side.

/**
 * RowLayout holds the heights of a list's rows, measured or (until then)
 * guessed, and answers where each row is. Measuring a row, asking for a
 * row's offset and finding the row at a height each take O(log n), so a
 * list of 100,000 rows measured as it scrolls never walks all its rows
 * (two Fenwick trees: the measured heights, and how many rows are
 * measured; a row not measured counts as `guess`).
 */
export class RowLayout {
  readonly count: number;
  /** The height of a row not measured yet. */
  guess: number;
  private readonly heights: Float64Array;
  private readonly measured: Uint8Array;
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;
  private top = 1;
  private measuredTotal = 0;
  private measuredCount = 0;

  /** `heightOf(i)` is row i's measured height, or undefined. */
  constructor(count: number, guess: number, heightOf: (i: number) => number | undefined = () => undefined) {
    this.count = count;
    this.guess = guess;
    this.heights = new Float64Array(count);
    this.measured = new Uint8Array(count);
    this.sums = new Float64Array(count + 1);
    this.counts = new Int32Array(count + 1);
    while (this.top * 2 <= count) this.top *= 2;
    for (let i = 0; i < count; i++) {
      const h = heightOf(i);
      if (h === undefined) continue;
      this.heights[i] = h;
      this.measured[i] = 1;
      this.sums[i + 1] = h;
      this.counts[i + 1] = 1;
      this.measuredTotal += h;
      this.measuredCount++;
    }
    // Build both trees in O(n): each node passes its total to its parent.
    for (let j = 1; j <= count; j++) {
      const parent = j + (j & -j);
      if (parent <= count) {
        this.sums[parent]! += this.sums[j]!;
        this.counts[parent]! += this.counts[j]!;
      }
    }
  }

  /** heightOf returns row i's height as laid out: measured, else the guess. */
  heightOf(i: number): number {
    return this.measured[i] ? this.heights[i]! : this.guess;
  }

  /** isMeasured reports whether row i has been measured. */
  isMeasured(i: number): boolean {
    return this.measured[i] === 1;
  }

  /** set records row i's measured height; it returns false when nothing changed. */
  set(i: number, h: number): boolean {
    if (i < 0 || i >= this.count) return false;
    const was = this.measured[i] ? this.heights[i]! : null;
    if (was === h) return false;
    const dSum = h - (was ?? 0);
    const dCount = was === null ? 1 : 0;
    this.heights[i] = h;
    this.measured[i] = 1;
    this.measuredTotal += dSum;
    this.measuredCount += dCount;
    for (let j = i + 1; j <= this.count; j += j & -j) {
      this.sums[j]! += dSum;
      this.counts[j]! += dCount;
    }
    return true;
  }

  /** offset returns the top of row i; offset(count) is the height of all rows. */
  offset(i: number): number {
    let sum = 0;
    let n = 0;
    for (let j = Math.min(Math.max(i, 0), this.count); j > 0; j -= j & -j) {
      sum += this.sums[j]!;
      n += this.counts[j]!;
    }
    return sum + (Math.min(Math.max(i, 0), this.count) - n) * this.guess;
  }

  /** total is the height of all the rows. */
  get total(): number {
    return this.offset(this.count);
  }

  /** measuredMean is the mean height of the rows measured (0 when none is). */
  measuredMean(): number {
    return this.measuredCount === 0 ? 0 : this.measuredTotal / this.measuredCount;
  }

  /** indexAt returns the row at height y, clamped to the rows; -1 when there are none. */
  indexAt(y: number): number {
    if (this.count === 0) return -1;
    if (y <= 0) return 0;
    // Walk down the trees: pos is how many rows end at or above y.
    let pos = 0;
    let rest = y;
    for (let step = this.top; step > 0; step >>= 1) {
      const j = pos + step;
      if (j > this.count) continue;
      const span = this.sums[j]! + (step - this.counts[j]!) * this.guess;
      if (span <= rest) {
        pos = j;
        rest -= span;
      }
    }
    return Math.min(pos, this.count - 1);
  }
}

/** Rows is what rangeOf and scrollToShow need of a layout. */
export interface Rows {
  readonly count: number;
  offset(i: number): number;
  indexAt(y: number): number;
}

/**
 * rangeOf returns the rows [start, end) that a view from `top` to `bottom`
 * (in the list's own coordinates) shows, with `overscan` more rows on each
 * side; [0, 0) when the view does not reach the list.
 */
export function rangeOf(rows: Rows, top: number, bottom: number, overscan: number): [number, number] {
  const n = rows.count;
  if (n <= 0 || bottom <= 0 || bottom <= top || top >= rows.offset(n)) return [0, 0];
  const first = rows.indexAt(top);
  const last = rows.indexAt(bottom);
  return [Math.max(0, first - overscan), Math.min(n, last + 1 + overscan)];
}

/**
 * scrollToShow returns how far the view must move (a signed number of
 * pixels, 0 when not at all) to show row i whole: the least movement, as
 * scrollIntoView's "nearest" does. `top` and `bottom` are the view in the
 * list's coordinates; a row taller than the view is shown from its top.
 */
export function scrollToShow(rows: Rows, i: number, top: number, bottom: number): number {
  if (i < 0 || i >= rows.count) return 0;
  const rowTop = rows.offset(i);
  const rowBottom = rows.offset(i + 1);
  if (rowTop < top) return rowTop - top;
  if (rowBottom > bottom) return Math.min(rowBottom - bottom, rowTop - top);
  return 0;
}
