package ftsquery

import (
	"strings"
	"testing"
)

// translateTests are the cases of TestTranslate; TestTranslateValidInSQLite
// runs their inputs through FTS5 too.
var translateTests = []struct {
	name  string
	in    string
	typed string // with AsYouType
	final string // without
}{
	// Ordinary searches.
	{"one word", "privacy", `"privacy"*`, `"privacy"`},
	{"trailing space ends the word", "privacy ", `"privacy"`, `"privacy"`},
	{"two words", "netflix messages", `"netflix" "messages"*`, `"netflix" "messages"`},
	{"extra whitespace", "  netflix \t\n messages  ", `"netflix" "messages"`, `"netflix" "messages"`},
	{"case kept", "Netflix", `"Netflix"*`, `"Netflix"`},
	{"phrase", `"private messages"`, `"private messages"`, `"private messages"`},
	{"phrase and word", `"private messages" net`, `"private messages" "net"*`, `"private messages" "net"`},
	{"curly quotes", "“private messages”", `"private messages"`, `"private messages"`},
	{"german quotes", "„Guten Tag“", `"Guten Tag"`, `"Guten Tag"`},
	{"guillemets", "«bonjour monde»", `"bonjour monde"`, `"bonjour monde"`},
	{"unclosed quote runs to the end", `"private mess`, `"private mess"*`, `"private mess"`},
	{"unclosed quote ending in space", `"private `, `"private"`, `"private"`},
	{"operators inside quotes are words", `"cats AND dogs"`, `"cats AND dogs"`, `"cats AND dogs"`},
	{"apostrophe joins", "don't", `"don t"*`, `"don t"`},
	{"curly apostrophe joins", "users’ data", `"users" "data"*`, `"users" "data"`},
	{"curly apostrophe inside word", "Meta’s", `"Meta s"*`, `"Meta s"`},
	{"hyphen joins", "end-to-end", `"end to end"*`, `"end to end"`},
	{"dots join", "e.g. 3.14", `"e g" "3 14"*`, `"e g" "3 14"`},
	{"email", "press@example.com", `"press example com"*`, `"press example com"`},
	{"trailing punctuation ends the word", "privacy.", `"privacy"`, `"privacy"`},
	{"comma separates", "apples,oranges", `"apples" "oranges"*`, `"apples" "oranges"`},
	{"unicode words", "café naïve Ελλάδα 東京", `"café" "naïve" "Ελλάδα" "東京"*`, `"café" "naïve" "Ελλάδα" "東京"`},
	{"decomposed input is composed", "cafe\u0301", `"café"*`, `"café"`},
	{"digits", "2024 $100M", `"2024" "100M"*`, `"2024" "100M"`},

	// Operators.
	{"or", "cats OR dogs", `"cats" OR "dogs"*`, `"cats" OR "dogs"`},
	{"and", "cats AND dogs", `"cats" "dogs"*`, `"cats" "dogs"`},
	{"not", "cats NOT dogs", `"cats" NOT "dogs"*`, `"cats" NOT "dogs"`},
	{"lowercase operators are words", "cats or dogs and not mice", `"cats" "or" "dogs" "and" "not" "mice"*`, `"cats" "or" "dogs" "and" "not" "mice"`},
	{"leading not dropped", "NOT cats dogs", `"cats" "dogs"*`, `"cats" "dogs"`},
	{"leading or dropped", "OR cats", `"cats"*`, `"cats"`},
	{"trailing operator dropped", "cats OR", `"cats"`, `"cats"`},
	{"trailing not dropped", "cats NOT ", `"cats"`, `"cats"`},
	{"operators only", "AND OR NOT", "", ""},
	{"last of several operators wins", "cats AND NOT dogs", `"cats" NOT "dogs"*`, `"cats" NOT "dogs"`},
	{"or binds loosest", "a b OR c NOT d", `"a" "b" OR "c" NOT "d"*`, `"a" "b" OR "c" NOT "d"`},
	{"not then more words", "a NOT b c", `"a" "c"* NOT "b"`, `"a" "c" NOT "b"`},
	{"minus excludes", "report -draft", `"report" NOT "draft"`, `"report" NOT "draft"`},
	{"leading minus moved after", "-draft report", `"report"* NOT "draft"`, `"report" NOT "draft"`},
	{"minus phrase", `report -"first draft"`, `"report" NOT "first draft"`, `"report" NOT "first draft"`},
	{"double minus", "report --draft", `"report" NOT "draft"`, `"report" NOT "draft"`},
	{"only excluded terms", "-draft", "", ""},
	{"excluded alternative dropped", "cats OR -dogs", `"cats" NOT "dogs"`, `"cats" NOT "dogs"`},
	{"minus not before a word", "a - b", `"a" "b"*`, `"a" "b"`},
	{"hyphen inside a word is not minus", "e-mail", `"e mail"*`, `"e mail"`},
	{"negated operator word is a word", "cats -OR", `"cats" NOT "OR"`, `"cats" NOT "OR"`},
	{"not after excluded term only", "-a NOT b", `"b"* NOT "a"`, `"b" NOT "a"`},
	{"or groups with exclusions", "a -x OR b -y", `"a" NOT "x" OR "b" NOT "y"`, `"a" NOT "x" OR "b" NOT "y"`},

	// Hostile or accidental input.
	{"empty", "", "", ""},
	{"spaces", "   ", "", ""},
	{"lone quote", `"`, "", ""},
	{"empty quotes", `""`, "", ""},
	{"three quotes", `"""`, "", ""},
	{"quote in a word", `a"b"c`, `"a" "b" "c"*`, `"a" "b" "c"`},
	{"unbalanced quotes", `"a" "b`, `"a" "b"*`, `"a" "b"`},
	{"lone minus", "-", "", ""},
	{"lone star", "*", "", ""},
	{"star suffix", "priv*", `"priv"*`, `"priv"*`},
	{"star after phrase", `"new yo"* x`, `"new yo"* "x"*`, `"new yo"* "x"`},
	{"star after punctuation is ignored", "don'*", `"don"`, `"don"`},
	{"star after excluded word", "a -dra*", `"a" NOT "dra"*`, `"a" NOT "dra"*`},
	{"star before word", "*priv", `"priv"*`, `"priv"`},
	{"stars", "a** **", `"a"*`, `"a"*`},
	{"star inside word", "pr*iv", `"pr"* "iv"*`, `"pr"* "iv"`},
	{"near", "NEAR(a b, 3)", `"NEAR" "a" "b" "3"`, `"NEAR" "a" "b" "3"`},
	{"column filter", "title:netflix", `"title" "netflix"*`, `"title" "netflix"`},
	{"column set", "{title body}: x", `"title" "body" "x"*`, `"title" "body" "x"`},
	{"caret", "^start", `"start"*`, `"start"`},
	{"parentheses", "(a OR b) c", `"a" OR "b" "c"*`, `"a" OR "b" "c"`},
	{"plus", "a + b", `"a" "b"*`, `"a" "b"`},
	{"sql", "'; DROP TABLE sources; --", `"DROP" "TABLE" "sources"`, `"DROP" "TABLE" "sources"`},
	{"sql quote escape", `x' OR '1'='1`, `"x" OR "1" "1"*`, `"x" OR "1" "1"`},
	{"emoji only", "🎉👍🏽", "", ""},
	{"emoji between words", "a 🎉 b", `"a" "b"*`, `"a" "b"`},
	{"punctuation only", "!?.,;:()[]{}<>", "", ""},
	{"combining mark alone", "\u0301", "", ""},
	{"invalid utf-8", "\xff\xfeabc", `"abc"*`, `"abc"`},
	{"nul byte", "a\x00b", `"a" "b"*`, `"a" "b"`},
	{"control characters", "a\x1b[31mb", `"a" "31mb"*`, `"a" "31mb"`},
	{"fullwidth quote", "＂a b＂", `"a b"`, `"a b"`},
}

func TestTranslate(t *testing.T) {
	for _, tt := range translateTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Translate(tt.in, Options{AsYouType: true}); got != tt.typed {
				t.Errorf("Translate(%q, AsYouType) = %s, want %s", tt.in, got, tt.typed)
			}
			if got := Translate(tt.in, Options{}); got != tt.final {
				t.Errorf("Translate(%q) = %s, want %s", tt.in, got, tt.final)
			}
		})
	}
}

func TestTranslateMaxTerms(t *testing.T) {
	in := strings.Repeat("word ", MaxTerms+10)
	got := Translate(in, Options{})
	if n := strings.Count(got, `"word"`); n != MaxTerms {
		t.Errorf("Translate kept %d terms, want %d", n, MaxTerms)
	}
}

func TestTranslateMinPrefix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"p", `"p"`},
		{"pro", `"pro"`},
		{"prob", `"prob"*`},
		{"thomas ha", `"thomas" "ha"`},
		{"thomas hall", `"thomas" "hall"*`},
		{`"private me`, `"private me"`},
		{`"private mess`, `"private mess"*`},
		{"don't", `"don t"`}, // the word typed is "t"
		{"東京都庁", `"東京都庁"*`},  // characters, not bytes
		{"東京", `"東京"`},
		{"pro*", `"pro"*`},        // a star typed is always kept
		{"privacy ", `"privacy"`}, // not being typed
	}
	for _, tt := range tests {
		if got := Translate(tt.in, Options{AsYouType: true, MinPrefix: 4}); got != tt.want {
			t.Errorf("Translate(%q, MinPrefix 4) = %s, want %s", tt.in, got, tt.want)
		}
	}
	// The app's setting: two letters make a prefix.
	for in, want := range map[string]string{"p": `"p"`, "pr": `"pr"*`, "thomas h": `"thomas" "h"`, "東": `"東"`, "東京": `"東京"*`} {
		if got := Translate(in, Options{AsYouType: true, MinPrefix: 2}); got != want {
			t.Errorf("Translate(%q, MinPrefix 2) = %s, want %s", in, got, want)
		}
	}
	if got := Translate("p", Options{AsYouType: true}); got != `"p"*` {
		t.Errorf("MinPrefix 0: %s", got)
	}
}
