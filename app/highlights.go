package app

import (
	"strings"

	"sourcebook/db"
)

// maxNoteBytes caps a note's text.
const maxNoteBytes = 1 << 20

// Highlights lists the passages of a source the user marked, in text order.
func (a *App) Highlights(sourceID int64) ([]Highlight, error) {
	if _, err := a.nb.Q.SourceSummaryGet(a.ctx, sourceID); isNoRows(err) {
		return nil, notFound("source", sourceID)
	} else if err != nil {
		return nil, a.internal("read the source", err)
	}
	rows, err := a.nb.Q.HighlightListBySource(a.ctx, intArg(sourceID))
	if err != nil {
		return nil, a.internal("list the highlights", err)
	}
	out := make([]Highlight, len(rows))
	for i, r := range rows {
		out[i] = Highlight{ID: r.NoteID, SourceID: sourceID, Start: int(r.StartOffset), End: int(r.EndOffset),
			Text: r.Exact, Note: r.Body, Orphan: r.Orphan != 0}
	}
	return out, nil
}

// CreateHighlight marks a passage of a source, with an optional note. The
// passage is anchored like a quote (position, exact words and context), so
// it follows the words when the source is extracted again.
func (a *App) CreateHighlight(req HighlightRequest) (Highlight, error) {
	if len(req.Note) > maxNoteBytes {
		return Highlight{}, &Error{Code: CodeTooLarge, Message: "the note is longer than 1 MiB"}
	}
	var noteID int64
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		sel, err := a.selectionQ(q, req.SourceID, req.Start, req.End)
		if err != nil {
			return err
		}
		now := a.now()
		body := strings.TrimSpace(req.Note)
		noteID, err = q.NoteCreateFull(a.ctx, db.NoteCreateFullParams{UUID: a.opts.NewUUID(), Body: body, Title: noteTitle(body), CreatedAt: now, ModifiedAt: now})
		if err != nil {
			return err
		}
		if err := a.saveRefsQ(q, noteID, body); err != nil {
			return err
		}
		src, err := q.SourceSummaryGet(a.ctx, req.SourceID)
		if err != nil {
			return err
		}
		_, err = q.NoteLinkCreate(a.ctx, db.NoteLinkCreateParams{
			UUID: a.opts.NewUUID(), NoteID: noteID, TargetKind: "passage", SourceID: intArg(req.SourceID),
			StartOffset: intArg(int64(sel.Start)), EndOffset: intArg(int64(sel.End)),
			Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix,
			TargetUuid: src.UUID, TargetLabel: src.Title, CreatedAt: now,
		})
		return err
	})
	if err != nil {
		return Highlight{}, a.internal("save the highlight", err)
	}
	return a.highlight(noteID)
}

// UpdateHighlight replaces a highlight's note.
func (a *App) UpdateHighlight(id int64, note string) (Highlight, error) {
	if len(note) > maxNoteBytes {
		return Highlight{}, &Error{Code: CodeTooLarge, Message: "the note is longer than 1 MiB"}
	}
	if _, err := a.highlight(id); err != nil {
		return Highlight{}, err
	}
	body := strings.TrimSpace(note)
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		if _, err := q.NoteSave(a.ctx, db.NoteSaveParams{Body: body, Title: noteTitle(body), ModifiedAt: a.now(), ID: id}); err != nil {
			return err
		}
		return a.saveRefsQ(q, id, body)
	})
	if err != nil {
		return Highlight{}, a.internal("save the note", err)
	}
	return a.highlight(id)
}

// DeleteHighlight deletes a highlight and its note.
func (a *App) DeleteHighlight(id int64) error {
	if _, err := a.highlight(id); err != nil {
		return err
	}
	return a.deleteNote(id, "highlight")
}

func (a *App) highlight(id int64) (Highlight, error) {
	r, err := a.nb.Q.HighlightGet(a.ctx, id)
	if isNoRows(err) {
		return Highlight{}, notFound("highlight", id)
	} else if err != nil {
		return Highlight{}, a.internal("read the highlight", err)
	}
	return Highlight{ID: r.NoteID, SourceID: r.SourceID, Start: int(r.StartOffset), End: int(r.EndOffset),
		Text: r.Exact, Note: r.Body, Orphan: r.Orphan != 0}, nil
}
