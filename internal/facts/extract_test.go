package facts

import (
	"strings"
	"testing"
	"time"

	"sourcebook/internal/document"
)

func TestExtractKinds(t *testing.T) {
	tests := []struct {
		name, text, kind, value, unit, subject string
	}{
		{"full date", "The deal was signed on April 3, 2024 in Paris.", Date, "2024-04-03", "", ""},
		{"day month year", "It closed on 3 April 2024.", Date, "2024-04-03", "", ""},
		{"month year", "Facebook implemented default end-to-end encryption in Messenger in December 2023, meaning more.", Date, "2023-12", "", "Messenger end-to-end encryption"},
		{"year after preposition", "The company posted a blog post in 2018 when it was accused.", Date, "2018", "", "blog post"},
		{"year range", "Reed Hastings, who held a position on Facebook's board from 2011-2019, left.", Date, "2011/2019", "", "Reed Hastings"},
		{"year range words", "He served from 2011 to 2019 as chair.", Date, "2011/2019", "", ""},
		{"between years", "Sales rose between 2011 and 2019 in Europe.", Date, "2011/2019", "", ""},
		{"money suffix", "It says Netflix paid them $100M+ for ads.", Money, "$100000000+", "", "Netflix"},
		{"money words", "The fine was $150 million last year.", Money, "$150000000", "", ""},
		{"money currency word", "They paid 5 million euros.", Money, "€5000000", "", ""},
		{"vague money", "In it, Netflix bought hundreds of millions of dollars in ads.", Money, "$hundreds of millions", "", "Netflix"},
		{"percent word", "Shares rose 20 percent on Monday.", Percent, "20%", "", ""},
		{"percent sign", "Shares rose 4.5% on Monday.", Percent, "4.5%", "", ""},
		{"per cent", "Turnout was 61 per cent.", Percent, "61%", "", ""},
		{"written count", "We worked closely with four partners to integrate messaging.", Number, "4", "partner", ""},
		{"count with modifier", "More than 270 girls were taken from their school.", Number, "270+", "girl", ""},
		{"count of the", "President Buhari says 21 of the schoolgirls have been released.", Number, "21", "schoolgirl", "Buhari"},
		{"decade", "They had agreements for almost a decade.", Number, "<1", "decade", ""},
		{"person", "It gathered the attention of Elon Musk, who replied.", Name, "Elon Musk", "", ""},
		{"title stripped", "The talks were welcomed by President Muhammadu Buhari on Thursday.", Name, "Muhammadu Buhari", "", ""},
		{"nickname", "Debarghya (Deedy) Das, an investor at Menlo Ventures, posted it.", Name, "Debarghya Das", "", ""},
		{"role after name", "Andy Stone, the Communications Director at Meta, denied it.", Role, "communications director", "", "Andy Stone"},
		{"role before name", "Netflix's then-CEO Reed Hastings directed it.", Role, "CEO", "", "Reed Hastings"},
		{"role with comma", "Meta's communications head, Andy Stone, denied the claims.", Role, "communications head", "", "Andy Stone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Extract(tt.text, nil)
			checkFacts(t, tt.text, fs)
			for _, f := range fs {
				if f.Kind == tt.kind && f.Value == tt.value {
					if f.Unit != tt.unit {
						t.Errorf("unit %q, want %q", f.Unit, tt.unit)
					}
					if tt.subject != "" && f.Subject != tt.subject {
						t.Errorf("subject %q, want %q", f.Subject, tt.subject)
					}
					return
				}
			}
			var got []string
			for _, f := range fs {
				got = append(got, factString(f))
			}
			t.Errorf("no %s %q in %v", tt.kind, tt.value, got)
		})
	}
}

// TestExtractNoise lists text that states no fact of the kind given.
func TestExtractNoise(t *testing.T) {
	tests := []struct{ name, text, kind string }{
		{"sentence-initial word", "Furthermore, these platforms help users.", Name},
		{"quoted exclamation", "He replied with “Wow” and “Yup”.", Name},
		{"headline case", "Nigeria Says 21 Schoolgirls Abducted By Boko Haram Have Been Released", Name},
		{"modal may", "They may decide later. It may rain.", Date},
		{"clock time", "It was 2:29 PM when it began.", Number},
		{"pronoun two", "The two indulged in various data sharing agreements.", Number},
		{"one", "One of the students found her way out.", Number},
		{"covid", "Read COVID-19 news here.", Number},
		{"role without a name", "A government spokesman said the release was part of talks.", Role},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range Extract(tt.text, nil) {
				if f.Kind == tt.kind {
					t.Errorf("unexpected %s", factString(f))
				}
			}
		})
	}
}

func TestExtractSkipsBoilerplate(t *testing.T) {
	var b document.Builder
	b.Add(document.Paragraph, 0, "Updated on Thu, Apr 4, 2024", document.Metadata)
	b.Add(document.Paragraph, 0, "Then Netflix paid $5 billion in 2019.", "")
	b.Add(document.Paragraph, 0, "Also Read: Google paid $7 billion in 2020.", document.Related)
	d := b.Doc()
	fs := Extract(d.Text, d.Blocks)
	checkFacts(t, d.Text, fs)
	for _, f := range fs {
		if f.Start < d.Blocks[1].Start || f.End > d.Blocks[1].End {
			t.Errorf("fact from boilerplate: %s", factString(f))
		}
	}
	if len(fs) != 3 { // Netflix, $5 billion, 2019
		t.Errorf("got %d facts, want 3", len(fs))
	}
}

func TestEdgeCases(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		if fs := Extract("", nil); len(fs) != 0 {
			t.Errorf("facts in empty text: %v", fs)
		}
		c := Compare(nil, nil)
		if len(c.Agree)+len(c.Differ)+len(c.OnlyA)+len(c.OnlyB) != 0 {
			t.Errorf("comparison of nothing: %+v", c)
		}
	})
	t.Run("no facts", func(t *testing.T) {
		if fs := Extract("it was a quiet day and nothing much happened at all.", nil); len(fs) != 0 {
			t.Errorf("facts: %v", fs)
		}
	})
	t.Run("non-English", func(t *testing.T) {
		text := "Der Konzern zahlte im Jahr 2019 rund 5 Millionen Euro. 北京市は2024年4月3日に発表した。Москва, 3 апреля 2024 года."
		fs := Extract(text, nil)
		checkFacts(t, text, fs)
	})
	t.Run("emoji", func(t *testing.T) {
		text := "🚀 Elon Musk 🎉 said “Wow” 👀 after Netflix paid $100M+ 💰 in 2024 🔥."
		fs := Extract(text, nil)
		checkFacts(t, text, fs)
		if findOnly(fs, Money, "$100000000+") == nil || findOnly(fs, Name, "Elon Musk") == nil {
			t.Errorf("facts around emoji missed: %v", fs)
		}
	})
	t.Run("blocks outside text", func(t *testing.T) {
		text := "Netflix paid $5 billion."
		fs := Extract(text, []document.Block{{Start: 5, End: 500}, {Start: -1, End: 3}})
		checkFacts(t, text, fs)
	})
}

func TestLongText(t *testing.T) {
	d := load(t, seedPath("000_9ee5f3e41cc3c9be.txt"))
	e := load(t, seedPath("004_917a6aaec319a3a4.txt"))
	var b strings.Builder
	for b.Len() < 330_000 { // about 50,000 words
		b.WriteString(d.Content())
		b.WriteString("\n\n")
	}
	text := b.String()
	if n := len(strings.Fields(text)); n < 50_000 {
		t.Fatalf("only %d words", n)
	}
	start := time.Now()
	fa := Extract(text, nil)
	fb := Extract(e.Text, e.Blocks)
	c := Compare(fa, fa)
	Compare(fa, fb)
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("50,000 words took %v", el)
	}
	if len(c.Differ) != 0 || len(c.OnlyA) != 0 {
		t.Errorf("a text compared with itself: %d differ, %d only", len(c.Differ), len(c.OnlyA))
	}
}
