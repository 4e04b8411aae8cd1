package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzText checks Text's promises on arbitrary bytes: it never panics, fails
// only with an *Error wrapping a sentinel, and on success returns valid,
// NFC, trimmed UTF-8 without CR, NUL or BOM, which Text leaves unchanged and
// which hashes like the input.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "hello", "\uFEFFa\r\nb\rc", "a\x00b", "%PDF-1.4", "\xff\xfeh\x00",
		"caf\xe9", "e\x01\u0301", "  \n\n\n x \u00a0\n\n", "a\u2029b\fc\v",
		"“quoted” — text", "\u0301 leading mark", "x\u00a0\n\u0301",
	} {
		f.Add([]byte(s))
	}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Text(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, not *Error", err, err)
			}
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrNotUTF8) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if out == "" {
			t.Fatal("Text succeeded with empty output")
		}
		if problem := checkNormalized(out); problem != "" {
			t.Fatalf("Text(%q) = %q: %s", data, out, problem)
		}
		again, err := Text([]byte(out))
		if err != nil {
			t.Fatalf("Text(Text(%q)) failed: %v", data, err)
		}
		if again != out {
			t.Fatalf("not idempotent:\nText(%q) = %q\nText of that = %q", data, out, again)
		}
		h := Hash(out)
		if Hash(again) != h {
			t.Fatal("Hash is not stable")
		}
		if hin := Hash(string(data)); hin != h {
			t.Fatalf("Hash(%q) != Hash(Text(…) = %q)\nforms %q and %q", data, out, dupForm(string(data)), dupForm(out))
		}
		_ = Title(out)
		_ = Words(out)
	})
}
