package align

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// BenchmarkCompare measures Compare on two sources of about 1,000 and
// 10,000 words built from real articles, and reports how its time compares
// with a character diff (go-diff's DiffMain plus DiffCleanupSemantic) of
// the same texts, the usual baseline for comparing two versions of a text.
func BenchmarkCompare(b *testing.B) {
	dir := filepath.Join("testdata", bird)
	for _, tc := range []struct {
		name string
		a, b func(testing.TB) Input
	}{
		{"1k", func(t testing.TB) Input {
			return concat(loadArticle(t, filepath.Join(dir, "washingtonpost.com_2bb89b70.txt")),
				loadArticle(t, filepath.Join(dir, "detroitnews.com_94f9e0cb.txt")))
		}, func(t testing.TB) Input {
			return concat(loadArticle(t, filepath.Join(dir, "denverpost.com_710e6e01.txt")),
				loadArticle(t, filepath.Join("testdata", blankets, "abcnews.go.com_0cd6c1c9.txt")))
		}},
		{"10k", func(t testing.TB) Input { return corpus(t, 10000, 1) }, func(t testing.TB) Input { return corpus(t, 10000, 2) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			x, y := tc.a(b), tc.b(b)
			// The baseline, timed once per run outside the loop.
			// Default settings, as callers use it: DiffMain gives up on
			// refining after DiffTimeout (1 s), which the 10k texts hit.
			dmp := diffmatchpatch.New()
			start := time.Now()
			n := 0
			for time.Since(start) < 500*time.Millisecond || n < 3 {
				d := dmp.DiffMain(x.Text, y.Text, false)
				dmp.DiffCleanupSemantic(d)
				n++
			}
			base := float64(time.Since(start).Nanoseconds()) / float64(n)
			b.ResetTimer()
			for b.Loop() {
				Compare(x, y)
			}
			b.StopTimer()
			per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(base, "go-diff-ns/op")
			b.ReportMetric(per/base, "x-go-diff")
		})
	}
}

// concat joins two inputs, one paragraph per line.
func concat(a, b Input) Input { return plain(a.Text + "\n" + b.Text) }
