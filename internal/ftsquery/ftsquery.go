package ftsquery

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxTerms is the most terms (words and phrases) Translate keeps; the rest of
// the input is ignored. It keeps a pasted paragraph from building an FTS5
// expression deeper than FTS5 accepts (256 levels).
const MaxTerms = 64

// Options adjusts Translate.
type Options struct {
	// AsYouType makes the word being typed a prefix: when the input ends
	// in the middle of a word (its last character is a letter or digit),
	// that last term matches any word starting with it. Set it for
	// search-as-you-type; leave it false for a search the user submitted.
	AsYouType bool
	// MinPrefix, with AsYouType, is the fewest characters the word being
	// typed needs to become a prefix; a shorter one is searched as a whole
	// word. A very short prefix matches a large part of a big index, which
	// is slow to search unless the index keeps prefixes of that length,
	// and tells little about what is being typed. Zero means 1.
	MinPrefix int
}

// Translate returns an FTS5 query expression for input, to be bound as the
// right-hand side of MATCH, or "" when input has no searchable terms (the
// caller then returns no hits without querying). Whatever input holds,
// including invalid UTF-8, the result is valid UTF-8 and valid FTS5 syntax.
//
// The rules:
//   - A word is a run of letters and digits (any script; combining marks stay
//     with their letter). Other characters separate words, except that an
//     apostrophe, hyphen, full stop, underscore, "@", "/" or "&" between two
//     words joins them into one term, so "don't" becomes the phrase "don t":
//     FTS5's unicode61 tokenizer splits the stored text the same way.
//   - Each bare word becomes a quoted string term: hello → "hello".
//   - Text inside double quotes (straight " or curly “ ” „, or « ») becomes a
//     phrase: "new york" → "new york". A quote with no closing quote runs to
//     the end of the input. Inside quotes everything but words is ignored,
//     including operators.
//   - Terms are ANDed. AND, OR and NOT, in capitals and standing alone
//     between terms, are operators; an operator with no term on its left,
//     or none on its right, is dropped; of several in a row the last wins
//     ("a AND NOT b" is "a NOT b"). NOT and OR are typed in capitals so that
//     "not" and "or" stay ordinary words. As in FTS5, OR binds loosest:
//     "a b OR c" finds documents with both a and b, or with c.
//   - A "-" starting a word or a quote excludes it: "-draft report"
//     finds report without draft. Excluded terms are moved after the ones
//     they are excluded from; a group with nothing but excluded terms is
//     dropped, since FTS5 cannot search for the absence of a word alone.
//   - A "*" right after a word or a closing quote makes it a prefix:
//     priv* → "priv"*. A "*" anywhere else is ignored.
//   - With opts.AsYouType, a term that ends exactly where the input ends
//     (no trailing space or punctuation), is not excluded and is a bare
//     word or an unclosed quote, gets a prefix star: "hello wor"*, when
//     its last word has at least opts.MinPrefix characters.
//   - Only the first MaxTerms terms are kept.
//
// The input is put in Unicode NFC first, as stored text is.
func Translate(input string, opts Options) string {
	s := norm.NFC.String(strings.ToValidUTF8(input, "\uFFFD"))
	toks := lex(s)
	if opts.AsYouType && len(toks) > 0 {
		// The last term is being typed when the input ends inside it.
		last := &toks[len(toks)-1]
		r, _ := utf8.DecodeLastRuneInString(s)
		typing := (isWordStart(r) || isMark(r)) && !last.neg &&
			(last.kind == tokTerm && last.end == len(s) || last.kind == tokQuote && last.open)
		if typing && len(last.words) > 0 && utf8.RuneCountInString(last.words[len(last.words)-1]) >= max(opts.MinPrefix, 1) {
			last.prefix = true
		}
	}
	q := parse(toks)
	if q == nil {
		return ""
	}
	var b strings.Builder
	q.render(&b)
	return b.String()
}
