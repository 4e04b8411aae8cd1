package textextract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"
)

// Text finds the blocks, boilerplate and metadata of plain text, such as an
// article copied from a web page. The Doc's Text is text itself, unchanged,
// and its Extractor is "text".
//
// Every line that is not blank is one block: a list item when it starts
// with a bullet ("•", "-", "*", "1.", "2)"; the block starts after it), a
// quote when it starts with ">" or is an embedded post (a line followed by
// "— Name (@handle)"), a heading when it is a short Title Case line before
// content, else a paragraph. Leading indentation is left out of the block.
//
// Text expects what internal/ingest.Text returns (LF line breaks, NFC, no
// trailing spaces) but accepts any string.
func Text(text string) document.Doc {
	units := textUnits(text)
	meta := analyze(units, false, document.Meta{})
	return document.Doc{Meta: meta, Text: text, Blocks: blocks(units), Extractor: "text"}
}

// bullets open a list item in plain text.
const bullets = "•◦▪▫‣●○■□▸►➢➤✓✔-*+·"

// textUnits makes one unit per non-blank line of text.
func textUnits(text string) []*unit {
	var units []*unit
	var indents []int // indentation of the enclosing list items
	r0 := 0           // code-point offset of the current line
	for b0 := 0; b0 <= len(text); {
		b1 := strings.IndexByte(text[b0:], '\n')
		if b1 < 0 {
			b1 = len(text)
		} else {
			b1 += b0
		}
		line := text[b0:b1]
		if u := lineUnit(text, b0, b1, r0); u != nil {
			if u.kind == document.Item {
				indent := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
				for len(indents) > 0 && indents[len(indents)-1] > indent {
					indents = indents[:len(indents)-1]
				}
				if len(indents) == 0 || indents[len(indents)-1] < indent {
					indents = append(indents, indent)
				}
				u.level = len(indents)
			} else {
				indents = indents[:0]
			}
			units = append(units, u)
		}
		r0 += utf8.RuneCountInString(line) + 1
		b0 = b1 + 1
	}
	return units
}

// lineUnit makes the unit for the line text[b0:b1], whose first code point
// is at r0, or returns nil for a blank line.
func lineUnit(text string, b0, b1, r0 int) *unit {
	line := text[b0:b1]
	trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
	lead := len(line) - len(trimmed)
	trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	if trimmed == "" {
		return nil
	}
	start, end := b0+lead, b0+lead+len(trimmed)
	kind, level, skip := document.Paragraph, 0, 0
	switch {
	case strings.HasPrefix(trimmed, ">"):
		for skip < len(trimmed) && (trimmed[skip] == '>' || trimmed[skip] == ' ') {
			if trimmed[skip] == '>' {
				level++
			}
			skip++
		}
		kind = document.Quote
	default:
		if n := markerLen(trimmed); n > 0 {
			kind, skip = document.Item, n
		}
	}
	rest := trimmed[skip:]
	skip += len(rest) - len(strings.TrimLeftFunc(rest, unicode.IsSpace))
	if skip >= len(trimmed) {
		kind, level, skip = document.Paragraph, 0, 0 // a marker alone
	}
	if kind == document.Quote && level == 1 {
		level = 0
	}
	rs := r0 + utf8.RuneCountInString(text[b0:start+skip])
	u := newUnit(text, start+skip, end, rs, kind, level)
	u.marked = kind != document.Paragraph
	return u
}

// markerLen returns the length in bytes of the list marker that opens s,
// with the spaces after it, or 0. "- Promoted By TechDogs -", a label set
// between dashes, is not a list item.
func markerLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(bullets, r) {
		rest := s[n:]
		ascii := r < utf8.RuneSelf
		if ascii && (rest == "" || rest[0] != ' ' && rest[0] != '\t') {
			return 0 // "-5%", "*emphasis*"
		}
		if r == '-' && strings.HasSuffix(s, " -") {
			return 0
		}
		return n + len(rest) - len(strings.TrimLeft(rest, " \t"))
	}
	i := 0
	for i < len(s) && i < 3 && isDigit(s[i]) {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		rest := s[i+1:]
		return i + 1 + len(rest) - len(strings.TrimLeft(rest, " \t"))
	}
	return 0
}
