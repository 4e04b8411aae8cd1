package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	if r := run(t, "", "--db", nbPath, "import", seedTechDogs, seedMyNation); r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	search := func(args ...string) result {
		return run(t, "", append([]string{"--db", nbPath, "search"}, args...)...)
	}
	hits := func(args ...string) []hitJSON {
		t.Helper()
		r := search(append(args, "--json")...)
		var out []hitJSON
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != ExitOK {
			t.Fatalf("search %q --json: %v: %+v", args, err, r)
		}
		return out
	}

	// Every kind at once, each hit with the fields the issue names.
	r := search("--json", "shockingly untrue")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil || len(raw) == 0 {
		t.Fatalf("search --json: %v: %+v", err, r)
	}
	for _, k := range []string{"kind", "id", "source_id", "title", "snippet", "matches", "score"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("search --json lacks %q: %v", k, raw[0])
		}
	}
	kinds := map[string]int{}
	for _, h := range hits("shockingly untrue") {
		kinds[h.Kind]++
		if h.Kind == "quote" && h.Speaker != "Andy Stone" {
			t.Errorf("quote by %q", h.Speaker)
		}
		for _, m := range h.Matches {
			if got := strings.ToLower(string([]rune(h.Snippet)[m[0]:m[1]])); got != "shockingly" && got != "untrue" {
				t.Errorf("match %v of %q is %q", m, h.Snippet, got)
			}
		}
	}
	if kinds["source"] != 2 || kinds["quote"] < 2 {
		t.Errorf("kinds found: %v", kinds)
	}

	// The text groups the hits by kind and marks the matches.
	r = search("shockingly", "untrue")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Sources (2)") || !strings.Contains(r.stdout, "Quotes (") ||
		!strings.Contains(r.stdout, "[Shockingly] [untrue]") || !strings.Contains(r.stdout, "Andy Stone · ") {
		t.Errorf("search: %+v", r)
	}
	if strings.Index(r.stdout, "Sources") > strings.Index(r.stdout, "Quotes") {
		t.Errorf("groups out of order:\n%s", r.stdout)
	}

	for _, h := range hits("--kind", "quote", "netflix") {
		if h.Kind != "quote" || h.SourceID == 0 {
			t.Errorf("--kind quote gave %+v", h)
		}
	}
	if got := hits("--kind", "speaker,note", "stone"); len(got) != 1 || got[0].Kind != "speaker" || got[0].Title != "Andy Stone" {
		t.Errorf("--kind speaker,note stone: %+v", got)
	}

	// Filters, with and without words.
	got := hits("--outlet", "techdogs", "--kind", "source", "netflix")
	if len(got) != 1 || got[0].Outlet != "TechDogs" {
		t.Errorf("--outlet techdogs: %+v", got)
	}
	got = hits("--from", "2024-04-04", "--kind", "source")
	if len(got) != 1 || got[0].Published != "2024-04-04" || got[0].Snippet != "" || got[0].Score != 0 {
		t.Errorf("--from alone: %+v", got)
	}
	r = run(t, "", "--db", nbPath, "speakers", "--json")
	var speakers []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &speakers); err != nil {
		t.Fatalf("speakers --json: %v: %+v", err, r)
	}
	var musk int64
	for _, sp := range speakers {
		if sp.Name == "Elon Musk" {
			musk = sp.ID
		}
	}
	got = hits("--speaker", fmt.Sprint(musk), "--kind", "quote")
	if len(got) == 0 {
		t.Errorf("no quotes by Musk")
	}
	for _, h := range got {
		if h.Speaker != "Elon Musk" {
			t.Errorf("--speaker %d: %+v", musk, h)
		}
	}
	if got := hits("--tag", "nothing-has-this", "netflix"); len(got) != 0 {
		t.Errorf("unknown tag: %+v", got)
	}
	r = search("--outlet", "techdogs", "--kind", "source")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Sources (1)") || strings.Contains(r.stdout, "[") {
		t.Errorf("list: %+v", r)
	}

	// Mistakes in the command line are usage errors; anything typed as a
	// query is searched.
	for _, args := range [][]string{{}, {"--kind", "sources", "x"}, {"--from", "April", "x"}, {"--story", "x"}} {
		if r := search(args...); r.code != ExitUsage {
			t.Errorf("search %q: %+v", args, r)
		}
	}
	for _, q := range []string{`"`, "-", "*", "NEAR(", "title:", "'; DROP TABLE source; --", "OR OR", "\xff"} {
		if r := search(q); r.code != ExitOK {
			t.Errorf("search %q: %+v", q, r)
		}
	}
	if r := search("zzzzqqq"); r.code != ExitOK || !strings.Contains(r.stdout, `No results for "zzzzqqq".`) {
		t.Errorf("no results: %+v", r)
	}
}
