package app

import (
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	"sourcebook/db"
)

// maxTitle is the longest story title accepted, in characters.
const maxTitle = 300

func cleanTitle(title string) (string, error) {
	t := strings.Join(strings.Fields(title), " ")
	switch {
	case t == "":
		return "", invalid("a story needs a title")
	case utf8.RuneCountInString(t) > maxTitle:
		return "", invalid("a story title can have at most %d characters", maxTitle)
	}
	return t, nil
}

// CreateStory creates an empty story. The title is required.
func (a *App) CreateStory(title string) (Story, error) {
	t, err := cleanTitle(title)
	if err != nil {
		return Story{}, err
	}
	now := a.now()
	var s db.StoryCreateRow
	err = a.nb.Tx(a.ctx, func(q *db.Queries) error {
		var err error
		s, err = q.StoryCreate(a.ctx, db.StoryCreateParams{UUID: a.opts.NewUUID(), Title: t, CreatedAt: now, ModifiedAt: now})
		return err
	})
	if err != nil {
		return Story{}, a.internal("create the story", err)
	}
	return Story{ID: s.ID, UUID: s.UUID, Title: s.Title, CreatedAt: s.CreatedAt, SourceIDs: []int64{}}, nil
}

// RenameStory changes a story's title.
func (a *App) RenameStory(id int64, title string) error {
	t, err := cleanTitle(title)
	if err != nil {
		return err
	}
	return a.changeStory(id, "rename the story", func(q *db.Queries) (int64, error) {
		return q.StoryRename(a.ctx, db.StoryRenameParams{Title: t, ModifiedAt: a.now(), ID: id})
	})
}

// DeleteStory deletes a story. Its sources stay in the library.
func (a *App) DeleteStory(id int64) error {
	var snap *db.Snapshot
	var title string
	err := a.changeStory(id, "delete the story", func(q *db.Queries) (int64, error) {
		st, err := q.StoryGet(a.ctx, id)
		if isNoRows(err) {
			return 0, nil
		} else if err != nil {
			return 0, err
		}
		title = st.Title
		snap, err = db.Take(a.ctx, q,
			db.Rows{Table: "story", Where: "id = ?", Args: []any{id}},
			db.Rows{Table: "story_source", Where: "story_id = ?", Args: []any{id}},
			db.Rows{Table: "tagging", Where: "story_id = ?", Args: []any{id}},
			db.Rows{Table: "note_link", Where: "story_id = ?", Args: []any{id}, Replace: true})
		if err != nil {
			return 0, err
		}
		return q.StoryDelete(a.ctx, id)
	})
	if err == nil {
		a.pushUndo(undoEntry{what: "Delete story " + quoted(title), snap: snap})
	}
	return err
}

// AddToStory adds a source to a story; adding it twice is not an error.
func (a *App) AddToStory(storyID, sourceID int64) error {
	if storyID == 0 {
		return notFound("story", storyID)
	}
	if err := a.checkStory(storyID); err != nil {
		return err
	}
	if _, err := a.nb.Q.SourceSummaryGet(a.ctx, sourceID); errors.Is(err, sql.ErrNoRows) {
		return notFound("source", sourceID)
	} else if err != nil {
		return a.internal("add to the story", err)
	}
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		return q.StorySourceAdd(a.ctx, db.StorySourceAddParams{
			UUID: a.opts.NewUUID(), StoryID: storyID, SourceID: sourceID, AddedAt: a.now(),
		})
	})
	if err != nil {
		return a.internal("add to the story", err)
	}
	return nil
}

// RemoveFromStory takes a source out of a story; the source stays in the
// library. Removing a source that is not in the story is not an error.
func (a *App) RemoveFromStory(storyID, sourceID int64) error {
	if err := a.checkStory(storyID); err != nil {
		return err
	}
	var snap *db.Snapshot
	var removed int64
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		var err error
		snap, err = db.Take(a.ctx, q, db.Rows{Table: "story_source", Where: "story_id = ? AND source_id = ?", Args: []any{storyID, sourceID}})
		if err != nil {
			return err
		}
		removed, err = q.StorySourceRemove(a.ctx, db.StorySourceRemoveParams{StoryID: storyID, SourceID: sourceID})
		return err
	})
	if err != nil {
		return a.internal("remove from the story", err)
	}
	if removed > 0 {
		a.pushUndo(undoEntry{what: "Remove a source from the story", snap: snap})
	}
	return nil
}

// checkStory returns a notfound error unless id is 0 (no story) or names a story.
func (a *App) checkStory(id int64) error {
	if id == 0 {
		return nil
	}
	if _, err := a.nb.Q.StoryGet(a.ctx, id); errors.Is(err, sql.ErrNoRows) {
		return notFound("story", id)
	} else if err != nil {
		return a.internal("read the story", err)
	}
	return nil
}

func (a *App) changeStory(id int64, doing string, change func(q *db.Queries) (int64, error)) error {
	var n int64
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		var err error
		n, err = change(q)
		return err
	})
	if err != nil {
		return a.internal(doing, err)
	}
	if n == 0 {
		return notFound("story", id)
	}
	return nil
}
