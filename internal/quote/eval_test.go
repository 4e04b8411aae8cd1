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
}

// Fixture thresholds (measured: F1 0.919, speaker accuracy 0.785).
const minF1, minSpeaker = 0.88, 0.76
