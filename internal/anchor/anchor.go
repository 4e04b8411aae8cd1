package anchor

import (
	"errors"
	"fmt"
	"index/suffixarray"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// ContextLen is the number of code points of context Describe keeps before
// and after a passage.
const ContextLen = 32

// Default option values, used for zero fields of [Options].
const (
	DefaultMinScore     = 0.75
	DefaultMaxErrorRate = 0.2
)

// ErrRange is returned (wrapped) by [Describe] when the span is empty,
// reversed or outside the text.
var ErrRange = errors.New("anchor: span out of range")

// Selector remembers a passage: the W3C TextPositionSelector (Start, End)
// and TextQuoteSelector (Exact, Prefix, Suffix) in one value. Offsets are
// code points, half-open [Start, End). Prefix and Suffix hold up to
// [ContextLen] code points before and after the passage (fewer at the ends of
// the text); Find compares at most 64 code points of each, those nearest the
// passage.
type Selector struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// Match is where a selector was found: code-point offsets [Start, End) into
// the text it was found in, a Score in [0, 1] and How it was found:
// "position" (the old offsets still hold the exact words; Score 1), "exact"
// (the exact words found elsewhere; Score rates context and distance) or
// "approximate" (edited words; Score rates words, context and distance).
type Match struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
	How   string  `json:"how"`
}

// The values of Match.How.
const (
	HowPosition    = "position"
	HowExact       = "exact"
	HowApproximate = "approximate"
)

// Options tune approximate matching. Zero fields take the defaults.
type Options struct {
	// MinScore is the lowest score an approximate match may have
	// (default 0.75). Exact matches are always accepted.
	MinScore float64
	// MaxErrorRate is the most edits an approximate match may have, as a
	// fraction of the quote's length in code points (default 0.2).
	MaxErrorRate float64
}

func (o Options) withDefaults() Options {
	if o.MinScore <= 0 {
		o.MinScore = DefaultMinScore
	}
	if o.MaxErrorRate <= 0 {
		o.MaxErrorRate = DefaultMaxErrorRate
	}
	return o
}

// Result is the outcome for one selector of [FindAll]: Found is false for an
// orphan, and Match is then the zero value.
type Result struct {
	Match Match `json:"match"`
	Found bool  `json:"found"`
}

// Describe returns the selector for the code points [start, end) of text.
// It returns an error wrapping [ErrRange] when start >= end or the span is
// outside the text. Invalid UTF-8 in text counts as U+FFFD, one code point
// per bad byte, as in a Go range loop. To describe many passages of one
// text, use [NewText], which converts it to code points once.
func Describe(text string, start, end int) (Selector, error) {
	return NewText(text).Describe(start, end)
}

// Text is a text converted to code points once, for describing many
// passages of it.
type Text struct{ runes []rune }

// NewText returns text as a Text.
func NewText(text string) Text { return Text{[]rune(text)} }

// Len returns the number of code points in the text.
func (t Text) Len() int { return len(t.runes) }

// Describe is [Describe] on t.
func (t Text) Describe(start, end int) (Selector, error) {
	rs := t.runes
	if start < 0 || end > len(rs) || start >= end {
		return Selector{}, fmt.Errorf("%w: [%d, %d) in a text of %d code points", ErrRange, start, end, len(rs))
	}
	return Selector{
		Start:  start,
		End:    end,
		Exact:  string(rs[start:end]),
		Prefix: string(rs[max(0, start-ContextLen):start]),
		Suffix: string(rs[end:min(len(rs), end+ContextLen)]),
	}, nil
}

// Trim narrows [start, end), clamped to the text, by leaving out the code
// points at either end for which drop reports true.
func (t Text) Trim(start, end int, drop func(rune) bool) (int, int) {
	rs := t.runes
	start, end = max(start, 0), min(end, len(rs))
	for start < end && drop(rs[start]) {
		start++
	}
	for end > start && drop(rs[end-1]) {
		end--
	}
	return start, end
}

// Find re-anchors sel in text (see the package comment for the order of
// attempts). It reports false when the passage cannot be placed (an orphan):
// when Exact is empty, or when no exact occurrence exists and no approximate
// one scores at least opts.MinScore.
func Find(text string, sel Selector, opts Options) (Match, bool) {
	d := newDoc(text, false)
	return d.find(sel, opts.withDefaults())
}

// FindAll re-anchors every selector in text, sharing the preprocessing
// between them: the code-point conversion, a suffix array for exact search,
// and a q-gram index that limits approximate search to the few places that
// can hold a match. The indexes only skip text that cannot hold a match, so
// the results are those of calling [Find] for each (up to the order in
// which more than 64 equally good candidates are cut).
// Selectors are matched in parallel on up to GOMAXPROCS goroutines (at most
// 8). Results are in the order of sels.
func FindAll(text string, sels []Selector, opts Options) []Result {
	d := newDoc(text, len(sels) > 4)
	opts = opts.withDefaults()
	out := make([]Result, len(sels))
	// The doc is read-only from here on, so selectors can be matched in
	// parallel; they are handed out in small batches because their costs
	// differ wildly (most are found by position, a few need a full scan).
	const batch = 16
	workers := min(runtime.GOMAXPROCS(0), maxWorkers, (len(sels)+batch-1)/batch)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			for {
				lo := int(next.Add(batch)) - batch
				if lo >= len(sels) {
					return
				}
				for i := lo; i < min(lo+batch, len(sels)); i++ {
					m, ok := d.find(sels[i], opts)
					out[i] = Result{Match: m, Found: ok}
				}
			}
		})
	}
	wg.Wait()
	return out
}

// maxWorkers caps the goroutines FindAll uses.
const maxWorkers = 8

// doc is a text prepared for matching.
type doc struct {
	text  string  // valid UTF-8
	runes []rune  // text as code points
	off   []int   // off[i] is the byte offset of runes[i]; off[len] = len(text)
	sym   []int32 // runes as alphabet symbols
	alpha map[rune]int32
	sa    *suffixarray.Index // nil: search with strings.Index
	grams *grams             // nil: approximate search scans the whole text
}

func newDoc(text string, index bool) *doc {
	if !utf8.ValidString(text) {
		// One U+FFFD per bad byte, as []rune and Describe do.
		text = string([]rune(text))
	}
	d := &doc{text: text}
	d.runes = []rune(text)
	d.off = make([]int, 0, len(d.runes)+1)
	for i := range text {
		d.off = append(d.off, i)
	}
	d.off = append(d.off, len(text))
	d.alpha = make(map[rune]int32)
	d.sym = make([]int32, len(d.runes))
	var ascii [128]int32
	for i := range ascii {
		ascii[i] = -1
	}
	for i, r := range d.runes {
		if r < 128 && ascii[r] >= 0 {
			d.sym[i] = ascii[r]
			continue
		}
		s, ok := d.alpha[r]
		if !ok {
			s = int32(len(d.alpha))
			d.alpha[r] = s
		}
		if r < 128 {
			ascii[r] = s
		}
		d.sym[i] = s
	}
	if index {
		d.sa = suffixarray.New([]byte(text))
		d.grams = buildGrams(d.sym, len(d.alpha))
	}
	return d
}

// symbols maps runes to the doc's alphabet; runes absent from the text get
// len(alpha), which matches nothing.
func (d *doc) symbols(rs []rune) []int32 {
	out := make([]int32, len(rs))
	none := int32(len(d.alpha))
	for i, r := range rs {
		s, ok := d.alpha[r]
		if !ok {
			s = none
		}
		out[i] = s
	}
	return out
}

// runeAt converts a byte offset at a code-point boundary to a code-point
// offset.
func (d *doc) runeAt(b int) int {
	return sort.SearchInts(d.off, b)
}

// occurrences returns the code-point offsets of every occurrence of s, in
// increasing order, stopping after limit (limit < 0: all).
func (d *doc) occurrences(s string, limit int) []int {
	if s == "" {
		return nil
	}
	var out []int
	if d.sa != nil {
		bs := d.sa.Lookup([]byte(s), -1)
		if len(bs) == 0 {
			return nil
		}
		sort.Ints(bs)
		if limit >= 0 && len(bs) > limit {
			bs = bs[:limit]
		}
		out = make([]int, 0, len(bs))
		for _, b := range bs {
			if utf8.RuneStart(d.text[b]) {
				out = append(out, d.runeAt(b))
			}
		}
		return out
	}
	for from := 0; from <= len(d.text); {
		i := strings.Index(d.text[from:], s)
		if i < 0 {
			break
		}
		out = append(out, d.runeAt(from+i))
		if limit >= 0 && len(out) >= limit {
			break
		}
		_, size := utf8.DecodeRuneInString(d.text[from+i:])
		from += i + size
	}
	return out
}
