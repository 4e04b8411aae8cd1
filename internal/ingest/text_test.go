package ingest

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "Hello, world.", "Hello, world."},
		{"bom stripped", "\uFEFFHello", "Hello"},
		{"stray boms removed", "\uFEFF\uFEFFHel\uFEFFlo", "Hello"},
		{"crlf", "one\r\ntwo\r\n", "one\ntwo"},
		{"lone cr", "one\rtwo\rthree", "one\ntwo\nthree"},
		{"cr cr lf", "one\r\r\ntwo", "one\n\ntwo"},
		{"nel and line separator", "one\u0085two\u2028three", "one\ntwo\nthree"},
		{"vertical tab", "one\vtwo", "one\ntwo"},
		{"form feed is a paragraph break", "page one\fpage two", "page one\n\npage two"},
		{"paragraph separator", "one\u2029two", "one\n\ntwo"},
		{"nfc composes", "cafe\u0301", "café"},
		{"nfc reorders marks", "a\u0323\u0301", norm.NFC.String("a\u0323\u0301")},
		{"control chars removed", "a\x01b\x1bc\x7fd\u0080e\u009ff", "abcdef"},
		{"control between letter and mark", "e\x01\u0301", "é"},
		{"tab kept", "a\tb", "a\tb"},
		{"trailing spaces trimmed", "one  \ntwo\t\nthree \u00a0", "one\ntwo\nthree"},
		{"leading indentation kept", "first\n  • item\n\tcode", "first\n  • item\n\tcode"},
		{"single newline kept", "line one\nline two", "line one\nline two"},
		{"one blank line kept", "para one\n\npara two", "para one\n\npara two"},
		{"two blank lines collapse", "para one\n\n\npara two", "para one\n\npara two"},
		{"many blank lines collapse", "para one\n\n\n\n\n\npara two", "para one\n\npara two"},
		{"whitespace-only lines are blank", "one\n \u00a0\n\t\n\ntwo", "one\n\ntwo"},
		{"text trimmed", "\n\n  \t Hello \n\n\n", "Hello"},
		{"quotes and dashes kept", "“It’s” — ‘fine’ – \"ok\" - 'yes'", "“It’s” — ‘fine’ – \"ok\" - 'yes'"},
		{"ellipsis and nbsp inside kept", "wait… 10\u00a0km", "wait… 10\u00a0km"},
		{"soft hyphen and zero width kept", "co\u00adop\u200bx", "co\u00adop\u200bx"},
		{"emoji kept", "ok 👍🏽 👨‍👩‍👧", "ok 👍🏽 👨‍👩‍👧"},
		{"compatibility forms kept", "ﬁne ①", "ﬁne ①"},
		{"utf-8 bom only before text", "\uFEFF\r\n\r\nTitle\r\n\r\n\r\nBody", "Title\n\nBody"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Text([]byte(tt.in))
			if err != nil {
				t.Fatalf("Text(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			again, err := Text([]byte(got))
			if err != nil || again != got {
				t.Errorf("Text not idempotent: Text(%q) = %q, %v", got, again, err)
			}
		})
	}
}

func TestTextErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    error
		message string // the whole user-facing message
	}{
		{"empty", nil, ErrEmpty, "no text to import: it is empty"},
		{"whitespace only", []byte(" \n\t\r\n\u00a0\u3000 "), ErrEmpty, "no text to import: it contains only whitespace"},
		{"bom only", []byte("\uFEFF"), ErrEmpty, "no text to import: it contains only whitespace"},
		{"controls only", []byte("\x01\x02\x1b"), ErrEmpty, "no text to import: it contains only whitespace"},
		{"nul byte", []byte("hello\x00world"), ErrBinary, "not a text file: it contains binary data"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ErrBinary, "not a text file: it looks like a PDF document"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, "not a text file: it looks like a PNG image"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrBinary, "not a text file: it looks like a JPEG image"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), ErrBinary, "not a text file: it looks like a GIF image"},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00data.csv"), ErrBinary, "not a text file: it looks like a ZIP archive"},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....PK\x03\x04word/document.xml"), ErrBinary, "not a text file: it looks like a Word document (.docx)"},
		{"epub", []byte("PK\x03\x04\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00mimetypeapplication/epub+zip"), ErrBinary, "not a text file: it looks like an EPUB e-book"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), ErrBinary, "not a text file: it looks like a gzip archive"},
		{"old word", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrBinary, "not a text file: it looks like an old-style Microsoft Office document (.doc, .xls or .ppt)"},
		{"rtf", []byte("{\\rtf1\\ansi\\deff0 {\\fonttbl}Hello}"), ErrBinary, "not a text file: it looks like an RTF document; save it as plain text"},
		{"mp4", []byte("\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"), ErrBinary, "not a text file: it looks like an audio or video file"},
		{"windows exe", []byte("MZ\x90\x00\x03\x00\x00\x00"), ErrBinary, "not a text file: it looks like a Windows program, not a document"},
		{"text starting MZ is text", []byte("MZ Bank annual report"), nil, ""},
		{"text starting GIF89a is text", []byte("GIF89a is a format"), nil, ""},
		{"utf-16le with bom", []byte("\xff\xfeH\x00i\x00"), ErrNotUTF8, "not UTF-8 text: it is UTF-16 text; save it as UTF-8"},
		{"utf-16be with bom", []byte("\xfe\xff\x00H\x00i"), ErrNotUTF8, "not UTF-8 text: it is UTF-16 text; save it as UTF-8"},
		{"utf-16le without bom", utf16LE("Hello, this is a longer line of text."), ErrNotUTF8, "not UTF-8 text: it is UTF-16 text; save it as UTF-8"},
		{"utf-32le with bom", []byte("\xff\xfe\x00\x00H\x00\x00\x00"), ErrNotUTF8, "not UTF-8 text: it is UTF-32 text; save it as UTF-8"},
		{"latin-1", []byte("line one\ncaf\xe9 au lait"), ErrNotUTF8, "not UTF-8 text: invalid byte 0xE9 at byte offset 12 (line 2); save it as UTF-8"},
		{"truncated sequence", []byte("ab\xe2\x80"), ErrNotUTF8, "not UTF-8 text: invalid byte 0xE2 at byte offset 2 (line 1); save it as UTF-8"},
		{"surrogate encoded", []byte("a\xed\xa0\x80"), ErrNotUTF8, "not UTF-8 text: invalid byte 0xED at byte offset 1 (line 1); save it as UTF-8"},
		{"pdf signature bared by normalisation", []byte("\uFEFF %PDF\x03-1.4"), ErrBinary, "not a text file: it looks like a PDF document"},
		{"too large", make([]byte, MaxBytes+1), ErrTooLarge, "too large: 50.1 MB is over the 50 MB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Text(tt.in)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Text: %v, want success", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Text error = %v, want %v", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Text error %T is not *Error", err)
			}
			if e.Op != "text" {
				t.Errorf("Op = %q, want %q", e.Op, "text")
			}
			if got := err.Error(); got != tt.message {
				t.Errorf("message = %q, want %q", got, tt.message)
			}
		})
	}
}

func TestTextExactlyMaxBytes(t *testing.T) {
	data := []byte(strings.Repeat("word ", MaxBytes/5))
	if len(data) != MaxBytes {
		t.Fatalf("test data is %d bytes, want %d", len(data), MaxBytes)
	}
	got, err := Text(data)
	if err != nil {
		t.Fatalf("Text(MaxBytes of text): %v", err)
	}
	if !strings.HasPrefix(got, "word word") || strings.HasSuffix(got, " ") {
		t.Errorf("Text(MaxBytes of text) = %q…", got[:20])
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"with reason", &Error{Op: "text", Err: ErrBinary, Reason: "it looks like a PDF document"}, "not a text file: it looks like a PDF document"},
		{"without reason", &Error{Op: "text", Err: ErrEmpty}, "no text to import"},
		{"zero value", &Error{}, "cannot import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

// utf16LE encodes ASCII s as UTF-16LE without a byte order mark.
func utf16LE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// checkNormalized reports what is wrong with out as Text output, or "".
func checkNormalized(out string) string {
	switch {
	case !utf8.ValidString(out):
		return "invalid UTF-8"
	case !norm.NFC.IsNormalString(out):
		return "not NFC"
	case strings.ContainsAny(out, "\r\x00\uFEFF"):
		return "contains CR, NUL or BOM"
	case strings.Contains(out, "\n\n\n"):
		return "contains two blank lines in a row"
	case out != strings.TrimSpace(out):
		return "not trimmed"
	}
	return ""
}
