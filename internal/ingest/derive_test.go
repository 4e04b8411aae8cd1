package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTitle(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 characters
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"first line", "The title\n\nThe body.", "The title"},
		{"skips blank lines", "\n  \n\t\nThe title\nmore", "The title"},
		{"collapses whitespace", "  The \t  spaced\u00a0 title  \nbody", "The spaced title"},
		{"crlf input", "Title\r\nbody", "Title"},
		{"keeps quotes", "“Quoted” title — really", "“Quoted” title — really"},
		{"exactly 200", strings.Repeat("x", 200), strings.Repeat("x", 200)},
		{"cut at word boundary", long, strings.TrimSpace(long[:199]) + "…"},
		{"cut drops trailing comma", strings.Repeat("abcd, ", 40), strings.Repeat("abcd, ", 33)[:196] + "…"},
		{"one long word cut hard", strings.Repeat("x", 300), strings.Repeat("x", 199) + "…"},
		{"no boundary in second half", "short " + strings.Repeat("y", 300), "short " + strings.Repeat("y", 193) + "…"},
		{"never splits a combining sequence", strings.Repeat("e", 198) + "e\u0301\u0301" + strings.Repeat("e", 10), strings.Repeat("e", 198) + "…"},
		{"counts characters not bytes", strings.Repeat("é", 200), strings.Repeat("é", 200)},
		{"empty", "", ""},
		{"blank", " \n\t\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Title(tt.in)
			if got != tt.want {
				t.Errorf("Title(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > MaxTitle {
				t.Errorf("Title has %d characters, want at most %d", n, MaxTitle)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"punctuation only", "— … !? • --", 0},
		{"simple", "The quick brown fox.", 4},
		{"extra whitespace", "  one \n\n two\tthree  ", 3},
		{"apostrophe", "don't won’t", 2},
		{"hyphenated", "end-to-end state-of-the-art", 2},
		{"leading and trailing apostrophes", "'quoted' rock 'n' roll users'", 5},
		{"dash separates", "yes—no yes – no", 4},
		{"double hyphen separates", "yes--no", 2},
		{"decimal and thousands", "3.14 1,000,000 10:30", 3},
		{"comma between words separates", "red,green", 2},
		{"abbreviation", "e.g. U.S.A.", 2},
		{"domain", "example.com", 1},
		{"underscore", "snake_case", 1},
		{"money", "$100M+ 2011-2019", 2},
		{"unicode letters", "Ελληνικά кириллица français", 3},
		{"combining marks", "cafe\u0301 nai\u0308ve", 2},
		{"han counts per character", "我爱你", 3},
		{"japanese mixed", "東京 Tokyo", 3},
		{"emoji are not words", "👍 ok 🎉", 1},
		{"digits", "2024 42", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.in); got != tt.want {
				t.Errorf("Words(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestHash(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", "Hello world", "Hello world", true},
		{"line endings", "one\r\ntwo\r\n", "one\ntwo\n", true},
		{"spacing", "one  two\n\n\nthree", " one two three ", true},
		{"nbsp", "10\u00a0km", "10 km", true},
		{"case", "Hello World", "hello world", true},
		{"case folding beyond ascii", "STRASSE ΣΊΣΥΦΟΣ", "straße σίσυφος", true},
		{"curly and straight double quotes", "“Yes,” she said", "\"Yes,\" she said", true},
		{"curly and straight apostrophes", "Facebook’s users’", "Facebook's users'", true},
		{"single versus double quotes", "‘quoted’", "\"quoted\"", true},
		{"guillemets and backticks", "«oui» `x´", "\"oui\" 'x'", true},
		{"dashes", "a — b – c ‐ d − e", "a - b - c - d - e", true},
		{"ellipsis", "wait…", "wait...", true},
		{"fullwidth", "ＡＢＣ１２３", "abc123", true},
		{"ligature", "ﬁne", "fine", true},
		{"composition", "cafe\u0301", "café", true},
		{"soft hyphen and zero width space", "co\u00adop\u200bera\u2060tion", "cooperation", true},
		{"bom", "\uFEFFtext", "text", true},
		{"different words", "Hello world", "Hello there", false},
		{"different punctuation", "Hello, world", "Hello world", false},
		{"word split differently", "data base", "database", false},
		{"diacritics matter", "resume", "résumé", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ha, hb := Hash(tt.a), Hash(tt.b)
			if (ha == hb) != tt.same {
				t.Errorf("Hash(%q) == Hash(%q) is %v, want %v\nforms %q and %q",
					tt.a, tt.b, ha == hb, tt.same, dupForm(tt.a), dupForm(tt.b))
			}
			if len(ha) != 64 || strings.Trim(ha, "0123456789abcdef") != "" {
				t.Errorf("Hash(%q) = %q, want 64 lowercase hex digits", tt.a, ha)
			}
		})
	}
}

func TestHashKnownValue(t *testing.T) {
	// SHA-256 of "hello 'world' - ok": pins the form so a change to it,
	// which would orphan every stored hash, is noticed.
	const want = "8d360507a4951e57ee756465d7f766d9c3978b1e2519ca715b7baed1f2dd8abb"
	if got := Hash("  Hello “World” — OK\r\n"); got != want {
		t.Errorf("Hash = %s, want %s (form %q)", got, want, dupForm("  Hello “World” — OK\r\n"))
	}
}

func TestRuneOffset(t *testing.T) {
	const text = "aé€𝄞b" // 1, 2, 3, 4 and 1 bytes
	tests := []struct {
		name    string
		text    string
		byteOff int
		want    int
	}{
		{"start", text, 0, 0},
		{"after ascii", text, 1, 1},
		{"after two-byte", text, 3, 2},
		{"after three-byte", text, 6, 3},
		{"after four-byte", text, 10, 4},
		{"end", text, 11, 5},
		{"inside two-byte rounds down", text, 2, 1},
		{"inside four-byte rounds down", text, 8, 3},
		{"negative clamps", text, -5, 0},
		{"past end clamps", text, 100, 5},
		{"empty text", "", 3, 0},
		{"invalid bytes count one each", "a\xff\xfeb", 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RuneOffset(tt.text, tt.byteOff); got != tt.want {
				t.Errorf("RuneOffset(%q, %d) = %d, want %d", tt.text, tt.byteOff, got, tt.want)
			}
		})
	}
}

func TestByteOffset(t *testing.T) {
	const text = "aé€𝄞b"
	tests := []struct {
		name    string
		text    string
		runeOff int
		want    int
	}{
		{"start", text, 0, 0},
		{"after ascii", text, 1, 1},
		{"after two-byte", text, 2, 3},
		{"after three-byte", text, 3, 6},
		{"after four-byte", text, 4, 10},
		{"end", text, 5, 11},
		{"negative clamps", text, -1, 0},
		{"past end clamps", text, 6, 11},
		{"empty text", "", 1, 0},
		{"invalid bytes count one each", "a\xff\xfeb", 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ByteOffset(tt.text, tt.runeOff); got != tt.want {
				t.Errorf("ByteOffset(%q, %d) = %d, want %d", tt.text, tt.runeOff, got, tt.want)
			}
		})
	}
}

func TestOffsetRoundTrip(t *testing.T) {
	text := "Zoë said “naïve” — 東京 👨‍👩‍👧 ok"
	n := utf8.RuneCountInString(text)
	for r := 0; r <= n; r++ {
		b := ByteOffset(text, r)
		if !utf8.ValidString(text[:b]) {
			t.Errorf("ByteOffset(%d) = %d is not at a character boundary", r, b)
		}
		if got := RuneOffset(text, b); got != r {
			t.Errorf("RuneOffset(ByteOffset(%d)) = %d", r, got)
		}
	}
}
