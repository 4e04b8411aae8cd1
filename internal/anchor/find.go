package anchor

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Scoring weights, as in Hypothesis' match-quote.js.
const (
	quoteWeight  = 50
	prefixWeight = 20
	suffixWeight = 20
	posWeight    = 2
	totalWeight  = quoteWeight + prefixWeight + suffixWeight + posWeight
)

// Bounds on the work done for one selector.
const (
	// longQuote is the longest quote (code points) searched over the whole
	// text; longer ones are searched only in windows found by voting.
	longQuote = 256
	// maxApproxQuote is the longest quote matched approximately at all.
	maxApproxQuote = 32768
	// pieceLen is the length of the exact pieces that vote for the start
	// of a long quote.
	pieceLen = 16
	// maxPieces caps the pieces tried per long quote; maxPieceHits skips
	// pieces too common to be informative; maxWindows caps the windows
	// searched.
	maxPieces    = 128
	maxPieceHits = 8
	maxWindows   = 3
	// maxContext is the most Prefix or Suffix (code points nearest the
	// passage) compared; Describe keeps ContextLen.
	maxContext = 2 * ContextLen
	// maxOccurrences caps the exact occurrences whose context is scored.
	maxOccurrences = 256
	// maxCandidates caps the approximate candidates scored per window;
	// maxLongCandidates does for long quotes, whose start recovery costs
	// O(m²/64) each.
	maxCandidates     = 64
	maxLongCandidates = 3
)

// query is a selector prepared against a doc.
type query struct {
	sel            Selector
	exact          []rune
	prefix, suffix []rune
}

func normalize(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func (d *doc) find(sel Selector, opts Options) (Match, bool) {
	sel.Exact = normalize(sel.Exact)
	if sel.Exact == "" {
		return Match{}, false
	}
	n := len(d.runes)
	// 1. Position.
	if sel.Start >= 0 && sel.Start < sel.End && sel.End <= n &&
		d.text[d.off[sel.Start]:d.off[sel.End]] == sel.Exact {
		return Match{Start: sel.Start, End: sel.End, Score: 1, How: HowPosition}, true
	}
	q := query{sel: sel, exact: []rune(sel.Exact), prefix: []rune(normalize(sel.Prefix)), suffix: []rune(normalize(sel.Suffix))}
	// Context comparison is quadratic in its length: keep the part nearest
	// the passage.
	q.prefix = q.prefix[max(0, len(q.prefix)-maxContext):]
	q.suffix = q.suffix[:min(len(q.suffix), maxContext)]
	m := len(q.exact)
	// 2. Exact occurrences.
	if occ := d.occurrences(sel.Exact, -1); len(occ) > 0 {
		if len(occ) > maxOccurrences {
			// A very common passage ("the"): only the occurrences
			// nearest the old position compete.
			slices.SortStableFunc(occ, func(a, b int) int { return abs(a-sel.Start) - abs(b-sel.Start) })
			occ = occ[:maxOccurrences]
			slices.Sort(occ)
		}
		best := Match{Start: -1}
		bestCtx := -1.0
		for _, s := range occ {
			ctx := d.contextScore(q, s, s+m)
			better := ctx > bestCtx+1e-9
			if !better && math.Abs(ctx-bestCtx) <= 1e-9 {
				better = abs(s-sel.Start) < abs(best.Start-sel.Start)
			}
			if better {
				bestCtx = ctx
				best = Match{Start: s, End: s + m, How: HowExact,
					Score: (quoteWeight + ctx + posWeight*d.posScore(sel, s)) / totalWeight}
			}
		}
		return best, true
	}
	// 3. Approximate.
	if m > maxApproxQuote {
		return Match{}, false
	}
	k := int(opts.MaxErrorRate * float64(m))
	if k == 0 {
		return Match{}, false // no edits allowed: step 2 already failed
	}
	pat := d.symbols(q.exact)
	fwd := compile(pat, len(d.alpha))
	slices.Reverse(pat)
	rev := compile(pat, len(d.alpha))
	best, found := Match{}, false
	limit := maxCandidates
	if m > longQuote {
		limit = maxLongCandidates
	}
	for _, w := range d.windows(q, k) {
		hits, cands := d.candidates(fwd, w[0], w[1], k, limit)
		for _, c := range cands {
			// Candidates come fewest edits first; stop when even perfect
			// context and position could not reach the bar.
			if ub := (quoteWeight*(1-float64(c.d)/float64(m)) + prefixWeight + suffixWeight + posWeight) / totalWeight; ub < opts.MinScore || found && ub <= best.Score {
				break
			}
			e := d.bestEnd(q, hits, c) + 1
			s, dist := d.startOf(q, rev, e, k, w[0])
			if s < 0 {
				continue
			}
			if !sameNumbers(q.exact, d.runes[s:e]) {
				continue
			}
			quote := 1 - float64(dist)/float64(m)
			score := (quoteWeight*quote + d.contextScore(q, s, e) + posWeight*d.posScore(sel, s)) / totalWeight
			if score >= opts.MinScore && (!found || score > best.Score) {
				best, found = Match{Start: s, End: e, Score: score, How: HowApproximate}, true
			}
		}
	}
	return best, found
}

// contextScore is the weighted prefix and suffix similarity of the span
// [s, e): prefixWeight*prefixSim + suffixWeight*suffixSim.
//
// An empty Prefix means the passage began the text: it matches fully at the
// start of the text and half elsewhere (text may have been added before
// it, but a look-alike in the middle of the text must not get the context
// for free). Likewise an empty Suffix at the end.
func (d *doc) contextScore(q query, s, e int) float64 {
	p, x := emptyContext, emptyContext
	switch {
	case len(q.prefix) > 0:
		p = similarity(q.prefix, d.runes[:s], true)
	case s == 0:
		p = 1
	}
	switch {
	case len(q.suffix) > 0:
		x = similarity(q.suffix, d.runes[e:], false)
	case e == len(d.runes):
		x = 1
	}
	return prefixWeight*p + suffixWeight*x
}

// emptyContext is the similarity of an empty Prefix or Suffix away from the
// text's edge.
const emptyContext = 0.5

func (d *doc) posScore(sel Selector, s int) float64 {
	n := max(1, len(d.runes))
	return max(0, 1-float64(abs(s-sel.Start))/float64(n))
}

// similarity is 1 - contextEdits/len(ctx), at least 0.
func similarity(ctx, side []rune, backwards bool) float64 {
	return max(0, 1-float64(contextEdits(ctx, side, backwards))/float64(len(ctx)))
}

// contextEdits is the edit distance between ctx and the text next to a
// span: the end of before (backwards) or the start of after, with the side
// touching the span anchored and the far side free.
func contextEdits(ctx, side []rune, backwards bool) int {
	m := len(ctx)
	w := min(len(side), m+m/4+1)
	// a and b hold ctx and the side in order away from the span.
	var abuf, bbuf [64]rune
	var colbuf [64]int
	a, b, col := abuf[:0], bbuf[:0], colbuf[:0]
	if m > 40 {
		a, b, col = make([]rune, 0, m), make([]rune, 0, w), make([]int, 0, w+1)
	}
	if backwards {
		for i := m - 1; i >= 0; i-- {
			a = append(a, ctx[i])
		}
		for j := len(side) - 1; j >= len(side)-w; j-- {
			b = append(b, side[j])
		}
	} else {
		a, b = append(a, ctx...), append(b, side[:w]...)
	}
	// col[j]: distance between the code points of a so far and b[:j].
	for j := range w + 1 {
		col = append(col, j)
	}
	for i, c := range a {
		diag := col[0]
		col[0] = i + 1
		for j, t := range b {
			v := diag
			if t != c {
				v++
			}
			v = min(v, col[j+1]+1, col[j]+1)
			diag, col[j+1] = col[j+1], v
		}
	}
	return slices.Min(col)
}

// windows returns the [lo, hi) ranges of the text to search for q: the whole
// text for a quote up to longQuote code points, else the few windows where
// most of its exact pieces line up.
func (d *doc) windows(q query, k int) [][2]int {
	n, m := len(d.runes), len(q.exact)
	if m <= longQuote {
		if d.grams != nil {
			if out, ok := d.grams.regions(d.symbols(q.exact), len(d.alpha), n, k); ok {
				return out
			}
		}
		return [][2]int{{0, n}}
	}
	pieces := m / pieceLen
	stride := max(1, pieces/maxPieces)
	var diags []int
	for p := 0; p < pieces; p += stride {
		o := p * pieceLen
		occ := d.occurrences(string(q.exact[o:o+pieceLen]), maxPieceHits+1)
		if len(occ) > maxPieceHits {
			continue
		}
		for _, s := range occ {
			diags = append(diags, s-o)
		}
	}
	slices.Sort(diags)
	type cluster struct{ lo, hi, votes int }
	var cs []cluster
	for _, x := range diags {
		if len(cs) > 0 && x-cs[len(cs)-1].hi <= k {
			c := &cs[len(cs)-1]
			c.hi, c.votes = x, c.votes+1
			continue
		}
		cs = append(cs, cluster{x, x, 1})
	}
	slices.SortStableFunc(cs, func(a, b cluster) int { return b.votes - a.votes })
	var out [][2]int
	for _, c := range cs[:min(len(cs), maxWindows)] {
		out = append(out, [2]int{max(0, c.lo-k), min(n, c.hi+m+k)})
	}
	return out
}

// candidate is a plateau of end positions (index of the last code point)
// where the quote matches with the same, locally least, number of edits d:
// hits[x:y] of the scan that found it.
type candidate struct{ x, y, d int }

// candidates returns the end positions in text[lo:hi] where the quote
// matches with at most k edits, and the plateaus among them where the
// distance is a local minimum, fewest edits first, at most limit.
func (d *doc) candidates(p *pattern, lo, hi, k, limit int) ([]hit, []candidate) {
	var hits []hit
	p.scan(d.sym, lo, hi, false, false, k, func(i, dist int) bool {
		hits = append(hits, hit{i, dist})
		return true
	})
	var out []candidate
	for x := 0; x < len(hits); {
		y := x + 1
		for y < len(hits) && hits[y].i == hits[y-1].i+1 && hits[y].d == hits[x].d {
			y++
		}
		if !(x > 0 && hits[x-1].i == hits[x].i-1 && hits[x-1].d < hits[x].d) &&
			!(y < len(hits) && hits[y].i == hits[y-1].i+1 && hits[y].d < hits[x].d) {
			out = append(out, candidate{x, y, hits[x].d})
		}
		x = y
	}
	slices.SortStableFunc(out, func(a, b candidate) int { return a.d - b.d })
	return hits, out[:min(len(out), limit)]
}

// boundarySlack is how far (code points) from the fewest-edits boundary
// bestEnd and startOf look for a boundary that the context fits better.
const boundarySlack = 256

// bestEnd picks the end (index of the last code point) for a candidate.
// Where an edit touches the end of a quote, the quote's edit distance alone
// cannot tell where it stops (deleting its last words costs the same as
// replacing them with whatever text follows), so the quote and its suffix
// are placed together: among the adjacent ends within boundarySlack of the
// plateau, the one with the fewest edits to the quote plus edits to the
// suffix wins (then fewest quote edits, then the earliest).
func (d *doc) bestEnd(q query, hits []hit, c candidate) int {
	if len(q.suffix) == 0 {
		return hits[c.x].i
	}
	lo, hi := c.x, c.y-1
	for lo > 0 && hits[lo-1].i == hits[lo].i-1 && hits[c.x].i-hits[lo-1].i <= boundarySlack {
		lo--
	}
	for hi+1 < len(hits) && hits[hi+1].i == hits[hi].i+1 && hits[hi+1].i-hits[c.y-1].i <= boundarySlack {
		hi++
	}
	best := hits[c.x]
	bestCost := best.d + contextEdits(q.suffix, d.runes[best.i+1:], false)
	for _, h := range hits[lo : hi+1] {
		if h.d >= bestCost {
			continue // cannot beat best even with a perfect suffix
		}
		cost := h.d + contextEdits(q.suffix, d.runes[h.i+1:], false)
		if cost < bestCost || cost == bestCost && h.d < best.d {
			best, bestCost = h, cost
		}
	}
	return best.i
}

// startOf finds where the match ending at e (exclusive) starts, by running
// the reversed pattern backwards from e, anchored at e. Like bestEnd, it
// places the quote and its prefix together: among the starts within
// boundarySlack of the fewest-edits one, the least quote plus prefix edits
// wins (then fewest quote edits, then the span closest to the quote's
// length). It returns -1 when no start is within k edits.
func (d *doc) startOf(q query, rev *pattern, e, k, lo int) (start, dist int) {
	var hits []hit
	from := max(lo, e-rev.m-k)
	rev.scan(d.sym, from, e, true, true, k, func(i, dd int) bool {
		hits = append(hits, hit{i, dd})
		return true
	})
	if len(hits) == 0 {
		return -1, k + 1
	}
	least := slices.MinFunc(hits, func(a, b hit) int { return a.d - b.d })
	cost := func(h hit) int {
		if len(q.prefix) == 0 {
			return h.d
		}
		return h.d + contextEdits(q.prefix, d.runes[:h.i], true)
	}
	best, bestCost := least, cost(least)
	for _, h := range hits {
		if abs(h.i-least.i) > boundarySlack || h.d > bestCost {
			continue // too far, or cannot beat best even with a perfect prefix
		}
		if c := cost(h); c < bestCost || c == bestCost && (h.d < best.d || h.d == best.d && abs(e-h.i-rev.m) < abs(e-best.i-rev.m)) {
			best, bestCost = h, c
		}
	}
	return best.i, best.d
}

// sameNumbers reports whether a and b contain the same sequence of digit
// runs: a quote whose figures changed is a different statement.
func sameNumbers(a, b []rune) bool {
	i, j := 0, 0
	for {
		for i < len(a) && !unicode.IsDigit(a[i]) {
			i++
		}
		for j < len(b) && !unicode.IsDigit(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		for i < len(a) && j < len(b) && unicode.IsDigit(a[i]) && unicode.IsDigit(b[j]) {
			if a[i] != b[j] {
				return false
			}
			i, j = i+1, j+1
		}
		if i < len(a) && unicode.IsDigit(a[i]) || j < len(b) && unicode.IsDigit(b[j]) {
			return false
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
