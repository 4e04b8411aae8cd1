package htmlextract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"
)

// page holds what a page's markup says about itself, gathered in one pass
// over the whole tree (head included).
type page struct {
	lang      string
	metas     map[string]string   // first content of each meta name, property or itemprop, lowercased key
	multi     map[string][]string // every content of keys that may repeat (author, article:author)
	canonical string
	ogURL     string
	title     string
	h1        []string
	times     []timeElem
	bylines   []string
	itemDates map[string]string // itemprop datePublished/dateModified on elements other than <meta>
	ld        []map[string]any  // JSON-LD objects that have a @type
	ldByID    map[string]map[string]any
}

type timeElem struct {
	datetime, itemprop string
	pubdate            bool
}

// scanPage gathers page metadata. It is iterative and bounded like walk.
func scanPage(root *html.Node) *page {
	p := &page{
		metas:     map[string]string{},
		multi:     map[string][]string{},
		itemDates: map[string]string{},
		ldByID:    map[string]map[string]any{},
	}
	n := root
	for n != nil {
		descend := true
		if n.Type == html.ElementNode {
			descend = p.element(n)
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			break
		}
		n = n.NextSibling
	}
	return p
}

// element records what n says and reports whether to look inside it.
func (p *page) element(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		if v := attr(n, "lang"); v != "" {
			p.lang = v
		} else if v := attr(n, "xml:lang"); v != "" {
			p.lang = v
		}
	case atom.Meta:
		content := strings.TrimSpace(attr(n, "content"))
		if content == "" {
			return false
		}
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			key := strings.ToLower(strings.TrimSpace(attr(n, k)))
			if key == "" {
				continue
			}
			for key := range strings.FieldsSeq(key) { // property="og:title twitter:title"
				if _, ok := p.metas[key]; !ok {
					p.metas[key] = content
				}
				if key == "author" || key == "article:author" || key == "og:article:author" || key == "dc.creator" ||
					key == "parsely-author" || key == "sailthru.author" || key == "byl" {
					p.multi[key] = append(p.multi[key], content)
				}
			}
		}
		return false
	case atom.Link:
		rel := strings.ToLower(attr(n, "rel"))
		if p.canonical == "" && hasWord(rel, "canonical") {
			p.canonical = strings.TrimSpace(attr(n, "href"))
		}
		return false
	case atom.Title:
		if p.title == "" && n.Parent != nil && n.Namespace == "" {
			p.title = nodeText(n, 1000)
		}
		return false
	case atom.Script:
		typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
		if strings.HasPrefix(typ, "application/ld+json") && len(p.ld) < 200 {
			p.jsonLD(nodeText(n, 1<<20))
		}
		return false
	case atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return false
	case atom.H1:
		if len(p.h1) < 5 {
			if t := nodeText(n, 1000); t != "" {
				p.h1 = append(p.h1, t)
			}
		}
	case atom.Time:
		if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" && len(p.times) < 50 {
			_, pub := attrOK(n, "pubdate")
			p.times = append(p.times, timeElem{datetime: dt, itemprop: strings.ToLower(attr(n, "itemprop")), pubdate: pub})
		}
	}
	if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" || ip == "datemodified" {
		if _, ok := p.itemDates[ip]; !ok {
			v := attr(n, "content")
			if v == "" {
				v = attr(n, "datetime")
			}
			if v == "" {
				v = nodeText(n, 100)
			}
			p.itemDates[ip] = strings.TrimSpace(v)
		}
	}
	if len(p.bylines) < 10 && isBylineElement(n) {
		if t := nodeText(n, 200); t != "" && utf8.RuneCountInString(t) <= 150 {
			p.bylines = append(p.bylines, t)
			return false
		}
	}
	return true
}

// isBylineElement reports whether n names an author: rel="author",
// itemprop="author", or a class or id with "byline" or "author" in it (but
// not an author's biography box).
func isBylineElement(n *html.Node) bool {
	if n.DataAtom == atom.Meta || n.DataAtom == atom.Link || n.DataAtom == atom.Img {
		return false
	}
	if hasWord(strings.ToLower(attr(n, "rel")), "author") {
		return true
	}
	if ip := strings.ToLower(attr(n, "itemprop")); ip == "author" || ip == "creator" {
		return true
	}
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-testid") + " " + attr(n, "data-component"))
	if !strings.Contains(names, "byline") && !strings.Contains(names, "author") {
		return false
	}
	for _, no := range []string{"bio", "avatar", "image", "img", "photo", "about", "description", "more-by", "social", "follow", "comment", "twitter", "email"} {
		if strings.Contains(names, no) {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" || a.Namespace != "" && a.Namespace+":"+a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasWord(s, w string) bool {
	for f := range strings.FieldsSeq(s) {
		if f == w {
			return true
		}
	}
	return false
}

// nodeText returns the text inside n (scripts' text included: it is used for
// <title> and JSON-LD), whitespace collapsed, at most limit bytes.
func nodeText(n *html.Node, limit int) string {
	var b strings.Builder
	c := n.FirstChild
	for c != nil && b.Len() < limit {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		if c.Type == html.ElementNode && c.FirstChild != nil && c.DataAtom != atom.Style && c.DataAtom != atom.Script {
			c = c.FirstChild
			continue
		}
		for c != n && c.NextSibling == nil {
			c = c.Parent
		}
		if c == n {
			break
		}
		c = c.NextSibling
	}
	s := b.String()
	if len(s) > limit {
		s = s[:limit]
		s = strings.ToValidUTF8(s, "")
	}
	if n.DataAtom == atom.Script {
		return strings.TrimSpace(s)
	}
	return cleanLine(s)
}

// cleanLine collapses whitespace, drops control characters and decodes
// entities that were escaped twice ("&amp;#x27;" in the source).
func cleanLine(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		s = html.UnescapeString(s)
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u00a0' || r == '\ufeff' {
			if r == '\ufeff' {
				return -1
			}
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// jsonLD parses one JSON-LD script and records its typed objects. Invalid
// JSON is repaired when the fault is a common one (raw line breaks inside
// strings, an HTML comment or CDATA wrapper, a trailing semicolon) and
// ignored otherwise.
func (p *page) jsonLD(src string) {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		s := strings.TrimSpace(src)
		for _, w := range []string{"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"} {
			s = strings.ReplaceAll(s, w, "")
		}
		s = strings.TrimSuffix(strings.TrimSpace(s), ";")
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' {
				return ' '
			}
			return r
		}, s)
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
	}
	budget := 2000
	p.collectLD(v, 0, &budget)
}

func (p *page) collectLD(v any, depth int, budget *int) {
	if depth > 12 || *budget <= 0 {
		return
	}
	*budget--
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			p.collectLD(e, depth+1, budget)
		}
	case map[string]any:
		if _, ok := x["@type"]; ok && len(p.ld) < 500 {
			p.ld = append(p.ld, x)
		}
		if id, ok := x["@id"].(string); ok && len(x) > 1 {
			if _, dup := p.ldByID[id]; !dup {
				p.ldByID[id] = x
			}
		}
		for k, e := range x {
			if k == "articleBody" || k == "text" {
				continue
			}
			p.collectLD(e, depth+1, budget)
		}
	}
}

// ldTypes returns an object's @type values without any vocabulary prefix.
func ldTypes(o map[string]any) []string {
	var out []string
	add := func(s string) {
		if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
			s = s[i+1:]
		}
		out = append(out, s)
	}
	switch t := o["@type"].(type) {
	case string:
		add(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				add(s)
			}
		}
	}
	return out
}

func isArticleType(t string) bool {
	switch t {
	case "BlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "LiveBlogPosting", "Report",
		"Review", "Posting", "Answer", "Question", "Recipe":
		return true
	}
	return strings.HasSuffix(t, "Article")
}

// article returns the JSON-LD object describing the page's article, the
// first of an article type, or else the first WebPage.
func (p *page) article() map[string]any {
	var webPage map[string]any
	for _, o := range p.ld {
		for _, t := range ldTypes(o) {
			if isArticleType(t) {
				return o
			}
			if webPage == nil && strings.HasSuffix(t, "Page") {
				webPage = o
			}
		}
	}
	return webPage
}

// resolve follows a {"@id": ...} reference to the object it names.
func (p *page) resolve(v any) any {
	if o, ok := v.(map[string]any); ok && len(o) == 1 {
		if id, ok := o["@id"].(string); ok {
			if full, ok := p.ldByID[id]; ok {
				return full
			}
		}
	}
	return v
}

// ldString returns a string-valued property, or the first string in an
// array, or an object's name.
func (p *page) ldString(v any) string {
	switch x := p.resolve(v).(type) {
	case string:
		return cleanLine(x)
	case float64:
		return ""
	case []any:
		for _, e := range x {
			if s := p.ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"name", "@value", "@id", "url"} {
			if s, ok := x[k].(string); ok && s != "" {
				return cleanLine(s)
			}
		}
	}
	return ""
}

// ldNames returns the names of people or organisations in v.
func (p *page) ldNames(v any) []string {
	var out []string
	switch x := p.resolve(v).(type) {
	case string:
		out = append(out, x)
	case []any:
		for _, e := range x {
			out = append(out, p.ldNames(e)...)
		}
	case map[string]any:
		switch n := x["name"].(type) {
		case string:
			out = append(out, n)
		case []any:
			for _, e := range n {
				if s, ok := e.(string); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// meta returns the first of keys that has a non-empty value.
func (p *page) meta(keys ...string) string {
	for _, k := range keys {
		if v := cleanLine(p.metas[k]); v != "" {
			return v
		}
	}
	return ""
}

// metadata assembles document.Meta from what the page says, most reliable
// source first. pageURL is where the page came from, when known. It also
// returns the published time, if any, for the date extractor.
func (p *page) metadata(pageURL *url.URL) document.Meta {
	var m document.Meta
	art := p.article()
	get := func(k string) any {
		if art == nil {
			return nil
		}
		return art[k]
	}

	// URL first: it resolves relative links and names the outlet last.
	base := pageURL
	for _, c := range []string{p.canonical, p.meta("og:url"), p.ldString(get("url")), p.ldString(get("mainEntityOfPage"))} {
		if u := safeURL(c, base); u != "" {
			m.URL = u
			break
		}
	}
	if m.URL == "" && pageURL != nil {
		m.URL = safeURL(pageURL.String(), nil)
	}

	// Outlet.
	m.Outlet = p.meta("og:site_name")
	if m.Outlet == "" {
		m.Outlet = p.ldString(get("publisher"))
		if strings.HasPrefix(m.Outlet, "http") || strings.HasPrefix(m.Outlet, "#") {
			m.Outlet = ""
		}
	}
	if m.Outlet == "" {
		m.Outlet = p.meta("application-name", "al:ios:app_name", "al:android:app_name", "twitter:app:name:iphone")
	}
	if m.Outlet == "" {
		for _, o := range p.ld {
			for _, t := range ldTypes(o) {
				if t == "WebSite" && m.Outlet == "" {
					m.Outlet = p.ldString(o["name"])
				}
			}
		}
	}

	// Title: the page's visible headline when it agrees with a title in
	// the metadata, or is the page's only headline; else the metadata's.
	host := hostOf(m.URL)
	cands := []string{p.meta("og:title"), p.ldString(get("headline")), p.meta("twitter:title"), p.title}
	for i, c := range cands {
		cands[i] = stripSiteName(c, m.Outlet, host)
	}
	var headlines []string
	for _, h := range p.h1 {
		if n := len(strings.Fields(h)); n >= 3 && utf8.RuneCountInString(h) <= 300 && !isSiteName(h, m.Outlet, host) {
			headlines = append(headlines, h)
		}
	}
	for _, h := range headlines {
		for _, c := range cands {
			if titlesAgree(h, c) {
				m.Title = h
				break
			}
		}
		if m.Title != "" {
			break
		}
	}
	if m.Title == "" && len(headlines) == 1 {
		m.Title = headlines[0]
		// "Local News Brothel catering ..." : a label run into the
		// headline; the metadata's title is the clean one.
		for _, c := range cands {
			if fc := foldName(c); len(fc) >= 10 && strings.HasSuffix(foldName(m.Title), fc) {
				m.Title = c
				break
			}
		}
	}
	if m.Title == "" {
		m.Title = firstNonEmpty(append(cands, p.h1...)...)
	}
	m.Title = truncateRunes(m.Title, 500)
	if m.Outlet == "" {
		m.Outlet = outletFromTitle(cleanLine(p.title), m.Title)
	}

	// Authors.
	var authors []string
	if art != nil {
		for _, n := range p.ldNames(art["author"]) {
			authors = append(authors, splitAuthors(n)...)
		}
		if len(authors) == 0 {
			for _, n := range p.ldNames(art["creator"]) {
				authors = append(authors, splitAuthors(n)...)
			}
		}
	}
	for _, keys := range [][]string{{"author", "article:author", "og:article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"}} {
		if len(authors) > 0 {
			break
		}
		for _, k := range keys {
			for _, v := range p.multi[k] {
				authors = append(authors, splitAuthors(v)...)
			}
		}
	}
	if len(authors) == 0 {
		for _, b := range p.bylines {
			authors = append(authors, splitAuthors(b)...)
			if len(authors) > 0 {
				break
			}
		}
	}
	m.Authors = dedupe(dropOutlet(authors, m.Outlet, host), 10)

	// Dates.
	pubs := []string{p.ldString(get("datePublished")), p.ldString(get("dateCreated")),
		p.meta("article:published_time", "og:article:published_time", "datepublished", "og:published_time", "published_time",
			"publishdate", "publish-date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
			"sailthru.date", "parsely-pub-date", "article.published", "date", "citation_publication_date", "citation_date"),
		p.itemDates["datepublished"]}
	for _, t := range p.times {
		if t.itemprop == "datepublished" || t.pubdate {
			pubs = append(pubs, t.datetime)
		}
	}
	if len(p.times) > 0 {
		pubs = append(pubs, p.times[0].datetime)
	}
	for _, c := range pubs {
		if d, ok := normDate(c); ok {
			m.Published = d
			break
		}
	}
	mods := []string{p.ldString(get("dateModified")),
		p.meta("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "modified_time",
			"dcterms.modified", "last-modified", "article.updated", "lastmod"),
		p.itemDates["datemodified"]}
	for _, t := range p.times {
		if t.itemprop == "datemodified" {
			mods = append(mods, t.datetime)
		}
	}
	for _, c := range mods {
		if d, ok := normDate(c); ok {
			if d != m.Published {
				m.Updated = d
			}
			break
		}
	}

	// Language.
	for _, c := range []string{p.lang, p.meta("content-language", "dc.language", "language"), p.meta("og:locale"), p.ldString(get("inLanguage"))} {
		if l := normLang(c); l != "" {
			m.Lang = l
			break
		}
	}

	// Kind.
	m.Kind = "article"
	if art != nil {
		for _, t := range ldTypes(art) {
			switch t {
			case "BlogPosting":
				m.Kind = "blog"
			case "SocialMediaPosting", "DiscussionForumPosting":
				m.Kind = "post"
			}
		}
	}

	m.Description = truncateRunes(firstNonEmpty(p.meta("og:description"), p.meta("description"),
		p.ldString(get("description")), p.meta("twitter:description")), 2000)
	return m
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// safeURL resolves raw against base and returns it when it is an absolute
// http or https URL, else "". javascript:, data: and every other scheme are
// dropped.
func safeURL(raw string, base *url.URL) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 4096 || strings.ContainsAny(raw, " \t\n\r<>\"") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}

// hostOf returns the host name of an absolute URL without "www.".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp.", "edition.", "mobile."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}

// titleSeparators divide a page title from the site name around it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " ~ "}

// stripSiteName removes a site name from the end (or start) of a title:
// "Headline | The Outlet" becomes "Headline". A part is a site name when it
// matches the outlet or the host name, or is the short tail of a longer
// title after a "|".
func stripSiteName(title, outlet, host string) string {
	title = cleanLine(title)
	for range 3 {
		cut := false
		for _, sep := range titleSeparators {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
			if isSiteName(tail, outlet, host) || sep == " | " && len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 3 {
				title, cut = head, true
				break
			}
			j := strings.Index(title, sep)
			head, tail = strings.TrimSpace(title[:j]), strings.TrimSpace(title[j+len(sep):])
			if isSiteName(head, outlet, host) && tail != "" {
				title, cut = tail, true
				break
			}
		}
		if !cut {
			break
		}
	}
	return title
}

func isSiteName(s, outlet, host string) bool {
	f := foldName(s)
	if f == "" {
		return false
	}
	if o := foldName(outlet); o != "" && (f == o || strings.Contains(o, f) && len(f) >= 4 || strings.Contains(f, o) && len(f) <= len(o)+8) {
		return true
	}
	if host != "" {
		h := strings.ReplaceAll(host, "-", "")
		label := h
		if i := strings.Index(h, "."); i > 0 {
			label = h[:i]
		}
		if f == foldName(h) || f == label || strings.ReplaceAll(f, "the", "") == label && len(label) >= 4 {
			return true
		}
	}
	return false
}

// foldName lowercases s and keeps only letters and digits, to compare names.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	byPrefix    = regexp.MustCompile(`(?i)^\s*(written |posted |words |reporting |story |text |photos? |report(ed)? )?(by|von|par|por)[:\s]+`)
	authorStop  = regexp.MustCompile(`(?i)\s*(\||•|·|—|–|\bpublished\b|\bupdated\b|\bposted\b|\blast updated\b|\bon (mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bfirst published\b|\d{1,2}:\d{2}|\b\d{4}-\d{2}-\d{2}|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)).*$`)
	authorSplit = regexp.MustCompile(`(?i)\s*(?:,|;|&|\band\b|\+)\s*`)
	// gluedLabel finds a date label run into the name before it
	// ("Roshni TamtaFirst Published").
	gluedLabel    = regexp.MustCompile(`(\p{Ll})(First Published|Published|Updated|Posted|Last Updated)\b`)
	emailOrHandle = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+|@\w+`)
	authorRole    = regexp.MustCompile(`(?i)\s+(for|in|at|from)\s+(the\s+)?[A-Z].*$|,?\s+(staff writer|senior writer|reporter|correspondent|contributor|editor|columnist)$`)
)

// splitAuthors turns a byline into names: it drops "By", roles after a name
// ("for The Mail on Sunday"), dates that follow, URLs and handles, and
// splits "A and B" and "A, B".
func splitAuthors(s string) []string {
	s = unglueBy(cleanLine(s))
	if s == "" || strings.Contains(s, "://") && !strings.Contains(s, " ") {
		return nil
	}
	s = gluedLabel.ReplaceAllString(s, "$1 $2")
	s = emailOrHandle.ReplaceAllString(s, " ")
	s = byPrefix.ReplaceAllString(s, "")
	s = authorStop.ReplaceAllString(s, "")
	var out []string
	for _, part := range authorSplit.Split(s, -1) {
		part = strings.TrimSpace(authorRole.ReplaceAllString(part, ""))
		part = strings.Trim(part, " .,:;-–—|/")
		part = byPrefix.ReplaceAllString(part, "")
		if !plausibleName(part) {
			continue
		}
		out = append(out, part)
	}
	return out
}

// plausibleName rejects what is not a person's or organisation's name: URLs,
// e-mail addresses, handles, long phrases and strings without letters.
func plausibleName(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 80 || len(strings.Fields(s)) > 6 {
		return false
	}
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "@") ||
		strings.HasSuffix(strings.ToLower(s), ".com") || strings.ContainsAny(s, "{}<>=") {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	switch strings.ToLower(s) {
	case "admin", "staff", "by", "author", "authors", "unknown", "null", "none", "undefined", "anonymous", "editor", "editors",
		"no author", "noauthor", "no byline", "guest":
		return false
	}
	return true
}

func dedupe(names []string, limit int) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		k := foldName(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
		if len(out) == limit {
			break
		}
	}
	return out
}

// normLang returns a BCP 47 tag for a language attribute ("en_US",
// "en-us", "EN") or "" when it is not one.
func normLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	if s == "" || len(s) > 35 {
		return ""
	}
	t, err := language.Parse(s)
	if err != nil || t == language.Und {
		return ""
	}
	return t.String()
}

// Date layouts, with a time zone and without one.
var (
	zonedLayouts = []string{
		time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05-0700", "2006-01-02T15:04-0700",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05-0700",
		"2006-01-02T15:04:05 -0700", "2006-01-02T15:04:05-07", time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700",
		"2 Jan 2006 15:04:05 -0700", time.RubyDate,
	}
	namedZoneLayouts = []string{time.RFC1123, "Mon, 2 Jan 2006 15:04:05 MST", time.RFC850, time.UnixDate,
		"2006-01-02 15:04:05 MST", "2006-01-02T15:04:05 MST", "January 2, 2006 15:04 MST", "Jan 2, 2006 15:04 MST"}
	localLayouts = []string{
		"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		"2006/01/02 15:04:05", "2006/01/02", "20060102", "January 2, 2006", "Jan 2, 2006", "2 January 2006",
		"2 Jan 2006", "Monday, January 2, 2006", "Mon, Jan 2, 2006", "January 2, 2006 3:04 PM", "Jan. 2, 2006",
		time.ANSIC, "2006-01", "2006",
	}
)

// normDate formats a machine-readable date the way document.Meta wants it:
// RFC 3339 with the source's offset when it gives a time and a zone, else the
// date alone ("2024-04-03"). It returns false for anything it cannot read
// or that is not a plausible publication date.
func normDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	plausible := func(t time.Time) bool { return t.Year() >= 1800 && t.Year() <= 2200 }
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil && plausible(t) {
			return t.Truncate(time.Second).Format(time.RFC3339), true
		}
	}
	for _, l := range namedZoneLayouts {
		if t, err := time.Parse(l, s); err == nil && plausible(t) {
			if name, off := t.Zone(); off == 0 && (name == "UTC" || name == "GMT" || name == "Z") {
				return t.UTC().Truncate(time.Second).Format(time.RFC3339), true
			}
			return t.Format("2006-01-02"), true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.Parse(l, s); err == nil && plausible(t) {
			switch l {
			case "2006-01":
				return t.Format("2006-01"), true
			case "2006":
				return t.Format("2006"), true
			}
			return t.Format("2006-01-02"), true
		}
	}
	// Fractional seconds in a local time, or a zone Go's layouts miss.
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil && plausible(t) {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// metaDateTime converts Meta's date string to a time for the date extractor.
func metaDateTime(s string) (time.Time, bool) {
	for _, l := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// titlesAgree reports whether two titles are the same but for case,
// punctuation, or one being cut short ("...").
func titlesAgree(a, b string) bool {
	fa, fb := foldName(a), foldName(b)
	if fa == "" || fb == "" {
		return false
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	return fa == fb || strings.HasPrefix(fb, fa) && len(fa)*10 >= len(fb)*7
}

// dropOutlet removes the outlet from a list of authors ("Rob Picheta,
// CNN"), unless it is the only name.
func dropOutlet(names []string, outlet, host string) []string {
	var out []string
	for _, n := range names {
		if !isSiteName(n, outlet, host) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return names
	}
	return out
}

// unglueBy separates a "By" run into the name that follows it
// ("ByJ.R. Stone"), which happens when the two are in separate inline
// elements without a space.
func unglueBy(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 3 && (strings.HasPrefix(s, "By") || strings.HasPrefix(s, "BY")) {
		r, _ := utf8.DecodeRuneInString(s[2:])
		if unicode.IsUpper(r) && !(s[1] == 'Y' && r == 'Y') {
			return s[:2] + " " + s[2:]
		}
	}
	return s
}

// outletFromTitle returns the site name a <title> adds to the headline
// ("Headline - Gazette"), or "".
func outletFromTitle(full, headline string) string {
	if headline == "" {
		return ""
	}
	for _, sep := range titleSeparators {
		i := strings.LastIndex(full, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(full[:i]), strings.TrimSpace(full[i+len(sep):])
		if titlesAgree(head, headline) && tail != "" && len(strings.Fields(tail)) <= 5 {
			return tail
		}
	}
	return ""
}
