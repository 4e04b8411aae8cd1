package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkCompareEight compares eight real articles at once (four on the
// Delta bird story, four on the freed Boko Haram schoolgirls: 28 pairs,
// each aligned, with quotes and facts compared, plus the overview), as the
// three-to-eight-source overview does. It reports, from the same run, the
// time of comparing one pair, so ms/pair shows what the pairs cost each.
func BenchmarkCompareEight(b *testing.B) {
	var files []string
	for _, dir := range []string{"how_a_small_bird_managed_to_take_over_a_delta_flight", "boko_haram_21_schoolgirls_freed"} {
		found, _ := filepath.Glob(filepath.Join("..", "internal", "align", "testdata", dir, "*.txt"))
		if len(found) > 4 {
			found = found[:4]
		}
		files = append(files, found...)
	}
	if len(files) != 8 {
		b.Fatalf("%d articles, want 8", len(files))
	}
	a, _ := newApp(b)
	var fd []FileData
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		fd = append(fd, FileData{Name: filepath.Base(f), Data: data})
	}
	res, err := a.ImportFiles(fd, 0)
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for _, r := range res {
		if r.Source == nil {
			b.Fatal(r.Error)
		}
		ids = append(ids, r.Source.ID)
	}
	var pairTime time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if _, err := a.Compare(ids[:2]); err != nil {
			b.Fatal(err)
		}
		pairTime += time.Since(start)
		if _, err := a.Compare(ids); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pairTime.Microseconds())/1000/float64(b.N), "ms/one-pair")
}
