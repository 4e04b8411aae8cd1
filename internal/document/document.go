// Package document defines what an extractor makes of an imported file: the
// text the notebook stores, its blocks (paragraphs, headings, list items,
// block quotes), which blocks are boilerplate, and the metadata found.
//
// Extractors (internal/htmlextract for web pages, internal/textextract for
// plain text and Markdown) produce a Doc; the app stores it. Offsets are
// Unicode code points into Doc.Text, half-open [Start, End).
package document

import (
	"strings"
	"unicode/utf8"
)

// Block kinds.
const (
	Paragraph = "paragraph"
	Heading   = "heading" // Level 1-6
	Item      = "item"    // a list item; Level is its nesting depth, 1 for top level
	Quote     = "quote"   // a block quote
	Pre       = "pre"     // preformatted text; line breaks are kept
	Caption   = "caption" // a figure or image caption
)

// Boilerplate reasons: why a block is not part of the source's content.
// The empty string means the block is content.
const (
	Navigation = "navigation" // menus, breadcrumbs, section links
	Related    = "related"    // "Also Read", related and recommended articles
	Newsletter = "newsletter" // sign-up boxes
	Share      = "share"      // share and follow buttons
	Cookie     = "cookie"     // cookie and consent banners
	Comments   = "comments"   // comment widgets and calls to comment
	Promo      = "promo"      // house ads, "Read more at ...", promotions, disclaimers
	Widget     = "widget"     // UI controls that leaked into the text ("Dark", "Light", "click me!")
	Metadata   = "metadata"   // title, byline and date lines, shown as metadata instead
	Other      = "other"      // anything else an extractor left out of the main text
)

// Block is one block of Doc.Text.
type Block struct {
	Kind  string `json:"kind"`
	Level int    `json:"level,omitempty"`
	Start int    `json:"start"` // code points into Doc.Text
	End   int    `json:"end"`
	// Boilerplate is "" for content, else one of the reasons above.
	Boilerplate string `json:"boilerplate,omitempty"`
}

// Meta is the metadata an extractor found. Empty fields are unknown.
type Meta struct {
	Title   string   `json:"title"`
	Outlet  string   `json:"outlet"`
	Authors []string `json:"authors"`
	// Published and Updated are RFC 3339 with the offset the source gives
	// ("2024-04-03T14:29:00+05:30") when a time is known, else a date
	// ("2024-04-04"), a month ("2024-04") or a year.
	Published   string `json:"published"`
	Updated     string `json:"updated"`
	URL         string `json:"url"`  // canonical URL
	Lang        string `json:"lang"` // BCP 47, e.g. "en"
	Kind        string `json:"kind"` // article, filing, post, blog or other; "" = article
	Description string `json:"description"`
}

// Doc is an extracted document.
type Doc struct {
	Meta Meta   `json:"meta"`
	Text string `json:"text"`
	// Blocks cover the text's content in order, without overlap. Between
	// two blocks there are only line breaks, indentation and markup (list
	// bullets, Markdown's "#" and ">").
	Blocks []Block `json:"blocks"`
	// Extractor names what produced the Doc: "trafilatura" (a web page),
	// "json-ld" (a page whose scripts would render its article: the text
	// comes from its JSON-LD articleBody), "fallback" (a page trafilatura
	// could not read: only obvious furniture is marked), "text", "markdown".
	Extractor string `json:"extractor"`
}

// Builder assembles Doc.Text and its Blocks, tracking code-point offsets.
type Builder struct {
	b      strings.Builder
	n      int // code points written
	blocks []Block
}

// Add appends a block of text (trimmed; nothing is added when it is empty),
// separated from the previous block by a blank line.
func (bb *Builder) Add(kind string, level int, text, boilerplate string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if bb.n > 0 {
		bb.b.WriteString("\n\n")
		bb.n += 2
	}
	start := bb.n
	bb.b.WriteString(text)
	bb.n += utf8.RuneCountInString(text)
	bb.blocks = append(bb.blocks, Block{Kind: kind, Level: level, Start: start, End: bb.n, Boilerplate: boilerplate})
}

// Doc returns the text and blocks built so far.
func (bb *Builder) Doc() Doc {
	return Doc{Text: bb.b.String(), Blocks: append([]Block(nil), bb.blocks...)}
}

// Content returns the text of the content blocks (those not marked as
// boilerplate), separated by blank lines: what reading, search, quotes and
// comparison see.
func (d Doc) Content() string {
	return ContentOf(d.Text, d.Blocks)
}

// ContentOf is Content for a text and its blocks as stored.
func ContentOf(text string, blocks []Block) string {
	if len(blocks) == 0 {
		return text
	}
	runes := []rune(text)
	var b strings.Builder
	for _, bl := range blocks {
		if bl.Boilerplate != "" || bl.Start < 0 || bl.End > len(runes) || bl.Start >= bl.End {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(string(runes[bl.Start:bl.End]))
	}
	return b.String()
}

// Valid reports whether the blocks lie inside the text, in order, without
// overlap.
func (d Doc) Valid() bool {
	n := utf8.RuneCountInString(d.Text)
	prev := 0
	for _, bl := range d.Blocks {
		if bl.Start < prev || bl.End <= bl.Start || bl.End > n {
			return false
		}
		prev = bl.End
	}
	return true
}
