package webanno

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
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

func write(t testing.TB, nb export.Notebook) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), nb, &buf, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// position is what a TextPositionSelector gives back for start, end.
func position(start, end int) (int, int) {
	if start >= 0 && start <= end && (start > 0 || end > 0) {
		return start, end
	}
	return -1, -1
}

// TestRoundTrip: Write then Parse gives back every quote's and note's
// selectors and bodies.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"seeds", "hostile"} {
		t.Run(name, func(t *testing.T) {
			nb := fixture(t, name)
			got, err := Parse(bytes.NewReader(write(t, nb)))
			if err != nil {
				t.Fatal(err)
			}
			byUUID := map[string]Annotation{}
			for _, a := range got {
				if _, dup := byUUID[a.UUID]; dup || a.UUID == "" {
					t.Errorf("annotation id %q repeated or not a urn:uuid", a.ID)
				}
				byUUID[a.UUID] = a
			}
			quotes := map[string]Target{}
			sources := map[string]export.Source{}
			for _, s := range nb.SourceList {
				sources[s.UUID] = s
				for _, q := range s.Quotes {
					a, ok := byUUID[q.UUID]
					if !ok {
						t.Errorf("quote %s missing", q.UUID)
						continue
					}
					start, end := position(q.Start, q.End)
					want := Target{Source: sourceIRI(s.URL, s.UUID), SourceUUID: s.UUID, Kind: "quote", UUID: q.UUID, Exact: q.Text, Prefix: q.Prefix, Suffix: q.Suffix, Start: start, End: end}
					quotes[q.UUID] = want
					if len(a.Targets) != 1 || a.Targets[0] != want {
						t.Errorf("quote %s targets %+v\nwant %+v", q.UUID, a.Targets, want)
					}
					if a.Kind != "quote" || a.Motivation != "identifying" || a.Speaker != strings.TrimSpace(q.SpeakerName) ||
						a.SpeakerUUID != q.SpeakerUUID || a.QuoteKind != q.Kind || a.Status != q.Status || a.Cue != q.Cue || a.GroupUUID != q.GroupUUID ||
						a.Created != q.CreatedAt || !reflect.DeepEqual(a.Tags, q.Tags) {
						t.Errorf("quote %s read back as %+v", q.UUID, a)
					}
				}
			}
			for _, n := range nb.NoteList {
				var want []Target
				for _, at := range n.Attached {
					switch at.Kind {
					case "passage":
						if s, ok := sources[at.TargetUUID]; ok {
							start, end := position(at.Start, at.End)
							want = append(want, Target{Source: sourceIRI(s.URL, s.UUID), SourceUUID: s.UUID, Kind: "passage", Exact: at.Exact, Prefix: at.Prefix, Suffix: at.Suffix, Start: start, End: end})
						}
					case "source":
						if s, ok := sources[at.TargetUUID]; ok {
							want = append(want, Target{Source: sourceIRI(s.URL, s.UUID), SourceUUID: s.UUID, Kind: "source", UUID: s.UUID, Start: -1, End: -1})
						}
					case "quote":
						if q, ok := quotes[at.TargetUUID]; ok {
							want = append(want, q)
						}
					case "speaker", "story":
						if at.TargetUUID != "" {
							want = append(want, Target{Source: "urn:uuid:" + at.TargetUUID, Kind: at.Kind, UUID: at.TargetUUID, Start: -1, End: -1})
						}
					}
				}
				a, ok := byUUID[n.UUID]
				if len(want) == 0 {
					if ok {
						t.Errorf("note %s about nothing became an annotation", n.UUID)
					}
					continue
				}
				if !ok {
					t.Errorf("note %s missing", n.UUID)
					continue
				}
				if !reflect.DeepEqual(a.Targets, want) {
					t.Errorf("note %s targets\n%+v\nwant\n%+v", n.UUID, a.Targets, want)
				}
				if a.Text != n.Body || a.Title != n.Title || !reflect.DeepEqual(a.Tags, n.Tags) {
					t.Errorf("note %s read back as %+v", n.UUID, a)
				}
				wantMotivation := "commenting"
				if n.Body == "" {
					wantMotivation = "highlighting"
				}
				if a.Motivation != wantMotivation {
					t.Errorf("note %s: motivation %s", n.UUID, a.Motivation)
				}
			}
		})
	}
}

var motivations = strings.Fields("assessing bookmarking classifying commenting describing editing highlighting identifying linking moderating questioning replying tagging")

// TestJSONLD checks the shape every annotation must have in the W3C model.
func TestJSONLD(t *testing.T) {
	var items []map[string]any
	if err := json.Unmarshal(write(t, fixture(t, "seeds")), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 9+6 {
		t.Errorf("%d annotations; want 9 quotes and 6 notes", len(items))
	}
	for _, it := range items {
		ctx, _ := it["@context"].([]any)
		if len(ctx) != 2 || ctx[0] != AnnoContext {
			t.Errorf("@context %v", it["@context"])
		}
		if id, _ := it["id"].(string); !strings.HasPrefix(id, "urn:uuid:") || it["type"] != "Annotation" {
			t.Errorf("id %v type %v", it["id"], it["type"])
		}
		m, _ := it["motivation"].(string)
		found := false
		for _, x := range motivations {
			found = found || x == m
		}
		if !found {
			t.Errorf("motivation %q is not in the W3C vocabulary", m)
		}
		targets, _ := it["target"].([]any)
		if len(targets) == 0 {
			t.Errorf("%v has no target", it["id"])
		}
		for _, b := range asList(it["body"]) {
			bm := b.(map[string]any)
			if bm["type"] != "TextualBody" {
				t.Errorf("body %v", bm)
			}
			if p, ok := bm["purpose"].(string); ok {
				found := false
				for _, x := range motivations {
					found = found || x == p
				}
				if !found {
					t.Errorf("purpose %q is not in the W3C vocabulary", p)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(context.Background(), &export.Static{}, &buf, nil); err != nil || buf.String() != "[]\n" {
		t.Errorf("empty notebook: %q %v", buf.String(), err)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// Samples of other tools' files, written for these tests in the shapes
// Hypothesis and the W3C model document.
const (
	hypothesisExport = `{"export_date":"2024-04-06T10:00:00.000Z","export_userid":"acct:reporter@hypothes.is","client_version":"1.1500.0",
 "annotations":[{"id":"Xy12AbCdEeF","created":"2024-04-05T11:00:00.000000+00:00","updated":"2024-04-05T11:02:00.000000+00:00",
  "user":"acct:reporter@hypothes.is","uri":"https://example.com/story","text":"Check **this**","tags":["meta","to verify"],
  "group":"__world__","permissions":{"read":["group:__world__"]},
  "target":[{"source":"https://example.com/story","selector":[
   {"type":"RangeSelector","endOffset":64,"startOffset":11,"endContainer":"/div[1]/p[3]","startContainer":"/div[1]/p[3]"},
   {"type":"TextPositionSelector","start":1520,"end":1573},
   {"type":"TextQuoteSelector","exact":"Shockingly untrue.","prefix":"wrote on X (formerly Twitter), \"","suffix":" Meta didn’t share people’s"}]}],
  "document":{"title":["Lawsuit claims"]},"links":{"html":"https://hypothes.is/a/Xy12AbCdEeF"}},
  {"id":"Reply1","created":"2024-04-05T12:00:00+00:00","updated":"2024-04-05T12:00:00+00:00","uri":"https://example.com/story",
   "text":"Agreed","tags":[],"references":["Xy12AbCdEeF"],"target":[{"source":"https://example.com/story"}]},
  {"id":"Highlight1","created":"2024-04-05T12:00:00+00:00","updated":"2024-04-05T12:00:00+00:00","uri":"https://example.com/story",
   "text":"","tags":[],"target":[{"source":"https://example.com/story","selector":[{"type":"TextQuoteSelector","exact":"a decade"}]}]}]}`
	hypothesisJSONLD = `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","id":"https://hypothes.is/a/Xy12AbCdEeF",
 "created":"2024-04-05T11:00:00.000000+00:00","modified":"2024-04-05T11:02:00.000000+00:00","creator":"acct:reporter@hypothes.is",
 "body":[{"type":"TextualBody","value":"Check **this**","format":"text/markdown"},{"type":"TextualBody","value":"meta","purpose":"tagging"}],
 "target":[{"source":"https://example.com/story","selector":[
  {"type":"XPathSelector","value":"/div[1]/p[3]","refinedBy":{"type":"TextPositionSelector","start":11,"end":64}},
  {"type":"TextPositionSelector","start":1520,"end":1573},
  {"type":"TextQuoteSelector","exact":"Shockingly untrue.","prefix":"\"","suffix":" Meta"}]}]}`
	collection = `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"https://example.org/annotations/","type":["BasicContainer","AnnotationCollection"],
 "total":2,"label":"Two",
 "first":{"id":"https://example.org/annotations/?page=0","type":"AnnotationPage","startIndex":0,"items":[
  {"id":"urn:uuid:018ea105-0000-7000-8000-0000000000aa","type":"Annotation","motivation":"highlighting","target":"https://example.org/page1"},
  {"id":"https://example.org/anno2","type":"Annotation","bodyValue":"A comment","target":{"source":"https://example.org/page2",
   "selector":{"type":"TextQuoteSelector","exact":"anotation","prefix":"this is an ","suffix":" that has some"}}}]}}`
	page = `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationPage","items":[
  {"type":"Annotation","body":{"type":"Choice","items":[{"type":"TextualBody","value":"Hello","language":"en"},{"type":"TextualBody","value":"Bonjour","language":"fr"}]},
   "target":{"id":"https://example.org/text1","type":"Text"}}]}`
	searchRows = `{"total":1,"rows":[{"id":"r1","uri":"https://example.com/x","text":"row","tags":["t"],"target":[{"source":"https://example.com/x"}]}]}`
)

func TestParseFormats(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []Annotation
	}{
		{"hypothesis export", hypothesisExport, []Annotation{
			{ID: "Xy12AbCdEeF", Motivation: "commenting", Text: "Check **this**", Format: "text/markdown",
				Bodies: []Body{{Value: "Check **this**", Purpose: "commenting", Format: "text/markdown"}}, Tags: []string{"meta", "to verify"},
				Created: "2024-04-05T11:00:00.000000+00:00", Modified: "2024-04-05T11:02:00.000000+00:00",
				Targets: []Target{{Source: "https://example.com/story", Exact: "Shockingly untrue.", Prefix: "wrote on X (formerly Twitter), \"", Suffix: " Meta didn’t share people’s", Start: 1520, End: 1573}}},
			{ID: "Reply1", Motivation: "replying", Text: "Agreed", Format: "text/markdown", Bodies: []Body{{Value: "Agreed", Purpose: "commenting", Format: "text/markdown"}},
				Created: "2024-04-05T12:00:00+00:00", Modified: "2024-04-05T12:00:00+00:00", Targets: []Target{{Source: "https://example.com/story", Start: -1, End: -1}}},
			{ID: "Highlight1", Motivation: "highlighting", Created: "2024-04-05T12:00:00+00:00", Modified: "2024-04-05T12:00:00+00:00",
				Targets: []Target{{Source: "https://example.com/story", Exact: "a decade", Start: -1, End: -1}}},
		}},
		{"hypothesis json-ld", hypothesisJSONLD, []Annotation{
			{ID: "https://hypothes.is/a/Xy12AbCdEeF", Text: "Check **this**", Format: "text/markdown",
				Bodies: []Body{{Value: "Check **this**", Format: "text/markdown"}, {Value: "meta", Purpose: "tagging"}}, Tags: []string{"meta"},
				Created: "2024-04-05T11:00:00.000000+00:00", Modified: "2024-04-05T11:02:00.000000+00:00",
				Targets: []Target{{Source: "https://example.com/story", Exact: "Shockingly untrue.", Prefix: "\"", Suffix: " Meta", Start: 1520, End: 1573}}},
		}},
		{"collection", collection, []Annotation{
			{ID: "urn:uuid:018ea105-0000-7000-8000-0000000000aa", UUID: "018ea105-0000-7000-8000-0000000000aa", Motivation: "highlighting",
				Targets: []Target{{Source: "https://example.org/page1", Start: -1, End: -1}}},
			{ID: "https://example.org/anno2", Text: "A comment", Bodies: []Body{{Value: "A comment"}},
				Targets: []Target{{Source: "https://example.org/page2", Exact: "anotation", Prefix: "this is an ", Suffix: " that has some", Start: -1, End: -1}}},
		}},
		{"page", page, []Annotation{
			{Text: "Hello", Bodies: []Body{{Value: "Hello", Language: "en"}, {Value: "Bonjour", Language: "fr"}},
				Targets: []Target{{Source: "https://example.org/text1", Start: -1, End: -1}}},
		}},
		{"search rows", searchRows, []Annotation{
			{ID: "r1", Motivation: "commenting", Text: "row", Format: "text/markdown", Bodies: []Body{{Value: "row", Purpose: "commenting", Format: "text/markdown"}},
				Tags: []string{"t"}, Targets: []Target{{Source: "https://example.com/x", Start: -1, End: -1}}},
		}},
		{"single with BOM", "\uFEFF" + `{"type":"Annotation","target":"urn:uuid:018ea102-0000-7000-8000-000000000001"}`, []Annotation{
			{Targets: []Target{{Source: "urn:uuid:018ea102-0000-7000-8000-000000000001", SourceUUID: "018ea102-0000-7000-8000-000000000001", Start: -1, End: -1}}},
		}},
		{"empty array", "[]", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	anno := func(sel string) string {
		return `[{"type":"Annotation","target":{"source":"https://x.org","selector":` + sel + `}}]`
	}
	for _, tc := range []struct{ name, in, want string }{
		{"not JSON", "hello", "not JSON"},
		{"number", "42", "neither a JSON array nor an object"},
		{"array of numbers", "[1]", "annotation 1: not an object"},
		{"no target", `[{"type":"Annotation","bodyValue":"x"}]`, "annotation 1: no target"},
		{"empty target", `[{"type":"Annotation","target":[]}]`, "no target"},
		{"negative start", anno(`{"type":"TextPositionSelector","start":-1,"end":4}`), "start -1 is not an offset"},
		{"string start", anno(`{"type":"TextPositionSelector","start":"1","end":4}`), "start is not a number"},
		{"fraction", anno(`{"type":"TextPositionSelector","start":1.5,"end":4}`), "start 1.5 is not an offset"},
		{"huge", anno(`{"type":"TextPositionSelector","start":1,"end":1e400}`), "end 1e400 is not an offset"},
		{"huge integer", anno(`{"type":"TextPositionSelector","start":1,"end":99999999999999999999999}`), "is not an offset"},
		{"backwards", anno(`{"type":"TextPositionSelector","start":9,"end":4}`), "start 9 is after end 4"},
		{"missing end", anno(`{"type":"TextPositionSelector","start":9}`), "no end"},
		{"no exact", anno(`{"type":"TextQuoteSelector","prefix":"a"}`), "exact is missing"},
		{"prefix number", anno(`{"type":"TextQuoteSelector","exact":"a","prefix":3}`), "prefix is not a string"},
		{"selector string", anno(`"TextQuoteSelector"`), "selector is neither"},
		{"source number", `[{"target":{"source":3}}]`, "source is not an IRI"},
		{"body value number", `[{"target":"x","body":{"type":"TextualBody","value":7}}]`, "value is not a string"},
		{"deep", `[{"target":"x","body":` + strings.Repeat(`[`, 100) + strings.Repeat(`]`, 100) + `}]`, "nested deeper than 64"},
		{"collection link", `{"type":"AnnotationCollection","first":"https://x.org/page1"}`, "first page is a link"},
		{"trailing", `[] []`, "something follows"},
		{"object of nothing", `{"a":1}`, "no annotations, items or target"},
		{"tags not list", `[{"uri":"https://x.org","text":"a","tags":"t"}]`, "tags is not a list"},
		{"id number", `[{"id":5,"target":"x"}]`, "id is not a string"},
		{"truncated", `[{"target":"x"}`, "not JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "webanno: ") {
				t.Errorf("Parse = %v, %v; want an error with %q", got, err, tc.want)
			}
		})
	}
	if _, err := parse(strings.NewReader(`[{"target":"x"}]`), 10); err == nil || !strings.Contains(err.Error(), "over 10 bytes") {
		t.Errorf("size limit: %v", err)
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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var buf bytes.Buffer
	if err := Write(ctx, cancelling{fixture(t, "seeds"), cancel}, &buf, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Write: %v", err)
	}
}

// FuzzParse: whatever the input, Parse returns an error or annotations
// whose offsets make sense; it never panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{hypothesisExport, hypothesisJSONLD, collection, page, searchRows, "[]", "{}", `[{"target":"x"}]`,
		`[{"target":{"source":"x","selector":[{"type":"TextPositionSelector","start":0,"end":0}]}}]`} {
		f.Add([]byte(s))
	}
	f.Add(write(f, fixture(f, "seeds")))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Parse(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "webanno: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		for _, a := range got {
			for _, tg := range a.Targets {
				if (tg.Start == -1) != (tg.End == -1) || tg.Start < -1 || tg.Start > tg.End || tg.End > MaxOffset {
					t.Fatalf("bad offsets %d..%d", tg.Start, tg.End)
				}
			}
		}
	})
}
