package textextract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"

	"sourcebook/internal/ingest"
	"sourcebook/internal/textextract"
)

// knownJunk are the long lines in the news texts that are boilerplate
// indeed: links to other articles, wire copyright notices, "follow us".
var knownJunk = regexp.MustCompile(`^(READ MORE|Read More|Read more|WATCH|Watch): |^Copyright .*All rights reserved|^Follow us on `)

// falsePositives counts, over files, the lines longer than 100 characters,
// those of them Text marks as boilerplate, and those marked that are not
// knownJunk. skip is the number of header
// lines each file starts with (the news-clusters files give the URL and the
// title first); they are left out of the count.
func falsePositives(t *testing.T, files []string, skip int, verbose bool) (long, marked, wrong int) {
	t.Helper()
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, err := ingest.Text(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		doc := textextract.Text(text)
		if !doc.Valid() || doc.Text != text {
			t.Errorf("%s: invalid document", p)
		}
		runes := []rune(text)
		for i, bl := range doc.Blocks {
			if i < skip {
				continue
			}
			s := string(runes[bl.Start:bl.End])
			if utf8.RuneCountInString(s) > 100 {
				long++
				if bl.Boilerplate != "" {
					marked++
					if !knownJunk.MatchString(s) {
						wrong++
						t.Logf("%s: long line marked %s: %.120q", filepath.Base(p), bl.Boilerplate, s)
					} else if verbose {
						t.Logf("%s: long junk line marked %s: %.120q", filepath.Base(p), bl.Boilerplate, s)
					}
				}
			}
			if verbose && bl.Boilerplate != "" {
				t.Logf("%s: %-10s %.100q", filepath.Base(p), bl.Boilerplate, s)
			}
		}
	}
	return long, marked, wrong
}

// TestNewsFalsePositives runs Text over the real news texts in testdata:
// no article paragraph may be marked.
func TestNewsFalsePositives(t *testing.T) {
	for _, set := range []struct {
		glob string
		skip int
	}{
		{"testdata/news/clusters/*.txt", 2},
		{"testdata/news/ggt/*.txt", 0},
	} {
		files, _ := filepath.Glob(set.glob)
		if len(files) == 0 {
			t.Fatalf("no files match %s", set.glob)
		}
		long, marked, wrong := falsePositives(t, files, set.skip, testing.Verbose())
		t.Logf("%s: %d of %d lines over 100 characters marked, %d of them not known junk", set.glob, marked, long, wrong)
		if wrong > 0 {
			t.Errorf("%s: %d article paragraphs marked as boilerplate", set.glob, wrong)
		}
	}
}

// TestEvalNews measures the same on the whole shared evaluation sets when
// they are there (../shared/eval, or $SOURCEBOOK_EVAL): the fraction of
// lines over 100 characters marked as boilerplate.
func TestEvalNews(t *testing.T) {
	dir := os.Getenv("SOURCEBOOK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no evaluation sets at %s", dir)
	}
	verbose := os.Getenv("EVAL_VERBOSE") != ""
	var allLong, allMarked, allWrong int
	for _, set := range []struct {
		glob string
		skip int
	}{
		{"news-clusters/*/*.txt", 2},
		{"ggt-quotes/text/*.txt", 0},
	} {
		files, _ := filepath.Glob(filepath.Join(dir, set.glob))
		long, marked, wrong := falsePositives(t, files, set.skip, verbose)
		t.Logf("%s: %d files, %d of %d lines over 100 characters marked (%.2f%%), %d of them not known junk",
			set.glob, len(files), marked, long, 100*float64(marked)/float64(max(long, 1)), wrong)
		allLong += long
		allMarked += marked
		allWrong += wrong
	}
	t.Logf("all: %d of %d marked (%.2f%%), %d of them article paragraphs (%.2f%%)", allMarked, allLong,
		100*float64(allMarked)/float64(max(allLong, 1)), allWrong, 100*float64(allWrong)/float64(max(allLong, 1)))
}
