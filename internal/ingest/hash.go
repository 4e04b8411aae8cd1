package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Hash returns the lowercase hex SHA-256 of text's duplicate-detection form,
// so that two imports of the same article hash the same even when they differ
// in line endings, spacing, letter case, curly or straight quotes, or the kind
// of dash. The form is built by
//   - folding every quote mark and prime (' " ` ´ ‘ ’ ‚ ‛ “ ” „ ‟ ‹ › « » 「 」
//     『 』 ′ ″ and the like) to the apostrophe ', since sources disagree even
//     on single versus double quotes;
//   - folding every hyphen, dash and minus sign to -;
//   - Unicode NFKC, full case folding, NFKC again (as Unicode's
//     NFKC_Casefold does), which also turns "…" into "..." and fullwidth
//     letters into ordinary ones;
//   - dropping format characters (soft hyphens, zero-width spaces and
//     joiners, bidi marks) and control characters other than whitespace;
//   - collapsing every run of whitespace to one space and trimming the ends.
//
// Hash never fails; it accepts any string, including invalid UTF-8.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(dupForm(text)))
	return hex.EncodeToString(sum[:])
}

// dupForm returns the duplicate-detection form Hash describes.
func dupForm(s string) string {
	// Fold quotes before NFKC, which would turn ´ into a space and a
	// combining accent, and drop invisible characters before it too, since
	// one between a letter and its accent keeps them from composing.
	s = strings.Map(foldRune, s)
	s = norm.NFKC.String(s)
	s = cases.Fold().String(s)
	s = norm.NFKC.String(s)

	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if r = foldRune(r); r < 0 {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldRune maps quote marks to ' and dashes to -, drops format characters and
// control characters other than whitespace (returning -1), and leaves other
// runes alone.
func foldRune(r rune) rune {
	switch r {
	case '"', '`', '´', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '‹', '›', '«', '»',
		'′', '″', '‴', '‵', '‶', '‷', '「', '」', '『', '』', '〝', '〞', '〟',
		'＂', '＇', 'ʹ', 'ʺ', 'ʻ', 'ʼ', 'ʽ', 'ˮ', '❛', '❜', '❝', '❞':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '⁃', '−', '⸺', '⸻', '﹘', '﹣', '－', '⸗', '⹀':
		return '-'
	}
	if unicode.Is(unicode.Cf, r) || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
		return -1
	}
	return r
}
