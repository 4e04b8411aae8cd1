package htmlextract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// Limits on what one page may produce. Text past them is left out of the
// Doc (the original bytes are kept by the caller), never an error.
const (
	// MaxText is the most text, in bytes, a Doc holds.
	MaxText = 2 << 20
	// MaxBlocks is the most blocks a Doc holds.
	MaxBlocks = 50_000
)

// block is one visible text block of the page, in document order.
type block struct {
	kind  string
	level int
	text  string
	// hint is the boilerplate reason the block's ancestry suggests
	// (a <nav>, a class="newsletter" box), or "".
	hint string
	// hintDist is how many elements up the hint was found: 0 for the
	// block's own element. Hints from far up are often page layout
	// ("l-sidebar-fixed" around a whole article).
	hintDist int
	// byline is set when the block is inside an element marked as a byline,
	// author or date line.
	byline bool
	// linkRunes counts the characters of text inside links; a block that is
	// mostly links is navigation more often than prose.
	linkRunes int
	runes     int
}

// frame is what the walk knows about an open element.
type frame struct {
	block  bool // a block-level element: text before and after it is a separate block
	kind   string
	level  int
	lists  int // enclosing <ul>, <ol> and <menu> elements
	hint   string
	hintAt int // stack depth of the element that gave the hint
	byline bool
	pre    bool
	link   bool
	button bool
}

// walker turns a DOM into blocks. It is iterative, so no nesting depth can
// exhaust the stack.
type walker struct {
	stack  []frame
	blocks []block

	run       strings.Builder // text of the block being assembled
	space     bool            // whitespace is pending before the next character
	runHint   string
	runDist   int
	runByline bool
	runLinks  int
	runStart  bool // run has received text (hint and byline are set)

	textBytes int
	full      bool // a limit was reached; the rest of the page is left out

	scripts  int // script-like elements seen (script, style, template, noscript)
	elements int
}

// walk returns the visible text blocks of the document rooted at root.
func walk(root *html.Node) *walker {
	w := &walker{stack: make([]frame, 0, 64)}
	w.stack = append(w.stack, frame{block: true, kind: document.Paragraph})
	n := root.FirstChild
	if n == nil {
		w.flush()
		return w
	}
	for !w.full {
		if w.enter(n) {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			w.leave()
		}
		for n.NextSibling == nil {
			n = n.Parent
			if n == root || n == nil {
				w.flush()
				return w
			}
			w.leave()
		}
		n = n.NextSibling
	}
	return w
}

// skipped elements never show their content as text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Head: true, atom.Title: true, atom.Select: true,
	atom.Datalist: true, atom.Textarea: true, atom.Option: true, atom.Optgroup: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Frameset: true,
	atom.Frame: true, atom.Noframes: true, atom.Input: true, atom.Img: true,
	atom.Picture: true, atom.Source: true, atom.Track: true, atom.Param: true,
	atom.Link: true, atom.Meta: true, atom.Base: true, atom.Button: false,
}

// blockTags are elements whose content is laid out as separate blocks.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Legend: true, atom.Li: true, atom.Listing: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Plaintext: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Caption: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true,
	atom.Xmp: true, atom.Search: true,
}

// enter handles a node when the walk reaches it and reports whether it
// pushed a frame (and so wants its children and a matching leave).
func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return false
	case html.ElementNode:
	default:
		return false
	}
	w.elements++
	a := n.DataAtom
	if a == 0 && n.Namespace == "" {
		// Trees built by code (the content extractor's output) often
		// leave DataAtom unset.
		a = atom.Lookup([]byte(strings.ToLower(n.Data)))
	}
	if n.Namespace == "svg" || n.Namespace == "math" && a == atom.Annotation {
		return false
	}
	if skipped[a] {
		if a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript {
			w.scripts++
		}
		return false
	}
	if a == atom.Br {
		w.lineBreak()
		return false
	}
	if a == atom.Button {
		// Buttons are laid out apart from the text around them.
		w.space = w.run.Len() > 0
	}
	if hidden(n) {
		return false
	}
	parent := &w.stack[len(w.stack)-1]
	f := frame{
		block:  blockTags[a],
		kind:   parent.kind,
		level:  parent.level,
		lists:  parent.lists,
		hint:   parent.hint,
		hintAt: parent.hintAt,
		byline: parent.byline,
		pre:    parent.pre,
		link:   parent.link || a == atom.A,
		button: a == atom.Button,
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		f.kind, f.level = document.Heading, int(n.Data[1]-'0')
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		f.kind, f.level, f.pre = document.Pre, 0, true
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		f.lists++
	case atom.Li:
		f.kind, f.level = document.Item, max(f.lists, 1)
	case atom.Blockquote:
		f.kind, f.level = document.Quote, 0
	case atom.Figcaption, atom.Caption:
		f.kind, f.level = document.Caption, 0
	case atom.Td, atom.Th, atom.Dd, atom.Dt:
		if f.kind == document.Item {
			break
		}
		f.kind, f.level = document.Paragraph, 0
	}
	if h, by := elementHint(n, parent.hint); h != "" || by {
		if h != "" {
			f.hint, f.hintAt = h, len(w.stack)
		}
		f.byline = f.byline || by
	}
	if f.block {
		w.flush()
	}
	w.stack = append(w.stack, f)
	return true
}

// leave closes the innermost open element.
func (w *walker) leave() {
	f := w.stack[len(w.stack)-1]
	if f.block {
		w.flush()
	} else if f.button {
		w.space = w.run.Len() > 0
	}
	if len(w.stack) > 1 {
		w.stack = w.stack[:len(w.stack)-1]
	}
}

// hidden reports whether an element is not rendered: the hidden attribute,
// aria-hidden="true", an inline display:none or visibility:hidden, or a
// closed <dialog>.
func hidden(n *html.Node) bool {
	open := false
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if styleHides(a.Val) {
				return true
			}
		case "open":
			open = true
		}
	}
	return n.DataAtom == atom.Dialog && !open
}

func styleHides(style string) bool {
	if !strings.Contains(style, "none") && !strings.Contains(style, "hidden") {
		return false
	}
	for decl := range strings.SplitSeq(strings.ToLower(style), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
		if k == "display" && v == "none" || k == "visibility" && v == "hidden" {
			return true
		}
	}
	return false
}

// text appends a text node's content to the current run, collapsing
// whitespace outside preformatted blocks.
func (w *walker) text(s string) {
	if w.full {
		return
	}
	f := &w.stack[len(w.stack)-1]
	if !w.runStart {
		if strings.TrimSpace(s) == "" {
			if w.run.Len() > 0 {
				w.space = true
			}
			return
		}
		w.runStart = true
		w.runHint, w.runByline = f.hint, f.byline
		w.runDist = len(w.stack) - 1 - f.hintAt
	}
	if f.pre {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\t", "    ")
		if w.space && w.run.Len() > 0 {
			w.run.WriteByte(' ')
		}
		w.space = false
		w.run.WriteString(s)
		if f.link {
			w.runLinks += utf8.RuneCountInString(s)
		}
		return
	}
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if w.run.Len() > 0 {
				w.space = true
			}
			continue
		}
		if w.space {
			if last := w.lastByte(); last != '\n' && last != 0 {
				w.run.WriteByte(' ')
			}
			w.space = false
		}
		w.run.WriteRune(r)
		if f.link {
			w.runLinks++
		}
	}
}

func (w *walker) lastByte() byte {
	n := w.run.Len()
	if n == 0 {
		return 0
	}
	return w.run.String()[n-1]
}

// lineBreak handles <br>: a line break inside the current block.
func (w *walker) lineBreak() {
	if w.full || w.run.Len() == 0 {
		return
	}
	w.run.WriteByte('\n')
	w.space = false
}

// flush ends the current run, adding it as one block, or as several when
// blank lines (<br><br>) separate paragraphs inside it.
func (w *walker) flush() {
	raw := w.run.String()
	hint, dist, byline, links := w.runHint, w.runDist, w.runByline, w.runLinks
	w.run.Reset()
	w.space, w.runStart, w.runHint, w.runByline, w.runLinks = false, false, "", false, 0
	if strings.TrimSpace(raw) == "" || w.full {
		return
	}
	f := &w.stack[len(w.stack)-1]
	var parts []string
	if f.pre {
		parts = []string{strings.Trim(raw, "\n")}
	} else {
		parts = splitParagraphs(raw)
	}
	total := max(utf8.RuneCountInString(raw), 1)
	for _, p := range parts {
		p = cleanText(p, f.pre)
		if p == "" {
			continue
		}
		if len(w.blocks) >= MaxBlocks || w.textBytes+len(p) > MaxText {
			w.full = true
			return
		}
		n := utf8.RuneCountInString(p)
		w.textBytes += len(p) + 2
		w.blocks = append(w.blocks, block{
			kind: f.kind, level: f.level, text: p,
			hint: hint, hintDist: dist, byline: byline,
			linkRunes: links * n / total, runes: n,
		})
	}
}

// splitParagraphs splits text at blank lines.
func splitParagraphs(s string) []string {
	if !strings.Contains(s, "\n\n") {
		return []string{s}
	}
	var parts []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// cleanText makes block text safe to store: NFC, no control characters but
// "\n", no-break spaces as spaces, no spaces at line ends and, outside
// preformatted text, no runs of spaces or blank lines.
func cleanText(s string, pre bool) string {
	if isClean(s, pre) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case r == '\u00a0' || r == '\t':
			r = ' '
		case r == '\ufeff' || r == '\ufffe' || r == '\uffff' || r != '\n' && unicode.IsControl(r):
			continue
		}
		switch {
		case r == ' ' && !pre:
			space = true
			continue
		case r == '\n':
			space = false
			b.WriteByte('\n')
			continue
		case space:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if strings.Contains(out, "\n") {
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		out = strings.Join(lines, "\n")
		if !pre {
			for strings.Contains(out, "\n\n") {
				out = strings.ReplaceAll(out, "\n\n", "\n")
			}
		}
	}
	out = strings.Trim(out, " \n")
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// isClean reports whether cleanText would return s unchanged, the common
// case, without building a copy.
func isClean(s string, pre bool) bool {
	if s == "" || s[0] == ' ' || s[0] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
		return false
	}
	if strings.Contains(s, "\n") || !pre && strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if r < ' ' || r >= 0x7f && r <= 0x9f || r == '\u00a0' || r == '\ufeff' || r == '\u2028' || r == '\u2029' ||
			r == '\ufffe' || r == '\uffff' {
			return false
		}
	}
	return norm.NFC.IsNormalString(s)
}
