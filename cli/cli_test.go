package cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pressly/goose/v3"

	"sourcebook/db"
)

var (
	seedTechDogs = "../testdata/seeds/000_9ee5f3e41cc3c9be.txt"
	seedMyNation = "../testdata/seeds/004_917a6aaec319a3a4.txt"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(string) string { return "" },
	})
	return result{code, out.String(), errOut.String()}
}

func TestImportListShowSearchDelete(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	r := run(t, "", "--db", nbPath, "import", seedTechDogs, seedMyNation)
	if r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	if !strings.Contains(r.stdout, "imported as source 1") || !strings.Contains(r.stdout, "imported as source 2") {
		t.Errorf("import output: %s", r.stdout)
	}
	r = run(t, "", "--db", nbPath, "import", seedMyNation)
	if r.code != ExitOK || !strings.Contains(r.stdout, "already in the notebook as source 2") {
		t.Errorf("re-import: %+v", r)
	}

	r = run(t, "", "--db", nbPath, "sources", "--json")
	var sources []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &sources); err != nil || r.code != ExitOK {
		t.Fatalf("sources --json: %v: %+v", err, r)
	}
	if len(sources) != 2 {
		t.Fatalf("sources = %d, want 2", len(sources))
	}
	for _, key := range []string{"id", "uuid", "title", "outlet", "published", "kind", "words"} {
		if _, ok := sources[0][key]; !ok {
			t.Errorf("sources --json lacks %q: %v", key, sources[0])
		}
	}
	// Newest first: TechDogs (source 1) was published a day after MyNation.
	if sources[0]["id"].(float64) != 1 || sources[0]["outlet"] != "TechDogs" || sources[0]["published"] != "2024-04-04" {
		t.Errorf("newest first: %v", sources[0])
	}
	r = run(t, "", "--db", nbPath, "sources")
	if !strings.Contains(r.stdout, "Lawsuit claims Facebook") || !strings.HasPrefix(r.stdout, "ID") {
		t.Errorf("sources: %s", r.stdout)
	}

	r = run(t, "", "--db", nbPath, "show", "2", "--json")
	var shown map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &shown); err != nil {
		t.Fatalf("show --json: %v: %+v", err, r)
	}
	if !strings.Contains(shown["text"].(string), "Shockingly untrue") || shown["id"].(float64) != 2 {
		t.Errorf("show --json: %v", shown)
	}
	r = run(t, "", "--db", nbPath, "show", "2")
	if !strings.HasPrefix(r.stdout, "Lawsuit claims Facebook sold users' private messages") {
		t.Errorf("show: %s", r.stdout)
	}

	r = run(t, "", "--db", nbPath, "search", "--json", "Reed Hastings")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 2 {
		t.Fatalf("search --json: %v: %+v", err, r)
	}
	r = run(t, "", "--db", nbPath, "search", "Facebook Watch")
	if !strings.Contains(r.stdout, "[Facebook] [Watch]") {
		t.Errorf("search: %s", r.stdout)
	}
	r = run(t, "", "--db", nbPath, "search", `NEAR("`)
	if r.code != ExitOK {
		t.Errorf("hostile search: %+v", r)
	}

	r = run(t, "", "--db", nbPath, "delete", "1")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Deleted source 1") {
		t.Errorf("delete: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "show", "1")
	if r.code != ExitError || !strings.Contains(r.stderr, "source 1 does not exist") {
		t.Errorf("show deleted: %+v", r)
	}
}

func TestImportStdin(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	data, _ := os.ReadFile(seedMyNation)
	r := run(t, string(data), "--db", nbPath, "import", "-")
	if r.code != ExitOK || !strings.Contains(r.stdout, "standard input: imported as source 1") {
		t.Errorf("import -: %+v", r)
	}
	r = run(t, "", "--db", nbPath, "import", "-")
	if r.code != ExitError || !strings.Contains(r.stderr, "standard input: no text to import") {
		t.Errorf("import of empty stdin: %+v", r)
	}
}

// Bad input gives a clear message naming the file, a non-zero exit and an
// unchanged notebook.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	nbPath := filepath.Join(dir, "nb.db")
	if r := run(t, "", "--db", nbPath, "import", seedMyNation); r.code != ExitOK {
		t.Fatal(r)
	}
	snapshot := func() []byte {
		// Close-time checkpoints fold the WAL into the file, so the file's
		// bytes are the notebook's state between commands.
		b, err := os.ReadFile(nbPath)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "image.png")
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	invalid := filepath.Join(dir, "latin1.txt")
	os.WriteFile(invalid, []byte("na\xefve caf\xe9"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing file", []string{"import", filepath.Join(dir, "nope.txt")}, ExitError, "nope.txt: no such file"},
		{"empty file", []string{"import", empty}, ExitError, "empty.txt: no text to import"},
		{"binary file", []string{"import", binary}, ExitError, "image.png: not a text file"},
		{"invalid UTF-8", []string{"import", invalid}, ExitError, "latin1.txt: "},
		{"no files", []string{"import"}, ExitUsage, "name at least one file"},
		{"bad id", []string{"show", "abc"}, ExitUsage, `"abc" is not a source ID`},
		{"missing id", []string{"delete", "42"}, ExitError, "source 42 does not exist"},
		{"unknown command", []string{"frobnicate"}, ExitUsage, `unknown command "frobnicate"`},
		{"unknown flag", []string{"sources", "--yaml"}, ExitUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot()
			r := run(t, "", append([]string{"--db", nbPath}, tt.args...)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d: %+v", r.code, tt.code, r)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.want)
			}
			if !bytes.Equal(before, snapshot()) {
				t.Error("the notebook changed")
			}
		})
	}
}

func TestNotebookProblems(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("just some notes"), 0o644)
	r := run(t, "", "--db", notDB, "sources")
	if r.code != ExitError || !strings.Contains(r.stderr, notDB+": it is not a Sourcebook notebook") {
		t.Errorf("not a notebook: %+v", r)
	}

	locked := filepath.Join(dir, "locked.db")
	nb, err := db.Open(context.Background(), locked)
	if err != nil {
		t.Fatal(err)
	}
	r = run(t, "", "--db", locked, "sources")
	nb.Close()
	if r.code != ExitError || !strings.Contains(r.stderr, "open in another Sourcebook process") {
		t.Errorf("locked: %+v", r)
	}

	under := filepath.Join(notDB, "nb.db")
	r = run(t, "", "--db", under, "sources")
	if r.code != ExitError || !strings.Contains(r.stderr, "cannot be written") {
		t.Errorf("unwritable: %+v", r)
	}
}

// A notebook of an older schema is upgraded when opened, and the command
// says so first on stderr (a large notebook takes minutes); once upgraded,
// it opens without a word.
func TestUpgradeNotice(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA application_id = %d", db.ApplicationID)); err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, raw, db.Migrations())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	raw.Exec("PRAGMA user_version = 1")
	raw.Close()

	r := run(t, "", "--db", path, "sources")
	want := fmt.Sprintf("upgrading %s from schema 1 to %d, after a backup into %s", path, db.KnownVersion(), db.BackupDir(path))
	if r.code != ExitOK || !strings.Contains(r.stderr, want) {
		t.Errorf("old notebook: %+v, want stderr with %q", r, want)
	}
	if r = run(t, "", "--db", path, "sources"); r.code != ExitOK || r.stderr != "" {
		t.Errorf("upgraded notebook: %+v", r)
	}
}

func TestVersionAndHelp(t *testing.T) {
	if r := run(t, "", "version"); r.code != ExitOK || !strings.HasPrefix(r.stdout, fmt.Sprintf("sourcebook test (notebook schema %d", db.KnownVersion())) {
		t.Errorf("version: %+v", r)
	}
	if r := run(t, "", "help"); r.code != ExitOK || !strings.Contains(r.stdout, "serve [--addr ADDR] [--open]") {
		t.Errorf("help: %+v", r)
	}
}

// With no display and no command, Sourcebook starts browser mode; serve
// prints a URL with a token, refuses requests without it and stops cleanly.
func TestServe(t *testing.T) {
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	stdoutR, stdoutW := io.Pipe()
	var stderr bytes.Buffer
	stop := make(chan struct{})
	done := make(chan int)
	go func() {
		code := Main([]string{"--db", nbPath}, Env{
			Stdin: strings.NewReader(""), Stdout: stdoutW, Stderr: &stderr, Version: "test",
			Assets:  fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>Sourcebook</title>")}},
			Desktop: nil, Getenv: func(string) string { return "" }, Signals: stop,
		})
		stdoutW.Close()
		done <- code
	}()
	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, stdoutR)
	m := regexp.MustCompile(`Sourcebook is serving (http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+))`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve printed %q", line)
	}
	base := "http://127.0.0.1:" + m[2]
	client := &http.Client{Timeout: 5 * time.Second}

	resp, err := client.Post(base+"/api/Library", "application/json", strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		t.Errorf("without token: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("POST", base+"/api/Ready", strings.NewReader("[]"))
	req.Header.Set("X-Sourcebook-Token", m[3])
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var info map[string]any
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if resp.StatusCode != 200 || info["mode"] != "browser" {
		t.Errorf("Ready: %d %v", resp.StatusCode, info)
	}
	close(stop)
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("serve exited %d: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(stderr.String(), "no display found") || !strings.Contains(stderr.String(), "frontend ready (browser") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestExtract(t *testing.T) {
	r := run(t, "", "extract", seedMyNation)
	if r.code != ExitOK {
		t.Fatalf("extract: %+v", r)
	}
	var out struct {
		Title, Outlet, Published, Text, Content, Extractor string
		Authors                                            []string
		Boilerplate                                        []struct {
			Start, End   int
			Reason, Text string
		}
		Quotes []struct {
			Text, Speaker, Kind string
			Start, End          int
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Title != "Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal" ||
		out.Outlet != "MyNation" || out.Published != "2024-04-03T14:29:00+05:30" || fmt.Sprint(out.Authors) != "[Roshni Tamta]" {
		t.Errorf("metadata: %+v", out)
	}
	related := 0
	for _, b := range out.Boilerplate {
		if string([]rune(out.Text)[b.Start:b.End]) != b.Text {
			t.Errorf("range [%d,%d) is not %q", b.Start, b.End, b.Text)
		}
		if b.Reason == "related" && strings.HasPrefix(b.Text, "Also Read") {
			related++
		}
	}
	if related != 2 || strings.Contains(out.Content, "Also Read") {
		t.Errorf("Also Read lines: %d marked; content has them: %v", related, strings.Contains(out.Content, "Also Read"))
	}
	stone := 0
	for _, q := range out.Quotes {
		if string([]rune(out.Text)[q.Start:q.End]) != q.Text {
			t.Errorf("quote range [%d,%d) is not %q", q.Start, q.End, q.Text)
		}
		if q.Speaker == "Andy Stone" && strings.HasPrefix(q.Text, "Shockingly untrue.") {
			stone++
		}
	}
	if stone != 2 {
		t.Errorf("Andy Stone's statement found %d times, want 2 (the quote and the embedded post): %+v", stone, out.Quotes)
	}
	// No notebook is touched.
	if r := run(t, "", "--db", filepath.Join(t.TempDir(), "x", "nb.db"), "extract", seedTechDogs); r.code != ExitOK {
		t.Errorf("extract with --db: %+v", r)
	}
	for _, tt := range []struct{ file, want string }{
		{"missing.html", "missing.html: no such file"},
		{"../testdata/seeds", "is a directory"},
	} {
		if r := run(t, "", "extract", tt.file); r.code != ExitError || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("extract %s: %+v", tt.file, r)
		}
	}
}

func TestImportURLAndFolder(t *testing.T) {
	page := `<html><head><title>Ferry timetable changes | Coastal Ledger</title>
<meta property="og:site_name" content="Coastal Ledger"></head><body><article><h1>Ferry timetable changes</h1>
<p>The island ferry will run every forty minutes from Monday, the operator said, after months of complaints from commuters about crowded morning sailings.</p>
<p>Extra sailings will be added on Saturdays during the summer, and the last departure will move from ten to eleven in the evening.</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page)
	}))
	defer srv.Close()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "saved", "page_files"), 0o755)
	os.WriteFile(filepath.Join(dir, "saved", "page_files", "ad.html"), []byte("<p>an ad frame</p>"), 0o644)
	data, _ := os.ReadFile(seedTechDogs)
	os.WriteFile(filepath.Join(dir, "saved", "techdogs.txt"), data, 0o644)
	nbPath := filepath.Join(t.TempDir(), "nb.db")
	r := run(t, "", "--db", nbPath, "import", srv.URL+"/ferry", filepath.Join(dir, "saved"))
	if r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	if !strings.Contains(r.stdout, "/ferry: imported as source 1, \"Ferry timetable changes\"") ||
		!strings.Contains(r.stdout, "techdogs.txt: imported as source 2") || strings.Contains(r.stdout, "ad.html") {
		t.Errorf("import output: %s", r.stdout)
	}
	r = run(t, "", "--db", nbPath, "import", "http://127.0.0.1:1/closed")
	if r.code != ExitError || !strings.Contains(r.stderr, "refused the connection") {
		t.Errorf("closed port: %+v", r)
	}
}
