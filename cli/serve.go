package cli

import (
	"flag"
	"fmt"
	"log/slog"

	"github.com/pkg/browser"

	"sourcebook/app"
	"sourcebook/internal/httpapi"
	"sourcebook/internal/ingest"
)

// serveCmd runs browser mode: the app's methods and the frontend over HTTP
// on loopback, behind a per-run token, until interrupted.
func (c *command) serveCmd(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "loopback address to listen on (port 0 picks a free port)")
	open := fs.Bool("open", false, "open the address in the default browser")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("serve: %v", err)
	}
	if len(rest) > 0 {
		return c.usagef("serve: unexpected argument %q", rest[0])
	}
	log := slog.New(slog.NewTextHandler(c.env.Stderr, nil))
	a, closeFn, err := c.open(app.Options{
		Mode: "browser",
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

	srv, err := httpapi.New(httpapi.Config{
		Addr: *addr, Target: a, Assets: c.env.Assets, Log: log,
		// ImportPaths and the path-taking merges read files by path: the
		// window's native dialogs and the command line need them, a browser
		// page must not have them (it uploads instead). Exports from a page
		// go only to the exports folder (app.Options.ExportDir).
		Exclude: []string{"ImportPaths", "MergeFile", "StartMerge"},
		// Files travel base64-encoded (4/3 of their size): leave room for
		// one file of the largest size accepted, plus the JSON around it.
		MaxBodyBytes: ingest.MaxBytes/3*4 + 1<<20,
	})
	if err != nil {
		return c.errorf("serve: %v", err)
	}
	if err := srv.Listen(); err != nil {
		return c.errorf("serve: %v", err)
	}
	fmt.Fprintf(c.env.Stdout, "Sourcebook is serving %s\n", srv.URL())
	fmt.Fprintln(c.env.Stdout, "Open that address in a browser on this machine. Press Ctrl+C to stop.")
	if *open {
		if err := browser.OpenURL(srv.URL()); err != nil {
			fmt.Fprintf(c.env.Stderr, "sourcebook: could not open a browser (%v); open the address above yourself\n", err)
		}
	}
	ctx, cancel := c.signalContext()
	defer cancel()
	if err := srv.Serve(ctx); err != nil {
		return c.errorf("serve: %v", err)
	}
	fmt.Fprintln(c.env.Stderr, "sourcebook: stopped")
	return ExitOK
}
