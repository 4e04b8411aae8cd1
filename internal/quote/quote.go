package quote

import (
	"strings"
	"unicode"

	"sourcebook/internal/document"
)

// Quote kinds.
const (
	Direct  = "direct"  // a full quotation: a sentence or more of someone's words
	Partial = "partial" // a quoted fragment inside the writer's own sentence
	Block   = "block"   // an embedded post or block quote, without quote marks
	Scare   = "scare"   // scare quotes, a term or a title: not an utterance
)

// Quote is one quotation found in a text. Offsets are Unicode code points
// into the text given to Detect, half-open [Start, End).
type Quote struct {
	// Start and End delimit the quoted words without the enclosing quote
	// marks. A quote that runs over several paragraphs covers the paragraph
	// breaks and the reopening marks between them.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // the text between Start and End
	Kind  string `json:"kind"` // Direct, Partial, Block or Scare
	// Speaker is the speaker as written near the quote ("Stone", "he",
	// "the filing"), "" when the quote carries no attribution of its own
	// (for example one inherited from the previous quote).
	Speaker      string `json:"speaker"`
	SpeakerStart int    `json:"speaker_start"` // code points; both 0 when Speaker is ""
	SpeakerEnd   int    `json:"speaker_end"`
	// Name is the resolved speaker: a full name ("Andy Stone"), an
	// organisation, or a document ("the court filing", "the blog post");
	// "" when unknown. Scare quotes have no speaker.
	Name        string `json:"name"`
	Role        string `json:"role,omitempty"`        // "communications director", when the text gives it
	Affiliation string `json:"affiliation,omitempty"` // "Meta", when the text gives it
	// Cue is the attribution words: "said", "according to", "wrote",
	// "—" for a signature line; "" when the speaker was inherited.
	Cue string `json:"cue"`
	// Open reports that the closing mark is missing: the quote runs to the
	// end of its paragraph.
	Open bool `json:"open,omitempty"`
	// ClauseStart and ClauseEnd delimit, for a partial quote inside
	// reported speech, the reported clause that carries it: in `She said
	// police were "very committed" to hearing her.` the clause `police
	// were "very committed" to hearing her`. Annotators of reported speech
	// take that clause as the quotation; two partial quotes of one clause
	// share it. Both 0 when the quote is not part of reported speech.
	ClauseStart int `json:"clause_start,omitempty"`
	ClauseEnd   int `json:"clause_end,omitempty"`
}

// para is a paragraph: a range of runes and its block kind.
type para struct {
	start, end int
	kind       string
}

// paragraphs returns the content paragraphs: the non-boilerplate blocks
// when there are any, else the text split at blank lines.
func paragraphs(r []rune, blocks []document.Block) []para {
	var ps []para
	if len(blocks) > 0 {
		prev := 0
		for _, b := range blocks {
			if b.Boilerplate != "" || b.Start < prev || b.End > len(r) || b.Start >= b.End {
				continue
			}
			ps = append(ps, para{b.Start, b.End, b.Kind})
			prev = b.End
		}
		return ps
	}
	start := 0
	for i := 0; i <= len(r); i++ {
		if i == len(r) || (r[i] == '\n' && i+1 < len(r) && r[i+1] == '\n') {
			s, e := start, i
			for s < e && unicode.IsSpace(r[s]) {
				s++
			}
			for e > s && unicode.IsSpace(r[e-1]) {
				e--
			}
			if s < e {
				ps = append(ps, para{s, e, document.Paragraph})
			}
			for i < len(r) && r[i] == '\n' {
				i++
			}
			start = i
		}
	}
	return ps
}

// span is a quotation found by the mark scanner, before classification.
type span struct {
	start, end int // the words, without marks
	open       bool
	para       int // index of the paragraph where it starts
	lastPara   int // index of the paragraph where it ends
}

func isOpenDouble(c rune) bool  { return c == '“' || c == '„' || c == '«' || c == '‟' }
func isCloseDouble(c rune) bool { return c == '”' || c == '»' }

// opensHere reports whether a straight double quote at r[i] opens a quote:
// it is preceded by a space, an opening bracket or dash, or nothing, and
// followed by something that is not a space.
func opensHere(r []rune, i, lo, hi int) bool {
	if i+1 >= hi || unicode.IsSpace(r[i+1]) {
		return false
	}
	if i == lo {
		return true
	}
	p := r[i-1]
	return unicode.IsSpace(p) || strings.ContainsRune("([{—–-/:", p) || isOpenDouble(p)
}

// scan finds the double-quoted spans of every paragraph in one pass.
func scan(r []rune, ps []para) []span {
	var out []span
	for pi := 0; pi < len(ps); pi++ {
		p := ps[pi]
		in := false
		var cur span
		for i := p.start; i < p.end; i++ {
			c := r[i]
			if c != '"' && !isOpenDouble(c) && !isCloseDouble(c) {
				continue
			}
			if !in {
				if isOpenDouble(c) || (c == '"' && opensHere(r, i, p.start, p.end)) {
					in = true
					cur = span{start: i + 1, para: pi}
				}
				continue
			}
			// Inside a quote any double mark closes it, except an
			// opening curly mark after a space: that starts a new quote
			// and the current one lost its closing mark.
			if isOpenDouble(c) && i > p.start && unicode.IsSpace(r[i-1]) {
				cur.end, cur.open, cur.lastPara = trimEnd(r, cur.start, i-1), true, pi
				if cur.end > cur.start {
					out = append(out, cur)
				}
				cur = span{start: i + 1, para: pi}
				continue
			}
			cur.end, cur.lastPara = i, pi
			if cur.end > cur.start {
				out = append(out, cur)
			}
			in = false
		}
		if !in {
			continue
		}
		// The paragraph ends inside a quote. When the next paragraph
		// reopens with a mark, the quote continues there (the convention
		// for quotes over several paragraphs).
		if pi+1 < len(ps) && ps[pi+1].kind == p.kind {
			n := ps[pi+1]
			if c := r[n.start]; isOpenDouble(c) || c == '"' {
				// Continue scanning the next paragraph inside the quote.
				j, closed := n.start+1, false
				for ; j < n.end; j++ {
					if c := r[j]; c == '"' || isCloseDouble(c) {
						closed = true
						break
					}
					if isOpenDouble(r[j]) && unicode.IsSpace(r[j-1]) {
						break
					}
				}
				if closed {
					cur.end, cur.lastPara = j, pi+1
					out = append(out, cur)
					// Resume scanning the next paragraph after the close.
					ps2 := para{j + 1, n.end, n.kind}
					rest := scan(r, []para{ps2})
					for k := range rest {
						rest[k].para, rest[k].lastPara = pi+1, pi+1
					}
					out = append(out, rest...)
					pi++
					continue
				}
			}
		}
		cur.end, cur.open, cur.lastPara = trimEnd(r, cur.start, p.end), true, pi
		if cur.end > cur.start {
			out = append(out, cur)
		}
	}
	return out
}

func trimEnd(r []rune, lo, hi int) int {
	for hi > lo && unicode.IsSpace(r[hi-1]) {
		hi--
	}
	return hi
}
