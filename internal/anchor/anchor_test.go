package anchor

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// span returns the code-point offsets of the nth (0-based) occurrence of sub
// in text, failing the test when there is none.
func span(t testing.TB, text, sub string, nth int) (int, int) {
	t.Helper()
	from := 0
	for range nth + 1 {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q: occurrence %d not found", sub, nth)
		}
		from += i + len(sub)
	}
	start := utf8.RuneCountInString(text[:from-len(sub)])
	return start, start + utf8.RuneCountInString(sub)
}

func runeSlice(s string, start, end int) string {
	return string([]rune(s)[start:end])
}

func TestDescribe(t *testing.T) {
	long := strings.Repeat("a", 40) + "QUOTE" + strings.Repeat("z", 40)
	tests := []struct {
		name       string
		text       string
		start, end int
		want       Selector
		wantErr    bool
	}{
		{name: "middle", text: "one two three", start: 4, end: 7,
			want: Selector{Start: 4, End: 7, Exact: "two", Prefix: "one ", Suffix: " three"}},
		{name: "context capped", text: long, start: 40, end: 45,
			want: Selector{Start: 40, End: 45, Exact: "QUOTE", Prefix: strings.Repeat("a", 32), Suffix: strings.Repeat("z", 32)}},
		{name: "code points", text: "👍🏽 café שלום", start: 3, end: 7,
			want: Selector{Start: 3, End: 7, Exact: "café", Prefix: "👍🏽 ", Suffix: " שלום"}},
		{name: "whole text", text: "abc", start: 0, end: 3, want: Selector{Start: 0, End: 3, Exact: "abc"}},
		{name: "empty span", text: "abc", start: 1, end: 1, wantErr: true},
		{name: "reversed", text: "abc", start: 2, end: 1, wantErr: true},
		{name: "negative", text: "abc", start: -1, end: 1, wantErr: true},
		{name: "past end", text: "abc", start: 1, end: 4, wantErr: true},
		{name: "bytes are not code points", text: "é", start: 0, end: 2, wantErr: true},
		{name: "empty text", text: "", start: 0, end: 0, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Describe(tt.text, tt.start, tt.end)
			if tt.wantErr {
				if !errors.Is(err, ErrRange) {
					t.Fatalf("err = %v, want ErrRange", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

const article = `Meta denied the report on Tuesday.

Andy Stone said the deal was worth 5 million dollars to Netflix. He called the lawsuit "shockingly untrue" and said no messages were shared.

The filing, seen by reporters, runs to forty pages.

Critics were unconvinced. "It’s not the first time," said one analyst.`

var curly = strings.Replace(article, `"It’s not the first time,"`, "“It’s not the first time,”", 1)

// findTests: a selector is taken from before (the sub's nth occurrence), and
// re-anchored in after. want is the expected matched text's nth occurrence
// in after; want == "" means an orphan.
type findTest struct {
	name     string
	before   string
	sub      string
	nth      int
	after    string
	want     string
	wantNth  int
	how      string
	minScore float64
}

var findTests = []findTest{
	{name: "unchanged", before: article, sub: "said no messages were shared", after: article,
		want: "said no messages were shared", how: HowPosition},
	{name: "paragraph inserted before", before: article, sub: "said no messages were shared",
		after: "UPDATE: this story has been updated.\n\n" + article,
		want:  "said no messages were shared", how: HowExact},
	{name: "word changed", before: article, sub: "He called the lawsuit \"shockingly untrue\" and said no messages were shared.",
		after: strings.Replace(article, "said no messages", "insisted no messages", 1),
		want:  "He called the lawsuit \"shockingly untrue\" and insisted no messages were shared.", how: HowApproximate},
	{name: "punctuation changed", before: article, sub: "The filing, seen by reporters, runs to forty pages.",
		after: strings.Replace(article, "The filing, seen by reporters, runs", "The filing - seen by reporters - runs", 1),
		want:  "The filing - seen by reporters - runs to forty pages.", how: HowApproximate},
	{name: "curly to straight quotes", before: curly, sub: "“It’s not the first time,” said one analyst.",
		after: strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(curly),
		want:  `"It's not the first time," said one analyst.`, how: HowApproximate},
	{name: "shifted and edited", before: article, sub: "Andy Stone said the deal was worth 5 million dollars to Netflix.",
		after: "Breaking.\n\n" + strings.Replace(article, "the deal was", "the agreement was", 1),
		want:  "Andy Stone said the agreement was worth 5 million dollars to Netflix.", how: HowApproximate},
	{name: "repeated, context picks the second",
		before: "Intro. He said: we will win. Then the crowd cheered.\nLater, at the rally, he said: we will win. The end.",
		sub:    "we will win", nth: 1,
		after: "New intro paragraph here.\nIntro. He said: we will win. Then the crowd cheered.\nLater, at the rally, he said: we will win. The end.",
		want:  "we will win", wantNth: 1, how: HowExact},
	{name: "repeated, context picks the first",
		before: "Intro. He said: we will win. Then the crowd cheered.\nLater, at the rally, he said: we will win. The end.",
		sub:    "we will win", nth: 0,
		after: "Later, at the rally, he said: we will win. The end.\nIntro. He said: we will win. Then the crowd cheered.",
		want:  "we will win", wantNth: 1, how: HowExact},
	{name: "repeated with the same context, nearest wins",
		before: "x yes yes yes x",
		sub:    "yes", nth: 2,
		after: "xx yes yes yes x",
		want:  "yes", wantNth: 2, how: HowExact},
	{name: "deleted, trap with another name must not match",
		before: "The board met in March. Andy Stone said the deal was worth 5 million dollars to Netflix. Shares rose.\n\nIn other news, the weather was mild. Anna Stern said the deal was worth 5 million dollars to Netflix, too, a rival claimed.",
		sub:    "Andy Stone said the deal was worth 5 million dollars to Netflix.",
		after:  "The board met in March. Shares rose.\n\nIn other news, the weather was mild. Anna Stern said the deal was worth 5 million dollars to Netflix, too, a rival claimed.",
		want:   ""},
	{name: "deleted, trap with another number must not match",
		before: "Andy Stone said the deal was worth 5 million dollars to Netflix. Shares rose.",
		sub:    "Andy Stone said the deal was worth 5 million dollars to Netflix.",
		after:  "Andy Stone said the deal was worth 9 million dollars to Netflix. Shares rose.",
		want:   ""},
	{name: "first sentence deleted, trap elsewhere must not match",
		before: "Andy Stone said the deal was worth 5 million dollars to Netflix. Shares rose.\n\nIn other news, the weather was mild. Anna Stern said the deal was worth 5 million dollars to Netflix, a rival claimed.",
		sub:    "Andy Stone said the deal was worth 5 million dollars to Netflix.",
		after:  "Shares rose.\n\nIn other news, the weather was mild. Anna Stern said the deal was worth 5 million dollars to Netflix, a rival claimed.",
		want:   ""},
	{name: "first sentence edited under a new heading",
		before: "Andy Stone said the deal was worth 5 million dollars to Netflix. Shares rose.",
		sub:    "Andy Stone said the deal was worth 5 million dollars to Netflix.",
		after:  "Correction appended.\n\nAndy Stone said the agreement was worth 5 million dollars to Netflix. Shares rose.",
		want:   "Andy Stone said the agreement was worth 5 million dollars to Netflix.", how: HowApproximate},
	{name: "last sentence edited",
		before: "Shares rose. Andy Stone said the deal was worth 5 million dollars to Netflix.",
		sub:    "Andy Stone said the deal was worth 5 million dollars to Netflix.",
		after:  "Shares rose. Andy Stone said the agreement was worth 5 million dollars to Netflix.",
		want:   "Andy Stone said the agreement was worth 5 million dollars to Netflix.", how: HowApproximate},
	{name: "deleted, nothing similar", before: article, sub: "The filing, seen by reporters, runs to forty pages.",
		after: strings.Replace(article, "The filing, seen by reporters, runs to forty pages.", "", 1), want: ""},
	{name: "emoji, combining marks and RTL counted in code points",
		before: "Say 👩‍👩‍👧 and cafe\u0301, then שלום עולם said the sign.",
		sub:    "שלום עולם",
		after:  "🎉🎉 Say 👩‍👩‍👧‍👦 and cafe\u0301\u0301, then שלום עולם said the sign.",
		want:   "שלום עולם", how: HowExact},
	{name: "RTL quote edited", before: "פתיחה. הוא אמר שהעסקה שווה הרבה כסף לכולם. סוף.",
		sub:   "הוא אמר שהעסקה שווה הרבה כסף לכולם.",
		after: "כותרת חדשה. פתיחה. הוא אמר שהעסקה שווה המון כסף לכולם. סוף.",
		want:  "הוא אמר שהעסקה שווה המון כסף לכולם.", how: HowApproximate},
	{name: "empty text", before: article, sub: "said no messages were shared", after: "", want: ""},
	{name: "short quote edited is an orphan", before: article, sub: "Tuesday", after: strings.Replace(article, "Tuesday", "Wednesday", 1), want: ""},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := span(t, tt.before, tt.sub, tt.nth)
			sel, err := Describe(tt.before, start, end)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := Find(tt.after, sel, Options{MinScore: tt.minScore})
			if tt.want == "" {
				if ok {
					t.Fatalf("found %+v (%q), want an orphan", got, runeSlice(tt.after, got.Start, got.End))
				}
				return
			}
			if !ok {
				t.Fatalf("orphan, want %q", tt.want)
			}
			ws, we := span(t, tt.after, tt.want, tt.wantNth)
			if got.Start != ws || got.End != we || got.How != tt.how {
				t.Fatalf("got %+v (%q), want [%d, %d) %q by %s", got, runeSlice(tt.after, got.Start, got.End), ws, we, tt.want, tt.how)
			}
			if got.Score <= 0 || got.Score > 1 {
				t.Errorf("score %v outside (0, 1]", got.Score)
			}
			// FindAll agrees with Find.
			all := FindAll(tt.after, []Selector{sel, sel, sel, sel, sel, sel}, Options{MinScore: tt.minScore})
			for _, r := range all {
				if !r.Found || r.Match != got {
					t.Fatalf("FindAll = %+v, Find = %+v", r, got)
				}
			}
		})
	}
}

func TestFindEmptyExact(t *testing.T) {
	for _, sel := range []Selector{{}, {Start: 0, End: 3, Prefix: "x"}} {
		if m, ok := Find("abc", sel, Options{}); ok {
			t.Errorf("Find(%+v) = %+v, want an orphan", sel, m)
		}
	}
}

func TestFindStaleOffsets(t *testing.T) {
	sel := Selector{Start: 500, End: -3, Exact: "two"}
	got, ok := Find("one two three", sel, Options{})
	if !ok || got.Start != 4 || got.End != 7 || got.How != HowExact {
		t.Fatalf("got %+v %v", got, ok)
	}
}

func TestMinScoreTrades(t *testing.T) {
	// The name trap above is rejected by the default MinScore but accepted
	// by a permissive one, which shows the threshold is what protects it.
	tt := findTests[slices.IndexFunc(findTests, func(tt findTest) bool { return strings.HasPrefix(tt.name, "deleted, trap with another name") })]
	start, end := span(t, tt.before, tt.sub, 0)
	sel, _ := Describe(tt.before, start, end)
	if _, ok := Find(tt.after, sel, Options{MinScore: 0.3, MaxErrorRate: 0.3}); !ok {
		t.Fatalf("permissive options: orphan, want the look-alike sentence")
	}
}

func TestSameNumbers(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"no digits", "none here", true},
		{"worth 5 million", "worth 5 millions", true},
		{"worth 5 million", "worth 9 million", false},
		{"worth 5 million", "worth 55 million", false},
		{"in 2023 and 2024", "in 2023, and 2024", true},
		{"in 2023 and 2024", "in 2023", false},
		{"٣ apples", "٣ pears", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			if got := sameNumbers([]rune(tt.a), []rune(tt.b)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFindCommonPassage re-anchors a passage that occurs thousands of times
// with the same context: the nearest occurrence wins, quickly.
func TestFindCommonPassage(t *testing.T) {
	text := strings.Repeat("the cat ", 5000)
	sel, err := Describe(text, 20000, 20003)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Find("x"+text, sel, Options{})
	if !ok || got.Start != 20001 || got.End != 20004 || got.How != HowExact {
		t.Fatalf("got %+v %v, want [20001, 20004) exact", got, ok)
	}
}
