package db

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const now = "2024-04-04T00:00:00Z"

func addSource(t *testing.T, q *Queries, uuid, title, text string) int64 {
	t.Helper()
	id, err := q.SourceCreate(context.Background(), SourceCreateParams{
		UUID: uuid, Title: title, Authors: "[]", Kind: "article", Text: text,
		Words: int64(len(strings.Fields(text))), Original: []byte(text), MediaType: "text/plain",
		ContentHash: "h-" + uuid, ImportedAt: now, ModifiedAt: now, Blocks: "[]", Body: text,
	})
	if err != nil {
		t.Fatalf("SourceCreate: %v", err)
	}
	return id
}

// Deleting a source removes its quotes and story memberships; notes about it
// stay, unlinked, with a label saying what they were about.
func TestDeleteSourceCascades(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	q := nb.Q
	src := addSource(t, q, "s1", "Lawsuit claims", "Andy Stone said it was shockingly untrue.")
	story, err := q.StoryCreate(ctx, StoryCreateParams{UUID: "st1", Title: "Meta and Netflix", CreatedAt: now, ModifiedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.StorySourceAdd(ctx, StorySourceAddParams{UUID: "ss1", StoryID: story.ID, SourceID: src, AddedAt: now}); err != nil {
		t.Fatal(err)
	}
	speaker, err := q.SpeakerCreate(ctx, SpeakerCreateParams{UUID: "sp1", Name: "Andy Stone", CreatedAt: now, ModifiedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	quote, err := q.QuoteCreate(ctx, QuoteCreateParams{
		UUID: "q1", SourceID: src, SpeakerID: sql.NullInt64{Int64: speaker, Valid: true},
		Text: "shockingly untrue", StartOffset: 24, EndOffset: 41, Origin: "auto", Status: "suggested",
		CreatedAt: now, ModifiedAt: now, Kind: "direct", GroupUUID: "q1",
	})
	if err != nil {
		t.Fatal(err)
	}
	note, err := q.NoteCreate(ctx, NoteCreateParams{UUID: "n1", Body: "Check the filing.", CreatedAt: now, ModifiedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range []NoteLinkCreateParams{
		{TargetKind: "source", SourceID: sql.NullInt64{Int64: src, Valid: true}, TargetLabel: "Lawsuit claims"},
		{TargetKind: "quote", QuoteID: sql.NullInt64{Int64: quote, Valid: true}, TargetLabel: "shockingly untrue"},
		{TargetKind: "passage", SourceID: sql.NullInt64{Int64: src, Valid: true},
			StartOffset: sql.NullInt64{Int64: 0, Valid: true}, EndOffset: sql.NullInt64{Int64: 4, Valid: true}, Exact: "Andy"},
	} {
		l.UUID = "l" + string(rune('0'+i))
		l.NoteID = note
		l.CreatedAt = now
		if _, err := q.NoteLinkCreate(ctx, l); err != nil {
			t.Fatalf("NoteLinkCreate %d: %v", i, err)
		}
	}

	n, err := q.SourceDelete(ctx, src)
	if err != nil || n != 1 {
		t.Fatalf("SourceDelete = %d, %v", n, err)
	}
	quotes, _ := q.QuoteListBySource(ctx, src)
	if len(quotes) != 0 {
		t.Errorf("quotes of a deleted source remain: %+v", quotes)
	}
	members, _ := q.StorySourceList(ctx)
	if len(members) != 0 {
		t.Errorf("story membership of a deleted source remains: %+v", members)
	}
	if _, err := q.NoteGet(ctx, note); err != nil {
		t.Errorf("note was deleted with its source: %v", err)
	}
	links, err := q.NoteLinkListByNote(ctx, note)
	if err != nil || len(links) != 3 {
		t.Fatalf("links = %+v, %v", links, err)
	}
	for _, l := range links {
		if l.SourceID.Valid || l.QuoteID.Valid {
			t.Errorf("link %s still points at a deleted row: %+v", l.TargetKind, l)
		}
	}
	if links[0].TargetLabel != "Lawsuit claims" {
		t.Errorf("label lost: %+v", links[0])
	}
	// The story itself stays.
	if _, err := q.StoryGet(ctx, story.ID); err != nil {
		t.Errorf("story deleted with its source: %v", err)
	}
}

func TestForeignKeysEnforced(t *testing.T) {
	nb := openTemp(t)
	_, err := nb.Q.QuoteCreate(context.Background(), QuoteCreateParams{
		UUID: "q", SourceID: 12345, Text: "x", StartOffset: 0, EndOffset: 1,
		Origin: "manual", Status: "suggested", CreatedAt: now, ModifiedAt: now, Kind: "direct", GroupUUID: "q",
	})
	if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Fatalf("quote on a missing source: %v, want a FOREIGN KEY error", err)
	}
}

func TestChecks(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	_, err := nb.Q.SourceCreate(ctx, SourceCreateParams{
		UUID: "x", Title: "t", Authors: "not json", Kind: "article", Text: "t",
		Original: []byte{}, MediaType: "text/plain", ContentHash: "h", ImportedAt: now, ModifiedAt: now, Blocks: "[]",
	})
	if err == nil {
		t.Error("authors that are not a JSON array were accepted")
	}
	_, err = nb.Q.SourceCreate(ctx, SourceCreateParams{
		UUID: "y", Title: "t", Authors: "[]", Kind: "novel", Text: "t",
		Original: []byte{}, MediaType: "text/plain", ContentHash: "h", ImportedAt: now, ModifiedAt: now, Blocks: "[]",
	})
	if err == nil {
		t.Error("an unknown kind was accepted")
	}
}

// The FTS indexes follow inserts, updates and deletes.
func TestFullTextIndexesStayInSync(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	q := nb.Q
	search := func(query string) []int64 {
		t.Helper()
		hits, err := q.SourceSearch(ctx, SourceSearchParams{Query: query, MaxHits: 10})
		if err != nil {
			t.Fatalf("SourceSearch(%q): %v", query, err)
		}
		var ids []int64
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	a := addSource(t, q, "a", "Facebook and Netflix", "Meta didn't share people's private messages with Netflix.")
	b := addSource(t, q, "b", "Watch shutdown", "Facebook discontinued its streaming service, Facebook Watch.")
	if got := search(`"netflix"`); len(got) != 1 || got[0] != a {
		t.Errorf("netflix -> %v, want [%d]", got, a)
	}
	if got := search(`"facebook"`); len(got) != 2 {
		t.Errorf("facebook -> %v, want both", got)
	}
	// Titles weigh more than text.
	if got := search(`"watch"`); len(got) != 1 || got[0] != b {
		t.Errorf("watch -> %v", got)
	}
	hits, _ := q.SourceSearch(ctx, SourceSearchParams{Query: `"streaming"`, MaxHits: 10})
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "\ue000streaming\ue001") {
		t.Errorf("snippet does not mark the match: %+v", hits)
	}
	if _, err := nb.DB.Exec(`UPDATE source SET text = 'Nothing about streaming', body = 'Nothing about streaming' WHERE id = ?`, a); err != nil {
		t.Fatal(err)
	}
	if got := search(`"netflix"`); len(got) != 1 || got[0] != a { // still in the title
		t.Errorf("after update, netflix -> %v", got)
	}
	if got := search(`"private"`); len(got) != 0 {
		t.Errorf("old text still indexed: %v", got)
	}
	if _, err := q.SourceDelete(ctx, b); err != nil {
		t.Fatal(err)
	}
	if got := search(`"discontinued"`); len(got) != 0 {
		t.Errorf("deleted source still indexed: %v", got)
	}
	// A diacritic-insensitive match.
	addSource(t, q, "c", "Café society", "Pâté and crème brûlée.")
	if got := search(`"creme"`); len(got) != 1 {
		t.Errorf("creme -> %v, want the café source", got)
	}

	// Quotes and notes have their own indexes.
	if _, err := q.QuoteCreate(ctx, QuoteCreateParams{UUID: "q", SourceID: a, Text: "Shockingly untrue.",
		StartOffset: 0, EndOffset: 18, Origin: "manual", Status: "confirmed", CreatedAt: now, ModifiedAt: now, Kind: "direct", GroupUUID: "q"}); err != nil {
		t.Fatal(err)
	}
	if qh, err := q.QuoteSearch(ctx, QuoteSearchParams{Query: `"shockingly"`, MaxHits: 5}); err != nil || len(qh) != 1 {
		t.Errorf("QuoteSearch = %+v, %v", qh, err)
	}
	if _, err := q.NoteCreate(ctx, NoteCreateParams{UUID: "n", Body: "Ask Netflix for comment", CreatedAt: now, ModifiedAt: now}); err != nil {
		t.Fatal(err)
	}
	if nh, err := q.NoteSearch(ctx, NoteSearchParams{Query: `"comment"`, MaxHits: 5}); err != nil || len(nh) != 1 {
		t.Errorf("NoteSearch = %+v, %v", nh, err)
	}
	if _, err := nb.DB.Exec(`INSERT INTO source_fts(source_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("source_fts integrity-check: %v", err)
	}
}

// sqlc silently truncates a query after a non-ASCII character (sqlc issue
// 4523). Check that every query file is ASCII and that every generated
// query string holds the whole query of its file.
func TestGeneratedQueriesAreWhole(t *testing.T) {
	files, err := filepath.Glob("../queries/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no query files: %v", err)
	}
	nameRe := regexp.MustCompile(`(?m)^-- name: (\w+) :\w+`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range src {
			if c > 0x7f {
				t.Errorf("%s: non-ASCII byte at offset %d", f, i)
				break
			}
		}
		gen, err := os.ReadFile(filepath.Base(f) + ".go")
		if err != nil {
			t.Fatalf("generated file for %s: %v", f, err)
		}
		names := nameRe.FindAllStringSubmatchIndex(string(src), -1)
		for i, m := range names {
			end := len(src)
			if i+1 < len(names) {
				end = names[i+1][0]
			}
			body := strings.TrimSpace(string(src[m[0]:end]))
			lines := strings.Split(body, "\n")
			last := strings.TrimSpace(lines[len(lines)-1])
			name := string(src[m[2]:m[3]])
			// The last line of each query must appear in the generated Go
			// (sqlc.arg(...) and ? become ?N, so compare its first words).
			probe := strings.Fields(last)[0]
			if !strings.Contains(string(gen), "-- name: "+name) {
				t.Errorf("%s: query %s missing from generated code", f, name)
				continue
			}
			start := strings.Index(string(gen), "-- name: "+name)
			q := string(gen)[start:]
			q = q[:strings.Index(q, "`")]
			if !strings.Contains(q, probe) {
				t.Errorf("%s: generated %s lacks its last line %q", f, name, last)
			}
		}
	}
}
