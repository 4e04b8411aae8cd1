package winstate

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSaveLoad(t *testing.T) {
	def := State{Width: 1280, Height: 820}
	path := filepath.Join(t.TempDir(), "sub", "window.json")
	if got := Load(path, def); got != def {
		t.Errorf("missing file: %+v", got)
	}
	want := State{Width: 1500, Height: 900, Maximised: true}
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	if got := Load(path, def); got != want {
		t.Errorf("Load after Save = %+v, want %+v", got, want)
	}
	for _, bad := range []string{"", "{", `{"width": 10, "height": 10}`, `{"width": 99999, "height": 900}`, "\x00\xff"} {
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := Load(path, def); got != def {
			t.Errorf("Load(%q) = %+v, want the default", bad, got)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("Save left temporary files: %v", entries)
	}
}
