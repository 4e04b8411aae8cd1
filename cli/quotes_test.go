package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuotesSpeakersReextract(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	if r := run(t, "", "--db", nbPath, "import", seedTechDogs, seedMyNation); r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	r := run(t, "", "--db", nbPath, "quotes", "--json")
	var quotes []quoteRowJSON
	if err := json.Unmarshal([]byte(r.stdout), &quotes); err != nil || r.code != ExitOK {
		t.Fatalf("quotes --json: %v: %+v", err, r)
	}
	// The fields the issue names, with Stone's statement one group across
	// both sources.
	var raw []map[string]any
	json.Unmarshal([]byte(r.stdout), &raw)
	for _, k := range []string{"id", "source_id", "text", "start", "end", "speaker", "status", "group"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("quotes --json lacks %q", k)
		}
	}
	groups := map[string]map[int64]bool{}
	for _, q := range quotes {
		if q.Kind == "scare" || q.Status == "rejected" {
			t.Errorf("listed without --all: %+v", q)
		}
		if strings.HasPrefix(q.Text, "Shockingly untrue") {
			if q.Speaker != "Andy Stone" {
				t.Errorf("Stone's statement attributed to %q", q.Speaker)
			}
			if groups[q.Group] == nil {
				groups[q.Group] = map[int64]bool{}
			}
			groups[q.Group][q.SourceID] = true
		}
	}
	if len(groups) != 1 {
		t.Errorf("Stone's statement is in %d groups, want 1", len(groups))
	}
	for _, srcs := range groups {
		if len(srcs) != 2 {
			t.Errorf("Stone's statement found in %d sources, want 2", len(srcs))
		}
	}

	r = run(t, "", "--db", nbPath, "quotes", "--source", "1", "--all", "--json")
	var one []quoteRowJSON
	if err := json.Unmarshal([]byte(r.stdout), &one); err != nil || len(one) <= len(quotes)/2 {
		t.Fatalf("quotes --source 1 --all: %v: %d quotes", err, len(one))
	}
	scare := false
	for _, q := range one {
		if q.SourceID != 1 {
			t.Errorf("quote of source %d listed", q.SourceID)
		}
		scare = scare || q.Kind == "scare"
	}
	if !scare {
		t.Error("--all lists no scare quotes")
	}
	r = run(t, "", "--db", nbPath, "quotes", "--source", "1")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Andy Stone") || !strings.Contains(r.stdout, "SPEAKER") {
		t.Errorf("quotes table: %+v", r)
	}
	if r := run(t, "", "--db", nbPath, "quotes", "--source", "99"); r.code != ExitError || !strings.Contains(r.stderr, "source 99 does not exist") {
		t.Errorf("quotes of a missing source: %+v", r)
	}
	if r := run(t, "", "--db", nbPath, "quotes", "extra"); r.code != ExitUsage {
		t.Errorf("quotes extra: %+v", r)
	}

	r = run(t, "", "--db", nbPath, "speakers")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Andy Stone") || !strings.Contains(r.stdout, "Elon Musk") {
		t.Errorf("speakers: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "reextract", "1")
	if r.code != ExitOK || !strings.Contains(r.stdout, "0 could not be placed, 0 new quotes") {
		t.Errorf("reextract: %+v", r)
	}
	if r := run(t, "", "--db", nbPath, "reextract", "42"); r.code != ExitError || !strings.Contains(r.stderr, "source 42 does not exist") {
		t.Errorf("reextract 42: %+v", r)
	}
}
