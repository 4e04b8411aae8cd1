package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// articlePage is a small news page with the usual furniture around the
// article: navigation, related links, a newsletter box, a cookie banner.
const articlePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Lawsuit claims Facebook sold users' private messages to Netflix | MyNation</title>
<meta property="og:site_name" content="MyNation">
<link rel="canonical" href="https://example.com/news/facebook-netflix-lawsuit">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Lawsuit claims Facebook sold users' private messages to Netflix",
 "author":{"@type":"Person","name":"Roshni Tamta"},
 "datePublished":"2024-04-03T14:29:00+05:30","publisher":{"@type":"Organization","name":"MyNation"}}</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/tech">Technology</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Lawsuit claims Facebook sold users' private messages to Netflix</h1>
<p class="byline">By Roshni Tamta</p>
<p>A lawsuit filed in April 2023 alleges that Meta sold Facebook users' private messages to Netflix. It also claims that Facebook shut down its streaming service, Facebook Watch, due to its ties with Netflix.</p>
<p>As per the lawsuit, Facebook was selling the data and was receiving millions of dollars from Netflix in exchange. It also highlights the close ties between Netflix and Facebook, as Netflix's co-founder, Reed Hastings, was one of its board members.</p>
<blockquote><p>Shockingly untrue. Meta didn't share people's private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app.</p></blockquote>
<p>Andy Stone, the communications head at Meta, denied the claims in a post on X, formerly known as Twitter, and called such agreements commonplace in the industry.</p>
<p>The lawsuit also alleges that Facebook's decision to shut down its streaming business was not due to cost-cutting measures but was influenced by Netflix, a prominent advertiser on Facebook.</p>
</article>
<aside class="related-articles"><h3>Also Read</h3><ul>
<li><a href="/a">What does the $5 billion Google privacy lawsuit teach us about digital privacy?</a></li>
<li><a href="/b">What is juice jacking? Learn how criminals use USB chargers to steal your data</a></li></ul></aside>
<div class="newsletter"><h3>Join Our Newsletter</h3><p>Get weekly news, engaging articles, and career tips, all free!</p></div>
</main>
<footer><p>Copyright 2024 MyNation. All rights reserved.</p></footer>
</body></html>`

func TestImportHTMLPage(t *testing.T) {
	a, _ := newApp(t)
	res, err := a.ImportFiles([]FileData{{Name: "lawsuit.html", Data: []byte(articlePage)}}, 0)
	if err != nil || res[0].Error != "" {
		t.Fatalf("import: %+v, %v", res, err)
	}
	s, err := a.Source(res[0].Source.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Lawsuit claims Facebook sold users' private messages to Netflix" {
		t.Errorf("title = %q", s.Title)
	}
	if s.Outlet != "MyNation" || len(s.Authors) != 1 || s.Authors[0] != "Roshni Tamta" {
		t.Errorf("outlet %q, authors %q", s.Outlet, s.Authors)
	}
	if !strings.HasPrefix(s.Published, "2024-04-03") {
		t.Errorf("published = %q", s.Published)
	}
	if s.URL != "https://example.com/news/facebook-netflix-lawsuit" || s.MediaType != "text/html" {
		t.Errorf("url %q, media type %q", s.URL, s.MediaType)
	}
	// The furniture is kept as boilerplate, not lost, and not searched.
	if !strings.Contains(s.Text, "Join Our Newsletter") {
		t.Errorf("boilerplate deleted instead of marked")
	}
	var setAside []int
	for i, b := range s.Blocks {
		text := string([]rune(s.Text)[b.Start:b.End])
		if strings.Contains(text, "juice jacking") || strings.Contains(text, "Join Our Newsletter") {
			if b.Boilerplate == "" {
				t.Errorf("block %q is content, want boilerplate", text)
			}
			setAside = append(setAside, i)
		}
		if strings.Contains(text, "Reed Hastings") && b.Boilerplate != "" {
			t.Errorf("article paragraph marked %s", b.Boilerplate)
		}
	}
	if hits, _ := a.Search("juice jacking"); len(hits.Hits) != 0 {
		t.Errorf("search finds boilerplate: %+v", hits.Hits)
	}
	if hits, _ := a.Search("Reed Hastings"); len(hits.Hits) != 1 {
		t.Errorf("search misses the article: %+v", hits.Hits)
	}

	// Restoring a block makes it searchable; setting it aside again hides it.
	if len(setAside) == 0 {
		t.Fatal("no boilerplate block found")
	}
	words := s.Words
	s, err = a.SetBoilerplate(s.ID, setAside[0], false)
	if err != nil {
		t.Fatal(err)
	}
	if s.Blocks[setAside[0]].Boilerplate != "" || s.Words <= words {
		t.Errorf("after restore: block %+v, words %d (was %d)", s.Blocks[setAside[0]], s.Words, words)
	}
	if hits, _ := a.Search("juice jacking"); len(hits.Hits) != 1 {
		t.Errorf("restored block not searchable: %+v", hits.Hits)
	}
	if _, err := a.SetBoilerplate(s.ID, setAside[0], true); err != nil {
		t.Fatal(err)
	}
	if hits, _ := a.Search("juice jacking"); len(hits.Hits) != 0 {
		t.Errorf("set-aside block still searchable")
	}
	if _, err := a.SetBoilerplate(s.ID, 9999, true); code(err) != CodeInvalid {
		t.Errorf("bad block index: %v", err)
	}
	if _, err := a.SetBoilerplate(12345, 0, true); code(err) != CodeNotFound {
		t.Errorf("missing source: %v", err)
	}

	// The same article again, from another file name: a duplicate.
	again, _ := a.ImportFiles([]FileData{{Name: "copy.htm", Data: []byte(articlePage)}}, 0)
	if !again[0].Duplicate || again[0].Source.ID != s.ID {
		t.Errorf("re-import = %+v", again[0])
	}
}

func TestImportSeedsMetadata(t *testing.T) {
	a, _ := newApp(t)
	res, err := a.ImportPaths([]string{seedTechDogs, seedMyNation}, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ title, outlet, author, published string }{
		{"Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!", "TechDogs", "Lakshana Raichandani", "2024-04-04"},
		{"Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal", "", "Roshni Tamta", "2024-04-03T14:29:00+05:30"},
	}
	for i, w := range want {
		s := res[i].Source
		if s == nil {
			t.Fatalf("%s: %s", res[i].Name, res[i].Error)
		}
		t.Logf("seed %s: title %q, outlet %q, authors %q, published %q", filepath.Base(res[i].Name), s.Title, s.Outlet, s.Authors, s.Published)
		if s.Title != w.title || (w.outlet != "" && s.Outlet != w.outlet) || len(s.Authors) == 0 || s.Authors[0] != w.author || s.Published != w.published {
			t.Errorf("%s: title %q, outlet %q, authors %q, published %q", filepath.Base(res[i].Name), s.Title, s.Outlet, s.Authors, s.Published)
		}
	}
	// "Also Read" lines are set aside: search does not find them.
	if hits, _ := a.Search("juice jacking"); len(hits.Hits) != 0 {
		t.Errorf("search finds the seed's Also Read line: %+v", hits.Hits)
	}
}

func TestUpdateSource(t *testing.T) {
	a, _ := newApp(t)
	r, err := a.ImportText(ImportTextRequest{Text: "A statement.\n\nIt has two paragraphs."})
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.UpdateSource(SourceUpdate{
		ID: r.Source.ID, Title: "  Statement  by Meta ", Outlet: "Meta Newsroom", Authors: []string{" Andy  Stone ", ""},
		Published: "Apr 3, 2024, 2:29 PM IST", Updated: "2024-04-04", URL: "https://about.fb.com/news/#top", Kind: "post", Lang: "en",
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Statement by Meta" || s.Outlet != "Meta Newsroom" || fmt.Sprint(s.Authors) != "[Andy Stone]" ||
		s.Published != "2024-04-03T14:29:00+05:30" || s.Updated != "2024-04-04" || s.URL != "https://about.fb.com/news/" || s.Kind != "post" {
		t.Errorf("updated source = %+v", s.SourceSummary)
	}
	for _, u := range []SourceUpdate{
		{ID: s.ID, Title: " "},
		{ID: s.ID, Title: "t", Kind: "novel"},
		{ID: s.ID, Title: "t", Published: "the day before yesterday-ish"},
		{ID: s.ID, Title: "t", URL: "javascript:alert(1)"},
	} {
		if _, err := a.UpdateSource(u); code(err) != CodeInvalid {
			t.Errorf("UpdateSource(%+v) = %v, want invalid", u, err)
		}
	}
	if _, err := a.UpdateSource(SourceUpdate{ID: 999, Title: "t"}); code(err) != CodeNotFound {
		t.Errorf("missing source: %v", err)
	}
}

func TestImportURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage)
	})
	mux.HandleFunc("/paper.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := closed.Addr().String()
	closed.Close()

	a, _ := newApp(t)
	r, err := a.ImportURL(srv.URL+"/article", 0)
	if err != nil || r.Error != "" || r.Source == nil {
		t.Fatalf("ImportURL = %+v, %v", r, err)
	}
	if r.Source.Outlet != "MyNation" {
		t.Errorf("outlet = %q", r.Source.Outlet)
	}
	for _, tt := range []struct{ url, want string }{
		{srv.URL + "/missing", "answered 404 Not Found"},
		{srv.URL + "/paper.pdf", "it is application/pdf, not a web page"},
		{"http://" + closedAddr + "/", "refused the connection"},
	} {
		r, err := a.ImportURL(tt.url, 0)
		if err != nil || r.Source != nil || !strings.Contains(r.Error, tt.want) {
			t.Errorf("ImportURL(%s) = %+v, %v; want an error saying %q", tt.url, r, err, tt.want)
		}
	}
	for _, bad := range []string{"", "ftp://example.com/x", "javascript:alert(1)", "example.com"} {
		if _, err := a.ImportURL(bad, 0); code(err) != CodeInvalid {
			t.Errorf("ImportURL(%q) = %v, want invalid", bad, err)
		}
	}
}

func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("page.html", articlePage)
	write("page_files/inner.html", "<html><body><p>An asset page that must be skipped entirely.</p></body></html>")
	write(".hidden.txt", "A hidden file that must be skipped.")
	write("notes/statement.md", "# Meta's statement\n\nShockingly untrue, said Andy Stone.\n")
	write("notes/seed.txt", string(readSeed(t, seedMyNation)))
	write("notes/empty.txt", "")
	write("image.png", "\x89PNG\r\n\x1a\n")
	if err := os.Mkdir(filepath.Join(dir, "nothing-here"), 0o755); err != nil {
		t.Fatal(err)
	}

	a, _ := newApp(t)
	var calls int
	res, err := ImportPathsContext(a.ctx, a, []string{dir, filepath.Join(dir, "nothing-here")}, 0, func(done, total int, r FileResult) {
		calls++
		if total != 4 || done != calls {
			t.Errorf("progress(%d, %d)", done, total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	var imported, failed []string
	for _, r := range res {
		if r.Error != "" {
			failed = append(failed, r.Error)
		} else {
			imported = append(imported, filepath.Base(r.Name))
		}
	}
	if fmt.Sprint(imported) != "[seed.txt statement.md page.html]" {
		t.Errorf("imported %v", imported)
	}
	if len(failed) != 2 || !strings.Contains(strings.Join(failed, "|"), "empty.txt: no text to import") ||
		!strings.Contains(strings.Join(failed, "|"), "the folder has no files Sourcebook can import") {
		t.Errorf("failures: %q", failed)
	}
	if calls != 4 {
		t.Errorf("progress called %d times, want 4", calls)
	}
}

// Many files at once: results come back in order, and the same article
// twice in one batch is stored once.
func TestImportFilesBatch(t *testing.T) {
	a, _ := newApp(t)
	var files []FileData
	for i := range 20 {
		files = append(files, FileData{Name: fmt.Sprintf("note-%02d.txt", i),
			Data: []byte(fmt.Sprintf("Note number %d.\n\nIt says something different from note %d.", i, i+1))})
	}
	files = append(files, FileData{Name: "dup.txt", Data: files[3].Data})
	res, err := a.ImportFiles(files, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Name != files[i].Name || r.Error != "" {
			t.Errorf("result %d = %+v", i, r)
		}
	}
	if !res[20].Duplicate || res[20].Source.ID != res[3].Source.ID {
		t.Errorf("duplicate in batch: %+v", res[20])
	}
	lib, _ := a.Library()
	if len(lib.Sources) != 20 {
		t.Errorf("%d sources, want 20", len(lib.Sources))
	}
}

func TestDescribeFetchError(t *testing.T) {
	err := describeFetchError("http://example.com/a", "example.com",
		&url.Error{Op: "Get", URL: "http://example.com/a", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "example.com", IsNotFound: true}}})
	if err.Error() != "http://example.com/a: could not find example.com: are you offline?" {
		t.Errorf("DNS failure: %q", err)
	}
	err = describeFetchError("http://example.com/a", "example.com", context.DeadlineExceeded)
	if !strings.Contains(err.Error(), "did not answer within 30 seconds") {
		t.Errorf("timeout: %q", err)
	}
}

// The same article under the same canonical address is one source, even
// when the page around it (or a correction in it) differs.
func TestImportDuplicateByURL(t *testing.T) {
	a, _ := newApp(t)
	first, _ := a.ImportFiles([]FileData{{Name: "a.html", Data: []byte(articlePage)}}, 0)
	edited := strings.Replace(articlePage, "millions of dollars", "hundreds of millions of dollars", 1)
	second, _ := a.ImportFiles([]FileData{{Name: "b.html", Data: []byte(edited)}}, 0)
	if first[0].Source == nil || !second[0].Duplicate || second[0].Source.ID != first[0].Source.ID {
		t.Errorf("same canonical URL: %+v then %+v", first[0], second[0])
	}
}
