package htmlextract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzHTML checks that HTML never panics, returns only *Error errors, and
// on success returns a valid Doc whose text is clean UTF-8 holding nothing
// of the page's script elements.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"cp1252.html", "truncated.html", "allscripts.html", "xss.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", "pages", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte("<p>Olé</p>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("<div><div><div><script>x</script>text</div>"), "")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","articleBody":"`+strings.Repeat("word ", 300)+`"}]}</script><p>short</p>`), "")
	f.Add([]byte("<table><tr><td>a<td>b<tr><td>c</table><pre>\tx\r\ny</pre><br><br>z"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		doc, err := HTML(data, Options{ContentType: contentType, URL: "https://example.com/a"})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not *Error", err, err)
			}
			return
		}
		checkDoc(t, doc)
		for _, s := range scriptTexts(data) {
			if strings.Contains(doc.Text, s) && !strings.Contains(visibleText(data), s) {
				t.Fatalf("script text %q is in the Doc", s)
			}
		}
	})
}

// scriptTexts returns the text of the page's script elements that is long
// and distinctive enough to look for.
func scriptTexts(data []byte) []string {
	root, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		return nil
	}
	var out []string
	var visit func(*html.Node, int)
	visit = func(n *html.Node, depth int) {
		if depth > 200 {
			return
		}
		if n.Type == html.ElementNode && n.Data == "script" && n.FirstChild != nil {
			if s := strings.TrimSpace(n.FirstChild.Data); len(s) >= 12 && strings.Contains(s, "<script") {
				out = append(out, s)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(root, 0)
	return out
}

// visibleText is the page's text outside script elements, to tell a
// script's text from the same words shown on the page.
func visibleText(data []byte) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(data)))
	inScript := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			inScript = string(name) == "script"
		case html.EndTagToken:
			inScript = false
		case html.TextToken:
			if !inScript {
				b.Write(z.Text())
			}
		}
	}
}

// FuzzMHTML checks that MHTML never panics and returns only *Error errors
// or a valid Doc.
func FuzzMHTML(f *testing.F) {
	f.Add(buildMHTML(f, "quoted-printable", "https://news.example/cafe"))
	f.Add(buildMHTML(f, "base64", ""))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPGgxPkhpPC9oMT4="))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = LooksLikeMHTML(data)
		doc, err := MHTML(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not *Error", err, err)
			}
			return
		}
		checkDoc(t, doc)
	})
}
