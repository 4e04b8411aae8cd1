package facts

import (
	"strings"
	"unicode"

	"sourcebook/internal/document"
)

// sentence is a sentence of the document: rune span, its tokens and
// whether it comes from a heading.
type sentence struct {
	start, end int
	heading    bool
	toks       []token
}

// token is a word, a number or one punctuation rune.
type token struct {
	start, end int    // code points into the document's text
	text       string // as written
	lower      string // lower case, ’ folded to '
	word       bool   // starts with a letter or a digit
	cap        bool   // starts with an upper-case letter
	digit      bool   // starts with a digit
	initial    bool   // first word of a sentence, a quotation or a list item
}

// maxSentence bounds a sentence in tokens: a run of words with no sentence
// end is cut, so one giant paragraph stays cheap.
const maxSentence = 120

// contentSpans returns the spans of text to read: the content blocks, or
// the whole text when there are none. Invalid blocks are skipped.
func contentSpans(n int, blocks []document.Block) []document.Block {
	if len(blocks) == 0 {
		return []document.Block{{Kind: document.Paragraph, Start: 0, End: n}}
	}
	var out []document.Block
	prev := 0
	for _, b := range blocks {
		if b.Boilerplate != "" || b.Start < prev || b.End > n || b.Start >= b.End {
			continue
		}
		out = append(out, b)
		prev = b.End
	}
	return out
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = setOf("mr mrs ms dr prof st jr sr gen gov sen rep col lt sgt capt vs etc inc co corp ltd no jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est mt ft rev hon pres")

// sentences splits the content of text into tokenised sentences.
func sentences(r []rune, blocks []document.Block) []sentence {
	var out []sentence
	for _, b := range contentSpans(len(r), blocks) {
		toks := tokenize(r, b.Start, b.End)
		heading := b.Kind == document.Heading
		s := 0
		flush := func(e int) {
			if e > s {
				ts := toks[s:e:e]
				out = append(out, sentence{start: ts[0].start, end: ts[len(ts)-1].end, heading: heading, toks: ts})
			}
			s = e
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if i-s >= maxSentence {
				flush(i)
			}
			if t.text == "\n" {
				flush(i)
				s = i + 1
				continue
			}
			if t.word || !strings.ContainsAny(t.text, ".!?") {
				continue
			}
			if t.text == "." && i > s {
				p := toks[i-1]
				if p.word && p.end == t.start && (abbreviations[p.lower] || len([]rune(p.text)) == 1 && p.cap) {
					continue
				}
			}
			// Closing quotes and brackets after the stop belong to this sentence.
			j := i + 1
			for j < len(toks) && !toks[j].word && strings.ContainsAny(toks[j].text, "\"”’')]»") && toks[j].start == toks[j-1].end {
				j++
			}
			if j < len(toks) && toks[j].word && !toks[j].cap && !toks[j].digit {
				continue // "e.g. the" or a stop inside a quotation
			}
			flush(j)
			i = j - 1
		}
		flush(len(toks))
	}
	for i := range out {
		markInitial(out[i].toks)
	}
	return out
}

// markInitial marks the words that open the sentence, a quotation, a
// parenthesis or a clause after a colon or dash, where capitals say
// nothing about names.
func markInitial(ts []token) {
	open := true
	for i := range ts {
		t := &ts[i]
		if t.word {
			t.initial = open
			open = false
			continue
		}
		switch t.text {
		case "“", "\"", "‘", ":", "—", "–", "•", "*", "(", "[", "«", "-":
			open = true
		}
	}
}

// tokenize splits r[start:end] into tokens. Letters and digits joined by
// an apostrophe, hyphen, dot ("U.S", "3.5") or comma between digits
// ("1,000") stay one token; any other non-space rune is a token of its own;
// a line break is a "\n" token.
func tokenize(r []rune, start, end int) []token {
	var out []token
	i := start
	for i < end {
		c := r[i]
		if c == '\n' {
			out = append(out, token{start: i, end: i + 1, text: "\n", lower: "\n"})
			i++
			continue
		}
		if unicode.IsSpace(c) {
			i++
			continue
		}
		if !isAlnum(c) {
			out = append(out, token{start: i, end: i + 1, text: string(c), lower: string(c)})
			i++
			continue
		}
		j := i + 1
		for j < end {
			if isAlnum(r[j]) || unicode.Is(unicode.Mn, r[j]) {
				j++
				continue
			}
			if j+1 < end && isAlnum(r[j+1]) {
				switch r[j] {
				case '\'', '’', '-', '‐':
					j += 2
					continue
				case '.':
					if unicode.IsDigit(r[j-1]) && unicode.IsDigit(r[j+1]) || unicode.IsLetter(r[j-1]) && unicode.IsUpper(r[j+1]) && j-2 >= i && r[j-2] == '.' || j-1 == i && unicode.IsUpper(r[j-1]) && unicode.IsUpper(r[j+1]) {
						j += 2
						continue
					}
				case ',':
					if unicode.IsDigit(r[j-1]) && unicode.IsDigit(r[j+1]) && j+3 < end+1 && allDigits(r, j+1, min(j+4, end)) && (j+4 >= end || !unicode.IsDigit(r[j+4])) {
						j += 2
						continue
					}
				}
			}
			break
		}
		text := string(r[i:j])
		out = append(out, token{
			start: i, end: j, text: text,
			lower: strings.ReplaceAll(strings.ToLower(text), "’", "'"),
			word:  true,
			cap:   unicode.IsUpper(c),
			digit: unicode.IsDigit(c),
		})
		i = j
	}
	return out
}

func allDigits(r []rune, a, b int) bool {
	if b-a != 3 {
		return false
	}
	for _, c := range r[a:b] {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

func isAlnum(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stem drops a possessive ("Meta's" -> "Meta").
func stem(s string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	if strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’") {
		return strings.TrimRight(s, "'’")
	}
	return s
}

func possessive(s string) bool { return stem(s) != s }
