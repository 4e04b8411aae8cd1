package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sourcebook/internal/document"
	"sourcebook/internal/ingest"
	"sourcebook/internal/textextract"
)

// load reads a plain-text article the way the app imports it.
func load(t testing.TB, path string) document.Doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return docOf(t, data)
}

func docOf(t testing.TB, data []byte) document.Doc {
	t.Helper()
	text, err := ingest.Text(data)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return textextract.Text(text)
}

// loadArticle reads a cluster article, dropping its URL and title lines.
func loadArticle(t testing.TB, path string) document.Doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 3)
	if len(lines) < 3 {
		t.Fatalf("%s: want URL, title and text", path)
	}
	return docOf(t, []byte(lines[2]))
}

func seedPath(name string) string { return filepath.Join("..", "..", "testdata", "seeds", name) }

func extractDoc(d document.Doc) []Fact { return Extract(d.Text, d.Blocks) }

func factString(f Fact) string {
	s := fmt.Sprintf("%s %q (%q", f.Kind, f.Value, f.Text)
	if f.Unit != "" {
		s += " unit " + f.Unit
	}
	if f.Subject != "" {
		s += " about " + f.Subject
	}
	return s + ")"
}

// describe renders a comparison for reading in -v output.
func describe(c Comparison) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d agree, %d differ, %d only A, %d only B\n", len(c.Agree), len(c.Differ), len(c.OnlyA), len(c.OnlyB))
	for _, p := range c.Agree {
		fmt.Fprintf(&b, "AGREE  %s | %s  %.2f\n", factString(p.A), factString(p.B), p.Score)
	}
	for _, p := range c.Differ {
		fmt.Fprintf(&b, "DIFFER %s | %s  %.2f\n       A: %s\n       B: %s\n", factString(p.A), factString(p.B), p.Score, short(p.A.Sentence.Text), short(p.B.Sentence.Text))
	}
	for _, f := range c.OnlyA {
		fmt.Fprintf(&b, "ONLY A %s\n", factString(f))
	}
	for _, f := range c.OnlyB {
		fmt.Fprintf(&b, "ONLY B %s\n", factString(f))
	}
	return b.String()
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 140 {
		return string(r[:140]) + "…"
	}
	return s
}
