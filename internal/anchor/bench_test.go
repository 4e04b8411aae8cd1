package anchor

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// editedArticle is a synthetic 10,000-word article, 1,000 selectors taken
// from it, and a re-extraction with edits: a paragraph inserted at the top
// (every offset shifts), one word changed inside every tenth quote and every
// fiftieth quote deleted.
type editedArticle struct {
	before, after string
	sels          []Selector
	edited        []bool // the quote had a word changed
	deleted       []bool // the quote was removed
}

var common = strings.Fields("the of and to a in that is was he for it with as his on be at by had are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three")

func makeEditedArticle(seed uint64, words, quotes int) editedArticle {
	r := rand.New(rand.NewPCG(seed, 7))
	vocab := append([]string(nil), common...)
	syll := strings.Fields("ka ro mi tu le sa no vi da pe zu fo ri bo ne ta gu li")
	for range 3000 {
		var w strings.Builder
		for range 2 + r.IntN(3) {
			w.WriteString(syll[r.IntN(len(syll))])
		}
		vocab = append(vocab, w.String())
	}
	ws := make([]string, words)
	for i := range ws {
		if r.IntN(2) == 0 {
			ws[i] = common[r.IntN(len(common))]
		} else {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		if r.IntN(40) == 0 {
			ws[i] = fmt.Sprint(r.IntN(2000))
		}
	}
	sep := func(i int) string {
		switch {
		case i%97 == 96:
			return ".\n\n"
		case i%13 == 12:
			return ". "
		case i%7 == 6:
			return ", "
		}
		return " "
	}
	render := func(ws []string) (string, []int) {
		var b strings.Builder
		starts := make([]int, len(ws)+1) // code-point offset of each word
		n := 0
		for i, w := range ws {
			starts[i] = n
			if w == "" {
				continue
			}
			b.WriteString(w)
			s := sep(i)
			b.WriteString(s)
			n += len([]rune(w)) + len(s)
		}
		starts[len(ws)] = n
		return b.String(), starts
	}
	before, starts := render(ws)
	a := editedArticle{before: before}
	after := append([]string(nil), ws...)
	for q := range quotes {
		first := r.IntN(words - 45)
		last := first + 5 + r.IntN(35)
		sel, err := Describe(before, starts[first], starts[last]-1)
		if err != nil {
			panic(err)
		}
		a.sels = append(a.sels, sel)
		a.edited = append(a.edited, false)
		a.deleted = append(a.deleted, false)
		switch {
		case q%50 == 1:
			for i := first; i < last; i++ {
				after[i] = ""
			}
			a.deleted[q] = true
		case q%10 == 0:
			after[(first+last)/2] = "changed"
			a.edited[q] = true
		}
	}
	text, _ := render(after)
	a.after = "Editor's note: this article was updated with new reporting.\n\n" + text
	return a
}

// TestFindAllEditedArticle checks the benchmark's workload for correctness:
// every quote that still occurs verbatim is found verbatim, and nothing is
// matched with a score under the minimum.
func TestFindAllEditedArticle(t *testing.T) {
	a := makeEditedArticle(1, 10000, 1000)
	start := time.Now()
	res := FindAll(a.after, a.sels, Options{})
	t.Logf("FindAll of %d selectors in %d code points: %v", len(a.sels), len([]rune(a.after)), time.Since(start))
	counts := map[string]int{}
	for i, r := range res {
		sel := a.sels[i]
		if !r.Found {
			counts["orphan"]++
			if strings.Contains(a.after, sel.Exact) {
				t.Errorf("%d: orphan, but %q occurs verbatim", i, sel.Exact)
			}
			continue
		}
		if a.deleted[i] {
			t.Errorf("%d: deleted quote %q matched %q", i, sel.Exact, runeSlice(a.after, r.Match.Start, r.Match.End))
		}
		counts[r.Match.How]++
		got := runeSlice(a.after, r.Match.Start, r.Match.End)
		if strings.Contains(a.after, sel.Exact) && got != sel.Exact {
			t.Errorf("%d: got %q, want %q", i, got, sel.Exact)
		}
		if r.Match.How == HowApproximate && r.Match.Score < DefaultMinScore {
			t.Errorf("%d: score %v", i, r.Match.Score)
		}
	}
	edited, placed := 0, 0
	for i, r := range res {
		if a.edited[i] {
			edited++
			if r.Found && r.Match.How == HowApproximate {
				placed++
			}
		}
	}
	t.Logf("outcomes: %v; %d of %d quotes with a changed word placed approximately", counts, placed, edited)
	if counts[HowApproximate] == 0 || counts["orphan"] == 0 {
		t.Errorf("workload does not exercise every tier: %v", counts)
	}
}

// BenchmarkFindAll1000 re-anchors 1,000 selectors after a re-extraction of a
// 10,000-word article with edits (target: under 100 ms per op).
func BenchmarkFindAll1000(b *testing.B) {
	a := makeEditedArticle(1, 10000, 1000)
	b.ResetTimer()
	for b.Loop() {
		FindAll(a.after, a.sels, Options{})
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}

// BenchmarkMyers compares the bit-parallel matcher with the plain DP
// baseline on the same search (pattern taken from the text, k = 20%).
func BenchmarkMyers(b *testing.B) {
	a := makeEditedArticle(2, 10000, 0)
	d := newDoc(a.before, false)
	for _, m := range []int{32, 64, 200, 1000} {
		pat := d.sym[5000 : 5000+m]
		k := m / 5
		p := compile(pat, len(d.alpha))
		hits := 0
		visit := func(i, dist int) bool { hits++; return true }
		b.Run(fmt.Sprintf("myers/m=%d", m), func(b *testing.B) {
			for b.Loop() {
				p.scan(d.sym, 0, len(d.sym), false, false, k, visit)
			}
		})
		b.Run(fmt.Sprintf("dp/m=%d", m), func(b *testing.B) {
			for b.Loop() {
				dpScan(pat, d.sym, 0, len(d.sym), false, false, k, visit)
			}
		})
	}
}

// TestFindAllAgreesWithFind checks that FindAll's shared indexes (suffix
// array, q-gram filter) change nothing: each result equals Find's, which
// scans the whole text.
func TestFindAllAgreesWithFind(t *testing.T) {
	a := makeEditedArticle(3, 3000, 300)
	all := FindAll(a.after, a.sels, Options{})
	for i, sel := range a.sels {
		m, ok := Find(a.after, sel, Options{})
		if ok != all[i].Found || m != all[i].Match {
			t.Errorf("%d: Find = %+v %v, FindAll = %+v", i, m, ok, all[i])
		}
	}
}
