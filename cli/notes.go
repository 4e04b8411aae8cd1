package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"sourcebook/app"
)

// notesCmd lists notes: `sourcebook notes [--tag NAME] [--source ID]
// [--story ID] [--speaker ID] [--json]`.
func (c *command) notesCmd(args []string) int {
	fs := flag.NewFlagSet("notes", flag.ContinueOnError)
	tag := fs.String("tag", "", "only notes with this tag")
	source := fs.Int64("source", 0, "only notes on this source (or its passages)")
	story := fs.Int64("story", 0, "only notes on this story")
	speaker := fs.Int64("speaker", 0, "only notes on this speaker")
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("notes: %v", err)
	}
	if len(rest) > 0 {
		return c.usagef("notes: unexpected argument %q", rest[0])
	}
	f := app.NoteFilter{Tag: *tag, Limit: 1000}
	for _, t := range []struct {
		kind string
		id   int64
	}{{"source", *source}, {"story", *story}, {"speaker", *speaker}} {
		if t.id != 0 {
			if f.Kind != "" {
				return c.usagef("notes: give one of --source, --story and --speaker")
			}
			f.Kind, f.ID = t.kind, t.id
		}
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	notes, err := a.Notes(f)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(notes)
		return ExitOK
	}
	if len(notes) == 0 {
		fmt.Fprintln(c.env.Stdout, "No notes.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tMODIFIED\tON\tTAGS\tTITLE")
	for _, n := range notes {
		on := make([]string, 0, len(n.Attached))
		for _, t := range n.Attached {
			on = append(on, t.Kind+" "+strconv.FormatInt(t.ID, 10))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", n.ID, n.ModifiedAt, strings.Join(on, ", "), strings.Join(n.Tags, ", "), excerpt(n.Title, 60))
	}
	tw.Flush()
	return ExitOK
}

// noteCmd shows a note (`note ID [--json]`) or writes one (`note new
// [--source ID|--story ID|--speaker ID|--quote ID] [--tag NAME]... TEXT|-`).
func (c *command) noteCmd(args []string) int {
	if len(args) > 0 && args[0] == "new" {
		return c.noteNew(args[1:])
	}
	fs := flag.NewFlagSet("note", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("note: %v", err)
	}
	if len(rest) != 1 {
		return c.usagef("note: give one note id, or `note new TEXT`")
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id <= 0 {
		return c.usagef("note: %q is not a note id", rest[0])
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	n, err := a.Note(id)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(n)
		return ExitOK
	}
	c.printNote(n)
	return ExitOK
}

func (c *command) noteNew(args []string) int {
	fs := flag.NewFlagSet("note new", flag.ContinueOnError)
	var tags multiFlag
	fs.Var(&tags, "tag", "a tag for the note (repeat for more)")
	targets := map[string]*int64{}
	for _, k := range []string{"source", "story", "speaker", "quote"} {
		targets[k] = fs.Int64(k, 0, "attach the note to this "+k)
	}
	jsonOut := fs.Bool("json", false, "print the note as JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("note new: %v", err)
	}
	if len(rest) != 1 {
		return c.usagef("note new: give the note's text as one argument, or - to read it from standard input")
	}
	body := rest[0]
	if body == "-" {
		data, err := io.ReadAll(io.LimitReader(c.env.Stdin, 2<<20))
		if err != nil {
			return c.errorf("note new: reading standard input: %v", err)
		}
		body = string(data)
	}
	req := app.NoteRequest{Body: body, Tags: tags}
	for k, id := range targets {
		if *id == 0 {
			continue
		}
		if req.Attach != nil {
			return c.usagef("note new: attach the note to one thing at most")
		}
		req.Attach = &app.NoteTarget{Kind: k, ID: *id}
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	n, err := a.CreateNote(req)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(n)
		return ExitOK
	}
	fmt.Fprintf(c.env.Stdout, "note %d saved: %s\n", n.ID, excerpt(n.Title, 60))
	for _, l := range n.Links {
		if l.Kind == "" {
			fmt.Fprintf(c.env.Stdout, "  [[%s]] does not name anything yet\n", l.Target)
		}
	}
	return ExitOK
}

func (c *command) printNote(n app.Note) {
	w := c.env.Stdout
	fmt.Fprintf(w, "note %d  %s\nmodified %s\n", n.ID, n.Title, n.ModifiedAt)
	for _, t := range n.Attached {
		fmt.Fprintf(w, "on %s %d: %s\n", t.Kind, t.ID, excerpt(t.Label, 70))
	}
	if len(n.Tags) > 0 {
		fmt.Fprintf(w, "tags: %s\n", strings.Join(n.Tags, ", "))
	}
	for _, l := range n.Links {
		to := "nothing yet"
		if l.Kind != "" {
			to = fmt.Sprintf("%s %d (%s)", l.Kind, l.ID, excerpt(l.Label, 50))
		}
		fmt.Fprintf(w, "link [[%s]] -> %s\n", l.Target, to)
	}
	fmt.Fprintf(w, "\n%s\n", strings.TrimRight(n.Body, "\n"))
}

// tagsCmd lists the tags: `sourcebook tags [--json]`.
func (c *command) tagsCmd(args []string) int {
	fs := flag.NewFlagSet("tags", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("tags: %v", err)
	}
	if len(rest) > 0 {
		return c.usagef("tags: unexpected argument %q", rest[0])
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	tags, err := a.Tags()
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(tags)
		return ExitOK
	}
	if len(tags) == 0 {
		fmt.Fprintln(c.env.Stdout, "No tags.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSES\tNAME")
	for _, t := range tags {
		fmt.Fprintf(tw, "%d\t%d\t%s\n", t.ID, t.Uses, t.Name)
	}
	tw.Flush()
	return ExitOK
}

// multiFlag collects a repeated string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
