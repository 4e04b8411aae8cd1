package quotematch

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// benchCorpus is the 1,000,000-quote index, built once per process.
type benchCorpus struct {
	ix        *Index
	queries   []string // a 20-quote source: variants of stored quotes and new ones
	build     time.Duration
	buildCPU  time.Duration
	heapPerQ  float64
	stats     indexStats
	scanTexts [][]string // 10,000 stored quotes, folded, for the scan baseline
}

var (
	corpusOnce sync.Once
	corpus     benchCorpus
)

const benchStored = 1_000_000

func loadCorpus(b *testing.B) *benchCorpus {
	corpusOnce.Do(func() {
		s := newSynth(b, 2026)
		texts := make([]string, 0, benchStored)
		for range benchStored {
			texts = append(texts, s.quote())
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start, cpu0 := time.Now(), cpuTime()
		ix := NewIndex()
		for i, t := range texts {
			ix.Add(int64(i), t)
		}
		corpus.build = time.Since(start)
		corpus.buildCPU = cpuTime() - cpu0
		runtime.GC()
		runtime.ReadMemStats(&after)
		corpus.heapPerQ = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / benchStored
		corpus.ix = ix
		corpus.stats = ix.stats()
		kinds := []string{"truncated", "split", "reworded", "marks"}
		for i := range 20 {
			if i%5 == 4 {
				corpus.queries = append(corpus.queries, s.quote()) // new to the notebook
				continue
			}
			w := Fold(texts[(i*49999)%benchStored])
			if len(w) < 2*minOverlapWords {
				w = append(w, s.words(12, 12)...)
			}
			corpus.queries = append(corpus.queries, s.render(s.variant(w, kinds[i%len(kinds)])))
		}
		for _, t := range texts[:10000] {
			corpus.scanTexts = append(corpus.scanTexts, Fold(t))
		}
	})
	return &corpus
}

// scanSource is the baseline: every query compared with every stored quote.
func scanSource(queries [][]string, stored [][]string) int {
	n := 0
	for _, q := range queries {
		for _, w := range stored {
			if rel, score := compareWords(q, w, DefaultMinScore); rel != None && score >= DefaultMinScore {
				n++
			}
		}
	}
	return n
}

// BenchmarkMatch matches a 20-quote source against 1,000,000 stored quotes.
// It reports, from the same run, the cost of a brute-force scan with
// Compare over 10,000 quotes, extrapolated per stored quote, and the ratio.
func BenchmarkMatch(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 1,000,000-quote index")
	}
	c := loadCorpus(b)
	folded := make([][]string, len(c.queries))
	for i, q := range c.queries {
		folded[i] = Fold(q)
	}
	scanStart, scanCPU := time.Now(), cpuTime()
	scanSource(folded, c.scanTexts)
	scanPerStored := float64(time.Since(scanStart).Nanoseconds()) / float64(len(c.scanTexts))
	scanCPUPerStored := float64((cpuTime() - scanCPU).Nanoseconds()) / float64(len(c.scanTexts))

	found := 0
	runtime.GC() // the build's garbage is not the lookups' cost
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, q := range c.queries {
			found += len(c.ix.Match(q, DefaultMinScore))
		}
	}
	b.StopTimer()
	cpuPerOp := float64((cpuTime() - cpu0).Nanoseconds()) / float64(b.N)
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(cpuPerOp/1e6, "cpu-ms/source")
	if cpuPerOp > 0 {
		b.ReportMetric(scanCPUPerStored*benchStored/cpuPerOp, "cpu-speedup-vs-scan")
	}
	b.ReportMetric(perOp/1e6, "ms/source")
	b.ReportMetric(perOp/benchStored, "ns/stored-quote")
	b.ReportMetric(scanPerStored, "scan-ns/stored-quote")
	b.ReportMetric(scanPerStored*benchStored/perOp, "speedup-vs-scan")
	b.ReportMetric(c.build.Seconds(), "build-s")
	b.ReportMetric(c.buildCPU.Seconds(), "build-cpu-s")
	b.ReportMetric(c.heapPerQ, "heap-B/quote")
	b.ReportMetric(float64(found)/float64(b.N), "matches/source")
	st := c.stats
	b.ReportMetric(float64(st.postings)/benchStored, "fingerprint-B/quote")
	b.ReportMetric(float64(st.words)/benchStored, "words-B/quote")
	b.ReportMetric(float64(st.slots+st.ids)/benchStored, "slot-B/quote")
	b.ReportMetric(float64(st.postings+st.words+st.slots+st.ids+st.vocab)/benchStored, "index-B/quote")
	b.ReportMetric(float64(st.fingerprints)/benchStored, "fingerprints/quote")
}

// BenchmarkScan10k is the baseline alone: a 20-quote source compared with
// 10,000 stored quotes (already folded) one by one.
func BenchmarkScan10k(b *testing.B) {
	s := newSynth(b, 2026)
	stored := make([][]string, 10000)
	for i := range stored {
		stored[i] = Fold(s.quote())
	}
	queries := make([][]string, 20)
	for i := range queries {
		queries[i] = s.variant(stored[i*300], "reworded")
	}
	b.ResetTimer()
	for b.Loop() {
		scanSource(queries, stored)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(stored)), "ns/stored-quote")
}

// BenchmarkCompare compares the two seed versions of Andy Stone's statement.
func BenchmarkCompare(b *testing.B) {
	a, c := readFixture(b, "stone_000.txt"), readFixture(b, "stone_004_tweet.txt")
	for b.Loop() {
		Compare(a, c)
	}
}

// BenchmarkAdd measures adding one quote to a 100,000-quote index.
func BenchmarkAdd(b *testing.B) {
	s := newSynth(b, 9)
	ix := NewIndex()
	for i := range 100000 {
		ix.Add(int64(i), s.quote())
	}
	texts := make([]string, 1000)
	for i := range texts {
		texts[i] = s.quote()
	}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		ix.Add(int64(200000+i), texts[i%len(texts)])
		i++
	}
}
