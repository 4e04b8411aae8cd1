package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sourcebook/app"
)

func TestExportMergeBackupCommands(t *testing.T) {
	dir := t.TempDir()
	nbPath := filepath.Join(dir, "nb.db")
	if r := run(t, "", "--db", nbPath, "import", seedTechDogs, seedMyNation); r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	if r := run(t, "", "--db", nbPath, "note", "new", "--source", "2", "# Stone denies it\n[[Andy Stone]]"); r.code != ExitOK {
		t.Fatalf("note new: %+v", r)
	}
	out := filepath.Join(dir, "all.json")
	r := run(t, "", "--db", nbPath, "export", "--format", "json", out)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Exported 2 sources as json to the file "+out) {
		t.Fatalf("export: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "export", "--format", "json", out)
	if r.code != ExitError || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("export over a file: %+v", r)
	}
	if r := run(t, "", "--db", nbPath, "export", "--format", "json", "--force", out); r.code != ExitOK {
		t.Errorf("export --force: %+v", r)
	}
	for _, args := range [][]string{{"export", out}, {"export", "--format", "docx", out}, {"export", "--format", "json"}} {
		r := run(t, "", append([]string{"--db", nbPath}, args...)...)
		if r.code == ExitOK {
			t.Errorf("%q succeeded", args)
		}
	}

	// Into an empty notebook, twice: the second adds nothing.
	other := filepath.Join(dir, "other.db")
	r = run(t, "", "--db", other, "merge", "--json", out)
	var res app.MergeResult
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != ExitOK {
		t.Fatalf("merge --json: %v %+v", err, r)
	}
	if res.Added["source"] != 2 || res.Added["note"] != 1 || res.Kind != "json" {
		t.Errorf("merge: %+v", res)
	}
	r = run(t, "", "--db", other, "merge", nbPath)
	if r.code != ExitOK || !strings.Contains(r.stdout, "added:   nothing") || !strings.Contains(r.stdout, "backed up in") {
		t.Errorf("merge again: %+v", r)
	}
	if r := run(t, "", "--db", other, "merge", filepath.Join(dir, "missing.db")); r.code != ExitError || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("merge a missing file: %+v", r)
	}

	// Backups: the two merges backed up; restore the first (the empty one).
	r = run(t, "", "--db", other, "backups", "--json")
	var list []app.Backup
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 2 {
		t.Fatalf("backups: %v %+v", err, r)
	}
	r = run(t, "", "--db", other, "restore", list[1].Name)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Restored "+list[1].Name) {
		t.Fatalf("restore: %+v", r)
	}
	if r := run(t, "", "--db", other, "sources"); !strings.Contains(r.stdout, "no sources yet") {
		t.Errorf("after restoring the empty notebook: %+v", r)
	}
	if r := run(t, "", "--db", other, "restore", "nope.db"); r.code != ExitError || !strings.Contains(r.stderr, "no backup") {
		t.Errorf("restore nope: %+v", r)
	}
	if r := run(t, "", "--db", other, "backup"); r.code != ExitOK || !strings.Contains(r.stdout, "Backed up to") {
		t.Errorf("backup: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "other-backups")); err != nil {
		t.Error(err)
	}
}
