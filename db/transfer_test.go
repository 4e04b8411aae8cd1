package db

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Every table of the schema is copied by a transfer, or is an index the
// triggers keep (FTS) or goose's own; a new table must be added to
// transferTables (or here, saying why not).
func TestTransferTables(t *testing.T) {
	nb := openTemp(t)
	rows, err := nb.DB.Query(`SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'goose_db_version' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		rows.Scan(&name)
		if !slices.Contains(transferTables, name) {
			t.Errorf("table %s is not in transferTables: merges and exports would lose it", name)
		}
	}
	// Parents come before the tables that refer to them.
	schema, err := readSchema(context.Background(), nb.DB)
	if err != nil {
		t.Fatal(err)
	}
	for i, table := range transferTables {
		for _, c := range schema[table].cols {
			if c.refs != "" && slices.Index(transferTables, c.refs) >= i {
				t.Errorf("%s.%s refers to %s, which comes later", table, c.name, c.refs)
			}
		}
	}
}

// addBigSource inserts a source with an original of size bytes.
func addBigSource(t *testing.T, nb *Notebook, uuid string, size int) {
	t.Helper()
	_, err := nb.DB.Exec(`INSERT INTO source (uuid, title, text, original, media_type, content_hash, imported_at, modified_at)
		VALUES (?, 'T', 'Some text.', ?, 'text/plain', ?, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z')`,
		uuid, bytes.Repeat([]byte("x"), size), uuid)
	if err != nil {
		t.Fatal(err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	boom := errors.New("boom")
	if err := WriteFileAtomic(path, false, func(tmp string) error {
		os.WriteFile(tmp, []byte("half"), 0o644)
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
	if err := WriteFileAtomic(path, false, func(tmp string) error { return os.WriteFile(tmp, []byte("one"), 0o644) }); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, false, func(tmp string) error { return os.WriteFile(tmp, []byte("two"), 0o644) }); !errors.Is(err, ErrExists) {
		t.Fatalf("second write: %v", err)
	}
	if err := WriteFileAtomic(path, true, func(tmp string) error { return os.WriteFile(tmp, []byte("three"), 0o644) }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Fatalf("content %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("files: %v", entries)
	}
}

// A disk that fills up mid-export: a file-size limit makes every write
// past 1 MiB fail, in a child process so the limit binds only it.
func TestCopyToDiskFull(t *testing.T) {
	if os.Getenv("SOURCEBOOK_DISKFULL_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestCopyToDiskFull$", "-test.v")
		cmd.Env = append(os.Environ(), "SOURCEBOOK_DISKFULL_CHILD="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "disk-full-checked") {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return
	}
	dir := os.Getenv("SOURCEBOOK_DISKFULL_CHILD")
	nb, err := Open(context.Background(), filepath.Join(dir, "nb.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer nb.Close()
	for i := range 4 {
		addBigSource(t, nb, fmt.Sprint("s", i), 1<<20)
	}
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 1 << 20, Max: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "export.db")
	err = nb.CopyTo(context.Background(), out, false, nil)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("CopyTo on a full disk: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "export.db" || strings.Contains(e.Name(), "partial") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	var n int
	var check string
	nb.DB.QueryRow("SELECT count(*) FROM source").Scan(&n)
	nb.DB.QueryRow("PRAGMA quick_check").Scan(&check)
	if n != 4 || check != "ok" {
		t.Errorf("the notebook after: %d sources, %s", n, check)
	}
	fmt.Println("disk-full-checked")
}

func TestBackupsPrune(t *testing.T) {
	nb := openTemp(t)
	addBigSource(t, nb, "a", 10)
	ctx := context.Background()
	for i := range 5 {
		if _, err := nb.Backup(ctx, "daily", timeAt(i), 3); err != nil {
			t.Fatal(err)
		}
	}
	list, err := Backups(nb.Path)
	if err != nil || len(list) != 3 || list[0].Time != timeAt(4) || list[2].Time != timeAt(2) || list[0].Reason != "daily" {
		t.Fatalf("backups: %+v, %v", list, err)
	}
	// Not a backup: left alone, not listed.
	os.WriteFile(filepath.Join(BackupDir(nb.Path), "notes.txt"), nil, 0o644)
	if list, _ := Backups(nb.Path); len(list) != 3 {
		t.Errorf("listed %d", len(list))
	}

	// Room: the oldest go once the backups pass the budget, but the newest
	// two stay even when they alone pass it.
	size := list[0].Bytes
	if size <= 0 {
		t.Fatalf("backup size %d", size)
	}
	if err := pruneBackups(nb.Path, 10, 3*size); err != nil {
		t.Fatal(err)
	}
	if list, _ := Backups(nb.Path); len(list) != 3 {
		t.Errorf("%d backups kept within a budget for 3", len(list))
	}
	if err := pruneBackups(nb.Path, 10, 2*size+size/2); err != nil {
		t.Fatal(err)
	}
	if list, _ := Backups(nb.Path); len(list) != 2 || list[0].Time != timeAt(4) || list[1].Time != timeAt(3) {
		t.Errorf("within a budget for 2.5: %+v", list)
	}
	if err := pruneBackups(nb.Path, 10, 0); err != nil {
		t.Fatal(err)
	}
	if list, _ := Backups(nb.Path); len(list) != 2 {
		t.Errorf("the newest two must stay whatever their size; kept %d", len(list))
	}
	if _, err := os.Stat(filepath.Join(BackupDir(nb.Path), "notes.txt")); err != nil {
		t.Errorf("pruning touched a file that is not a backup: %v", err)
	}
}

// The JSON export's reader refuses what is not an export, and a bad row
// leaves the notebook as it was.
func TestAddJSONErrors(t *testing.T) {
	nb := openTemp(t)
	for _, c := range []struct{ in, want string }{
		{``, "does not start with a JSON object"},
		{`[]`, "does not start with a JSON object"},
		{`{"format":"x"}`, "format is not"},
		{`{"tables":{}}`, "no \"format\""},
		{`{"format":"sourcebook-notebook"}`, "no tables"},
		{`{"format":"sourcebook-notebook","schema":99999,"tables":{}}`, "newer"},
		{`{"format":"sourcebook-notebook","tables":{"quote":[],"story":[]}}`, "comes after"},
		{`{"format":"sourcebook-notebook","tables":{"story":{}}}`, "not an array"},
		{`{"format":"sourcebook-notebook","tables":{"story":[{"title":"x"}]}}`, "no uuid"},
		{`{"format":"sourcebook-notebook","tables":{"source":[{"uuid":"s","original":"%%%"}]}}`, "not base64"},
		{`{"format":"sourcebook-notebook","tables":{"quote":[{"uuid":"q","source_uuid":7}]}}`, "not a uuid"},
		{`{"format":"sourcebook-notebook","tables":{"story":[{"uuid":"s","title":[1]}]}}`, "not a string"},
		{`{"format":"sourcebook-notebook","tables":{"story":[{"uuid":"s","title":"ok","created_at":"t","modified_at":"t"}],"source":[{"uuid":`, "unexpected EOF"},
	} {
		err := nb.TxRaw(context.Background(), func(tx DBTX) error {
			m, err := NewMerger(context.Background(), tx)
			if err != nil {
				return err
			}
			_, err = m.AddJSON(strings.NewReader(c.in), KnownVersion())
			return err
		})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.60s: got %v, want %q", c.in, err, c.want)
		}
	}
	var n int
	nb.DB.QueryRow("SELECT count(*) FROM story").Scan(&n)
	if n != 0 {
		t.Errorf("%d stories written by failed imports", n)
	}
}

// FuzzAddJSON feeds the JSON import anything: it returns an error or
// merges, and never panics; a failed import writes nothing.
func FuzzAddJSON(f *testing.F) {
	for _, s := range []string{
		`{"format":"sourcebook-notebook","schema":6,"tables":{"story":[{"uuid":"s1","title":"T","description":"","created_at":"a","modified_at":"b"}]}}`,
		`{"format":"sourcebook-notebook","tables":{"speaker":[{"uuid":"p","name":"Andy Stone","created_at":"a","modified_at":"a"}],"speaker_alias":[{"uuid":"a","speaker_uuid":"p","alias":"Stone","created_at":"a"}]}}`,
		`{"format":"sourcebook-notebook","tables":{"tag":[{"uuid":"t","name":"x","created_at":"a"}],"tagging":[{"uuid":"g","tag_uuid":"t","note_uuid":"nope","created_at":"a"}]}}`,
		`{"format":"sourcebook-notebook","tables":{"note":[{"uuid":"n","body":"[[x]]","title":"x","created_at":"a","modified_at":"a"}],"note_ref":[{"note_uuid":"n","target":"x","target_kind":"note","target_uuid":"n"}]}}`,
		`{"format":"sourcebook-notebook","tables":{"story":[{"uuid":"s","title":1e400}]}}`,
	} {
		f.Add([]byte(s))
	}
	nb, err := Open(context.Background(), filepath.Join(f.TempDir(), "nb.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer nb.Close()
	errRollback := errors.New("rollback")
	f.Fuzz(func(t *testing.T, data []byte) {
		err := nb.TxRaw(context.Background(), func(tx DBTX) error {
			m, err := NewMerger(context.Background(), tx)
			if err != nil {
				return err
			}
			if _, err := m.AddJSON(bytes.NewReader(data), KnownVersion()); err != nil {
				return err
			}
			return errRollback // keep the notebook empty for the next input
		})
		if err == nil {
			t.Fatal("no error")
		}
		var n int
		nb.DB.QueryRow("SELECT (SELECT count(*) FROM story) + (SELECT count(*) FROM note) + (SELECT count(*) FROM speaker)").Scan(&n)
		if n != 0 {
			t.Fatalf("%d rows left after a rolled-back import", n)
		}
	})
}

func timeAt(i int) time.Time { return time.Date(2026, 11, 1+i, 3, 0, 0, 0, time.UTC) }
