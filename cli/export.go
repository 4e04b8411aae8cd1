package cli

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"sourcebook/app"
)

// exportCmd writes the notebook, or one story, in another format:
// `sourcebook export --format FORMAT [--story ID] [--force] OUT`.
func (c *command) exportCmd(args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fs.String("format", "", "sqlite, json, markdown, csv, csl-json, bibtex, annotations or html")
	story := fs.Int64("story", 0, "export only this story")
	force := fs.Bool("force", false, "replace an existing file")
	jsonOut := fs.Bool("json", false, "print the result as JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("export: %v", err)
	}
	if *format == "" {
		return c.usagef("export: say which --format (%s)", formatIDs())
	}
	if len(rest) != 1 {
		return c.usagef("export: give one file or folder to write")
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	res, err := a.Export(app.ExportRequest{Format: *format, StoryID: *story, Path: rest[0], Replace: *force})
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(res)
		return ExitOK
	}
	what := "file"
	if res.Folder {
		what = "folder"
	}
	fmt.Fprintf(c.env.Stdout, "Exported %d sources as %s to the %s %s (%s, %.1f s)\n",
		res.Sources, res.Format, what, res.Path, humanBytes(res.Bytes), float64(res.Millis)/1000)
	return ExitOK
}

func formatIDs() string {
	var ids []string
	for _, f := range app.ExportFormats {
		ids = append(ids, f.ID)
	}
	return strings.Join(ids, ", ")
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// mergeCmd brings another notebook, a JSON export or a Web Annotation file
// into the notebook: `sourcebook merge [--json] FILE`.
func (c *command) mergeCmd(args []string) int {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print the result as JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("merge: %v", err)
	}
	if len(rest) != 1 {
		return c.usagef("merge: give one file to merge")
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	res, err := a.MergeFile(rest[0])
	if err != nil {
		return c.errorf("%s", userMessage(err))
	}
	if *jsonOut {
		c.printJSON(res)
		return ExitOK
	}
	fmt.Fprintf(c.env.Stdout, "Merged %s (%s) in %.1f s.\n", res.Path, res.Kind, float64(res.Millis)/1000)
	fmt.Fprintf(c.env.Stdout, "  added:   %s\n", counts(res.Added))
	fmt.Fprintf(c.env.Stdout, "  updated: %s\n", counts(res.Updated))
	fmt.Fprintf(c.env.Stdout, "  already there: %d rows\n", res.Unchanged)
	if len(res.Conflicts) > 0 {
		fmt.Fprintf(c.env.Stdout, "%d conflicts (both changed; the later change was kept):\n", len(res.Conflicts))
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  TABLE\tKEPT\tNOTEBOOK\tINCOMING\tWHAT")
		for _, cf := range res.Conflicts {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", cf.Table, cf.Kept, cf.NotebookChanged, cf.IncomingChanged, excerpt(cf.Label, 50))
		}
		tw.Flush()
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(c.env.Stdout, "skipped: %s\n", s)
	}
	if res.Backup != "" {
		fmt.Fprintf(c.env.Stdout, "The notebook as it was before is backed up in %s\n", res.Backup)
	}
	return ExitOK
}

// counts writes "2 sources, 14 quotes" from rows by table.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "nothing"
	}
	tables := make([]string, 0, len(m))
	for t := range m {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	parts := make([]string, len(tables))
	for i, t := range tables {
		parts[i] = fmt.Sprintf("%d %s", m[t], t)
	}
	return strings.Join(parts, ", ")
}

// backupsCmd lists the backups, takes one (`backup`) or restores one
// (`restore NAME`).
func (c *command) backupsCmd(name string, args []string) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("%s: %v", name, err)
	}
	if want := map[string]int{"backups": 0, "backup": 0, "restore": 1}[name]; len(rest) != want {
		if want == 0 {
			return c.usagef("%s: unexpected argument %q", name, rest[0])
		}
		return c.usagef("restore: give the name of one backup (see 'sourcebook backups')")
	}
	a, closeFn, err := c.open(app.Options{Mode: "cli"})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	switch name {
	case "backup":
		b, err := a.BackUp()
		if err != nil {
			return c.errorf("%s", userMessage(err))
		}
		if *jsonOut {
			c.printJSON(b)
		} else {
			fmt.Fprintf(c.env.Stdout, "Backed up to %s (%s)\n", b.Path, humanBytes(b.Bytes))
		}
	case "restore":
		r, err := a.RestoreBackup(rest[0])
		if err != nil {
			return c.errorf("%s", userMessage(err))
		}
		if *jsonOut {
			c.printJSON(r)
		} else {
			fmt.Fprintf(c.env.Stdout, "Restored %s. The notebook as it was is in %s\n", r.Restored.Name, r.Before.Name)
		}
	default:
		list, err := a.Backups()
		if err != nil {
			return c.errorf("%s", userMessage(err))
		}
		if *jsonOut {
			c.printJSON(list)
			return ExitOK
		}
		if len(list) == 0 {
			fmt.Fprintln(c.env.Stdout, "No backups yet.")
			return ExitOK
		}
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tTAKEN\tWHY\tSIZE")
		for _, b := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.Name, b.Time.Format("2006-01-02 15:04 UTC"), b.Reason, humanBytes(b.Bytes))
		}
		tw.Flush()
	}
	return ExitOK
}
