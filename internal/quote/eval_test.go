package quote

import (
	"flag"
	"testing"
)

var evalDir = flag.String("evaldir", "", "directory holding ggt-quotes/ (for example /work/shared/eval); TestEvaluate skips without it")

func TestEvaluate(t *testing.T) {
	if *evalDir == "" {
		t.Skip("no -evaldir")
	}
	rep, err := Evaluate(*evalDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("articles %d gold %d predicted %d matched %d  P %.3f R %.3f F1 %.3f  speaker %.3f", rep.Articles, rep.Gold, rep.Predicted, rep.Matched, rep.Precision, rep.Recall, rep.F1, rep.SpeakerAccuracy)
	for _, m := range rep.Misses {
		t.Log(m)
	}
	// The even and odd halves, in reading order: rules tuned on one half
	// should hold on the other.
	for _, half := range []struct {
		name string
		rem  int
	}{{"even", 0}, {"odd", 1}} {
		h, err := evaluate(*evalDir, func(i int) bool { return i%2 == half.rem }, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s half: articles %d gold %d predicted %d matched %d  P %.3f R %.3f F1 %.3f  speaker %.3f", half.name, h.Articles, h.Gold, h.Predicted, h.Matched, h.Precision, h.Recall, h.F1, h.SpeakerAccuracy)
	}
}

// Fixture thresholds (measured: F1 0.935, speaker accuracy 0.886).
const minF1, minSpeaker = 0.93, 0.88
