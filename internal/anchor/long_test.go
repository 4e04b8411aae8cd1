package anchor

import (
	"strings"
	"testing"
	"time"
)

// TestLongQuote re-anchors quotes thousands of words long, edited and not,
// and checks the work stays bounded.
func TestLongQuote(t *testing.T) {
	a := makeEditedArticle(4, 20000, 0)
	words := strings.SplitAfter(a.before, " ")
	text := strings.Join(words, "")
	tests := []struct {
		name     string
		from, to int // quote = words[from:to]
		edit     func(quote string) string
		want     bool
		wantHow  string
	}{
		{"3,000 words moved", 5000, 8000, func(q string) string { return q }, true, HowExact},
		{"3,000 words, ten words changed", 5000, 8000, func(q string) string {
			ws := strings.SplitAfter(q, " ")
			for i := 100; i < len(ws); i += 290 {
				if strings.ContainsAny(ws[i], "0123456789") {
					i++ // a changed number is a different quote; see TestFind
				}
				ws[i] = "altered "
			}
			return strings.Join(ws, "")
		}, true, HowApproximate},
		{"3,000 words, a passage in the middle rewritten", 5000, 8000, func(q string) string {
			return q[:9000] + "An entirely new passage was written here, replacing the old one. " + q[9300:]
		}, true, HowApproximate},
		{"3,000 words, first words changed", 5000, 8000, func(q string) string {
			return "Altered opening " + q[20:]
		}, true, HowApproximate},
		{"6,000 words, half of it rewritten", 2000, 8000, func(q string) string {
			return q[:len(q)/2] + strings.Repeat("rewritten ", len(q)/20)
		}, false, ""},
		{"too long for approximate matching", 1000, 7000, func(q string) string {
			return strings.Replace(q, " ", "  ", 1)
		}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quote := strings.Join(words[tt.from:tt.to], "")
			quote = quote[:len(quote)-1] // drop the trailing space
			start, end := span(t, text, quote, 0)
			sel, err := Describe(text, start, end)
			if err != nil {
				t.Fatal(err)
			}
			edited := tt.edit(quote)
			after := "A new first paragraph.\n\n" + strings.Replace(text, quote, edited, 1)
			began := time.Now()
			got, ok := Find(after, sel, Options{})
			took := time.Since(began)
			t.Logf("%d code points: %v %+v in %v", end-start, ok, got, took)
			if took > 3*time.Second {
				t.Errorf("took %v", took)
			}
			if ok != tt.want {
				t.Fatalf("found = %v, want %v", ok, tt.want)
			}
			if !ok {
				return
			}
			ws, we := span(t, after, edited, 0)
			if got.How != tt.wantHow || abs(got.Start-ws) > 3 || abs(got.End-we) > 3 {
				t.Errorf("got %+v, want about [%d, %d) by %s", got, ws, we, tt.wantHow)
			}
		})
	}
}
