package facts

import (
	"strings"
	"testing"
)

// seedComparison compares the two seed articles: TechDogs (A) and MyNation (B).
func seedComparison(t testing.TB) ([]Fact, []Fact, Comparison) {
	a := extractDoc(load(t, seedPath("000_9ee5f3e41cc3c9be.txt")))
	b := extractDoc(load(t, seedPath("004_917a6aaec319a3a4.txt")))
	return a, b, Compare(a, b)
}

func findOnly(fs []Fact, kind, value string) *Fact {
	for i := range fs {
		if fs[i].Kind == kind && fs[i].Value == value {
			return &fs[i]
		}
	}
	return nil
}

func findPair(ps []FactPair, kind, a, b string) *FactPair {
	for i := range ps {
		if ps[i].A.Kind == kind && ps[i].A.Value == a && ps[i].B.Value == b {
			return &ps[i]
		}
	}
	return nil
}

// TestSeeds checks each fact the issue names, decided from the two texts:
// TechDogs alone dates Messenger's end-to-end encryption, reports Musk's
// reaction, gives Hastings' board years and the "$100M+" figure (MyNation
// says only "millions of dollars", which is reported as a difference);
// MyNation alone dates the lawsuit and the Facebook Watch shutdown.
func TestSeeds(t *testing.T) {
	_, _, c := seedComparison(t)
	t.Logf("\n%s", describe(c))

	onlyA := []struct{ name, kind, value, subject string }{
		{"encryption date", Date, "2023-12", "Messenger end-to-end encryption"},
		{"Musk's reaction", Name, "Elon Musk", ""},
		{"Hastings' board years", Date, "2011/2019", "Reed Hastings"},
	}
	for _, w := range onlyA {
		t.Run("only TechDogs: "+w.name, func(t *testing.T) {
			f := findOnly(c.OnlyA, w.kind, w.value)
			if f == nil {
				t.Fatalf("no %s %q in OnlyA", w.kind, w.value)
			}
			if f.Subject != w.subject {
				t.Errorf("subject %q, want %q", f.Subject, w.subject)
			}
		})
	}
	t.Run("only MyNation: lawsuit filed", func(t *testing.T) {
		var subjects []string
		for _, f := range c.OnlyB {
			if f.Kind == Date && f.Value == "2023-04" {
				subjects = append(subjects, f.Subject)
			}
		}
		if strings.Join(subjects, "|") != "lawsuit|Facebook Watch" {
			t.Errorf("April 2023 only in MyNation about %q, want lawsuit and Facebook Watch", subjects)
		}
	})
	t.Run("only MyNation: Facebook Watch", func(t *testing.T) {
		if findOnly(c.OnlyB, Name, "Facebook Watch") == nil {
			t.Error("Facebook Watch is not only in MyNation")
		}
	})
	t.Run("differ: $100M+", func(t *testing.T) {
		if findPair(c.Differ, Money, "$100000000+", "$millions") == nil {
			t.Error("$100M+ is not paired with MyNation's millions of dollars")
		}
	})
	t.Run("differ: Andy Stone's title", func(t *testing.T) {
		if findPair(c.Differ, Role, "communications director", "communications head") == nil {
			t.Error("communications director / head not reported")
		}
	})
	t.Run("agree: every two weeks", func(t *testing.T) {
		if p := findPair(c.Agree, Number, "2", "2"); p == nil || p.A.Unit != "week" {
			t.Error("two weeks does not agree")
		}
	})
	t.Run("no encryption date paired", func(t *testing.T) {
		for _, p := range append(c.Agree, c.Differ...) {
			if p.A.Kind == Date || p.B.Kind == Date {
				t.Errorf("date paired: %s | %s", factString(p.A), factString(p.B))
			}
		}
	})
	t.Run("nothing from boilerplate", func(t *testing.T) {
		for _, f := range append(c.OnlyA, c.OnlyB...) {
			if strings.Contains(f.Value, "TechDogs") || strings.Contains(f.Value, "MyNation") || f.Value == "2024-04-04" || strings.Contains(f.Value, "COVID") {
				t.Errorf("boilerplate fact %s", factString(f))
			}
		}
	})
}

func TestSeedFactsValid(t *testing.T) {
	for _, name := range []string{"000_9ee5f3e41cc3c9be.txt", "004_917a6aaec319a3a4.txt"} {
		d := load(t, seedPath(name))
		checkFacts(t, d.Text, Extract(d.Text, d.Blocks))
	}
}

// checkFacts checks the spans of facts: inside the text, ordered, the
// text as written, inside their sentence.
func checkFacts(t testing.TB, text string, fs []Fact) {
	t.Helper()
	r := []rune(text)
	prev := -1
	for _, f := range fs {
		if f.Start < 0 || f.End > len(r) || f.Start >= f.End || f.Start < prev {
			t.Fatalf("bad span %d-%d (prev %d, len %d): %s", f.Start, f.End, prev, len(r), factString(f))
		}
		prev = f.Start
		if string(r[f.Start:f.End]) != f.Text {
			t.Fatalf("text %q at %d-%d is %q", f.Text, f.Start, f.End, string(r[f.Start:f.End]))
		}
		s := f.Sentence
		if s.Start > f.Start || s.End < f.End || string(r[s.Start:s.End]) != s.Text {
			t.Fatalf("sentence %d-%d does not hold %s", s.Start, s.End, factString(f))
		}
		if f.Value == "" || f.Kind == "" {
			t.Fatalf("empty value or kind: %s", factString(f))
		}
	}
}
