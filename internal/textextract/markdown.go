package textextract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"
)

// Markdown finds the blocks, boilerplate and metadata of a Markdown
// document. The Doc's Text is the Markdown source, unchanged, and blocks
// are ranges of it without the block markup: a heading starts after its
// "# ", an item after its "- " or "1. ", a quote line after its "> ".
// Inline markup (emphasis, links) stays inside the blocks. The Extractor is
// "markdown".
//
// Recognised: YAML front matter between "---" lines (title, author or
// authors, date, updated, url or canonical, outlet or site, description,
// lang: the metadata, and the front matter itself a metadata block), ATX
// headings (# to ######) and Setext headings (underlined with === or ---),
// list items with their nesting, block quotes (one block per line), and
// fenced code blocks (``` or ~~~, kind pre, left out of every rule).
// Paragraphs run until a blank line and may span several lines; indented
// code blocks are read as paragraphs, since pasted text is often indented.
// The boilerplate rules of [Text] apply to paragraphs, headings, items and
// quotes.
func Markdown(text string) document.Doc {
	meta, units := markdownUnits(text)
	meta = analyze(units, true, meta)
	return document.Doc{Meta: meta, Text: text, Blocks: blocks(units), Extractor: "markdown"}
}

var (
	atxHeading    = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)`)
	atxClosing    = regexp.MustCompile(`[ \t]+#+[ \t]*$`)
	setextLine    = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	thematicBreak = regexp.MustCompile(`^ {0,3}((?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fenceOpen     = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	mdItem        = regexp.MustCompile(`^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)`)
)

// mdLine is one line of the source.
type mdLine struct {
	b0, b1 int // bytes
	r0     int // code point of b0
	text   string
}

func splitLines(text string) []mdLine {
	var lines []mdLine
	r0 := 0
	for b0 := 0; b0 <= len(text); {
		b1 := strings.IndexByte(text[b0:], '\n')
		if b1 < 0 {
			b1 = len(text)
		} else {
			b1 += b0
		}
		lines = append(lines, mdLine{b0, b1, r0, text[b0:b1]})
		r0 += utf8.RuneCountInString(text[b0:b1]) + 1
		b0 = b1 + 1
	}
	return lines
}

// markdownUnits parses the block structure of a Markdown source.
func markdownUnits(text string) (document.Meta, []*unit) {
	lines := splitLines(text)
	var (
		meta    document.Meta
		units   []*unit
		open    *unit // the paragraph or item that a following line continues
		fence   string
		indents []int
	)
	// unitOf makes a unit of line l from byte skip on, trimmed.
	unitOf := func(l mdLine, skip int, kind string, level int) *unit {
		s := l.text[skip:]
		lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		body := strings.TrimSpace(s)
		if body == "" {
			return nil
		}
		b0 := l.b0 + skip + lead
		r0 := l.r0 + utf8.RuneCountInString(l.text[:skip+lead])
		return newUnit(text, b0, b0+len(body), r0, kind, level)
	}
	// extend makes u run to the end of line l.
	extend := func(u *unit, l mdLine) {
		body := strings.TrimRightFunc(l.text, unicode.IsSpace)
		u.end = l.r0 + utf8.RuneCountInString(body)
		u.raw = text[u.b0 : l.b0+len(body)]
		u.plain = u.raw
	}

	i := 0
	if fm, n, ok := frontMatter(lines); ok {
		meta = fm
		// The front matter is one metadata block per stretch without a
		// blank line.
		var cur *unit
		for _, l := range lines[:n] {
			if strings.TrimSpace(l.text) == "" {
				cur = nil
				continue
			}
			if cur == nil {
				cur = unitOf(l, 0, document.Pre, 0)
				cur.code, cur.reason = true, document.Metadata
				units = append(units, cur)
				continue
			}
			extend(cur, l)
		}
		i = n
	}
	var pre *unit
	for ; i < len(lines); i++ {
		l := lines[i]
		t := l.text
		if fence != "" {
			if strings.HasPrefix(strings.TrimLeft(t, " "), fence) && strings.Trim(strings.TrimSpace(t), fence[:1]) == "" {
				fence, pre = "", nil
				continue
			}
			if strings.TrimSpace(t) == "" {
				pre = nil
				continue
			}
			if pre == nil {
				pre = unitOf(l, 0, document.Pre, 0)
				pre.code = true
				units = append(units, pre)
			} else {
				extend(pre, l)
			}
			continue
		}
		if strings.TrimSpace(t) == "" {
			open = nil
			continue
		}
		if m := fenceOpen.FindStringSubmatch(t); m != nil {
			open, fence, pre = nil, m[1], nil
			continue
		}
		if m := atxHeading.FindStringSubmatch(t); m != nil {
			open = nil
			end := len(t)
			if loc := atxClosing.FindStringIndex(t); loc != nil && loc[0] >= len(m[0]) {
				end = loc[0]
			} else if strings.Trim(t[len(m[0]):], "# \t") == "" {
				end = len(m[0])
			}
			if u := unitOf(mdLine{l.b0, l.b0 + end, l.r0, t[:end]}, len(m[0]), document.Heading, len(m[1])); u != nil {
				u.marked = true
				units = append(units, u)
			}
			continue
		}
		if m := setextLine.FindStringSubmatch(t); m != nil && open != nil && open.kind == document.Paragraph && !open.marked {
			open.kind, open.marked = document.Heading, true
			open.level = 1
			if m[1][0] == '-' {
				open.level = 2
			}
			open = nil
			continue
		}
		if thematicBreak.MatchString(t) {
			open = nil
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(t, " "), ">") {
			open = nil
			s := strings.TrimLeft(t, " ")
			skip, depth := len(t)-len(s), 0
			for skip < len(t) && (t[skip] == '>' || t[skip] == ' ') {
				if t[skip] == '>' {
					depth++
				}
				skip++
			}
			level := 0
			if depth > 1 {
				level = depth
			}
			if u := unitOf(l, skip, document.Quote, level); u != nil {
				u.marked = true
				units = append(units, u)
			}
			continue
		}
		if m := mdItem.FindStringSubmatch(t); m != nil && !(open != nil && open.kind == document.Paragraph && m[3] == "") {
			indent := len(strings.ReplaceAll(m[1], "\t", "    "))
			for len(indents) > 0 && indents[len(indents)-1] > indent {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < indent {
				indents = append(indents, indent)
			}
			u := unitOf(l, len(m[0]), document.Item, len(indents))
			if u == nil {
				open = nil
				continue
			}
			u.marked = true
			units = append(units, u)
			open = u
			continue
		}
		if open != nil {
			extend(open, l) // a paragraph's next line, or an item's
			continue
		}
		indents = indents[:0]
		if u := unitOf(l, 0, document.Paragraph, 0); u != nil {
			units = append(units, u)
			open = u
		}
	}
	for _, u := range units {
		if !u.code {
			u.plain = stripInline(u.raw)
			if imageOnly.MatchString(strings.TrimSpace(u.raw)) {
				u.reason = document.Other
				if !u.marked {
					u.kind = document.Caption
				}
			}
		}
	}
	return meta, units
}

var (
	imageOnly = regexp.MustCompile(`^!\[[^\]]*\]\([^)]*\)$`)
	inlineImg = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	inlineLnk = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	autolink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]*)>`)
	htmlTag   = regexp.MustCompile(`</?[A-Za-z][^>]{0,200}>`)
	emphasis  = regexp.MustCompile("(\\*\\*|__|\\*|~~|`)")
)

// stripInline returns s without inline Markdown markup, for the rules to
// read: link and image text stay, URLs, tags and emphasis marks go.
func stripInline(s string) string {
	if !strings.ContainsAny(s, "[]*_~`<\\") {
		return s
	}
	s = inlineImg.ReplaceAllString(s, "$1")
	s = inlineLnk.ReplaceAllString(s, "$1")
	s = autolink.ReplaceAllString(s, "$1")
	s = htmlTag.ReplaceAllString(s, "")
	s = emphasis.ReplaceAllString(s, "")
	return strings.ReplaceAll(s, "\\", "")
}
