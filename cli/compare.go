package cli

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"sourcebook/app"
)

// The JSON `sourcebook compare --json` prints.
type (
	compareJSON struct {
		Sources  []sourceJSON      `json:"sources"`
		Pairs    []comparePairJSON `json:"pairs"`
		Overview *overviewJSON     `json:"overview,omitempty"` // for three or more sources
	}
	overviewJSON struct {
		// Coverage maps a source id to the share of its words each other
		// source (by id) carries.
		Coverage map[string]map[string]float64 `json:"coverage"`
		Quotes   []overviewQuoteJSON           `json:"quotes"`   // carried by most sources first
		Timeline []app.TimelineEvent           `json:"timeline"` // dated events, earliest first
	}
	overviewQuoteJSON struct {
		Group   string  `json:"group"`
		Text    string  `json:"text"`
		Speaker string  `json:"speaker"`
		Sources []int64 `json:"sources"`
	}
	comparePairJSON struct {
		A        int64                 `json:"a"`
		B        int64                 `json:"b"`
		Coverage map[string]float64    `json:"coverage"` // keyed by source id: share of its words the other carries
		Shared   []sharedJSON          `json:"shared"`
		Only     map[string][]spanJSON `json:"only"` // keyed by source id
		Quotes   quotesCompareJSON     `json:"quotes"`
		// Facts are the dates, numbers, amounts, names and roles either
		// source states: agreeing, differing, then those only one states.
		Facts []factJSON `json:"facts"`
	}
	factJSON struct {
		Kind    string            `json:"kind"`
		Subject string            `json:"subject,omitempty"`
		Values  map[string]string `json:"values"` // keyed by source id; one key when only one source states it
		Texts   map[string]string `json:"texts"`  // as written, keyed by source id
		Agree   bool              `json:"agree"`
	}
	spanJSON struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	sharedJSON struct {
		Kind  string     `json:"kind"` // same or similar
		Score float64    `json:"score"`
		A     spanJSON   `json:"a"`
		B     spanJSON   `json:"b"`
		Diff  []diffJSON `json:"diff"` // word differences: a holds A's words, b B's
	}
	diffJSON struct {
		Op string `json:"op"` // equal, delete, insert, replace
		A  string `json:"a,omitempty"`
		B  string `json:"b,omitempty"`
	}
	quoteBriefJSON struct {
		ID       int64  `json:"id"`
		SourceID int64  `json:"source_id"`
		Text     string `json:"text"`
		Speaker  string `json:"speaker"`
		Group    string `json:"group"`
	}
	sharedQuoteJSON struct {
		A           quoteBriefJSON `json:"a"`
		B           quoteBriefJSON `json:"b"`
		SameWords   bool           `json:"same_words"`
		SameSpeaker bool           `json:"same_speaker"`
		Diff        []diffJSON     `json:"diff"`
	}
	quotesCompareJSON struct {
		Shared    []sharedQuoteJSON           `json:"shared"`
		Differing []sharedQuoteJSON           `json:"differing"` // shared, with other words or another speaker
		Only      map[string][]quoteBriefJSON `json:"only"`      // keyed by source id
		Speakers  map[string][]string         `json:"speakers"`  // keyed by source id, most quoted first
	}
)

func (c *command) compareCmd(args []string) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	htmlOut := fs.String("html", "", "write a standalone HTML report to this file (- for standard output)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("compare: %v", err)
	}
	if len(rest) < 2 {
		return c.usagef("compare: give two or more source IDs (see 'sourcebook sources')")
	}
	ids := make([]int64, len(rest))
	for i, s := range rest {
		if ids[i], err = strconv.ParseInt(s, 10, 64); err != nil || ids[i] <= 0 {
			return c.usagef("compare: %q is not a source ID", s)
		}
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	if *htmlOut != "" {
		html, err := a.CompareReport(ids)
		if err != nil {
			return c.errorf("%s", userMessage(err))
		}
		if *htmlOut == "-" {
			fmt.Fprint(c.env.Stdout, html)
			return ExitOK
		}
		if err := os.WriteFile(*htmlOut, []byte(html), 0o644); err != nil {
			return c.errorf("%s: %s", *htmlOut, fileMessage(err))
		}
		fmt.Fprintf(c.env.Stdout, "Wrote the comparison report to %s.\n", *htmlOut)
		return ExitOK
	}
	cmp, err := a.Compare(ids)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(compareToJSON(cmp))
		return ExitOK
	}
	title := map[int64]string{}
	for _, s := range cmp.Sources {
		title[s.ID] = fmt.Sprintf("%d %s", s.ID, excerpt(dash(s.Outlet)+": "+s.Title, 60))
	}
	for _, p := range cmp.Pairs {
		fmt.Fprintf(c.env.Stdout, "%s\n  vs %s\n", title[p.A], title[p.B])
		fmt.Fprintf(c.env.Stdout, "  %d shared passages; %.0f%% of %d and %.0f%% of %d shared; %d and %d passages only one has\n",
			len(p.Shared), 100*p.CoverageA, p.A, 100*p.CoverageB, p.B, len(p.OnlyA), len(p.OnlyB))
		fmt.Fprintf(c.env.Stdout, "  quotes: %d shared (%d differ), %d only in %d, %d only in %d\n",
			len(p.Quotes.Shared), len(p.Quotes.Differing), len(p.Quotes.OnlyA), p.A, len(p.Quotes.OnlyB), p.B)
		fmt.Fprintf(c.env.Stdout, "  facts: %d agree, %d differ, %d only in %d, %d only in %d\n",
			len(p.Facts.Agree), len(p.Facts.Differ), len(p.Facts.OnlyA), p.A, len(p.Facts.OnlyB), p.B)
		for _, d := range p.Facts.Differ {
			fmt.Fprintf(c.env.Stdout, "  differs: %s %q vs %q (%s)\n", d.A.Kind, d.A.Text, d.B.Text, dash(d.A.Subject))
		}
		for _, s := range p.Shared {
			fmt.Fprintf(c.env.Stdout, "  %-7s %s\n", s.Kind, excerpt(s.A.Text, 90))
		}
		fmt.Fprintln(c.env.Stdout)
	}
	return ExitOK
}

func compareToJSON(cmp app.Comparison) compareJSON {
	out := compareJSON{Sources: make([]sourceJSON, 0, len(cmp.Sources)), Pairs: make([]comparePairJSON, 0, len(cmp.Pairs))}
	for _, s := range cmp.Sources {
		out.Sources = append(out.Sources, toJSON(s))
	}
	for _, p := range cmp.Pairs {
		a, b := strconv.FormatInt(p.A, 10), strconv.FormatInt(p.B, 10)
		pj := comparePairJSON{
			A: p.A, B: p.B,
			Coverage: map[string]float64{a: p.CoverageA, b: p.CoverageB},
			Shared:   []sharedJSON{},
			Only:     map[string][]spanJSON{a: spansJSON(p.OnlyA), b: spansJSON(p.OnlyB)},
			Quotes: quotesCompareJSON{
				Shared: sharedQuotesJSON(p.Quotes.Shared), Differing: sharedQuotesJSON(p.Quotes.Differing),
				Only:     map[string][]quoteBriefJSON{a: briefs(p.Quotes.OnlyA), b: briefs(p.Quotes.OnlyB)},
				Speakers: map[string][]string{a: p.Quotes.SpeakersA, b: p.Quotes.SpeakersB},
			},
		}
		pj.Facts = factsJSON(p.Facts, a, b)
		for _, s := range p.Shared {
			pj.Shared = append(pj.Shared, sharedJSON{Kind: s.Kind, Score: s.Score, A: spanJSON(s.A), B: spanJSON(s.B), Diff: diffsJSON(s.Ops)})
		}
		out.Pairs = append(out.Pairs, pj)
	}
	if len(cmp.Sources) >= 3 {
		ov := &overviewJSON{Coverage: map[string]map[string]float64{}, Quotes: []overviewQuoteJSON{}}
		for i, s := range cmp.Sources {
			row := map[string]float64{}
			for j, t := range cmp.Sources {
				if i != j {
					row[strconv.FormatInt(t.ID, 10)] = cmp.Overview.Coverage[i][j]
				}
			}
			ov.Coverage[strconv.FormatInt(s.ID, 10)] = row
		}
		for _, q := range cmp.Overview.Quotes {
			ov.Quotes = append(ov.Quotes, overviewQuoteJSON(q))
		}
		ov.Timeline = cmp.Overview.Timeline
		out.Overview = ov
	}
	return out
}

func factsJSON(fc app.FactComparison, a, b string) []factJSON {
	out := []factJSON{}
	pair := func(p app.FactPair, agree bool) {
		subject := p.A.Subject
		if subject == "" {
			subject = p.B.Subject
		}
		out = append(out, factJSON{Kind: p.A.Kind, Subject: subject, Agree: agree,
			Values: map[string]string{a: p.A.Value, b: p.B.Value}, Texts: map[string]string{a: p.A.Text, b: p.B.Text}})
	}
	for _, p := range fc.Agree {
		pair(p, true)
	}
	for _, p := range fc.Differ {
		pair(p, false)
	}
	one := func(fs []app.Fact, id string) {
		for _, f := range fs {
			out = append(out, factJSON{Kind: f.Kind, Subject: f.Subject, Values: map[string]string{id: f.Value}, Texts: map[string]string{id: f.Text}})
		}
	}
	one(fc.OnlyA, a)
	one(fc.OnlyB, b)
	return out
}

func spansJSON(ss []app.TextSpan) []spanJSON {
	out := make([]spanJSON, len(ss))
	for i, s := range ss {
		out[i] = spanJSON(s)
	}
	return out
}

func diffsJSON(ops []app.DiffOp) []diffJSON {
	out := make([]diffJSON, len(ops))
	for i, op := range ops {
		out[i] = diffJSON{Op: op.Kind, A: op.A, B: op.B}
	}
	return out
}

func brief(q app.Quote) quoteBriefJSON {
	return quoteBriefJSON{ID: q.ID, SourceID: q.SourceID, Text: q.Text, Speaker: q.Speaker, Group: q.Group}
}

func briefs(qs []app.Quote) []quoteBriefJSON {
	out := make([]quoteBriefJSON, len(qs))
	for i, q := range qs {
		out[i] = brief(q)
	}
	return out
}

func sharedQuotesJSON(ss []app.SharedQuote) []sharedQuoteJSON {
	out := make([]sharedQuoteJSON, len(ss))
	for i, s := range ss {
		out[i] = sharedQuoteJSON{A: brief(s.A), B: brief(s.B), SameWords: s.SameWords, SameSpeaker: s.SameSpeaker, Diff: diffsJSON(s.Ops)}
	}
	return out
}
