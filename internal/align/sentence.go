package align

import (
	"strings"
	"unicode"
)

// maxChunkWords is the most whitespace-separated words a sentence may have;
// longer runs are cut, preferably after a comma, semicolon or colon past
// minChunkWords words.
const (
	maxChunkWords = 80
	minChunkWords = 40
)

// span is a half-open range of code points.
type span struct{ start, end int }

// splitSentences appends the sentences of r[start:end] to out.
func splitSentences(r []rune, start, end int, out []span) []span {
	s := start
	emit := func(a, b int) {
		a, b = trim(r, a, b)
		if a < b {
			out = splitQuotation(r, a, b, out)
		}
	}
	for p := start; p < end; p++ {
		c := r[p]
		if c == '\n' {
			emit(s, p)
			s = p + 1
			continue
		}
		if !isTerminal(c) {
			continue
		}
		q := p
		for q < end && isTerminal(r[q]) {
			q++
		}
		run := q - p
		closers := 0
		for q < end && isCloser(r[q]) {
			q++
			closers++
		}
		if q < end && !unicode.IsSpace(r[q]) {
			p = q - 1 // "3.8", "U.S", "e.g.,", "Yahoo!'s"
			continue
		}
		n := q
		for n < end && unicode.IsSpace(r[n]) && r[n] != '\n' {
			n++
		}
		if n < end && r[n] != '\n' && !breakOK(r, s, p, run, closers, n, end) {
			p = q - 1
			continue
		}
		emit(s, q)
		s = q
		p = q - 1
	}
	emit(s, end)
	return out
}

// breakOK reports whether the terminal run r[p:p+run] (followed by closers
// closing marks and then white space) ends a sentence whose next word
// starts at n.
func breakOK(r []rune, s, p, run, closers, n, end int) bool {
	next := r[n]
	if unicode.IsLower(next) {
		return false
	}
	if r[p] != '.' || run != 1 || closers > 0 {
		return true
	}
	// The word before the full stop: letters and inner full stops.
	w := p
	for w > s && (unicode.IsLetter(r[w-1]) || r[w-1] == '.') {
		w--
	}
	word := strings.ToLower(string(r[w:p]))
	if word == "" {
		return true
	}
	if titles[word] {
		return false
	}
	letters := 0
	for _, c := range word {
		if c != '.' {
			letters++
		}
	}
	if letters == 1 && unicode.IsUpper(r[w]) {
		return false // an initial: "J. K. Rowling"
	}
	if strings.Contains(word, ".") || shortForms[word] {
		// "U.S.", "a.m.", "Inc.": a sentence end only before a word
		// that usually starts one.
		e := n
		for e < end && unicode.IsLetter(r[e]) {
			e++
		}
		return starters[strings.ToLower(string(r[n:e]))]
	}
	return true
}

// splitQuotation appends r[a:b] to out, first cutting the lead-in off a
// quotation that opens after ", " or ": " and does not close within the
// sentence: the quotation goes on in the next sentences, and other outlets
// may introduce it differently.
func splitQuotation(r []rune, a, b int, out []span) []span {
	for k := a + 2; k < b-1; k++ {
		open := r[k]
		if !isOpener(open) || !unicode.IsSpace(r[k-1]) || (r[k-2] != ',' && r[k-2] != ':') {
			continue
		}
		closed := false
		for m := k + 1; m < b; m++ {
			if isCloserOf(open, r[m]) {
				closed = true
				break
			}
		}
		if closed {
			continue
		}
		if x, y := trim(r, a, k); x < y {
			out = chunk(r, x, y, out)
		}
		return chunk(r, k, b, out)
	}
	return chunk(r, a, b, out)
}

// chunk appends r[a:b] to out, cut into pieces of at most maxChunkWords
// words.
func chunk(r []rune, a, b int, out []span) []span {
	for {
		words, lastSoft, cut := 0, -1, -1
		inWord := false
		for p := a; p < b; p++ {
			if unicode.IsSpace(r[p]) {
				if inWord {
					words++
					inWord = false
					if words >= minChunkWords && p > a && strings.ContainsRune(",;:", r[p-1]) {
						lastSoft = p
					}
					if words == maxChunkWords {
						cut = p
						break
					}
				}
				continue
			}
			inWord = true
		}
		if cut < 0 {
			out = append(out, span{a, b})
			return out
		}
		if lastSoft > 0 {
			cut = lastSoft
		}
		out = append(out, span{a, cut})
		a, b = trim(r, cut, b)
		if a >= b {
			return out
		}
	}
}

func trim(r []rune, a, b int) (int, int) {
	for a < b && unicode.IsSpace(r[a]) {
		a++
	}
	for b > a && unicode.IsSpace(r[b-1]) {
		b--
	}
	return a, b
}

func isTerminal(c rune) bool {
	return c == '.' || c == '!' || c == '?' || c == '…'
}

func isCloser(c rune) bool {
	switch c {
	case '"', '\'', '”', '’', '»', ')', ']':
		return true
	}
	return false
}

func isOpener(c rune) bool {
	switch c {
	case '"', '“', '«', '„':
		return true
	}
	return false
}

// isCloserOf reports whether c may close a quotation opened with open;
// outlets mix straight and curly marks.
func isCloserOf(open, c rune) bool {
	switch open {
	case '«':
		return c == '»'
	case '„':
		return c == '“' || c == '”' || c == '"'
	}
	return c == '”' || c == '"'
}

// titles precede a name and never end a sentence.
var titles = setOf("mr mrs ms dr prof gen gov sen rep lt col capt sgt cmdr adm maj brig st mt rev hon fr pres supt insp messrs mmes no nos vs v fig jan feb mar apr jun jul aug sep sept oct nov dec approx dept est")

// shortForms end a sentence only before a word that usually starts one.
var shortForms = setOf("inc corp co ltd jr sr etc al bros llc plc")

// starters usually start a sentence.
var starters = setOf("the a an he she it they we i you but and or so yet in on at as for if when while after before this that these those there his her their its our my some many most one two three four five six seven eight nine ten however meanwhile still also then now since though although according")

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
