package align

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sourcebook/internal/ingest"
	"sourcebook/internal/textextract"
)

// load reads a plain-text article the way the app imports it.
func load(t testing.TB, path string) Input {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return inputOf(t, data)
}

func inputOf(t testing.TB, data []byte) Input {
	t.Helper()
	text, err := ingest.Text(data)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	doc := textextract.Text(text)
	return Input{Text: doc.Text, Blocks: doc.Blocks}
}

// loadArticle reads a cluster article, dropping its URL and title lines.
func loadArticle(t testing.TB, path string) Input {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 3)
	if len(lines) < 3 {
		t.Fatalf("%s: want URL, title and text", path)
	}
	return inputOf(t, []byte(lines[2]))
}

func seedPath(name string) string { return filepath.Join("..", "..", "testdata", "seeds", name) }

// describe renders a result for reading in -v output.
func describe(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "coverage A %.2f, B %.2f; %d pairs, %d only A, %d only B\n",
		r.CoverageA, r.CoverageB, len(r.Pairs), len(r.OnlyA), len(r.OnlyB))
	for _, p := range r.Pairs {
		fmt.Fprintf(&b, "PAIR %s %.2f\n  A %q\n  B %q\n", p.Kind, p.Score, short(p.A.Text), short(p.B.Text))
		for _, op := range p.Ops {
			if op.Kind != "equal" {
				fmt.Fprintf(&b, "    %s %q -> %q\n", op.Kind, strings.Join(op.A, " "), strings.Join(op.B, " "))
			}
		}
	}
	for _, s := range r.OnlyA {
		fmt.Fprintf(&b, "ONLY A %q\n", short(s.Text))
	}
	for _, s := range r.OnlyB {
		fmt.Fprintf(&b, "ONLY B %q\n", short(s.Text))
	}
	return b.String()
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 160 {
		return string(r[:100]) + " … " + string(r[len(r)-50:])
	}
	return s
}

// corpus returns a source of at least n words: the paragraphs of every
// test article and seed, shuffled with seed, repeated as needed.
func corpus(t testing.TB, n int, seed uint64) Input {
	t.Helper()
	var pool []string
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	for _, f := range files {
		pool = append(pool, strings.Split(loadArticle(t, f).Text, "\n")...)
	}
	seeds, _ := filepath.Glob(seedPath("*.txt"))
	for _, f := range seeds {
		pool = append(pool, strings.Split(load(t, f).Text, "\n")...)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	var out []string
	words := 0
	for words < n {
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		for _, p := range pool {
			if words >= n {
				break
			}
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
				words += len(strings.Fields(p))
			}
		}
	}
	return plain(strings.Join(out, "\n"))
}
