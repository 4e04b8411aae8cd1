package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"sourcebook/db"
	"sourcebook/internal/export"
)

// ExportFormats are the formats Export writes, with what each makes.
var ExportFormats = []ExportFormat{
	{"sqlite", "Sourcebook notebook (SQLite)", ".db", false},
	{"json", "JSON (everything)", ".json", false},
	{"markdown", "Markdown folder (Obsidian vault)", "", true},
	{"csv", "CSV tables (spreadsheets)", "", true},
	{"csl-json", "CSL-JSON citations (Zotero)", ".json", false},
	{"bibtex", "BibTeX citations", ".bib", false},
	{"annotations", "Web Annotations (JSON-LD)", ".jsonld", false},
	{"html", "Comparison report (HTML)", ".html", false},
}

// ExportFormat is one format Export writes.
type ExportFormat struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Ext    string `json:"ext"`    // the file's extension; "" for a folder
	Folder bool   `json:"folder"` // it writes a folder, not a file
}

// ExportRequest says what to export and where.
type ExportRequest struct {
	Format string `json:"format"` // one of ExportFormats' IDs
	// StoryID, when not 0, exports that story alone: its sources, their
	// quotes and speakers, and the notes about them. The "html" report
	// needs it: it compares the story's sources (two to eight).
	StoryID int64  `json:"storyId"`
	Path    string `json:"path"` // the file or folder to create
	// Replace allows replacing an existing file (never a folder).
	Replace bool `json:"replace"`
}

// ExportResult says what an export wrote.
type ExportResult struct {
	Path    string `json:"path"`
	Format  string `json:"format"`
	Folder  bool   `json:"folder"`
	Bytes   int64  `json:"bytes"` // the file's size, or the folder's files'
	Sources int    `json:"sources"`
	Millis  int64  `json:"millis"`
}

// ExportFormatList returns the formats Export writes.
func (a *App) ExportFormatList() []ExportFormat { return ExportFormats }

// Export writes the notebook, or one story, in a format other tools read,
// and returns when it is written. The file or folder appears whole or not
// at all: it is written under a temporary name beside it and renamed. An
// existing path is refused unless Replace (files only).
func (a *App) Export(req ExportRequest) (ExportResult, error) {
	return a.export(a.ctx, req, nil)
}

// StartExport begins Export in the background and returns its job; follow
// it with JobStatus (the result is the job's Export) and stop it with
// CancelJob.
func (a *App) StartExport(req ExportRequest) (Job, error) {
	f, err := a.checkExport(&req)
	if err != nil {
		return Job{}, err
	}
	unit := "sources"
	if f.ID == "sqlite" && req.StoryID == 0 {
		unit = "bytes"
	}
	title := "Exporting " + f.Label + " to " + req.Path
	return a.startJob("export", title, unit, func(ctx context.Context, progress func(done, total int64)) (func(*Job), error) {
		res, err := a.export(ctx, req, progress)
		if err != nil {
			return nil, err
		}
		return func(j *Job) { j.Export = &res }, nil
	}), nil
}

func (a *App) checkExport(req *ExportRequest) (ExportFormat, error) {
	var f ExportFormat
	for _, x := range ExportFormats {
		if x.ID == req.Format {
			f = x
		}
	}
	if f.ID == "" {
		ids := make([]string, len(ExportFormats))
		for i, x := range ExportFormats {
			ids[i] = x.ID
		}
		return f, invalid("unknown export format %q: use one of %s", req.Format, strings.Join(ids, ", "))
	}
	if strings.TrimSpace(req.Path) == "" {
		return f, invalid("say where to export to")
	}
	if a.opts.Mode == "browser" {
		// A page names the file; the folder is ours (see Options.ExportDir).
		name := strings.TrimSpace(req.Path)
		if dir, err := a.ExportFolder(); err != nil {
			return f, err
		} else if filepath.IsAbs(name) && filepath.Dir(name) == dir {
			name = filepath.Base(name)
		}
		if name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) {
			return f, invalid("%q: in the browser, exports go to the exports folder; give a file name, not a path", req.Path)
		}
		dir, _ := a.ExportFolder()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return f, invalid("cannot create the exports folder %s: %v", dir, describeOSError(err))
		}
		req.Path, req.Replace = filepath.Join(dir, name), false
	}
	path, err := expandPath(req.Path)
	if err != nil {
		return f, invalid("%s: %v", req.Path, err)
	}
	req.Path = path
	if req.StoryID != 0 {
		if err := a.checkStoryQ(a.nb.Q, req.StoryID); err != nil {
			return f, err
		}
	} else if f.ID == "html" {
		return f, invalid("the comparison report compares the sources of one story: choose the story")
	}
	if fi, err := os.Stat(req.Path); err == nil && (!req.Replace || fi.IsDir() || f.Folder) {
		return f, &Error{Code: CodeConflict, Message: fmt.Sprintf("%s already exists: choose another name", req.Path), Err: db.ErrExists}
	}
	dir := filepath.Dir(req.Path)
	if def, err := a.ExportFolder(); err == nil && dir == def {
		_ = os.MkdirAll(dir, 0o755) // the default folder is ours to make
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return f, invalid("%s: the folder %s does not exist", req.Path, dir)
	}
	if same, _ := sameFile(req.Path, a.nb.Path); same {
		return f, invalid("%s is the open notebook: choose another name", req.Path)
	}
	return f, nil
}

// ExportFolder is where exports go by default, and in browser mode
// always: Options.ExportDir. It is created by the first export into it.
func (a *App) ExportFolder() (string, error) {
	dir := a.opts.ExportDir
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", invalid("there is no home folder to export to: %v", err)
		}
		dir = home
		if fi, err := os.Stat(filepath.Join(home, "Documents")); err == nil && fi.IsDir() {
			dir = filepath.Join(home, "Documents")
		}
		dir = filepath.Join(dir, "Sourcebook exports")
	}
	return dir, nil
}

// SuggestExportPath proposes a path for an export that does not exist yet:
// in the exports folder, named for the story (or the notebook) and today,
// with the format's extension; "(2)", "(3)" when taken.
func (a *App) SuggestExportPath(format string, storyID int64) (string, error) {
	var f ExportFormat
	for _, x := range ExportFormats {
		if x.ID == format {
			f = x
		}
	}
	if f.ID == "" {
		return "", invalid("unknown export format %q", format)
	}
	dir, err := a.ExportFolder()
	if err != nil {
		return "", err
	}
	base := "Sourcebook"
	if storyID != 0 {
		st, err := a.nb.Q.StoryGet(a.ctx, storyID)
		if err != nil {
			return "", notFound("story", storyID)
		}
		base = safeFileName(st.Title)
	}
	base += " " + a.opts.Now().Format("2006-01-02")
	switch f.ID {
	case "markdown":
		base += " vault"
	case "csv":
		base += " CSV"
	case "csl-json":
		base += " citations"
	case "annotations":
		base += " annotations"
	case "html":
		base += " comparison"
	}
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s (%d)", base, i)
		}
		p := filepath.Join(dir, name+f.Ext)
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
}

// safeFileName keeps a title usable as a file name everywhere.
func safeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, ".")
	if r := []rune(s); len(r) > 60 {
		s = strings.TrimSpace(string(r[:60]))
	}
	if s == "" {
		s = "Sourcebook"
	}
	return s
}

// ChooseExportPath asks, in the window's native dialog, where to write an
// export: a file name, or for the folder formats a folder to create in.
// It returns "" when the user cancels. Only the window has dialogs.
func (a *App) ChooseExportPath(format string, storyID int64) (string, error) {
	if a.dialogs == nil {
		return "", invalid("choosing a path needs the Sourcebook window")
	}
	suggested, err := a.SuggestExportPath(format, storyID)
	if err != nil {
		return "", err
	}
	for _, f := range ExportFormats {
		if f.ID == format && f.Folder {
			dir, err := a.dialogs.ChooseFolder("Choose the folder to create the export in")
			if err != nil || dir == "" {
				return "", err
			}
			return filepath.Join(dir, filepath.Base(suggested)), nil
		}
	}
	return a.dialogs.SaveFile("Export", filepath.Base(suggested))
}

// ShowInFolder shows a file or folder in the system's file manager (the
// window only; elsewhere it says where it is).
func (a *App) ShowInFolder(path string) error {
	if a.dialogs == nil {
		return invalid("showing files needs the Sourcebook window; the export is at %s", path)
	}
	if _, err := os.Stat(path); err != nil {
		return invalid("%s: %s", path, describeOSError(err))
	}
	return a.dialogs.Reveal(path)
}

// expandPath makes a path absolute, expanding a leading ~.
func expandPath(p string) (string, error) {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		p = filepath.Join(home, p[1:])
	}
	return filepath.Abs(p)
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

func (a *App) export(ctx context.Context, req ExportRequest, progress func(done, total int64)) (ExportResult, error) {
	f, err := a.checkExport(&req)
	if err != nil {
		return ExportResult{}, err
	}
	start := time.Now()
	if progress == nil {
		progress = func(int64, int64) {}
	}
	sources := func(done, total int) { progress(int64(done), int64(total)) }
	res := ExportResult{Path: req.Path, Format: f.ID, Folder: f.Folder}
	switch f.ID {
	case "sqlite":
		if req.StoryID == 0 {
			err = a.nb.CopyTo(ctx, req.Path, req.Replace, progress)
		} else {
			err = a.exportStoryNotebook(ctx, req, progress)
		}
	case "json":
		err = a.writeExport(ctx, req, func(q *db.Queries, tx db.DBTX, w io.Writer) error {
			var sel db.Selection
			if req.StoryID != 0 {
				sel = db.StorySelection(req.StoryID)
			}
			h := db.JSONHeader{Schema: a.nb.SchemaVersion, ExportedAt: a.now(), Generator: "Sourcebook " + a.opts.Version}
			return db.WriteJSON(ctx, tx, sel, h, w)
		})
	case "html":
		err = a.exportReport(ctx, req)
	default:
		err = a.exportWith(ctx, f, req, sources)
	}
	if err != nil {
		return ExportResult{}, a.exportError(req.Path, err)
	}
	res.Millis = time.Since(start).Milliseconds()
	res.Bytes = diskSize(req.Path)
	if n, err := a.nb.Q.ExportSourceCount(a.ctx, req.StoryID); err == nil {
		res.Sources = int(n)
	}
	return res, nil
}

// exportError turns what went wrong into a message for users.
func (a *App) exportError(path string, err error) error {
	var ae *Error
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, context.Canceled):
		return &Error{Code: CodeCancelled, Message: "the export was stopped; nothing was written", Err: err}
	case errors.Is(err, db.ErrExists):
		return &Error{Code: CodeConflict, Message: fmt.Sprintf("%s already exists: choose another name", path), Err: err}
	case errors.Is(err, db.ErrDiskFull), errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EFBIG), errors.Is(err, syscall.EDQUOT):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("could not export to %s: the disk is full (nothing was written)", path), Err: err}
	case errors.Is(err, os.ErrPermission):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("could not export to %s: permission denied", path), Err: err}
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("could not export to %s: %v", path, pe.Err), Err: err}
	}
	return a.internal("export to "+path, err)
}

// readTx runs fn in a read transaction: one consistent moment of the
// notebook, however much is written meanwhile.
func (a *App) readTx(ctx context.Context, fn func(q *db.Queries, tx db.DBTX) error) error {
	tx, err := a.nb.DB.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(a.nb.Q.WithTx(tx), tx)
}

// writeExport writes one file from a read transaction, through a
// temporary file and a rename.
func (a *App) writeExport(ctx context.Context, req ExportRequest, write func(q *db.Queries, tx db.DBTX, w io.Writer) error) error {
	return writeFile(req.Path, req.Replace, func(w io.Writer) error {
		return a.readTx(ctx, func(q *db.Queries, tx db.DBTX) error { return write(q, tx, w) })
	})
}

// openTruncate opens the temporary file WriteFileAtomic made, buffered
// writers being the callers' business.
func openTruncate(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
}

// exportStoryNotebook writes one story as a notebook of its own: a new
// notebook file the story's rows are merged into.
func (a *App) exportStoryNotebook(ctx context.Context, req ExportRequest, progress func(done, total int64)) error {
	return db.WriteFileAtomic(req.Path, req.Replace, func(tmp string) error {
		os.Remove(tmp)
		out, err := db.Open(ctx, tmp)
		if err != nil {
			return err
		}
		defer os.Remove(tmp + ".lock")
		total, _ := a.nb.Q.ExportSourceCount(ctx, req.StoryID)
		var done int64
		err = a.readTx(ctx, func(_ *db.Queries, tx db.DBTX) error {
			return out.TxRaw(ctx, func(otx db.DBTX) error {
				m, err := db.NewMerger(ctx, otx)
				if err != nil {
					return err
				}
				defer m.Close()
				err = db.ReadRows(ctx, tx, db.StorySelection(req.StoryID), func(r db.Row) error {
					if r.Table == "source" {
						done++
						progress(done, total)
					}
					return m.Add(r)
				})
				if err != nil {
					return err
				}
				return m.Finish()
			})
		})
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

// exportWith runs one of internal/export's writers.
func (a *App) exportWith(ctx context.Context, f ExportFormat, req ExportRequest, progress export.Progress) error {
	return a.readTx(ctx, func(q *db.Queries, _ db.DBTX) error {
		feed, err := newExportFeed(ctx, q, req.StoryID)
		if err != nil {
			return err
		}
		return writeFormat(ctx, f, feed, req, progress)
	})
}

// exportReport writes the standalone comparison report of a story's
// sources.
func (a *App) exportReport(ctx context.Context, req ExportRequest) error {
	page, err := a.StoryPage(req.StoryID)
	if err != nil {
		return err
	}
	var ids []int64
	for _, s := range page.Sources {
		ids = append(ids, s.ID)
	}
	if len(ids) < 2 || len(ids) > 8 {
		return invalid("the comparison report compares two to eight sources; the story has %d", len(ids))
	}
	html, err := a.CompareReport(ids)
	if err != nil {
		return err
	}
	return db.WriteFileAtomic(req.Path, req.Replace, func(tmp string) error {
		return os.WriteFile(tmp, []byte(html), 0o644)
	})
}

// diskSize is the size of a file, or of the files in a folder.
func diskSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
