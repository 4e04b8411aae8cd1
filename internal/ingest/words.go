package ingest

import (
	"unicode"
	"unicode/utf8"
)

// Words counts the words in text.
//
// A word is a run of letters, digits and combining marks (Unicode-aware).
// A few characters join two runs into one word when they stand between
// them with no space:
//   - apostrophes (' ’ ʼ) and hyphens (- ‐ ‑): "don't", "end-to-end";
//   - full stops and connector punctuation such as "_": "e.g", "3.14",
//     "example.com", "snake_case";
//   - commas and colons between digits: "1,000", "10:30".
//
// Everything else separates words, so "rock 'n' roll" is three words and an
// em dash between two words ("yes—no") makes two. Han ideographs, hiragana
// and katakana, written without spaces, count one word per character, as
// word processors count them.
func Words(text string) int {
	n := 0
	inWord := false
	var prev rune // last rune of the current word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case isIdeograph(r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if !inWord {
				n++
				inWord = true
			}
			prev = r
		case inWord && isMark(r):
			prev = r
		case inWord && i < len(text) && joins(prev, r, firstRune(text[i:])):
			// The joiner belongs to the word; the next rune continues it.
		default:
			inWord = false
		}
	}
	return n
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) }

func isIdeograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsNumber(r)) && !isIdeograph(r)
}

// joins reports whether r, between prev and next, keeps a word going.
func joins(prev, r, next rune) bool {
	switch {
	case !isWordRune(next):
		return false
	case r == '\'' || r == '’' || r == 'ʼ' || r == '-' || r == '‐' || r == '‑' || r == '.':
		return true
	case unicode.Is(unicode.Pc, r):
		return true
	case r == ',' || r == ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}
