package anchor

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRegionsLossless checks the q-gram filter never drops an occurrence:
// every match the full scan finds (end and recovered start) lies inside one
// of the regions.
func TestRegionsLossless(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	checked := 0
	for iter := range 2000 {
		alpha := 2 + r.IntN(8)
		if iter%2 == 0 {
			alpha = 20 + r.IntN(20)
		}
		n := 50 + r.IntN(600)
		text := make([]int32, n)
		for i := range text {
			text[i] = int32(r.IntN(alpha))
		}
		m := 8 + r.IntN(120)
		if m >= n {
			continue
		}
		pat := make([]int32, m)
		at := r.IntN(n - m)
		copy(pat, text[at:at+m])
		for range r.IntN(m/5 + 1) {
			switch x := r.IntN(len(pat)); r.IntN(3) {
			case 0:
				pat[x] = int32(r.IntN(alpha))
			case 1:
				pat = slices.Delete(pat, x, x+1)
			default:
				pat = slices.Insert(pat, x, int32(r.IntN(alpha)))
			}
		}
		m = len(pat)
		k := r.IntN(m/3 + 1)
		g := buildGrams(text, alpha)
		regs, ok := g.regions(pat, alpha, n, k)
		if !ok {
			continue
		}
		fwd, rp := compile(pat, alpha), make([]int32, m)
		for i, c := range pat {
			rp[m-1-i] = c
		}
		rev := compile(rp, alpha)
		checked++
		d := &doc{sym: text}
		fwd.scan(text, 0, n, false, false, k, func(e, _ int) bool {
			s, _ := d.startOf(query{}, rev, e+1, k, 0)
			for _, w := range regs {
				if w[0] <= s && e < w[1] {
					return true
				}
			}
			t.Fatalf("iter %d: match [%d, %d] outside regions %v (m=%d k=%d)", iter, s, e, regs, m, k)
			return false
		})
	}
	if checked < 500 {
		t.Fatalf("only %d cases exercised the filter", checked)
	}
}
