package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"sourcebook/app"
)

func TestNotesCommands(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	if r := run(t, "", "--db", nbPath, "import", seedTechDogs, seedMyNation); r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	r := run(t, "", "--db", nbPath, "note", "new", "--source", "2", "--tag", "denial", "--tag", "meta",
		"# Stone denies it\n[[Andy Stone]] calls it untrue; see [[Open questions]].")
	if r.code != ExitOK || !strings.Contains(r.stdout, "note 1 saved: Stone denies it") ||
		!strings.Contains(r.stdout, "[[Open questions]] does not name anything yet") {
		t.Fatalf("note new: %+v", r)
	}
	if r := run(t, "Open questions\n\nWho filed the suit?\n", "--db", nbPath, "note", "new", "-"); r.code != ExitOK {
		t.Fatalf("note new -: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "note", "1", "--json")
	var n app.Note
	if err := json.Unmarshal([]byte(r.stdout), &n); err != nil || r.code != ExitOK {
		t.Fatalf("note 1 --json: %v %+v", err, r)
	}
	if len(n.Attached) != 1 || n.Attached[0].Kind != "source" || n.Attached[0].ID != 2 || len(n.Links) != 2 ||
		n.Links[0].Label != "Andy Stone" || n.Links[1].Kind != "note" || n.Links[1].ID != 2 {
		t.Errorf("note 1: %+v", n)
	}
	r = run(t, "", "--db", nbPath, "notes", "--tag", "denial")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Stone denies it") || strings.Contains(r.stdout, "Open questions") {
		t.Errorf("notes --tag denial: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "tags")
	if r.code != ExitOK || !strings.Contains(r.stdout, "denial") || !strings.Contains(r.stdout, "meta") {
		t.Errorf("tags: %+v", r)
	}
	for _, bad := range [][]string{
		{"note", "new", "--source", "99", "x"},
		{"note", "new", "--source", "1", "--story", "1", "x"},
		{"note", "new"},
		{"note", "abc"},
		{"note", "99"},
		{"notes", "--source", "1", "--story", "1"},
		{"note", "new", "--tag", ",", "x"},
	} {
		if r := run(t, "", append([]string{"--db", nbPath}, bad...)...); r.code == ExitOK || r.stderr == "" {
			t.Errorf("%v: %+v", bad, r)
		}
	}
	if r := run(t, "", "--db", nbPath, "notes", "--json"); !strings.Contains(r.stdout, `"title": "Open questions"`) {
		t.Errorf("notes --json: %+v", r)
	}
}
