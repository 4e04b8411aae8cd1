package anchor

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics, always returns a span inside the
// text with a score in [0, 1], finds the exact words whenever they occur,
// and stays fast. A selector is described in text and looked up after edit
// is inserted at code point at; a raw selector built from the inputs (stale
// offsets, invalid UTF-8) is looked up too.
func FuzzFind(f *testing.F) {
	for _, tt := range findTests {
		s, e := span(f, tt.before, tt.sub, tt.nth)
		f.Add(tt.before, s, e, "inserted words ", 0)
		f.Add(tt.before, s, e, "x", (s+e)/2)
	}
	f.Add("", 0, 0, "", 0)
	f.Add("a\xffb", 1, 2, "\xfe", 1)
	f.Add("👩‍👩‍👧 שלום e\u0301", 2, 6, "\u200f", 3)
	f.Add(strings.Repeat("ab", 200), 10, 300, "b", 150)
	f.Fuzz(func(t *testing.T, text string, start, end int, edit string, at int) {
		rs := []rune(text)
		n := len(rs)
		if n > 0 {
			start, end = mod(start, n), mod(end, n+1)
			if start > end {
				start, end = end, start
			}
			if start == end {
				end = start + 1
			}
			sel, err := Describe(text, start, end)
			if err != nil {
				t.Fatalf("Describe(%d, %d): %v", start, end, err)
			}
			at = mod(at, n+1)
			after := string(rs[:at]) + edit + string(rs[at:])
			check(t, after, sel)
		}
		check(t, text, Selector{Start: start, End: end, Exact: edit, Prefix: text, Suffix: edit})
	})
}

func mod(x, n int) int {
	if x %= n; x < 0 {
		x += n
	}
	return x
}

func check(t *testing.T, text string, sel Selector) {
	t.Helper()
	began := time.Now()
	m, ok := Find(text, sel, Options{})
	if d := time.Since(began); d > 2*time.Second {
		t.Fatalf("Find took %v", d)
	}
	rs := []rune(text)
	exact := string([]rune(sel.Exact))
	norm := string(rs)
	if !ok {
		if m != (Match{}) {
			t.Fatalf("orphan with a non-zero match %+v", m)
		}
		if exact != "" && strings.Contains(norm, exact) {
			t.Fatalf("%q occurs in %q but was not found", exact, norm)
		}
		return
	}
	if m.Start < 0 || m.Start >= m.End || m.End > len(rs) {
		t.Fatalf("match %+v outside a text of %d code points", m, len(rs))
	}
	if m.Score < 0 || m.Score > 1 {
		t.Fatalf("score %v", m.Score)
	}
	got := string(rs[m.Start:m.End])
	switch m.How {
	case HowPosition, HowExact:
		if got != exact {
			t.Fatalf("%s match %q, want %q", m.How, got, exact)
		}
	case HowApproximate:
		if strings.Contains(norm, exact) {
			t.Fatalf("approximate match %q although %q occurs", got, exact)
		}
		if m.Score < DefaultMinScore {
			t.Fatalf("approximate score %v under the minimum", m.Score)
		}
	default:
		t.Fatalf("How = %q", m.How)
	}
	if !utf8.ValidString(got) {
		t.Fatalf("invalid UTF-8 in %q", got)
	}
}
