package anchor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stoneStatement is Andy Stone's statement in seed 004. The article carries
// it twice: quoted in the body, and again as the embedded post.
const stoneStatement = "Shockingly untrue. Meta didn’t share people’s private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry."

// TestSeedStoneStatement anchors both copies of Andy Stone's statement in
// seed 004 and re-anchors them in a re-extraction of the same page (the
// "Also Read" lines gone, no-break spaces turned into spaces, CRLF line
// ends), in both directions, and in an edited re-extraction whose curly
// apostrophes were straightened.
func TestSeedStoneStatement(t *testing.T) {
	orig := readFixture(t, "seed004.txt")
	re := readFixture(t, "seed004_reextracted.txt")
	straight := strings.ReplaceAll(re, "’", "'")
	tests := []struct {
		name     string
		from, to string
		nth      int
		want     string
		how      string
	}{
		{"body quote, original to re-extracted", orig, re, 0, stoneStatement, HowExact},
		{"embedded post, original to re-extracted", orig, re, 1, stoneStatement, HowExact},
		{"body quote, re-extracted to original", re, orig, 0, stoneStatement, HowExact},
		{"embedded post, re-extracted to original", re, orig, 1, stoneStatement, HowExact},
		{"body quote, apostrophes straightened", orig, straight, 0, strings.ReplaceAll(stoneStatement, "’", "'"), HowApproximate},
		{"embedded post, apostrophes straightened", orig, straight, 1, strings.ReplaceAll(stoneStatement, "’", "'"), HowApproximate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := span(t, tt.from, stoneStatement, tt.nth)
			sel, err := Describe(tt.from, start, end)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := Find(tt.to, sel, Options{})
			if !ok {
				t.Fatal("orphan")
			}
			ws, we := span(t, tt.to, tt.want, tt.nth)
			if got.Start != ws || got.End != we || got.How != tt.how {
				t.Fatalf("got %+v %q, want [%d, %d) by %s", got, runeSlice(tt.to, got.Start, got.End), ws, we, tt.how)
			}
			if got.Start == start {
				t.Fatalf("offsets did not move (%d): the fixture no longer tests a shift", start)
			}
		})
	}
}
