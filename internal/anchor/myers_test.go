package anchor

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func collect(scan func(visit func(i, d int) bool)) []hit {
	var hits []hit
	scan(func(i, d int) bool { hits = append(hits, hit{i, d}); return true })
	return hits
}

// TestMyersMatchesDP checks the bit-parallel matcher against the plain
// dynamic-programming oracle on random inputs: short and multi-block
// patterns, small and large alphabets, forward and reverse, search and
// anchored.
func TestMyersMatchesDP(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := range 3000 {
		alpha := 2 + r.IntN(6)
		if iter%5 == 0 {
			alpha = 30
		}
		m := 1 + r.IntN(200)
		n := r.IntN(400)
		text := make([]int32, n)
		for i := range text {
			text[i] = int32(r.IntN(alpha))
		}
		pat := make([]int32, m)
		if n > m && r.IntN(2) == 0 { // plant a mutated copy of part of the text
			at := r.IntN(n - m)
			copy(pat, text[at:at+m])
			for range r.IntN(m/4 + 1) {
				pat[r.IntN(m)] = int32(r.IntN(alpha + 1))
			}
		} else {
			for i := range pat {
				pat[i] = int32(r.IntN(alpha + 1)) // alpha: a symbol absent from the text
			}
		}
		k := r.IntN(m + 1)
		lo, hi := 0, n
		if n > 0 {
			lo = r.IntN(n)
			hi = lo + r.IntN(n-lo+1)
		}
		reverse, anchored := r.IntN(2) == 0, r.IntN(2) == 0
		p := compile(pat, alpha)
		got := collect(func(v func(i, d int) bool) { p.scan(text, lo, hi, reverse, anchored, k, v) })
		want := collect(func(v func(i, d int) bool) { dpScan(pat, text, lo, hi, reverse, anchored, k, v) })
		if !slices.Equal(got, want) {
			t.Fatalf("iter %d m=%d n=%d k=%d rev=%v anch=%v:\n got %v\nwant %v", iter, m, n, k, reverse, anchored, got, want)
		}
	}
}
