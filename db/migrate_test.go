package db

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
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

	nb, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open v1 notebook: %v", err)
	}
	defer nb.Close()
	if nb.SchemaVersion != KnownVersion() {
		t.Errorf("schema version %d, want %d", nb.SchemaVersion, KnownVersion())
	}
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
