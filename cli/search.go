package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"sourcebook/app"
)

// hitJSON is a hit as `sourcebook search --json` prints it.
type hitJSON struct {
	Kind        string `json:"kind"` // source, quote, speaker or note
	ID          int64  `json:"id"`
	SourceID    int64  `json:"source_id"` // the source of a quote or note; 0 for none
	Title       string `json:"title"`
	Speaker     string `json:"speaker,omitempty"`      // a quote's speaker
	SourceTitle string `json:"source_title,omitempty"` // a quote's or note's source
	Outlet      string `json:"outlet"`
	Published   string `json:"published"`
	// Snippet is plain text; Matches are the [start, end) ranges, in code
	// points of Snippet, of the words that matched.
	Snippet string  `json:"snippet"`
	Matches [][]int `json:"matches"`
	Score   float64 `json:"score"` // lower is better (bm25); 0 for a list
}

// kindList is the value of --kind: repeated, or separated by commas.
type kindList []string

func (k *kindList) String() string { return strings.Join(*k, ",") }

func (k *kindList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*k = append(*k, s)
		}
	}
	return nil
}

// kindTitles head the groups of the text output.
var kindTitles = map[string]string{"source": "Sources", "quote": "Quotes", "speaker": "Speakers", "note": "Notes"}

func (c *command) searchCmd(args []string) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	var req app.SearchRequest
	var kinds kindList
	fs.Var(&kinds, "kind", "source, quote, speaker or note (repeat or separate with commas)")
	fs.Int64Var(&req.StoryID, "story", 0, "only what belongs to this story")
	fs.StringVar(&req.Tag, "tag", "", "only what carries this tag")
	fs.Int64Var(&req.SpeakerID, "speaker", 0, "only what concerns this speaker")
	fs.StringVar(&req.Outlet, "outlet", "", "only sources of this outlet, and their quotes and notes")
	fs.StringVar(&req.From, "from", "", "only sources published on or after this date (2024, 2024-04, 2024-04-03)")
	fs.StringVar(&req.To, "to", "", "only sources published on or before this date")
	fs.IntVar(&req.Limit, "limit", 0, "hits per kind (default 20, at most 200)")
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("search: %v", err)
	}
	req.Query = strings.Join(rest, " ")
	req.Kinds = kinds
	if strings.TrimSpace(req.Query) == "" && req.StoryID == 0 && req.Tag == "" && req.SpeakerID == 0 &&
		req.Outlet == "" && req.From == "" && req.To == "" {
		return c.usagef("search: give a query, or a filter to list what it selects")
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	res, err := a.SearchAll(req)
	if err != nil {
		var ae *app.Error
		if errors.As(err, &ae) && ae.Code == app.CodeInvalid {
			return c.usagef("search: %s", ae.Message)
		}
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		out := make([]hitJSON, 0, len(res.Hits))
		for _, h := range res.Hits {
			text, matches := plainSnippet(h.Snippet)
			out = append(out, hitJSON{
				Kind: h.Kind, ID: h.ID, SourceID: h.SourceID, Title: h.Title, Speaker: h.Speaker,
				SourceTitle: h.SourceTitle, Outlet: h.Outlet, Published: h.Published,
				Snippet: text, Matches: matches, Score: h.Score,
			})
		}
		c.printJSON(out)
		return ExitOK
	}
	if len(res.Hits) == 0 {
		if req.Query != "" {
			fmt.Fprintf(c.env.Stdout, "No results for %q.\n", req.Query)
		} else {
			fmt.Fprintln(c.env.Stdout, "Nothing matches these filters.")
		}
		return ExitOK
	}
	first := true
	for _, g := range res.Groups {
		if len(g.Hits) == 0 {
			continue
		}
		if !first {
			fmt.Fprintln(c.env.Stdout)
		}
		first = false
		count := fmt.Sprint(g.Total)
		if g.More {
			count = fmt.Sprintf("%d of %d", len(g.Hits), g.Total)
		}
		fmt.Fprintf(c.env.Stdout, "%s (%s)\n", kindTitles[g.Kind], count)
		for _, h := range g.Hits {
			var meta []string
			switch {
			case h.Kind == "source":
				for _, m := range []string{h.Outlet, h.Published} {
					if m != "" {
						meta = append(meta, m)
					}
				}
			case h.SourceID != 0:
				meta = append(meta, fmt.Sprintf("source %d", h.SourceID))
			}
			line := fmt.Sprintf("%d  %s", h.ID, flatten(h.Title))
			if len(meta) > 0 {
				line += "  (" + strings.Join(meta, ", ") + ")"
			}
			fmt.Fprintf(c.env.Stdout, "  %s\n", line)
			if len(h.Snippet) > 0 {
				var b strings.Builder
				for _, seg := range h.Snippet {
					if seg.Match {
						b.WriteString("[" + seg.Text + "]")
					} else {
						b.WriteString(seg.Text)
					}
				}
				fmt.Fprintf(c.env.Stdout, "      %s\n", flatten(b.String()))
			}
		}
	}
	return ExitOK
}

// plainSnippet returns a snippet's text and the ranges, in code points, of
// its matching words.
func plainSnippet(segs []app.Segment) (string, [][]int) {
	var b strings.Builder
	matches := [][]int{}
	pos := 0
	for _, seg := range segs {
		n := len([]rune(seg.Text))
		if seg.Match {
			matches = append(matches, []int{pos, pos + n})
		}
		pos += n
		b.WriteString(seg.Text)
	}
	return b.String(), matches
}

// flatten puts text on one line, its runs of spaces and line breaks made
// single spaces.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }
