package db

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"
)

// A notebook written by a build that knew only schema v1 opens, migrates to
// the newest schema and keeps its sources searchable.
func TestMigrateFromV1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, raw, Migrations())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO source (uuid, title, text, words, original, media_type, content_hash, imported_at, modified_at)
		VALUES ('u1', 'Old source', 'Andy Stone denied the claims.', 5, x'', 'text/plain', 'h', 'now', 'now')`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO quote (uuid, source_id, text, start_offset, end_offset, created_at, modified_at)
		VALUES ('q1', 1, 'denied', 11, 17, 'now', 'now')`); err != nil {
		t.Fatal(err)
	}
	raw.Exec("PRAGMA user_version = 1")
	raw.Close()

	var told [][2]int64
	upgrading := OnUpgrade(func(from, to int64) { told = append(told, [2]int64{from, to}) })
	nb, err := Open(ctx, path, upgrading)
	if err != nil {
		t.Fatalf("Open v1 notebook: %v", err)
	}
	if nb.SchemaVersion != KnownVersion() {
		t.Errorf("schema version %d, want %d", nb.SchemaVersion, KnownVersion())
	}
	// The caller was told of the upgrade once, before it; not again when
	// the notebook is opened up to date, nor for a new notebook.
	if len(told) != 1 || told[0] != [2]int64{1, KnownVersion()} {
		t.Errorf("OnUpgrade was told %v, want [[1 %d]]", told, KnownVersion())
	}
	nb.Close()
	for _, p := range []string{path, filepath.Join(t.TempDir(), "new.db")} {
		again, err := Open(ctx, p, upgrading)
		if err != nil {
			t.Fatal(err)
		}
		again.Close()
	}
	if len(told) != 1 {
		t.Errorf("OnUpgrade was told %v after opening an up-to-date and a new notebook", told)
	}
	nb, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer nb.Close()
	// The notebook as it was is kept in its backups, still at v1.
	backups, err := Backups(path)
	if err != nil || len(backups) != 1 || backups[0].Reason != "migration" {
		t.Fatalf("backups after the migration: %+v, %v", backups, err)
	}
	old, err := sql.Open("sqlite", "file:"+backups[0].Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var oldVersion int
	var oldSource string
	old.QueryRow("PRAGMA user_version").Scan(&oldVersion)
	old.QueryRow("SELECT title FROM source").Scan(&oldSource)
	old.Close()
	if oldVersion != 1 || oldSource != "Old source" {
		t.Errorf("the backup: version %d, source %q", oldVersion, oldSource)
	}
	r, err := nb.Q.SourceGet(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Body != r.Text || r.Blocks != "[]" {
		t.Errorf("migrated source: body %q, blocks %q", r.Body, r.Blocks)
	}
	// Schema v3: an old quote is a direct quote alone in its group.
	qs, err := nb.Q.QuoteListBySource(ctx, 1)
	if err != nil || len(qs) != 1 || qs[0].GroupUUID != "q1" || qs[0].Kind != "direct" || qs[0].Orphan != 0 {
		t.Errorf("migrated quote: %+v, %v", qs, err)
	}
	hits, err := nb.Q.SourceSearch(ctx, SourceSearchParams{Query: `"denied"`, MaxHits: 5})
	if err != nil || len(hits) != 1 {
		t.Errorf("search after migration: %+v, %v", hits, err)
	}
}

// Schema v7 makes the full-text tables again with prefix indexes: what a
// v5 notebook held is found as before, a short prefix finds it through the
// new index, and the triggers keep the new tables in step.
func TestMigrateToV7(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v5.db")
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, raw, Migrations())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 5); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`INSERT INTO source (id, uuid, title, text, body, words, original, media_type, content_hash, imported_at, modified_at)
		 VALUES (1, 's1', 'Shockingly untrue', 'Andy Stone denied the claims.', 'Andy Stone denied the claims.', 5, x'', 'text/plain', 'h', 'now', 'now')`,
		`INSERT INTO speaker (id, uuid, name, role, created_at, modified_at) VALUES (1, 'sp1', 'Andy Stone', 'spokesperson', 'now', 'now')`,
		`INSERT INTO speaker_alias (uuid, speaker_id, alias, created_at) VALUES ('a1', 1, 'A. Stone', 'now')`,
		`INSERT INTO quote (uuid, source_id, speaker_id, text, start_offset, end_offset, created_at, modified_at)
		 VALUES ('q1', 1, 1, 'denied the claims', 11, 28, 'now', 'now')`,
		`INSERT INTO note (uuid, body, title, created_at, modified_at) VALUES ('n1', 'Stone denies it', 'Stone denies it', 'now', 'now')`,
		`PRAGMA user_version = 5`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()

	nb, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open v5 notebook: %v", err)
	}
	defer nb.Close()
	if nb.SchemaVersion < 7 {
		t.Fatalf("schema version %d", nb.SchemaVersion)
	}
	count := func(table, query string) int {
		t.Helper()
		var n int
		if err := nb.DB.QueryRow(`SELECT count(*) FROM `+table+`(?)`, query).Scan(&n); err != nil {
			t.Fatalf("%s MATCH %s: %v", table, query, err)
		}
		return n
	}
	tables := []string{"source_fts", "quote_fts", "note_fts", "speaker_fts"}
	for _, table := range tables {
		var def string
		if err := nb.DB.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = ?`, table).Scan(&def); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(def, "prefix = '2 3 4'") {
			t.Errorf("%s has no prefix indexes: %s", table, def)
		}
		// Found by a word, and by a prefix of each indexed length.
		for _, q := range []string{`"stone"`, `"st"*`, `"sto"*`, `"ston"*`} {
			if table == "quote_fts" {
				q = strings.NewReplacer("stone", "claims", `"st"`, `"cl"`, `"sto"`, `"cla"`, `"ston"`, `"clai"`).Replace(q)
			}
			if n := count(table, q); n != 1 {
				t.Errorf("%s MATCH %s: %d rows, want 1", table, q, n)
			}
		}
	}
	// The speakers' counts, counted by the migration.
	var quotes, sources int
	if err := nb.DB.QueryRow(`SELECT quote_count, source_count FROM speaker WHERE id = 1`).Scan(&quotes, &sources); err != nil || quotes != 1 || sources != 1 {
		t.Errorf("Andy Stone: %d quotes in %d sources, %v; want 1 in 1", quotes, sources, err)
	}
	// The triggers write to the new tables.
	if _, err := nb.DB.Exec(`UPDATE source SET body = 'Meta declined to comment.' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := nb.DB.Exec(`UPDATE speaker SET name = 'Andrew Stone' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if n := count("source_fts", `"decl"*`); n != 1 {
		t.Errorf("the source's new body: %d rows", n)
	}
	if n := count("speaker_fts", `"andr"*`); n != 1 {
		t.Errorf("the speaker's new name: %d rows", n)
	}
	for _, table := range tables[:3] {
		if _, err := nb.DB.Exec(`INSERT INTO ` + table + `(` + table + `) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s: %v", table, err)
		}
	}
}
