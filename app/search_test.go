package app

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sourcebook/db"
)

// searchFixture is a notebook with the two seed articles, a story holding
// one of them, notes, an alias and tags: something of every kind to find.
type searchFixture struct {
	a                  *App
	nb                 *db.Notebook
	techdogs, mynation int64 // sources
	stone              int64 // Andy Stone, the speaker quoted in both
	musk               int64 // Elon Musk, quoted in TechDogs only
	story              int64 // holds MyNation only
	storyNote          int64 // a note on the story
	sourceNote         int64 // a note on TechDogs
	speakerNote        int64 // a note on Stone
	highlight          int64 // a highlight (a note on a passage) in MyNation
	standalone         int64 // a note on nothing
}

func newSearchFixture(t testing.TB) *searchFixture {
	t.Helper()
	a, nb := newApp(t)
	f := &searchFixture{a: a, nb: nb}
	res, err := a.ImportFiles([]FileData{
		{Name: "000.txt", Data: readSeedTB(t, seedTechDogs)},
		{Name: "004.txt", Data: readSeedTB(t, seedMyNation)},
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Error != "" {
			t.Fatal(r.Error)
		}
	}
	f.techdogs, f.mynation = res[0].Source.ID, res[1].Source.ID
	speakers, err := a.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range speakers {
		switch sp.Name {
		case "Andy Stone":
			f.stone = sp.ID
		case "Elon Musk":
			f.musk = sp.ID
		}
	}
	if f.stone == 0 || f.musk == 0 {
		t.Fatalf("speakers %+v lack Andy Stone or Elon Musk", speakers)
	}
	// The role the detector gives depends on which source is stored first
	// (they are imported in parallel): set one.
	if _, err := a.UpdateSpeaker(SpeakerUpdate{ID: f.stone, Name: "Andy Stone", Role: "spokesperson for policy", Affiliation: "Meta"}); err != nil {
		t.Fatal(err)
	}
	if err := nb.Q.SpeakerAliasAdd(context.Background(), db.SpeakerAliasAddParams{
		UUID: "alias-1", SpeakerID: f.stone, Alias: "Andrew Stone", CreatedAt: "2026-11-23T12:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	story, err := a.CreateStory("Netflix and the messages")
	if err != nil {
		t.Fatal(err)
	}
	f.story = story.ID
	if err := a.AddToStory(f.story, f.mynation); err != nil {
		t.Fatal(err)
	}
	note := func(body string, attach *NoteTarget, tags ...string) int64 {
		n, err := a.CreateNote(NoteRequest{Body: body, Attach: attach, Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		return n.ID
	}
	f.storyNote = note("# Angle for the story\n\nAsk who checked the zanzibar claim.", &NoteTarget{Kind: "story", ID: f.story})
	f.sourceNote = note("# TechDogs piece\n\nCompare the zanzibar timeline with the filing.", &NoteTarget{Kind: "source", ID: f.techdogs}, "followup")
	f.speakerNote = note("# Stone\n\nCall the press office about the quillwort memo.", &NoteTarget{Kind: "speaker", ID: f.stone})
	f.standalone = note("# Loose idea\n\nA zanzibar of its own, about nothing in particular.", nil)
	hl, err := a.CreateHighlight(HighlightRequest{SourceID: f.mynation, Start: 0, End: 7, Note: "Headline word; check the marmalade angle"})
	if err != nil {
		t.Fatal(err)
	}
	f.highlight = hl.ID
	if _, err := a.SetTags("source", f.techdogs, []string{"privacy"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetTags("speaker", f.musk, []string{"privacy"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func readSeedTB(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func (f *searchFixture) search(t *testing.T, req SearchRequest) SearchResults {
	t.Helper()
	res, err := f.a.SearchAll(req)
	if err != nil {
		t.Fatalf("SearchAll(%+v): %v", req, err)
	}
	return res
}

// group returns the hits of one kind.
func groupOf(t *testing.T, res SearchResults, kind string) SearchGroup {
	t.Helper()
	for _, g := range res.Groups {
		if g.Kind == kind {
			return g
		}
	}
	t.Fatalf("no %s group in %+v", kind, res.Groups)
	return SearchGroup{}
}

// ids lists the ids of a group's hits, sorted.
func ids(g SearchGroup) []int64 {
	var out []int64
	for _, h := range g.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

// marked is the words a snippet marks as matching, lower-cased.
func marked(segs []Segment) []string {
	var out []string
	for _, s := range segs {
		if s.Match {
			out = append(out, strings.ToLower(s.Text))
		}
	}
	return out
}

func sorted(xs ...int64) []int64 {
	slices.Sort(xs)
	return xs
}

// TestSearchAll runs the search tests on one notebook, built once: they
// only read it.
func TestSearchAll(t *testing.T) {
	f := newSearchFixture(t)
	for _, tt := range []struct {
		name string
		test func(*testing.T, *searchFixture)
	}{
		{"finds every kind", testSearchAllFindsEveryKind},
		{"query syntax", testSearchAllQuerySyntax},
		{"filters", testSearchAllFilters},
		{"invalid requests", testSearchAllInvalid},
		{"filters alone", testSearchAllFiltersAlone},
		{"Search keeps sources in hits", testSearchKeepsSourcesInHits},
		{"hostile input", testSearchAllHostileInput},
		{"filter plans agree", testSearchFilterPlansAgree},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, f) })
	}
}

func testSearchAllFindsEveryKind(t *testing.T, f *searchFixture) {

	t.Run("source by title", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "accused allowing"}), "source")
		if !slices.Equal(ids(g), []int64{f.techdogs}) {
			t.Fatalf("hits %+v", g.Hits)
		}
		h := g.Hits[0]
		if h.SourceID != f.techdogs || h.Title != "Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!" ||
			h.Outlet != "TechDogs" || h.Published != "2024-04-04" || h.Score >= 0 {
			t.Errorf("hit %+v", h)
		}
	})
	t.Run("source by text", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "Reed Hastings"})
		g := groupOf(t, res, "source")
		if !slices.Equal(ids(g), sorted(f.techdogs, f.mynation)) || g.Total != 2 || g.More {
			t.Fatalf("group %+v", g)
		}
		for _, h := range g.Hits {
			if m := marked(h.Snippet); !slices.Contains(m, "reed") || !slices.Contains(m, "hastings") {
				t.Errorf("snippet of %d marks %q", h.ID, m)
			}
		}
	})
	t.Run("quote by its words", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "shockingly untrue"}), "quote")
		sources := map[int64]bool{}
		for _, h := range g.Hits {
			if h.Speaker != "Andy Stone" || !strings.HasPrefix(h.Title, "Andy Stone · ") || h.SourceTitle == "" {
				t.Errorf("quote hit %+v", h)
			}
			if m := marked(h.Snippet); !slices.Contains(m, "shockingly") {
				t.Errorf("snippet marks %q", m)
			}
			sources[h.SourceID] = true
		}
		if !sources[f.techdogs] || !sources[f.mynation] {
			t.Errorf("Stone's quote found in sources %v, want both", sources)
		}
	})
	t.Run("speaker by name", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "andy stone"}), "speaker")
		if !slices.Equal(ids(g), []int64{f.stone}) || g.Hits[0].Title != "Andy Stone" || g.Hits[0].SourceID != 0 {
			t.Fatalf("hits %+v", g.Hits)
		}
	})
	t.Run("speaker by alias", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "Andrew"}), "speaker")
		if !slices.Equal(ids(g), []int64{f.stone}) {
			t.Fatalf("hits %+v", g.Hits)
		}
		if m := marked(g.Hits[0].Snippet); !slices.Equal(m, []string{"andrew"}) {
			t.Errorf("snippet %+v", g.Hits[0].Snippet)
		}
	})
	t.Run("speaker by role", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "spokesperson for policy", Kinds: []string{"speaker"}}), "speaker")
		if !slices.Equal(ids(g), []int64{f.stone}) {
			t.Fatalf("hits %+v", g.Hits)
		}
	})
	t.Run("note by its body", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "zanzibar"}), "note")
		if !slices.Equal(ids(g), sorted(f.storyNote, f.sourceNote, f.standalone)) {
			t.Fatalf("hits %+v", g.Hits)
		}
		for _, h := range g.Hits {
			switch h.ID {
			case f.sourceNote:
				if h.Title != "TechDogs piece" || h.SourceID != f.techdogs || h.Outlet != "TechDogs" || h.SourceTitle == "" {
					t.Errorf("note on a source: %+v", h)
				}
			case f.standalone:
				if h.Title != "Loose idea" || h.SourceID != 0 {
					t.Errorf("standalone note: %+v", h)
				}
			}
			if m := marked(h.Snippet); !slices.Equal(m, []string{"zanzibar"}) {
				t.Errorf("snippet of note %d marks %q", h.ID, m)
			}
		}
	})
	t.Run("highlight's note", func(t *testing.T) {
		g := groupOf(t, f.search(t, SearchRequest{Query: "marmalade"}), "note")
		if !slices.Equal(ids(g), []int64{f.highlight}) || g.Hits[0].SourceID != f.mynation {
			t.Fatalf("hits %+v", g.Hits)
		}
	})
	t.Run("flat list holds every group, best first", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "stone OR untrue"})
		n := 0
		for _, g := range res.Groups {
			n += len(g.Hits)
		}
		if len(res.Hits) != n || n == 0 {
			t.Fatalf("%d flat hits, %d in groups", len(res.Hits), n)
		}
		if !slices.IsSortedFunc(res.Hits, func(x, y Hit) int { return cmpFloat(x.Score, y.Score) }) {
			t.Errorf("flat hits not best first")
		}
		kinds := map[string]bool{}
		for _, h := range res.Hits {
			kinds[h.Kind] = true
		}
		for _, k := range []string{"source", "quote", "speaker", "note"} {
			if !kinds[k] {
				t.Errorf("no %s among the hits", k)
			}
		}
	})
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func testSearchAllQuerySyntax(t *testing.T, f *searchFixture) {
	sources := func(req SearchRequest) []int64 {
		req.Kinds = []string{"source"}
		return ids(groupOf(t, f.search(t, req), "source"))
	}
	both := sorted(f.techdogs, f.mynation)
	tests := []struct {
		name string
		req  SearchRequest
		want []int64
	}{
		{"phrase", SearchRequest{Query: `"private messages"`}, both},
		{"phrase in the wrong order", SearchRequest{Query: `"messages private"`}, nil},
		{"words in any order", SearchRequest{Query: "messages private"}, both},
		{"all words needed", SearchRequest{Query: "netflix digitalization"}, []int64{f.techdogs}},
		{"prefix as typed", SearchRequest{Query: "digitaliz", AsYouType: true}, []int64{f.techdogs}},
		{"no prefix once submitted", SearchRequest{Query: "digitaliz"}, nil},
		{"prefix typed with a star", SearchRequest{Query: "digitali*"}, []int64{f.techdogs}},
		{"three letters typed are a prefix", SearchRequest{Query: "dig", AsYouType: true}, []int64{f.techdogs}},
		{"two letters typed are a prefix", SearchRequest{Query: "digitalization ne", AsYouType: true}, []int64{f.techdogs}},
		{"one letter typed is a word", SearchRequest{Query: "netflix d", AsYouType: true}, nil},
		{"OR", SearchRequest{Query: "digitalization OR decade"}, both},
		{"NOT", SearchRequest{Query: "netflix NOT digitalization"}, []int64{f.mynation}},
		{"minus", SearchRequest{Query: "netflix -digitalization"}, []int64{f.mynation}},
		{"case and accents folded", SearchRequest{Query: "NÉTFLIX"}, both},
		{"apostrophe", SearchRequest{Query: "users' private"}, both},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sources(tt.req); !slices.Equal(got, tt.want) {
				t.Errorf("%+v found %v, want %v", tt.req, got, tt.want)
			}
		})
	}
}

func testSearchAllFilters(t *testing.T, f *searchFixture) {
	stoneQuotes := func(req SearchRequest) map[int64]bool {
		out := map[int64]bool{}
		for _, h := range groupOf(t, f.search(t, req), "quote").Hits {
			out[h.SourceID] = true
		}
		return out
	}
	t.Run("story", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "netflix", StoryID: f.story})
		if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.mynation}) {
			t.Errorf("sources %v", got)
		}
		for _, h := range groupOf(t, res, "quote").Hits {
			if h.SourceID != f.mynation {
				t.Errorf("quote of another source: %+v", h)
			}
		}
		// Notes on the story or its sources (the highlight is on MyNation).
		res = f.search(t, SearchRequest{Query: "zanzibar OR marmalade", StoryID: f.story})
		if got := ids(groupOf(t, res, "note")); !slices.Equal(got, sorted(f.storyNote, f.highlight)) {
			t.Errorf("notes %v, want the story's and the highlight", got)
		}
		// Speakers quoted in its sources: Stone is, Musk (TechDogs only) not.
		res = f.search(t, SearchRequest{Query: "stone OR musk", StoryID: f.story})
		if got := ids(groupOf(t, res, "speaker")); !slices.Equal(got, []int64{f.stone}) {
			t.Errorf("speakers %v, want Stone only", got)
		}
	})
	t.Run("tag", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "netflix OR musk OR zanzibar", Tag: "PRIVACY"})
		if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.techdogs}) {
			t.Errorf("sources %v", got)
		}
		if got := ids(groupOf(t, res, "speaker")); !slices.Equal(got, []int64{f.musk}) {
			t.Errorf("speakers %v", got)
		}
		if g := groupOf(t, res, "quote"); len(g.Hits) != 0 || len(groupOf(t, res, "note").Hits) != 0 {
			t.Errorf("untagged quotes or notes found: %+v", res.Groups)
		}
		res = f.search(t, SearchRequest{Query: "zanzibar", Tag: "followup"})
		if got := ids(groupOf(t, res, "note")); !slices.Equal(got, []int64{f.sourceNote}) {
			t.Errorf("notes %v", got)
		}
		res = f.search(t, SearchRequest{Query: "netflix", Tag: "no such tag"})
		if len(res.Groups) != 4 || len(res.Hits) != 0 {
			t.Errorf("an unknown tag: %+v", res)
		}
	})
	t.Run("speaker", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "netflix OR untrue OR quillwort OR stone", SpeakerID: f.stone})
		for _, h := range groupOf(t, res, "quote").Hits {
			if h.Speaker != "Andy Stone" {
				t.Errorf("quote by %q", h.Speaker)
			}
		}
		if got := ids(groupOf(t, res, "source")); !slices.Equal(got, sorted(f.techdogs, f.mynation)) {
			t.Errorf("sources quoting Stone: %v", got)
		}
		if got := ids(groupOf(t, res, "note")); !slices.Equal(got, []int64{f.speakerNote}) {
			t.Errorf("notes %v", got)
		}
		if got := ids(groupOf(t, res, "speaker")); !slices.Equal(got, []int64{f.stone}) {
			t.Errorf("speakers %v", got)
		}
		res = f.search(t, SearchRequest{Query: "netflix", SpeakerID: f.musk, Kinds: []string{"source"}})
		if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.techdogs}) {
			t.Errorf("sources quoting Musk: %v", got)
		}
	})
	t.Run("outlet", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "netflix OR zanzibar", Outlet: " techdogs "})
		if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.techdogs}) {
			t.Errorf("sources %v", got)
		}
		if got := ids(groupOf(t, res, "note")); !slices.Equal(got, []int64{f.sourceNote}) {
			t.Errorf("notes %v", got)
		}
		if got := stoneQuotes(SearchRequest{Query: "untrue", Outlet: "TechDogs"}); len(got) != 1 || !got[f.techdogs] {
			t.Errorf("quotes from %v", got)
		}
	})
	t.Run("dates", func(t *testing.T) {
		// TechDogs is dated 2024-04-04, MyNation 2024-04-03T14:29:00+05:30.
		tests := []struct {
			from, to string
			want     []int64
		}{
			{"2024-04-04", "", []int64{f.techdogs}},
			{"", "2024-04-03", []int64{f.mynation}},
			{"2024-04", "2024-04", sorted(f.techdogs, f.mynation)},
			{"2024", "2024", sorted(f.techdogs, f.mynation)},
			{"2024-04-03", "2024-04-03", []int64{f.mynation}},
			{"2023", "2023-12-31", nil},
			{"2025", "", nil},
		}
		for _, tt := range tests {
			res := f.search(t, SearchRequest{Query: "netflix", From: tt.from, To: tt.to, Kinds: []string{"source", "quote"}})
			if got := ids(groupOf(t, res, "source")); !slices.Equal(got, tt.want) {
				t.Errorf("from %q to %q: sources %v, want %v", tt.from, tt.to, got, tt.want)
			}
		}
		if got := stoneQuotes(SearchRequest{Query: "untrue", From: "2024-04-04"}); len(got) != 1 || !got[f.techdogs] {
			t.Errorf("quotes from %v", got)
		}
	})
	t.Run("kinds and limit", func(t *testing.T) {
		res := f.search(t, SearchRequest{Query: "netflix", Kinds: []string{"quote", "source"}, Limit: 1})
		if len(res.Groups) != 2 || res.Groups[0].Kind != "source" || res.Groups[1].Kind != "quote" {
			t.Fatalf("groups %+v", res.Groups)
		}
		g := res.Groups[0]
		if len(g.Hits) != 1 || g.Total != 2 || !g.More {
			t.Errorf("limited group %+v", g)
		}
		if len(res.Hits) != len(res.Groups[0].Hits)+len(res.Groups[1].Hits) {
			t.Errorf("flat hits %d", len(res.Hits))
		}
		res = f.search(t, SearchRequest{Query: "netflix", Limit: 100000})
		if len(res.Groups) != 4 {
			t.Errorf("groups %+v", res.Groups)
		}
	})
}

func testSearchAllInvalid(t *testing.T, f *searchFixture) {
	for _, req := range []SearchRequest{
		{Query: "x", Kinds: []string{"sources"}},
		{Query: "x", Kinds: []string{"source", ""}},
		{Query: "x", From: "April"},
		{Query: "x", To: "2024/04/03"},
		{Query: "x", From: "'; DROP TABLE source; --"},
		{Query: "x", StoryID: -1},
		{Query: "x", SpeakerID: -3},
	} {
		if _, err := f.a.SearchAll(req); code(err) != CodeInvalid {
			t.Errorf("SearchAll(%+v): %v, want invalid", req, err)
		}
	}
}

// Without words, the filters list what they select, newest first.
func testSearchAllFiltersAlone(t *testing.T, f *searchFixture) {
	if res := f.search(t, SearchRequest{}); len(res.Groups) != 0 || len(res.Hits) != 0 {
		t.Errorf("no words, no filter: %+v", res)
	}
	if res := f.search(t, SearchRequest{Query: `* - NOT "`}); len(res.Groups) != 0 {
		t.Errorf("no words in the query, no filter: %+v", res)
	}
	res := f.search(t, SearchRequest{Outlet: "techdogs"})
	if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.techdogs}) {
		t.Errorf("sources %v", got)
	}
	for _, g := range res.Groups {
		for _, h := range g.Hits {
			if h.Score != 0 || (h.Kind != "quote" && len(h.Snippet) != 0) {
				t.Errorf("listed hit has a score or snippet: %+v", h)
			}
			if h.Kind == "quote" && (len(h.Snippet) != 1 || h.Snippet[0].Match || h.Snippet[0].Text == "") {
				t.Errorf("listed quote shows %+v", h.Snippet)
			}
		}
	}
	quotes := groupOf(t, res, "quote")
	if len(quotes.Hits) == 0 || quotes.Total < len(quotes.Hits) {
		t.Fatalf("quotes of TechDogs: %+v", quotes)
	}
	for i, h := range quotes.Hits {
		if h.SourceID != f.techdogs {
			t.Errorf("quote %+v is not from TechDogs", h)
		}
		if i > 0 && h.ID > quotes.Hits[i-1].ID {
			t.Errorf("quotes not newest first")
		}
	}
	if got := ids(groupOf(t, res, "note")); !slices.Equal(got, []int64{f.sourceNote}) {
		t.Errorf("notes %v", got)
	}
	if got := ids(groupOf(t, res, "speaker")); !slices.Contains(got, f.musk) || !slices.Contains(got, f.stone) {
		t.Errorf("speakers quoted in TechDogs: %v", got)
	}

	// Sources newest first: TechDogs (4 April) before MyNation (3 April).
	res = f.search(t, SearchRequest{From: "2024", Kinds: []string{"source"}})
	if g := groupOf(t, res, "source"); len(g.Hits) != 2 || g.Hits[0].ID != f.techdogs || g.Total != 2 {
		t.Errorf("sources of 2024: %+v", g)
	}
	res = f.search(t, SearchRequest{StoryID: f.story})
	if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.mynation}) {
		t.Errorf("story's sources %v", got)
	}
	if got := ids(groupOf(t, res, "note")); !slices.Equal(got, sorted(f.storyNote, f.highlight)) {
		t.Errorf("story's notes %v", got)
	}
	if got := ids(groupOf(t, res, "speaker")); !slices.Contains(got, f.stone) || slices.Contains(got, f.musk) {
		t.Errorf("story's speakers %v", got)
	}
	res = f.search(t, SearchRequest{Tag: "privacy"})
	if got := ids(groupOf(t, res, "speaker")); !slices.Equal(got, []int64{f.musk}) {
		t.Errorf("tagged speakers %v", got)
	}
	res = f.search(t, SearchRequest{SpeakerID: f.musk})
	if got := ids(groupOf(t, res, "source")); !slices.Equal(got, []int64{f.techdogs}) {
		t.Errorf("sources quoting Musk %v", got)
	}
	for _, h := range groupOf(t, res, "quote").Hits {
		if h.Speaker != "Elon Musk" {
			t.Errorf("quote by %q", h.Speaker)
		}
	}
	res = f.search(t, SearchRequest{SpeakerID: f.stone, Kinds: []string{"note"}})
	if got := ids(groupOf(t, res, "note")); !slices.Equal(got, []int64{f.speakerNote}) {
		t.Errorf("notes on Stone %v", got)
	}
	res = f.search(t, SearchRequest{Limit: 1, Outlet: "techdogs", Kinds: []string{"quote"}})
	if g := groupOf(t, res, "quote"); len(g.Hits) != 1 || !g.More {
		t.Errorf("limited list %+v", g)
	}
}

// Search, as the search palette calls it, keeps its old answer in Hits
// (sources only) and adds every kind in Groups.
func testSearchKeepsSourcesInHits(t *testing.T, f *searchFixture) {
	res, err := f.a.Search("shockingly untrue")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || len(res.Groups) != 4 || res.Query != "shockingly untrue" {
		t.Fatalf("Search = %+v", res)
	}
	for _, h := range res.Hits {
		if h.Kind != "source" {
			t.Errorf("hit %+v is not a source", h)
		}
	}
	if len(groupOf(t, res, "quote").Hits) < 2 {
		t.Errorf("no quotes in the groups")
	}
	if res, err := f.a.Search(""); err != nil || len(res.Hits) != 0 || res.Hits == nil {
		t.Errorf("Search(\"\") = %+v, %v", res, err)
	}
}

// Whatever is typed, SearchAll answers without an error and finds what
// the words in it find.
func testSearchAllHostileInput(t *testing.T, f *searchFixture) {
	junk := make([]byte, 10*1024)
	for i := range junk {
		junk[i] = byte(i*7919%251 + 1)
	}
	tests := []struct {
		name, query string
		finds       bool // finds the sources (the query has "netflix" in it)
	}{
		{"quote", `"`, false},
		{"unbalanced quote", `"netflix`, true},
		{"minus", "-", false},
		{"minus word", "-netflix", false},
		{"star", "*", false},
		{"stars", "netflix**", true},
		{"NEAR", "NEAR(", false},
		{"NEAR with words", "NEAR(netflix meta, 2)", false}, // the words near, netflix, meta and 2
		{"column filter", "title:x", false},
		{"column filter on a word", "title:netflix", false}, // the words title and netflix
		{"column filter after a word", "netflix title:", false},
		{"braces", "{title body}: netflix", false},
		{"caret", "^netflix", true},
		{"SQL", "'; DROP TABLE source; --", false},
		{"SQL with a word", "netflix'; DROP TABLE source; --", false},
		{"SQL after an OR", "netflix OR '; DROP TABLE source; --", true},
		{"AND", "AND", false},
		{"OR OR", "OR OR", false},
		{"trailing operator", "netflix AND", true},
		{"leading operator", "OR netflix", true},
		{"parentheses", "((netflix", true},
		{"nul", "netflix\x00", true},
		{"invalid UTF-8", "\xff\xfenetflix\xc0", true},
		{"10 KB of junk", string(junk), false},
		{"10 KB of words", strings.Repeat("netflix ", 1300), true},
		{"emoji", "🙂 netflix", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, asYouType := range []bool{false, true} {
				res, err := f.a.SearchAll(SearchRequest{Query: tt.query, AsYouType: asYouType})
				if err != nil {
					t.Fatalf("SearchAll(%.40q): %v", tt.query, err)
				}
				found := len(res.Groups) > 0 && len(groupOf(t, res, "source").Hits) == 2
				if tt.finds && !found {
					t.Errorf("SearchAll(%.40q, as you type %v) found %+v, want both sources", tt.query, asYouType, res.Groups)
				}
				if _, err := f.a.Search(tt.query); err != nil {
					t.Errorf("Search(%.40q): %v", tt.query, err)
				}
				// With a filter too, so the list path sees the input.
				if _, err := f.a.SearchAll(SearchRequest{Query: tt.query, AsYouType: asYouType, Tag: tt.query, Outlet: tt.query}); err != nil {
					t.Errorf("SearchAll(%.40q) with filters: %v", tt.query, err)
				}
			}
		})
	}
	var n int
	if err := f.nb.DB.QueryRow(`SELECT count(*) FROM source`).Scan(&n); err != nil || n != 2 {
		t.Errorf("sources after the hostile searches: %d, %v", n, err)
	}
}

// The two ways the outlet and date filters can be applied to quotes
// (chosen by planFilters for speed) find the same hits.
func testSearchFilterPlansAgree(t *testing.T, f *searchFixture) {
	for _, req := range []SearchRequest{
		{Query: "netflix OR untrue", Outlet: "techdogs"},
		{Query: "netflix OR untrue", From: "2024-04-04"},
		{Query: "netflix OR untrue", Outlet: "mynation", To: "2024-04-03"},
		{Query: "netflix OR untrue", Outlet: "techdogs", To: "2024-04-03"},
	} {
		p, err := f.a.prepareSearch(req)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"quote"} {
			var found [2][]int64
			for i := range 2 {
				fl := p.filter
				fl.manySources = int64(i)
				g, err := f.a.searchKind(kind, p.match, fl, 50)
				if err != nil {
					t.Fatal(err)
				}
				found[i] = ids(g)
			}
			if !slices.Equal(found[0], found[1]) {
				t.Errorf("%+v, %ss: %v one way, %v the other", req, kind, found[0], found[1])
			}
			contradictory := req.Outlet == "techdogs" && req.To != ""
			if (len(found[0]) == 0) != contradictory {
				t.Errorf("%+v found %ss %v", req, kind, found[0])
			}
		}
	}
}

// FuzzSearchAll runs SearchAll with any text, as typed or submitted, on
// each kind and with filters, and fails on any error.
func FuzzSearchAll(f *testing.F) {
	for _, s := range []string{
		"netflix", `"private messages"`, "priv*", "-", `"`, "NEAR(a b", "title:x", "a OR OR b",
		"'; DROP TABLE source; --", "\xff", "zanzibar", "stone", "(((a", "a NOT b NOT", "東京 café",
	} {
		f.Add(s, true, uint8(0))
		f.Add(s, false, uint8(5))
	}
	fx := newSearchFixture(f)
	f.Fuzz(func(t *testing.T, query string, asYouType bool, pick uint8) {
		req := SearchRequest{Query: query, AsYouType: asYouType}
		if k := int(pick % 5); k < 4 {
			req.Kinds = []string{searchKinds[k]}
		}
		switch pick / 5 % 6 {
		case 1:
			req.StoryID = fx.story
		case 2:
			req.Tag = "privacy"
		case 3:
			req.SpeakerID = fx.stone
		case 4:
			req.Outlet = "TechDogs"
		case 5:
			req.From, req.To = "2024-04", "2024"
		}
		res, err := fx.a.SearchAll(req)
		if err != nil {
			t.Fatalf("SearchAll(%+v): %v", req, err)
		}
		for _, h := range res.Hits {
			for _, s := range h.Snippet {
				if strings.ContainsAny(s.Text, string([]rune{markOpen, markClose})) {
					t.Fatalf("marker left in snippet %q", s.Text)
				}
			}
		}
	})
}

// searchSQL is one query of queries/search.sql as sqlc generated it: the
// exact SQL the app runs and the names of its parameters, ?1 first.
type searchSQL struct {
	SQL    string
	Params []string
}

// searchQueries reads the generated SQL of every query of
// queries/search.sql from db/search.sql.go, by query name.
func searchQueries(tb testing.TB) map[string]searchSQL {
	tb.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "db", "search.sql.go"), nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	consts := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					tb.Fatal(err)
				}
				consts[vs.Names[0].Name] = v
			}
		}
	}
	src, err := os.ReadFile(filepath.Join("..", "queries", "search.sql"))
	if err != nil {
		tb.Fatal(err)
	}
	nameRe := regexp.MustCompile(`(?m)^-- name: (\w+)`)
	argRe := regexp.MustCompile(`sqlc\.(?:arg|slice)\((\w+)\)`)
	parts := nameRe.FindAllStringSubmatchIndex(string(src), -1)
	out := map[string]searchSQL{}
	for i, m := range parts {
		end := len(src)
		if i+1 < len(parts) {
			end = parts[i+1][0]
		}
		name := string(src[m[2]:m[3]])
		// sqlc numbers the parameters in the order they first appear.
		var params []string
		for _, a := range argRe.FindAllStringSubmatch(string(src[m[0]:end]), -1) {
			if !slices.Contains(params, a[1]) {
				params = append(params, a[1])
			}
		}
		q, ok := consts[strings.ToLower(name[:1])+name[1:]]
		if !ok {
			tb.Fatalf("%s: not in db/search.sql.go", name)
		}
		out[name] = searchSQL{SQL: q, Params: params}
	}
	return out
}

// sqlArgs are the arguments SearchAll gives the queries for p, by name.
func sqlArgs(p preparedSearch) map[string]any {
	f := p.filter
	return map[string]any{
		"query": p.match, "story_id": f.story, "tag_id": f.tag, "speaker_id": f.speaker,
		"many_sources": f.manySources, "outlet": f.outlet, "dated": f.dated,
		"date_from": f.dateFrom, "date_to": f.dateTo, "max_candidates": maxCandidates, "max_hits": p.limit,
	}
}

// TestSearchQueryPlans checks, on a generated notebook (without
// statistics, as the app never runs ANALYZE), that no search query reads a
// whole table: each starts from the FTS5 index or from an index of a
// filter.
func TestSearchQueryPlans(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plans.db")
	if err := generateNotebook(path, 200); err != nil {
		t.Fatal(err)
	}
	nb, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer nb.Close()
	// A full scan reads a table with no index named; "SCAN x USING
	// COVERING INDEX source_list" (ListSources, which walks the sources in
	// the library's order) reads an index.
	fullScan := regexp.MustCompile(`^SCAN (\w+)( |$)`)
	tables := map[string]bool{}
	for _, tbl := range []string{"source", "quote", "speaker", "speaker_alias", "note", "note_link", "note_ref", "tag", "tagging", "story", "story_source"} {
		tables[tbl] = true
	}
	aliases := regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+(\w+)\s+(?:AS\s+)?(\w+)`)
	for name, q := range searchQueries(t) {
		alias := map[string]string{}
		for _, m := range aliases.FindAllStringSubmatch(q.SQL, -1) {
			alias[m[2]] = m[1]
		}
		args := sqlArgs(preparedSearch{match: `"netflix"`, limit: 20, filter: searchFilter{dateTo: "\U0010FFFF"}})
		args["ids"] = int64(1)
		var vals []any
		for _, p := range q.Params {
			vals = append(vals, args[p])
		}
		sqlText := strings.Replace(q.SQL, "/*SLICE:ids*/?", "?", 1)
		rows, err := nb.DB.Query("EXPLAIN QUERY PLAN "+sqlText, vals...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, line := range plan {
			m := fullScan.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			tbl := m[1]
			if a, ok := alias[tbl]; ok {
				tbl = a
			}
			if tables[tbl] && !strings.Contains(line, "USING COVERING INDEX source_list") {
				t.Errorf("%s reads all of %s: %q\n%s", name, tbl, line, strings.Join(plan, "\n"))
			}
		}
	}
}

// TestListSourcesWays lists sources by filters alone both ways listSources
// chooses between (each selected source's row, or a walk in the library's
// order) and checks they agree, on a generated notebook.
func TestListSourcesWays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ways.db")
	if err := generateNotebook(path, 300); err != nil {
		t.Fatal(err)
	}
	nb, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer nb.Close()
	a := New(nb, Options{Mode: "cli", Log: slog.New(slog.DiscardHandler)})
	defer func(n int64) { fewSources = n }(fewSources)
	// The story and the tag with the most sources.
	var story, storyTag int64
	var tag string
	if err := nb.DB.QueryRow(`SELECT story_id FROM story_source GROUP BY story_id ORDER BY count(*) DESC LIMIT 1`).Scan(&story); err != nil {
		t.Fatal(err)
	}
	if err := nb.DB.QueryRow(`SELECT t.name FROM tagging g JOIN tag t ON t.id = g.tag_id WHERE g.source_id IS NOT NULL
		GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`).Scan(&tag); err != nil {
		t.Fatal(err)
	}
	// A few of the story's sources tagged (the generator tags few sources).
	storyTag = 1
	if _, err := nb.DB.Exec(`INSERT OR IGNORE INTO tagging (uuid, tag_id, source_id, created_at)
		SELECT 'story-tag-' || source_id, 1, source_id, 'now' FROM story_source WHERE story_id = ? LIMIT 3`, story); err != nil {
		t.Fatal(err)
	}
	reqs := []SearchRequest{
		{StoryID: story}, {Tag: tag}, {SpeakerID: 1}, {SpeakerID: 7}, {Outlet: "the ledger"}, {From: "2021", To: "2022"},
		{SpeakerID: 1, Outlet: "The Ledger"}, {SpeakerID: 2, From: "2020"}, {StoryID: story, Tag: fmt.Sprintf("tag%d", storyTag)},
		{Outlet: "The Ledger", From: "2021-06"}, {Tag: tag, To: "2025"}, {SpeakerID: 1, StoryID: story},
	}
	inOrder := func(g SearchGroup) []int64 {
		var out []int64
		for _, h := range g.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	for _, req := range reqs {
		req.Kinds = []string{"source"}
		for _, limit := range []int{3, 200} {
			req.Limit = limit
			var got [2]SearchGroup
			for i, few := range []int64{1 << 40, 0} {
				fewSources = few
				res, err := a.SearchAll(req)
				if err != nil {
					t.Fatal(err)
				}
				got[i] = res.Groups[0]
			}
			if !slices.Equal(inOrder(got[0]), inOrder(got[1])) || got[0].Total != got[1].Total {
				t.Errorf("%+v: reading rows found %v (of %d), walking %v (of %d)", req,
					inOrder(got[0]), got[0].Total, inOrder(got[1]), got[1].Total)
			}
			if g := got[0]; limit == 200 && g.Total != len(g.Hits) {
				t.Errorf("%+v: total %d, %d hits", req, g.Total, len(g.Hits))
			}
			if limit == 200 && got[0].Total == 0 {
				t.Errorf("%+v selects nothing: choose a filter that selects some", req)
			}
		}
	}
}
