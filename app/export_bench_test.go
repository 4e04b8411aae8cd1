package app

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The export and merge benchmarks run on the generated notebook of
// search_bench_test.go (SOURCEBOOK_BENCH_SOURCES sources, 10,000 by
// default; SOURCEBOOK_BENCH_DB names a copy to use). The targets:
// exporting 100,000 sources to SQLite under 30 s and to Markdown under 60 s,
// merging a 10,000-source notebook under 20 s. Each reports its time next
// to a baseline measured in the same run, since this machine is noisy:
// reading every source's text once (what any export must do at least).
//
//	SOURCEBOOK_BENCH_SOURCES=100000 go test ./app -run '^$' -bench 'Export' -benchtime 1x -v
//	go test ./app -run '^$' -bench 'Merge' -benchtime 1x -v

// readAllBaseline reads every source's stored text once, the floor under
// any export, and returns how long it took.
func readAllBaseline(b *testing.B, a *App) time.Duration {
	start := time.Now()
	var bytes int64
	rows, err := a.nb.DB.Query("SELECT text FROM source")
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		bytes += int64(len(s))
	}
	rows.Close()
	d := time.Since(start)
	b.Logf("baseline: read %d MB of source text in %s", bytes>>20, d.Round(time.Millisecond))
	return d
}

func benchExport(b *testing.B, format string) {
	a, _, n := openBench(b)
	base := readAllBaseline(b, a)
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), fmt.Sprintf("export-%d", i))
		start := time.Now()
		res, err := a.Export(ExportRequest{Format: format, Path: out})
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		total += d
		b.Logf("%s export of %d sources: %s, %d MB (%.2f× the baseline)", format, n, d.Round(time.Millisecond), res.Bytes>>20, float64(d)/float64(base))
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/export")
	b.ReportMetric(float64(total)/float64(b.N)/float64(base), "x-baseline")
}

// BenchmarkExportSQLite copies the whole notebook with VACUUM INTO.
func BenchmarkExportSQLite(b *testing.B) { benchExport(b, "sqlite") }

// BenchmarkExportJSON writes everything as JSON, originals included.
func BenchmarkExportJSON(b *testing.B) { benchExport(b, "json") }

// BenchmarkExportMarkdown writes the Obsidian vault.
func BenchmarkExportMarkdown(b *testing.B) { benchExport(b, "markdown") }

// BenchmarkExportCSV writes the CSV tables.
func BenchmarkExportCSV(b *testing.B) { benchExport(b, "csv") }

// BenchmarkMerge merges the benchmark notebook into an empty one (every
// row new: the most work a merge does) and then into itself (every row
// matched and compared). The baseline is the SQLite copy of the same file.
func BenchmarkMerge(b *testing.B) {
	a, nb, n := openBench(b)
	copyStart := time.Now()
	if err := nb.CopyTo(a.ctx, filepath.Join(b.TempDir(), "copy.db"), false, nil); err != nil {
		b.Fatal(err)
	}
	base := time.Since(copyStart)
	b.Logf("baseline: VACUUM INTO of %d sources in %s", n, base.Round(time.Millisecond))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		target := openApp(b, filepath.Join(b.TempDir(), "empty.db"), fmt.Sprintf("%08d", i))
		target.opts.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
		start := time.Now()
		res, err := target.MergeFile(nb.Path)
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		b.Logf("merge of %d sources into an empty notebook: %s (%.2f× the copy); added %v", n, d.Round(time.Millisecond), float64(d)/float64(base), res.Added)
		b.ReportMetric(d.Seconds(), "s/merge-new")
		start = time.Now()
		res, err = target.MergeFile(nb.Path)
		if err != nil {
			b.Fatal(err)
		}
		d = time.Since(start)
		b.Logf("the same merge again (all rows already there): %s (%.2f× the copy); unchanged %d", d.Round(time.Millisecond), float64(d)/float64(base), res.Unchanged)
		b.ReportMetric(d.Seconds(), "s/merge-again")
	}
}
