package htmlextract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// classHints maps words found in class and id attributes to the boilerplate
// reason they suggest, most specific first. Words of five letters or more
// match anywhere ("relatedArticles", "site-newsletter-box"); shorter ones
// must be a whole part of the name ("nav", "ad-slot").
var classHints = []struct {
	word, reason string
}{
	{"cookie", document.Cookie},
	{"consent", document.Cookie},
	{"gdpr", document.Cookie},
	{"newsletter", document.Newsletter},
	{"subscribe", document.Newsletter},
	{"subscription", document.Newsletter},
	{"signup", document.Newsletter},
	{"sign-up", document.Newsletter},
	{"paywall", document.Newsletter},
	{"disqus", document.Comments},
	{"comment", document.Comments},
	{"respond", document.Comments},
	{"related", document.Related},
	{"recommend", document.Related},
	{"also-read", document.Related},
	{"alsoread", document.Related},
	{"more-stories", document.Related},
	{"morestories", document.Related},
	{"read-next", document.Related},
	{"readnext", document.Related},
	{"read-more", document.Related},
	{"most-read", document.Related},
	{"mostread", document.Related},
	{"most-popular", document.Related},
	{"popular", document.Related},
	{"trending", document.Related},
	{"outbrain", document.Promo},
	{"taboola", document.Promo},
	{"author-card", document.Other},
	{"author-bio", document.Other},
	{"authorbio", document.Other},
	{"about-author", document.Other},
	{"author-info", document.Other},
	{"author-box", document.Other},
	{"bio", document.Other},
	{"share", document.Share},
	{"social", document.Share},
	{"follow", document.Share},
	{"sharing", document.Share},
	{"advert", document.Promo},
	{"adsbygoogle", document.Promo},
	{"sponsor", document.Promo},
	{"promo", document.Promo},
	{"disclaimer", document.Promo},
	{"ad", document.Promo},
	{"ads", document.Promo},
	{"breadcrumb", document.Navigation},
	{"navbar", document.Navigation},
	{"navigation", document.Navigation},
	{"nav", document.Navigation},
	{"menu", document.Navigation},
	{"masthead", document.Navigation},
	{"footer", document.Navigation},
	{"skip-link", document.Navigation},
	{"pagination", document.Navigation},
	{"toolbar", document.Widget},
	{"toggle", document.Widget},
	{"dark-mode", document.Widget},
	{"darkmode", document.Widget},
	{"theme-switch", document.Widget},
	{"widget", document.Widget},
	{"sidebar", document.Other},
}

// bylineWords in class, id, rel or itemprop mark an element holding the
// author or date of the page.
var bylineWords = []string{"byline", "author", "dateline", "timestamp", "pubdate", "publish", "posted-on", "article-date", "post-date", "entry-date", "article-meta", "post-meta", "entry-meta", "date"}

// elementHint returns the boilerplate reason an element's tag, role, class
// and id suggest, and whether it looks like a byline or date line.
func elementHint(n *html.Node, parentHint string) (hint string, byline bool) {
	switch n.DataAtom {
	case atom.Nav, atom.Menu:
		hint = document.Navigation
	case atom.Footer:
		hint = document.Navigation
	case atom.Header:
		if parentHint == "" {
			hint = document.Navigation
		}
	case atom.Aside:
		hint = document.Other
	case atom.Time:
		byline = true
	}
	// Classes on the page's outer elements describe the page ("single-post
	// enable-ad-placeholder"), not a box in it.
	pageLevel := n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main || n.DataAtom == atom.Article
	var names string
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "data-testid", "data-component":
			if !pageLevel {
				names += " " + a.Val
			}
		case "role":
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "navigation", "menubar", "menu", "banner", "contentinfo":
				hint = document.Navigation
			case "complementary":
				if hint == "" {
					hint = document.Other
				}
			case "search", "toolbar":
				hint = document.Widget
			}
		case "rel":
			if strings.Contains(strings.ToLower(a.Val), "author") {
				byline = true
			}
		case "itemprop":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "author") || strings.Contains(v, "date") {
				byline = true
			}
		}
	}
	if names == "" {
		return hint, byline
	}
	names = strings.ToLower(names)
	if h := classHint(names); h != "" {
		hint = h
	}
	for _, w := range bylineWords {
		if strings.Contains(names, w) {
			byline = true
			break
		}
	}
	return hint, byline
}

// classHint matches lowercased class and id names against classHints.
func classHint(names string) string {
	var parts []string
	for _, h := range classHints {
		if len(h.word) >= 5 {
			if strings.Contains(names, h.word) {
				return h.reason
			}
			continue
		}
		if parts == nil {
			parts = strings.FieldsFunc(names, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})
		}
		for _, p := range parts {
			if p == h.word {
				return h.reason
			}
		}
	}
	return ""
}

// uiWords are whole blocks that are controls or labels, not prose,
// with the reason they are boilerplate. Keys are lowercased with
// punctuation and spaces folded.
var uiWords = map[string]string{
	"advertisement": document.Promo, "advertisements": document.Promo, "ad": document.Promo,
	"sponsored": document.Promo, "sponsored content": document.Promo, "paid content": document.Promo,
	"story continues below advertisement": document.Promo, "article continues below": document.Promo,
	"continue reading below": document.Promo, "scroll to continue with content": document.Promo,
	"share": document.Share, "share this": document.Share, "share this article": document.Share,
	"share this story": document.Share, "share on facebook": document.Share, "share on twitter": document.Share,
	"tweet": document.Share, "facebook": document.Share, "twitter": document.Share, "linkedin": document.Share,
	"whatsapp": document.Share, "pinterest": document.Share, "reddit": document.Share, "email": document.Share,
	"print": document.Share, "copy link": document.Share, "copy": document.Share, "link copied": document.Share,
	"x": document.Share, "flipboard": document.Share, "share article": document.Share, "share story": document.Share,
	"share via": document.Share, "share this page": document.Share, "share via email": document.Share,
	"dark": document.Widget, "light": document.Widget, "dark mode": document.Widget, "light mode": document.Widget,
	"dark light": document.Widget, "menu": document.Widget, "close": document.Widget, "search": document.Widget,
	"open menu": document.Widget, "close menu": document.Widget, "toggle navigation": document.Widget,
	"skip to content": document.Navigation, "skip to main content": document.Navigation,
	"skip navigation": document.Navigation, "back to top": document.Widget, "top": document.Widget,
	"click me": document.Widget, "loading": document.Widget, "log in": document.Widget, "login": document.Widget,
	"sign in": document.Widget, "sign out": document.Widget, "log out": document.Widget, "register": document.Widget,
	"play": document.Widget, "pause": document.Widget, "play video": document.Widget, "listen": document.Widget,
	"listen to this article": document.Widget, "font size": document.Widget, "text size": document.Widget,
	"expand": document.Widget, "collapse": document.Widget, "show more": document.Widget, "show less": document.Widget,
	"see more": document.Widget, "learn more": document.Widget, "load more": document.Widget, "next": document.Navigation,
	"previous": document.Navigation, "prev": document.Navigation, "home": document.Navigation,
	"subscribe": document.Newsletter, "sign up": document.Newsletter, "subscribe now": document.Newsletter,
	"comments": document.Comments, "comment": document.Comments, "leave a comment": document.Comments,
	"leave a reply": document.Comments, "post a comment": document.Comments, "add a comment": document.Comments,
	"join the conversation": document.Comments, "show comments": document.Comments, "view comments": document.Comments,
	"accept": document.Cookie, "accept all": document.Cookie, "reject all": document.Cookie,
	"accept cookies": document.Cookie, "manage cookies": document.Cookie, "cookie settings": document.Cookie,
	"got it": document.Cookie, "i agree": document.Cookie,
	"related": document.Related, "related articles": document.Related, "related stories": document.Related,
	"related posts": document.Related, "related content": document.Related, "read more": document.Related,
	"more stories": document.Related, "you may also like": document.Related, "recommended": document.Related,
	"recommended for you": document.Related, "most read": document.Related, "most popular": document.Related,
	"trending": document.Related, "trending now": document.Related, "more from": document.Related,
	"read next": document.Related, "up next": document.Related, "also read": document.Related,
	"read also": document.Related, "see also": document.Related, "don't miss": document.Related,
	"more on this story": document.Related, "top stories": document.Related, "latest news": document.Related,
	"advertisement scroll to continue": document.Promo,
}

// textRules recognise boilerplate by its wording, whatever the markup.
var textRules = []struct {
	re     *regexp.Regexp
	reason string
	// maxRunes limits the rule to blocks no longer than this; prose that
	// merely mentions a newsletter is not a newsletter box.
	maxRunes int
	// needles are lowercase strings one of which the block must contain
	// for the expression to be worth running (it is the slow part).
	needles []string
}{
	{regexp.MustCompile(`(?i)^(also read|read also|read more|more from|related|recommended|see also|you (may|might) also like|don'?t miss|more on this|read next|watch|also watch|watch now|listen)\s*[:|–—-]`), document.Related, 400,
		[]string{"read", "more", "related", "recommended", "see also", "like", "miss", "watch", "listen"}},
	{regexp.MustCompile(`(?i)^(also read|read also|you may also like|you might also like|recommended (for you|stories|articles)|related (articles|stories|posts|coverage|content|news|topics|links|reading))\b`), document.Related, 400,
		[]string{"read", "like", "recommended", "related"}},
	{regexp.MustCompile(`(?i)\b(sign up|subscribe)\b.{0,60}\b(newsletter|our (daily|weekly|free)|briefing|inbox)\b|\bnewsletter\b.{0,60}\b(sign up|subscribe)\b`), document.Newsletter, 300,
		[]string{"sign up", "subscribe"}},
	{regexp.MustCompile(`(?i)^(get|sign up for|subscribe to) (our|the) .{0,40}(newsletter|email|briefing)`), document.Newsletter, 300,
		[]string{"newsletter", "email", "briefing"}},
	{regexp.MustCompile(`(?i)\b(we|this (web)?site|our (web)?site) uses? cookies\b|\bcookie (policy|settings|preferences)\b.{0,80}\b(accept|agree|consent)|\bby (continuing|using) (to (use|browse) )?(this|our) (site|website)\b`), document.Cookie, 600,
		[]string{"cookie", "by continuing", "by using"}},
	{regexp.MustCompile(`(?i)^(share (this|on|via|the)\b|follow us\b|follow @|like us on facebook)`), document.Share, 200,
		[]string{"share", "follow", "like us"}},
	{regexp.MustCompile(`(?i)^(\d+\s+)?comments?\b.{0,40}$|^(leave|post|add|write) a (comment|reply)|comments (are|have been) (closed|disabled)|^join the (conversation|discussion)|comments powered by disqus|^log in to comment|^to comment\b`), document.Comments, 200,
		[]string{"comment", "reply", "join the"}},
	{regexp.MustCompile(`(?i)^(advertisement|sponsored|paid (post|content)|promoted|partner content)\b|^story continues below|^article continues below|^continue reading (the )?(main story|below)`), document.Promo, 120,
		[]string{"advertisement", "sponsored", "paid", "promoted", "partner", "continue"}},
	{regexp.MustCompile(`(?i)^(©|\(c\) \d{4}|copyright (©|\(c\)|\d{4}))|\ball rights reserved\b`), document.Other, 300,
		[]string{"©", "(c)", "copyright", "all rights reserved"}},
	{regexp.MustCompile(`(?i)^(read more|more)\s*(»|›|→|>)?$`), document.Related, 30,
		[]string{"more"}},
	{regexp.MustCompile(`(?i)^\(?\s*(photo|photos|photograph|image|images|picture|illustration|graphic|video|credit|source)s?( credit)?\s*:\s*[^.!?]{0,100}\)?\.?$`), document.Other, 120,
		[]string{":"}},
	{regexp.MustCompile(`(?i)^share your (thoughts|views|opinion|comments)|^we want to hear what you think|\bsubmit a letter to the editor\b|^have your say\b|^what do you think\?\s*(leave|let us know|share|join)`), document.Comments, 300,
		[]string{"share your", "we want to hear", "letter to the editor", "have your say", "what do you think"}},
}

// foldUI lowercases s and reduces it to letters and single spaces, the key
// of uiWords.
func foldUI(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// textReason returns the boilerplate reason a block's wording alone
// justifies, or "".
func textReason(text string, runes int) string {
	if runes <= 40 {
		if r, ok := uiWords[foldUI(text)]; ok {
			return r
		}
	}
	var lower string
	for _, r := range textRules {
		if runes > r.maxRunes {
			continue
		}
		if lower == "" {
			lower = strings.ToLower(text)
		}
		found := false
		for _, n := range r.needles {
			if strings.Contains(lower, n) {
				found = true
				break
			}
		}
		if found && r.re.MatchString(text) {
			return r.reason
		}
	}
	return ""
}

// classify returns each block's boilerplate reason, "" for content.
func classify(blocks []block, isContent, isComment []bool, fallback bool, m *document.Meta) []string {
	reasons := make([]string, len(blocks))
	titleDone := false
	ft := foldName(m.Title)
	for i, b := range blocks {
		if !titleDone && ft != "" && i < 400 && foldName(b.text) == ft {
			reasons[i], titleDone = document.Metadata, true
			continue
		}
		if isMetadataLine(b, m) {
			reasons[i] = document.Metadata
			continue
		}
		if r := textReason(b.text, b.runes); r != "" {
			reasons[i] = r
			continue
		}
		if fallback {
			switch b.hint {
			case document.Navigation, document.Cookie, document.Newsletter, document.Share,
				document.Comments, document.Related, document.Promo, document.Widget:
				reasons[i] = b.hint
			}
			continue
		}
		if isContent[i] {
			continue
		}
		switch {
		case isComment[i]:
			reasons[i] = document.Comments
		case b.hint != "":
			reasons[i] = b.hint
		case b.runes > 0 && b.linkRunes*10 >= b.runes*8:
			if b.kind == document.Item && b.runes > 40 || b.runes > 60 {
				reasons[i] = document.Related
			} else {
				reasons[i] = document.Navigation
			}
		default:
			reasons[i] = document.Other
		}
	}
	if fallback {
		// If the markup marks everything as boilerplate, trust none of it.
		all := true
		for _, r := range reasons {
			if r == "" {
				all = false
				break
			}
		}
		if all {
			for i := range reasons {
				if reasons[i] != document.Metadata {
					reasons[i] = ""
				}
			}
		}
	}
	return reasons
}

// isMetadataLine reports whether a short block repeats the byline or date:
// "By Jane Doe", "Jane Doe and John Roe", "Published 3 April 2024".
func isMetadataLine(b block, m *document.Meta) bool {
	if b.runes > 150 || b.kind == document.Pre || b.kind == document.Quote {
		return false
	}
	t := unglueBy(b.text)
	if b.runes <= 120 && maybeByline(t) && byPrefix.MatchString(t) {
		rest := byPrefix.ReplaceAllString(t, "")
		if mentionsAuthor(rest, m.Authors) || b.byline || looksLikeNames(rest) {
			return true
		}
	}
	digits := strings.ContainsAny(t, "0123456789")
	if b.byline && b.runes <= 120 && (mentionsAuthor(t, m.Authors) || digits && dateLine.MatchString(t)) {
		return true
	}
	if b.runes <= 80 && digits && !strings.ContainsAny(strings.TrimRight(t, "."), ".!?") && dateLine.MatchString(t) {
		return true
	}
	if len(m.Authors) > 0 && b.runes <= 100 && mentionsAuthor(t, m.Authors) {
		names := splitAuthors(t)
		if len(names) > 0 && foldName(strings.Join(names, "")) == foldName(strings.Join(m.Authors[:min(len(names), len(m.Authors))], "")) {
			return true
		}
	}
	return false
}

func mentionsAuthor(s string, authors []string) bool {
	f := foldName(s)
	for _, a := range authors {
		if fa := foldName(a); len(fa) >= 3 && strings.Contains(f, fa) {
			return true
		}
	}
	return false
}

// looksLikeNames reports whether s (a byline without "By") reads as one to
// four capitalised names, not a sentence.
func looksLikeNames(s string) bool {
	s = authorStop.ReplaceAllString(s, "")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(strings.Trim(w, ",."))
		if lw == "and" || lw == "&" || lw == "," || lw == "the" || lw == "staff" || lw == "of" {
			continue
		}
		if !(r >= 'A' && r <= 'Z') && !(r > 0x7f && strings.ToUpper(string(r)) == string(r)) {
			return false
		}
	}
	return !strings.HasSuffix(strings.TrimSpace(s), ".") || len(words) <= 3
}

// dateLine matches a line that is only a date, with an optional label and
// time: "Published: April 3, 2024, 2:29 PM IST", "Updated 2 hours ago",
// "03/04/2024".
var dateLine = regexp.MustCompile(`(?i)^((first |last )?(published|updated|posted|modified|created|date)( on| at)?:?\s*)?` +
	`(\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s+[a-z]{2,5})?,?\s+)?(\w+day,?\s+)?(` +
	`(\d{1,2}(st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?\d{4}` +
	`|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d+\s+(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago` +
	`)([,\s]+(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s+[a-z]{2,5})?)?` +
	`(\s*[|•·/,-]\s*.{0,40}|\s+((last )?updated|modified):?\s*.{0,40})?\.?$`)

// markIslands marks short runs of content at the edges of the article
// (before its first long run of content or after its last) whose own markup
// says they are boilerplate, such as an author's biography box after the
// article: the content extractor keeps such stray pieces. Runs inside the
// article are left alone, since broken markup can put article paragraphs
// inside a box with a misleading class.
func markIslands(blocks []block, reasons []string) {
	type run struct{ i, j, runes int }
	var runs []run
	for i := 0; i < len(blocks); {
		if reasons[i] != "" {
			i++
			continue
		}
		r := run{i: i, j: i}
		for ; r.j < len(blocks) && reasons[r.j] == ""; r.j++ {
			r.runes += blocks[r.j].runes
		}
		runs = append(runs, r)
		i = r.j
	}
	first, last := -1, -1
	for k, r := range runs {
		if r.j-r.i >= 3 || r.runes >= 600 {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return
	}
	for k, r := range runs {
		if k >= first && k <= last || r.j-r.i > 2 || r.runes > 600 {
			continue
		}
		hinted := true
		for x := r.i; x < r.j; x++ {
			b := blocks[x]
			hinted = hinted && b.hint != "" && b.hint != document.Navigation && b.hintDist <= 4
		}
		if hinted {
			for x := r.i; x < r.j; x++ {
				reasons[x] = blocks[x].hint
			}
		}
	}
}

// provenance matches a line saying where an article first ran ("This post
// originally appeared on Grist."): the content extractor often drops it
// with the page furniture around the article, but it tells a researcher
// whose story this is.
var provenance = regexp.MustCompile(`(?i)\b(originally|first) (appeared|published|ran|posted)\b|\b(republished|reprinted|reproduced) (here )?(with permission )?(from|by|with|courtesy)\b|^this (story|article|post|piece) (was|is) (produced|published|written|reported) (by|in|with|for)\b`)

// keepProvenance marks as content a provenance line just before the first
// or just after the last content block.
func keepProvenance(blocks []block, reasons []string) {
	first, last := -1, -1
	for i, r := range reasons {
		if r == "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	for _, i := range []int{first - 2, first - 1, last + 1, last + 2} {
		if i < 0 || i >= len(blocks) || reasons[i] == "" || reasons[i] == document.Metadata {
			continue
		}
		if b := blocks[i]; b.runes <= 200 && provenance.MatchString(b.text) {
			reasons[i] = ""
		}
	}
}

// maybeByline is a quick test before byPrefix: does s start with a word
// bylines start with?
func maybeByline(s string) bool {
	if len(s) < 3 {
		return false
	}
	switch strings.ToLower(s[:2]) {
	case "by", "wr", "po", "wo", "re", "st", "te", "ph", "vo", "pa":
		return true
	}
	return false
}
