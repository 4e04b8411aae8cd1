package textextract_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sourcebook/internal/document"
	"sourcebook/internal/ingest"
	"sourcebook/internal/textextract"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// readText reads a test file and normalises it as an import does.
func readText(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := ingest.Text(data)
	if err != nil {
		t.Fatalf("ingest.Text(%s): %v", name, err)
	}
	return text
}

// listing renders a Doc for a golden file: the metadata as JSON, then one
// line per block with its kind, level and reason.
func listing(d document.Doc) string {
	var b strings.Builder
	meta, _ := json.MarshalIndent(d.Meta, "", "  ")
	fmt.Fprintf(&b, "extractor: %s\nmeta: %s\n\n", d.Extractor, meta)
	runes := []rune(d.Text)
	for _, bl := range d.Blocks {
		kind := bl.Kind
		if bl.Level > 0 {
			kind = fmt.Sprintf("%s%d", kind, bl.Level)
		}
		reason := bl.Boilerplate
		if reason == "" {
			reason = "-"
		}
		text := string(runes[bl.Start:bl.End])
		if r := []rune(text); len(r) > 90 {
			text = string(r[:90]) + "…"
		}
		fmt.Fprintf(&b, "%-10s %-10s %s\n", kind, reason, strings.ReplaceAll(text, "\n", "⏎"))
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; run with -update and review the diff\n%s", golden, got)
	}
}

// TestSeeds checks what Text finds in the two canonical seeds: the
// metadata, every boilerplate line with its reason, and that the article
// stays content; the whole result is also kept as a golden listing.
func TestSeeds(t *testing.T) {
	tests := []struct {
		file        string
		meta        document.Meta
		boilerplate map[string]string // line → reason; every other line is content
		quotes      []string          // lines that must be quotes
	}{
		{
			file: "000_9ee5f3e41cc3c9be.txt",
			meta: document.Meta{
				Title:     "Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!",
				Outlet:    "TechDogs",
				Authors:   []string{"Lakshana Raichandani"},
				Published: "2024-04-04",
				Updated:   "2024-04-04",
				Kind:      "article",
			},
			boilerplate: map[string]string{
				`TechDogs-"Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!"`: document.Metadata,
				"Data Management": document.Navigation,
				"Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!": document.Metadata,
				"By Lakshana Raichandani":     document.Metadata,
				"TD NewsDesk":                 document.Metadata,
				"Updated on Thu, Apr 4, 2024": document.Metadata,
				"Overall Rating":              document.Widget,
				`TechDogs-"Alt-text: An Image Of The Screenshot Shared By Debarghya (Deedy) Das On X"`: document.Other,
				"Let us know in the comments below!":                                                   document.Comments,
				"First published on Thu, Apr 4, 2024":                                                  document.Metadata,
				"Enjoyed what you read? Great news – there’s a lot more to explore!":                   document.Promo,
				"Dive into our content repository …":                                                   document.Promo,
				"Also explore our collection …":                                                        document.Promo,
				"Head to the TechDogs homepage to Know Your World of technology today!":                document.Promo,
				"Disclaimer - …":           document.Promo,
				"Join The Discussion":      document.Comments,
				"- Promoted By TechDogs -": document.Promo,
				"Join Our Newsletter":      document.Newsletter,
				"Get weekly news, engaging articles, and career tips-all free!": document.Newsletter,
				"By subscribing to our newsletter …":                            document.Newsletter,
				"Dark":                                                          document.Widget,
				"Light":                                                         document.Widget,
			},
		},
		{
			file: "004_917a6aaec319a3a4.txt",
			meta: document.Meta{
				Title:     "Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal",
				Outlet:    "MyNation",
				Authors:   []string{"Roshni Tamta"},
				Published: "2024-04-03T14:29:00+05:30",
				Kind:      "article",
			},
			boilerplate: map[string]string{
				"Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal": document.Metadata,
				"By Roshni TamtaFirst Published Apr 3, 2024, 2:29 PM IST":                                 document.Metadata,
				"Highlights": document.Navigation,
				// The seed has a no-break space after "Also Read:".
				"Also Read:\u00a0What does $5 billion …":                         document.Related,
				"Also Read:\u00a0What is juice jacking? …":                       document.Related,
				"Read Exclusive COVID-19 Coronavirus News updates, at MyNation.": document.Promo,
				"click me!": document.Widget,
			},
			quotes: []string{"Shockingly untrue. Meta didn’t share …", "— Andy Stone (@andymstone)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text := readText(t, tt.file)
			doc := textextract.Text(text)
			checkDoc(t, text, doc)
			if doc.Extractor != "text" {
				t.Errorf("Extractor = %q", doc.Extractor)
			}
			if !reflect.DeepEqual(doc.Meta, tt.meta) {
				t.Errorf("Meta = %+v\nwant %+v", doc.Meta, tt.meta)
			}
			runes := []rune(text)
			seen := map[string]bool{}
			for _, bl := range doc.Blocks {
				line := string(runes[bl.Start:bl.End])
				key := lookup(tt.boilerplate, line)
				seen[key] = true
				if want := tt.boilerplate[key]; bl.Boilerplate != want {
					t.Errorf("%.60q: boilerplate %q, want %q", line, bl.Boilerplate, want)
				}
				if lookup(toSet(tt.quotes), line) != "" && bl.Kind != document.Quote {
					t.Errorf("%.60q: kind %q, want quote", line, bl.Kind)
				}
			}
			for k := range tt.boilerplate {
				if !seen[k] {
					t.Errorf("no block %q", k)
				}
			}
			checkGolden(t, strings.TrimSuffix(tt.file, ".txt")+".golden", listing(doc))
		})
	}
}

// lookup returns the key of m that names line: the line itself, or a key
// ending in " …" that line starts with.
func lookup(m map[string]string, line string) string {
	if _, ok := m[line]; ok {
		return line
	}
	for k := range m {
		if p, ok := strings.CutSuffix(k, " …"); ok && strings.HasPrefix(line, p) {
			return k
		}
	}
	return ""
}

func toSet(list []string) map[string]string {
	m := map[string]string{}
	for _, s := range list {
		m[s] = "x"
	}
	return m
}

// checkDoc checks the promises every Doc keeps: the text is the input,
// the blocks are valid, never span a blank line, and have no surrounding
// space.
func checkDoc(t testing.TB, text string, doc document.Doc) {
	t.Helper()
	if doc.Text != text {
		t.Fatalf("Doc.Text differs from the input")
	}
	if !doc.Valid() {
		t.Fatalf("blocks are not valid: %+v", doc.Blocks)
	}
	runes := []rune(text)
	for _, bl := range doc.Blocks {
		s := string(runes[bl.Start:bl.End])
		if strings.Contains(s, "\n\n") {
			t.Fatalf("block %+v spans a blank line: %q", bl, s)
		}
		if strings.TrimSpace(s) != s {
			t.Fatalf("block %+v has surrounding space: %q", bl, s)
		}
	}
}
