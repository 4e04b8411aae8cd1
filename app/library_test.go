package app

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sourcebook/db"
)

// generatedApp opens a generated notebook of n sources (see
// search_bench_test.go) in a temporary folder.
func generatedApp(t *testing.T, n int) (*App, *db.Notebook) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := generateNotebook(path, n); err != nil {
		t.Fatal(err)
	}
	nb, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nb.Close() })
	return New(nb, Options{Mode: "cli", Log: slog.New(slog.DiscardHandler)}), nb
}

func summaryIDs(sums []SourceSummary) []int64 {
	out := []int64{}
	for _, s := range sums {
		out = append(out, s.ID)
	}
	return out
}

// allPages reads the whole list page by page.
func allPages(t *testing.T, a *App, filter string, limit int) ([]SourceSummary, LibraryPage) {
	t.Helper()
	var out []SourceSummary
	var last LibraryPage
	for offset := 0; ; offset += limit {
		p, err := a.LibraryPage(LibraryRequest{Filter: filter, Offset: offset, Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		if p.Offset != offset || p.Index != -1 {
			t.Fatalf("page at %d: offset %d, index %d", offset, p.Offset, p.Index)
		}
		out = append(out, p.Sources...)
		last = p
		if len(p.Sources) < limit {
			return out, last
		}
	}
}

// The library's pages put together are the library, filtered or not, and
// a page asked for around a source holds it.
func TestLibraryPage(t *testing.T) {
	a, _ := generatedApp(t, 230)
	lib, err := a.Library()
	if err != nil {
		t.Fatal(err)
	}
	// A source with accents, to be found without them.
	const fancy = 17
	if _, err := a.UpdateSource(SourceUpdate{ID: fancy, Title: "Crème brûlée at the Élysée", Outlet: "Le Monde",
		Authors: []string{"José Álvarez", "Zoë Ngata"}, Published: "2021-05-04"}); err != nil {
		t.Fatal(err)
	}
	if lib, err = a.Library(); err != nil {
		t.Fatal(err)
	}

	got, last := allPages(t, a, "", 40)
	if !slices.Equal(summaryIDs(got), summaryIDs(lib.Sources)) {
		t.Errorf("the pages list %v, the library %v", summaryIDs(got), summaryIDs(lib.Sources))
	}
	for i := range got {
		if !slices.Equal(got[i].StoryIDs, lib.Sources[i].StoryIDs) || got[i].Words != lib.Sources[i].Words ||
			got[i].ImportedAt != lib.Sources[i].ImportedAt || !slices.Equal(got[i].Authors, lib.Sources[i].Authors) {
			t.Fatalf("page row %d: %+v, library %+v", i, got[i], lib.Sources[i])
		}
	}
	if last.Total != 230 || last.All != 230 {
		t.Errorf("total %d, all %d", last.Total, last.All)
	}

	filters := []struct {
		filter string
		want   func(SourceSummary) bool
	}{
		{"creme ALVAREZ", func(s SourceSummary) bool { return s.ID == fancy }},
		{"  élysée  monde ", func(s SourceSummary) bool { return s.ID == fancy }},
		{"ledger", func(s SourceSummary) bool { return strings.Contains(strings.ToLower(s.Outlet), "ledger") }},
		{"the", func(s SourceSummary) bool {
			return strings.Contains(strings.ToLower(s.Title+s.Outlet+strings.Join(s.Authors, " ")), "the")
		}},
		{"nothing-has-this", func(SourceSummary) bool { return false }},
	}
	for _, f := range filters {
		var want []int64
		for _, s := range lib.Sources {
			if f.want(s) {
				want = append(want, s.ID)
			}
		}
		got, last := allPages(t, a, f.filter, 25)
		if !slices.Equal(summaryIDs(got), orEmpty(want)) || last.Total != len(want) || last.All != 230 {
			t.Errorf("filter %q: %v of %d (all %d), want %v", f.filter, summaryIDs(got), last.Total, last.All, want)
		}
	}

	// Around: the page holding the source, and where it is.
	for _, around := range []int64{lib.Sources[0].ID, lib.Sources[99].ID, lib.Sources[229].ID} {
		p, err := a.LibraryPage(LibraryRequest{Around: around, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		at := slices.IndexFunc(lib.Sources, func(s SourceSummary) bool { return s.ID == around })
		if p.Index != at || p.Offset != at/50*50 || !slices.Contains(summaryIDs(p.Sources), around) {
			t.Errorf("around %d (at %d): index %d, offset %d", around, at, p.Index, p.Offset)
		}
	}
	p, err := a.LibraryPage(LibraryRequest{Filter: "creme", Around: fancy})
	if err != nil || p.Index != 0 || len(p.Sources) != 1 {
		t.Errorf("around in a filtered list: %+v, %v", p, err)
	}
	p, err = a.LibraryPage(LibraryRequest{Filter: "creme", Around: lib.Sources[0].ID, Offset: 0})
	if err != nil || p.Index != -1 || p.Offset != 0 || len(p.Sources) != 1 {
		t.Errorf("around a source the filter leaves out: %+v, %v", p, err)
	}
	if p, err := a.LibraryPage(LibraryRequest{Around: 99999}); err != nil || p.Index != -1 {
		t.Errorf("around a missing source: %+v, %v", p, err)
	}

	// The filter follows changes: a deleted source leaves it, a renamed one
	// is found by its new title.
	if err := a.DeleteSource(fancy); err != nil {
		t.Fatal(err)
	}
	if p, _ := a.LibraryPage(LibraryRequest{Filter: "creme"}); p.Total != 0 || p.All != 229 {
		t.Errorf("after deleting: %+v", p)
	}
	if _, err := a.UpdateSource(SourceUpdate{ID: lib.Sources[3].ID, Title: "Quixotic zebras"}); err != nil {
		t.Fatal(err)
	}
	if p, _ := a.LibraryPage(LibraryRequest{Filter: "zebra"}); p.Total != 1 || p.Sources[0].ID != lib.Sources[3].ID {
		t.Errorf("after renaming: %+v", p)
	}

	for _, bad := range []LibraryRequest{{Offset: -1}, {Limit: -5}} {
		if _, err := a.LibraryPage(bad); code(err) != CodeInvalid {
			t.Errorf("%+v: %v, want invalid", bad, err)
		}
	}
	if p, _ := a.LibraryPage(LibraryRequest{}); len(p.Sources) != defaultPage {
		t.Errorf("a page of the default size holds %d sources, want %d", len(p.Sources), defaultPage)
	}
	if p, _ := a.LibraryPage(LibraryRequest{Limit: 10000}); len(p.Sources) != min(229, maxPage) {
		t.Errorf("a page of 10,000 holds %d sources, want %d", len(p.Sources), min(229, maxPage))
	}
	if p, _ := a.LibraryPage(LibraryRequest{Offset: 5000}); len(p.Sources) != 0 || p.Total != 229 {
		t.Errorf("a page past the end: %+v", p)
	}
}

// SourceSummaries answers in the order asked, with stories, and leaves out
// what is not there; Stories, NoteCount and Outlets agree with the rest.
func TestSourceSummariesStoriesCounts(t *testing.T) {
	a, nb := generatedApp(t, 120)
	lib, err := a.Library()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]SourceSummary{}
	for _, s := range lib.Sources {
		byID[s.ID] = s
	}
	var inStory int64
	for _, s := range lib.Sources {
		if len(s.StoryIDs) > 0 {
			inStory = s.ID
			break
		}
	}
	ask := []int64{inStory, 5, 999999, 3, 5}
	got, err := a.SourceSummaries(ask)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{inStory, 5, 3, 5}; !slices.Equal(summaryIDs(got), want) {
		t.Errorf("SourceSummaries(%v) = %v, want %v", ask, summaryIDs(got), want)
	}
	for _, s := range got {
		w := byID[s.ID]
		if s.Title != w.Title || s.Words != w.Words || !slices.Equal(s.StoryIDs, w.StoryIDs) || s.ImportedAt != w.ImportedAt {
			t.Errorf("summary %+v, library %+v", s, w)
		}
	}
	if got, err := a.SourceSummaries(nil); err != nil || got == nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
	if _, err := a.SourceSummaries(make([]int64, maxSummaries+1)); code(err) != CodeInvalid {
		t.Errorf("too many: %v", err)
	}

	stories, err := a.Stories()
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != len(lib.Stories) {
		t.Fatalf("%d stories, library %d", len(stories), len(lib.Stories))
	}
	for i := range stories {
		byDate := slices.Clone(lib.Stories[i].SourceIDs)
		slices.SortFunc(byDate, func(x, y int64) int { return int(y - x) })
		if stories[i].ID != lib.Stories[i].ID || !slices.Equal(stories[i].SourceIDs, byDate) {
			t.Errorf("story %+v, library %+v", stories[i], lib.Stories[i])
		}
	}

	n, err := a.NoteCount()
	if err != nil || n != 60 {
		t.Errorf("NoteCount = %d, %v; want 60", n, err)
	}

	if _, err := nb.DB.Exec(`UPDATE source SET outlet = 'the ledger' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	outlets, err := a.Outlets()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, s := range lib.Sources {
		counts[strings.ToLower(s.Outlet)]++
	}
	seen := map[string]bool{}
	for i, o := range outlets {
		k := strings.ToLower(o)
		if seen[k] {
			t.Errorf("%q twice in %v", o, outlets)
		}
		seen[k] = true
		if i > 0 && counts[k] > counts[strings.ToLower(outlets[i-1])] {
			t.Errorf("%q (%d sources) after %q (%d)", o, counts[k], outlets[i-1], counts[strings.ToLower(outlets[i-1])])
		}
	}
	if len(seen) != len(counts) {
		t.Errorf("%d outlets, the sources name %d", len(seen), len(counts))
	}
}

func TestAuthorsText(t *testing.T) {
	for js, want := range map[string]string{
		`[]`:                         "",
		`["Roshni Tamta"]`:           "Roshni Tamta",
		`["A B","C D"]`:              "A B\x00C D",
		`["Zoë \"Z\" Ngata","José"]`: `Zoë "Z" Ngata` + "\x00José",
		`["a\u0026b"]`:               "a&b",
		`not json`:                   "not json",
	} {
		if got := authorsText(js); got != want {
			t.Errorf("authorsText(%s) = %q, want %q", js, got, want)
		}
	}
}
