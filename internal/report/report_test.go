package report

import (
	"bytes"
	"strings"
	"testing"
)

func sample() Comparison {
	hostile := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	return Comparison{
		Title: "Meta and Netflix", Generated: "2026-11-23",
		Sources: []Source{
			{ID: 1, Title: "Meta Accused " + hostile, Outlet: "TechDogs", Published: "2024-04-04", URL: "javascript:alert(3)"},
			{ID: 2, Title: "Lawsuit claims", Outlet: "MyNation", Published: "2024-04-03"},
			{ID: 3, Title: "A third", Outlet: ""},
		},
		Coverage: [][]float64{{1, 0.06, 0.2}, {0.11, 1, 0.3}, {0.5, 0.5, 1}},
		Timeline: []Event{{Date: "2023-04", Label: "the lawsuit", Sources: []string{"MyNation"}, Other: []string{"2023-05"}}},
		Pairs: []Pair{{
			A: 0, B: 1, CoverageA: 0.06, CoverageB: 0.11,
			Shared: []Shared{
				{Kind: "same", A: "Shockingly untrue.", B: "Shockingly untrue."},
				{Kind: "similar", A: "Netflix paid $100M+", B: "Netflix paid $150M", Ops: []Op{
					{Kind: "equal", A: "Netflix paid", B: "Netflix paid"}, {Kind: "replace", A: "$100M+", B: "$150M"}}},
			},
			OnlyA: []string{"Elon Musk replied " + hostile},
			OnlyB: []string{"Facebook Watch shut down."},
			Facts: Facts{Differ: []FactPair{{A: Fact{Kind: "money", Text: "$100M+", Subject: "Netflix"}, B: Fact{Kind: "money", Text: "millions of dollars"}}},
				OnlyA: []Fact{{Kind: "date", Text: "December 2023", Subject: "Messenger end-to-end encryption"}}},
			Quotes: Quotes{Shared: []SharedQuote{{A: Quote{"Shockingly untrue.", "Andy Stone"}, B: Quote{"Shockingly untrue.", "Stone"}, SameWords: true}}, OnlyA: []Quote{{"Wow", "Elon Musk"}}},
		}},
	}
}

func TestRender(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", `href="javascript`} {
		if strings.Contains(strings.ToLower(out), bad) {
			t.Errorf("the report contains %q", bad)
		}
	}
	for _, want := range []string{
		`Content-Security-Policy" content="default-src 'none'`,
		"&lt;script&gt;", // shown as text
		"<h2>TechDogs and MyNation</h2>",
		"<del>$100M&#43;</del> <ins>$150M</ins>",
		"&lt;img src=x onerror=alert(2)&gt;", // shown as text
		"the sources name different speakers",
		"Facebook Watch shut down.",
		"<strong>$100M&#43;</strong>", "Messenger end-to-end encryption",
		"How much of each source the others carry",
		"@media print",
		"another source gives 2023-05",
		"6%", "11%",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(out, "http://") || strings.Contains(out, "https://") {
		t.Error("the report refers to an outside resource")
	}
}

func TestRenderTwoSourcesNoGrid(t *testing.T) {
	c := sample()
	c.Sources, c.Coverage, c.Title = c.Sources[:2], nil, ""
	var buf bytes.Buffer
	if err := Render(&buf, c); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "How much of each source the others carry") || !strings.Contains(buf.String(), "<title>Comparison</title>") {
		t.Error("two sources: no grid, default title")
	}
}
