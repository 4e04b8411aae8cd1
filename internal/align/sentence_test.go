package align

import (
	"slices"
	"strings"
	"testing"
)

func sentences(text string) []string {
	r := []rune(text)
	var out []string
	for _, s := range splitSentences(r, 0, len(r), nil) {
		out = append(out, string(r[s.start:s.end]))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"plain", "One two. Three four! Five six? Seven", []string{"One two.", "Three four!", "Five six?", "Seven"}},
		{"titles", "Mr. Osinbajo spoke. Dr. Who and St. Louis agreed.", []string{"Mr. Osinbajo spoke.", "Dr. Who and St. Louis agreed."}},
		{"initials", "J. K. Rowling wrote it. Then it sold.", []string{"J. K. Rowling wrote it.", "Then it sold."}},
		{"dotted", "Troops from the U.S. Army came. They left the U.S. The end.", []string{"Troops from the U.S. Army came.", "They left the U.S.", "The end."}},
		{"time", "Released at 5:30 a.m. on Thursday. More later.", []string{"Released at 5:30 a.m. on Thursday.", "More later."}},
		{"decimal", "Growth was 3.8 percent. Prices rose 2.6%.", []string{"Growth was 3.8 percent.", "Prices rose 2.6%."}},
		{"eg", "Counts by variation (e.g. Facebook vs. non-Facebook receipts). Next.", []string{"Counts by variation (e.g. Facebook vs. non-Facebook receipts).", "Next."}},
		{"quote end", "“I took that as a joke,” Perry said. “The bird is back.” He left.", []string{"“I took that as a joke,” Perry said.", "“The bird is back.”", "He left."}},
		{"question in quote", `His first comment was "did you steal them?" he said. Then he left.`, []string{`His first comment was "did you steal them?" he said.`, "Then he left."}},
		{"ellipsis", "Between the administration and Boko Haram ... brokered by the Red Cross. Wait… What?", []string{"Between the administration and Boko Haram ... brokered by the Red Cross.", "Wait…", "What?"}},
		{"line break", "Dawn, dusk, almost a 1000 days\nTwenty-one of our girls are back", []string{"Dawn, dusk, almost a 1000 days", "Twenty-one of our girls are back"}},
		{"quotation lead-in", "Stone wrote, “Shockingly untrue. Meta didn’t share messages.” Then silence.",
			[]string{"Stone wrote,", "“Shockingly untrue.", "Meta didn’t share messages.”", "Then silence."}},
		{"closed quotation stays", "He said, “this is not a swap.” Then he left.", []string{"He said, “this is not a swap.”", "Then he left."}},
		{"lowercase after stop", "The no. 5 seed won. the next lost.", []string{"The no. 5 seed won. the next lost."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentences(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestChunk(t *testing.T) {
	text := strings.Repeat("word ", 30) + "pause, " + strings.Repeat("word ", 200)
	got := sentences(text)
	if len(got) < 3 {
		t.Fatalf("%d chunks", len(got))
	}
	for _, s := range got {
		if n := len(strings.Fields(s)); n > maxChunkWords {
			t.Errorf("chunk of %d words", n)
		}
	}
	if strings.Join(got, " ") != strings.TrimSpace(text) {
		t.Error("chunks do not cover the text")
	}
}
