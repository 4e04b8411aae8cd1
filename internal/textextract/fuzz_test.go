package textextract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sourcebook/internal/document"
	"sourcebook/internal/textextract"
)

// fuzzSeeds adds the seeds and the news texts in testdata to f's corpus.
func fuzzSeeds(f *testing.F) {
	for _, glob := range []string{"testdata/*.txt", "testdata/news/*/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(string(data))
			}
		}
	}
}

var fuzzTexts = []string{
	"", "\n", "\n\n", "•", "- ", "> ", ">>>", "1.", "1. ", "By ", "By X", "By A and",
	"— A (@b)", "x\n— A (@b)", `A-"B"`, `A-""`, "Also Read:", "Read more:\nx\ny",
	"\xff\xfe", "a\u0301\n\n\u0301", "  \t  • x", "https://x", "# x", "---\n---", "---\ntitle: \"\n---",
	"```", "~~~\n\n~~~", "x\n===", "- [ ] x", "<b>x</b>", "![x](y)", "[x][y]", "\\*x\\*",
}

// FuzzText checks that Text never panics and keeps its promises: the text
// is the input, the blocks are valid and never span a blank line, and the
// dates are in Meta's format.
func FuzzText(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkAny(t, in, textextract.Text(in))
	})
}

// FuzzMarkdown is FuzzText for Markdown.
func FuzzMarkdown(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkAny(t, in, textextract.Markdown(in))
	})
}

// checkAny checks a Doc made from any input, valid UTF-8 or not.
func checkAny(t *testing.T, in string, doc document.Doc) {
	t.Helper()
	checkDoc(t, in, doc)
	for _, d := range []string{doc.Meta.Published, doc.Meta.Updated} {
		if d != "" && !wellFormedDate(d) {
			t.Fatalf("date %q is not in Meta's format", d)
		}
	}
	if doc.Meta.Kind != "article" || doc.Extractor == "" {
		t.Fatalf("Kind %q, Extractor %q", doc.Meta.Kind, doc.Extractor)
	}
}

// FuzzParseDate checks that ParseDate never panics and that what it returns
// is in Meta's format and reads back unchanged.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"Apr 3, 2024, 2:29 PM IST", "2024-04-03T08:59:00Z", "04/03/2024", "April 3, 2024 at 10:15 a.m. ET",
		"Updated: 3 Apr 2024 14:29 GMT", "2 hours ago", "Thursday, April 4th, 2024", "3.4.2024",
		"GMT+5:30", "+", "-0", "12 pm", "T", "Z", "a.m.", "2024-", "2024-13-45T99:99",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, ok := textextract.ParseDate(in)
		if !ok {
			if out != "" {
				t.Fatalf("ParseDate(%q) = %q, false", in, out)
			}
			return
		}
		if !wellFormedDate(out) {
			t.Fatalf("ParseDate(%q) = %q: not a Meta date", in, out)
		}
		if again, ok := textextract.ParseDate(out); !ok || again != out {
			t.Fatalf("ParseDate(%q) = %q, but ParseDate(%q) = %q, %v", in, out, out, again, ok)
		}
	})
}

// wellFormedDate reports whether s is RFC 3339, a day, a month or a year.
func wellFormedDate(s string) bool {
	for _, layout := range []string{time.RFC3339, "2006-01-02", "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil && (layout != time.RFC3339 || strings.Contains(s, "T")) {
			return true
		}
	}
	return false
}
