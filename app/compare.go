package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"

	"sourcebook/internal/align"
	"sourcebook/internal/facts"
	"sourcebook/internal/quote"
	"sourcebook/internal/quotematch"
	"sourcebook/internal/report"
)

// MaxCompare is the most sources one comparison takes.
const MaxCompare = 8

// Compare compares two to eight sources pair by pair: the passages each
// pair shares (wherever they sit in either text) with their word
// differences, the passages only one of them has, and the quotes they share,
// differ on or carry alone.
//
// A comparison of long sources can take a while; [App.CancelCompare] stops
// every comparison in flight, which then fail with a "cancelled" error.
func (a *App) Compare(ids []int64) (Comparison, error) {
	ctx, done := a.compares.start(a.ctx)
	defer done()
	return a.compare(ctx, ids)
}

// CancelCompare stops the comparisons in flight (the UI's Cancel button, or
// leaving the view before the result arrives). It reports how many it
// stopped; stopping none is not an error.
func (a *App) CancelCompare() int {
	return a.compares.cancelAll()
}

// runs tracks work that the user may cancel.
type runs struct {
	mu     sync.Mutex
	next   int
	cancel map[int]context.CancelFunc
}

// start registers a cancellable run derived from parent; done unregisters it.
func (r *runs) start(parent context.Context) (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancel(parent)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel == nil {
		r.cancel = map[int]context.CancelFunc{}
	}
	id := r.next
	r.next++
	r.cancel[id] = cancel
	return ctx, func() {
		r.mu.Lock()
		delete(r.cancel, id)
		r.mu.Unlock()
		cancel()
	}
}

// cancelAll cancels every run in flight and says how many there were.
func (r *runs) cancelAll() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.cancel {
		c()
	}
	return len(r.cancel)
}

// errCancelled is what a cancelled comparison returns.
var errCancelled = &Error{Code: CodeCancelled, Message: "the comparison was cancelled"}

// compare does Compare's work, giving up between pairs once ctx is done.
func (a *App) compare(ctx context.Context, ids []int64) (Comparison, error) {
	if len(ids) < 2 || len(ids) > MaxCompare {
		return Comparison{}, invalid("compare two to %d sources (%d given)", MaxCompare, len(ids))
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			return Comparison{}, invalid("source %d is named twice", id)
		}
		seen[id] = true
	}
	if err := a.ensureQuotes(); err != nil {
		return Comparison{}, err
	}
	type side struct {
		in     align.Input
		quotes []Quote
		facts  []facts.Fact
	}
	sides := make([]side, len(ids))
	out := Comparison{Sources: make([]SourceSummary, len(ids)), Pairs: []ComparePair{}}
	for i, id := range ids {
		r, err := a.nb.Q.SourceTextGet(a.ctx, id)
		if isNoRows(err) {
			return Comparison{}, notFound("source", id)
		} else if err != nil {
			return Comparison{}, a.internal("read the sources", err)
		}
		blocks, err := decodeBlocks(r.Blocks)
		if err != nil {
			return Comparison{}, a.internal("read the sources", err)
		}
		sum, err := a.nb.Q.SourceSummaryGet(a.ctx, id)
		if err != nil {
			return Comparison{}, a.internal("read the sources", err)
		}
		out.Sources[i] = summary(sum)
		qs, err := a.listQuotes(id, 0)
		if err != nil {
			return Comparison{}, err
		}
		var kept []Quote
		for _, q := range qs {
			if q.Status != "rejected" && q.Kind != quote.Scare && !q.Orphan {
				kept = append(kept, q)
			}
		}
		sides[i] = side{align.Input{Text: r.Text, Blocks: blocks}, kept, facts.Extract(r.Text, blocks)}
	}
	type job struct{ i, j int }
	var jobs []job
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			jobs = append(jobs, job{i, j})
		}
	}
	out.Pairs = make([]ComparePair, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for k, jb := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if ctx.Err() != nil {
				return
			}
			res := align.Compare(sides[jb.i].in, sides[jb.j].in)
			p := ComparePair{
				A: ids[jb.i], B: ids[jb.j], CoverageA: res.CoverageA, CoverageB: res.CoverageB,
				Shared: make([]SharedPassage, 0, len(res.Pairs)), OnlyA: spans(res.OnlyA), OnlyB: spans(res.OnlyB),
				Quotes: compareQuotes(sides[jb.i].quotes, sides[jb.j].quotes),
				Facts:  factComparison(facts.Compare(sides[jb.i].facts, sides[jb.j].facts)),
			}
			for _, pr := range res.Pairs {
				p.Shared = append(p.Shared, SharedPassage{
					A: TextSpan(pr.A), B: TextSpan(pr.B), Kind: pr.Kind, Score: pr.Score, Ops: diffOps(pr.Ops),
				})
			}
			out.Pairs[k] = p
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return Comparison{}, errCancelled
	}
	quotes := make([][]Quote, len(sides))
	for i := range sides {
		quotes[i] = sides[i].quotes
	}
	out.Overview = overview(ids, out.Pairs, quotes)
	dated := make([][]facts.Fact, len(sides))
	for i := range sides {
		dated[i] = sides[i].facts
	}
	out.Overview.Timeline = timeline(ids, dated, out.Pairs)
	return out, nil
}

// timeline gathers the dates the sources state into events: mentions of the
// same date are one event, and a date fact that pairs with another source's
// different date (the same thing, dated differently) marks both events.
func timeline(ids []int64, all [][]facts.Fact, pairs []ComparePair) []TimelineEvent {
	byDate := map[string]int{}
	var events []TimelineEvent
	for i, fs := range all {
		for _, f := range fs {
			if f.Kind != facts.Date || strings.HasPrefix(f.Value, "-") {
				continue // a day with no year cannot be placed
			}
			k, ok := byDate[f.Value]
			if !ok {
				k = len(events)
				byDate[f.Value] = k
				label := f.Subject
				if label == "" {
					label = f.Sentence.Text
				}
				events = append(events, TimelineEvent{Date: f.Value, Label: label, Mentions: []TimelineMention{}, Other: []string{}})
			}
			e := &events[k]
			if e.Label == f.Sentence.Text && f.Subject != "" {
				e.Label = f.Subject
			}
			dup := false
			for _, m := range e.Mentions {
				dup = dup || (m.SourceID == ids[i] && m.Start == f.Start)
			}
			if !dup {
				e.Mentions = append(e.Mentions, TimelineMention{SourceID: ids[i], Text: f.Text, Sentence: f.Sentence.Text, Start: f.Start})
			}
		}
	}
	addOther := func(date, other, subject string) {
		k, ok := byDate[date]
		if !ok || date == other {
			return
		}
		e := &events[k]
		if !slices.Contains(e.Other, other) {
			e.Other = append(e.Other, other)
		}
		// An event labelled by its whole sentence takes the subject the
		// other source's date gives: both are about one thing.
		if subject != "" && slices.ContainsFunc(e.Mentions, func(m TimelineMention) bool { return m.Sentence == e.Label }) {
			e.Label = subject
		}
	}
	for _, p := range pairs {
		for _, d := range p.Facts.Differ {
			if d.A.Kind == facts.Date && d.B.Kind == facts.Date {
				subject := cmp.Or(d.A.Subject, d.B.Subject)
				addOther(d.A.Value, d.B.Value, subject)
				addOther(d.B.Value, d.A.Value, subject)
			}
		}
	}
	sort.SliceStable(events, func(a, b int) bool { return events[a].Date < events[b].Date })
	if events == nil {
		events = []TimelineEvent{}
	}
	return events
}

// overview puts the pairs' coverage in one matrix and lists which source
// carries which utterance.
func overview(ids []int64, pairs []ComparePair, quotes [][]Quote) Overview {
	n := len(ids)
	pos := map[int64]int{}
	for i, id := range ids {
		pos[id] = i
	}
	ov := Overview{Coverage: make([][]float64, n), Quotes: []OverviewQuote{}}
	for i := range ov.Coverage {
		ov.Coverage[i] = make([]float64, n)
		ov.Coverage[i][i] = 1
	}
	for _, p := range pairs {
		i, j := pos[p.A], pos[p.B]
		ov.Coverage[i][j], ov.Coverage[j][i] = p.CoverageA, p.CoverageB
	}
	byGroup := map[string]int{}
	for i, qs := range quotes {
		for _, q := range qs {
			k, ok := byGroup[q.Group]
			if !ok {
				k = len(ov.Quotes)
				byGroup[q.Group] = k
				ov.Quotes = append(ov.Quotes, OverviewQuote{Group: q.Group, Text: q.Text, Speaker: q.Speaker, Sources: []int64{}})
			}
			o := &ov.Quotes[k]
			if len([]rune(q.Text)) > len([]rune(o.Text)) {
				o.Text = q.Text
			}
			if len(o.Sources) == 0 || o.Sources[len(o.Sources)-1] != ids[i] {
				o.Sources = append(o.Sources, ids[i])
			}
		}
	}
	sort.SliceStable(ov.Quotes, func(a, b int) bool { return len(ov.Quotes[a].Sources) > len(ov.Quotes[b].Sources) })
	return ov
}

func factComparison(c facts.Comparison) FactComparison {
	pairs := func(ps []facts.FactPair) []FactPair {
		out := make([]FactPair, len(ps))
		for i, p := range ps {
			out[i] = FactPair{A: factView(p.A), B: factView(p.B), Score: p.Score}
		}
		return out
	}
	list := func(fs []facts.Fact) []Fact {
		out := make([]Fact, len(fs))
		for i, f := range fs {
			out[i] = factView(f)
		}
		return out
	}
	return FactComparison{Agree: pairs(c.Agree), Differ: pairs(c.Differ), OnlyA: list(c.OnlyA), OnlyB: list(c.OnlyB)}
}

func factView(f facts.Fact) Fact {
	return Fact{Kind: f.Kind, Value: f.Value, Unit: f.Unit, Text: f.Text, Start: f.Start, End: f.End,
		Sentence: TextSpan(f.Sentence), Subject: f.Subject}
}

func spans(ss []align.Span) []TextSpan {
	out := make([]TextSpan, len(ss))
	for i, s := range ss {
		out[i] = TextSpan(s)
	}
	return out
}

func diffOps(ops []quotematch.Op) []DiffOp {
	out := make([]DiffOp, len(ops))
	for i, op := range ops {
		out[i] = DiffOp{Kind: op.Kind, A: strings.Join(op.A, " "), B: strings.Join(op.B, " ")}
	}
	return out
}

// compareQuotes compares the quotes of two sources through their groups.
func compareQuotes(qa, qb []Quote) QuoteComparison {
	longest := func(qs []Quote) (map[string]Quote, []string) {
		m := map[string]Quote{}
		var order []string
		for _, q := range qs {
			cur, ok := m[q.Group]
			if !ok {
				order = append(order, q.Group)
			}
			if !ok || len([]rune(q.Text)) > len([]rune(cur.Text)) {
				m[q.Group] = q
			}
		}
		return m, order
	}
	ga, orderA := longest(qa)
	gb, orderB := longest(qb)
	c := QuoteComparison{
		Shared: []SharedQuote{}, Differing: []SharedQuote{}, OnlyA: []Quote{}, OnlyB: []Quote{},
		SpeakersA: speakerNames(qa), SpeakersB: speakerNames(qb),
	}
	for _, g := range orderA {
		a := ga[g]
		b, ok := gb[g]
		if !ok {
			c.OnlyA = append(c.OnlyA, a)
			continue
		}
		rel, _ := quotematch.Compare(a.Text, b.Text)
		s := SharedQuote{
			A: a, B: b, Relation: string(rel), SameWords: rel == quotematch.Same,
			SameSpeaker: a.SpeakerID == b.SpeakerID, Ops: diffOps(quotematch.Diff(a.Text, b.Text)),
		}
		c.Shared = append(c.Shared, s)
		if !s.SameWords || !s.SameSpeaker {
			c.Differing = append(c.Differing, s)
		}
	}
	for _, g := range orderB {
		if _, ok := ga[g]; !ok {
			c.OnlyB = append(c.OnlyB, gb[g])
		}
	}
	return c
}

// speakerNames lists who the quotes are attributed to, most quoted first.
func speakerNames(qs []Quote) []string {
	n := map[string]int{}
	for _, q := range qs {
		name := q.Speaker
		if name == "" {
			name = "unattributed"
		}
		n[name]++
	}
	names := make([]string, 0, len(n))
	for k := range n {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if n[names[i]] != n[names[j]] {
			return n[names[i]] > n[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

// CompareReport renders the comparison of the sources as one standalone
// HTML file (styles inline, no scripts), for saving, sharing and printing.
func (a *App) CompareReport(ids []int64) (string, error) {
	c, err := a.Compare(ids)
	if err != nil {
		return "", err
	}
	r := report.Comparison{
		Title:     fmt.Sprintf("%d sources compared", len(c.Sources)),
		Generated: a.opts.Now().Format("2 January 2006"),
		Coverage:  c.Overview.Coverage,
	}
	names := map[int64]string{}
	for _, s := range c.Sources {
		names[s.ID] = s.Outlet
		if names[s.ID] == "" {
			names[s.ID] = s.Title
		}
	}
	for _, e := range c.Overview.Timeline {
		ev := report.Event{Date: e.Date, Label: e.Label, Other: e.Other}
		for _, m := range e.Mentions {
			if !slices.Contains(ev.Sources, names[m.SourceID]) {
				ev.Sources = append(ev.Sources, names[m.SourceID])
			}
		}
		r.Timeline = append(r.Timeline, ev)
	}
	pos := map[int64]int{}
	for i, s := range c.Sources {
		pos[s.ID] = i
		url := ""
		if full, err := a.nb.Q.SourceGet(a.ctx, s.ID); err == nil {
			url = full.URL
		}
		r.Sources = append(r.Sources, report.Source{ID: s.ID, Title: s.Title, Outlet: s.Outlet, Published: s.Published, URL: url})
	}
	for _, p := range c.Pairs {
		rp := report.Pair{A: pos[p.A], B: pos[p.B], CoverageA: p.CoverageA, CoverageB: p.CoverageB}
		for _, s := range p.Shared {
			rp.Shared = append(rp.Shared, report.Shared{Kind: s.Kind, A: s.A.Text, B: s.B.Text, Ops: reportOps(s.Ops)})
		}
		for _, s := range p.OnlyA {
			rp.OnlyA = append(rp.OnlyA, s.Text)
		}
		for _, s := range p.OnlyB {
			rp.OnlyB = append(rp.OnlyB, s.Text)
		}
		rf := func(f Fact) report.Fact {
			return report.Fact{Kind: f.Kind, Text: f.Text, Subject: f.Subject, Sentence: f.Sentence.Text}
		}
		for _, d := range p.Facts.Differ {
			rp.Facts.Differ = append(rp.Facts.Differ, report.FactPair{A: rf(d.A), B: rf(d.B)})
		}
		for _, f := range p.Facts.OnlyA {
			rp.Facts.OnlyA = append(rp.Facts.OnlyA, rf(f))
		}
		for _, f := range p.Facts.OnlyB {
			rp.Facts.OnlyB = append(rp.Facts.OnlyB, rf(f))
		}
		for _, q := range p.Quotes.Shared {
			rp.Quotes.Shared = append(rp.Quotes.Shared, report.SharedQuote{
				A: report.Quote{Text: q.A.Text, Speaker: q.A.Speaker}, B: report.Quote{Text: q.B.Text, Speaker: q.B.Speaker},
				SameWords: q.SameWords, SameSpeaker: q.SameSpeaker, Ops: reportOps(q.Ops),
			})
		}
		for _, q := range p.Quotes.OnlyA {
			rp.Quotes.OnlyA = append(rp.Quotes.OnlyA, report.Quote{Text: q.Text, Speaker: q.Speaker})
		}
		for _, q := range p.Quotes.OnlyB {
			rp.Quotes.OnlyB = append(rp.Quotes.OnlyB, report.Quote{Text: q.Text, Speaker: q.Speaker})
		}
		r.Pairs = append(r.Pairs, rp)
	}
	var b strings.Builder
	if err := report.Render(&b, r); err != nil {
		return "", a.internal("write the report", err)
	}
	return b.String(), nil
}

// SaveCompareReport asks where to save the comparison report (the window's
// save dialog) and writes it there. It returns the path, or "" when the user
// cancelled. Only the window can ask; elsewhere use CompareReport.
func (a *App) SaveCompareReport(ids []int64) (string, error) {
	if a.saveDialog == nil {
		return "", invalid("saving needs the Sourcebook window; use the report's download instead")
	}
	html, err := a.CompareReport(ids)
	if err != nil {
		return "", err
	}
	path, err := a.saveDialog("Save the comparison report", "comparison.html")
	if err != nil {
		return "", a.internal("open the save dialog", err)
	}
	if path == "" {
		return "", nil
	}
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		return "", &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: could not save the report: %v", path, errors.Unwrap(err)), Err: err}
	}
	return path, nil
}

// SetSaveDialog gives a the window's save dialog: it asks the user for a
// path (title and default file name given) and returns "" on cancel. It is
// a function, not a method, so that it is not part of the UI's API.
func SetSaveDialog(a *App, dialog func(title, defaultName string) (string, error)) {
	a.saveDialog = dialog
}

func reportOps(ops []DiffOp) []report.Op {
	out := make([]report.Op, len(ops))
	for i, op := range ops {
		out[i] = report.Op(op)
	}
	return out
}
