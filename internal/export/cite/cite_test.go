package cite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sourcebook/internal/export"
)

// fixture loads one of the notebooks the vault package's tests build (see
// internal/export/vault/fixture_test.go).
func fixture(t testing.TB, name string) *export.Static {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "vault", "testdata", "notebook-"+name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var nb export.Static
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	return &nb
}

func csl(t *testing.T, nb export.Notebook) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSL(context.Background(), nb, &buf, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func bib(t *testing.T, nb export.Notebook) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBibTeX(context.Background(), nb, &buf, nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCSLSeeds(t *testing.T) {
	var items []map[string]any
	if err := json.Unmarshal(csl(t, fixture(t, "seeds")), &items); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`{"URL":"https://www.techdogs.com/td-articles/trending-stories/meta-accused-of-allowing-netflix-to-read-facebook-users-private-messages","abstract":"Meta is accused of letting Netflix read Facebook users' private messages; Meta calls it shockingly untrue.","accessed":{"date-parts":[[2024,4,5]]},"author":[{"family":"Raichandani","given":"Lakshana"}],"container-title":"TechDogs","custom":{"sourcebook_uuid":"018ea102-0000-7000-8000-000000000001"},"id":"raichandani2024meta","issued":{"date-parts":[[2024,4,4]]},"keyword":"privacy, meta","language":"en","title":"Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!","type":"article-newspaper"}`,
		`{"URL":"https://newsable.asianetnews.com/technology/lawsuit-claims-facebook-sold-users-private-messages-to-netflix-in-a-data-exchange-deal","accessed":{"date-parts":[[2024,4,5]]},"author":[{"family":"Tamta","given":"Roshni"}],"container-title":"MyNation","custom":{"sourcebook_uuid":"018ea102-0000-7000-8000-000000000002"},"id":"tamta2024lawsuit","issued":{"date-parts":[[2024,4,3]]},"keyword":"privacy","language":"en","title":"Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal","type":"article-newspaper"}`,
	}
	if len(items) != len(want) {
		t.Fatalf("%d items", len(items))
	}
	for i, it := range items {
		got, _ := json.Marshal(it)
		if string(got) != want[i] {
			t.Errorf("item %d:\n got %s\nwant %s", i, got, want[i])
		}
	}
}

// The rules of the CSL-JSON schema (csl-data.json, CSL 1.0.2, from
// citation-style-language/schema): an array of objects with a "type" from
// the list and an "id", no other properties than the schema's, names and
// dates in their shapes.
var (
	cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book broadcast chapter classic
		collection dataset document entry entry-dictionary entry-encyclopedia figure graphic hearing interview legal_case
		legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical
		personal_communication post post-weblog regulation report review review-book software song speech standard thesis treaty webpage`)
	cslNameVars = strings.Fields(`author chair collection-editor compiler composer container-author contributor curator director
		editor editorial-director executive-producer interviewer illustrator organizer original-author performer producer
		recipient reviewed-author translator`)
	cslDateVars   = strings.Fields(`accessed available-date container event-date issued original-date submitted`)
	cslStringVars = strings.Fields(`language journalAbbreviation shortTitle abstract annote archive archive_collection archive_location
		archive-place authority call-number citation-label collection-title container-title container-title-short dimensions division
		DOI event event-place genre ISAN ISBN ISCI ISMN ISRC ISSN ISWC jurisdiction keyword medium note original-publisher
		original-publisher-place original-title part-title PMCID PMID publisher publisher-place references reviewed-title scale section
		source status title title-short translated-title translated-title-short URL version year-suffix`)
	cslStringOrNumberVars = strings.Fields(`id chapter-number citation-number collection-number edition first-reference-note-number issue
		locator number number-of-pages number-of-volumes page page-first part printing supplement volume`)
	cslNameKeys = strings.Fields(`family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering literal parse-names`)
	cslDateKeys = strings.Fields(`date-parts season circa literal raw edtf`)
)

func in(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkCSL validates data against the rules of csl-data.json.
func checkCSL(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var items []map[string]any
	if err := dec.Decode(&items); err != nil {
		return fmt.Errorf("not a JSON array of objects: %v", err)
	}
	ids := map[string]bool{}
	for i, it := range items {
		typ, ok := it["type"].(string)
		if !ok || !in(cslTypes, typ) {
			return fmt.Errorf("item %d: type %v", i, it["type"])
		}
		id, ok := it["id"].(string)
		if !ok || id == "" || ids[id] {
			return fmt.Errorf("item %d: id %v missing or repeated", i, it["id"])
		}
		ids[id] = true
		for k, v := range it {
			switch {
			case k == "type":
			case in(cslStringVars, k):
				if _, ok := v.(string); !ok {
					return fmt.Errorf("item %d: %s is not a string", i, k)
				}
			case in(cslStringOrNumberVars, k):
				if _, ok := v.(string); !ok {
					if _, ok := v.(json.Number); !ok {
						return fmt.Errorf("item %d: %s is not a string or number", i, k)
					}
				}
			case in(cslNameVars, k):
				names, ok := v.([]any)
				if !ok {
					return fmt.Errorf("item %d: %s is not an array", i, k)
				}
				for _, n := range names {
					m, ok := n.(map[string]any)
					if !ok {
						return fmt.Errorf("item %d: %s holds a non-object", i, k)
					}
					for nk, nv := range m {
						if !in(cslNameKeys, nk) {
							return fmt.Errorf("item %d: %s has %q", i, k, nk)
						}
						if _, ok := nv.(string); !ok && (nk == "family" || nk == "given" || nk == "literal" || nk == "suffix") {
							return fmt.Errorf("item %d: %s.%s is not a string", i, k, nk)
						}
					}
					if m["family"] == nil && m["literal"] == nil {
						return fmt.Errorf("item %d: a name with neither family nor literal: %v", i, m)
					}
				}
			case in(cslDateVars, k):
				if s, ok := v.(string); ok {
					if !regexp.MustCompile(`[0-9,\-%~X?./]`).MatchString(s) {
						return fmt.Errorf("item %d: %s %q is not EDTF", i, k, s)
					}
					continue
				}
				m, ok := v.(map[string]any)
				if !ok {
					return fmt.Errorf("item %d: %s is neither a string nor an object", i, k)
				}
				for dk := range m {
					if !in(cslDateKeys, dk) {
						return fmt.Errorf("item %d: %s has %q", i, k, dk)
					}
				}
				if dp, ok := m["date-parts"]; ok {
					outer, ok := dp.([]any)
					if !ok || len(outer) < 1 || len(outer) > 2 {
						return fmt.Errorf("item %d: %s date-parts %v", i, k, dp)
					}
					for _, p := range outer {
						inner, ok := p.([]any)
						if !ok || len(inner) < 1 || len(inner) > 3 {
							return fmt.Errorf("item %d: %s date-parts %v", i, k, dp)
						}
						for _, x := range inner {
							if _, ok := x.(json.Number); !ok {
								if _, ok := x.(string); !ok {
									return fmt.Errorf("item %d: %s date part %v", i, k, x)
								}
							}
						}
					}
				}
			case k == "custom":
				if _, ok := v.(map[string]any); !ok {
					return fmt.Errorf("item %d: custom is not an object", i)
				}
			default:
				return fmt.Errorf("item %d: %q is not a CSL variable", i, k)
			}
		}
	}
	return nil
}

func TestCSLSchema(t *testing.T) {
	for _, name := range []string{"seeds", "hostile"} {
		if err := checkCSL(csl(t, fixture(t, name))); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := checkCSL([]byte(`[{"id":"x","type":"newspaper"}]`)); err == nil {
		t.Error("checkCSL accepts a wrong type")
	}
	if err := checkCSL([]byte(`[{"id":"x","type":"post","issued":{"date-parts":[[2024,4,3,1]]}}]`)); err == nil {
		t.Error("checkCSL accepts four date parts")
	}
	var buf bytes.Buffer
	if err := WriteCSL(context.Background(), &export.Static{}, &buf, nil); err != nil || buf.String() != "[]\n" {
		t.Errorf("empty notebook: %q, %v", buf.String(), err)
	}
}

func TestCSLHostile(t *testing.T) {
	var items []map[string]any
	nb := fixture(t, "hostile")
	if err := json.Unmarshal(csl(t, nb), &items); err != nil {
		t.Fatal(err)
	}
	for i, it := range items {
		if it["title"] != clean(nb.SourceList[i].Title) && nb.SourceList[i].Title != "" {
			t.Errorf("title %q came back as %q", nb.SourceList[i].Title, it["title"])
		}
	}
	first, _ := json.Marshal(items[0]["author"])
	if string(first) != `[{"family":"O'Brien","given":"Conan"},{"family":"Beethoven","given":"Ludwig","non-dropping-particle":"van"},{"literal":"Reuters Staff"},{"family":"King","given":"Martin Luther","suffix":"Jr."}]` {
		t.Errorf("authors: %s", first)
	}
	byTitle := map[string]map[string]any{}
	for _, it := range items {
		byTitle[fmt.Sprint(it["title"])] = it
	}
	if it := byTitle["Offsets out of range"]; it["type"] != "post" || fmt.Sprint(it["issued"]) != "map[raw:2024-13-45]" {
		t.Errorf("post with a bad date: %v", it)
	}
	if it := byTitle["Blog post"]; it["type"] != "post-weblog" || fmt.Sprint(it["issued"]) != "map[date-parts:[[2023 12]]]" {
		t.Errorf("blog: %v", it)
	}
	if it := byTitle[`{Braces} and \textbf{TeX} in a 50% title_with_underscores & more`]; it["type"] != "document" || it["genre"] != "court filing" {
		t.Errorf("filing: %v", it)
	}
}

// entry is a BibTeX entry as the test's own parser reads it.
type entry struct {
	typ, key string
	fields   map[string]string
}

// parseBibTeX is a strict BibTeX reader, written apart from the writer:
// @type{key, name = {value} or "value" or digits, ...}, braces balanced
// (a backslash escapes the next character), nothing else outside entries
// but comments.
func parseBibTeX(s string) ([]entry, error) {
	var out []entry
	i := 0
	skip := func() {
		for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
			i++
		}
	}
	ident := func() string {
		j := i
		for i < len(s) && (s[i] == '_' || s[i] == '-' || s[i] == ':' || s[i] == '.' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			i++
		}
		return s[j:i]
	}
	for {
		k := strings.IndexByte(s[i:], '@')
		if k < 0 {
			return out, nil
		}
		i += k + 1
		e := entry{typ: strings.ToLower(ident()), fields: map[string]string{}}
		skip()
		if i >= len(s) || s[i] != '{' {
			return nil, fmt.Errorf("@%s: no {", e.typ)
		}
		i++
		skip()
		e.key = ident()
		skip()
		if e.key == "" || i >= len(s) || s[i] != ',' {
			return nil, fmt.Errorf("@%s: bad key at %d", e.typ, i)
		}
		i++
		for {
			skip()
			if i < len(s) && s[i] == '}' {
				i++
				break
			}
			name := strings.ToLower(ident())
			skip()
			if name == "" || i >= len(s) || s[i] != '=' {
				return nil, fmt.Errorf("%s: bad field at %d: %q", e.key, i, s[i:min(len(s), i+20)])
			}
			i++
			skip()
			if i >= len(s) {
				return nil, fmt.Errorf("%s: no value", e.key)
			}
			var val string
			switch s[i] {
			case '{':
				depth, j := 0, i
				for ; j < len(s); j++ {
					if s[j] == '\\' {
						j++
						continue
					}
					if s[j] == '{' {
						depth++
					} else if s[j] == '}' {
						if depth--; depth == 0 {
							break
						}
					}
				}
				if j >= len(s) {
					return nil, fmt.Errorf("%s.%s: unbalanced braces", e.key, name)
				}
				val, i = s[i+1:j], j+1
			default:
				val = ident()
			}
			if _, dup := e.fields[name]; dup {
				return nil, fmt.Errorf("%s: %s twice", e.key, name)
			}
			e.fields[name] = val
			skip()
			if i < len(s) && s[i] == ',' {
				i++
			}
		}
		out = append(out, e)
	}
}

// unescape undoes Escape, and fails on a LaTeX special left bare.
func unescape(s string) (string, error) {
	r := strings.NewReplacer(`\textbackslash{}`, "\x00", `\textasciitilde{}`, "\x01", `\textasciicircum{}`, "\x02")
	s = r.Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("{}%&$#_", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case strings.IndexByte("\\{}%&$#_~^", c) >= 0:
			return "", fmt.Errorf("bare %q in %q", c, s)
		default:
			b.WriteByte(c)
		}
	}
	return strings.NewReplacer("\x00", `\`, "\x01", "~", "\x02", "^").Replace(b.String()), nil
}

func TestBibTeX(t *testing.T) {
	for _, name := range []string{"seeds", "hostile"} {
		nb := fixture(t, name)
		out := bib(t, nb)
		entries, err := parseBibTeX(out)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		if len(entries) != len(nb.SourceList) {
			t.Fatalf("%s: %d entries for %d sources", name, len(entries), len(nb.SourceList))
		}
		keys := map[string]bool{}
		for i, e := range entries {
			if keys[e.key] || !regexp.MustCompile(`^[a-z][a-z0-9]*$`).MatchString(e.key) {
				t.Errorf("key %q repeated or not plain", e.key)
			}
			keys[e.key] = true
			for f, v := range e.fields {
				if _, err := unescape(v); err != nil && f != "author" {
					t.Errorf("%s.%s: %v", e.key, f, err)
				}
			}
			title, _ := unescape(e.fields["title"])
			if src := nb.SourceList[i]; title != clean(src.Title) {
				t.Errorf("title %q came back as %q", src.Title, title)
			}
		}
	}
	want := `
@article{raichandani2024meta,
  author = {Raichandani, Lakshana},
  title = {Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!},
  journal = {TechDogs},
  entrysubtype = {newspaper},
  date = {2024-04-04},
  year = {2024},
  url = {https://www.techdogs.com/td-articles/trending-stories/meta-accused-of-allowing-netflix-to-read-facebook-users-private-messages},
  urldate = {2024-04-05},
  langid = {english},
  abstract = {Meta is accused of letting Netflix read Facebook users' private messages; Meta calls it shockingly untrue.},
  keywords = {privacy, meta},
}
`
	if out := bib(t, fixture(t, "seeds")); !strings.Contains(out, want) {
		t.Errorf("seed BibTeX:\n%s\nwant it to hold:\n%s", out, want)
	}
	hostile := bib(t, fixture(t, "hostile"))
	for _, want := range []string{
		`author = {O'Brien, Conan and van Beethoven, Ludwig and {Reuters Staff} and King, Jr., Martin Luther},`,
		`title = {\{Braces\} and \textbackslash{}textbf\{TeX\} in a 50\% title\_with\_underscores \& more},`,
		`abstract = {A \{description\} with 100\% of \$pecial\_chars \& \textasciitilde{} \textasciicircum{} \# \textbackslash{} in it},`,
		"@misc{braces,", "@online{angstromodegard2023blog,", `author = {Ångström-Ødegård, Zoë},`,
	} {
		if !strings.Contains(hostile, want) {
			t.Errorf("hostile BibTeX lacks %s:\n%s", want, hostile)
		}
	}
	if strings.Contains(hostile, "javascript:") {
		t.Errorf("a javascript: URL was written")
	}
}

// TestBibTeXPybtex reads the output with pybtex, an independent BibTeX
// parser (Debian's python3-pybtex, which make setup installs).
func TestBibTeXPybtex(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("no python3: make setup installs python3-pybtex")
	}
	const script = `
import json, sys
from pybtex.database import parse_string
db = parse_string(sys.stdin.read(), "bibtex")
out = {}
for key, e in db.entries.items():
    out[key] = {"type": e.type, "title": e.fields.get("title", ""), "last": [" ".join(p.prelast_names + p.last_names) for p in e.persons.get("author", [])]}
print(json.dumps(out))
`
	for _, p := range []string{"/usr/bin/python3", py} {
		if exec.Command(p, "-c", "import pybtex").Run() == nil {
			py = p
			break
		}
		py = ""
	}
	if py == "" {
		t.Fatal("pybtex is not installed: make setup installs python3-pybtex")
	}
	nb := fixture(t, "hostile")
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(bib(t, nb))
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("pybtex refused the BibTeX: %s", ee.Stderr)
		}
		t.Fatal(err)
	}
	var got map[string]struct {
		Type, Title string
		Last        []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(nb.SourceList) {
		t.Errorf("pybtex read %d entries of %d", len(got), len(nb.SourceList))
	}
	first := got["obrien2024acdc"]
	if strings.Join(first.Last, "|") != "van Beethoven|O'Brien|{Reuters Staff}|King" && strings.Join(first.Last, "|") != "O'Brien|van Beethoven|{Reuters Staff}|King" {
		t.Errorf("pybtex read the authors as %q (entries: %v)", first.Last, got)
	}
}

func TestParseName(t *testing.T) {
	for in, want := range map[string]Name{
		"Roshni Tamta":              {Family: "Tamta", Given: "Roshni"},
		"  Lakshana   Raichandani ": {Family: "Raichandani", Given: "Lakshana"},
		"Tamta, Roshni":             {Family: "Tamta", Given: "Roshni"},
		"van Beethoven, Ludwig":     {Family: "Beethoven", Given: "Ludwig", Particle: "van"},
		"Ludwig van Beethoven":      {Family: "Beethoven", Given: "Ludwig", Particle: "van"},
		"Martin Luther King Jr.":    {Family: "King", Given: "Martin Luther", Suffix: "Jr."},
		"King, Jr., Martin":         {Family: "King", Given: "Martin", Suffix: "Jr."},
		"Martin King, Jr.":          {Family: "King", Given: "Martin", Suffix: "Jr."},
		"TD NewsDesk":               {Literal: "TD NewsDesk"},
		"Reuters":                   {Literal: "Reuters"},
		"The Associated Press":      {Literal: "The Associated Press"},
		"Team 42":                   {Literal: "Team 42"},
		"":                          {},
	} {
		if got := ParseName(in); got != want {
			t.Errorf("ParseName(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestKeys(t *testing.T) {
	k := NewKeys()
	src := export.Source{Authors: []string{"Roshni Tamta"}, Published: "2024-04-03", Title: "The lawsuit"}
	for _, want := range []string{"tamta2024lawsuit", "tamta2024lawsuita", "tamta2024lawsuitb"} {
		if got := k.Key(src); got != want {
			t.Errorf("Key = %q, want %q", got, want)
		}
	}
	if got := k.Key(export.Source{Outlet: "The New York Times", Title: "¿Qué pasó?"}); got != "newyorktimesque" {
		t.Errorf("outlet key = %q", got)
	}
	if got := k.Key(export.Source{Title: "日本語"}); got != "source" {
		t.Errorf("empty key = %q", got)
	}
	if letters(0) != "a" || letters(25) != "z" || letters(26) != "aa" || letters(27) != "ab" {
		t.Errorf("letters: %q %q %q", letters(0), letters(26), letters(27))
	}
}

type cancelling struct {
	*export.Static
	cancel context.CancelFunc
}

func (c cancelling) EachSource(ctx context.Context, fn func(export.Source) error) error {
	for _, s := range c.SourceList {
		if err := fn(s); err != nil {
			return err
		}
		c.cancel()
	}
	return nil
}

func TestCancelled(t *testing.T) {
	for _, write := range []func(context.Context, export.Notebook, *bytes.Buffer) error{
		func(ctx context.Context, nb export.Notebook, b *bytes.Buffer) error { return WriteCSL(ctx, nb, b, nil) },
		func(ctx context.Context, nb export.Notebook, b *bytes.Buffer) error {
			return WriteBibTeX(ctx, nb, b, nil)
		},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		var buf bytes.Buffer
		if err := write(ctx, cancelling{fixture(t, "hostile"), cancel}, &buf); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled write: %v", err)
		}
		cancel()
	}
}
