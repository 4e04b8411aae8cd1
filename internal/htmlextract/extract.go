package htmlextract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"sourcebook/internal/document"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// MaxBytes is the largest page HTML and MHTML accept unless
// Options.MaxBytes says otherwise.
const MaxBytes = 50 << 20

// Pages with more text or elements than these skip the content extractor
// (see extract); a long news article has about 60 KB of text.
const (
	maxExtractorText     = 384 << 10
	maxExtractorElements = 60_000
)

// Extractor names for Doc.Extractor.
const (
	// ExtractorTrafilatura: go-trafilatura (with its go-readability and
	// go-domdistiller fallbacks) chose the main content.
	ExtractorTrafilatura = "trafilatura"
	// ExtractorFallback: the content extractor failed or found nothing, so
	// only blocks whose markup or wording clearly marks them (menus,
	// cookie banners, share buttons...) are boilerplate.
	ExtractorFallback = "fallback"
	// ExtractorJSONLD: the page shows only part of its article (the rest
	// is rendered by scripts), so the article text comes from the
	// articleBody of its JSON-LD metadata.
	ExtractorJSONLD = "json-ld"
)

// Options tell HTML what is known about a page besides its bytes.
type Options struct {
	// URL is the page's address when known (where it was fetched from, or
	// an MHTML file's Content-Location). It resolves relative links and is
	// the fallback for Meta.URL.
	URL string
	// ContentType is an HTTP Content-Type header when known; its charset
	// wins over what the page declares.
	ContentType string
	// MaxBytes is the size limit; 0 means [MaxBytes].
	MaxBytes int64
}

// HTML extracts a saved web page: every visible text block in document
// order, the main article's blocks as content and the rest marked as
// boilerplate with a reason, and the page's metadata. Text is plain UTF-8
// in NFC; nothing of the page's markup, scripts or styles is in it.
//
// Errors are *Error wrapping ErrTooLarge (over the size limit), ErrEmpty
// (no bytes), ErrNotHTML (binary data, such as an image renamed .html) or
// ErrNoText (no visible text; the message says when the page is all
// scripts). Malformed, truncated or deeply nested markup is not an error.
func HTML(data []byte, opts Options) (doc document.Doc, err error) {
	defer recoverInternal(&doc, &err)
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = MaxBytes
	}
	if int64(len(data)) > limit {
		return document.Doc{}, tooLarge(int64(len(data)), limit)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return document.Doc{}, errEmpty
	}
	if e := sniffBinary(data); e != nil {
		return document.Doc{}, e
	}
	src := decode(data, opts.ContentType)
	root := parse(src)
	return extract(root, opts)
}

// recoverInternal turns a panic into an internal error (not an *Error, so
// callers log it rather than show it): one bad page must not stop an import
// of a thousand.
func recoverInternal(doc *document.Doc, err *error) {
	if r := recover(); r != nil {
		*doc = document.Doc{}
		*err = fmt.Errorf("htmlextract: internal error: %v", r)
	}
}

// parse parses an HTML document. The parser refuses markup nested more than
// 512 elements deep; such a page is flattened (elements below a depth are
// dropped, their text kept) and parsed again.
func parse(src string) *html.Node {
	root, err := html.Parse(strings.NewReader(src))
	if err == nil {
		return root
	}
	for _, depth := range []int{200, 100, 50} {
		if root, err = html.Parse(strings.NewReader(flatten(src, depth))); err == nil {
			return root
		}
	}
	// Keep only the text.
	root, _ = html.Parse(strings.NewReader(html.EscapeString(textOnly(src))))
	return root
}

// voidElements have no end tag and never nest.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// flatten re-serialises src without the start and end tags of elements
// nested deeper than depth.
func flatten(src string, depth int) string {
	type open struct {
		name    string
		dropped bool
	}
	var out strings.Builder
	out.Grow(len(src))
	var stack []open
	kept := 0
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				out.Write(raw)
				continue
			}
			drop := kept >= depth
			stack = append(stack, open{string(name), drop})
			if drop {
				continue
			}
			kept++
		case html.EndTagToken:
			name, _ := z.TagName()
			k := len(stack) - 1
			for k >= 0 && stack[k].name != string(name) {
				k--
			}
			if k >= 0 {
				dropped := stack[k].dropped
				for _, o := range stack[k:] {
					if !o.dropped {
						kept--
					}
				}
				stack = stack[:k]
				if dropped {
					continue
				}
			}
		}
		out.Write(raw)
	}
}

// textOnly returns the text tokens of src.
func textOnly(src string) string {
	var out strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.String()
		case html.TextToken:
			out.Write(z.Text())
			out.WriteByte('\n')
		}
	}
}

// extract builds the Doc of a parsed page.
func extract(root *html.Node, opts Options) (document.Doc, error) {
	w := walk(root)
	if len(w.blocks) == 0 {
		if w.scripts > 0 {
			return document.Doc{}, errAllScripts
		}
		return document.Doc{}, errNoText
	}
	base := baseURL(opts.URL)
	pg := scanPage(root)
	meta := pg.metadata(base)

	// The content extractor runs last: it may rearrange the tree. Its time
	// grows with the square of a page's text, so very long pages (a whole
	// book on one page, a data dump) are marked by their markup alone.
	var content, comments []block
	var tmeta trafilatura.Metadata
	ok := false
	if w.textBytes <= maxExtractorText && w.elements <= maxExtractorElements {
		content, comments, tmeta, ok = mainContent(root, base, meta)
	}
	fillMeta(&meta, tmeta, ok)

	doc := document.Doc{Meta: meta, Extractor: ExtractorTrafilatura}
	blocks := w.blocks
	isContent, isComment, aligned := markContent(blocks, content, comments)
	if !ok || !aligned {
		doc.Extractor = ExtractorFallback
	}
	reasons := classify(blocks, isContent, isComment, doc.Extractor == ExtractorFallback, &meta)
	if at, body, ok := articleBody(pg, blocks, reasons); ok {
		// The page's own text is a fraction of the article its structured
		// data holds (a page rendered by scripts, or cut short): put the
		// article in, where the article starts, and mark the page's copies
		// of its paragraphs as boilerplate.
		doc.Extractor = ExtractorJSONLD
		merged := make([]block, 0, len(blocks)+len(body))
		mreasons := make([]string, 0, len(blocks)+len(body))
		merged = append(append(append(merged, blocks[:at]...), body...), blocks[at:]...)
		mreasons = append(append(append(mreasons, reasons[:at]...), make([]string, len(body))...), reasons[at:]...)
		blocks, reasons = merged, mreasons
	}
	if doc.Extractor != ExtractorFallback {
		markIslands(blocks, reasons)
		keepProvenance(blocks, reasons)
	}
	var bb document.Builder
	for i, b := range blocks {
		level := 0
		if b.kind == document.Heading || b.kind == document.Item {
			level = b.level
		}
		bb.Add(b.kind, level, b.text, reasons[i])
	}
	built := bb.Doc()
	doc.Text, doc.Blocks = built.Text, built.Blocks
	if strings.TrimSpace(doc.Text) == "" {
		return document.Doc{}, errNoText
	}
	return doc, nil
}

// baseURL parses an http(s) page address, or returns nil.
func baseURL(raw string) *url.URL {
	if s := safeURL(raw, nil); s != "" {
		u, _ := url.Parse(s)
		return u
	}
	return nil
}

// tuneOptions lets the evaluation try other settings.
var tuneOptions func(*trafilatura.Options)

// trafilaturaOptions are chosen for the measured balance of precision and
// recall (see eval.go): fallback extractors on, comments extracted
// separately (they label comment blocks), tables kept.
func trafilaturaOptions(base *url.URL, meta document.Meta) trafilatura.Options {
	o := trafilatura.Options{
		OriginalURL:    base,
		EnableFallback: true,
		Focus:          trafilatura.Balanced,
		HtmlDateMode:   trafilatura.Fast,
	}
	if tuneOptions != nil {
		tuneOptions(&o)
	}
	if t, ok := metaDateTime(meta.Published); ok {
		// The page states its date; spare the date extractor's search.
		o.HtmlDateOverride = &htmldate.Result{DateTime: t, HasTime: true}
	}
	return o
}

// mainContent runs the content extractor and returns the text blocks of its
// main content and comments, and its metadata. ok is false when it failed,
// panicked or found nothing.
func mainContent(root *html.Node, base *url.URL, meta document.Meta) (content, comments []block, tm trafilatura.Metadata, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			content, comments, tm, ok = nil, nil, trafilatura.Metadata{}, false
		}
	}()
	res, err := trafilatura.ExtractDocument(root, trafilaturaOptions(base, meta))
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, nil, trafilatura.Metadata{}, false
	}
	content = walk(res.ContentNode).blocks
	if res.CommentsNode != nil {
		comments = walk(res.CommentsNode).blocks
	}
	return content, comments, res.Metadata, len(content) > 0
}

// fillMeta completes what the page's own markup did not say with the
// content extractor's findings.
func fillMeta(m *document.Meta, t trafilatura.Metadata, ok bool) {
	if !ok {
		return
	}
	if m.Title == "" {
		m.Title = truncateRunes(stripSiteName(t.Title, m.Outlet, hostOf(m.URL)), 500)
	}
	if len(m.Authors) == 0 && t.Author != "" {
		var names []string
		for a := range strings.SplitSeq(t.Author, ";") {
			names = append(names, splitAuthors(a)...)
		}
		m.Authors = dedupe(names, 10)
	}
	if m.Outlet == "" {
		m.Outlet = cleanLine(t.Sitename)
	}
	if m.Published == "" && !t.Date.IsZero() && t.Date.Year() >= 1800 {
		m.Published = t.Date.Format("2006-01-02")
	}
	if m.Lang == "" {
		m.Lang = normLang(t.Language)
	}
	if m.Description == "" {
		m.Description = truncateRunes(cleanLine(t.Description), 2000)
	}
	if m.Outlet == "" {
		m.Outlet = hostOf(m.URL)
	}
}

// markContent decides which blocks the content extractor kept, by aligning
// their words with its text (see align.go). aligned is false when the
// alignment explains too little of the extractor's text to be trusted.
func markContent(blocks, content, comments []block) (isContent, isComment []bool, aligned bool) {
	isContent = make([]bool, len(blocks))
	isComment = make([]bool, len(blocks))
	if len(content) == 0 {
		return isContent, isComment, false
	}
	v := newVocab()
	var page []int32
	starts := make([]int, len(blocks)+1)
	for i, b := range blocks {
		starts[i] = len(page)
		page = v.tokens(b.text, page)
	}
	starts[len(blocks)] = len(page)
	var want []int32
	for _, b := range content {
		want = v.tokens(b.text, want)
	}
	var cwant []int32
	for _, b := range comments {
		cwant = v.tokens(b.text, cwant)
	}
	matched := align(page, want, len(v.ids))
	var cmatched []bool
	if len(cwant) > 0 {
		cmatched = align(page, cwant, len(v.ids))
	}
	hits := 0
	for i := range blocks {
		n, in, cin := starts[i+1]-starts[i], 0, 0
		for k := starts[i]; k < starts[i+1]; k++ {
			if matched[k] {
				in++
			}
			if cmatched != nil && cmatched[k] {
				cin++
			}
		}
		hits += in
		if n == 0 {
			continue
		}
		isContent[i] = in*2 >= n
		isComment[i] = !isContent[i] && cin*2 >= n
	}
	// Blocks without words (a lone dash, an emoji) follow their neighbours.
	for i := range blocks {
		if starts[i+1] > starts[i] {
			continue
		}
		prev, next := false, false
		for k := i - 1; k >= 0; k-- {
			if starts[k+1] > starts[k] {
				prev = isContent[k]
				break
			}
		}
		for k := i + 1; k < len(blocks); k++ {
			if starts[k+1] > starts[k] {
				next = isContent[k]
				break
			}
		}
		isContent[i] = prev && next
	}
	return isContent, isComment, len(want) > 0 && hits*2 >= len(want)
}

// articleBody returns the paragraphs of the JSON-LD articleBody, and where
// to insert them, when the page shows almost none of it (under a tenth: a
// page its scripts would render). A page that shows part of its article
// keeps what it shows: the articleBody of such pages also carries teasers
// and related links (measured on trafilatura-eval). It
// marks the page's content blocks that the articleBody repeats as
// boilerplate.
func articleBody(pg *page, blocks []block, reasons []string) (at int, body []block, ok bool) {
	art := pg.article()
	if art == nil {
		return 0, nil, false
	}
	src, _ := art["articleBody"].(string)
	if len(src) < 1000 {
		return 0, nil, false
	}
	body = textBlocks(src)
	bodyRunes, contentRunes := 0, 0
	for _, b := range body {
		bodyRunes += b.runes
	}
	for i, b := range blocks {
		if reasons[i] == "" {
			contentRunes += b.runes
		}
	}
	if contentRunes*10 >= bodyRunes*1 {
		return 0, nil, false
	}
	// Which page blocks does the articleBody repeat?
	v := newVocab()
	var page, want []int32
	starts := make([]int, len(blocks)+1)
	for i, b := range blocks {
		starts[i] = len(page)
		page = v.tokens(b.text, page)
	}
	starts[len(blocks)] = len(page)
	for _, b := range body {
		want = v.tokens(b.text, want)
	}
	matched := align(page, want, len(v.ids))
	at = -1
	for i := range blocks {
		n, in := starts[i+1]-starts[i], 0
		for k := starts[i]; k < starts[i+1]; k++ {
			if matched[k] {
				in++
			}
		}
		if n > 0 && in*2 >= n && reasons[i] == "" {
			reasons[i] = document.Other
			if at < 0 {
				at = i
			}
		}
		if reasons[i] == document.Metadata && blocks[i].kind == document.Heading && at < 0 {
			at = i + 1 // after the title
		}
	}
	if at < 0 {
		at = len(blocks)
		for i := range blocks {
			if reasons[i] == "" {
				at = i
				break
			}
		}
	}
	return at, body, len(body) > 0
}

// textBlocks splits text from structured data into paragraph blocks. Some
// sites put HTML in it; that is parsed for its text like a page.
func textBlocks(src string) []block {
	if strings.Contains(src, "</") || strings.Contains(src, "<p") || strings.Contains(src, "<br") {
		return walk(parse("<!DOCTYPE html><body>" + src)).blocks
	}
	if strings.Contains(src, "&") {
		src = html.UnescapeString(src)
	}
	var out []block
	for line := range strings.SplitSeq(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		t := cleanText(strings.Join(strings.Fields(line), " "), false)
		if t == "" {
			continue
		}
		out = append(out, block{kind: document.Paragraph, text: t, runes: utf8.RuneCountInString(t)})
	}
	return out
}
