package htmlextract

import (
	"path/filepath"
	"sync/atomic"
	"testing"
)

// benchPages loads the third-party pages in testdata.
func benchPages(b *testing.B) [][]byte {
	var pages [][]byte
	for _, pattern := range []string{"article-extraction-benchmark/html/*.gz", "trafilatura-eval/html/*.gz"} {
		files, _ := filepath.Glob(filepath.Join("testdata", pattern))
		for _, f := range files {
			data, err := readGzip(f)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, data)
		}
	}
	if len(pages) == 0 {
		b.Fatal("no pages")
	}
	return pages
}

// BenchmarkHTML extracts the pages one after another; ns/op is per page.
func BenchmarkHTML(b *testing.B) {
	pages := benchPages(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := HTML(pages[i%len(pages)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkHTMLParallel extracts pages on every core (GOMAXPROCS), as an
// import does; pages/s is the throughput.
func BenchmarkHTMLParallel(b *testing.B) {
	pages := benchPages(b)
	var next atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(next.Add(1))
			if _, err := HTML(pages[i%len(pages)], Options{}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
