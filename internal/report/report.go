// Package report renders a comparison of sources as one standalone HTML
// file: styles inline, no scripts, no outside resources, readable offline
// and printable. Everything from the sources is escaped by html/template;
// a Content-Security-Policy forbids scripts even if a reader opens the file
// in a browser that ignores the escaping.
package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
)

// Comparison is what the report shows.
type Comparison struct {
	Title     string // e.g. the story's title; "Comparison" when empty
	Generated string // when the report was made, as shown
	Sources   []Source
	Pairs     []Pair
	// Coverage[i][j] is the share of source i's words source j carries;
	// shown as a grid when there are three sources or more.
	Coverage [][]float64
	// Timeline is the dated events the sources mention, earliest first.
	Timeline []Event
}

// Event is a date the sources mention.
type Event struct {
	Date    string
	Label   string
	Sources []string // the names of the sources stating it
	Other   []string // other dates given for the same thing
}

// Source is one compared source.
type Source struct {
	ID        int64
	Title     string
	Outlet    string
	Published string
	URL       string
}

// Pair compares sources A and B (indexes into Comparison.Sources).
type Pair struct {
	A, B         int
	CoverageA    float64
	CoverageB    float64
	Shared       []Shared
	OnlyA, OnlyB []string
	Quotes       Quotes
	Facts        Facts
}

// Facts compares the facts of a pair: those stated with different values,
// and those only one source states.
type Facts struct {
	Differ       []FactPair
	OnlyA, OnlyB []Fact
}

// FactPair is one fact with the value each source gives.
type FactPair struct{ A, B Fact }

// Fact is a fact as one source states it.
type Fact struct {
	Kind     string // date, number, money, percent, name, role
	Text     string // as written
	Subject  string
	Sentence string
}

// Shared is a passage both carry, with its word differences.
type Shared struct {
	Kind string // same or similar
	A, B string
	Ops  []Op
}

// Op is one step of a word diff: Kind is equal, delete (words only in A),
// insert (only in B) or replace.
type Op struct {
	Kind string
	A, B string
}

// Quotes compares the quotes of a pair.
type Quotes struct {
	Shared       []SharedQuote
	OnlyA, OnlyB []Quote
}

// SharedQuote is one utterance as both sources carry it.
type SharedQuote struct {
	A, B        Quote
	SameWords   bool
	SameSpeaker bool
	Ops         []Op
}

// Quote is a quote's words and speaker.
type Quote struct {
	Text    string
	Speaker string
}

//go:embed report.html.tmpl
var tmplText string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct": func(f float64) string { return fmt.Sprintf("%.0f%%", math.Round(100*f)) },
	"width": func(f float64) template.CSS {
		return template.CSS(fmt.Sprintf("width:%.1f%%", math.Max(0, math.Min(100, 100*f))))
	},
	"heat": func(f float64) template.CSS {
		return template.CSS(fmt.Sprintf("background:rgba(47,111,235,%.2f)", 0.08+0.6*math.Max(0, math.Min(1, f))))
	},
	"name": func(s Source) string {
		if s.Outlet != "" {
			return s.Outlet
		}
		return s.Title
	},
	"speaker": func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "unattributed"
		}
		return s
	},
	"add1": func(i int) int { return i + 1 },
}).Parse(tmplText))

// Render writes the report.
func Render(w io.Writer, c Comparison) error {
	if c.Title == "" {
		c.Title = "Comparison"
	}
	if err := tmpl.Execute(w, c); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
