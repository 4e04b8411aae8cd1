package app

import (
	"fmt"
	"strings"
	"testing"

	"sourcebook/db"
	"sourcebook/internal/quote"
	"sourcebook/internal/textextract"
)

// importSeeds imports both seed articles and returns their source ids
// (TechDogs, MyNation).
func importSeeds(t *testing.T, a *App) (int64, int64) {
	t.Helper()
	res, err := a.ImportFiles([]FileData{
		{Name: "000.txt", Data: readSeed(t, seedTechDogs)},
		{Name: "004.txt", Data: readSeed(t, seedMyNation)},
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Error != "" {
			t.Fatal(r.Error)
		}
	}
	return res[0].Source.ID, res[1].Source.ID
}

// findQuote returns the first quote of qs whose text contains words.
func findQuote(t *testing.T, qs []Quote, words string) Quote {
	t.Helper()
	for _, q := range qs {
		if strings.Contains(q.Text, words) {
			return q
		}
	}
	t.Fatalf("no quote contains %q", words)
	return Quote{}
}

func mustQuotes(t *testing.T, a *App, sourceID int64) []Quote {
	t.Helper()
	qs, err := a.Quotes(sourceID)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// The seeds' acceptance test: every quote the issue names is found with its
// speaker, and Andy Stone's statement is one utterance across both sources.
func TestSeedQuotes(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	tq, nq := mustQuotes(t, a, tech), mustQuotes(t, a, nation)

	want := []struct {
		qs      []Quote
		words   string
		speaker string
	}{
		{tq, "Shockingly untrue", "Andy Stone"},
		{nq, "Shockingly untrue", "Andy Stone"},
		{tq, "This is shocking. Facebook gave Netflix", "Debarghya (Deedy) Das"},
		{tq, "Wow", "Elon Musk"},
		{tq, "Yup", "Elon Musk"},
		{tq, "personally directed the companies", "the court filing"},
		{tq, "We worked closely with four partners", "the blog post"},
	}
	for _, w := range want {
		q := findQuote(t, w.qs, w.words)
		if q.Speaker != w.speaker || q.Status != "suggested" || q.Origin != "auto" {
			t.Errorf("%q: speaker %q status %s origin %s, want %q, suggested, auto", w.words, q.Speaker, q.Status, q.Origin, w.speaker)
		}
	}
	for _, scare := range []string{"hangout spot", "Inbox API", "Titan API"} {
		if q := findQuote(t, tq, scare); q.Kind != quote.Scare || q.Speaker != "" {
			t.Errorf("%q: kind %s speaker %q, want a scare quote with no speaker", scare, q.Kind, q.Speaker)
		}
	}

	s1, s2 := findQuote(t, tq, "Shockingly untrue"), findQuote(t, nq, "Shockingly untrue")
	if s1.Group != s2.Group || s1.GroupSources != 2 || s1.SpeakerID != s2.SpeakerID {
		t.Fatalf("Stone's statement: groups %s / %s, sources %d, speakers %d / %d", s1.Group, s2.Group, s1.GroupSources, s1.SpeakerID, s2.SpeakerID)
	}
	if s1.Role == "" || s1.Affiliation != "Meta" {
		t.Errorf("Andy Stone: role %q affiliation %q", s1.Role, s1.Affiliation)
	}
	// The two Elon Musk replies are different utterances.
	if findQuote(t, tq, "Wow").Group == findQuote(t, tq, "Yup").Group {
		t.Error("Wow and Yup share a group")
	}

	page, err := a.QuotePage(s1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sourceSet(page.Quotes)) != 2 || len(page.Variants) != len(page.Quotes) || len(page.Speakers) != 1 || page.Speakers[0] != "Andy Stone" {
		t.Fatalf("quote page: %d quotes in %d sources, speakers %v", len(page.Quotes), len(sourceSet(page.Quotes)), page.Speakers)
	}
	longest := 0
	for _, q := range page.Quotes {
		if q.ID == page.Longest {
			longest = len(q.Text)
		}
	}
	for i, v := range page.Variants {
		if v.QuoteID != page.Quotes[i].ID || len(v.Ops) == 0 {
			t.Errorf("variant %d: %+v", i, v)
		}
		if len(page.Quotes[i].Text) > longest+8 { // marks and spacing may differ
			t.Errorf("quote %d is longer than the longest", v.QuoteID)
		}
	}
}

func TestQuoteReviewAndReextract(t *testing.T) {
	a, nb := newApp(t)
	tech, nation := importSeeds(t, a)
	tq := mustQuotes(t, a, tech)

	// Reject the TechDogs copy of Stone's statement: it leaves the group.
	stone := findQuote(t, tq, "Shockingly untrue")
	rej, err := a.SetQuoteStatus(stone.ID, "rejected")
	if err != nil || rej.Status != "rejected" || rej.Group == stone.Group {
		t.Fatalf("reject: %+v, %v", rej, err)
	}
	if other := findQuote(t, mustQuotes(t, a, nation), "Shockingly untrue"); other.GroupSources != 1 {
		t.Errorf("after rejecting one copy, the other is in %d sources", other.GroupSources)
	}
	// Confirm "Wow", correct the speaker of "Yup", make a scare quote speech.
	if q, err := a.SetQuoteStatus(findQuote(t, tq, "Wow").ID, "confirmed"); err != nil || q.Status != "confirmed" {
		t.Fatalf("confirm: %+v, %v", q, err)
	}
	yup, err := a.SetQuoteSpeaker(findQuote(t, tq, "Yup").ID, "elon musk")
	if err != nil || yup.Speaker != "Elon Musk" || yup.Status != "confirmed" {
		t.Fatalf("set speaker by a differently cased name: %+v, %v", yup, err)
	}
	if _, err := a.SetQuoteStatus(yup.ID, "maybe"); code(err) != CodeInvalid {
		t.Errorf("bad status: %v", err)
	}

	// Extract again from a changed text: the paragraph with "hangout spot"
	// replaced by a longer one, and a mark of Das's post edited.
	r, err := nb.Q.SourceTextGet(t.Context(), tech)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(r.Text, "This is shocking.", "This is shocking!", 1)
	i := strings.Index(text, "hangout spot")
	start := strings.LastIndex(text[:i], "\n\n")
	end := i + strings.Index(text[i:], "\n\n")
	text = text[:start] + "\n\nEditor's note: this article was updated on April 5 to add comment from Meta." + text[end:]
	doc := textextract.Text(text)
	res, err := a.replaceText(tech, doc, quote.Detect(doc.Text, doc.Blocks))
	if err != nil {
		t.Fatal(err)
	}
	if res.Orphans != 1 || res.Moved < 10 || res.Added != 0 {
		t.Errorf("re-extraction: kept %d moved %d orphans %d added %d (want 1 orphan, every other quote moved, none added)", res.Kept, res.Moved, res.Orphans, res.Added)
		for _, q := range mustQuotes(t, a, tech) {
			t.Logf("%d %s %v %q", q.ID, q.Status, q.Orphan, q.Text)
		}
	}
	after := mustQuotes(t, a, tech)
	runes := []rune(doc.Text)
	for _, q := range after {
		if q.Orphan {
			if q.Text != "hangout spot" {
				t.Errorf("orphan %q, want only \"hangout spot\"", q.Text)
			}
			continue
		}
		if got := string(runes[q.Start:q.End]); got != q.Text {
			t.Errorf("quote %d at [%d,%d) reads %q, stored %q", q.ID, q.Start, q.End, got, q.Text)
		}
	}
	if q := findQuote(t, after, "Shockingly untrue"); q.Status != "rejected" {
		t.Errorf("the rejected quote came back as %s", q.Status)
	}
	if q := findQuote(t, after, "This is shocking!"); q.Speaker != "Debarghya (Deedy) Das" {
		t.Errorf("edited quote: %+v", q)
	}
	if q := findQuote(t, after, "Yup"); q.Status != "confirmed" || q.Speaker != "Elon Musk" {
		t.Errorf("corrected quote lost its correction: %+v", q)
	}

	// Placing the orphan by hand brings it back.
	orphan := findQuote(t, after, "hangout spot")
	at := strings.Index(doc.Text, "private messages")
	s := len([]rune(doc.Text[:at]))
	placed, err := a.SetQuoteSpan(orphan.ID, s, s+len("private messages"))
	if err != nil || placed.Orphan || placed.Text != "private messages" {
		t.Fatalf("place the orphan: %+v, %v", placed, err)
	}

	// Extracting the stored original again restores the original text: the
	// quotes move back, and nothing rejected returns.
	res, err = a.ReextractSource(tech)
	if err != nil {
		t.Fatal(err)
	}
	if res.Orphans != 0 || res.Kept+res.Moved != len(after) {
		t.Errorf("re-extraction from the original: %+v", res)
	}
	if q := findQuote(t, mustQuotes(t, a, tech), "Shockingly untrue"); q.Status != "rejected" {
		t.Errorf("the rejected quote came back as %s", q.Status)
	}
	if _, err := a.ReextractSource(999); code(err) != CodeNotFound {
		t.Errorf("missing source: %v", err)
	}
}

func TestManualQuotesAndSpeakers(t *testing.T) {
	a, nb := newApp(t)
	tech, nation := importSeeds(t, a)
	r, _ := nb.Q.SourceTextGet(t.Context(), nation)
	runes := []rune(r.Text)
	span := func(s string) (int, int) {
		i := strings.Index(r.Text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		start := len([]rune(r.Text[:i]))
		return start, start + len([]rune(s))
	}

	// Select a sentence of Stone's statement with its closing mark: the
	// speaker is suggested, the mark left out, and the quote joins the
	// statement's group.
	s, e := span("The agreement allowed people to message their friends on Facebook about what they were watching on Netflix")
	sug, err := a.SuggestSpeaker(nation, s, e)
	if err != nil || sug.Speaker != "Andy Stone" {
		t.Fatalf("suggest: %+v, %v", sug, err)
	}
	q, err := a.CreateQuote(QuoteRequest{SourceID: nation, Start: s - 1, End: e + 1, Speaker: sug.Speaker})
	if err != nil {
		t.Fatal(err)
	}
	if q.Origin != "manual" || q.Status != "confirmed" || q.Speaker != "Andy Stone" || string(runes[q.Start:q.End]) != q.Text || strings.HasSuffix(q.Text, " ") {
		t.Errorf("manual quote: %+v", q)
	}
	if stone := findQuote(t, mustQuotes(t, a, tech), "Shockingly untrue"); stone.Group != q.Group {
		t.Errorf("a part of Stone's statement did not join its group")
	}
	for _, bad := range []QuoteRequest{
		{SourceID: nation, Start: 5, End: 5},
		{SourceID: nation, Start: -1, End: 5},
		{SourceID: nation, Start: 0, End: len(runes) + 1},
		{SourceID: nation, Start: 0, End: 5, Kind: "rumour"},
	} {
		if _, err := a.CreateQuote(bad); code(err) != CodeInvalid {
			t.Errorf("%+v: %v, want invalid", bad, err)
		}
	}
	if _, err := a.CreateQuote(QuoteRequest{SourceID: 999, Start: 0, End: 5}); code(err) != CodeNotFound {
		t.Errorf("missing source: %v", err)
	}

	// Speakers: rename, refuse a clash, merge, split.
	speakers, err := a.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Speaker{}
	for _, sp := range speakers {
		byName[sp.Name] = sp
	}
	filing, document := byName["the court filing"], byName["the court document"]
	if filing.ID == 0 || document.ID == 0 {
		t.Fatalf("speakers: %+v", speakers)
	}
	if _, err := a.UpdateSpeaker(SpeakerUpdate{ID: document.ID, Name: "The Court Filing"}); code(err) != CodeConflict {
		t.Errorf("rename onto another speaker: %v", err)
	}
	merged, err := a.MergeSpeakers(filing.ID, []int64{document.ID})
	if err != nil || merged.Quotes != filing.Quotes+document.Quotes || len(merged.Aliases) != 1 || merged.Aliases[0] != "the court document" {
		t.Fatalf("merge: %+v, %v", merged, err)
	}
	if _, err := a.Speaker(document.ID); code(err) != CodeNotFound {
		t.Errorf("merged speaker still there: %v", err)
	}
	// A quote attributed later to the alias goes to the merged speaker.
	if q, err := a.SetQuoteSpeaker(q.ID, "The court document"); err != nil || q.SpeakerID != filing.ID {
		t.Errorf("alias: %+v, %v", q, err)
	}
	renamed, err := a.UpdateSpeaker(SpeakerUpdate{ID: filing.ID, Name: "  Zuckerberg v. Meta,   complaint ", Role: "court filing"})
	if err != nil || renamed.Name != "Zuckerberg v. Meta, complaint" || renamed.Role != "court filing" {
		t.Errorf("rename: %+v, %v", renamed, err)
	}
	if _, err := a.UpdateSpeaker(SpeakerUpdate{ID: filing.ID, Name: " "}); code(err) != CodeInvalid {
		t.Errorf("empty name: %v", err)
	}
	elon := byName["Elon Musk"]
	quotes, err := a.SpeakerQuotes(elon.ID)
	if err != nil || len(quotes) != 2 {
		t.Fatalf("Elon Musk's quotes: %+v, %v", quotes, err)
	}
	split, err := a.SplitSpeaker(elon.ID, []int64{quotes[1].ID}, "Elon Musk (parody account)")
	if err != nil || split.Quotes != 1 || split.Name != "Elon Musk (parody account)" {
		t.Fatalf("split: %+v, %v", split, err)
	}
	if again, _ := a.Speaker(elon.ID); again.Quotes != 1 {
		t.Errorf("after the split Elon Musk has %d quotes", again.Quotes)
	}
	if _, err := a.SplitSpeaker(elon.ID, []int64{quotes[1].ID}, "Someone"); code(err) != CodeInvalid {
		t.Errorf("splitting a quote the speaker does not have: %v", err)
	}

	// A manual quote is deleted; an automatic one is only rejected.
	if err := a.DeleteQuote(q.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Quote(q.ID); code(err) != CodeNotFound {
		t.Errorf("deleted quote: %v", err)
	}
	wow := findQuote(t, mustQuotes(t, a, tech), "Wow")
	if err := a.DeleteQuote(wow.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Quote(wow.ID); got.Status != "rejected" {
		t.Errorf("deleting an automatic quote: %s, want rejected", got.Status)
	}
}

func TestHighlights(t *testing.T) {
	a, nb := newApp(t)
	tech, _ := importSeeds(t, a)
	r, _ := nb.Q.SourceTextGet(t.Context(), tech)
	i := strings.Index(r.Text, "Netflix paid them")
	s := len([]rune(r.Text[:i]))
	h, err := a.CreateHighlight(HighlightRequest{SourceID: tech, Start: s, End: s + len("Netflix paid them"), Note: " check the $100M figure "})
	if err != nil || h.Text != "Netflix paid them" || h.Note != "check the $100M figure" {
		t.Fatalf("highlight: %+v, %v", h, err)
	}
	if h, err = a.UpdateHighlight(h.ID, "confirmed in the filing"); err != nil || h.Note != "confirmed in the filing" {
		t.Fatalf("update: %+v, %v", h, err)
	}
	// It follows its words when the text moves.
	doc := textextract.Text("A new first paragraph.\n\n" + r.Text)
	if _, err := a.replaceText(tech, doc, nil); err != nil {
		t.Fatal(err)
	}
	hs, err := a.Highlights(tech)
	if err != nil || len(hs) != 1 || hs[0].Start != s+len("A new first paragraph.\n\n") || hs[0].Orphan {
		t.Fatalf("after re-extraction: %+v, %v", hs, err)
	}
	if err := a.DeleteHighlight(h.ID); err != nil {
		t.Fatal(err)
	}
	if hs, _ := a.Highlights(tech); len(hs) != 0 {
		t.Errorf("deleted highlight still listed: %+v", hs)
	}
	if _, err := a.CreateHighlight(HighlightRequest{SourceID: tech, Start: 10, End: 2}); code(err) != CodeInvalid {
		t.Errorf("reversed span: %v", err)
	}
}

// Sources stored before quotes existed (schema v2) get theirs the first
// time quotes are asked for, and deleting a source takes its quotes out of
// the grouping.
func TestQuotesForOldSourcesAndDeletion(t *testing.T) {
	a, nb := newApp(t)
	tech, nation := importSeeds(t, a)
	if _, err := nb.DB.Exec("DELETE FROM quote; DELETE FROM speaker; UPDATE source SET quotes_version = 0"); err != nil {
		t.Fatal(err)
	}
	b := New(nb, a.opts) // a fresh process
	stone := findQuote(t, mustQuotes(t, b, tech), "Shockingly untrue")
	if stone.GroupSources != 2 || stone.Speaker != "Andy Stone" {
		t.Fatalf("detected on first use: %+v", stone)
	}
	if err := b.DeleteSource(nation); err != nil {
		t.Fatal(err)
	}
	if q, _ := b.Quote(stone.ID); q.GroupSources != 1 {
		t.Errorf("after deleting the other source, the statement is in %d sources", q.GroupSources)
	}
	// Importing it again links it again, through the index.
	if _, err := b.ImportFiles([]FileData{{Name: "004.txt", Data: readSeed(t, seedMyNation)}}, 0); err != nil {
		t.Fatal(err)
	}
	if q, _ := b.Quote(stone.ID); q.GroupSources != 2 {
		t.Errorf("after importing it again: %d sources", q.GroupSources)
	}
	var n int
	nb.DB.QueryRow("SELECT count(*) FROM source WHERE quotes_version <> ?", detectorVersion).Scan(&n)
	if n != 0 {
		t.Errorf("%d sources without quotes", n)
	}
	_ = db.KnownVersion
}

// An import that fails after its quotes were linked leaves neither rows nor
// index entries behind: the next import links only to what is stored.
func TestFailedImportUndoesTheIndex(t *testing.T) {
	a, nb := newApp(t)
	tech, _ := importSeeds(t, a)
	if err := a.DeleteSource(tech); err != nil {
		t.Fatal(err)
	}
	story, err := a.CreateStory("Meta and Netflix")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nb.DB.Exec(`CREATE TRIGGER fail BEFORE INSERT ON story_source BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	res, err := a.ImportFiles([]FileData{{Name: "000.txt", Data: readSeed(t, seedTechDogs)}}, story.ID)
	if err != nil || res[0].Error == "" {
		t.Fatalf("import should fail: %+v, %v", res, err)
	}
	var stored int
	nb.DB.QueryRow(`SELECT count(*) FROM quote WHERE status <> 'rejected' AND kind <> 'scare' AND orphan = 0`).Scan(&stored)
	if got := a.quotes.ix.Len(); got != stored {
		t.Errorf("index holds %d quotes, the notebook %d", got, stored)
	}
	nb.DB.Exec(`DROP TRIGGER fail`)
	res, err = a.ImportFiles([]FileData{{Name: "000.txt", Data: readSeed(t, seedTechDogs)}}, story.ID)
	if err != nil || res[0].Error != "" {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if q := findQuote(t, mustQuotes(t, a, res[0].Source.ID), "Shockingly untrue"); q.GroupSources != 2 {
		t.Errorf("Stone's statement in %d sources", q.GroupSources)
	}
}

// A surname alone in one source and the full name in another are one
// speaker, whichever comes first.
func TestSpeakerAcrossSources(t *testing.T) {
	for _, order := range [][]string{{"full", "surname"}, {"surname", "full"}} {
		a, _ := newApp(t)
		texts := map[string]string{
			"full":    "Meta responded.\n\n\"Shockingly untrue,\" said Andy Stone, a spokesman for Meta.",
			"surname": "The company disagreed.\n\n\"We never sold your messages to anyone at all,\" Stone said.",
		}
		for _, k := range order {
			if _, err := a.ImportText(ImportTextRequest{Title: k, Text: texts[k]}); err != nil {
				t.Fatal(err)
			}
		}
		sp, err := a.Speakers()
		if err != nil {
			t.Fatal(err)
		}
		if len(sp) != 1 || sp[0].Name != "Andy Stone" || sp[0].Quotes != 2 || len(sp[0].Aliases) != 1 || sp[0].Aliases[0] != "Stone" {
			t.Errorf("%v: speakers %+v", order, sp)
		}
	}
}

// speakerCountDrift lists the speakers whose stored counts (kept by schema
// v7's triggers) differ from their quotes counted afresh.
func speakerCountDrift(t *testing.T, nb *db.Notebook) []string {
	t.Helper()
	rows, err := nb.DB.Query(`
		SELECT sp.name, sp.quote_count, sp.source_count,
		       (SELECT count(*) FROM quote q WHERE q.speaker_id = sp.id AND q.status <> 'rejected'),
		       (SELECT count(DISTINCT q.source_id) FROM quote q WHERE q.speaker_id = sp.id AND q.status <> 'rejected')
		FROM speaker sp`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		var quotes, sources, wantQuotes, wantSources int
		if err := rows.Scan(&name, &quotes, &sources, &wantQuotes, &wantSources); err != nil {
			t.Fatal(err)
		}
		if quotes != wantQuotes || sources != wantSources {
			out = append(out, fmt.Sprintf("%s: %d quotes in %d sources stored, %d in %d counted", name, quotes, sources, wantQuotes, wantSources))
		}
	}
	return out
}

// The speakers' counts follow every change to quotes: review, attribution,
// manual quotes, merge and split, deleting a source and undoing it,
// extracting again, deleting a speaker.
func TestSpeakerCountsFollowQuotes(t *testing.T) {
	a, nb := newApp(t)
	tech, nation := importSeeds(t, a)
	check := func(step string) {
		t.Helper()
		if drift := speakerCountDrift(t, nb); len(drift) > 0 {
			t.Errorf("after %s:\n%s", step, strings.Join(drift, "\n"))
		}
	}
	check("import")
	qs := mustQuotes(t, a, tech)
	stone := findQuote(t, qs, "Shockingly untrue")
	for _, status := range []string{"rejected", "rejected", "confirmed", "suggested", "rejected", "confirmed"} {
		if _, err := a.SetQuoteStatus(stone.ID, status); err != nil {
			t.Fatal(err)
		}
		check("status " + status)
	}
	if _, err := a.SetQuoteSpeaker(stone.ID, "Someone New"); err != nil {
		t.Fatal(err)
	}
	check("a new speaker")
	if _, err := a.SetQuoteSpeaker(stone.ID, "Andy Stone"); err != nil {
		t.Fatal(err)
	}
	check("back to the speaker")
	r, _ := nb.Q.SourceTextGet(t.Context(), nation)
	i := strings.Index(r.Text, "The agreement allowed people")
	start := len([]rune(r.Text[:i]))
	manual, err := a.CreateQuote(QuoteRequest{SourceID: nation, Start: start, End: start + 28, Speaker: "Andy Stone"})
	if err != nil {
		t.Fatal(err)
	}
	check("a manual quote")
	if err := a.DeleteQuote(manual.ID); err != nil {
		t.Fatal(err)
	}
	check("deleting it")
	speakers, err := a.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Speaker{}
	for _, sp := range speakers {
		byName[sp.Name] = sp
	}
	if _, err := a.MergeSpeakers(byName["the court filing"].ID, []int64{byName["the court document"].ID}); err != nil {
		t.Fatal(err)
	}
	check("a merge")
	elon := byName["Elon Musk"]
	eq, err := a.SpeakerQuotes(elon.ID)
	if err != nil || len(eq) < 2 {
		t.Fatalf("Elon Musk's quotes: %+v, %v", eq, err)
	}
	if _, err := a.SplitSpeaker(elon.ID, []int64{eq[1].ID}, "Elon Musk (parody account)"); err != nil {
		t.Fatal(err)
	}
	check("a split")
	if err := a.DeleteSource(tech); err != nil {
		t.Fatal(err)
	}
	check("deleting a source")
	if _, err := a.Undo(); err != nil {
		t.Fatal(err)
	}
	check("undoing it")
	if _, err := a.ReextractSource(nation); err != nil {
		t.Fatal(err)
	}
	check("extracting again")
	if _, err := nb.DB.Exec(`DELETE FROM speaker WHERE name = 'Andy Stone'`); err != nil {
		t.Fatal(err)
	}
	check("deleting a speaker")
	if got, err := a.Speaker(elon.ID); err != nil || got.Quotes != 1 || got.Sources != 1 {
		t.Errorf("Elon Musk after the split: %+v, %v", got, err)
	}
}
