package anchor

import "slices"

// gramLen is q in the q-gram filter.
const gramLen = 4

// grams is an inverted index of the text's q-grams: the text positions of
// gram id g are pos[start[g]:start[g+1]], in increasing order.
type grams struct {
	ids   map[uint64]int32
	start []int32
	pos   []int32
}

// gramKey packs q symbols (each < 1<<16) into a key.
func gramKey(s []int32) uint64 {
	var k uint64
	for _, c := range s[:gramLen] {
		k = k<<16 | uint64(c)
	}
	return k
}

// buildGrams indexes sym; it returns nil when the alphabet is too large to
// pack (then callers scan the whole text).
func buildGrams(sym []int32, alpha int) *grams {
	if alpha >= 1<<16 || len(sym) < gramLen {
		return nil
	}
	n := len(sym) - gramLen + 1
	g := &grams{ids: make(map[uint64]int32)}
	id := make([]int32, n)
	var count []int32
	for i := range n {
		k := gramKey(sym[i:])
		x, ok := g.ids[k]
		if !ok {
			x = int32(len(count))
			g.ids[k] = x
			count = append(count, 0)
		}
		id[i] = x
		count[x]++
	}
	g.start = make([]int32, len(count)+1)
	for x, c := range count {
		g.start[x+1] = g.start[x] + c
	}
	fill := slices.Clone(g.start[:len(count)])
	g.pos = make([]int32, n)
	for i, x := range id {
		g.pos[fill[x]] = int32(i)
		fill[x]++
	}
	return g
}

// regions returns the [lo, hi) ranges of a text of n symbols that can hold
// an occurrence of pat with at most k edits, by the q-gram lemma (Jokinen
// and Ukkonen 1991) refined by diagonals: an occurrence starting at text
// position a keeps at least need = m-q+1-k·q of the pattern's q-grams, and a
// kept q-gram at pattern position i lies at a text position j with
// j-i within k of a. Pairs (i, j) of equal q-grams are counted per band of
// k+1 diagonals; a start a is possible only where three consecutive bands
// hold at least need pairs, and only the text around those is returned
// (merged, in order). ok is false when need is not positive (with q = 4
// and k = 20%, a pattern of 15 code points or fewer): the filter cannot
// exclude anything, and the caller scans the whole text.
func (g *grams) regions(pat []int32, alpha, n, k int) (out [][2]int, ok bool) {
	m := len(pat)
	need := m - gramLen + 1 - k*gramLen
	if need <= 0 {
		return nil, false
	}
	band := k + 1
	counts := make([]int32, (n+m)/band+3)
	for i := 0; i+gramLen <= m; i++ {
		if slices.ContainsFunc(pat[i:i+gramLen], func(c int32) bool { return int(c) >= alpha }) {
			continue
		}
		x, found := g.ids[gramKey(pat[i:])]
		if !found {
			continue
		}
		for _, j := range g.pos[g.start[x]:g.start[x+1]] {
			counts[(int(j)-i+m)/band]++
		}
	}
	for b := 0; b+2 < len(counts); b++ {
		if int(counts[b]+counts[b+1]+counts[b+2]) < need {
			continue
		}
		// Here a-k lies in band b: a in [b·band-m+k, (b+1)·band-m+k), and
		// the occurrence is at most m+k long.
		lo := max(0, b*band-m)
		hi := min(n, (b+1)*band+2*k)
		if lo >= hi {
			continue
		}
		if len(out) > 0 && out[len(out)-1][1] >= lo {
			out[len(out)-1][1] = max(out[len(out)-1][1], hi)
			continue
		}
		out = append(out, [2]int{lo, hi})
	}
	return out, true
}
