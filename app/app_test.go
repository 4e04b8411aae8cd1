package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sourcebook/db"
)

const (
	seedTechDogs = "../testdata/seeds/000_9ee5f3e41cc3c9be.txt"
	seedMyNation = "../testdata/seeds/004_917a6aaec319a3a4.txt"
)

// newApp opens a notebook in a temporary folder, with a fixed clock and
// counting UUIDs so results are repeatable.
func newApp(t testing.TB) (*App, *db.Notebook) {
	t.Helper()
	nb, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "nb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nb.Close() })
	now, newUUID := fakeClock(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), "00000000")
	a := New(nb, Options{
		Mode: "cli", Version: "test", Now: now, NewUUID: newUUID,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	return a, nb
}

// fakeClock returns a clock that ticks a second per call and UUIDs that
// count up after prefix: predictable, and safe to call from several
// goroutines, as the App does (an export beside a note being written).
func fakeClock(start time.Time, prefix string) (func() time.Time, func() string) {
	var mu sync.Mutex
	clock, n := start, 0
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(time.Second)
		return clock
	}
	newUUID := func() string {
		mu.Lock()
		defer mu.Unlock()
		n++
		return fmt.Sprintf("%s-0000-7000-8000-%012d", prefix, n)
	}
	return now, newUUID
}

func readSeed(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func code(err error) string {
	var ae *Error
	if errors.As(err, &ae) {
		return ae.Code
	}
	return fmt.Sprintf("not an *app.Error: %T", err)
}

// countRows returns how many rows each table holds, to check that a failed
// import left nothing behind.
func countRows(t *testing.T, nb *db.Notebook) string {
	t.Helper()
	var parts []string
	for _, table := range []string{"source", "story", "story_source", "source_fts"} {
		var n int
		if err := nb.DB.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(parts, " ")
}

func TestImportSeedsListReadSearchDelete(t *testing.T) {
	a, _ := newApp(t)
	res, err := a.ImportFiles([]FileData{
		{Name: "000_9ee5f3e41cc3c9be.txt", Data: readSeed(t, seedTechDogs)},
		{Name: "004_917a6aaec319a3a4.txt", Data: readSeed(t, seedMyNation)},
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Error != "" || r.Source == nil || r.Duplicate {
			t.Fatalf("import %s: %+v", r.Name, r)
		}
	}
	techdogs, mynation := res[0].Source, res[1].Source
	if mynation.Title != "Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal" {
		t.Errorf("title = %q", mynation.Title)
	}
	if techdogs.Words < 500 || mynation.Words < 300 {
		t.Errorf("word counts %d, %d look wrong", techdogs.Words, mynation.Words)
	}

	lib, err := a.Library()
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: TechDogs was published on 4 April, MyNation on 3 April.
	if len(lib.Sources) != 2 || lib.Sources[0].ID != techdogs.ID {
		t.Errorf("library = %+v, want newest first", lib.Sources)
	}

	src, err := a.Source(mynation.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(src.Text, "Shockingly untrue. Meta didn’t share people’s private messages with Netflix.") {
		t.Errorf("text lacks Stone's statement")
	}
	if strings.Contains(src.Text, "\r") || !strings.Contains(src.Text, "\n\n") {
		t.Errorf("text not normalised to paragraphs")
	}
	if src.MediaType != "text/plain; charset=utf-8" || src.OriginalName != "004_917a6aaec319a3a4.txt" {
		t.Errorf("media type %q, original name %q", src.MediaType, src.OriginalName)
	}

	hits, err := a.Search(`"shockingly untrue"`)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits.Hits) != 2 {
		t.Fatalf("search found %d sources, want both: %+v", len(hits.Hits), hits)
	}
	matched := false
	for _, seg := range hits.Hits[0].Snippet {
		if seg.Match && strings.EqualFold(seg.Text, "shockingly untrue") {
			matched = true
		}
	}
	if !matched {
		t.Errorf("snippet does not mark the match: %+v", hits.Hits[0].Snippet)
	}
	// As you type: a prefix of the last word matches.
	if hits, _ := a.Search("discontinued its stream"); len(hits.Hits) != 1 || hits.Hits[0].SourceID != mynation.ID {
		t.Errorf("prefix search = %+v", hits.Hits)
	}

	if err := a.DeleteSource(techdogs.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Source(techdogs.ID); code(err) != CodeNotFound {
		t.Errorf("deleted source: %v", err)
	}
	if hits, _ := a.Search("Musk"); len(hits.Hits) != 0 {
		t.Errorf("deleted source still found: %+v", hits.Hits)
	}
	if err := a.DeleteSource(techdogs.ID); code(err) != CodeNotFound {
		t.Errorf("deleting twice: %v", err)
	}
	info, err := a.Ready()
	if err != nil || info.Sources != 1 || info.SchemaVersion != db.KnownVersion() {
		t.Errorf("Ready = %+v, %v", info, err)
	}
}

func TestImportDuplicate(t *testing.T) {
	a, nb := newApp(t)
	seed := readSeed(t, seedMyNation)
	first, err := a.ImportText(ImportTextRequest{Text: string(seed)})
	if err != nil {
		t.Fatal(err)
	}
	// The same article with other line endings and straight quotes.
	variant := strings.ReplaceAll(string(seed), "\n", "\r\n")
	variant = strings.NewReplacer("’", "'", "“", `"`, "”", `"`).Replace(variant)
	before := countRows(t, nb)
	again, err := a.ImportText(ImportTextRequest{Title: "Another title", Text: variant})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Duplicate || again.Source.ID != first.Source.ID {
		t.Errorf("second import = %+v, want a duplicate of %d", again, first.Source.ID)
	}
	if after := countRows(t, nb); after != before {
		t.Errorf("duplicate import changed the notebook: %s -> %s", before, after)
	}
	// A duplicate imported into a story joins the story.
	story, err := a.CreateStory("Meta and Netflix")
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.ImportFiles([]FileData{{Name: "copy.txt", Data: seed}}, story.ID)
	if err != nil || !res[0].Duplicate || len(res[0].Source.StoryIDs) != 1 {
		t.Errorf("duplicate into story = %+v, %v", res, err)
	}
}

func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: 100 MB, no disk used
		t.Fatal(err)
	}
	f.Close()
	emptyDir := filepath.Join(dir, "empty-folder")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, code, want string
	}{
		{"empty", write("empty.txt", nil), CodeInvalid, "empty.txt: no text to import"},
		{"blank", write("blank.txt", []byte(" \n\t\n ")), CodeInvalid, "blank.txt: no text"},
		{"invalid UTF-8", write("latin1.txt", []byte("caf\xe9 au lait")), CodeInvalid, "latin1.txt: "},
		{"PDF", write("paper.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")), CodeInvalid, "PDF"},
		{"binary", write("blob.bin", []byte{0x00, 0x01, 0x02, 'a', 0x00}), CodeInvalid, "blob.bin: "},
		{"100 MB", big, CodeTooLarge, "big.txt: "},
		{"missing", filepath.Join(dir, "missing.txt"), CodeNotFound, "missing.txt: no such file"},
		{"empty folder", emptyDir, CodeInvalid, "the folder has no files Sourcebook can import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, nb := newApp(t)
			before := countRows(t, nb)
			res, err := a.ImportPaths([]string{tt.path}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || res[0].Source != nil {
				t.Fatalf("result = %+v, want a failure", res)
			}
			if !strings.Contains(res[0].Error, tt.want) {
				t.Errorf("message %q does not contain %q", res[0].Error, tt.want)
			}
			if after := countRows(t, nb); after != before {
				t.Errorf("failed import changed the notebook: %s -> %s", before, after)
			}
			// The same through ImportFiles (the UI's way) gives the same code.
			data, _ := os.ReadFile(tt.path)
			if tt.code == CodeInvalid && data != nil {
				_, err := a.ImportText(ImportTextRequest{Text: string(data)})
				if code(err) != CodeInvalid {
					t.Errorf("ImportText: %v (code %s), want invalid", err, code(err))
				}
			}
		})
	}
}

func TestImportPastedTextTooLarge(t *testing.T) {
	a, _ := newApp(t)
	_, err := a.ImportText(ImportTextRequest{Text: strings.Repeat("word ", 12<<20)})
	if code(err) != CodeTooLarge || !strings.Contains(err.Error(), "pasted text") {
		t.Errorf("ImportText of 60 MB: %v", err)
	}
}

func TestImportReader(t *testing.T) {
	a, _ := newApp(t)
	r, err := ImportReader(a, "standard input", bytes.NewReader(readSeed(t, seedTechDogs)), 0)
	if err != nil || r.Error != "" || r.Source == nil {
		t.Fatalf("ImportReader = %+v, %v", r, err)
	}
	if r.Source.Title != "Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!" {
		t.Errorf("title = %q", r.Source.Title)
	}
}

func TestStories(t *testing.T) {
	a, _ := newApp(t)
	if _, err := a.CreateStory("   "); code(err) != CodeInvalid {
		t.Errorf("blank title: %v", err)
	}
	story, err := a.CreateStory("  Meta   and Netflix ")
	if err != nil || story.Title != "Meta and Netflix" {
		t.Fatalf("CreateStory = %+v, %v", story, err)
	}
	res, err := a.ImportText(ImportTextRequest{Text: string(readSeed(t, seedMyNation)), StoryID: story.ID})
	if err != nil {
		t.Fatal(err)
	}
	other, err := a.ImportText(ImportTextRequest{Text: string(readSeed(t, seedTechDogs))})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.AddToStory(story.ID, other.Source.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.AddToStory(story.ID, other.Source.ID); err != nil {
		t.Errorf("adding twice: %v", err)
	}
	lib, _ := a.Library()
	if len(lib.Stories) != 1 || len(lib.Stories[0].SourceIDs) != 2 {
		t.Fatalf("stories = %+v", lib.Stories)
	}
	if err := a.RemoveFromStory(story.ID, res.Source.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.RenameStory(story.ID, "Netflix inbox access"); err != nil {
		t.Fatal(err)
	}
	lib, _ = a.Library()
	if lib.Stories[0].Title != "Netflix inbox access" || len(lib.Stories[0].SourceIDs) != 1 {
		t.Errorf("after remove and rename: %+v", lib.Stories)
	}
	if err := a.DeleteStory(story.ID); err != nil {
		t.Fatal(err)
	}
	lib, _ = a.Library()
	if len(lib.Stories) != 0 || len(lib.Sources) != 2 {
		t.Errorf("after deleting the story: %d stories, %d sources", len(lib.Stories), len(lib.Sources))
	}
	for _, err := range []error{
		a.DeleteStory(story.ID), a.RenameStory(99, "x"), a.AddToStory(99, other.Source.ID),
		a.AddToStory(0, other.Source.ID),
	} {
		if code(err) != CodeNotFound && code(err) != CodeInvalid {
			t.Errorf("on a missing story: %v", err)
		}
	}
	if _, err := a.ImportText(ImportTextRequest{Text: "new text", StoryID: 99}); code(err) != CodeNotFound {
		t.Errorf("import into a missing story: %v", err)
	}
}

// Whatever is typed into the search box, Search answers without an error.
func TestSearchHostileQueries(t *testing.T) {
	a, _ := newApp(t)
	if _, err := a.ImportText(ImportTextRequest{Text: string(readSeed(t, seedMyNation))}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"", " ", `"`, `"unbalanced`, "-", "*", "NEAR(", "NEAR(a b", "title:", "text:netflix",
		"AND", "OR OR", "NOT", "netflix NOT", "a OR", "'; DROP TABLE source; --", "^", "(", ")",
		"{title}: x", "\x00", "\xff\xfe", "🙂", strings.Repeat("a ", 5000), `"a" "b`, "Meta's",
	} {
		if _, err := a.Search(q); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}

func TestSegments(t *testing.T) {
	got := segments("a \ue000b\ue001 c \ue000d")
	want := []Segment{{"a ", false}, {"b", true}, {" c ", false}, {"d", true}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("segments = %v, want %v", got, want)
	}
	if s := segments(""); len(s) != 0 {
		t.Errorf("segments of empty = %v", s)
	}
}

func TestInternalErrorsHideDetails(t *testing.T) {
	a, nb := newApp(t)
	nb.DB.Close() // every query now fails
	_, err := a.Library()
	if code(err) != CodeInternal || strings.Contains(err.Error(), "sql") {
		t.Errorf("Library on a closed database: %v", err)
	}
}
