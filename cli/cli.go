// Package cli is Sourcebook's command line: it parses the arguments, opens
// the notebook and calls the same app methods as the window and the browser
// mode. With no command it opens the desktop window, or browser mode where
// there is no display.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"sourcebook/app"
	"sourcebook/db"
)

// Env is what the command line needs from the outside world, injected so
// tests can run it in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Version        string
	// Assets is the built frontend, served in browser mode.
	Assets fs.FS
	// Desktop opens the window on a and blocks until it closes. Nil when the
	// binary was built without the desktop shell.
	Desktop func(a *app.App) error
	// Getenv reads the environment (os.Getenv by default).
	Getenv func(string) string
	// Signals, when not nil, stops serve when it delivers (tests use it;
	// by default serve stops on SIGINT and SIGTERM).
	Signals <-chan struct{}
}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed; the message is on stderr
	ExitUsage = 2 // the command line was wrong
)

const usage = `Sourcebook: a research notebook for comparing sources.

Usage:
  sourcebook [--db PATH] [COMMAND] [ARGS]

With no command, Sourcebook opens its window (or, where there is no
display, starts browser mode and prints the address to open).

Commands:
  import [--story ID] PATH|URL...
                                import web pages (.html, .mhtml), Markdown and text
                                files, whole folders, or a page fetched from a URL
                                ("-" reads stdin)
  extract FILE                  print what Sourcebook extracts from FILE as JSON
                                (metadata, text, blocks, boilerplate, quotes)
                                (no notebook needed)
  sources [--json]              list the sources, newest first
  show ID [--json]              print a source with its text
  search [QUERY] [--kind KIND] [--story ID] [--tag NAME] [--speaker ID]
         [--outlet NAME] [--from DATE] [--to DATE] [--limit N] [--json]
                                search sources, quotes, speakers and notes at once,
                                best first by kind; with filters and no query, list
                                what the filters select, newest first. KIND is
                                source, quote, speaker or note (repeat or use commas);
                                DATE is 2024, 2024-04 or 2024-04-03. In the text,
                                [brackets] mark the words that matched; --json gives
                                each hit's snippet as plain text with the matches'
                                [start, end) code point ranges
  delete ID                     delete a source (its notes stay, unlinked)
  quotes [--source ID] [--speaker ID] [--all] [--json]
                                list quotes with their speakers, status and group
                                (--all adds rejected quotes and scare quotes)
  speakers [--json]             list everyone quoted, most quoted first
  compare ID ID... [--json] [--html FILE]
                                what two to eight sources share, what each alone
                                says, and the quotes they share or differ on;
                                --html writes a standalone report to print or share
  notes [--tag NAME] [--source ID|--story ID|--speaker ID] [--json]
                                list notes, most recently changed first
  note ID [--json]              print a note with what it is attached to and
                                where its [[links]] lead
  note new [--source ID|--story ID|--speaker ID|--quote ID] [--tag NAME]... TEXT|-
                                write a note in Markdown ("-" reads stdin)
  tags [--json]                 list the tags and how many things carry each
  export --format FORMAT [--story ID] [--force] OUT
                                write the notebook (or one story) as FORMAT: sqlite
                                (a notebook file any SQLite tool opens), json
                                (everything), markdown (an Obsidian vault folder),
                                csv (a folder of tables), csl-json or bibtex
                                (citations), annotations (W3C Web Annotations),
                                html (the comparison report of a story's sources)
  merge FILE                    bring in another notebook, a JSON export or a Web
                                Annotation file: rows matched by uuid, the later
                                change kept, conflicts listed; backs up first
  backups                       list the notebook's backups (one a day while the app
                                runs, and before every upgrade, merge and restore)
  backup                        back the notebook up now
  restore NAME                  replace the notebook with a backup (backing it up
                                first)
  reextract ID                  extract a source again from its original, keeping
                                its quotes and highlights in place
  serve [--addr ADDR] [--open]  serve the app to a browser on this machine only
  version                       print the version
  help                          print this help

Options:
  --db PATH   the notebook file (default: $XDG_DATA_HOME/sourcebook/notebook.db)
`

// Main runs the command line with args (without the program name) and
// returns the process's exit code.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	c := &command{env: env}
	return c.run(args)
}

type command struct {
	env    Env
	dbPath string
}

func (c *command) errorf(format string, args ...any) int {
	fmt.Fprintf(c.env.Stderr, "sourcebook: "+format+"\n", args...)
	return ExitError
}

func (c *command) usagef(format string, args ...any) int {
	fmt.Fprintf(c.env.Stderr, "sourcebook: "+format+"\n", args...)
	fmt.Fprintln(c.env.Stderr, "Run 'sourcebook help' for usage.")
	return ExitUsage
}

func (c *command) run(args []string) int {
	global := flag.NewFlagSet("sourcebook", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&c.dbPath, "db", "", "notebook file")
	help := global.Bool("help", false, "")
	global.BoolVar(help, "h", false, "")
	if err := global.Parse(args); err != nil {
		return c.usagef("%v", err)
	}
	if *help {
		fmt.Fprint(c.env.Stdout, usage)
		return ExitOK
	}
	rest := global.Args()
	if len(rest) == 0 {
		return c.window()
	}
	name, rest := rest[0], rest[1:]
	switch name {
	case "help", "-h", "--help":
		fmt.Fprint(c.env.Stdout, usage)
		return ExitOK
	case "version":
		fmt.Fprintf(c.env.Stdout, "sourcebook %s (notebook schema %d, %s)\n", c.env.Version, db.KnownVersion(), runtime.Version())
		return ExitOK
	case "import":
		return c.importCmd(rest)
	case "sources":
		return c.sourcesCmd(rest)
	case "show":
		return c.showCmd(rest)
	case "search":
		return c.searchCmd(rest)
	case "delete":
		return c.deleteCmd(rest)
	case "serve":
		return c.serveCmd(rest)
	case "extract":
		return c.extractCmd(rest)
	case "quotes":
		return c.quotesCmd(rest)
	case "speakers":
		return c.speakersCmd(rest)
	case "reextract":
		return c.reextractCmd(rest)
	case "compare":
		return c.compareCmd(rest)
	case "notes":
		return c.notesCmd(rest)
	case "note":
		return c.noteCmd(rest)
	case "tags":
		return c.tagsCmd(rest)
	case "export":
		return c.exportCmd(rest)
	case "merge":
		return c.mergeCmd(rest)
	case "backups", "backup", "restore":
		return c.backupsCmd(name, rest)
	}
	return c.usagef("unknown command %q", name)
}

// open opens the notebook and builds the App on it.
func (c *command) open(opts app.Options) (*app.App, func(), error) {
	path := c.dbPath
	if path == "" {
		var err error
		if path, err = db.DefaultPath(); err != nil {
			return nil, nil, err
		}
	}
	nb, err := db.Open(context.Background(), path, db.OnUpgrade(func(from, to int64) {
		fmt.Fprintf(c.env.Stderr, "sourcebook: upgrading %s from schema %d to %d, after a backup into %s; a large notebook takes a few minutes\n",
			path, from, to, db.BackupDir(path))
	}))
	if err != nil {
		return nil, nil, err
	}
	opts.Version = c.env.Version
	opts.ExportDir = c.env.Getenv("SOURCEBOOK_EXPORT_DIR")
	opts.Log = slog.New(slog.NewTextHandler(c.env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	closeFn := func() {
		if err := nb.Close(); err != nil {
			fmt.Fprintf(c.env.Stderr, "sourcebook: closing %s: %v\n", nb.Path, err)
		}
	}
	return app.New(nb, opts), closeFn, nil
}

// flags parses a command's flags, allowing them before and after the
// positional arguments ("show 3 --json" as well as "show --json 3").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// hasDisplay reports whether a graphical session is available.
func (c *command) hasDisplay() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	return c.env.Getenv("DISPLAY") != "" || c.env.Getenv("WAYLAND_DISPLAY") != ""
}

func (c *command) window() int {
	if !c.hasDisplay() {
		fmt.Fprintln(c.env.Stderr, "sourcebook: no display found (DISPLAY and WAYLAND_DISPLAY are unset); starting browser mode instead")
		return c.serveCmd(nil)
	}
	if c.env.Desktop == nil {
		fmt.Fprintln(c.env.Stderr, "sourcebook: this build has no desktop window; starting browser mode instead")
		return c.serveCmd(nil)
	}
	a, closeFn, err := c.open(app.Options{
		Mode: "desktop",
		// The desktop smoke test waits for this line: the window loaded
		// the frontend and the frontend reached Go.
		OnReady: func(info app.Info) {
			fmt.Fprintf(c.env.Stderr, "sourcebook: frontend ready (%s, %d sources, notebook %s)\n", info.Mode, info.Sources, info.NotebookPath)
		},
	})
	if err != nil {
		return c.errorf("%v", err)
	}
	defer closeFn()
	stop := app.WarmUp(a)
	defer stop()
	stopBackups := app.StartBackups(a)
	defer stopBackups()
	defer app.Stop(a)
	if err := c.env.Desktop(a); err != nil {
		return c.errorf("window: %v", err)
	}
	return ExitOK
}

// signalContext returns a context cancelled on SIGINT/SIGTERM, or when the
// injected Signals channel delivers.
func (c *command) signalContext() (context.Context, context.CancelFunc) {
	if c.env.Signals != nil {
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-c.env.Signals:
				cancel()
			case <-ctx.Done():
			}
		}()
		return ctx, cancel
	}
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// userMessage is the text to show for err: app errors carry their own.
func userMessage(err error) string {
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	return strings.TrimPrefix(err.Error(), "sourcebook: ")
}

// fileMessage describes an error reading a file in plain words.
func fileMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
