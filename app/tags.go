package app

import (
	"slices"
	"strings"
	"unicode/utf8"

	"sourcebook/db"
)

// maxTag is the longest tag name, in code points.
const maxTag = 60

// Tags lists every tag with how many things carry it, by name.
func (a *App) Tags() ([]Tag, error) {
	rows, err := a.nb.Q.TagList(a.ctx)
	if err != nil {
		return nil, a.internal("list the tags", err)
	}
	out := make([]Tag, len(rows))
	for i, r := range rows {
		out[i] = Tag{ID: r.ID, Name: r.Name, Color: r.Color, Uses: r.Uses}
	}
	return out, nil
}

// TagsOf returns the tags on one thing: a source, quote, note, speaker or
// story.
func (a *App) TagsOf(kind string, id int64) ([]string, error) {
	if err := checkTaggable(kind); err != nil {
		return nil, err
	}
	tags, err := a.nb.Q.TagsOf(a.ctx, db.TagsOfParams{Kind: kind, ID: intArg(id)})
	if err != nil {
		return nil, a.internal("read the tags", err)
	}
	return tags, nil
}

// SetTags replaces the tags on one thing with names (new names become
// tags; case does not count, so "Privacy" is the tag "privacy" when that
// exists). It returns the tags the thing now carries. Undo puts the old
// ones back.
func (a *App) SetTags(kind string, id int64, names []string) ([]string, error) {
	return a.setTags(kind, id, names, true)
}

// setTags is SetTags; record says whether Undo can take the change back.
func (a *App) setTags(kind string, id int64, names []string, record bool) ([]string, error) {
	if err := checkTaggable(kind); err != nil {
		return nil, err
	}
	var before []string
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		if _, err := q.TargetLabel(a.ctx, db.TargetLabelParams{Kind: kind, TargetID: id}); isNoRows(err) {
			return notFound(kind, id)
		} else if err != nil {
			return err
		}
		var err error
		before, err = q.TagsOf(a.ctx, db.TagsOfParams{Kind: kind, ID: intArg(id)})
		if err != nil {
			return err
		}
		return a.setTagsQ(q, kind, id, names)
	})
	if err != nil {
		return nil, a.internal("save the tags", err)
	}
	after, err := a.TagsOf(kind, id)
	if err != nil {
		return nil, err
	}
	if record && !slices.Equal(before, after) {
		a.pushUndo(undoEntry{what: "Change tags", redo: func() error {
			_, err := a.setTags(kind, id, before, false)
			return err
		}})
	}
	return after, nil
}

// RenameTag renames a tag everywhere. A name another tag has is refused.
func (a *App) RenameTag(id int64, name string) (Tag, error) {
	name, err := cleanTag(name)
	if err != nil {
		return Tag{}, err
	}
	err = a.nb.Tx(a.ctx, func(q *db.Queries) error {
		if other, err := q.TagByName(a.ctx, name); err == nil && other.ID != id {
			return &Error{Code: CodeConflict, Message: "a tag named " + quoted(other.Name) + " exists already"}
		} else if err != nil && !isNoRows(err) {
			return err
		}
		n, err := q.TagRename(a.ctx, db.TagRenameParams{Name: name, ID: id})
		if err == nil && n == 0 {
			return notFound("tag", id)
		}
		return err
	})
	if err != nil {
		return Tag{}, a.internal("rename the tag", err)
	}
	tags, err := a.Tags()
	if err != nil {
		return Tag{}, err
	}
	for _, t := range tags {
		if t.ID == id {
			return t, nil
		}
	}
	return Tag{}, notFound("tag", id)
}

// DeleteTag removes a tag from everything that carries it. Undo brings it
// back, on the same things.
func (a *App) DeleteTag(id int64) error {
	var snap *db.Snapshot
	var name string
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		var err error
		snap, err = db.Take(a.ctx, q,
			db.Rows{Table: "tag", Where: "id = ?", Args: []any{id}},
			db.Rows{Table: "tagging", Where: "tag_id = ?", Args: []any{id}})
		if err != nil {
			return err
		}
		t, err := q.TagGet(a.ctx, id)
		if err != nil {
			return err
		}
		name = t.Name
		n, err := q.TagDelete(a.ctx, id)
		if err == nil && n == 0 {
			return notFound("tag", id)
		}
		return err
	})
	if isNoRows(err) {
		return notFound("tag", id)
	}
	if err != nil {
		return a.internal("delete the tag", err)
	}
	a.pushUndo(undoEntry{what: "Delete tag " + quoted(name), snap: snap})
	return nil
}

// setTagsQ replaces the tags of one thing inside a transaction.
func (a *App) setTagsQ(q *db.Queries, kind string, id int64, names []string) error {
	if err := q.TaggingClear(a.ctx, db.TaggingClearParams{Kind: kind, ID: intArg(id)}); err != nil {
		return err
	}
	now := a.now()
	for _, raw := range names {
		name, err := cleanTag(raw)
		if err != nil {
			return err
		}
		t, err := q.TagByName(a.ctx, name)
		tagID := t.ID
		if isNoRows(err) {
			tagID, err = q.TagCreate(a.ctx, db.TagCreateParams{UUID: a.opts.NewUUID(), Name: name, CreatedAt: now})
		}
		if err != nil {
			return err
		}
		p := db.TaggingAddParams{UUID: a.opts.NewUUID(), TagID: tagID, CreatedAt: now}
		switch kind {
		case "source":
			p.SourceID = intArg(id)
		case "quote":
			p.QuoteID = intArg(id)
		case "note":
			p.NoteID = intArg(id)
		case "speaker":
			p.SpeakerID = intArg(id)
		case "story":
			p.StoryID = intArg(id)
		}
		if err := q.TaggingAdd(a.ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func checkTaggable(kind string) error {
	if !slices.Contains([]string{"source", "quote", "note", "speaker", "story"}, kind) {
		return invalid("tags go on a source, quote, note, speaker or story, not %q", kind)
	}
	return nil
}

// cleanTag trims a tag name and checks it: a leading "#" is dropped, inner
// runs of spaces become one.
func cleanTag(name string) (string, error) {
	name = strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(name), "#")), " ")
	switch {
	case name == "":
		return "", invalid("a tag needs a name")
	case !utf8.ValidString(name):
		return "", invalid("a tag name must be valid text (UTF-8)")
	case utf8.RuneCountInString(name) > maxTag:
		return "", invalid("a tag name is at most %d characters", maxTag)
	case strings.ContainsAny(name, ",[]|"):
		return "", invalid("a tag name cannot hold , [ ] or |")
	}
	return name, nil
}
