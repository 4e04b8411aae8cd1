package cli

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"sourcebook/app"
)

// quoteRowJSON is a quote as `sourcebook quotes --json` prints it.
type quoteRowJSON struct {
	ID           int64  `json:"id"`
	SourceID     int64  `json:"source_id"`
	Text         string `json:"text"`
	Start        int    `json:"start"` // code points into the source's text
	End          int    `json:"end"`
	Speaker      string `json:"speaker"` // the resolved name; "" when unknown
	SpeakerID    int64  `json:"speaker_id"`
	SpeakerText  string `json:"speaker_as_written"`
	Cue          string `json:"cue"`
	Kind         string `json:"kind"`   // direct, partial, block or scare
	Status       string `json:"status"` // suggested, confirmed or rejected
	Origin       string `json:"origin"` // auto or manual
	Group        string `json:"group"`  // shared by every occurrence of the same utterance
	GroupSources int64  `json:"group_sources"`
	Orphan       bool   `json:"orphan"`
}

func (c *command) quotesCmd(args []string) int {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	source := fs.Int64("source", 0, "only the quotes of this source")
	speaker := fs.Int64("speaker", 0, "only the quotes of this speaker")
	all := fs.Bool("all", false, "include rejected quotes and scare quotes")
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("quotes: %v", err)
	}
	if len(rest) > 0 {
		return c.usagef("quotes: unexpected argument %q", rest[0])
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	var qs []app.Quote
	if *speaker != 0 {
		qs, err = a.SpeakerQuotes(*speaker)
	} else {
		qs, err = a.Quotes(*source)
	}
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	out := make([]quoteRowJSON, 0, len(qs))
	for _, q := range qs {
		if (*source != 0 && q.SourceID != *source) || (!*all && (q.Status == "rejected" || q.Kind == "scare")) {
			continue
		}
		out = append(out, quoteRowJSON{
			ID: q.ID, SourceID: q.SourceID, Text: q.Text, Start: q.Start, End: q.End,
			Speaker: q.Speaker, SpeakerID: q.SpeakerID, SpeakerText: q.SpeakerText, Cue: q.Cue,
			Kind: q.Kind, Status: q.Status, Origin: q.Origin, Group: q.Group, GroupSources: q.GroupSources, Orphan: q.Orphan,
		})
	}
	if *jsonOut {
		c.printJSON(out)
		return ExitOK
	}
	if len(out) == 0 {
		fmt.Fprintln(c.env.Stdout, "No quotes.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSOURCE\tSTATUS\tKIND\tSOURCES\tSPEAKER\tTEXT")
	for _, q := range out {
		status := q.Status
		if q.Orphan {
			status += " (unplaced)"
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%d\t%s\t%s\n", q.ID, q.SourceID, status, q.Kind, q.GroupSources, dash(q.Speaker), excerpt(q.Text, 70))
	}
	tw.Flush()
	return ExitOK
}

func (c *command) speakersCmd(args []string) int {
	fs := flag.NewFlagSet("speakers", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("speakers: %v", err)
	}
	if len(rest) > 0 {
		return c.usagef("speakers: unexpected argument %q", rest[0])
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	sp, err := a.Speakers()
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(sp)
		return ExitOK
	}
	if len(sp) == 0 {
		fmt.Fprintln(c.env.Stdout, "No speakers yet.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tQUOTES\tSOURCES\tNAME\tROLE\tALIASES")
	for _, s := range sp {
		role := strings.Trim(strings.Join([]string{s.Role, s.Affiliation}, ", "), ", ")
		fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s\t%s\n", s.ID, s.Quotes, s.Sources, s.Name, dash(role), dash(strings.Join(s.Aliases, "; ")))
	}
	tw.Flush()
	return ExitOK
}

func (c *command) reextractCmd(args []string) int {
	fs := flag.NewFlagSet("reextract", flag.ContinueOnError)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("reextract: %v", err)
	}
	id, code := c.oneID("reextract", rest)
	if code != ExitOK {
		return code
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	res, err := a.ReextractSource(id)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	fmt.Fprintf(c.env.Stdout, "Extracted source %d, %q, again: %d quotes and highlights in place, %d moved, %d could not be placed, %d new quotes.\n",
		id, res.Source.Title, res.Kept, res.Moved, res.Orphans, res.Added)
	return ExitOK
}

// excerpt shortens s to at most n code points on one line.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
