package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	if r := run(t, "", "--db", nbPath, "import", seedTechDogs, seedMyNation); r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	r := run(t, "", "--db", nbPath, "compare", "1", "2", "--json")
	if r.code != ExitOK {
		t.Fatalf("compare: %+v", r)
	}
	var out struct {
		Pairs []struct {
			A, B   int64
			Shared []struct {
				Kind string
				A, B struct{ Text string }
				Diff []struct{ Op string }
			}
			Only  map[string][]struct{ Start, End int }
			Facts []struct {
				Kind   string
				Values map[string]string
				Agree  bool
			}
			Quotes struct {
				Shared []struct {
					A, B      struct{ Text, Speaker string }
					SameWords bool `json:"same_words"`
				}
				Only map[string][]struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Pairs) != 1 || out.Pairs[0].A != 1 || out.Pairs[0].B != 2 {
		t.Fatalf("pairs: %+v", out.Pairs)
	}
	p := out.Pairs[0]
	if len(p.Shared) == 0 || len(p.Only["1"]) == 0 || len(p.Only["2"]) == 0 {
		t.Errorf("shared %d, only %d / %d", len(p.Shared), len(p.Only["1"]), len(p.Only["2"]))
	}
	found := false
	for _, q := range p.Quotes.Shared {
		if strings.HasPrefix(q.A.Text, "Shockingly untrue") && q.SameWords && q.A.Speaker == "Andy Stone" && q.B.Speaker == "Andy Stone" {
			found = true
		}
	}
	if !found {
		t.Errorf("Stone's statement is not a shared quote with the same words: %+v", p.Quotes.Shared)
	}
	differ, only := false, false
	for _, f := range p.Facts {
		differ = differ || (f.Kind == "money" && !f.Agree && len(f.Values) == 2)
		only = only || (f.Kind == "date" && f.Values["1"] == "2023-12" && len(f.Values) == 1)
	}
	if !differ || !only {
		t.Errorf("facts: a differing amount %v, the encryption date only in TechDogs %v", differ, only)
	}
	if len(p.Quotes.Only["1"]) == 0 {
		t.Error("no quotes only in TechDogs")
	}
	if strings.Contains(r.stdout, `"overview"`) {
		t.Error("an overview for two sources")
	}
	// A third source: a paraphrase that keeps Stone's statement.
	third := "Meta denies it\n\nMeta's Andy Stone called the report false. \"Shockingly untrue. Meta didn't share people's private messages with Netflix,\" he wrote on X.\n"
	if r := run(t, third, "--db", nbPath, "import", "-"); r.code != ExitOK {
		t.Fatalf("import -: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "compare", "1", "2", "3", "--json")
	var three struct {
		Pairs    []json.RawMessage
		Overview struct {
			Coverage map[string]map[string]float64
			Quotes   []struct {
				Text    string
				Sources []int64
			}
			Timeline []struct {
				Date     string
				Mentions []struct{ SourceID int64 }
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &three); err != nil || r.code != ExitOK {
		t.Fatalf("compare 1 2 3: %v: %+v", err, r)
	}
	if len(three.Pairs) != 3 || len(three.Overview.Coverage) != 3 || len(three.Overview.Coverage["3"]) != 2 {
		t.Errorf("three sources: %d pairs, coverage %v", len(three.Pairs), three.Overview.Coverage)
	}
	if len(three.Overview.Timeline) == 0 {
		t.Error("no timeline")
	}
	if q := three.Overview.Quotes; len(q) == 0 || len(q[0].Sources) != 3 {
		t.Errorf("the statement all three carry should lead the overview: %+v", q)
	}
	report := filepath.Join(t.TempDir(), "report.html")
	r = run(t, "", "--db", nbPath, "compare", "1", "2", "3", "--html", report)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Wrote the comparison report") {
		t.Fatalf("compare --html: %+v", r)
	}
	if data, err := os.ReadFile(report); err != nil || !strings.Contains(string(data), "<h2>TechDogs and MyNation</h2>") || strings.Contains(string(data), "<script") {
		t.Errorf("report: %v, %d bytes", err, len(data))
	}
	if r := run(t, "", "--db", nbPath, "compare", "1", "2", "--html", filepath.Join(t.TempDir(), "no", "such", "dir.html")); r.code != ExitError {
		t.Errorf("report into a missing folder: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "compare", "1", "2")
	if r.code != ExitOK || !strings.Contains(r.stdout, "shared passages") {
		t.Errorf("compare table: %+v", r)
	}
	for _, bad := range [][]string{{"compare", "1"}, {"compare", "1", "x"}} {
		if r := run(t, "", append([]string{"--db", nbPath}, bad...)...); r.code != ExitUsage {
			t.Errorf("%v: %+v", bad, r)
		}
	}
	if r := run(t, "", "--db", nbPath, "compare", "1", "7"); r.code != ExitError || !strings.Contains(r.stderr, "source 7 does not exist") {
		t.Errorf("compare 1 7: %+v", r)
	}
}
