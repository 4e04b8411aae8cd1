package app

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sourcebook/db"
)

// MergeResult says what a merge brought into the notebook.
type MergeResult struct {
	Path string `json:"path"`
	// Kind is what the file was: "notebook" (a Sourcebook file), "json"
	// (a JSON export) or "annotations" (W3C Web Annotations).
	Kind    string         `json:"kind"`
	Added   map[string]int `json:"added"`   // new rows by table
	Updated map[string]int `json:"updated"` // rows replaced by newer ones
	// Unchanged counts rows both held alike.
	Unchanged int `json:"unchanged"`
	// Conflicts are the rows both held with different contents, and
	// which side's was kept (the one modified last).
	Conflicts []db.Conflict `json:"conflicts"`
	// Skipped lists rows left out, with why.
	Skipped []string `json:"skipped"`
	// Backup is the backup of the notebook taken before the merge, to
	// restore if the merge was a mistake.
	Backup string `json:"backup"`
	Millis int64  `json:"millis"`
}

// MergeFile brings what another file holds into the notebook: another
// Sourcebook notebook, a JSON export of one, or a file of W3C Web
// Annotations. Rows are matched by UUID, so merging the same file twice adds
// nothing; a row both hold with different contents keeps the version
// modified last and is listed among the conflicts. Nothing is deleted. The
// notebook is backed up first, and the merge lands whole or not at all.
func (a *App) MergeFile(path string) (MergeResult, error) {
	return a.merge(a.ctx, path, nil)
}

// StartMerge begins MergeFile in the background and returns its job; the
// job's Merge holds the result.
func (a *App) StartMerge(path string) (Job, error) {
	if _, _, err := a.mergeKind(path); err != nil {
		return Job{}, err
	}
	return a.startJob("merge", "Merging "+filepath.Base(path), "rows", func(ctx context.Context, progress func(done, total int64)) (func(*Job), error) {
		res, err := a.merge(ctx, path, progress)
		if err != nil {
			return nil, err
		}
		return func(j *Job) { j.Merge = &res }, nil
	}), nil
}

// StartMergeUpload is StartMerge for a file the page uploads (browser
// mode, where a page cannot name a path): it is written to a temporary file
// that is deleted when the merge ends.
func (a *App) StartMergeUpload(file FileData) (Job, error) {
	if len(file.Data) == 0 {
		return Job{}, invalid("%s is empty", file.Name)
	}
	f, err := os.CreateTemp("", "sourcebook-upload-*"+filepath.Ext(filepath.Base(file.Name)))
	if err != nil {
		return Job{}, a.internal("keep the uploaded file", err)
	}
	_, err = f.Write(file.Data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return Job{}, a.mergeError(file.Name, err)
	}
	tmp := f.Name()
	if _, _, err := a.mergeKind(tmp); err != nil {
		os.Remove(tmp)
		var ae *Error
		if errors.As(err, &ae) {
			ae.Message = strings.ReplaceAll(ae.Message, tmp, file.Name)
		}
		return Job{}, err
	}
	return a.startJob("merge", "Merging "+file.Name, "rows", func(ctx context.Context, progress func(done, total int64)) (func(*Job), error) {
		defer os.Remove(tmp)
		res, err := a.merge(ctx, tmp, progress)
		if err != nil {
			var ae *Error
			if errors.As(err, &ae) {
				ae.Message = strings.ReplaceAll(ae.Message, tmp, file.Name)
			}
			return nil, err
		}
		res.Path = file.Name
		return func(j *Job) { j.Merge = &res }, nil
	}), nil
}

// ChooseMergeFile asks, in the window's native dialog, for a file to
// merge; "" when the user cancels.
func (a *App) ChooseMergeFile() (string, error) {
	if a.dialogs == nil {
		return "", invalid("choosing a file needs the Sourcebook window")
	}
	return a.dialogs.OpenFile("Merge a notebook, JSON export or annotation file")
}

// mergeKind says what kind of file path is, by its first bytes.
func (a *App) mergeKind(path string) (string, string, error) {
	abs, err := expandPath(path)
	if err != nil {
		return "", "", invalid("%s: %v", path, err)
	}
	f, err := os.Open(abs)
	if err != nil {
		return "", abs, invalid("%s: %v", path, describeOSError(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return "", abs, invalid("%s is a folder: choose a notebook, JSON export or annotation file", path)
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case n == 0:
		return "", abs, invalid("%s is empty", path)
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return "notebook", abs, nil
	case bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) && bytes.Contains(head, []byte(`"`+db.JSONFormat+`"`)):
		return "json", abs, nil
	case bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) || bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("[")):
		return "annotations", abs, nil
	}
	return "", abs, invalid("%s is not a Sourcebook notebook, a JSON export or a Web Annotation file", path)
}

func describeOSError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (a *App) merge(ctx context.Context, path string, progress func(done, total int64)) (MergeResult, error) {
	kind, abs, err := a.mergeKind(path)
	if err != nil {
		return MergeResult{}, err
	}
	if progress == nil {
		progress = func(int64, int64) {}
	}
	start := time.Now()
	res := MergeResult{Path: abs, Kind: kind}
	var stats db.MergeStats
	switch kind {
	case "notebook":
		stats, err = a.mergeNotebook(ctx, abs, &res, progress)
	case "json":
		stats, err = a.mergeJSON(ctx, abs, &res, progress)
	case "annotations":
		stats, err = a.importAnnotations(ctx, abs, &res, progress)
	}
	if err != nil {
		return MergeResult{}, a.mergeError(path, err)
	}
	res.Added, res.Updated, res.Unchanged = stats.Added, stats.Updated, stats.Unchanged
	res.Conflicts, res.Skipped = stats.Conflicts, stats.Skipped
	if res.Conflicts == nil {
		res.Conflicts = []db.Conflict{}
	}
	if res.Skipped == nil {
		res.Skipped = []string{}
	}
	res.Millis = time.Since(start).Milliseconds()
	return res, nil
}

func (a *App) mergeError(path string, err error) error {
	var ae *Error
	var oe *db.OpenError
	var je *db.JSONError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, context.Canceled):
		return &Error{Code: CodeCancelled, Message: "the merge was stopped; the notebook is as it was", Err: err}
	case errors.As(err, &oe):
		msg := fmt.Sprintf("cannot merge %s", oe.Path)
		if oe.Kind != nil {
			msg += fmt.Sprintf(": %v", oe.Kind)
		}
		if oe.Detail != "" {
			msg += " (" + oe.Detail + ")"
		}
		return &Error{Code: CodeInvalid, Message: msg, Err: err}
	case errors.Is(err, db.ErrNewer):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("cannot merge %s: it was made by a newer version of Sourcebook: %v", path, err), Err: err}
	case errors.Is(err, db.ErrNotExport):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("cannot merge %s: %v", path, err), Err: err}
	case errors.As(err, &je):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("cannot merge %s: %v; nothing was merged", path, je), Err: err}
	case errors.Is(err, db.ErrDiskFull):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("cannot merge %s: the disk is full; nothing was merged", path), Err: err}
	}
	return a.internal("merge "+path, err)
}

// backupBefore backs the notebook up before a change the user may regret.
func (a *App) backupBefore(ctx context.Context, reason string) (string, error) {
	b, err := a.nb.Backup(ctx, reason, a.opts.Now(), db.KeepBackups)
	if err != nil {
		return "", fmt.Errorf("back up the notebook first: %w", err)
	}
	return b.Path, nil
}

// mergeRows runs a merge transaction with the quote index locked; the
// index is rebuilt when next needed, since quotes came in.
func (a *App) mergeRows(ctx context.Context, fn func(m *db.Merger) error) (db.MergeStats, error) {
	a.quotes.mu.Lock()
	defer a.quotes.mu.Unlock()
	var stats db.MergeStats
	err := a.nb.TxRaw(ctx, func(tx db.DBTX) error {
		m, err := db.NewMerger(ctx, tx)
		if err != nil {
			return err
		}
		defer m.Close()
		if err := fn(m); err != nil {
			return err
		}
		stats = m.Stats
		return m.Finish()
	})
	if err != nil {
		return db.MergeStats{}, err
	}
	if stats.Added["quote"] > 0 || stats.Updated["quote"] > 0 {
		a.quotes.ix = nil
		a.quotes.current.Store(false)
	}
	return stats, nil
}

func (a *App) mergeNotebook(ctx context.Context, path string, res *MergeResult, progress func(done, total int64)) (db.MergeStats, error) {
	other, err := db.OpenOther(ctx, path)
	if err != nil {
		return db.MergeStats{}, err
	}
	defer other.Close()
	if res.Backup, err = a.backupBefore(ctx, "merge"); err != nil {
		return db.MergeStats{}, err
	}
	tx, err := other.DB.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return db.MergeStats{}, err
	}
	defer tx.Rollback()
	total, err := db.CountRows(ctx, tx)
	if err != nil {
		return db.MergeStats{}, err
	}
	// Read the other file in a goroutine while this one writes: the two
	// halves take about as long, and there are two cores.
	rctx, cancel := context.WithCancel(ctx)
	rows := make(chan db.Row, 512)
	readErr := make(chan error, 1)
	go func() {
		defer close(rows)
		readErr <- db.ReadRows(rctx, tx, nil, func(r db.Row) error {
			select {
			case rows <- r:
				return nil
			case <-rctx.Done():
				return rctx.Err()
			}
		})
	}()
	defer func() {
		cancel()
		for range rows { // let the reader finish before tx is rolled back
		}
	}()
	var done int64
	return a.mergeRows(ctx, func(m *db.Merger) error {
		for r := range rows {
			done++
			progress(done, total)
			if err := m.Add(r); err != nil {
				return err
			}
		}
		return <-readErr
	})
}

func (a *App) mergeJSON(ctx context.Context, path string, res *MergeResult, progress func(done, total int64)) (db.MergeStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return db.MergeStats{}, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	if res.Backup, err = a.backupBefore(ctx, "merge"); err != nil {
		return db.MergeStats{}, err
	}
	cr := &countingReader{r: f, progress: func(n int64) { progress(n, size) }}
	return a.mergeRows(ctx, func(m *db.Merger) error {
		_, err := m.AddJSON(bufio.NewReader(cr), db.KnownVersion())
		return err
	})
}

// countingReader reports how many bytes were read.
type countingReader struct {
	r        io.Reader
	n        int64
	progress func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.progress(c.n)
	return n, err
}
