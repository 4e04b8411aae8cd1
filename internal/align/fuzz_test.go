package align

import (
	"testing"
	"unicode/utf8"

	"sourcebook/internal/document"
)

// FuzzCompare checks Compare's invariants on random texts and blocks: spans
// inside the texts and in order, coverage in [0,1], no panic.
func FuzzCompare(f *testing.F) {
	f.Add("Mr. Smith said, “It is true. We know.” Then he left.\n\nRead more:", "He left. Mr. Smith said: \"It is true. We know\"", uint8(3), uint8(1))
	f.Add("U.S. troops… 3.8 percent! Why?", "Why? 3.8 percent! U.S. troops…", uint8(0), uint8(0))
	f.Add("", "a", uint8(1), uint8(2))
	f.Add("Café “naïve” résumé. Straße ﬁne.", "CAFE naive resume. Strasse fine.", uint8(5), uint8(7))
	f.Fuzz(func(t *testing.T, ta, tb string, sa, sb uint8) {
		if !utf8.ValidString(ta) || !utf8.ValidString(tb) {
			return
		}
		a := Input{Text: ta, Blocks: fuzzBlocks(ta, sa)}
		b := Input{Text: tb, Blocks: fuzzBlocks(tb, sb)}
		r := Compare(a, b)
		checkInvariants(t, a, b, r)
		self := Compare(a, a)
		checkInvariants(t, a, a, self)
	})
}

// fuzzBlocks cuts text into blocks from the bits of shape: every few code
// points a block boundary, some blocks boilerplate, some overlapping (and
// so ignored).
func fuzzBlocks(text string, shape uint8) []document.Block {
	n := utf8.RuneCountInString(text)
	if shape == 0 || n == 0 {
		return nil
	}
	step := int(shape%7) + 1
	var blocks []document.Block
	for start := 0; start < n; start += step * 3 {
		end := min(start+step*2+1, n)
		bl := document.Block{Kind: document.Paragraph, Start: start, End: end}
		if shape&0x40 != 0 && start%2 == 1 {
			bl.Boilerplate = document.Promo
		}
		if shape&0x80 != 0 && start > 0 {
			bl.Start-- // overlap sometimes: Compare must ignore bad blocks
		}
		blocks = append(blocks, bl)
	}
	return blocks
}
