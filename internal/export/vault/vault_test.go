package vault

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"sourcebook/internal/export"
	"sourcebook/internal/wikilink"
)

// writeVault exports nb into a fresh folder and returns it.
func exportVault(t testing.TB, nb export.Notebook) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	if err := Write(context.Background(), nb, dir, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readVault returns every file of the vault by its slash path.
func readVault(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var blockIDRe = regexp.MustCompile(`(?m)(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$`)

// checkLinks parses every [[target#^block|text]] of every page and checks
// that the page exists and holds the block id; unresolved lists the note
// links that are allowed to point nowhere (they do in the notebook too).
func checkLinks(t *testing.T, files map[string]string, unresolved ...string) (links int) {
	t.Helper()
	blocks := map[string]map[string]bool{}
	for path, text := range files {
		ids := map[string]bool{}
		for _, m := range blockIDRe.FindAllStringSubmatch(text, -1) {
			if !regexp.MustCompile(`^(p[0-9]+|q-[0-9a-z-]+)$`).MatchString(m[1]) {
				t.Errorf("%s: block id ^%s does not come from the writer (escaped text leaked?)", path, m[1])
			}
			if ids[m[1]] {
				t.Errorf("%s: block id ^%s twice", path, m[1])
			}
			ids[m[1]] = true
		}
		blocks[path] = ids
	}
	allowed := map[string]bool{}
	for _, u := range unresolved {
		allowed[u] = true
	}
	for path, text := range files {
		// In front matter only a value that is a whole link is one.
		var found []wikilink.Link
		fm, body := splitFrontMatter(text)
		var props map[string]any
		if err := yaml.Unmarshal([]byte(fm), &props); err != nil {
			t.Errorf("%s: front matter: %v", path, err)
		}
		for _, v := range props {
			vals, _ := v.([]any)
			if s, ok := v.(string); ok {
				vals = []any{s}
			}
			for _, x := range vals {
				if s, ok := x.(string); ok && strings.HasPrefix(s, "[[") {
					if ls := wikilink.Parse(s); len(ls) == 1 && ls[0].Start == 0 && ls[0].End == len(s) {
						found = append(found, ls[0])
						continue
					}
				}
			}
		}
		found = append(found, wikilink.Parse(body)...)
		for _, l := range found {
			links++
			page, anchor, _ := strings.Cut(l.Target, "#")
			dest := path
			if page != "" {
				dest = page + ".md"
			}
			ids, ok := blocks[dest]
			if !ok {
				if !allowed[l.Target] {
					t.Errorf("%s: link [[%s]] points to no file", path, l.Target)
				}
				continue
			}
			if anchor == "" {
				continue
			}
			if !strings.HasPrefix(anchor, "^") || !ids[anchor[1:]] {
				t.Errorf("%s: link [[%s]]: %s has no block %s", path, l.Target, dest, anchor)
			}
		}
	}
	return links
}

// splitFrontMatter returns a page's front matter and the rest.
func splitFrontMatter(text string) (string, string) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return "", text
	}
	fm, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return "", text
	}
	return fm, body
}

func TestLinksResolve(t *testing.T) {
	for _, tc := range []struct {
		name       string
		nb         *export.Static
		unresolved []string
		min        int
	}{
		{"seeds", seedNotebook(t), []string{"Reed Hastings"}, 40},
		{"hostile", hostileNotebook(t), []string{"story:99"}, 30},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := readVault(t, exportVault(t, tc.nb))
			if n := checkLinks(t, files, tc.unresolved...); n < tc.min {
				t.Errorf("only %d links in the vault; want at least %d", n, tc.min)
			}
			for _, u := range tc.unresolved {
				found := false
				for _, text := range files {
					found = found || strings.Contains(text, "[["+u)
				}
				if !found {
					t.Errorf("the unresolved link [[%s]] was not kept as it was", u)
				}
			}
		})
	}
}

// TestSeedVault checks what a reader of the seed vault relies on.
func TestSeedVault(t *testing.T) {
	nb := seedNotebook(t)
	files := readVault(t, exportVault(t, nb))
	td := files["Sources/Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!.md"]
	mn := files["Sources/Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal.md"]
	stone := files["Speakers/Andy Stone.md"]
	note := files["Notes/Stone's denial.md"]
	for name, text := range map[string]string{"techdogs": td, "mynation": mn, "stone": stone, "note": note, "index": files["index.md"], "story": files["Stories/Meta let Netflix read Facebook messages.md"]} {
		if text == "" {
			t.Fatalf("%s page missing; files: %v", name, keys(files))
		}
	}
	for _, want := range []string{
		"Netflix paid them \\$100M+ for ads",                                                   // $ would start math
		"## What Did Meta Say?",                                                                // headings one level down
		"- Andy Stone, the Communications Director at Meta",                                    // list items
		"==Facebook implemented default end-to-end encryption in Messenger in December 2023==", // the highlight
		"^q-000000000005",
		"[[Speakers/Andy Stone|Andy Stone]] (saying)",
	} {
		if !strings.Contains(td, want) {
			t.Errorf("TechDogs page lacks %q", want)
		}
	}
	for _, gone := range []string{"Join Our Newsletter", "Overall Rating", "Dive into our content"} {
		if strings.Contains(td, gone) {
			t.Errorf("TechDogs page holds boilerplate %q", gone)
		}
	}
	// Stone's denial is one utterance in three places, in two sources.
	if !strings.Contains(stone, "3 quotes of 1 utterance in 2 sources") {
		t.Errorf("Andy Stone's page:\n%s", stone)
	}
	if !strings.Contains(note, "[[Sources/Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal#^q-000000000008|“Shockingly untrue”]]") {
		t.Errorf("the note's quote link was not rewritten:\n%s", note)
	}
	if !strings.Contains(note, "[[Speakers/the court filing|the filing]]") {
		t.Errorf("the note's alias link was not rewritten:\n%s", note)
	}
	if !strings.Contains(note, "```\n[[not a link: code]]\n```") {
		t.Errorf("a link in code was touched:\n%s", note)
	}
	hl := files["Notes/E2EE only since December 2023 - what was shared before.md"]
	if !strings.Contains(hl, "Highlight in [[Sources/Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!#^p") {
		t.Errorf("highlight note does not link to its paragraph:\n%s\nfiles: %v", hl, keys(files))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestGolden compares the seed vault with testdata/seeds.vault.txtar.
func TestGolden(t *testing.T) {
	files := readVault(t, exportVault(t, seedNotebook(t)))
	var buf bytes.Buffer
	for _, k := range keys(files) {
		fmt.Fprintf(&buf, "-- %s --\n%s", k, files[k])
		if !strings.HasSuffix(files[k], "\n") {
			buf.WriteByte('\n')
		}
	}
	path := filepath.Join("testdata", "seeds.vault.txtar")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("the seed vault differs from %s (go test -run TestGolden -update rewrites it); got:\n%s", path, buf.String())
	}
}

// TestFrontMatter parses every page's front matter with a YAML library and
// checks that hostile titles come back exactly.
func TestFrontMatter(t *testing.T) {
	nb := hostileNotebook(t)
	files := readVault(t, exportVault(t, nb))
	titles := map[string]bool{}
	for path, text := range files {
		if path == "index.md" {
			continue
		}
		fmText, _ := splitFrontMatter(text)
		if fmText == "" {
			t.Errorf("%s: no front matter", path)
			continue
		}
		var m map[string]any
		if err := yaml.Unmarshal([]byte(fmText), &m); err != nil {
			t.Errorf("%s: front matter is not YAML: %v\n%s", path, err, fmText)
			continue
		}
		if _, ok := m["sourcebook_uuid"].(string); !ok {
			t.Errorf("%s: no sourcebook_uuid in %v", path, m)
		}
		if s, ok := m["title"].(string); ok && strings.HasPrefix(path, "Sources/") {
			titles[s] = true
		}
		if strings.Contains(fmText, "\nevil:") {
			t.Errorf("%s: a title broke out of its field:\n%s", path, fmText)
		}
	}
	for _, s := range nb.SourceList {
		if s.Title != "" && !titles[s.Title] {
			t.Errorf("title %q did not come back from the front matter", s.Title)
		}
	}
}

var forbidden = regexp.MustCompile(`[/\\:*?"<>|#^\[\]\x00-\x1f]`)

func TestFileNames(t *testing.T) {
	files := readVault(t, exportVault(t, hostileNotebook(t)))
	seen := map[string]string{}
	for path := range files {
		dir, name := filepath.Split(path)
		stem := strings.TrimSuffix(name, ".md")
		switch {
		case forbidden.MatchString(stem):
			t.Errorf("%q holds a character some system or Obsidian refuses", path)
		case strings.HasPrefix(stem, "."), strings.HasSuffix(stem, "."), strings.HasSuffix(stem, " "), strings.HasPrefix(stem, " "):
			t.Errorf("%q starts or ends badly", path)
		case len(stem) > maxName+8 || !utf8.ValidString(stem):
			t.Errorf("%q is too long or not UTF-8", path)
		}
		if base, _, _ := strings.Cut(stem, "."); windowsReserved[strings.ToUpper(base)] {
			t.Errorf("%q is a reserved Windows name", path)
		}
		key := strings.ToLower(path)
		if other, ok := seen[key]; ok {
			t.Errorf("%q and %q differ only in case", path, other)
		}
		seen[key] = path
		_ = dir
	}
	for _, want := range []string{"Sources/Same title.md", "Sources/same TITLE (2).md", "Sources/_CON.md", "Sources/_con.txt.md",
		"Sources/hidden.md", "Sources/Untitled - Hostile <Outlet> & Co 2024.md", "Speakers/_CON.md", "Sources/AC-DC - Back-in (Black) Yes - 'No' 1 x ((y)).md"} {
		want = strings.ReplaceAll(want, "<Outlet>", "(Outlet)")
		if _, ok := files[want]; !ok {
			t.Errorf("no %q; files:\n%s", want, strings.Join(keys(files), "\n"))
		}
	}
}

// TestHostileText checks that HTML and Markdown in a source's text come out
// as text.
func TestHostileText(t *testing.T) {
	files := readVault(t, exportVault(t, hostileNotebook(t)))
	var page string
	for path, text := range files {
		if strings.HasPrefix(path, "Sources/AC-DC") {
			page = text
		}
		if strings.HasPrefix(path, "Sources/") && (strings.Contains(text, "<script") || strings.Contains(text, "<img")) {
			t.Errorf("%s holds raw HTML:\n%s", path, text)
		}
	}
	for _, want := range []string{
		"&lt;script>alert('vault')&lt;/script>",
		`\*\*not bold\*\* \_not em\_ \` + "`not code\\`",
		`\[\[Not a link\]\] \#not-a-tag \^not-a-block`,
		"\\# ==not a heading== ^p3", "\\- not a list", "1\\. not a list either", "\\> not a quote", "\\---",
		`\=\=not a highlight\=\= \%\%not a comment\%\% \$100M+ and \$5 billion &amp;amp; &amp;copy; \~\~not struck\~\~`,
		"\nfour spaces are not code", `back\\slash`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("source page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "[original](javascript") {
		t.Errorf("a javascript: URL became a link")
	}
}

func TestExistingFolder(t *testing.T) {
	dir := t.TempDir()
	err := Write(context.Background(), seedNotebook(t), dir, nil)
	if !errors.Is(err, fs.ErrExist) || !strings.HasPrefix(err.Error(), "vault: ") {
		t.Fatalf("Write into an existing folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the existing folder was written to: %v", entries)
	}
}

func TestUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(context.Background(), seedNotebook(t), filepath.Join(file, "vault"), nil)
	if err == nil || !strings.Contains(err.Error(), "cannot") {
		t.Fatalf("Write under a file: %v", err)
	}
}

// failing streams its sources and then fails, or cancels ctx after n.
type failing struct {
	*export.Static
	after  int
	err    error
	cancel context.CancelFunc
}

func (f failing) EachSource(ctx context.Context, fn func(export.Source) error) error {
	for i, s := range f.SourceList {
		if i == f.after {
			if f.cancel != nil {
				f.cancel()
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			return f.err
		}
		if err := fn(s); err != nil {
			return err
		}
	}
	return nil
}

// TestNoPartialVault: whatever stops an export, nothing is left under the
// final name and the temporary folder is gone.
func TestNoPartialVault(t *testing.T) {
	boom := errors.New("boom")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		nb   export.Notebook
		want error
	}{
		{"source error", context.Background(), failing{Static: hostileNotebook(t), after: 3, err: boom}, boom},
		{"cancelled", ctx, failing{Static: hostileNotebook(t), after: 2, cancel: cancel}, context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "vault")
			err := Write(tc.ctx, tc.nb, dir, nil)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Write: %v, want %v", err, tc.want)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

func TestProgress(t *testing.T) {
	nb := hostileNotebook(t)
	var calls [][2]int
	dir := filepath.Join(t.TempDir(), "v")
	if err := Write(context.Background(), nb, dir, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(nb.SourceList) || calls[len(calls)-1] != [2]int{len(nb.SourceList), len(nb.SourceList)} {
		t.Errorf("progress calls: %v", calls)
	}
}

func TestSafeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Meta: a denial", "Meta - a denial"},
		{"a/b\\c", "a-b-c"},
		{"  ..hidden. ", "hidden"},
		{"x\x00y\nz", "x y z"},
		{"\xff\xfe", "fallback"},
		{"COM1.txt", "_COM1.txt"},
		{"LPT¹", "_LPT¹"},
		{"[[x]] #tag ^id", "((x)) tag id"},
		{strings.Repeat("é", 60), strings.Repeat("é", 50)},
		{strings.Repeat("a", 99) + "👨‍👩‍👧", strings.Repeat("a", 99)},
		{"e\u0301", "é"},
	} {
		if got := safeName(tc.in, "fallback"); got != tc.want {
			t.Errorf("safeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	n := newNamer()
	for _, want := range []string{"Title", "title (2)", "TITLE (3)"} {
		if got := n.name(strings.Fields(want)[0], ""); got != want {
			t.Errorf("namer gave %q, want %q", got, want)
		}
	}
}
