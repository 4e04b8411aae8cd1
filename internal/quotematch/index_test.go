package quotematch

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestIndexMatch(t *testing.T) {
	stone := readFixture(t, "stone_000.txt")
	ix := NewIndex()
	stored := map[int64]string{
		1: stone,
		2: readFixture(t, "stone_004.txt"),
		3: `"Meta didn't share people's private messages with Netflix,"`,
		4: "We worked closely with four partners to integrate messaging capabilities into their products so people could message their Facebook friends — but only if they chose to use Facebook Login.",
		5: "Wow",
		6: "Yup",
		7: "Meta shared people's private messages with Netflix, and the agreement allowed Netflix to read what their friends on Facebook were watching.",
	}
	for id := int64(1); id <= 7; id++ {
		ix.Add(id, stored[id])
	}
	tests := []struct {
		name  string
		query string
		want  []Candidate
	}{
		{"tweet with link", readFixture(t, "stone_004_tweet.txt"), []Candidate{{1, Same, 1}, {2, Same, 1}, {3, Contains, 1}}},
		{"truncated", "The agreement allowed people to message their friends on Facebook", []Candidate{{1, Within, 1}, {2, Within, 1}}},
		{"short", "wow!", []Candidate{{5, Same, 1}}},
		{"short, no match", "Nope", nil},
		{"empty", "“”", nil},
		{"unrelated", "Such experiences are common in our industry, the company said in a blog post.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Match(tt.query, DefaultMinScore)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
			// The index finds what a scan with Compare finds.
			var scan []int64
			for id := int64(1); id <= 7; id++ {
				if rel, score := Compare(tt.query, stored[id]); rel != None && score >= DefaultMinScore {
					scan = append(scan, id)
				}
			}
			var ids []int64
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(scan) {
				t.Errorf("Match ids = %v, scan finds %v", ids, scan)
			}
		})
	}
}

func TestIndexUpdate(t *testing.T) {
	stone := readFixture(t, "stone_000.txt")
	ix := NewIndex()
	ix.Add(1, stone)
	ix.Add(2, stone)
	if n := ix.Len(); n != 2 {
		t.Fatalf("Len = %d, want 2", n)
	}
	ix.Remove(1)
	ix.Remove(99) // absent: no-op
	if got := ix.Match(stone, DefaultMinScore); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("after Remove(1), Match = %v, want only 2", got)
	}
	ix.Add(2, "Something else entirely, said nobody at all today.")
	if got := ix.Match(stone, DefaultMinScore); len(got) != 0 {
		t.Errorf("after replacing 2, Match = %v, want none", got)
	}
	if n := ix.Len(); n != 1 {
		t.Fatalf("Len = %d, want 1", n)
	}

	// Enough additions to merge, and removals to compact.
	s := newSynth(t, 7)
	texts := make([]string, 5000)
	for i := range texts {
		texts[i] = s.quote()
		ix.Add(int64(100+i), texts[i])
	}
	for i := range 4000 {
		ix.Remove(int64(100 + i))
	}
	if n := ix.Len(); n != 1001 {
		t.Fatalf("Len = %d, want 1001", n)
	}
	for i := 3990; i < 4010; i++ {
		got := ix.Match(texts[i], DefaultMinScore)
		found := false
		for _, c := range got {
			if c.ID < 4100 {
				// removed ones may only come back through a live duplicate
				if !strings.EqualFold(strings.Join(Fold(texts[c.ID-100]), " "), strings.Join(Fold(texts[i]), " ")) {
					t.Errorf("Match(%d) returned removed quote %d", i, c.ID)
				}
			}
			found = found || c.ID == int64(100+i)
		}
		if want := i >= 4000; found != want {
			t.Errorf("Match(text %d) found itself = %v, want %v", i, found, want)
		}
	}
}

// TestRecall plants variants of 1,000 quotes among 100,000 distractors and
// checks that Match finds the original.
func TestRecall(t *testing.T) {
	distractors := 100000
	if testing.Short() || raceEnabled {
		distractors = 10000
	}
	s := newSynth(t, 42)
	ix := NewIndex()
	for i := range distractors {
		ix.Add(int64(1_000_000+i), s.quote())
	}
	kinds := []string{"truncated", "split", "reworded", "marks"}
	const planted = 1000
	found := map[string]int{}
	total := map[string]int{}
	wrong, hard := 0, 0
	for i := range planted {
		orig := s.words(12, 40)
		ix.Add(int64(i), s.render(orig))
		// A hard negative: another quote sharing five words of this one.
		at := s.r.IntN(len(orig) - 4)
		other := s.words(10, 30)
		cut := s.r.IntN(len(other) + 1)
		other = append(other[:cut], append(append([]string(nil), orig[at:at+5]...), other[cut:]...)...)
		for _, c := range ix.Match(s.render(other), DefaultMinScore) {
			if c.ID == int64(i) {
				hard++
			}
		}
		kind := kinds[i%len(kinds)]
		q := s.render(s.variant(orig, kind))
		total[kind]++
		for _, c := range ix.Match(q, DefaultMinScore) {
			if c.ID == int64(i) {
				found[kind]++
			} else {
				wrong++
			}
		}
	}
	hits := 0
	for _, k := range kinds {
		hits += found[k]
		t.Logf("recall %-9s %4d/%d = %.3f", k, found[k], total[k], float64(found[k])/float64(total[k]))
	}
	recall := float64(hits) / planted
	// False positives: fresh unrelated quotes matching anything.
	const unrelated = 1000
	fp := 0
	for range unrelated {
		if len(ix.Match(s.quote(), DefaultMinScore)) > 0 {
			fp++
		}
	}
	t.Logf("recall %.3f over %d planted pairs among %d distractors; %d wrong matches for planted queries; false-positive rate on unrelated quotes %.4f; on quotes sharing a five-word phrase %.4f",
		recall, planted, distractors, wrong, float64(fp)/unrelated, float64(hard)/planted)
	if recall < 0.98 {
		t.Errorf("recall %.3f, want >= 0.98", recall)
	}
	if rate := float64(fp+wrong+hard) / (unrelated + 2*planted); rate > 0.01 {
		t.Errorf("false-positive rate %.4f, want <= 0.01", rate)
	}
}
