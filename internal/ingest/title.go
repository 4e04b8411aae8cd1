package ingest

import (
	"strings"
	"unicode"
)

// MaxTitle is the longest title [Title] returns, in characters (code points),
// counting the ellipsis.
const MaxTitle = 200

// Title returns a title for text when the user gave none: the first line that
// is not blank, with runs of whitespace collapsed to single spaces. A line
// longer than MaxTitle characters is cut at the last space that leaves at
// least half of it, or else mid-word (never inside a combining sequence);
// trailing punctuation such as a comma is dropped and "…" added, so the
// result is at most MaxTitle characters. Title returns "" when text has no
// non-blank line. It expects text from [Text] but accepts any string.
func Title(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if t := strings.Join(strings.Fields(line), " "); t != "" {
			return truncate(t, MaxTitle)
		}
	}
	return ""
}

// truncate cuts s to at most max runes as Title describes.
func truncate(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	keep := max - 1 // room for "…"
	cut := -1
	for i := keep; i >= keep/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	if cut < 0 {
		cut = keep
		for cut > 1 && unicode.In(r[cut], unicode.Mn, unicode.Me, unicode.Mc) {
			cut--
		}
	}
	t := strings.TrimRightFunc(string(r[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—", r)
	})
	return t + "…"
}
