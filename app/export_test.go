package app

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sourcebook/db"
)

// richNotebook fills a with the seeds and one of everything a notebook
// holds: a story, notes on a passage, a quote, a speaker and the story,
// wiki links, tags on a source, a quote and a note, a speaker's alias.
// It returns the story's id.
func richNotebook(t *testing.T, a *App) int64 {
	t.Helper()
	tech, nation := importSeeds(t, a)
	story, err := a.CreateStory("Netflix and Facebook messages")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{tech, nation} {
		if err := a.AddToStory(story.ID, id); err != nil {
			t.Fatal(err)
		}
	}
	stone := speakerID(t, a, "Andy Stone")
	if _, err := a.nb.DB.Exec(`INSERT INTO speaker_alias (uuid, speaker_id, alias, created_at)
		VALUES ('alias-stone', ?, 'Meta spokesman', '2026-11-23T12:00:00Z')`, stone); err != nil {
		t.Fatal(err)
	}
	quotes, err := a.Quotes(nation)
	if err != nil {
		t.Fatal(err)
	}
	denial := findQuote(t, quotes, "Shockingly untrue")
	src, err := a.Source(nation)
	if err != nil {
		t.Fatal(err)
	}
	at := len([]rune(src.Text[:strings.Index(src.Text, "A lawsuit filed in April 2023")]))
	notes := []NoteRequest{
		{Body: "Filed in April 2023\n\nSays MyNation; compare [[quote:" + fmt.Sprint(denial.ID) + "|the denial]] and [[Andy Stone]].",
			Attach: &NoteTarget{Kind: "passage", ID: nation, Start: at, End: at + 29}, Tags: []string{"dates"}},
		{Body: "The denial\n\nWord for word in both.", Attach: &NoteTarget{Kind: "quote", ID: denial.ID}},
		{Body: "Stone\n\nMeta's spokesman since 2016?", Attach: &NoteTarget{Kind: "speaker", ID: stone}},
		{Body: "Open questions\n\nWho first reported it? See [[Filed in April 2023]].", Attach: &NoteTarget{Kind: "story", ID: story.ID}},
		{Body: "Standalone thought with no links", Tags: []string{"todo"}},
	}
	for _, n := range notes {
		if _, err := a.CreateNote(n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.SetTags("source", tech, []string{"meta", "netflix"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetTags("quote", denial.ID, []string{"denial"}); err != nil {
		t.Fatal(err)
	}
	return story.ID
}

// dump is every row of every table a transfer copies, each written out in
// full (references as uuids, so two files with different ids compare
// equal), sorted.
func dump(t *testing.T, q db.DBTX) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := db.ReadRows(context.Background(), q, nil, func(r db.Row) error {
		var b strings.Builder
		for i, c := range r.Cols {
			v := r.Vals[i]
			if bs, ok := v.([]byte); ok {
				v = fmt.Sprintf("blob(%d:%x)", len(bs), bs[:min(len(bs), 16)])
			}
			fmt.Fprintf(&b, "%s=%v|", c, v)
		}
		out[r.Table] = append(out[r.Table], b.String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, rows := range out {
		slices.Sort(rows)
	}
	return out
}

// checkRich fails unless d holds rows in every table richNotebook fills, so
// that comparing two dumps compares something.
func checkRich(t *testing.T, d map[string][]string) {
	t.Helper()
	for _, table := range db.TransferTables() {
		if len(d[table]) == 0 {
			t.Fatalf("the test notebook has no rows in %s", table)
		}
	}
}

// sameDump fails the test where got and want differ, naming the rows.
func sameDump(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	for _, table := range db.TransferTables() {
		g, w := got[table], want[table]
		if slices.Equal(g, w) {
			continue
		}
		t.Errorf("%s: table %s has %d rows, want %d", what, table, len(g), len(w))
		for _, r := range w {
			if !slices.Contains(g, r) {
				t.Errorf("  missing: %.300s", r)
			}
		}
		for _, r := range g {
			if !slices.Contains(w, r) {
				t.Errorf("  extra:   %.300s", r)
			}
		}
	}
}

// openApp opens the notebook at path as an App whose UUIDs start with
// prefix, so rows it makes never collide with another test notebook's.
func openApp(t testing.TB, path, prefix string) *App {
	t.Helper()
	nb, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nb.Close() })
	now, newUUID := fakeClock(time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), prefix)
	return New(nb, Options{
		Mode: "cli", Version: "test", Now: now, NewUUID: newUUID,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
}

func TestExportSQLiteRoundTrip(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	want := dump(t, nb.DB)
	checkRich(t, want)

	out := filepath.Join(t.TempDir(), "copy.db")
	res, err := a.Export(ExportRequest{Format: "sqlite", Path: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != out || res.Bytes == 0 || res.Sources != 2 {
		t.Errorf("result: %+v", res)
	}
	// Exporting again to the same name is refused; nothing changes.
	if _, err := a.Export(ExportRequest{Format: "sqlite", Path: out}); code(err) != CodeConflict || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("export over an existing file: %v", err)
	}

	copyDB, err := sql.Open("sqlite", "file:"+out+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var check string
	if err := copyDB.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	sameDump(t, "the SQLite export", dump(t, copyDB), want)
	// The very same ids too: VACUUM INTO keeps rowids.
	for _, table := range db.TransferTables() {
		var a1, a2 string
		nb.DB.QueryRow("SELECT group_concat(id) FROM (SELECT id FROM " + table + " ORDER BY id)").Scan(&a1)
		copyDB.QueryRow("SELECT group_concat(id) FROM (SELECT id FROM " + table + " ORDER BY id)").Scan(&a2)
		if a1 != a2 {
			t.Errorf("%s ids: %s, export has %s", table, a1, a2)
		}
	}
	copyDB.Close()

	// Sourcebook opens it, and the search index came along.
	b := openApp(t, out, "bbbbbbbb")
	hits, err := b.SearchAll(SearchRequest{Query: "shockingly untrue"})
	if err != nil || kindHits(hits, "quote") == 0 {
		t.Errorf("search in the export: %+v, %v", hits, err)
	}
}

// The documented views answer in the sqlite3 command-line tool.
func TestExportOpensInSQLite3(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Fatal("the sqlite3 command-line tool is missing: make setup installs it")
	}
	a, _ := newApp(t)
	richNotebook(t, a)
	out := filepath.Join(t.TempDir(), "copy.db")
	if _, err := a.Export(ExportRequest{Format: "sqlite", Path: out}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sql, want string }{
		{"PRAGMA integrity_check;", "ok"},
		{"SELECT speaker || ' | ' || outlet FROM quotes_view WHERE text LIKE 'Shockingly untrue%' ORDER BY outlet;", "Andy Stone | MyNation"},
		{"SELECT attached_kind || ' | ' || attached_label FROM notes_view WHERE title = 'Filed in April 2023';", "passage | A lawsuit filed in April 2023"},
		{"SELECT count(*) FROM sources_view WHERE stories LIKE '%Netflix and Facebook messages%';", "2"},
	} {
		outb, err := exec.Command(sqlite3, "-readonly", out, c.sql).CombinedOutput()
		if err != nil {
			t.Fatalf("sqlite3 %q: %v\n%s", c.sql, err, outb)
		}
		if got := strings.TrimSpace(string(outb)); !strings.Contains(got, c.want) {
			t.Errorf("sqlite3 %q = %q, want %q", c.sql, got, c.want)
		}
	}
}

func TestExportJSONRoundTrip(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	want := dump(t, nb.DB)
	out := filepath.Join(t.TempDir(), "notebook.json")
	if _, err := a.Export(ExportRequest{Format: "json", Path: out}); err != nil {
		t.Fatal(err)
	}

	b := openApp(t, filepath.Join(t.TempDir(), "empty.db"), "bbbbbbbb")
	res, err := b.MergeFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != "json" || res.Added["source"] != 2 || res.Added["note"] != 5 || len(res.Conflicts) != 0 || len(res.Skipped) != 0 {
		t.Errorf("merge result: %+v", res)
	}
	sameDump(t, "the JSON import", dump(t, b.nb.DB), want)

	// Importing it again changes nothing.
	res, err = b.MergeFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 0 || len(res.Updated) != 0 || len(res.Conflicts) != 0 {
		t.Errorf("second import: %+v", res)
	}
	sameDump(t, "the JSON import twice", dump(t, b.nb.DB), want)
}

func TestMergeRoundTrips(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	want := dump(t, nb.DB)

	// Into itself: nothing changes.
	res, err := a.MergeFile(nb.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 0 || len(res.Updated) != 0 || len(res.Conflicts) != 0 || res.Backup == "" {
		t.Errorf("merge into itself: %+v", res)
	}
	sameDump(t, "merged into itself", dump(t, nb.DB), want)

	// Into an empty notebook: the same rows, twice merged, no duplicates.
	b := openApp(t, filepath.Join(t.TempDir(), "empty.db"), "bbbbbbbb")
	for i := range 2 {
		if _, err := b.MergeFile(nb.Path); err != nil {
			t.Fatal(err)
		}
		sameDump(t, fmt.Sprintf("merge %d into an empty notebook", i+1), dump(t, b.nb.DB), want)
	}
	// The speakers' counts, which triggers keep, count the merged quotes.
	counts := func(d *sql.DB) string {
		var s string
		d.QueryRow("SELECT group_concat(uuid || ':' || quote_count || '/' || source_count) FROM (SELECT * FROM speaker ORDER BY uuid)").Scan(&s)
		return s
	}
	if g, w := counts(b.nb.DB), counts(nb.DB); g != w || w == "" {
		t.Errorf("speaker counts after the merge:\n%s\nwant\n%s", g, w)
	}
	// The full-text indexes hold every merged row, and their triggers are
	// back as they were.
	checkIndexes(t, b.nb.DB, nb.DB)
	checkIndexes(t, nb.DB, nb.DB)
	// The merged notebook works: its quotes group, search finds notes.
	hits, err := b.SearchAll(SearchRequest{Query: "spokesman"})
	if err != nil || kindHits(hits, "note") == 0 {
		t.Errorf("search after merge: %+v, %v", hits, err)
	}
}

// Both notebooks edit; the merge keeps each row's latest version, lists the
// conflicts and adds what only the other had.
func TestMergeConflicts(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	copyPath := filepath.Join(t.TempDir(), "laptop.db")
	if _, err := a.Export(ExportRequest{Format: "sqlite", Path: copyPath}); err != nil {
		t.Fatal(err)
	}
	notes, err := a.Notes(NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var open, stone Note
	for _, n := range notes {
		switch n.Title {
		case "Open questions":
			open = n
		case "Stone":
			stone = n
		}
	}
	// Here: Stone's note edited now (2026-11-23 clock).
	if _, err := a.UpdateNote(stone.ID, "Stone\n\nEdited on the desktop."); err != nil {
		t.Fatal(err)
	}
	// There, later (2026-12-01 clock): both notes edited, a new note.
	b := openApp(t, copyPath, "bbbbbbbb")
	if _, err := b.UpdateNote(open.ID, "Open questions\n\nAnswered on the laptop."); err != nil {
		t.Fatal(err)
	}
	if _, err := b.UpdateNote(stone.ID, "Stone\n\nEdited on the laptop, later."); err != nil {
		t.Fatal(err)
	}
	if _, err := b.CreateNote(NoteRequest{Body: "Laptop only"}); err != nil {
		t.Fatal(err)
	}
	b.nb.Close()

	res, err := a.MergeFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added["note"] != 1 || res.Updated["note"] != 2 || len(res.Conflicts) != 2 {
		t.Errorf("result: added %v updated %v conflicts %+v", res.Added, res.Updated, res.Conflicts)
	}
	for _, c := range res.Conflicts {
		if c.Table != "note" || c.Kept != "incoming" || c.IncomingChanged <= c.NotebookChanged {
			t.Errorf("conflict: %+v", c)
		}
	}
	for id, want := range map[int64]string{open.ID: "Answered on the laptop.", stone.ID: "Edited on the laptop, later."} {
		n, err := a.Note(id)
		if err != nil || !strings.Contains(n.Body, want) {
			t.Errorf("note %d: %q, %v", id, n.Body, err)
		}
	}
	// Merging the other way round: ours are older now; theirs stay.
	res, err = b2(t, copyPath).MergeFile(nb.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Updated) != 0 || res.Added["note"] != 0 {
		t.Errorf("reverse merge: %+v", res)
	}
}

func b2(t *testing.T, path string) *App { return openApp(t, path, "cccccccc") }

func TestExportStoryNotebook(t *testing.T) {
	a, _ := newApp(t)
	story := richNotebook(t, a)
	// Something outside the story that must stay out.
	if _, err := a.ImportText(ImportTextRequest{Title: "Unrelated", Text: "Nothing to do with Meta. \"We will see,\" said Jane Roe."}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "story.db")
	res, err := a.Export(ExportRequest{Format: "sqlite", StoryID: story, Path: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sources != 2 {
		t.Errorf("sources: %d", res.Sources)
	}
	b := openApp(t, out, "bbbbbbbb")
	lib, err := b.Library()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Sources) != 2 || len(lib.Stories) != 1 {
		t.Errorf("the story's notebook: %d sources, %d stories", len(lib.Sources), len(lib.Stories))
	}
	notes, err := b.Notes(NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, n := range notes {
		titles = append(titles, n.Title)
	}
	slices.Sort(titles)
	if want := []string{"Filed in April 2023", "Open questions", "Stone", "The denial"}; !slices.Equal(titles, want) {
		t.Errorf("notes: %q, want %q (the standalone note stays out)", titles, want)
	}
	if sp, err := b.Speakers(); err != nil || slices.ContainsFunc(sp, func(s Speaker) bool { return s.Name == "Jane Roe" }) {
		t.Errorf("speakers: %+v, %v", sp, err)
	}
}

// An export taken while another goroutine writes is one moment of the
// notebook: every note in it has the tag it was written with.
func TestExportWhileWriting(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := a.CreateNote(NoteRequest{Body: fmt.Sprintf("Note %d", i), Tags: []string{"burst"}}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	dir := t.TempDir()
	for notes := 0; notes < 20; {
		time.Sleep(5 * time.Millisecond)
		nb.DB.QueryRow("SELECT count(*) FROM note WHERE body LIKE 'Note %'").Scan(&notes)
	}
	for i, format := range []string{"sqlite", "json", "sqlite", "json"} {
		out := filepath.Join(dir, fmt.Sprintf("x%d.%s", i, format))
		if _, err := a.Export(ExportRequest{Format: format, Path: out}); err != nil {
			t.Fatal(err)
		}
		var check *sql.DB
		if format == "json" {
			b := openApp(t, filepath.Join(dir, fmt.Sprintf("x%d.db", i)), "bbbbbbbb")
			if _, err := b.MergeFile(out); err != nil {
				t.Fatal(err)
			}
			check = b.nb.DB
		} else {
			var err error
			if check, err = sql.Open("sqlite", "file:"+out+"?mode=ro"); err != nil {
				t.Fatal(err)
			}
			defer check.Close()
		}
		var notes, tagged int
		check.QueryRow("SELECT count(*) FROM note WHERE body LIKE 'Note %'").Scan(&notes)
		check.QueryRow("SELECT count(*) FROM tagging g JOIN tag t ON t.id = g.tag_id WHERE t.name = 'burst'").Scan(&tagged)
		if notes != tagged || notes < 20 {
			t.Errorf("%s export %d: %d notes, %d tagged", format, i, notes, tagged)
		}
	}
	close(stop)
	wg.Wait()
}

func TestExportBadInput(t *testing.T) {
	a, nb := newApp(t)
	story := richNotebook(t, a)
	dir := t.TempDir()
	existing := filepath.Join(dir, "taken.json")
	os.WriteFile(existing, []byte("mine"), 0o644)
	readOnly := filepath.Join(dir, "ro")
	os.Mkdir(readOnly, 0o555)
	for _, c := range []struct {
		name string
		req  ExportRequest
		code string
		msg  string
	}{
		{"unknown format", ExportRequest{Format: "docx", Path: filepath.Join(dir, "x")}, CodeInvalid, "unknown export format"},
		{"no path", ExportRequest{Format: "json"}, CodeInvalid, "say where"},
		{"existing file", ExportRequest{Format: "json", Path: existing}, CodeConflict, "already exists"},
		{"existing folder", ExportRequest{Format: "sqlite", Path: dir, Replace: true}, CodeConflict, "already exists"},
		{"missing folder", ExportRequest{Format: "json", Path: filepath.Join(dir, "no", "such", "x.json")}, CodeInvalid, "does not exist"},
		{"the open notebook", ExportRequest{Format: "sqlite", Path: nb.Path, Replace: true}, CodeInvalid, "is the open notebook"},
		{"no story", ExportRequest{Format: "json", StoryID: 999, Path: filepath.Join(dir, "y.json")}, CodeNotFound, "999"},
		{"report without story", ExportRequest{Format: "html", Path: filepath.Join(dir, "r.html")}, CodeInvalid, "choose the story"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := a.Export(c.req)
			if code(err) != c.code || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("got %v (%s), want %s containing %q", err, code(err), c.code, c.msg)
			}
		})
	}
	// A folder no one may write in: a read-only one, or for root (who
	// writes anywhere else) sysfs.
	unwritable := readOnly
	if os.Geteuid() == 0 {
		unwritable = "/sys"
	}
	for _, format := range []string{"json", "sqlite", "markdown", "bibtex"} {
		_, err := a.Export(ExportRequest{Format: format, Path: filepath.Join(unwritable, "x."+format)})
		if code(err) != CodeInvalid || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("%s into an unwritable folder: %v", format, err)
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "mine" {
		t.Errorf("the existing file changed: %q", b)
	}
	// Replace replaces a file, whole.
	if _, err := a.Export(ExportRequest{Format: "json", Path: existing, Replace: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(existing); !strings.HasPrefix(string(b), `{"format":"sourcebook-notebook"`) {
		t.Errorf("replaced file: %.60q", b)
	}
	// The HTML report of the story's two sources.
	report := filepath.Join(dir, "report.html")
	if _, err := a.Export(ExportRequest{Format: "html", StoryID: story, Path: report}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(report); !strings.Contains(string(b), "Shockingly untrue") {
		t.Errorf("the report lacks the shared quote")
	}
	// Nothing was left behind under a temporary name.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".partial-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestMergeBadInput(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	want := dump(t, nb.DB)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A notebook of a newer version, made from a real one.
	newer := filepath.Join(dir, "newer.db")
	if _, err := a.Export(ExportRequest{Format: "sqlite", Path: newer}); err != nil {
		t.Fatal(err)
	}
	if c, err := sql.Open("sqlite", newer); err == nil {
		c.Exec("PRAGMA user_version = 999")
		c.Close()
	}
	// A damaged notebook: a real one with pages overwritten.
	damaged := filepath.Join(dir, "damaged.db")
	if _, err := a.Export(ExportRequest{Format: "sqlite", Path: damaged}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(damaged)
	for i := 4096 * 2; i < len(data) && i < 4096*6; i++ {
		data[i] = 0xA5
	}
	os.WriteFile(damaged, data, 0o644)
	other := filepath.Join(dir, "other.db")
	if c, err := sql.Open("sqlite", other); err == nil {
		c.Exec("CREATE TABLE t (x)")
		c.Close()
	}
	for _, c := range []struct{ name, path, msg string }{
		{"missing", filepath.Join(dir, "nope.db"), "no such file"},
		{"folder", dir, "is a folder"},
		{"empty", write("empty.db", nil), "is empty"},
		{"binary", write("x.bin", []byte{0, 1, 2, 3, 0xff}), "is not a Sourcebook notebook, a JSON export"},
		{"newer", newer, "newer version of Sourcebook"},
		{"damaged", damaged, "damaged"},
		{"another program", other, "another program"},
		{"json not ours", write("a.json", []byte(`{"format": "something-else", "tables": {}}`)), "annotation"},
		{"json truncated", write("t.json", []byte(`{"format":"sourcebook-notebook","schema":1,"tables":{"story":[{"uuid":"s1","title":"T",`)), "nothing was merged"},
		{"json newer", write("n.json", []byte(`{"format":"sourcebook-notebook","schema":999,"tables":{}}`)), "newer version"},
		{"json wrong types", write("w.json", []byte(`{"format":"sourcebook-notebook","schema":1,"tables":{"story":[{"uuid":"s1","title":{"x":1}}]}}`)), "not a string, number or null"},
		{"json unknown table", write("u.json", []byte(`{"format":"sourcebook-notebook","schema":1,"tables":{"users":[]}}`)), "unknown table"},
		{"json bad row", write("b.json", []byte(`{"format":"sourcebook-notebook","schema":1,"tables":{"story":[{"uuid":"s9","title":""}]}}`)), "internal error"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := a.MergeFile(c.path)
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("got %v, want an error containing %q", err, c.msg)
			}
		})
	}
	sameDump(t, "after the failed merges", dump(t, nb.DB), want)
}

func TestBackupsRestore(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	before := dump(t, nb.DB)
	b, err := a.BackUp()
	if err != nil {
		t.Fatal(err)
	}
	if b.Reason != "manual" || b.Bytes == 0 || filepath.Dir(b.Path) != db.BackupDir(nb.Path) {
		t.Errorf("backup: %+v", b)
	}
	// Change the notebook, then restore.
	lib, _ := a.Library()
	for _, s := range lib.Sources {
		if err := a.DeleteSource(s.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.CreateNote(NoteRequest{Body: "after the backup"}); err != nil {
		t.Fatal(err)
	}
	after := dump(t, nb.DB)
	res, err := a.RestoreBackup(b.Name)
	if err != nil {
		t.Fatal(err)
	}
	sameDump(t, "restored", dump(t, nb.DB), before)
	if a.UndoInfo().What != "" {
		t.Errorf("undo still offers %q", a.UndoInfo().What)
	}
	// The app works on the restored notebook: quotes, search, writes.
	if hits, err := a.SearchAll(SearchRequest{Query: "shockingly"}); err != nil || kindHits(hits, "quote") == 0 {
		t.Errorf("search after restore: %v", err)
	}
	if _, err := a.CreateNote(NoteRequest{Body: "after the restore"}); err != nil {
		t.Fatal(err)
	}
	// Restoring the backup taken just before undoes the restore.
	if _, err := a.RestoreBackup(res.Before.Name); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "the restore undone", dump(t, nb.DB), after)

	list, err := a.Backups()
	if err != nil || len(list) != 3 {
		t.Fatalf("backups: %+v, %v", list, err)
	}
	if _, err := a.RestoreBackup("../nb.db"); code(err) != CodeNotFound {
		t.Errorf("restore outside the backups: %v", err)
	}
	// Only the last ten are kept.
	for range 12 {
		if _, err := a.BackUp(); err != nil {
			t.Fatal(err)
		}
	}
	if list, _ := a.Backups(); len(list) != db.KeepBackups {
		t.Errorf("%d backups kept, want %d", len(list), db.KeepBackups)
	}
}

// kindHits counts the hits of one kind.
func kindHits(r SearchResults, kind string) int {
	for _, g := range r.Groups {
		if g.Kind == kind {
			return len(g.Hits)
		}
	}
	return 0
}

// checkIndexes fails unless every full-text index of got agrees with its
// table (FTS5's integrity-check) and got has the same triggers as want.
func checkIndexes(t *testing.T, got, want *sql.DB) {
	t.Helper()
	for _, fts := range []string{"source_fts", "quote_fts", "note_fts"} {
		if _, err := got.Exec("INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('integrity-check', 1)"); err != nil {
			t.Errorf("%s: %v", fts, err)
		}
	}
	triggers := func(d *sql.DB) string {
		var s string
		d.QueryRow("SELECT group_concat(name || ':' || sql, char(10)) FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)").Scan(&s)
		return s
	}
	if g, w := triggers(got), triggers(want); g != w || w == "" {
		t.Errorf("triggers differ:\n%s\nwant\n%s", g, w)
	}
}

// The folder formats: the vault's and the CSV tables' files are there,
// built from the notebook.
func TestExportFolders(t *testing.T) {
	a, _ := newApp(t)
	story := richNotebook(t, a)
	dir := t.TempDir()
	for _, c := range []struct {
		format string
		story  int64
		files  []string
		holds  string
	}{
		{"markdown", 0, []string{"index.md"}, "Shockingly untrue"},
		{"markdown", story, []string{"index.md"}, "Andy Stone"},
		{"csv", 0, []string{"sources.csv", "quotes.csv", "notes.csv"}, "MyNation"},
	} {
		out := filepath.Join(dir, fmt.Sprintf("%s-%d", c.format, c.story))
		res, err := a.Export(ExportRequest{Format: c.format, StoryID: c.story, Path: out})
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		if !res.Folder || res.Sources != 2 || res.Bytes == 0 {
			t.Errorf("%s: %+v", c.format, res)
		}
		for _, f := range c.files {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("%s: %v", c.format, err)
			}
		}
		found := false
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if b, _ := os.ReadFile(p); strings.Contains(string(b), c.holds) {
					found = true
				}
			}
			return nil
		})
		if !found {
			t.Errorf("%s: no file holds %q", c.format, c.holds)
		}
		// Again to the same folder: refused, the folder untouched.
		if _, err := a.Export(ExportRequest{Format: c.format, StoryID: c.story, Path: out, Replace: true}); code(err) != CodeConflict {
			t.Errorf("%s over an existing folder: %v", c.format, err)
		}
	}
}

// Quotes, highlights and notes go out as Web Annotations and come back:
// into the notebook itself nothing is added; into a notebook holding the
// same sources (imported afresh, with other ids and uuids) every quote and
// highlight lands on the same words.
func TestAnnotationsRoundTrip(t *testing.T) {
	a, nb := newApp(t)
	richNotebook(t, a)
	out := filepath.Join(t.TempDir(), "notes.jsonld")
	if _, err := a.Export(ExportRequest{Format: "annotations", Path: out}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, nb.DB)
	res, err := a.MergeFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != "annotations" || len(res.Added) != 0 || len(res.Skipped) != 0 {
		t.Errorf("into itself: %+v", res)
	}
	sameDump(t, "annotations merged into their own notebook", dump(t, nb.DB), before)

	// A notebook with the same articles imported by someone else: their
	// uuids differ, so the annotations find the sources by... nothing: the
	// seeds have no address. They are skipped, saying why.
	b := openApp(t, filepath.Join(t.TempDir(), "other.db"), "bbbbbbbb")
	importSeeds(t, b)
	res, err = b.MergeFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) == 0 || !strings.Contains(res.Skipped[0], "import the page first") {
		t.Errorf("sources unknown: %+v", res)
	}

	// The same sources (merged from the notebook, so the uuids match) but
	// none of the quotes or notes: they all come back, on the same words.
	c := openApp(t, filepath.Join(t.TempDir(), "third.db"), "cccccccc")
	if _, err := c.nb.DB.Exec("ATTACH ? AS other", nb.Path); err != nil {
		t.Fatal(err)
	}
	if _, err := c.nb.DB.Exec(`INSERT INTO source SELECT * FROM other.source`); err != nil {
		t.Fatal(err)
	}
	c.nb.DB.Exec("DETACH other")
	res, err = c.MergeFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	rows, _ := nb.DB.Query("SELECT q.uuid || ' ' || q.start_offset || ' ' || q.end_offset || ' ' || coalesce(sp.name, '') FROM quote q LEFT JOIN speaker sp ON sp.id = q.speaker_id WHERE q.status <> 'rejected' ORDER BY 1")
	for rows.Next() {
		var s string
		rows.Scan(&s)
		want = append(want, s)
	}
	rows.Close()
	rows, _ = c.nb.DB.Query("SELECT q.uuid || ' ' || q.start_offset || ' ' || q.end_offset || ' ' || coalesce(sp.name, '') FROM quote q LEFT JOIN speaker sp ON sp.id = q.speaker_id ORDER BY 1")
	for rows.Next() {
		var s string
		rows.Scan(&s)
		got = append(got, s)
	}
	rows.Close()
	if !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("quotes after the import:\n%q\nwant\n%q", got, want)
	}
	var hl string
	c.nb.DB.QueryRow("SELECT n.body || ' @ ' || l.exact FROM note n JOIN note_link l ON l.note_id = n.id WHERE l.target_kind = 'passage'").Scan(&hl)
	if !strings.Contains(hl, "Filed in April 2023") || !strings.HasSuffix(hl, "@ A lawsuit filed in April 2023") {
		t.Errorf("the highlight: %q", hl)
	}
	// Its [[links]] are recorded, so backlinks work.
	var refs int
	c.nb.DB.QueryRow("SELECT count(*) FROM note_ref").Scan(&refs)
	if refs == 0 {
		t.Error("no note_ref rows for the imported notes")
	}
	// Again: nothing more.
	if res, err := c.MergeFile(out); err != nil || len(res.Added) != 0 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

// Citations for the notebook's sources: CSL-JSON and BibTeX files.
func TestExportCitations(t *testing.T) {
	a, _ := newApp(t)
	richNotebook(t, a)
	dir := t.TempDir()
	for format, want := range map[string]string{"csl-json": `"container-title": "MyNation"`, "bibtex": "journal = {MyNation}"} {
		out := filepath.Join(dir, "refs."+format)
		if _, err := a.Export(ExportRequest{Format: format, Path: out}); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(out)
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %q:\n%.500s", format, want, b)
		}
	}
}

// Another tool's annotations (Hypothesis's export) land on the source with
// their page's address, as highlights with their comments and tags.
func TestImportHypothesisAnnotations(t *testing.T) {
	a, nb := newApp(t)
	_, nation := importSeeds(t, a)
	if _, err := nb.DB.Exec("UPDATE source SET url = 'https://www.mynation.example/lawsuit' WHERE id = ?", nation); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "hypothesis.json")
	os.WriteFile(file, []byte(`[
 {"id": "abc123", "created": "2024-05-01T10:00:00.000000+00:00", "updated": "2024-05-02T10:00:00.000000+00:00",
  "uri": "https://www.mynation.example/lawsuit", "text": "Check the **filing** date.", "tags": ["dates", "to check"],
  "target": [{"source": "https://www.mynation.example/lawsuit", "selector": [
    {"type": "TextPositionSelector", "start": 5, "end": 34},
    {"type": "TextQuoteSelector", "exact": "A lawsuit filed in April 2023", "prefix": "", "suffix": " alleges"}]}]},
 {"id": "def456", "uri": "https://elsewhere.example/", "text": "Not here",
  "target": [{"source": "https://elsewhere.example/", "selector": [{"type": "TextQuoteSelector", "exact": "nothing"}]}]}
]`), 0o644)
	res, err := a.MergeFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added["note"] != 1 || res.Added["tagging"] != 2 || len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], "elsewhere.example") {
		t.Fatalf("result: %+v", res)
	}
	hl, err := a.Highlights(nation)
	if err != nil || len(hl) != 1 || hl[0].Text != "A lawsuit filed in April 2023" || !strings.Contains(hl[0].Note, "**filing**") {
		t.Fatalf("highlights: %+v, %v", hl, err)
	}
	notes, _ := a.Notes(NoteFilter{Tag: "to check"})
	if len(notes) != 1 {
		t.Errorf("notes tagged: %+v", notes)
	}
	// A file that is not annotations at all.
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"hello": "world"}`), 0o644)
	if _, err := a.MergeFile(bad); code(err) != CodeInvalid {
		t.Errorf("not annotations: %v", err)
	}
}
