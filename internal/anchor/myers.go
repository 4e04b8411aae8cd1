package anchor

// This file holds the bit-parallel approximate matcher of Myers (1999), "A
// fast bit-vector algorithm for approximate string matching based on dynamic
// programming", in its multi-word block form with Ukkonen's cut-off: only
// the blocks of the dynamic-programming column that can still hold a value
// <= k are computed, so the cost per text symbol is the number of active
// 64-row blocks, not the pattern length.
//
// Texts and patterns are slices of small integer symbols (see alphabet) so
// the match masks are a flat slice indexed by symbol, not a map.

const wordBits = 64

// pattern is a compiled pattern: peq[sym*blocks+b] has bit r set when row
// b*64+r of the pattern equals sym.
type pattern struct {
	m      int
	blocks int
	peq    []uint64
}

// compile builds the match masks for pat over an alphabet of size alpha.
// Symbols >= alpha match nothing in the text.
func compile(pat []int32, alpha int) *pattern {
	m := len(pat)
	nb := (m + wordBits - 1) / wordBits
	p := &pattern{m: m, blocks: nb, peq: make([]uint64, (alpha+1)*nb)}
	for i, s := range pat {
		if int(s) >= alpha {
			continue
		}
		p.peq[int(s)*nb+i/wordBits] |= 1 << (uint(i) % wordBits)
	}
	return p
}

// advance computes one 64-row block of the next column from the block's
// vertical deltas (pv, mv), the symbol's match mask eq and the horizontal
// delta hin entering at the block's top. It returns the horizontal delta
// leaving at the row selected by high.
func advance(pv, mv *uint64, eq uint64, hin int, high uint64) int {
	p, m := *pv, *mv
	xv := eq | m
	if hin < 0 {
		eq |= 1
	}
	xh := (((eq & p) + p) ^ p) | eq
	ph := m | ^(xh | p)
	mh := p & xh
	hout := 0
	if ph&high != 0 {
		hout = 1
	} else if mh&high != 0 {
		hout = -1
	}
	ph <<= 1
	mh <<= 1
	if hin < 0 {
		mh |= 1
	} else if hin > 0 {
		ph |= 1
	}
	*pv = mh | ^(xv | ph)
	*mv = ph & xv
	return hout
}

// hit is one report of scan: after text position i the distance was d.
type hit struct{ i, d int }

// scan runs the pattern over text[lo:hi], forwards or (reverse) backwards,
// and calls visit(i, d) after consuming text[i] whenever the edit distance d
// between the whole pattern and the best text substring ending at i (in scan
// direction) is <= k. When anchored is false the substring may start
// anywhere (search); when true it must start at the first symbol scanned.
// visit returns false to stop.
func (p *pattern) scan(text []int32, lo, hi int, reverse, anchored bool, k int, visit func(i, d int) bool) {
	if p.m == 0 || lo >= hi || k < 0 {
		return
	}
	if p.blocks == 1 {
		p.scan1(text, lo, hi, reverse, anchored, k, visit)
		return
	}
	nb := p.blocks
	lastRows := p.m - (nb-1)*wordBits
	lastHigh := uint64(1) << uint(lastRows-1)
	rows := make([]int, nb)
	high := make([]uint64, nb)
	for b := range nb {
		rows[b], high[b] = wordBits, 1<<(wordBits-1)
	}
	rows[nb-1], high[nb-1] = lastRows, lastHigh
	pv := make([]uint64, nb)
	mv := make([]uint64, nb)
	score := make([]int, nb)
	y := 0
	if k > 0 {
		y = min(nb-1, (k-1)/wordBits)
	}
	for b := 0; b <= y; b++ {
		pv[b] = ^uint64(0)
		score[b] = b*wordBits + rows[b]
	}
	hin0 := 0
	if anchored {
		hin0 = 1
	}
	i, step, end := lo, 1, hi
	if reverse {
		i, step, end = hi-1, -1, lo-1
	}
	for ; i != end; i += step {
		eq := p.peq[int(text[i])*nb : int(text[i])*nb+nb]
		carry := hin0
		for b := 0; b <= y; b++ {
			// advance, inlined: this loop is the matcher's hot path.
			e, pb, mb := eq[b], pv[b], mv[b]
			xv := e | mb
			if carry < 0 {
				e |= 1
			}
			xh := (((e & pb) + pb) ^ pb) | e
			ph := mb | ^(xh | pb)
			mh := pb & xh
			hout := 0
			if ph&high[b] != 0 {
				hout = 1
			} else if mh&high[b] != 0 {
				hout = -1
			}
			ph <<= 1
			mh <<= 1
			if carry < 0 {
				mh |= 1
			} else if carry > 0 {
				ph |= 1
			}
			pv[b] = mh | ^(xv | ph)
			mv[b] = ph & xv
			carry = hout
			score[b] += carry
		}
		if y < nb-1 && score[y]-carry <= k && (eq[y+1]&1 != 0 || carry < 0) {
			y++
			pv[y], mv[y] = ^uint64(0), 0
			score[y] = score[y-1] - carry + rows[y]
			carry = advance(&pv[y], &mv[y], eq[y], carry, high[y])
			score[y] += carry
		} else {
			for y > 0 && score[y] >= k+rows[y] {
				y--
			}
		}
		if y == nb-1 && score[y] <= k {
			if !visit(i, score[y]) {
				return
			}
		}
	}
}

// scan1 is scan for a pattern of at most 64 symbols: one block, no
// cut-off, everything in registers.
func (p *pattern) scan1(text []int32, lo, hi int, reverse, anchored bool, k int, visit func(i, d int) bool) {
	peq := p.peq
	high := uint64(1) << uint(p.m-1)
	pv, mv := ^uint64(0), uint64(0)
	score := p.m
	var hin uint64 // 1 when anchored: the top row's horizontal delta is +1
	if anchored {
		hin = 1
	}
	i, step, end := lo, 1, hi
	if reverse {
		i, step, end = hi-1, -1, lo-1
	}
	for ; i != end; i += step {
		eq := peq[text[i]]
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&high != 0 {
			score++
		} else if mh&high != 0 {
			score--
		}
		ph = ph<<1 | hin
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
		if score <= k {
			if !visit(i, score) {
				return
			}
		}
	}
}

// dpScan is the plain O(m·n) dynamic-programming baseline (Sellers 1980)
// with the same contract as scan. Tests use it as an oracle and the
// benchmarks as the yardstick for the bit-parallel version.
func dpScan(pat, text []int32, lo, hi int, reverse, anchored bool, k int, visit func(i, d int) bool) {
	m := len(pat)
	if m == 0 || lo >= hi || k < 0 {
		return
	}
	col := make([]int, m+1)
	for r := range col {
		col[r] = r
	}
	i, step, end := lo, 1, hi
	if reverse {
		i, step, end = hi-1, -1, lo-1
	}
	n := 0
	for ; i != end; i += step {
		n++
		c := text[i]
		diag := col[0]
		if anchored {
			col[0] = n
		}
		for r := 1; r <= m; r++ {
			v := diag
			if pat[r-1] != c {
				v++
			}
			if col[r]+1 < v {
				v = col[r] + 1
			}
			if col[r-1]+1 < v {
				v = col[r-1] + 1
			}
			diag = col[r]
			col[r] = v
		}
		if col[m] <= k {
			if !visit(i, col[m]) {
				return
			}
		}
	}
}
