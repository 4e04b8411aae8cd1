package app

import (
	"errors"
	"sync"

	"sourcebook/db"
)

// maxUndo is how many destructive actions Undo can take back, newest first.
const maxUndo = 20

// maxUndoBytes caps the memory the kept rows take (deleted sources keep
// their originals); the oldest entries go first.
const maxUndoBytes = 256 << 20

// undoEntry is one action Undo can take back: rows to put back, or a
// function that restores the earlier state.
type undoEntry struct {
	what string       // the action, for the menu: `Delete note "Stone"`
	snap *db.Snapshot // rows the action deleted
	// quotes are restored quotes to put back in the quote index.
	quotes []indexedQuote
	redo   func() error // restores the earlier state instead of snap
}

// indexedQuote is a quote as the in-memory index knows it.
type indexedQuote struct {
	id   int64
	text string
}

// undoStack holds the last destructive actions of this session.
type undoStack struct {
	mu      sync.Mutex
	entries []undoEntry
}

func (a *App) pushUndo(e undoEntry) {
	a.undo.mu.Lock()
	defer a.undo.mu.Unlock()
	a.undo.entries = append(a.undo.entries, e)
	if len(a.undo.entries) > maxUndo {
		a.undo.entries = a.undo.entries[len(a.undo.entries)-maxUndo:]
	}
	total := 0
	for i := len(a.undo.entries) - 1; i >= 0; i-- {
		if s := a.undo.entries[i].snap; s != nil {
			total += s.Bytes()
		}
		if total > maxUndoBytes && i < len(a.undo.entries)-1 {
			a.undo.entries = a.undo.entries[i+1:]
			break
		}
	}
}

// clearUndo forgets every action: after a restore the rows they kept
// belong to another notebook.
func (a *App) clearUndo() {
	a.undo.mu.Lock()
	defer a.undo.mu.Unlock()
	a.undo.entries = nil
}

// UndoInfo says what Undo would take back ("" when nothing).
func (a *App) UndoInfo() UndoInfo {
	a.undo.mu.Lock()
	defer a.undo.mu.Unlock()
	if n := len(a.undo.entries); n > 0 {
		return UndoInfo{What: a.undo.entries[n-1].what}
	}
	return UndoInfo{}
}

// Undo takes back the last destructive action of this session (deleting a
// note, highlight, source, story or tag; changing tags; removing a source
// from a story) and says what it undid. Actions are undone newest first,
// up to 20. When the notebook changed so that the action cannot be taken
// back (a new row took a deleted row's id), it says so and changes nothing.
func (a *App) Undo() (UndoInfo, error) {
	a.undo.mu.Lock()
	n := len(a.undo.entries)
	if n == 0 {
		a.undo.mu.Unlock()
		return UndoInfo{}, &Error{Code: CodeConflict, Message: "there is nothing to undo"}
	}
	e := a.undo.entries[n-1]
	a.undo.entries = a.undo.entries[:n-1]
	a.undo.mu.Unlock()

	var err error
	switch {
	case e.redo != nil:
		err = e.redo()
	case len(e.quotes) > 0:
		err = a.quoteTx(func(q *db.Queries, log *ixLog) error {
			if err := e.snap.Restore(a.ctx, q); err != nil {
				return err
			}
			for _, qt := range e.quotes {
				log.add(qt.id, qt.text)
			}
			return nil
		})
	default:
		err = a.nb.Tx(a.ctx, func(q *db.Queries) error { return e.snap.Restore(a.ctx, q) })
	}
	if errors.Is(err, db.ErrUndoConflict) {
		return UndoInfo{}, &Error{Code: CodeConflict, Message: "cannot undo " + e.what + ": the notebook changed since", Err: err}
	}
	if err != nil {
		return UndoInfo{}, a.internal("undo "+e.what, err)
	}
	return UndoInfo{What: e.what}, nil
}
