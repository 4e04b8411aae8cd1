package quotematch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the words of s in the form used for matching.
//
// The text is normalised with NFKC, case-folded and stripped of accents
// (combining marks after canonical decomposition), so "Café", "CAFE" and
// "café" fold alike. Words are runs of letters and digits; everything else
// (quote marks of any kind, dashes, punctuation, symbols, emoji) separates
// words and is dropped. Apostrophes inside a word are removed rather than
// splitting it, so "didn’t" and "didn't" both fold to "didnt". Between two
// digits a comma is dropped and a full stop is kept ("100,000" -> "100000",
// "1.5" -> "1.5"); other digits stay as they are ("100M+" -> "100m").
//
// Links are not words of an utterance: a whitespace-separated token that
// starts with "http://", "https://" or "www." is dropped whole, so a tweet
// quoted with its trailing t.co link folds like the same words without it.
//
// Fold never fails; text with no letters or digits folds to nil.
func Fold(s string) []string {
	if !plain(s) {
		s = norm.NFKC.String(s)
		s = cases.Fold().String(s)
		s = stripMarks(s)
	}
	// All words go into one buffer and become substrings of one string,
	// so folding a quote costs a few allocations, not one per word.
	buf := make([]byte, 0, len(s))
	var ends []int
	wordStart := 0
	flush := func() {
		if len(buf) > wordStart {
			ends = append(ends, len(buf))
			wordStart = len(buf)
		}
	}
	start := true // at the start of a whitespace-separated token
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if start && !isSpace(r) && isLinkAt(s[i:]) {
			flush()
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if isSpace(r) {
					break
				}
				i += size
			}
			continue
		}
		start = isSpace(r)
		inWord := len(buf) > wordStart
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			buf = append(buf, byte(r))
		case 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			buf = utf8.AppendRune(buf, r)
		case isApostrophe(r) && inWord && i+size < len(s) && isWordRuneAt(s[i+size:]):
			// inside a word: drop it and keep the word whole
		case (r == ',' || r == '.') && inWord && isDigit(buf[len(buf)-1]) && i+size < len(s) && isDigit(s[i+size]):
			if r == '.' {
				buf = append(buf, '.')
			}
		default:
			flush()
		}
		i += size
	}
	flush()
	if len(ends) == 0 {
		return nil
	}
	all := string(buf)
	words := make([]string, len(ends))
	prev := 0
	for k, e := range ends {
		words[k] = all[prev:e]
		prev = e
	}
	return words
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// plain reports whether s needs no normalisation: it is ASCII apart from
// General Punctuation (curly quotes, dashes, ellipsis, spaces), which
// folding leaves as separators anyway.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x2000 || r > 0x206f {
			return false
		}
		i += size - 1
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stripMarks removes combining marks after canonical decomposition and
// recomposes what is left.
func stripMarks(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	changed := false
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	if !changed {
		return s
	}
	return norm.NFC.String(b.String())
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´', 'ʹ', '′':
		return true
	}
	return false
}

func isWordRuneAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isLinkAt reports whether s starts with a link. s is already case-folded.
func isLinkAt(s string) bool {
	// A link may sit right after an opening bracket or quote mark.
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return !isSpace(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
