package htmlextract

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// The evaluation measures extraction against two public sets kept in the
// project's shared eval folder (see their SOURCE.md files):
//
//   - article-extraction-benchmark (Zyte): pages with the ground-truth
//     article text. Its metric, reimplemented from its evaluate.py: the text
//     is split into \w+ tokens (Unicode letters, digits and "_"), tokens form
//     4-word shingles counted as multisets (Python's Counter: a shingle that
//     occurs twice must be predicted twice), and per page TP = Σ min(true,
//     pred), FP = Σ max(0, pred − true), FN = Σ max(0, true − pred).
//     Precision is averaged over pages with TP+FP > 0, recall over pages
//     with TP+FN > 0, and F1 is computed from the two means.
//   - trafilatura's evaluation data: per page, snippets that must appear in
//     the extracted text and boilerplate snippets that must not, plus
//     title, author and date for some pages.
//
// What is compared is Doc.Content(): the blocks not marked as boilerplate.

// ErrNoEvalSets means the folder given to [Evaluate] holds neither set.
var ErrNoEvalSets = errors.New("no evaluation sets (article-extraction-benchmark/, trafilatura-eval/) found")

// Report is the outcome of [Evaluate].
type Report struct {
	Benchmark BenchmarkReport
	Snippets  SnippetReport
	Meta      []MetaReport
	Pages     int
	Elapsed   time.Duration // extraction time, all pages, one core
}

// BenchmarkReport is the article-extraction-benchmark score.
type BenchmarkReport struct {
	Pages                 int
	Precision, Recall, F1 float64
	PerPage               []PageScore
}

// PageScore is one page's shingle precision, recall and F1.
type PageScore struct {
	ID                    string
	Precision, Recall, F1 float64
}

// SnippetReport is the trafilatura evaluation score.
type SnippetReport struct {
	Pages                int
	With, WithFound      int
	Without, WithoutGone int
	Missing, Leaked      []string // "file: snippet"
}

// MetaReport counts correct values of one metadata field.
type MetaReport struct {
	Field            string
	Checked, Correct int
	Wrong            []string // "page: got %q, want %q"
}

// WithShare is the share of "with" snippets found.
func (s SnippetReport) WithShare() float64 { return ratio(s.WithFound, s.With) }

// WithoutShare is the share of "without" snippets absent.
func (s SnippetReport) WithoutShare() float64 { return ratio(s.WithoutGone, s.Without) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate runs the extractor over the evaluation sets under dir (the
// shared eval folder, holding article-extraction-benchmark/ and
// trafilatura-eval/) and scores it. A missing set is skipped; when neither
// is there the error wraps ErrNoEvalSets.
func Evaluate(dir string) (Report, error) {
	var r Report
	meta := map[string]*MetaReport{}
	order := []string{"title", "outlet", "author", "published", "url"}
	for _, f := range order {
		meta[f] = &MetaReport{Field: f}
	}
	found := false

	bench := filepath.Join(dir, "article-extraction-benchmark")
	if gtPath := benchmarkTruth(bench); gtPath != "" {
		found = true
		var gt map[string]struct {
			ArticleBody string `json:"articleBody"`
			URL         string `json:"url"`
		}
		if err := readJSON(gtPath, &gt); err != nil {
			return r, err
		}
		ids := sortedKeys(gt)
		var tfn [][3]float64
		for _, id := range ids {
			data, err := readGzip(filepath.Join(bench, "html", id+".html.gz"))
			if err != nil {
				return r, err
			}
			start := time.Now()
			doc, err := HTML(data, Options{URL: gt[id].URL})
			r.Elapsed += time.Since(start)
			r.Pages++
			pred := ""
			if err == nil {
				pred = doc.Content()
			}
			s := shingleMatch(gt[id].ArticleBody, pred)
			tfn = append(tfn, s)
			p, rc := precisionScore(s), recallScore(s)
			r.Benchmark.PerPage = append(r.Benchmark.PerPage, PageScore{ID: id, Precision: p, Recall: rc, F1: f1(p, rc)})
			checkMeta(meta["url"], id, normURL(doc.Meta.URL), normURL(gt[id].URL))
		}
		r.Benchmark.Pages = len(ids)
		r.Benchmark.Precision, r.Benchmark.Recall, r.Benchmark.F1 = benchmarkMetrics(tfn)
	}

	traf := filepath.Join(dir, "trafilatura-eval")
	if _, err := os.Stat(filepath.Join(traf, "evaldata.subset.json")); err == nil {
		found = true
		var ev map[string]struct {
			File    string   `json:"file"`
			With    []string `json:"with"`
			Without []string `json:"without"`
			Author  string   `json:"author"`
			Title   string   `json:"title"`
			Date    string   `json:"date"`
			Site    string   `json:"sitename"`
		}
		if err := readJSON(filepath.Join(traf, "evaldata.subset.json"), &ev); err != nil {
			return r, err
		}
		for _, u := range sortedKeys(ev) {
			e := ev[u]
			data, err := readGzip(filepath.Join(traf, "html", e.File+".gz"))
			if err != nil {
				return r, err
			}
			start := time.Now()
			doc, err := HTML(data, Options{URL: u})
			r.Elapsed += time.Since(start)
			r.Pages++
			r.Snippets.Pages++
			content := normSpace(doc.Content())
			for _, s := range e.With {
				r.Snippets.With++
				if strings.Contains(content, normSpace(s)) {
					r.Snippets.WithFound++
				} else {
					r.Snippets.Missing = append(r.Snippets.Missing, e.File+": "+s)
				}
			}
			for _, s := range e.Without {
				r.Snippets.Without++
				if !strings.Contains(content, normSpace(s)) {
					r.Snippets.WithoutGone++
				} else {
					r.Snippets.Leaked = append(r.Snippets.Leaked, e.File+": "+s)
				}
			}
			if e.Title != "" {
				checkMeta(meta["title"], e.File, normTitle(doc.Meta.Title), normTitle(e.Title))
			}
			if e.Site != "" {
				checkMeta(meta["outlet"], e.File, foldName(doc.Meta.Outlet), foldName(e.Site))
			}
			if e.Author != "" {
				got := ""
				if len(doc.Meta.Authors) > 0 {
					got = foldName(doc.Meta.Authors[0])
				}
				want := ""
				if names := splitAuthors(strings.Split(e.Author, ";")[0]); len(names) > 0 {
					want = foldName(names[0])
				}
				checkMeta(meta["author"], e.File, got, want)
			}
			if e.Date != "" {
				checkMeta(meta["published"], e.File, datePart(doc.Meta.Published), e.Date)
			}
		}
	}
	if !found {
		return r, fmt.Errorf("evaluate: %s: %w", dir, ErrNoEvalSets)
	}
	for _, f := range order {
		if meta[f].Checked > 0 {
			r.Meta = append(r.Meta, *meta[f])
		}
	}
	return r, nil
}

// String formats the report for people.
func (r Report) String() string {
	var b strings.Builder
	if r.Benchmark.Pages > 0 {
		fmt.Fprintf(&b, "article-extraction-benchmark (%d pages): precision %.3f  recall %.3f  F1 %.3f (target 0.95)\n",
			r.Benchmark.Pages, r.Benchmark.Precision, r.Benchmark.Recall, r.Benchmark.F1)
	}
	if r.Snippets.Pages > 0 {
		fmt.Fprintf(&b, "trafilatura-eval (%d pages): with snippets present %d/%d = %.3f, without snippets absent %d/%d = %.3f (targets 0.95)\n",
			r.Snippets.Pages, r.Snippets.WithFound, r.Snippets.With, r.Snippets.WithShare(),
			r.Snippets.WithoutGone, r.Snippets.Without, r.Snippets.WithoutShare())
	}
	for _, m := range r.Meta {
		fmt.Fprintf(&b, "metadata %-9s %d/%d correct\n", m.Field, m.Correct, m.Checked)
	}
	if r.Pages > 0 {
		fmt.Fprintf(&b, "extraction: %d pages in %v, %.1f ms/page on one core\n", r.Pages, r.Elapsed.Round(time.Millisecond),
			float64(r.Elapsed.Microseconds())/1000/float64(r.Pages))
	}
	return b.String()
}

func benchmarkTruth(dir string) string {
	for _, name := range []string{"ground-truth.json", "ground-truth.sample40.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return filepath.Join(dir, name)
		}
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "ground-truth*.json"))
	if len(matches) > 0 {
		return matches[0]
	}
	return ""
}

func checkMeta(m *MetaReport, page, got, want string) {
	m.Checked++
	if got == want {
		m.Correct++
		return
	}
	m.Wrong = append(m.Wrong, fmt.Sprintf("%s: got %q, want %q", page, got, want))
}

func datePart(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// normTitle compares titles without case, spacing or punctuation.
func normTitle(s string) string { return foldName(s) }

// normURL compares URLs without scheme, "www." or a trailing slash.
func normURL(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/")
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return data, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// benchTokens splits text like Python's re.findall(r'\w+', text): runs of
// Unicode letters, numbers and "_".
func benchTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the 4-token shingles of s as evaluate.py's _ngrams does:
// a text with fewer than 4 tokens has one shorter shingle, an empty one
// none.
func shingles(s string) map[string]int {
	const n = 4
	tokens := benchTokens(s)
	out := map[string]int{}
	for i := 0; i < max(1, len(tokens)-n+1); i++ {
		sh := tokens[i:min(i+n, len(tokens))]
		if len(sh) == 0 {
			continue
		}
		out[strings.Join(sh, "\x00")]++
	}
	return out
}

// shingleMatch is evaluate.py's string_shingle_matching: TP, FP and FN over
// shingle multisets, normalised to sum to 1.
func shingleMatch(truth, pred string) [3]float64 {
	ts, ps := shingles(truth), shingles(pred)
	var tp, fp, fn float64
	for k, t := range ts {
		p := ps[k]
		tp += float64(min(t, p))
		fn += float64(max(0, t-p))
	}
	for k, p := range ps {
		fp += float64(max(0, p-ts[k]))
	}
	if s := tp + fp + fn; s > 0 {
		return [3]float64{tp / s, fp / s, fn / s}
	}
	return [3]float64{tp, fp, fn}
}

func precisionScore(s [3]float64) float64 {
	tp, fp, fn := s[0], s[1], s[2]
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fp == 0:
		return 0
	}
	return tp / (tp + fp)
}

func recallScore(s [3]float64) float64 {
	tp, fp, fn := s[0], s[1], s[2]
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fn == 0:
		return 0
	}
	return tp / (tp + fn)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// benchmarkMetrics is evaluate.py's metrics_from_tp_fp_fns.
func benchmarkMetrics(all [][3]float64) (precision, recall, f float64) {
	var ps, rs []float64
	for _, s := range all {
		if s[0]+s[1] > 0 {
			ps = append(ps, precisionScore(s))
		}
		if s[0]+s[2] > 0 {
			rs = append(rs, recallScore(s))
		}
	}
	precision, recall = mean(ps), mean(rs)
	return precision, recall, f1(precision, recall)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
