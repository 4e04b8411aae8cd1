package textextract

import (
	"strings"

	"sourcebook/internal/document"
)

// analysis runs the rules over the units of one text and gathers metadata.
type analysis struct {
	units    []*unit
	markdown bool
	meta     document.Meta

	body, last int // the first and the last paragraph of prose

	bylines  map[int]byline     // unit index → its byline
	dates    map[int]dateResult // unit index → the date line it is
	fragment map[int]bool       // marked only for being a short line in the tail
}

// analyze marks the boilerplate and the structure of units and returns the
// metadata it found; meta holds what is already known (Markdown front
// matter), which wins over what the text says.
func analyze(units []*unit, markdown bool, meta document.Meta) document.Meta {
	a := &analysis{
		units: units, markdown: markdown, meta: meta,
		bylines: map[int]byline{}, dates: map[int]dateResult{}, fragment: map[int]bool{},
	}
	for _, u := range units {
		if !u.code {
			u.analyze()
		}
	}
	for i, u := range units {
		if !u.code && u.reason == "" {
			a.classify(i, u)
		}
	}
	a.headline()
	body, ok := a.bodyStart()
	if ok {
		a.head(body)
		a.related()
		a.tail(body)
		a.sandwich(body)
	}
	a.body, a.last = body, a.lastProse(1)
	a.embeds()
	if !markdown {
		a.headings()
	}
	a.collectMeta()
	if a.meta.Kind == "" {
		a.meta.Kind = "article"
	}
	return a.meta
}

// classify applies the rules that need only the line itself.
func (a *analysis) classify(i int, u *unit) {
	set := func(reason string) { u.reason = reason }
	switch {
	case !u.letters:
		set(document.Other) // a rule, a row of stars, a lone bullet
		return
	case u.sig:
		return // an embedded post's signature: content; embeds() marks it
	}
	key := labelKey(u.norm)
	if r, ok := labels[key]; ok {
		set(r)
		return
	}
	if countLine.MatchString(key) {
		set(document.Widget)
		return
	}
	if readingTime.MatchString(key) {
		set(document.Metadata)
		return
	}
	if p, ok := matchPrefix(u.norm, u.n()); ok {
		if p.kind == document.Caption {
			a.caption(u, p)
			return
		}
		set(p.reason)
		return
	}
	if m := matchOutletTitle(u.plain); m != nil {
		// The same form as the first line, inside the text: the site's
		// image titles ("TechDogs-"Alt-text: An Image Of …"").
		inner := normalize(m[2])
		if p, ok := matchPrefix(inner, len(splitWords(inner))); ok && p.kind == document.Caption {
			set(document.Other)
			if !u.marked {
				u.kind = document.Caption
			}
			return
		}
	}
	if photoCredit.MatchString(strings.TrimSpace(u.plain)) && u.n() <= 80 {
		// A caption with its photo credit: visible on the page, so
		// content, but of its own kind.
		if !u.marked {
			u.kind = document.Caption
		}
		if u.n() <= 6 {
			set(document.Other) // the credit alone
		}
		return
	}
	if strings.HasSuffix(strings.TrimSpace(u.plain), ":") && u.n() <= 6 {
		for _, w := range u.words {
			if w == "more" || w == "also" || w == "related" || w == "read" || w == "see" {
				set(document.Related) // "Also on HuffPost:", "Read more about:"
				return
			}
		}
	}
	if u.n() <= 20 && readAt.MatchString(strings.TrimSpace(u.plain)) {
		set(document.Promo)
		return
	}
	if b, ok := parseByline(u.plain); u.n() <= 25 && ok {
		a.bylines[i] = b
		set(document.Metadata)
		return
	}
	if key == "by" {
		set(document.Metadata) // "By" alone; the name follows
		return
	}
	if u.n() <= 14 {
		if d, ok := parseDate(u.plain); ok && (d.precision >= 3 || d.precision == 2 && d.label != "") {
			a.dates[i] = d
			set(document.Metadata)
			return
		}
	}
	if r := matchPhrase(u.words, anywhere); r != "" {
		set(r)
		return
	}
	if allSocial(u.words) {
		set(document.Share)
		return
	}
	if u.n() <= 12 && u.title && strings.ContainsAny(u.plain, ">»›|") && breadcrumb.MatchString(strings.TrimSpace(u.plain)) {
		set(document.Navigation)
		return
	}
	if cookieBanner(u) {
		set(document.Cookie)
	}
}

// caption marks a line that a caption prefix opens. Image alt text and a
// credit alone ("Photo: Reuters", "Image copyright Getty Images") are
// boilerplate: the page shows an image there, not this text. A caption
// ("Image caption The tram derailed near an underpass", "Open this photo in
// gallery A cyclist rides by…") is content, of kind caption.
func (a *analysis) caption(u *unit, p prefix) {
	if !u.marked {
		u.kind = document.Caption
	}
	rest := u.norm
	if i := strings.LastIndex(rest, "image caption"); i >= 0 {
		rest = rest[i+len("image caption"):]
	} else {
		rest = strings.TrimLeft(rest, "([ ")[len(p.text):]
	}
	if p.text == "alt-text" || p.text == "alt text" || len(splitWords(rest)) < 6 {
		u.reason = document.Other
	}
}

// cookieBanner reports whether u is a cookie or consent notice.
func cookieBanner(u *unit) bool {
	if u.n() > 80 || !containsSeq(u.words, []string{"cookies"}) && !containsSeq(u.words, []string{"cookie"}) {
		return false
	}
	for _, p := range []string{"we use", "accept", "consent", "settings", "preferences", "this site", "this website", "our site", "privacy policy"} {
		if containsSeq(u.words, strings.Fields(p)) {
			return true
		}
	}
	return false
}

// headline finds the title: an "Outlet-"Headline"" first line, the line
// after a first-line URL, the Markdown # heading, or the first headline-like
// line before the body. The title line and its repeats are metadata.
func (a *analysis) headline() {
	first := -1
	for i, u := range a.units {
		if !u.code {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	u := a.units[first]
	plain := strings.TrimSpace(u.plain)
	if m := matchOutletTitle(plain); m != nil && u.reason == "" && a.outletTitleSure(m) {
		if a.meta.Title == "" {
			a.meta.Title = strings.TrimSpace(m[2])
		}
		if a.meta.Outlet == "" {
			a.meta.Outlet = strings.TrimSpace(m[1])
		}
		u.reason = document.Metadata
	} else if onlyURL.MatchString(plain) && (u.reason == "" || u.reason == document.Other) {
		if a.meta.URL == "" && strings.HasPrefix(plain, "http") {
			a.meta.URL = plain
		}
		u.reason = document.Metadata
	}
	a.headBylines()
	if a.meta.Title == "" {
		if i := a.titleLine(); i >= 0 {
			a.meta.Title = strings.TrimSpace(a.units[i].plain)
			a.units[i].reason = document.Metadata
		}
	}
	if a.meta.Title == "" {
		return
	}
	want := normalize(a.meta.Title)
	for _, u := range a.units {
		if !u.code && u.reason == "" && u.norm == want {
			u.reason = document.Metadata
		}
	}
}

// outletTitleSure reports whether a first line of the form Outlet-"Title"
// is that and not a headline quoting someone (Biden - "We will not back
// down"): the dash is right after the name, or the title is repeated as a
// line of its own.
func (a *analysis) outletTitleSure(m []string) bool {
	if after := m[0][len(m[1]):]; strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—") {
		return true
	}
	want := normalize(m[2])
	for _, u := range a.units[1:] {
		if !u.code && u.norm == want {
			return true
		}
	}
	return false
}

// headBylines finds bylines without "By" before the body: "Greg Beacham,
// The Associated Press", "Rachel Gilmore, Power Play producer".
func (a *analysis) headBylines() {
	body, _ := a.bodyStart()
	for i := 0; i < body; i++ {
		u := a.units[i]
		if u.code || u.reason != "" || u.kind != document.Paragraph || !u.fragment() {
			continue
		}
		names, rest, ok := strings.Cut(strings.TrimSpace(u.plain), ", ")
		if !ok || len(strings.Fields(rest)) > 6 || strings.Contains(rest, ",") {
			continue
		}
		var authors []string
		for _, n := range strings.Split(names, " and ") {
			if f := strings.Fields(n); len(f) < 2 || len(f) > 4 || !nameLike(n) {
				authors = nil
				break
			}
			authors = append(authors, strings.TrimSpace(n))
		}
		if len(authors) > 0 {
			u.reason = document.Metadata
			a.bylines[i] = byline{authors: authors}
		}
	}
}

// titleLine returns the index of the headline, or -1: the Markdown #
// heading, else the first headline-like line of four words or more before
// the body (shorter first lines are as often section names or the outlet).
func (a *analysis) titleLine() int {
	body, prose := a.bodyStart()
	for i := 0; i < body; i++ {
		u := a.units[i]
		if u.code || u.reason != "" || !headlineLike(u) {
			continue
		}
		if a.markdown && u.kind == document.Heading && u.level == 1 {
			return i
		}
		// Without prose there is no article to head: a list, notes.
		if prose && u.n() >= 4 && (!a.markdown || u.kind != document.Heading || u.level <= 2) {
			return i
		}
	}
	return -1
}

// headlineLike reports whether u could be a headline: a few words, not
// ending like a sentence (a question or exclamation may, if short).
func headlineLike(u *unit) bool {
	if u.kind != document.Paragraph && u.kind != document.Heading || u.n() < 2 || u.n() > 30 || len(u.plain) > 400 {
		return false
	}
	t := strings.TrimRight(u.plain, " \"'”’")
	switch {
	case strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!"):
		return u.n() <= 20
	case strings.HasSuffix(t, "..."), strings.HasSuffix(t, "…"):
		return false
	case strings.HasSuffix(t, "."), strings.HasSuffix(t, ","), strings.HasSuffix(t, ";"), strings.HasSuffix(t, ":"):
		return false
	}
	return true
}

// bodyStart returns the index of the first paragraph of prose not marked as
// boilerplate; false when there is none (a list, a poem, notes), and then
// no rule by position applies.
func (a *analysis) bodyStart() (int, bool) {
	for i, u := range a.units {
		if !u.code && u.reason == "" && u.prose() {
			return i, true
		}
	}
	return len(a.units), false
}

// lastProse returns the index of the last paragraph of prose of at least
// minWords words not marked as boilerplate, or -1.
func (a *analysis) lastProse(minWords int) int {
	for i := len(a.units) - 1; i >= 0; i-- {
		u := a.units[i]
		if !u.code && u.reason == "" && u.prose() && u.n() >= minWords {
			return i
		}
	}
	return -1
}

// head marks the short lines before the body: a byline's desk or role line
// is metadata, a heading just before the body is content, anything else
// short is navigation (section names, category labels, breadcrumbs).
func (a *analysis) head(body int) {
	for i := 0; i < body; i++ {
		u := a.units[i]
		if u.code || u.reason != "" || u.kind == document.Item || u.kind == document.Quote {
			continue
		}
		prev := -1
		if i > 0 {
			prev = i - 1
		}
		_, afterByline := a.bylines[prev]
		switch {
		case prev >= 0 && a.units[prev].norm == "by" && nameLike(strings.TrimSpace(u.plain)):
			u.reason = document.Metadata
			a.bylines[i] = byline{authors: []string{strings.TrimSpace(u.plain)}}
		case afterByline && u.fragment() && u.n() <= 4:
			u.reason = document.Metadata // "TD NewsDesk", "Staff Writer"
		case i == body-1 && (u.title || u.kind == document.Heading):
			// A heading that opens the article.
		case u.fragment() && u.n() <= 6:
			u.reason = document.Navigation
		}
	}
}

// isRelatedLabel reports whether u is a label that introduces links to
// other articles ("Read more:", "Related stories").
func isRelatedLabel(u *unit) bool {
	if u.reason != document.Related {
		return false
	}
	key := labelKey(u.norm)
	if labels[key] == document.Related || strings.HasSuffix(strings.TrimSpace(u.plain), ":") {
		return true
	}
	p, ok := matchPrefix(u.norm, u.n())
	return ok && p.reason == document.Related && strings.Trim(u.norm[strings.Index(u.norm, p.text)+len(p.text):], " :|-»›>") == ""
}

// related marks the headlines listed after a related-links label: short
// lines, and in the tail (where no long paragraph follows) short sentences
// too.
func (a *analysis) related() {
	lastLong := a.lastProse(21)
	for i, u := range a.units {
		if !isRelatedLabel(u) {
			continue
		}
		for j := i + 1; j < len(a.units); j++ {
			v := a.units[j]
			if v.code || v.reason != "" && !a.fragment[j] || v.n() > 20 || v.kind == document.Heading ||
				v.sentence && j <= lastLong || !v.letters {
				break
			}
			v.reason = document.Related
		}
	}
}

// tail marks the run of lines after the last paragraph of prose that are
// boilerplate: those marked already, those a site uses to promote itself,
// and short fragments among them. It stops at content: prose, a list item,
// a quote.
func (a *analysis) tail(body int) {
	stop := body
	for i := len(a.units) - 1; i > body; i-- {
		u := a.units[i]
		if u.reason != "" && !u.code {
			continue
		}
		if u.code || u.kind == document.Item || u.kind == document.Quote || u.kind == document.Heading && a.markdown ||
			u.sig {
			stop = i
			break
		}
		if addressesReader(u) {
			if r := matchPhrase(u.words, inTail); r != "" {
				u.reason = r
				continue
			}
		}
		if u.fragment() {
			if u.title || u.n() <= 3 {
				u.reason = document.Navigation // tags, section links
			} else {
				u.reason = document.Other
			}
			a.fragment[i] = true
			continue
		}
		stop = i
		break
	}
	// Short lines are junk only after the article's last paragraph; after a
	// line that is not prose they end a list of short lines (nominees,
	// results) that is content.
	if s := a.units[stop]; s.code || s.reason == "" && !s.prose() {
		for i := range a.fragment {
			a.units[i].reason = ""
			delete(a.fragment, i)
		}
	}
}

// sandwich gives a line outside the body the reason of the two lines
// around it when they agree: the blurb between "Join Our Newsletter" and
// "By subscribing…".
func (a *analysis) sandwich(body int) {
	last := a.lastProse(1)
	for i := 1; i+1 < len(a.units); i++ {
		u, prev, next := a.units[i], a.units[i-1], a.units[i+1]
		if u.code || u.reason != "" && !a.fragment[i] || u.n() > 30 || i >= body && i <= last {
			continue
		}
		switch prev.reason {
		case document.Newsletter, document.Promo, document.Related, document.Share, document.Comments, document.Cookie:
			if next.reason == prev.reason {
				u.reason = prev.reason
			}
		}
	}
}

// embeds finds embedded posts: a line of text followed by a signature line
// ("— Andy Stone (@andymstone)"). Both are content, of kind quote.
func (a *analysis) embeds() {
	for i, u := range a.units {
		if u.code || !u.sig {
			continue
		}
		u.reason = ""
		if !u.marked {
			u.kind = document.Quote
		}
		if i > 0 {
			p := a.units[i-1]
			if !p.code && p.reason == "" && !p.marked && p.kind == document.Paragraph {
				p.kind = document.Quote
			}
		}
	}
}

// headings marks short Title Case lines that precede content as headings
// ("What Did Meta Say?").
func (a *analysis) headings() {
	for i, u := range a.units {
		if u.code || u.reason != "" || u.marked || u.kind != document.Paragraph || !u.title ||
			u.n() < 2 || u.n() > 14 || len([]rune(u.plain)) > 120 || !headlineLike(u) {
			continue
		}
		if i+1 < len(a.units) {
			next := a.units[i+1]
			if next.reason == "" && (next.prose() || next.kind == document.Item || next.kind == document.Quote) {
				u.kind, u.level = document.Heading, 2
			}
		}
	}
}

// collectMeta fills the metadata from the lines marked as bylines, dates
// and promotions: authors from the first byline; the published date from a
// date labelled so, else from a byline, else from the first unlabelled date
// line before or after the body; the updated date from a line labelled so; the outlet from a house
// promotion that names it.
func (a *analysis) collectMeta() {
	var published, updated, plain string
	for i, u := range a.units {
		if b, ok := a.bylines[i]; ok && u.reason == document.Metadata {
			if len(a.meta.Authors) == 0 {
				a.meta.Authors = b.authors
			}
			if b.date.value != "" {
				if b.date.label == "updated" {
					updated = first(updated, b.date.value)
				} else {
					published = first(published, b.date.value)
				}
			}
		}
		if d, ok := a.dates[i]; ok && u.reason == document.Metadata {
			switch {
			case d.label == "updated":
				updated = first(updated, d.value)
			case d.label == "published":
				published = first(published, d.value)
			case i < a.body || i > a.last:
				// A bare date in the body may be one the story is about.
				plain = first(plain, d.value)
			}
		}
	}
	a.meta.Published = first(a.meta.Published, published, plain)
	a.meta.Updated = first(a.meta.Updated, updated)
	if a.meta.Outlet == "" {
		a.meta.Outlet = a.outlet()
	}
}

// outlet names the outlet from a house promotion: "… at MyNation.", "Head
// to the TechDogs homepage".
func (a *analysis) outlet() string {
	for _, u := range a.units {
		if u.code || u.reason != document.Promo {
			continue
		}
		plain := strings.TrimSpace(u.plain)
		if m := readAt.FindStringSubmatch(plain); m != nil && !notOutlets[strings.ToLower(m[1])] {
			return m[1]
		}
		if m := homepageOf.FindStringSubmatch(plain); m != nil && !notOutlets[strings.ToLower(m[1])] {
			return m[1]
		}
	}
	return ""
}

func first(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
