package wikilink

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Link
	}{
		{"See [[Andy Stone]] on this.", []Link{{Target: "Andy Stone", Text: "Andy Stone", Start: 4, End: 18}}},
		{"[[quote:42|Shockingly untrue]]", []Link{{Target: "quote:42", Text: "Shockingly untrue", Kind: "quote", ID: 42, Start: 0, End: 30}}},
		{"[[ Source:7 ]]", []Link{{Target: "Source:7", Text: "Source:7", Kind: "source", ID: 7, Start: 0, End: 14}}},
		{"[[  two   spaces |  shown ]]", []Link{{Target: "two spaces", Text: "shown", Start: 0, End: 28}}},
		{"[[note:x]] is a name", []Link{{Target: "note:x", Text: "note:x", Start: 0, End: 10}}},
		{"[[a]][[b]]", []Link{{Target: "a", Text: "a", Start: 0, End: 5}, {Target: "b", Text: "b", Start: 5, End: 10}}},
		{"[[[x]]]", []Link{{Target: "x", Text: "x", Start: 1, End: 6}}},
		{"[[]] [[|x]] [[a\nb]] [[open", nil},
		{"`[[in code]]` and [[out]]", []Link{{Target: "out", Text: "out", Start: 18, End: 25}}},
		{"```\n[[fenced]]\n```\n[[after]]", []Link{{Target: "after", Text: "after", Start: 19, End: 28}}},
		{"~~~\n[[unclosed fence]]", nil},
		{"[[" + strings.Repeat("x", MaxTarget+1) + "]]", nil},
	} {
		if got := Parse(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) =\n %+v\nwant\n %+v", tc.in, got, tc.want)
		}
	}
}

func TestRef(t *testing.T) {
	r := Ref("quote", 42, "“Shockingly [untrue] | no”\n")
	if r != "[[quote:42|“Shockingly untrue no”]]" {
		t.Errorf("Ref = %q", r)
	}
	if got := Parse(r); len(got) != 1 || got[0].Kind != "quote" || got[0].ID != 42 {
		t.Errorf("Parse(Ref) = %+v", got)
	}
	if r := Ref("speaker", 3, " "); r != "[[speaker:3]]" {
		t.Errorf("Ref with no text = %q", r)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"[[a]]", "[[quote:1|x]]", "`[[x]]`", "```\n[[x]]\n```", "[[[[]]]]", "[[a|b|c]]", "\xff[[\xfe]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, l := range Parse(s) {
			if l.Start < prev || l.End > len(s) || l.Start >= l.End || !strings.HasPrefix(s[l.Start:], "[[") || !strings.HasSuffix(s[:l.End], "]]") {
				t.Fatalf("bad link %+v in %q", l, s)
			}
			if l.Target == "" || len(l.Target) > MaxTarget || !utf8.ValidString(l.Target) || !utf8.ValidString(l.Text) {
				t.Fatalf("bad target %+v", l)
			}
			prev = l.End
		}
	})
}
