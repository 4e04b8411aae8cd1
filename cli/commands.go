package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"sourcebook/app"
)

func (c *command) importCmd(args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	story := fs.Int64("story", 0, "add the sources to this story")
	jsonOut := fs.Bool("json", false, "print the results as JSON")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("import: %v", err)
	}
	if len(paths) == 0 {
		return c.usagef("import: name at least one file, or - for standard input")
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()

	ctx, cancel := c.signalContext()
	defer cancel()
	var results []app.FileResult
	for _, p := range paths {
		if ctx.Err() != nil {
			break
		}
		var rs []app.FileResult
		switch {
		case p == "-":
			r, err := app.ImportReader(a, "standard input", c.env.Stdin, *story)
			if err != nil {
				return c.errorf("%s", userMessage(err))
			}
			rs = []app.FileResult{r}
		case strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://"):
			r, err := a.ImportURL(p, *story)
			if err != nil {
				return c.errorf("%s", userMessage(err))
			}
			rs = []app.FileResult{r}
		default:
			progress := c.progress(p)
			rs, err = app.ImportPathsContext(ctx, a, []string{p}, *story, progress)
			if err != nil {
				return c.errorf("%s", userMessage(err))
			}
		}
		results = append(results, rs...)
	}
	failed := 0
	for _, r := range results {
		if r.Error != "" {
			failed++
			fmt.Fprintf(c.env.Stderr, "sourcebook: %s\n", r.Error)
		}
	}
	if *jsonOut {
		c.printJSON(results)
	} else {
		for _, r := range results {
			switch {
			case r.Error != "":
			case r.Duplicate:
				fmt.Fprintf(c.env.Stdout, "%s: already in the notebook as source %d, %q\n", r.Name, r.Source.ID, r.Source.Title)
			default:
				fmt.Fprintf(c.env.Stdout, "%s: imported as source %d, %q (%d words)\n", r.Name, r.Source.ID, r.Source.Title, r.Source.Words)
			}
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintln(c.env.Stderr, "sourcebook: import interrupted; what was imported before stays")
		return ExitError
	}
	if failed > 0 {
		return ExitError
	}
	return ExitOK
}

// progress returns a callback that shows a running count on stderr for
// batches of more than a few files (folders), or nil.
func (c *command) progress(path string) app.Progress {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return nil
	}
	return func(done, total int, r app.FileResult) {
		if total < 5 {
			return
		}
		if done == total || done%10 == 0 {
			fmt.Fprintf(c.env.Stderr, "sourcebook: %s: %d of %d files\n", path, done, total)
		}
	}
}

// sourceJSON is a source as `sources --json` prints it.
type sourceJSON struct {
	ID         int64    `json:"id"`
	UUID       string   `json:"uuid"`
	Title      string   `json:"title"`
	Outlet     string   `json:"outlet"`
	Authors    []string `json:"authors"`
	Published  string   `json:"published"`
	Kind       string   `json:"kind"`
	Words      int64    `json:"words"`
	ImportedAt string   `json:"imported_at"`
	Stories    []int64  `json:"stories"`
}

func toJSON(s app.SourceSummary) sourceJSON {
	return sourceJSON{
		ID: s.ID, UUID: s.UUID, Title: s.Title, Outlet: s.Outlet, Authors: s.Authors,
		Published: s.Published, Kind: s.Kind, Words: s.Words, ImportedAt: s.ImportedAt, Stories: s.StoryIDs,
	}
}

func (c *command) sourcesCmd(args []string) int {
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("sources: %v", err)
	}
	if len(rest) > 0 {
		return c.usagef("sources: unexpected argument %q", rest[0])
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	lib, err := a.Library()
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		out := make([]sourceJSON, 0, len(lib.Sources))
		for _, s := range lib.Sources {
			out = append(out, toJSON(s))
		}
		c.printJSON(out)
		return ExitOK
	}
	if len(lib.Sources) == 0 {
		fmt.Fprintln(c.env.Stdout, "The notebook has no sources yet. Import one with: sourcebook import FILE")
		return ExitOK
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tWORDS\tOUTLET\tTITLE")
	for _, s := range lib.Sources {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\n", s.ID, dash(s.Published), s.Words, dash(s.Outlet), s.Title)
	}
	tw.Flush()
	return ExitOK
}

func (c *command) showCmd(args []string) int {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("show: %v", err)
	}
	id, code := c.oneID("show", rest)
	if code != ExitOK {
		return code
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	s, err := a.Source(id)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(struct {
			sourceJSON
			URL          string `json:"url"`
			Updated      string `json:"updated"`
			MediaType    string `json:"media_type"`
			OriginalName string `json:"original_name"`
			Text         string `json:"text"`
		}{toJSON(s.SourceSummary), s.URL, s.Updated, s.MediaType, s.OriginalName, s.Text})
		return ExitOK
	}
	fmt.Fprintln(c.env.Stdout, s.Title)
	var meta []string
	for _, m := range []string{s.Outlet, strings.Join(s.Authors, ", "), s.Published} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	meta = append(meta, fmt.Sprintf("%d words", s.Words))
	fmt.Fprintln(c.env.Stdout, strings.Join(meta, " · "))
	fmt.Fprintln(c.env.Stdout)
	fmt.Fprintln(c.env.Stdout, s.Text)
	return ExitOK
}

func (c *command) deleteCmd(args []string) int {
	fs := flag.NewFlagSet("delete", flag.ContinueOnError)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("delete: %v", err)
	}
	id, code := c.oneID("delete", rest)
	if code != ExitOK {
		return code
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	s, err := a.Source(id)
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if err := a.DeleteSource(id); err != nil {
		return c.errorf("%s", userMessage(err))
	}
	fmt.Fprintf(c.env.Stdout, "Deleted source %d, %q.\n", id, s.Title)
	return ExitOK
}

func (c *command) oneID(cmd string, args []string) (int64, int) {
	if len(args) != 1 {
		return 0, c.usagef("%s: give one source ID (see 'sourcebook sources')", cmd)
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, c.usagef("%s: %q is not a source ID (a positive number)", cmd, args[0])
	}
	return id, ExitOK
}

func (c *command) printJSON(v any) {
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
