package htmlextract

import (
	"errors"
	"flag"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

var (
	evalDir     = flag.String("evaldir", "", "shared eval folder (holding article-extraction-benchmark/ and trafilatura-eval/); TestEvaluate runs only when set")
	evalVariant = flag.String("evalvariant", "", "try other go-trafilatura settings in TestEvaluate: recall, precision, nofallback")
)

// variants are the settings compared when choosing trafilaturaOptions.
var variants = map[string]func(*trafilatura.Options){
	"recall":     func(o *trafilatura.Options) { o.Focus = trafilatura.FavorRecall },
	"precision":  func(o *trafilatura.Options) { o.Focus = trafilatura.FavorPrecision },
	"nofallback": func(o *trafilatura.Options) { o.EnableFallback = false },
}

// TestEvaluate prints the extraction quality figures:
//
//	go test ./internal/htmlextract -run TestEvaluate -evaldir ../shared/eval -v
func TestEvaluate(t *testing.T) {
	if *evalDir == "" {
		t.Skip("set -evaldir to run the evaluation")
	}
	if *evalVariant != "" {
		tune, ok := variants[*evalVariant]
		if !ok {
			t.Fatalf("unknown -evalvariant %q", *evalVariant)
		}
		tuneOptions = tune
		defer func() { tuneOptions = nil }()
	}
	r, err := Evaluate(*evalDir)
	if errors.Is(err, ErrNoEvalSets) {
		t.Skipf("%v: the evaluation needs the shared eval folder", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		for _, p := range r.Benchmark.PerPage {
			t.Logf("benchmark %.12s  P %.3f  R %.3f  F1 %.3f", p.ID, p.Precision, p.Recall, p.F1)
		}
		for _, s := range r.Snippets.Missing {
			t.Logf("missing: %s", s)
		}
		for _, s := range r.Snippets.Leaked {
			t.Logf("leaked: %s", s)
		}
		for _, m := range r.Meta {
			for _, w := range m.Wrong {
				t.Logf("%s wrong: %s", m.Field, w)
			}
		}
	}
	t.Logf("\n%s", r)
}
