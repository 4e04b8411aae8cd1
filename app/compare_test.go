package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCompareSeeds(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	c, err := a.Compare([]int64{tech, nation})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 2 || len(c.Pairs) != 1 {
		t.Fatalf("%d sources, %d pairs", len(c.Sources), len(c.Pairs))
	}
	p := c.Pairs[0]
	if p.A != tech || p.B != nation || p.CoverageA <= 0 || p.CoverageA >= 1 || p.CoverageB <= 0 || p.CoverageB >= 1 {
		t.Errorf("pair %d-%d coverage %.2f / %.2f", p.A, p.B, p.CoverageA, p.CoverageB)
	}
	var stone *SharedPassage
	for i, s := range p.Shared {
		if strings.Contains(s.A.Text, "Shockingly untrue") {
			stone = &p.Shared[i]
		}
	}
	if stone == nil || stone.Kind != "same" || !strings.Contains(stone.B.Text, "Shockingly untrue") {
		t.Fatalf("Stone's statement is not a shared passage: %+v", p.Shared)
	}
	if len(p.OnlyA) == 0 || len(p.OnlyB) == 0 {
		t.Error("each seed has passages the other lacks")
	}
	// Quotes: Stone's statement is shared, same words, same speaker; Musk's
	// replies are TechDogs' alone.
	var shared *SharedQuote
	for i, s := range p.Quotes.Shared {
		if strings.HasPrefix(s.A.Text, "Shockingly untrue") {
			shared = &p.Quotes.Shared[i]
		}
	}
	if shared == nil || !shared.SameWords || !shared.SameSpeaker || shared.A.Speaker != "Andy Stone" {
		t.Fatalf("Stone's quote: %+v", shared)
	}
	for _, d := range p.Quotes.Differing {
		if strings.HasPrefix(d.A.Text, "Shockingly untrue") {
			t.Error("Stone's quote listed as differing")
		}
	}
	only := map[string]bool{}
	for _, q := range p.Quotes.OnlyA {
		only[q.Text] = true
	}
	if !only["Wow"] || !only["Yup"] {
		t.Errorf("quotes only in TechDogs: %v", only)
	}
	if p.Quotes.SpeakersA[0] == "" || len(p.Quotes.SpeakersB) == 0 {
		t.Errorf("speakers: %v / %v", p.Quotes.SpeakersA, p.Quotes.SpeakersB)
	}

	// Facts: the items the issue names for the seeds.
	onlyA, onlyB := map[string]bool{}, map[string]bool{}
	for _, f := range p.Facts.OnlyA {
		onlyA[f.Kind+" "+f.Value+" "+f.Subject] = true
	}
	for _, f := range p.Facts.OnlyB {
		onlyB[f.Kind+" "+f.Value+" "+f.Subject] = true
	}
	for _, want := range []string{"date 2023-12 Messenger end-to-end encryption", "date 2011/2019 Reed Hastings", "name Elon Musk "} {
		if !onlyA[want] {
			t.Errorf("facts only in TechDogs lack %q", want)
		}
	}
	if !onlyB["name Facebook Watch "] {
		t.Errorf("facts only in MyNation lack Facebook Watch")
	}
	money := false
	for _, d := range p.Facts.Differ {
		money = money || (d.A.Kind == "money" && strings.Contains(d.A.Text, "$100M+"))
	}
	if !money {
		t.Errorf("the $100M+ figure does not differ: %+v", p.Facts.Differ)
	}

	ov := c.Overview
	if len(ov.Coverage) != 2 || ov.Coverage[0][0] != 1 || ov.Coverage[0][1] != p.CoverageA || ov.Coverage[1][0] != p.CoverageB {
		t.Errorf("overview coverage %v", ov.Coverage)
	}
	if len(ov.Quotes) == 0 || len(ov.Quotes[0].Sources) != 2 || !strings.HasPrefix(ov.Quotes[0].Text, "Shockingly untrue") {
		t.Errorf("overview quotes: the shared statement should come first: %+v", ov.Quotes)
	}

	tl := ov.Timeline
	dates := map[string]TimelineEvent{}
	for i, e := range tl {
		dates[e.Date] = e
		if i > 0 && tl[i-1].Date > e.Date {
			t.Errorf("timeline out of order: %s before %s", tl[i-1].Date, e.Date)
		}
	}
	if e, ok := dates["2023-12"]; !ok || len(e.Mentions) != 1 || e.Mentions[0].SourceID != tech {
		t.Errorf("the encryption date: %+v", e)
	}
	if e, ok := dates["2011/2019"]; !ok || e.Label != "Reed Hastings" {
		t.Errorf("Reed Hastings' board years: %+v", e)
	}
	if e, ok := dates["2023-04"]; !ok || e.Mentions[0].SourceID != nation {
		t.Errorf("the April 2023 events MyNation dates: %+v", e)
	}
	for _, bad := range [][]int64{{tech}, {tech, tech}, {1, 2, 3, 4, 5, 6, 7, 8, 9}} {
		if _, err := a.Compare(bad); code(err) != CodeInvalid {
			t.Errorf("Compare(%v): %v", bad, err)
		}
	}
	if _, err := a.Compare([]int64{tech, 99}); code(err) != CodeNotFound {
		t.Errorf("missing source: %v", err)
	}
}

func TestCompareReport(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	html, err := a.CompareReport([]int64{tech, nation})
	if err != nil || !strings.Contains(html, "<h2>TechDogs and MyNation</h2>") || strings.Contains(html, "<script") {
		t.Fatalf("report: %v, %d bytes", err, len(html))
	}
	if _, err := a.SaveCompareReport([]int64{tech, nation}); code(err) != CodeInvalid {
		t.Errorf("saving without a window: %v", err)
	}
	dir := t.TempDir()
	answer := filepath.Join(dir, "report.html")
	SetSaveDialog(a, func(title, name string) (string, error) { return answer, nil })
	if p, err := a.SaveCompareReport([]int64{tech, nation}); err != nil || p != answer {
		t.Fatalf("save: %q, %v", p, err)
	}
	if data, err := os.ReadFile(answer); err != nil || string(data) != html {
		t.Errorf("saved report differs: %v", err)
	}
	answer = ""
	if p, err := a.SaveCompareReport([]int64{tech, nation}); err != nil || p != "" {
		t.Errorf("cancelled: %q, %v", p, err)
	}
	answer = filepath.Join(dir, "missing", "r.html")
	if _, err := a.SaveCompareReport([]int64{tech, nation}); code(err) != CodeInvalid || !strings.Contains(err.Error(), "could not save the report") {
		t.Errorf("unwritable path: %v", err)
	}
}

func TestCompareCancelled(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := a.compare(ctx, []int64{tech, nation})
	var ae *Error
	if !errors.As(err, &ae) || ae.Code != CodeCancelled {
		t.Fatalf("a cancelled comparison returned %v", err)
	}
	// CancelCompare reaches a comparison in flight, and only while it runs.
	ctx, done := a.compares.start(context.Background())
	if n := a.CancelCompare(); n != 1 || ctx.Err() == nil {
		t.Fatalf("CancelCompare stopped %d runs; ctx.Err() = %v", n, ctx.Err())
	}
	done()
	if n := a.CancelCompare(); n != 0 {
		t.Fatalf("CancelCompare stopped %d runs after the run ended", n)
	}
	if _, err := a.Compare([]int64{tech, nation}); err != nil {
		t.Fatalf("a comparison after a cancel: %v", err)
	}
}

// TestCompareTimelineConflict: a third source dating the lawsuit to 2020
// is flagged against MyNation's April 2023, and its event is labelled by
// what it dates rather than by its whole sentence.
func TestCompareTimelineConflict(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	third, err := a.ImportText(ImportTextRequest{Text: "Netflix lawsuit revives claims about Facebook messages\n\n" +
		"The lawsuit, filed in 2020, claims that Meta gave Netflix access to Facebook users' private messages in exchange for data.\n\n" +
		"Meta's Andy Stone called the claims \"shockingly untrue\".\n"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.Compare([]int64{tech, nation, third.Source.ID})
	if err != nil {
		t.Fatal(err)
	}
	dates := map[string]TimelineEvent{}
	for _, e := range c.Overview.Timeline {
		dates[e.Date] = e
	}
	if e := dates["2020"]; !slices.Contains(e.Other, "2023-04") || e.Label != "lawsuit" {
		t.Errorf("2020: label %q, other dates %v; want lawsuit, flagged against 2023-04", e.Label, e.Other)
	}
	if e := dates["2023-04"]; !slices.Contains(e.Other, "2020") {
		t.Errorf("2023-04: other dates %v; want 2020", e.Other)
	}
	if e := dates["2023-12"]; len(e.Other) != 0 {
		t.Errorf("the encryption date conflicts with %v", e.Other)
	}
}
