package facts

import (
	"path/filepath"
	"testing"
)

func loadCluster(t testing.TB, name string) []Fact {
	d := loadArticle(t, filepath.Join("testdata", "clusters", name))
	fs := Extract(d.Text, d.Blocks)
	checkFacts(t, d.Text, fs)
	return fs
}

// TestClusters compares real articles about one event and checks that
// nothing absurd comes out: the central numbers agree, unrelated amounts
// are not reported as differences.
func TestClusters(t *testing.T) {
	t.Run("boko haram", func(t *testing.T) {
		c := Compare(loadCluster(t, "boko_npr.txt"), loadCluster(t, "boko_wapo.txt"))
		t.Logf("\n%s", describe(c))
		if findPair(c.Agree, Number, "21", "21") == nil {
			t.Error("21 schoolgirls do not agree")
		}
		if findPair(c.Agree, Date, "2014-04", "2014-04") == nil {
			t.Error("April 2014 does not agree")
		}
		for _, f := range append(c.OnlyA, c.OnlyB...) {
			if f.Value == "21" || f.Value == "2014" {
				t.Errorf("%s reported as only one source's", factString(f))
			}
		}
		if len(c.Differ) != 0 {
			t.Errorf("differences in two consistent reports: %s", describe(Comparison{Differ: c.Differ}))
		}
	})
	t.Run("broadcom", func(t *testing.T) {
		c := Compare(loadCluster(t, "broadcom_japantimes.txt"), loadCluster(t, "broadcom_reuters.txt"))
		t.Logf("\n%s", describe(c))
		for _, v := range []string{"$121000000000", "$82"} {
			if findPair(c.Agree, Money, v, v) == nil {
				t.Errorf("%s does not agree", v)
			}
		}
		if findPair(c.Agree, Role, "CEO", "CEO") == nil {
			t.Error("Mollenkopf's CEO role does not agree")
		}
		for _, p := range c.Differ {
			t.Errorf("unexpected difference %s | %s", factString(p.A), factString(p.B))
		}
	})
}
