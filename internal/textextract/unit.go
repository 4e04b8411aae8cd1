package textextract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"
)

// unit is one block in the making, with what the rules read from it.
type unit struct {
	start, end int    // code points into the text
	b0         int    // byte offset of start
	raw        string // the block's text
	plain      string // raw without Markdown inline markup
	kind       string
	level      int
	reason     string // boilerplate reason, "" for content
	marked     bool   // kind comes from markup (a bullet, "#", "> "): keep it
	code       bool   // preformatted: the rules leave it alone

	// Derived by analyze.
	norm     string   // lower case, straight quotes, decoration trimmed
	words    []string // the words of norm
	sentence bool     // ends like a sentence: . ! ? … before any closing quote
	letters  bool     // has a letter or a digit
	title    bool     // Title Case or ALL CAPS
	sig      bool     // the signature line of an embedded post
}

// analyze fills the derived fields.
func (u *unit) analyze() {
	u.norm = normalize(u.plain)
	u.words = splitWords(u.norm)
	u.sentence = endsSentence(u.plain)
	u.letters = strings.IndexFunc(u.plain, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
	u.title = len(u.words) <= 30 && isTitleCase(u.plain)
	u.sig = strings.Contains(u.plain, "(@") && signature.MatchString(strings.TrimSpace(u.plain))
}

func (u *unit) n() int { return len(u.words) }

// prose reports whether u reads as a paragraph of running text.
func (u *unit) prose() bool {
	return (u.n() >= 8 && u.sentence) || u.n() >= 30
}

// fragment reports whether u is a short piece of text that is not a
// sentence: a label, a link, a tag.
func (u *unit) fragment() bool {
	return u.n() <= 8 && !u.sentence
}

var normReplacer = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-", "\u00a0", " ")

// decoration is what surrounds a label without being part of it.
const decoration = " \t-•*|·»›>#=_~:"

// normalize lower-cases s, straightens quotes and dashes, collapses spaces
// and trims decoration from both ends.
func normalize(s string) string {
	s = strings.ToLower(normReplacer.Replace(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, decoration)
}

// splitWords returns the runs of letters, digits and inner apostrophes.
func splitWords(s string) []string {
	var words []string
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
			(r == '\'' && start >= 0 && i+1 < len(s) && isASCIILetter(s[i+1]))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			words = append(words, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// endsSentence reports whether s ends with . ! ? or …, before any closing
// quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]*_`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", r)
}

// minorWords stay lower case in Title Case.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true,
	"for": true, "so": true, "yet": true, "as": true, "at": true, "by": true, "in": true,
	"of": true, "off": true, "on": true, "per": true, "to": true, "up": true, "via": true,
	"with": true, "from": true, "into": true, "over": true, "vs": true, "is": true, "be": true,
	"than": true, "that": true, "out": true, "its": true, "if": true, "after": true,
}

// isTitleCase reports whether s is written in Title Case ("What Did Meta
// Say?") or all capitals, with at least two words.
func isTitleCase(s string) bool {
	var words, caps, lower, upperLetters, letters int
	for i, f := range strings.Fields(s) {
		f = strings.TrimLeftFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		for _, c := range f {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					upperLetters++
				}
			}
		}
		switch {
		case unicode.IsUpper(r):
			caps++
		case i > 0 && minorWords[strings.ToLower(strings.TrimRightFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }))]:
		default:
			lower++
		}
	}
	if words < 2 {
		return false
	}
	if letters >= 4 && upperLetters == letters {
		return true
	}
	return lower == 0 && caps > 0
}

// newUnit makes a unit for the byte range [b0, b1) of text, whose code-point
// offset of b0 is r0.
func newUnit(text string, b0, b1, r0 int, kind string, level int) *unit {
	raw := text[b0:b1]
	return &unit{b0: b0, start: r0, end: r0 + utf8.RuneCountInString(raw), raw: raw, plain: raw, kind: kind, level: level}
}

// blocks turns units into document blocks.
func blocks(units []*unit) []document.Block {
	out := make([]document.Block, 0, len(units))
	for _, u := range units {
		if u.end <= u.start {
			continue
		}
		out = append(out, document.Block{Kind: u.kind, Level: u.level, Start: u.start, End: u.end, Boilerplate: u.reason})
	}
	return out
}
