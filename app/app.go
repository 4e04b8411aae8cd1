// Package app holds the methods the user interface calls. The same *App is
// bound to the Wails window, served over HTTP in browser mode
// (internal/httpapi) and called by the command line (cli), so all three
// behave alike.
//
// Every exported method of App is part of the UI's API (docs/api.md): it
// takes JSON-friendly arguments and returns a view type from types.go and an
// error. Errors are *Error values whose message is meant for users; anything
// unexpected is logged in full and reaches the user as "internal error".
package app

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/google/uuid"

	"sourcebook/db"
	"sourcebook/internal/ingest"
)

// Options configure an App. Zero values are replaced by real defaults.
type Options struct {
	Mode    string // "desktop", "browser" or "cli"
	Version string // the build's version
	// Now is the clock, time.Now by default, and NewUUID makes row UUIDs,
	// random UUIDv7 by default. Both are called from several goroutines at
	// once (an export beside an edit), so a replacement must be safe for that.
	Now     func() time.Time
	NewUUID func() string
	Log     *slog.Logger // where details of internal errors go
	// OnReady is called when the UI reports it has loaded (Ready).
	OnReady func(Info)
	// MaxImportBytes is the largest file or text imported (at most, and by
	// default, ingest.MaxBytes: 50 MiB).
	MaxImportBytes int64
	// HTTPClient fetches URLs for ImportURL; a client with a 30 s timeout
	// by default.
	HTTPClient *http.Client
	// ExportDir is where exports go in browser mode, where the page names
	// only the file: a page must not write anywhere on the machine. By
	// default "Sourcebook exports" in ~/Documents (or the home folder).
	ExportDir string
}

// App is the application as the UI sees it: one open notebook.
type App struct {
	nb     *db.Notebook
	opts   Options
	ctx    context.Context
	quotes quoteState
	// library keeps the library's words for its filter (LibraryPage).
	library libraryWords
	// compares holds the cancel functions of comparisons in flight.
	compares runs
	// undo holds the destructive actions Undo can take back.
	undo undoStack
	// jobs are the exports, merges and restores running in the background.
	jobs jobs
	// saveDialog asks the user where to save a file; nil outside the window.
	saveDialog func(title, defaultName string) (string, error)
	// dialogs are the window's other native dialogs; nil outside it.
	dialogs Dialogs
}

// Dialogs are the desktop window's native dialogs and file manager, which
// the window gives the App (SetDialogs). Each returns "" when the user
// cancels.
type Dialogs interface {
	// SaveFile asks for a new file's path.
	SaveFile(title, defaultName string) (string, error)
	// OpenFile asks for an existing file.
	OpenFile(title string) (string, error)
	// ChooseFolder asks for a folder.
	ChooseFolder(title string) (string, error)
	// Reveal shows a file or folder in the file manager.
	Reveal(path string) error
}

// SetDialogs gives a the window's dialogs. It is a function, not a method,
// so that it is not part of the UI's API.
func SetDialogs(a *App, d Dialogs) { a.dialogs = d }

// New returns an App working on the open notebook nb. It does not take
// ownership: the caller closes nb.
func New(nb *db.Notebook, opts Options) *App {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.NewUUID == nil {
		opts.NewUUID = func() string { return uuid.Must(uuid.NewV7()).String() }
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.MaxImportBytes <= 0 || opts.MaxImportBytes > ingest.MaxBytes {
		opts.MaxImportBytes = ingest.MaxBytes
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: fetchTimeout}
	}
	if opts.Mode == "" {
		opts.Mode = "cli"
	}
	return &App{nb: nb, opts: opts, ctx: context.Background()}
}

// now returns the current time as stored: RFC 3339 in UTC.
func (a *App) now() string {
	return a.opts.Now().UTC().Format(time.RFC3339)
}

// Ready tells Go that the UI has loaded, and returns what the UI needs to
// know about the application and the notebook.
func (a *App) Ready() (Info, error) {
	info, err := a.Info()
	if err != nil {
		return Info{}, err
	}
	if a.opts.OnReady != nil {
		a.opts.OnReady(info)
	}
	return info, nil
}

// Info describes the application and the open notebook.
func (a *App) Info() (Info, error) {
	n, err := a.nb.Q.SourceCount(a.ctx)
	if err != nil {
		return Info{}, a.internal("read the notebook", err)
	}
	return Info{
		Version:       a.opts.Version,
		NotebookPath:  a.nb.Path,
		Mode:          a.opts.Mode,
		SchemaVersion: a.nb.SchemaVersion,
		Sources:       n,
	}, nil
}
