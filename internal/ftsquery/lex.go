package ftsquery

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind says what a token is.
type tokenKind int

const (
	tokTerm  tokenKind = iota // a bare word, or words joined by ' - . and the like
	tokQuote                  // text in double quotes
	tokAnd
	tokOr
	tokNot
)

// token is one lexical unit of the input.
type token struct {
	kind   tokenKind
	words  []string // tokTerm and tokQuote: the words, never empty for tokTerm
	neg    bool     // written with a leading "-"
	open   bool     // tokQuote: no closing quote before the end of the input
	prefix bool     // the last word is a prefix: typed with "*", or still being typed
	end    int      // byte offset just past the token's last word character
}

// lex splits s into tokens. s must be valid UTF-8.
func lex(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case isQuote(r):
			toks = append(toks, lexQuote(s, i+size, false))
			i = toks[len(toks)-1].end
			continue
		}

		// A run of "-" directly before a word or a quote means NOT.
		neg := false
		if r == '-' {
			j := i
			for j < len(s) && s[j] == '-' {
				j++
			}
			if next, n := utf8.DecodeRuneInString(s[j:]); n > 0 && (isWordStart(next) || isQuote(next)) {
				neg = true
				i = j
				if isQuote(next) {
					toks = append(toks, lexQuote(s, j+n, true))
					i = toks[len(toks)-1].end
					continue
				}
			}
		}

		// A chunk runs to the next space or quote.
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) || isQuote(r) {
				break
			}
			j += n
		}
		chunk := s[i:j]
		if !neg {
			if kind, ok := operators[chunk]; ok {
				toks = append(toks, token{kind: kind, end: j})
				i = j
				continue
			}
		}
		for _, t := range lexChunk(chunk, i) {
			t.neg = neg
			neg = false // only the first term of a chunk like "-a,b" is negated
			toks = append(toks, t)
		}
		i = j
	}
	return toks
}

// operators are the FTS5 operators a user may type, in upper case, as a
// chunk of their own.
var operators = map[string]tokenKind{"AND": tokAnd, "OR": tokOr, "NOT": tokNot}

// lexQuote reads a quoted phrase whose text starts at s[i:] and runs to the
// next quote mark or, when there is none, to the end of s. Its end is just
// past the closing quote; a "*" right after that makes it a prefix.
func lexQuote(s string, i int, neg bool) token {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if isQuote(r) {
			t := token{kind: tokQuote, words: words(s[i:j]), neg: neg, end: j + n}
			if strings.HasPrefix(s[t.end:], "*") {
				t.prefix = true
			}
			return t
		}
		j += n
	}
	return token{kind: tokQuote, words: words(s[i:]), neg: neg, open: true, end: len(s)}
}

// lexChunk splits a chunk of non-space text, which starts at offset base of
// the input, into terms. Runs of word characters joined by one joiner
// character ("don't", "end-to-end", "e.g", "snake_case") form one term, which
// FTS5 reads as a phrase, as the unicode61 tokenizer splits the stored text
// the same way; any other character separates terms. A "*" right after a
// term makes it a prefix.
func lexChunk(chunk string, base int) []token {
	var toks []token
	for i := 0; i < len(chunk); {
		if r, n := utf8.DecodeRuneInString(chunk[i:]); !isWordStart(r) {
			i += n
			continue
		}
		t := token{kind: tokTerm}
		for {
			start := i
			i = runEnd(chunk, i)
			t.words = append(t.words, chunk[start:i])
			t.end = base + i
			r, n := utf8.DecodeRuneInString(chunk[i:])
			if r == '*' {
				t.prefix = true // typed explicitly: "priv*"
				break
			}
			if n == 0 || !isJoiner(r) {
				break
			}
			if next, _ := utf8.DecodeRuneInString(chunk[i+n:]); !isWordStart(next) {
				break
			}
			i += n
		}
		toks = append(toks, t)
	}
	return toks
}

// words returns the runs of word characters in s, the way the unicode61
// tokenizer would split it.
func words(s string) []string {
	var ws []string
	for i := 0; i < len(s); {
		if r, n := utf8.DecodeRuneInString(s[i:]); !isWordStart(r) {
			i += n
			continue
		}
		start := i
		i = runEnd(s, i)
		ws = append(ws, s[start:i])
	}
	return ws
}

// runEnd returns the end of the run of word characters and combining marks
// that starts at s[i].
func runEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordStart(r) && !isMark(r) {
			break
		}
		i += n
	}
	return i
}

// isWordStart reports whether r is a token character for the unicode61
// tokenizer by default: a letter, a number or a private-use character.
func isWordStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// isMark reports whether r is a combining mark, which stays with its word.
func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) }

// isQuote reports whether r delimits a phrase: straight and curly double
// quotes and guillemets. Single quotes are apostrophes, not delimiters.
func isQuote(r rune) bool { return strings.ContainsRune(`"“”„‟«»＂`, r) }

// isJoiner reports whether r joins two runs of word characters into one term
// when it stands between them.
func isJoiner(r rune) bool {
	return strings.ContainsRune(`'’ʼ-‐‑._@/&`, r) || unicode.Is(unicode.Pc, r)
}
