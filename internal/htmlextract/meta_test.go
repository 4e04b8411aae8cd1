package htmlextract

import (
	"strings"
	"testing"

	"sourcebook/internal/document"
)

// metaPage wraps head markup and body markup into a page with enough
// article text for the content extractor.
func metaPage(head, body string) string {
	para := "<p>The council approved the budget on Tuesday evening after a debate that lasted more than four hours, with members split over spending on roads and libraries.</p>"
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "<article>" + para + para + "</article></body></html>"
}

func TestMetadata(t *testing.T) {
	tests := []struct {
		name string
		head string
		body string
		url  string
		want document.Meta
	}{
		{
			name: "JSON-LD NewsArticle",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget approved","datePublished":"2024-04-03T14:29:00+05:30","dateModified":"2024-04-04T09:00:00+05:30","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],"publisher":{"@type":"Organization","name":"The Courier"},"url":"https://courier.example/budget","inLanguage":"en-IN","description":"The council approved the budget."}</script>`,
			want: document.Meta{Title: "Budget approved", Outlet: "The Courier", Authors: []string{"Jane Doe", "John Roe"},
				Published: "2024-04-03T14:29:00+05:30", Updated: "2024-04-04T09:00:00+05:30", URL: "https://courier.example/budget",
				Lang: "en-IN", Kind: "article", Description: "The council approved the budget."},
		},
		{
			name: "JSON-LD @graph with references",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
				{"@type":"WebSite","@id":"https://blog.example/#site","name":"Field Notes"},
				{"@type":"Person","@id":"https://blog.example/#ann","name":"Ann Smith"},
				{"@type":"Organization","@id":"https://blog.example/#org","name":"Field Notes Ltd"},
				{"@type":["BlogPosting"],"headline":"Notes from the field","author":{"@id":"https://blog.example/#ann"},"publisher":{"@id":"https://blog.example/#org"},"datePublished":"2023-11-09","mainEntityOfPage":{"@id":"https://blog.example/notes"}}]}</script>`,
			want: document.Meta{Title: "Notes from the field", Outlet: "Field Notes Ltd", Authors: []string{"Ann Smith"},
				Published: "2023-11-09", URL: "https://blog.example/notes", Kind: "blog"},
		},
		{
			name: "JSON-LD array, social post, author string, UTC date",
			head: `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"SocialMediaPosting","headline":"A post","author":"By Sam Lee","datePublished":"2022-01-02T03:04:05Z"}]</script>`,
			want: document.Meta{Title: "A post", Authors: []string{"Sam Lee"}, Published: "2022-01-02T03:04:05Z", Kind: "post"},
		},
		{
			name: "invalid JSON-LD is ignored, repairable JSON-LD is read",
			head: `<script type="application/ld+json">{"@type":"NewsArticle", "headline": "Broken</script>
				<script type="application/ld+json"><!--
				{"@type":"NewsArticle","headline":"Line
				break","author":{"name":"Kim Park"}};
				--></script>`,
			want: document.Meta{Title: "Line break", Authors: []string{"Kim Park"}, Kind: "article"},
		},
		{
			name: "OpenGraph and meta tags",
			head: `<meta property="og:title" content="Roads win, libraries lose"><meta property="og:site_name" content="Town Crier">
				<meta name="author" content="Pat Jones, Lee Chan"><meta property="article:published_time" content="2021-06-01T08:00:00-04:00">
				<meta property="article:modified_time" content="2021-06-01T10:30:00-04:00"><meta property="og:url" content="/news/roads">
				<meta name="description" content="A budget row."><meta property="og:locale" content="en_US">`,
			url: "https://crier.example/feed/item?id=3",
			want: document.Meta{Title: "Roads win, libraries lose", Outlet: "Town Crier", Authors: []string{"Pat Jones", "Lee Chan"},
				Published: "2021-06-01T08:00:00-04:00", Updated: "2021-06-01T10:30:00-04:00", URL: "https://crier.example/news/roads",
				Lang: "en-US", Kind: "article", Description: "A budget row."},
		},
		{
			name: "title tag minus site name, time element, byline element",
			head: `<title>Library hours cut | The Daily Planet</title><link rel="canonical" href="https://planet.example/library">`,
			body: `<p class="byline">By <a rel="author" href="/staff/lois">Lois Lane</a> and Clark Kent</p><time datetime="2020-02-19">Feb. 19, 2020</time>`,
			want: document.Meta{Title: "Library hours cut", Outlet: "The Daily Planet", Authors: []string{"Lois Lane", "Clark Kent"},
				Published: "2020-02-19", URL: "https://planet.example/library", Kind: "article"},
		},
		{
			name: "h1 headline beats a social title",
			head: `<meta property="og:title" content="You won't believe this budget"><title>Council approves budget after four-hour debate - Gazette</title>`,
			body: `<h1>Council approves budget after four-hour debate</h1>`,
			want: document.Meta{Title: "Council approves budget after four-hour debate", Outlet: "Gazette", Kind: "article"},
		},
		{
			name: "html lang, itemprop dates, unsafe URLs dropped",
			head: `<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">
				<meta itemprop="datePublished" content="2019-11-19T10:00:00.000Z">`,
			body: `<span itemprop="author">Ivan Petrov</span>`,
			url:  "http://news.example/a?b=1",
			want: document.Meta{Authors: []string{"Ivan Petrov"}, Published: "2019-11-19T10:00:00Z",
				URL: "http://news.example/a?b=1", Outlet: "news.example", Kind: "article"},
		},
		{
			name: "author URLs and the outlet are not authors",
			head: `<meta property="og:site_name" content="CNN"><meta property="article:author" content="https://www.facebook.com/cnn">
				<meta name="author" content="Rob Picheta, CNN">`,
			want: document.Meta{Outlet: "CNN", Authors: []string{"Rob Picheta"}, Kind: "article"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := metaPage(tt.head, tt.body)
			if !strings.Contains(tt.head, "<html") {
				html = strings.Replace(html, "<html>", `<html lang="`+tt.want.Lang+`">`, 1)
			}
			doc, err := HTML([]byte(html), Options{URL: tt.url})
			if err != nil {
				t.Fatal(err)
			}
			got := doc.Meta
			if got.Title == "" && tt.want.Title == "" {
				got.Title = ""
			}
			if tt.want.Title == "" {
				// The title then comes from the page text; not checked here.
				got.Title = ""
			}
			if tt.want.Lang == "" {
				// The content extractor then guesses from the text.
				got.Lang = ""
			}
			if got.Title != tt.want.Title || got.Outlet != tt.want.Outlet || strings.Join(got.Authors, "|") != strings.Join(tt.want.Authors, "|") ||
				got.Published != tt.want.Published || got.Updated != tt.want.Updated || got.URL != tt.want.URL ||
				got.Lang != tt.want.Lang || got.Kind != tt.want.Kind || got.Description != tt.want.Description {
				t.Errorf("meta\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestNormDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-04-03T14:29:00+05:30", "2024-04-03T14:29:00+05:30"},
		{"2024-04-03T14:29:00.123Z", "2024-04-03T14:29:00Z"},
		{"2024-04-03T14:29:00+0530", "2024-04-03T14:29:00+05:30"},
		{"2024-04-03T14:29", "2024-04-03"},
		{"2024-04-03 14:29:00", "2024-04-03"},
		{"2024-04-03", "2024-04-03"},
		{"Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00Z"},
		{"Tue, 19 Nov 2019 10:00:00 EST", "2019-11-19"},
		{"Tue, 19 Nov 2019 10:00:00 -0500", "2019-11-19T10:00:00-05:00"},
		{"November 19, 2019", "2019-11-19"},
		{"2019-11", "2019-11"},
		{"2019-11-19T10:00:00.000000+01:00", "2019-11-19T10:00:00+01:00"},
		{"yesterday", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := normDate(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("normDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"by Jane Doe and John Roe", "Jane Doe|John Roe"},
		{"Glen Owen And Brendan Carlin For The Mail On Sunday", "Glen Owen|Brendan Carlin"},
		{"ByJ.R. Stone", "J.R. Stone"},
		{"By Roshni TamtaFirst Published Apr 3, 2024, 2:29 PM IST", "Roshni Tamta"},
		{"Jane Doe, John Roe & Ann Smith", "Jane Doe|John Roe|Ann Smith"},
		{"https://www.facebook.com/someone", ""},
		{"Written by Ana Sandoiu | Fact checked by X", "Ana Sandoiu"},
		{"By Jon Porter@JonPorty Jul 3, 2019, 4:22am EDT", "Jon Porter"},
		{"No Author", ""},
		{"Staff", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitAuthors(tt.in), "|"); got != tt.want {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, outlet, host, want string }{
		{"Headline here | The Outlet", "The Outlet", "", "Headline here"},
		{"Headline here - BBC News", "BBC News", "bbc.com", "Headline here"},
		{"The Outlet | Headline here today", "The Outlet", "", "Headline here today"},
		{"A long headline with words | Section | Site", "", "", "A long headline with words"},
		{"Headline here - nytimes.com", "", "nytimes.com", "Headline here"},
		{"Self-driving cars - are they safe?", "", "", "Self-driving cars - are they safe?"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.title, tt.outlet, tt.host); got != tt.want {
			t.Errorf("stripSiteName(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
