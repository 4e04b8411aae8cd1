package app

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// benchPages loads the real saved web pages kept as fixtures by
// htmlextract (from the article-extraction-benchmark and trafilatura-eval
// sets).
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	var pages [][]byte
	for _, pattern := range []string{"*/html/*.html", "*/html/*.html.gz"} {
		files, _ := filepath.Glob(filepath.Join("..", "internal", "htmlextract", "testdata", pattern))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if strings.HasSuffix(f, ".gz") {
				zr, err := gzip.NewReader(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				if data, err = io.ReadAll(zr); err != nil {
					b.Fatal(err)
				}
			}
			if len(data) > 2000 {
				pages = append(pages, data)
			}
		}
	}
	if len(pages) == 0 {
		pages = [][]byte{[]byte(articlePage)}
	}
	return pages
}

// writeFolder writes n distinct pages (real pages, each with a unique
// paragraph so none is a duplicate) into a new folder.
func writeFolder(b *testing.B, pages [][]byte, n int) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	var total int64
	for i := range n {
		page := pages[i%len(pages)]
		// Each copy gets its own words (every "the" is numbered) and no
		// canonical address, so none is a duplicate of another.
		data := bytes.ReplaceAll(page, []byte(" the "), []byte(fmt.Sprintf(" the%d ", i)))
		for _, attr := range []string{`rel="canonical"`, `property="og:url"`, `rel=canonical`, `"url"`, `"@id"`, `"mainEntityOfPage"`} {
			data = bytes.ReplaceAll(data, []byte(attr), []byte(`data-x="x"`))
		}
		total += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%04d.html", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, total
}

// BenchmarkImportFolder imports a folder of saved web pages into a new
// notebook: reading, extraction and database writes, as `sourcebook import
// FOLDER` and the UI's folder import do. It reports pages per second and,
// as a baseline from the same run, the rate of importing the same number of
// plain-text files of the pages' extracted text (storage without HTML
// extraction); html/text is the cost of extraction.
// Run with n=100 and n=1000 pages: peak-heap-MiB staying level between the
// two shows memory is flat while importing (no page held after it is
// written).
func BenchmarkImportFolder(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) { benchmarkImportFolder(b, n) })
	}
}

func benchmarkImportFolder(b *testing.B, n int) {
	pages := benchPages(b)
	dir, size := writeFolder(b, pages, n)

	// Baseline: the same articles as plain text.
	a0, _ := newApp(b)
	res, err := a0.ImportPaths([]string{dir}, 0)
	if err != nil {
		b.Fatal(err)
	}
	textDir := b.TempDir()
	for i, r := range res {
		if r.Source == nil {
			b.Fatalf("%s: %s", r.Name, r.Error)
		}
		s, _ := a0.Source(r.Source.ID)
		os.WriteFile(filepath.Join(textDir, fmt.Sprintf("page-%04d.txt", i)), []byte(s.Title+"\n\n"+bodyOf(s)), 0o644)
	}

	var htmlRate, textRate float64
	var peak uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() { // sample the heap while importing
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	b.ResetTimer()
	for range b.N {
		for _, kind := range []string{"html", "text"} {
			b.StopTimer()
			a, _ := newApp(b)
			src := dir
			if kind == "text" {
				src = textDir
			}
			b.StartTimer()
			start := time.Now()
			res, err := a.ImportPaths([]string{src}, 0)
			elapsed := time.Since(start)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range res {
				if r.Error != "" || r.Duplicate {
					b.Fatalf("%s: %+v", r.Name, r)
				}
			}
			rate := float64(n) / elapsed.Seconds()
			if kind == "html" {
				htmlRate += rate
			} else {
				textRate += rate
			}
		}
	}
	close(stop)
	<-sampled
	b.ReportMetric(htmlRate/float64(b.N), "pages/s")
	b.ReportMetric(textRate/float64(b.N), "text-files/s")
	b.ReportMetric(textRate/htmlRate, "text/html")
	b.ReportMetric(float64(size)/float64(n)/1024, "KiB/page")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

func bodyOf(s Source) string {
	var parts []string
	runes := []rune(s.Text)
	for _, b := range s.Blocks {
		if b.Boilerplate == "" {
			parts = append(parts, string(runes[b.Start:b.End]))
		}
	}
	return strings.Join(parts, "\n\n")
}
