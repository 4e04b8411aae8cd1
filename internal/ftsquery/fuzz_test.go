package ftsquery

import (
	"testing"
	"unicode/utf8"
)

// FuzzTranslate checks that no input makes Translate panic or produce
// anything but "" or a well-formed expression that real FTS5 accepts.
func FuzzTranslate(f *testing.F) {
	for _, tt := range translateTests {
		f.Add(tt.in, true)
	}
	for _, s := range []string{
		`NEAR("a" "b", 2)`, `{x y}:a`, `a:"b`, `"a"*"b"`, `-"`, `- -a`, `a -`, `"""a"""`,
		`x OR OR OR y`, `NOT NOT a`, `a NOT NOT b`, "a\u0301\u0301", "\u200bword", "x'\"y",
	} {
		f.Add(s, false)
	}
	db := openFTS(f, "hello world", "Meta didn’t share people’s private messages", "café naïve 東京")
	f.Fuzz(func(t *testing.T, in string, asYouType bool) {
		q := Translate(in, Options{AsYouType: asYouType})
		if !utf8.ValidString(q) {
			t.Fatalf("Translate(%q) = %q: invalid UTF-8", in, q)
		}
		if problem := wellFormed(q); problem != "" {
			t.Fatalf("Translate(%q) = %s: %s", in, q, problem)
		}
		if q == "" {
			return
		}
		if _, err := match(db, q); err != nil {
			t.Fatalf("Translate(%q) = %s: FTS5: %v", in, q, err)
		}
	})
}
