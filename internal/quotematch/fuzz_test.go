package quotematch

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func fuzzSeeds(f *testing.F) {
	stone := readFixture(f, "stone_000.txt")
	tweet := readFixture(f, "stone_004_tweet.txt")
	f.Add(stone, tweet)
	f.Add(stone, "Meta didn't share people's private messages with Netflix.")
	f.Add(`"…with Netflix," said Stone. "The agreement`, "with Netflix. The agreement allowed")
	f.Add("", "")
	f.Add("“‘nested’ and unbalanced", "«قال» 🙂 emoji ＦＵＬＬ")
	f.Add("a a a a a a a a", "a a a a a b a a a a")
	f.Add("100M+ 1.5, 2011-2019", "100m 1.5 2011 2019 https://t.co/x")
	f.Add(strings.Repeat("word ", 300), strings.Repeat("word other ", 200))
}

func FuzzCompare(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		rel, score := Compare(a, b)
		if score < 0 || score > 1 {
			t.Fatalf("score %v out of [0,1]", score)
		}
		if rel != None && score < floorScore {
			t.Fatalf("relation %q with score %v below the floor", rel, score)
		}
		rel2, score2 := Compare(b, a)
		if mirror(rel2) != rel || score2 != score {
			t.Fatalf("not symmetric: %q %v vs %q %v", rel, score, rel2, score2)
		}
		if self, s := Compare(a, a); len(Fold(a)) > 0 && (self != Same || s != 1) {
			t.Fatalf("Compare(a, a) = %q, %v", self, s)
		}
		for _, w := range Fold(a) {
			if w == "" || !utf8.ValidString(w) && utf8.ValidString(a) {
				t.Fatalf("bad folded word %q", w)
			}
		}
	})
}

func FuzzDiff(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		checkReconstructs(t, a, b, Diff(a, b))
	})
}
