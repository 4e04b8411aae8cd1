package app

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var evalDir = flag.String("evaldir", "", "directory holding news-clusters/ (for example ../../shared/eval); TestEvalClusters skips without it")

// TestEvalClusters imports each cluster of news-clusters (articles from
// different outlets on one event) into its own notebook and reports how
// many utterances Sourcebook links across sources, and in how many of those
// the sources' speakers disagree. The set has no gold links: `make eval`
// prints the figures and, with -v, every cross-source group for reading.
func TestEvalClusters(t *testing.T) {
	if *evalDir == "" {
		t.Skip("no -evaldir")
	}
	dirs, _ := filepath.Glob(filepath.Join(*evalDir, "news-clusters", "*"))
	var clusters, articles, quotes, linked, disagree int
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		if len(files) == 0 {
			continue
		}
		a, _ := newApp(t)
		var fd []FileData
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			fd = append(fd, FileData{Name: filepath.Base(f), Data: data})
		}
		if _, err := a.ImportFiles(fd, 0); err != nil {
			t.Fatal(err)
		}
		qs, err := a.Quotes(0)
		if err != nil {
			t.Fatal(err)
		}
		groups := map[string][]Quote{}
		for _, q := range qs {
			if q.Kind != "scare" && q.Status != "rejected" {
				groups[q.Group] = append(groups[q.Group], q)
				quotes++
			}
		}
		for _, g := range groups {
			if g[0].GroupSources < 2 {
				continue
			}
			linked++
			names := map[string]bool{}
			for _, q := range g {
				names[q.Speaker] = true
				t.Logf("%s  s%d [%s] %.100q", filepath.Base(d), q.SourceID, q.Speaker, q.Text)
			}
			if len(names) > 1 {
				disagree++
			}
		}
		clusters++
		articles += len(files)
	}
	t.Logf("news-clusters: %d clusters, %d articles, %d quotes; %d utterances linked across sources, %d of them with differing speakers",
		clusters, articles, quotes, linked, disagree)
}
