package quotematch

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return strings.TrimSpace(string(b))
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"punctuation only", "“—…” !?", nil},
		{"curly marks and apostrophes", "“Meta didn’t share people’s messages.”", []string{"meta", "didnt", "share", "peoples", "messages"}},
		{"straight apostrophes fold alike", `"Meta didn't share people's messages."`, []string{"meta", "didnt", "share", "peoples", "messages"}},
		{"digits kept, symbols dropped", "paid them $100M+ for ads", []string{"paid", "them", "100m", "for", "ads"}},
		{"thousands and decimals", "100,000 users, 1.5 times", []string{"100000", "users", "1.5", "times"}},
		{"ranges split at the dash", "from 2011-2019", []string{"from", "2011", "2019"}},
		{"accents and case", "Café CAFÉ naïve", []string{"cafe", "cafe", "naive"}},
		{"case folding beyond lower", "STRASSE Straße", []string{"strasse", "strasse"}},
		{"NFKC", "ＦＵＬＬ ﬁne", []string{"full", "fine"}},
		{"link dropped", "in the industry. https://t.co/qjeC0iF9Kv", []string{"in", "the", "industry"}},
		{"link in brackets dropped", "see (www.example.com/a) now", []string{"see", "now"}},
		{"emoji", "wow 🙂🙂 ok", []string{"wow", "ok"}},
		{"right to left", "قال «نعم»", []string{"قال", "نعم"}},
		{"apostrophe at word edge", "‘Inbox API’ rock ’n’ roll", []string{"inbox", "api", "rock", "n", "roll"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	stone := readFixture(t, "stone_000.txt")
	tests := []struct {
		name     string
		a, b     string
		want     Relation
		minScore float64 // the score must be at least this
		maxScore float64 // and at most this
	}{
		{"seed 004 straight quotes", stone, readFixture(t, "stone_004.txt"), Same, 1, 1},
		{"seed 004 tweet with link", stone, readFixture(t, "stone_004_tweet.txt"), Same, 1, 1},
		{"apostrophes and case", stone, `"SHOCKINGLY untrue. Meta didnt share peoples private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry."`, Same, 1, 1},
		{"misspelt word", stone, `"Shockingly untrue. Meta didn't share people's private mesages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry."`, Similar, 0.99, 0.999},
		{"truncated", stone, "Meta didn't share people's private messages with Netflix.", Contains, 1, 1},
		{"truncated, other side", "“Meta didn’t share people’s private messages with Netflix", stone, Within, 1, 1},
		{"split, first part", `"Shockingly untrue. Meta didn't share people's private messages with Netflix,"`, stone, Within, 1, 1},
		{"split, second part", `"The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app."`, stone, Within, 1, 1},
		{"split passage with its attribution", `"Meta didn't share people's private messages with Netflix," said Stone. "The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry."`, stone, Similar, 0.85, 0.95},
		{"reworded", `"Shockingly untrue. Meta did not share people's private messages with Netflix. The agreement let people message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are common in the industry."`, stone, Similar, 0.85, 0.95},
		{"truncated and reworded", "Meta did not share people's private messages with Netflix", stone, Within, 0.75, 0.8},
		{"overlapping truncations", "Meta didn't share people's private messages with Netflix. The agreement allowed people to message their friends", "The agreement allowed people to message their friends on Facebook about what they were watching on Netflix", Overlap, 1, 1},
		{"unrelated, many shared words", stone, "Meta shared people's private messages with Netflix, and the agreement allowed Netflix to read what their friends on Facebook were watching, the filing says, which is commonplace in the industry.", None, 0, 0.6},
		{"unrelated blog post", stone, "We worked closely with four partners to integrate messaging capabilities into their products so people could message their Facebook friends — but only if they chose to use Facebook Login.", None, 0, 0.6},
		{"short identical", "Wow!", "“wow”", Same, 1, 1},
		{"short different", "Wow", "Yup", None, 0, 0},
		{"short inside long is not a match", "Wow", "Wow, that is a lot of data", None, 0, 0},
		{"short reworded is not a match", "This is shocking, really", "This is shocking, truly", None, 0, 0},
		{"empty", "", stone, None, 0, 0},
		{"both empty", "", "“”", None, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel, score := Compare(tt.a, tt.b)
			if rel != tt.want || score < tt.minScore || score > tt.maxScore {
				t.Errorf("Compare = %q, %.3f; want %q in [%.3f, %.3f]", rel, score, tt.want, tt.minScore, tt.maxScore)
			}
			// Symmetry, up to the direction of containment.
			rel2, score2 := Compare(tt.b, tt.a)
			if mirror(rel2) != rel || score2 != score {
				t.Errorf("Compare(b, a) = %q, %.3f; want the mirror of %q, %.3f", rel2, score2, rel, score)
			}
		})
	}
}

func mirror(r Relation) Relation {
	switch r {
	case Contains:
		return Within
	case Within:
		return Contains
	}
	return r
}

func TestDiff(t *testing.T) {
	stone := readFixture(t, "stone_000.txt")
	tests := []struct {
		name string
		a, b string
		want []Op // the ops other than equal
	}{
		{"same words, other marks", stone, readFixture(t, "stone_004.txt"), nil},
		{"link appended", stone, readFixture(t, "stone_004_tweet.txt"), []Op{{Kind: OpInsert, B: []string{"https://t.co/qjeC0iF9Kv"}}}},
		{"reworded", stone, `"Shockingly untrue. Meta did not share people's private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are common in the industry."`,
			[]Op{
				{Kind: OpReplace, A: []string{"didn’t"}, B: []string{"did", "not"}},
				{Kind: OpReplace, A: []string{"commonplace"}, B: []string{"common"}},
			}},
		{"truncated", stone, "Meta didn't share people's private messages with Netflix.", []Op{
			{Kind: OpDelete, A: []string{"“Shockingly", "untrue."}},
			{Kind: OpDelete, A: strings.Fields("The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry.”")},
		}},
		{"split around attribution", `"Meta didn't share people's private messages with Netflix," said Stone. "The agreement allowed people`, "Meta didn't share people's private messages with Netflix. The agreement allowed people",
			[]Op{{Kind: OpDelete, A: []string{"said", "Stone."}}}},
		{"empty", "", "a b", []Op{{Kind: OpInsert, B: []string{"a", "b"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := Diff(tt.a, tt.b)
			checkReconstructs(t, tt.a, tt.b, ops)
			var got []Op
			for _, op := range ops {
				if op.Kind != OpEqual {
					got = append(got, op)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff changes = %q, want %q", got, tt.want)
			}
		})
	}
}

// checkReconstructs verifies that ops cover both texts' words in order and
// are well formed.
func checkReconstructs(t *testing.T, a, b string, ops []Op) {
	t.Helper()
	var ga, gb []string
	for _, op := range ops {
		switch op.Kind {
		case OpEqual:
			if len(op.A) != len(op.B) || len(op.A) == 0 {
				t.Fatalf("bad equal op %q", op)
			}
			for i := range op.A {
				if strings.Join(Fold(op.A[i]), " ") != strings.Join(Fold(op.B[i]), " ") {
					t.Fatalf("equal op with different words %q", op)
				}
			}
		case OpDelete:
			if len(op.A) == 0 || len(op.B) != 0 {
				t.Fatalf("bad delete op %q", op)
			}
		case OpInsert:
			if len(op.B) == 0 || len(op.A) != 0 {
				t.Fatalf("bad insert op %q", op)
			}
		case OpReplace:
			if len(op.A) == 0 || len(op.B) == 0 {
				t.Fatalf("bad replace op %q", op)
			}
		default:
			t.Fatalf("unknown op kind %q", op.Kind)
		}
		ga = append(ga, op.A...)
		gb = append(gb, op.B...)
	}
	if wa := strings.Fields(a); !reflect.DeepEqual(ga, wa) && len(ga)+len(wa) > 0 {
		t.Fatalf("ops' A words = %q, want %q", ga, wa)
	}
	if wb := strings.Fields(b); !reflect.DeepEqual(gb, wb) && len(gb)+len(wb) > 0 {
		t.Fatalf("ops' B words = %q, want %q", gb, wb)
	}
}

func TestGroup(t *testing.T) {
	tests := []struct {
		name  string
		ids   []int64
		links []Link
		want  map[int64]int64
	}{
		{"none", nil, nil, map[int64]int64{}},
		{"singletons", []int64{3, 1}, nil, map[int64]int64{1: 1, 3: 3}},
		{"chain", []int64{5, 9, 2, 7}, []Link{{9, 5}, {5, 2}}, map[int64]int64{2: 2, 5: 2, 9: 2, 7: 7}},
		{"ids only in links", nil, []Link{{4, 8}, {8, 6}, {10, 11}}, map[int64]int64{4: 4, 6: 4, 8: 4, 10: 10, 11: 10}},
		{"self link", []int64{1}, []Link{{1, 1}}, map[int64]int64{1: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Group(tt.ids, tt.links); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Group = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCompareLong covers quotes thousands of words long: beyond the
// alignment's bound they are compared by shingles, in linear time.
func TestCompareLong(t *testing.T) {
	s := newSynth(t, 5)
	long := s.words(5000, 5000)
	mid := s.words(1500, 1500)
	tests := []struct {
		name string
		a, b []string
		want Relation
	}{
		{"identical", long, long, Same},
		{"truncated, coarse", long[:4000], long, Within},
		{"truncated, aligned", mid[:1200], mid, Within},
		{"unrelated", long, s.words(5000, 5000), None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rel, score := Compare(strings.Join(tt.a, " "), strings.Join(tt.b, " "))
			if rel != tt.want {
				t.Errorf("Compare = %q, %.3f; want %q", rel, score, tt.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Compare took %v", d)
			}
			start = time.Now()
			checkReconstructs(t, strings.Join(tt.a, " "), strings.Join(tt.b, " "), Diff(strings.Join(tt.a, " "), strings.Join(tt.b, " ")))
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Diff took %v", d)
			}
		})
	}
}
