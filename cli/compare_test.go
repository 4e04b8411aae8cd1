package cli

import (
	"encoding/json"
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
			Only   map[string][]struct{ Start, End int }
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
	if len(p.Quotes.Only["1"]) == 0 {
		t.Error("no quotes only in TechDogs")
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
