package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"sourcebook/db"
)

// Backup is one backup copy of the notebook.
type Backup = db.BackupInfo

// dailyBackup is how old the newest backup may get before a new one is
// taken while the app runs.
const dailyBackup = 24 * time.Hour

// Backups lists the notebook's backups, newest first. Sourcebook keeps the
// last ten: one a day while it runs, and one before every upgrade of the
// notebook's schema, merge and restore.
func (a *App) Backups() ([]Backup, error) {
	list, err := db.Backups(a.nb.Path)
	if err != nil {
		return nil, a.internal("list the backups", err)
	}
	if list == nil {
		list = []Backup{}
	}
	return list, nil
}

// BackUp backs the notebook up now.
func (a *App) BackUp() (Backup, error) {
	b, err := a.nb.Backup(a.ctx, "manual", a.opts.Now(), db.KeepBackups)
	if err != nil {
		return Backup{}, a.backupError(err)
	}
	return b, nil
}

func (a *App) backupError(err error) error {
	switch {
	case errors.Is(err, db.ErrDiskFull):
		return &Error{Code: CodeInvalid, Message: "could not back up the notebook: the disk is full", Err: err}
	case errors.Is(err, db.ErrExists):
		return &Error{Code: CodeConflict, Message: "a backup was taken this very second; try again", Err: err}
	}
	return a.internal("back up the notebook", err)
}

// RestoreResult says what RestoreBackup did.
type RestoreResult struct {
	Restored Backup `json:"restored"`
	// Before is the backup of the notebook as it was just before, so the
	// restore itself can be undone by restoring it.
	Before Backup `json:"before"`
}

// RestoreBackup replaces the notebook's contents with the backup named
// name (from Backups). The notebook as it was is backed up first. Undo
// forgets what it held: those actions belong to the notebook replaced.
func (a *App) RestoreBackup(name string) (RestoreResult, error) {
	list, err := db.Backups(a.nb.Path)
	if err != nil {
		return RestoreResult{}, a.internal("list the backups", err)
	}
	var chosen *Backup
	for i := range list {
		if list[i].Name == name {
			chosen = &list[i]
		}
	}
	if chosen == nil {
		return RestoreResult{}, &Error{Code: CodeNotFound, Message: fmt.Sprintf("there is no backup %q", name)}
	}
	a.quotes.mu.Lock()
	defer a.quotes.mu.Unlock()
	// Not pruned yet: the backup being restored may be the oldest.
	before, err := a.nb.Backup(a.ctx, "restore", a.opts.Now(), 0)
	if err != nil {
		return RestoreResult{}, a.backupError(err)
	}
	if err := a.nb.Restore(a.ctx, chosen.Path); err != nil {
		var oe *db.OpenError
		if errors.As(err, &oe) {
			return RestoreResult{}, &Error{Code: CodeInvalid, Message: fmt.Sprintf("cannot restore %s: %v (%s); the notebook is as it was", name, oe.Kind, oe.Detail), Err: err}
		}
		return RestoreResult{}, a.internal("restore the backup", err)
	}
	a.quotes.ix = nil
	a.quotes.current.Store(false)
	a.clearUndo()
	if err := db.PruneBackups(a.nb.Path, db.KeepBackups); err != nil {
		a.opts.Log.Warn("could not delete old backups", "err", err)
	}
	return RestoreResult{Restored: *chosen, Before: before}, nil
}

// StartBackups backs the notebook up in the background once a day while
// the app runs (at start when the newest backup is a day old). The window
// and browser mode call it; call stop before closing the notebook.
func StartBackups(a *App) (stop func()) {
	ctx, cancel := context.WithCancel(a.ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			a.dailyBackup(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

func (a *App) dailyBackup(ctx context.Context) {
	list, err := db.Backups(a.nb.Path)
	if err != nil {
		a.opts.Log.Warn("could not list the backups", "err", err)
		return
	}
	now := a.opts.Now()
	if len(list) > 0 && now.Sub(list[0].Time) < dailyBackup {
		return
	}
	if n, err := a.nb.Q.SourceCount(ctx); err != nil || n == 0 {
		return // nothing worth keeping yet
	}
	if _, err := a.nb.Backup(ctx, "daily", now, db.KeepBackups); err != nil && ctx.Err() == nil {
		a.opts.Log.Warn("could not back up the notebook", "err", err)
	}
}

// Stop cancels the background jobs (exports, merges) and waits for them:
// call it before closing the notebook.
func Stop(a *App) {
	a.jobs.mu.Lock()
	for _, e := range a.jobs.list {
		e.cancel()
	}
	a.jobs.mu.Unlock()
	_ = a.waitJobs(context.Background())
}
