package textextract

import (
	"regexp"
	"strings"

	"sourcebook/internal/document"
)

// labels are whole lines that are boilerplate wherever they stand, as
// normalize leaves them, without final punctuation.
var labels = map[string]string{}

func init() {
	for reason, list := range map[string][]string{
		document.Widget: {
			"dark", "light", "dark mode", "light mode", "dark theme", "light theme", "theme",
			"menu", "search", "login", "log in", "sign in", "sign out", "log out", "logout",
			"register", "close", "toggle", "loading", "click me", "click here", "tap here",
			"overall rating", "rating", "ratings", "rate this", "rate this article", "rate this story",
			"font size", "text size", "a+ a-", "listen", "listen to this article", "listen to article",
			"play", "pause", "show more", "load more", "see more", "view more", "expand", "collapse",
			"none", "null", "undefined", "nan", "[object object]", "back", "next", "previous", "prev",
			"open", "cancel", "ok", "submit", "go", "more", "less", "zoom", "fullscreen", "full screen",
			"enlarge", "enlarge this image", "toggle caption", "hide caption", "show caption",
			"view gallery", "gallery", "video", "watch video", "play video", "audio",
		},
		document.Navigation: {
			"home", "homepage", "skip to content", "skip to main content", "skip to navigation",
			"jump to", "back to top", "go to top", "top", "highlights", "story highlights",
			"key highlights", "sections", "all sections", "main menu", "navigation", "breadcrumb",
			"you are here", "topics", "tags", "categories", "more topics",
		},
		document.Related: {
			"related", "related articles", "related stories", "related news", "related posts",
			"related content", "related coverage", "related reading", "recommended",
			"recommended for you", "recommended stories", "recommended articles", "also read",
			"read also", "read more", "more to read", "see also", "you may also like",
			"you might also like", "you may like", "more stories", "more news", "read next",
			"up next", "watch next", "more on this story", "more on this topic", "most read",
			"most popular", "most viewed", "most shared", "trending", "trending now", "popular now",
			"top stories", "editor's picks", "editors' picks", "latest news", "latest stories",
			"latest", "don't miss", "must read", "also watch", "explore more",
		},
		document.Share: {
			"share", "share this", "share this article", "share this story", "share this post",
			"share article", "share story", "shares", "tweet", "email", "e-mail", "copy link",
			"copy url", "link copied", "print", "save", "save article", "bookmark", "whatsapp",
			"facebook", "twitter", "linkedin", "pinterest", "reddit", "telegram", "flipboard",
			"messenger", "follow us", "follow", "share via email", "share on facebook",
			"share on twitter", "share on whatsapp", "share on linkedin", "gift article",
		},
		document.Comments: {
			"comments", "comment", "join the discussion", "join the conversation", "leave a comment",
			"leave a reply", "post a comment", "add a comment", "show comments", "view comments",
			"hide comments", "comments are closed", "be the first to comment", "reply", "replies",
			"add your comment",
		},
		document.Newsletter: {
			"newsletter", "newsletters", "join our newsletter", "subscribe", "subscribe now",
			"sign up", "sign up now", "subscribe to our newsletter", "get our newsletter",
			"sign up for our newsletter", "sign up to our newsletter", "subscribe for free",
		},
		document.Promo: {
			"advertisement", "advertisements", "ad", "ads", "advert", "sponsored",
			"sponsored content", "promoted", "promoted content", "paid content", "paid post",
			"partner content", "story continues below advertisement",
			"advertisement continue reading the main story", "continue reading the main story",
			"continue reading", "story continues below", "article continues below",
			"scroll to continue with content", "supported by",
		},
		document.Cookie: {
			"accept", "accept all", "accept all cookies", "reject all", "accept cookies",
			"manage cookies", "cookie settings", "manage preferences", "cookie policy", "i agree",
			"got it", "allow all", "allow cookies",
		},
	} {
		for _, l := range list {
			labels[l] = reason
		}
	}
}

// labelKey is the form of a line looked up in labels: normalized, without
// final punctuation.
func labelKey(norm string) string {
	return strings.TrimRight(norm, ".!?…:")
}

// prefix is a label that opens a line: "Also Read: …", "Disclaimer - …".
type prefix struct {
	text   string
	reason string
	sep    bool // a separator (: | - » ›) must follow, so "Share prices" is not "Share"
	kind   string
	max    int // the longest line, in words, it applies to; 0 for any
}

var prefixes = []prefix{
	{"also read", document.Related, true, "", 0},
	{"read also", document.Related, true, "", 0},
	{"read more", document.Related, true, "", 0},
	{"see also", document.Related, true, "", 0},
	{"related", document.Related, true, "", 0},
	{"recommended", document.Related, true, "", 0},
	{"read next", document.Related, true, "", 0},
	{"must read", document.Related, true, "", 0},
	{"also see", document.Related, true, "", 0},
	{"also watch", document.Related, true, "", 0},
	{"watch", document.Related, true, "", 25},
	{"more on", document.Related, true, "", 0},
	{"you may also like", document.Related, false, "", 0},
	{"you might also like", document.Related, false, "", 0},
	{"disclaimer", document.Promo, true, "", 0},
	{"sponsored", document.Promo, true, "", 0},
	{"advertisement", document.Promo, true, "", 0},
	{"promoted by", document.Promo, false, "", 0},
	{"sponsored by", document.Promo, false, "", 0},
	{"paid content", document.Promo, true, "", 0},
	{"partner content", document.Promo, true, "", 0},
	{"tags", document.Navigation, true, "", 30},
	{"topics", document.Navigation, true, "", 30},
	{"filed under", document.Navigation, false, "", 30},
	{"categories", document.Navigation, true, "", 30},
	{"category", document.Navigation, true, "", 30},
	{"share", document.Share, true, "", 20},
	{"share this", document.Share, false, "", 20},
	{"read or share this story", document.Share, false, "", 20},
	{"follow us on", document.Share, false, "", 40},
	{"click here to", document.Promo, false, "", 40},
	// Credits: who else worked on the piece.
	{"reporting by", document.Metadata, false, "", 20},
	{"additional reporting by", document.Metadata, false, "", 20},
	{"with reporting by", document.Metadata, false, "", 20},
	{"with assistance by", document.Metadata, false, "", 20},
	{"with assistance from", document.Metadata, false, "", 20},
	{"editing by", document.Metadata, false, "", 20},
	{"edited by", document.Metadata, false, "", 20},
	{"with files from", document.Metadata, false, "", 20},
	{"with a report from", document.Metadata, false, "", 20},
	{"with reporting from", document.Metadata, false, "", 20},
	{"email", document.Share, true, "", 20},
	{"e-mail", document.Share, true, "", 20},
	{"contact", document.Share, true, "", 20},
	// Captions and image alt text that the copy picked up: the reader sees
	// the image, not this text, so it is not the article's prose.
	{"alt-text", document.Other, true, document.Caption, 40},
	{"alt text", document.Other, true, document.Caption, 40},
	{"image copyright", document.Other, false, document.Caption, 40},
	{"image caption", document.Other, false, document.Caption, 40},
	{"image source", document.Other, true, document.Caption, 40},
	{"image credit", document.Other, true, document.Caption, 40},
	{"photo credit", document.Other, true, document.Caption, 40},
	{"photo", document.Other, true, document.Caption, 40},
	{"image", document.Other, true, document.Caption, 40},
	{"picture", document.Other, true, document.Caption, 40},
	{"photograph", document.Other, true, document.Caption, 40},
	{"file photo", document.Other, true, document.Caption, 40},
	{"open this photo in gallery", document.Other, false, document.Caption, 60},
}

// matchPrefix returns the prefix rule a line starts with, if any.
func matchPrefix(norm string, words int) (prefix, bool) {
	norm = strings.TrimLeft(norm, "([ ")
	for _, p := range prefixes {
		if !strings.HasPrefix(norm, p.text) || p.max > 0 && words > p.max {
			continue
		}
		rest := norm[len(p.text):]
		if rest == "" {
			return p, true
		}
		if !p.sep {
			if rest[0] == ' ' || rest[0] == ':' {
				return p, true
			}
			continue
		}
		if sepFollows(rest) {
			return p, true
		}
	}
	return prefix{}, false
}

// sepFollows reports whether rest, what follows a label, opens with a
// separator: ":", "|", "»", "›", ">" or a dash set off by a space (so that
// "Photo-finish" is not a photo credit).
func sepFollows(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	switch {
	case t == "":
		return false
	case strings.ContainsAny(t[:1], ":|>"), strings.HasPrefix(t, "»"), strings.HasPrefix(t, "›"):
		return true
	case t[0] == '-':
		return rest[0] == ' ' || len(t) == 1 || t[1] == ' '
	}
	return false
}

// phrase is a sequence of words that gives a line away, up to a length.
type phrase struct {
	words    []string
	reason   string
	maxWords int
}

func phrases(reason string, maxWords int, list ...string) []phrase {
	out := make([]phrase, len(list))
	for i, s := range list {
		out[i] = phrase{strings.Fields(s), reason, maxWords}
	}
	return out
}

// anywhere are phrases that mark a line wherever it stands.
var anywhere = index(concat(
	phrases(document.Newsletter, 12, "newsletter", "newsletters", "subscribe", "subscribing",
		"sign up", "signup", "unsubscribe"),
	phrases(document.Newsletter, 60, "our newsletter", "by subscribing", "subscribe to our",
		"sign up for our", "sign up to our", "subscribe now", "subscribe today",
		"delivered to your inbox", "straight to your inbox", "in your inbox every"),
	phrases(document.Comments, 20, "comments below", "comment below", "in the comments",
		"leave a comment", "leave your comment", "post a comment", "add a comment",
		"join the discussion", "join the conversation", "comments section", "comment section",
		"let us know your thoughts", "let us know what you think", "tell us what you think",
		"let us know in", "share your thoughts in", "share your views in"),
	phrases(document.Share, 15, "follow us", "share this", "share via", "like us on", "find us on",
		"share on facebook", "share on twitter", "share on x", "share on whatsapp", "share on linkedin"),
	phrases(document.Metadata, 15, "contributed to this report", "contributed to this story",
		"contributed reporting"),
	phrases(document.Promo, 60, "all rights reserved", "this material may not be published",
		"download our app", "download the app", "get the app", "advertisement continue reading"),
	phrases(document.Promo, 15, "click here"),
))

// inTail are phrases that mark a line in the run after the article's last
// paragraph, where a site promotes itself; addressesReader must hold too.
var inTail = index(concat(
	phrases(document.Promo, 150, "our homepage", "homepage", "explore our", "dive into our",
		"our collection", "our content", "check out our", "visit our", "enjoyed what you read",
		"enjoyed reading", "enjoyed this article", "enjoyed this story", "more to explore",
		"read exclusive", "stay tuned", "stay updated", "stay informed", "for more news",
		"for the latest", "our website", "our site", "our app", "our podcast", "our youtube",
		"our channel", "whatsapp channel", "google news", "app store", "google play",
		"support our journalism", "support us", "become a member", "become a subscriber",
		"terms and conditions", "privacy policy", "terms of use", "terms of service"),
	phrases(document.Newsletter, 60, "get weekly", "get daily", "weekly news", "daily news",
		"weekly newsletter", "daily newsletter", "newsletter"),
	phrases(document.Share, 60, "follow us", "follow"),
))

// imperatives open a call to action.
var imperatives = map[string]bool{
	"get": true, "join": true, "sign": true, "subscribe": true, "follow": true, "download": true,
	"read": true, "head": true, "visit": true, "explore": true, "check": true, "dive": true,
	"stay": true, "discover": true, "click": true, "tap": true, "watch": true, "listen": true,
	"enjoyed": true, "like": true, "find": true, "support": true, "become": true, "don't": true,
	"also": true, "email": true, "contact": true,
}

// addressesReader reports whether a line speaks to the reader as a site
// does ("Dive into our…", "Get weekly news…") and is not someone quoted.
func addressesReader(u *unit) bool {
	if strings.ContainsAny(u.norm, `"`) || len(u.words) == 0 {
		return false
	}
	if imperatives[u.words[0]] {
		return true
	}
	for _, w := range u.words {
		switch w {
		case "our", "us", "you", "your", "we", "you're":
			return true
		}
	}
	return false
}

func concat(lists ...[]phrase) []phrase {
	var out []phrase
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// phraseIndex finds phrases by their first word.
type phraseIndex struct {
	byFirst  map[string][]int // first word → indexes into list, in order
	list     []phrase
	maxWords int
}

func index(list []phrase) phraseIndex {
	ix := phraseIndex{byFirst: map[string][]int{}, list: list}
	for i, p := range list {
		ix.byFirst[p.words[0]] = append(ix.byFirst[p.words[0]], i)
		ix.maxWords = max(ix.maxWords, p.maxWords)
	}
	return ix
}

// matchPhrase returns the reason of the first phrase in the list (in list
// order) that words contain within its length limit, or "".
func matchPhrase(words []string, ix phraseIndex) string {
	if len(words) > ix.maxWords {
		return ""
	}
	best := -1
	for i, w := range words {
		for _, k := range ix.byFirst[w] {
			p := ix.list[k]
			if (best >= 0 && k >= best) || len(words) > p.maxWords || i+len(p.words) > len(words) {
				continue
			}
			if equalWords(words[i:i+len(p.words)], p.words) {
				best = k
			}
		}
	}
	if best < 0 {
		return ""
	}
	return ix.list[best].reason
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func containsSeq(words, seq []string) bool {
	for i := 0; i+len(seq) <= len(words); i++ {
		if equalWords(words[i:i+len(seq)], seq) {
			return true
		}
	}
	return false
}

// socialWords are what a row of share buttons reads as.
var socialWords = map[string]bool{
	"share": true, "this": true, "article": true, "story": true, "on": true, "facebook": true,
	"twitter": true, "x": true, "linkedin": true, "whatsapp": true, "email": true, "e": true,
	"mail": true, "print": true, "pinterest": true, "reddit": true, "telegram": true,
	"copy": true, "link": true, "tweet": true, "messenger": true, "flipboard": true,
	"instagram": true, "youtube": true, "tiktok": true, "threads": true, "bluesky": true,
	"mastodon": true, "sms": true, "via": true, "comments": true, "save": true,
}

// allSocial reports whether a short line is nothing but share buttons.
func allSocial(words []string) bool {
	if len(words) < 2 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		if !socialWords[w] {
			return false
		}
	}
	return true
}

var (
	// countLine: "12 comments", "3 shares", "1.2k views".
	countLine = regexp.MustCompile(`^[\d.,]+k? (comments?|shares?|views?|likes?|reactions?|replies)$`)
	// readingTime: "5 min read", "Reading time: 4 minutes".
	readingTime = regexp.MustCompile(`^(reading time:? ?)?(about )?\d+ ?(min|mins|minutes?)( read)?$`)
	// breadcrumb: "Home > World > Europe", "News / Tech".
	breadcrumb = regexp.MustCompile(`^[\p{L}\p{N}&' ]{1,30}( ?[>»/›|] ?[\p{L}\p{N}&' ]{1,30}){1,6}$`)
	// onlyURL: a line that is a web address.
	onlyURL = regexp.MustCompile(`^(https?://|www\.)\S+$`)
	// signature ends an embedded post: "— Andy Stone (@andymstone) April 3, 2024".
	signature = regexp.MustCompile(`^[—–-]\s*[^\s()@][^()]{0,80}\(@[A-Za-z0-9_]{1,30}\)(\s.{0,40})?$`)
	// outletTitle is an outlet's name before a quoted headline:
	// TechDogs-"Meta Accused …".
	outletTitle = regexp.MustCompile(`^([\p{Lu}\p{N}][\p{L}\p{N}&.'’]*(?: [\p{L}\p{N}&.'’]+){0,3})\s?[-–—|]\s?["“]([^"“”]{3,300})["”]$`)
	// readAt is a house promotion that names the outlet: "Read Exclusive
	// COVID-19 News updates, at MyNation."
	readAt = regexp.MustCompile(`^(?i:read|get|follow|watch|catch|download|visit|stay|find)\b.{0,120}\b(?:at|on)\s+(\p{Lu}[\p{L}\p{N}&'’-]*(?:\s\p{Lu}[\p{L}\p{N}&'’-]*){0,3})\s*[.!]?$`)
	// photoCredit ends a caption: "… at her home in Amherst (Steve Lawrence/CBC)".
	photoCredit = regexp.MustCompile(`\(\p{Lu}[^()/]{1,60}/[^()/]{2,60}\)$`)
	// homepageOf: "Head to the TechDogs homepage".
	homepageOf = regexp.MustCompile(`\bthe (\p{Lu}[\p{L}\p{N}&'’-]*(?:\s\p{Lu}[\p{L}\p{N}&'’-]*){0,2}) (?:homepage|home page|website)\b`)
)

// matchOutletTitle matches outletTitle against s, trimmed.
func matchOutletTitle(s string) []string {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, `"`) && !strings.HasSuffix(s, "”") {
		return nil
	}
	return outletTitle.FindStringSubmatch(s)
}

// notOutlets are names readAt finds that are platforms, not outlets.
var notOutlets = map[string]bool{
	"twitter": true, "x": true, "facebook": true, "instagram": true, "youtube": true,
	"linkedin": true, "whatsapp": true, "telegram": true, "google news": true,
	"apple news": true, "tiktok": true, "threads": true, "google": true, "google play": true,
	"the app store": true, "app store": true, "spotify": true, "apple podcasts": true,
}
