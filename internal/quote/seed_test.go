package quote

import (
	"os"
	"path/filepath"
	"testing"

	"sourcebook/internal/ingest"
	"sourcebook/internal/textextract"
)

func seed(t testing.TB, name string) (string, []Quote) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := ingest.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	doc := textextract.Text(text)
	return text, Detect(doc.Text, doc.Blocks)
}
