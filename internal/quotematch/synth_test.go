package quotematch

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// synth generates realistic-looking quotes deterministically: words drawn
// with a Zipf distribution from the seed articles' vocabulary (most frequent
// first) followed by made-up words, with capitals, commas, full stops and
// quote marks sprinkled in.
type synth struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

const synthVocab = 20000

func newSynth(t testing.TB, seed uint64) *synth {
	t.Helper()
	data, err := os.ReadFile("testdata/vocab.txt")
	if err != nil {
		t.Fatalf("read vocabulary: %v", err)
	}
	vocab := strings.Fields(string(data))
	seen := make(map[string]bool, synthVocab)
	for _, w := range vocab {
		seen[w] = true
	}
	syl := []string{"ba", "ko", "ri", "tan", "mel", "sor", "vi", "den", "lu", "par", "gi", "no", "ex", "tro", "ql", "fen", "mar", "zu", "che", "lin"}
	g := rand.New(rand.NewPCG(1, 2))
	for len(vocab) < synthVocab {
		var b strings.Builder
		for range 2 + g.IntN(3) {
			b.WriteString(syl[g.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	return &synth{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

func (s *synth) word() string { return s.vocab[s.zipf.Uint64()] }

// words returns n random folded-looking words.
func (s *synth) words(lo, hi int) []string {
	n := lo + s.r.IntN(hi-lo+1)
	w := make([]string, n)
	for i := range w {
		w[i] = s.word()
	}
	return w
}

// render writes words as a quote with some capitals, punctuation and marks.
func (s *synth) render(w []string) string {
	var b strings.Builder
	open, close := "", ""
	switch s.r.IntN(3) {
	case 0:
		open, close = "“", "”"
	case 1:
		open, close = `"`, `"`
	}
	b.WriteString(open)
	for i, x := range w {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == 0 || s.r.IntN(12) == 0 {
			x = strings.ToUpper(x[:1]) + x[1:]
		}
		b.WriteString(x)
		if i < len(w)-1 {
			switch s.r.IntN(14) {
			case 0:
				b.WriteByte(',')
			case 1:
				b.WriteByte('.')
			}
		}
	}
	b.WriteString(".")
	b.WriteString(close)
	return b.String()
}

func (s *synth) quote() string { return s.render(s.words(8, 40)) }

// variant returns a changed copy of w of the given kind: "truncated" (a
// contiguous part of at least half, and at least MinWords words), "split"
// (one side of a split around an attribution), "reworded" (one or two words
// substituted, inserted or deleted) or "marks" (same words, other marks).
func (s *synth) variant(w []string, kind string) []string {
	switch kind {
	case "truncated":
		n := max(MinWords, len(w)/2+s.r.IntN(len(w)/2))
		if n >= len(w) {
			n = len(w) - 1
		}
		i := s.r.IntN(len(w) - n + 1)
		return append([]string(nil), w[i:i+n]...)
	case "split":
		cut := minOverlapWords + s.r.IntN(len(w)-2*minOverlapWords+1)
		if s.r.IntN(2) == 0 {
			return append([]string(nil), w[:cut]...)
		}
		return append([]string(nil), w[cut:]...)
	case "reworded":
		out := append([]string(nil), w...)
		for range 1 + s.r.IntN(2) {
			i := s.r.IntN(len(out))
			switch s.r.IntN(3) {
			case 0:
				out[i] = s.word()
			case 1:
				out = append(out[:i], append([]string{s.word()}, out[i:]...)...)
			default:
				out = append(out[:i], out[i+1:]...)
			}
		}
		return out
	}
	return append([]string(nil), w...)
}
