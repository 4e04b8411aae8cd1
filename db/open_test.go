package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func openTemp(t *testing.T) *Notebook {
	t.Helper()
	nb, err := Open(context.Background(), filepath.Join(t.TempDir(), "nb.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { nb.Close() })
	return nb
}

func TestOpenCreatesAndMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "nb.db")
	nb, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if nb.SchemaVersion != KnownVersion() || KnownVersion() < 2 {
		t.Errorf("SchemaVersion = %d, KnownVersion = %d", nb.SchemaVersion, KnownVersion())
	}
	var appID, userVersion int64
	nb.DB.QueryRow("PRAGMA application_id").Scan(&appID)
	nb.DB.QueryRow("PRAGMA user_version").Scan(&userVersion)
	if appID != ApplicationID || userVersion != KnownVersion() {
		t.Errorf("application_id = %#x, user_version = %d", appID, userVersion)
	}
	if err := nb.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Re-opening is a no-op migration and keeps data.
	nb, err = Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer nb.Close()
	var migrations int
	nb.DB.QueryRow("SELECT count(*) FROM goose_db_version WHERE version_id > 0").Scan(&migrations)
	if int64(migrations) != KnownVersion() {
		t.Errorf("goose_db_version has %d applied migrations, want %d", migrations, KnownVersion())
	}
}

// Every connection of the pool must have the DSN pragmas, not only the first.
func TestPragmasOnEveryConnection(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	var conns []*sql.Conn
	for range 4 {
		c, err := nb.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var fk int
		var mode string
		var timeout int
		c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
		c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout)
		if fk != 1 || mode != "wal" || timeout != 5000 {
			t.Errorf("conn %d: foreign_keys=%d journal_mode=%s busy_timeout=%d", i, fk, mode, timeout)
		}
		c.Close()
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	otherDB := filepath.Join(dir, "other.db")
	{
		db, err := sql.Open("sqlite", otherDB)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("CREATE TABLE t (x)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	damaged := append(append([]byte{}, sqliteMagic...), bytes.Repeat([]byte{0xAB}, 4096)...)
	tests := []struct {
		name string
		path string
		kind error
		want string
	}{
		{"text file", write("notes.txt", []byte("hello, this is not a database")), ErrNotNotebook, "not an SQLite database"},
		{"pdf", write("paper.db", []byte("%PDF-1.7\n...")), ErrNotNotebook, "not an SQLite database"},
		{"another program's database", otherDB, ErrNotNotebook, "another program"},
		{"damaged", write("damaged.db", damaged), nil, ""},
		{"folder", dir, ErrNotNotebook, "folder"},
		{"under a file", filepath.Join(write("afile", []byte("x")), "nb.db"), ErrUnwritable, "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			nb, err := Open(context.Background(), tt.path)
			if err == nil {
				nb.Close()
				t.Fatal("Open succeeded, want an error")
			}
			var oe *OpenError
			if !errors.As(err, &oe) {
				t.Fatalf("error %T %v is not an *OpenError", err, err)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("message %q does not name the file", err)
			}
			if tt.kind != nil && !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not %v", err, tt.kind)
			}
			if tt.kind == nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotNotebook) {
				t.Errorf("error %q is neither damaged nor not-a-notebook", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message %q does not say %q", err, tt.want)
			}
			after, _ := os.ReadFile(tt.path)
			if !bytes.Equal(before, after) {
				t.Errorf("Open changed the file")
			}
		})
	}
}

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.db")
	first, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "open in another Sourcebook process") {
		t.Errorf("message %q", err)
	}
	first.Close()
	second, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	second.Close()
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.db")
	nb, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nb.DB.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (99, 1)`); err != nil {
		t.Fatal(err)
	}
	if _, err := nb.DB.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	nb.Close()
	before, _ := os.ReadFile(path)

	_, err = Open(context.Background(), path)
	if !errors.Is(err, ErrNewer) {
		t.Fatalf("Open: %v, want ErrNewer", err)
	}
	if !strings.Contains(err.Error(), "schema version 99") {
		t.Errorf("message %q does not give the version", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("Open changed a newer notebook")
	}
}

func TestOpenPathWithSpecialCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my notes #1 ?%20 é", "nb.db")
	nb, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	nb.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("notebook not at %s: %v", path, err)
	}
}

func TestTxRollsBack(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	boom := errors.New("boom")
	err := nb.Tx(ctx, func(q *Queries) error {
		if _, err := q.StoryCreate(ctx, StoryCreateParams{UUID: "u1", Title: "A", CreatedAt: "t", ModifiedAt: "t"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Tx = %v", err)
	}
	stories, err := nb.Q.StoryList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 0 {
		t.Errorf("rolled-back story is stored: %+v", stories)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	p, err := DefaultPath()
	if err != nil || p != "/data/home/sourcebook/notebook.db" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/ann")
	p, _ = DefaultPath()
	if p != "/home/ann/.local/share/sourcebook/notebook.db" {
		t.Errorf("DefaultPath without XDG_DATA_HOME = %q", p)
	}
}

// Changes goes up with every committed write transaction, and not for a
// transaction that was rolled back.
func TestChanges(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	before := nb.Changes()
	if err := nb.Tx(ctx, func(q *Queries) error {
		_, err := q.StoryCreate(ctx, StoryCreateParams{UUID: "s1", Title: "A story", CreatedAt: now, ModifiedAt: now})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	after := nb.Changes()
	if after <= before {
		t.Errorf("Changes %d after a commit, %d before", after, before)
	}
	if err := nb.Tx(ctx, func(q *Queries) error { return errors.New("no") }); err == nil {
		t.Fatal("the failing transaction did not fail")
	}
	if nb.Changes() != after {
		t.Errorf("Changes %d after a rollback, %d before", nb.Changes(), after)
	}
}
