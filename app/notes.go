package app

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"sourcebook/db"
	"sourcebook/internal/ftsquery"
	"sourcebook/internal/wikilink"
)

// Notes lists notes, most recently changed first, narrowed by f.
func (a *App) Notes(f NoteFilter) ([]Note, error) {
	if f.Kind != "" && !slices.Contains([]string{"source", "quote", "speaker", "story"}, f.Kind) {
		return nil, invalid("notes can be listed for a source, quote, speaker or story, not %q", f.Kind)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 200
	}
	limit = min(limit, 1000)
	standalone := int64(0)
	if f.Standalone {
		standalone = 1
	}
	var rows []db.NoteListRow
	var err error
	switch {
	case f.Kind != "" && f.Standalone:
		rows = nil // attached to something and to nothing: none
	case f.Kind != "":
		var byTarget []db.NoteListByTargetRow
		byTarget, err = a.nb.Q.NoteListByTarget(a.ctx, db.NoteListByTargetParams{
			TargetKind: f.Kind, TargetID: intArg(f.ID), Tag: strings.TrimSpace(f.Tag), MaxNotes: int64(limit),
		})
		for _, r := range byTarget {
			rows = append(rows, db.NoteListRow(r))
		}
	default:
		rows, err = a.nb.Q.NoteList(a.ctx, db.NoteListParams{
			Tag: strings.TrimSpace(f.Tag), Standalone: standalone, MaxNotes: int64(limit),
		})
	}
	if err != nil {
		return nil, a.internal("list the notes", err)
	}
	out := make([]Note, 0, len(rows))
	for _, r := range rows {
		n, err := a.noteOf(a.nb.Q, db.NoteRowRow(r))
		if err != nil {
			return nil, a.internal("list the notes", err)
		}
		out = append(out, n)
	}
	return out, nil
}

// NoteCount returns how many notes the notebook holds (the sidebar shows
// it without listing them).
func (a *App) NoteCount() (int64, error) {
	n, err := a.nb.Q.NoteCount(a.ctx)
	if err != nil {
		return 0, a.internal("count the notes", err)
	}
	return n, nil
}

// Note returns one note with what it is attached to, its links and tags.
func (a *App) Note(id int64) (Note, error) {
	r, err := a.nb.Q.NoteRow(a.ctx, id)
	if isNoRows(err) {
		return Note{}, notFound("note", id)
	} else if err != nil {
		return Note{}, a.internal("read the note", err)
	}
	n, err := a.noteOf(a.nb.Q, r)
	if err != nil {
		return Note{}, a.internal("read the note", err)
	}
	return n, nil
}

// CreateNote writes a new note, standalone or attached to one thing, with
// optional tags. Its [[links]] are resolved as it is saved.
func (a *App) CreateNote(req NoteRequest) (Note, error) {
	if len(req.Body) > maxNoteBytes {
		return Note{}, &Error{Code: CodeTooLarge, Message: "the note is longer than 1 MiB"}
	}
	if !utf8.ValidString(req.Body) {
		return Note{}, invalid("the note is not valid text (UTF-8)")
	}
	var id int64
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		now := a.now()
		var err error
		id, err = q.NoteCreateFull(a.ctx, db.NoteCreateFullParams{
			UUID: a.opts.NewUUID(), Body: req.Body, Title: noteTitle(req.Body), CreatedAt: now, ModifiedAt: now,
		})
		if err != nil {
			return err
		}
		if req.Attach != nil {
			if err := a.attachQ(q, id, *req.Attach, now); err != nil {
				return err
			}
		}
		if err := a.saveRefsQ(q, id, req.Body); err != nil {
			return err
		}
		return a.setTagsQ(q, "note", id, req.Tags)
	})
	if err != nil {
		return Note{}, a.internal("save the note", err)
	}
	return a.Note(id)
}

// UpdateNote replaces a note's text (the editor saves as the user types)
// and resolves its [[links]] again.
func (a *App) UpdateNote(id int64, body string) (Note, error) {
	if len(body) > maxNoteBytes {
		return Note{}, &Error{Code: CodeTooLarge, Message: "the note is longer than 1 MiB"}
	}
	if !utf8.ValidString(body) {
		return Note{}, invalid("the note is not valid text (UTF-8)")
	}
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		n, err := q.NoteSave(a.ctx, db.NoteSaveParams{Body: body, Title: noteTitle(body), ModifiedAt: a.now(), ID: id})
		if err != nil {
			return err
		}
		if n == 0 {
			return notFound("note", id)
		}
		return a.saveRefsQ(q, id, body)
	})
	if err != nil {
		return Note{}, a.internal("save the note", err)
	}
	return a.Note(id)
}

// DeleteNote deletes a note with its links and tags. Undo brings it back.
func (a *App) DeleteNote(id int64) error {
	return a.deleteNote(id, "note")
}

// deleteNote deletes a note (or highlight: what names it in the undo
// menu) and keeps it for Undo.
func (a *App) deleteNote(id int64, what string) error {
	var title string
	var snap *db.Snapshot
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		r, err := q.NoteRow(a.ctx, id)
		if isNoRows(err) {
			return notFound(what, id)
		} else if err != nil {
			return err
		}
		title = r.Title
		if title == "" {
			links, err := q.NoteLinkDetails(a.ctx, id)
			if err == nil && len(links) > 0 {
				title = links[0].Exact
			}
		}
		snap, err = db.Take(a.ctx, q,
			db.Rows{Table: "note", Where: "id = ?", Args: []any{id}},
			db.Rows{Table: "note_link", Where: "note_id = ?", Args: []any{id}},
			db.Rows{Table: "note_ref", Where: "note_id = ?", Args: []any{id}},
			db.Rows{Table: "tagging", Where: "note_id = ?", Args: []any{id}})
		if err != nil {
			return err
		}
		_, err = q.NoteDelete(a.ctx, id)
		return err
	})
	if err != nil {
		return a.internal("delete the "+what, err)
	}
	a.pushUndo(undoEntry{what: fmt.Sprintf("Delete %s %s", what, quoted(title)), snap: snap})
	return nil
}

// Backlinks lists the notes that refer to a thing (note, source, quote,
// speaker or story): through a [[link]] in their text, or by being
// attached to it. Links written before the thing had its name count too.
func (a *App) Backlinks(kind string, id int64) ([]Backlink, error) {
	if !slices.Contains(wikilink.Kinds, kind) {
		return nil, invalid("backlinks are for a note, source, quote, speaker or story, not %q", kind)
	}
	name, err := a.nb.Q.TargetLabel(a.ctx, db.TargetLabelParams{Kind: kind, TargetID: id})
	if isNoRows(err) {
		return nil, notFound(kind, id)
	} else if err != nil {
		return nil, a.internal("find the backlinks", err)
	}
	if kind == "quote" {
		name = "" // quotes are linked by id only
	}
	rows, err := a.nb.Q.Backlinks(a.ctx, db.BacklinksParams{Kind: kind, TargetID: intArg(id), Name: name})
	if err != nil {
		return nil, a.internal("find the backlinks", err)
	}
	out := []Backlink{}
	seen := map[int64]int{}
	for _, r := range rows {
		if k, ok := seen[r.ID]; ok {
			if r.Via == "link" {
				out[k].Via = "link"
				out[k].Excerpt = excerpt(r.Body, kind, id, name)
			}
			continue
		}
		seen[r.ID] = len(out)
		ex := ""
		if r.Via == "link" {
			ex = excerpt(r.Body, kind, id, name)
		} else {
			ex = excerpt(r.Body, "", 0, "")
		}
		out = append(out, Backlink{NoteID: r.ID, Title: r.Title, Excerpt: ex, Via: r.Via, ModifiedAt: r.ModifiedAt})
	}
	return out, nil
}

// LinkTargets suggests what a [[link]] being typed may point at: notes,
// stories, speakers, sources and quotes whose name holds the words typed,
// a few of each kind.
func (a *App) LinkTargets(typed string) ([]LinkTarget, error) {
	typed = strings.Join(strings.Fields(typed), " ")
	if len(typed) > wikilink.MaxTarget {
		typed = typed[:wikilink.MaxTarget]
	}
	out := []LinkTarget{}
	const each = 6
	// byName links by name when the name leads back to this target, by
	// kind:id otherwise.
	add := func(kind string, id int64, label, detail string) error {
		insert := wikilink.Ref(kind, id, label)
		if label != "" && !strings.ContainsAny(label, "[]|\n") {
			k, rid, _, err := a.resolveQ(a.nb.Q, wikilink.Link{Target: label})
			if err != nil {
				return err
			}
			if k == kind && rid == id {
				insert = "[[" + label + "]]"
			}
		}
		out = append(out, LinkTarget{Kind: kind, ID: id, Label: label, Detail: detail, Insert: insert})
		return nil
	}
	q, ctx, n := a.nb.Q, a.ctx, int64(each)
	// Notes, sources and quotes are many: they are found through the
	// full-text indexes (title words for sources), newest first.
	match := ftsquery.Translate(typed, ftsquery.Options{AsYouType: true})
	var notes []db.LinkTargetNotesRow
	var err error
	if match == "" {
		recent, err := q.LinkTargetNotesRecent(ctx, n)
		if err != nil {
			return nil, a.internal("suggest links", err)
		}
		for _, r := range recent {
			notes = append(notes, db.LinkTargetNotesRow(r))
		}
	} else if notes, err = q.LinkTargetNotes(ctx, db.LinkTargetNotesParams{Query: match, MaxRows: n}); err != nil {
		return nil, a.internal("suggest links", err)
	}
	for _, r := range notes {
		if err := add("note", r.ID, r.Title, "note"); err != nil {
			return nil, a.internal("suggest links", err)
		}
	}
	stories, err := q.LinkTargetStories(ctx, db.LinkTargetStoriesParams{Needle: typed, MaxRows: n})
	if err != nil {
		return nil, a.internal("suggest links", err)
	}
	for _, r := range stories {
		if err := add("story", r.ID, r.Title, "story"); err != nil {
			return nil, a.internal("suggest links", err)
		}
	}
	speakers, err := q.LinkTargetSpeakers(ctx, db.LinkTargetSpeakersParams{Needle: typed, MaxRows: n})
	if err != nil {
		return nil, a.internal("suggest links", err)
	}
	for _, r := range speakers {
		if err := add("speaker", r.ID, r.Name, cmp.Or(r.Role, "speaker")); err != nil {
			return nil, a.internal("suggest links", err)
		}
	}
	var sources []db.LinkTargetSourcesRow
	if match == "" {
		recent, err := q.LinkTargetSourcesRecent(ctx, n)
		if err != nil {
			return nil, a.internal("suggest links", err)
		}
		for _, r := range recent {
			sources = append(sources, db.LinkTargetSourcesRow(r))
		}
	} else {
		sources, err = q.LinkTargetSources(ctx, db.LinkTargetSourcesParams{Query: "title : (" + match + ")", MaxRows: n})
		if err != nil {
			return nil, a.internal("suggest links", err)
		}
	}
	for _, r := range sources {
		if err := add("source", r.ID, r.Title, cmp.Or(r.Outlet, "source")); err != nil {
			return nil, a.internal("suggest links", err)
		}
	}
	if match != "" {
		quotes, err := q.LinkTargetQuotes(ctx, db.LinkTargetQuotesParams{Query: match, MaxRows: n})
		if err != nil {
			return nil, a.internal("suggest links", err)
		}
		for _, r := range quotes {
			label := shortText(r.Text, 60)
			out = append(out, LinkTarget{Kind: "quote", ID: r.ID, Label: label, Detail: cmp.Or(r.Speaker, "quote"),
				Insert: wikilink.Ref("quote", r.ID, label)})
		}
	}
	return out, nil
}

// noteOf fills a note row in with its attachments, links and tags.
func (a *App) noteOf(q *db.Queries, r db.NoteRowRow) (Note, error) {
	n := Note{ID: r.ID, UUID: r.UUID, Title: r.Title, Body: r.Body, CreatedAt: r.CreatedAt, ModifiedAt: r.ModifiedAt,
		Attached: []NoteTarget{}, Links: []NoteLink{}, Tags: []string{}}
	links, err := q.NoteLinkDetails(a.ctx, r.ID)
	if err != nil {
		return Note{}, err
	}
	for _, l := range links {
		t := NoteTarget{Kind: l.TargetKind, Label: cmp.Or(l.Label, l.TargetLabel), SourceID: l.InSource, Orphan: l.Orphan != 0}
		switch l.TargetKind {
		case "source":
			t.ID = l.SourceID
		case "passage":
			t.ID, t.Start, t.End, t.Label = l.SourceID, int(l.StartOffset), int(l.EndOffset), l.Exact
		case "quote":
			t.ID = l.QuoteID
		case "speaker":
			t.ID = l.SpeakerID
		case "story":
			t.ID = l.StoryID
		}
		if t.ID == 0 {
			t.Label = l.TargetLabel
		}
		n.Attached = append(n.Attached, t)
	}
	refs, err := q.NoteRefList(a.ctx, r.ID)
	if err != nil {
		return Note{}, err
	}
	parsed := wikilink.Parse(r.Body)
	for i, ref := range refs {
		l := NoteLink{Target: ref.Target, Text: ref.Target, Kind: ref.TargetKind, ID: ref.TargetID}
		if i < len(parsed) && parsed[i].Target == ref.Target {
			l.Text = parsed[i].Text
		}
		if l.Kind == "" {
			// Resolve again: the name may have been given to something
			// since the note was saved.
			if k, id, _, err := a.resolveQ(q, wikilink.Link{Target: ref.Target}); err == nil && k != "" {
				l.Kind, l.ID = k, id
			}
		}
		if l.Kind != "" {
			label, err := q.TargetLabel(a.ctx, db.TargetLabelParams{Kind: l.Kind, TargetID: l.ID})
			if isNoRows(err) {
				l.Kind, l.ID = "", 0 // deleted since
			} else if err != nil {
				return Note{}, err
			}
			l.Label = label
		}
		n.Links = append(n.Links, l)
	}
	tags, err := q.TagsOf(a.ctx, db.TagsOfParams{Kind: "note", ID: intArg(r.ID)})
	if err != nil {
		return Note{}, err
	}
	n.Tags = append(n.Tags, tags...)
	return n, nil
}

// attachQ ties a note to its target, checking the target exists.
func (a *App) attachQ(q *db.Queries, noteID int64, t NoteTarget, now string) error {
	p := db.NoteLinkCreateParams{UUID: a.opts.NewUUID(), NoteID: noteID, TargetKind: t.Kind, CreatedAt: now}
	switch t.Kind {
	case "source":
		s, err := q.SourceSummaryGet(a.ctx, t.ID)
		if isNoRows(err) {
			return notFound("source", t.ID)
		} else if err != nil {
			return err
		}
		p.SourceID, p.TargetUuid, p.TargetLabel = intArg(t.ID), s.UUID, s.Title
	case "passage":
		sel, err := a.selectionQ(q, t.ID, t.Start, t.End)
		if err != nil {
			return err
		}
		s, err := q.SourceSummaryGet(a.ctx, t.ID)
		if err != nil {
			return err
		}
		p.SourceID, p.TargetUuid, p.TargetLabel = intArg(t.ID), s.UUID, s.Title
		p.StartOffset, p.EndOffset = intArg(int64(sel.Start)), intArg(int64(sel.End))
		p.Exact, p.Prefix, p.Suffix = sel.Exact, sel.Prefix, sel.Suffix
	case "quote":
		r, err := q.QuoteViewGet(a.ctx, t.ID)
		if isNoRows(err) {
			return notFound("quote", t.ID)
		} else if err != nil {
			return err
		}
		p.QuoteID, p.TargetUuid, p.TargetLabel = intArg(t.ID), r.UUID, shortText(r.Text, 200)
	case "speaker":
		s, err := q.SpeakerGet(a.ctx, t.ID)
		if isNoRows(err) {
			return notFound("speaker", t.ID)
		} else if err != nil {
			return err
		}
		p.SpeakerID, p.TargetUuid, p.TargetLabel = intArg(t.ID), s.UUID, s.Name
	case "story":
		s, err := q.StoryGet(a.ctx, t.ID)
		if isNoRows(err) {
			return notFound("story", t.ID)
		} else if err != nil {
			return err
		}
		p.StoryID, p.TargetUuid, p.TargetLabel = intArg(t.ID), s.UUID, s.Title
	default:
		return invalid("a note can be attached to a source, passage, quote, speaker or story, not %q", t.Kind)
	}
	_, err := q.NoteLinkCreate(a.ctx, p)
	return err
}

// saveRefsQ rewrites the note_ref rows of a note from its body.
func (a *App) saveRefsQ(q *db.Queries, noteID int64, body string) error {
	if err := q.NoteRefDelete(a.ctx, noteID); err != nil {
		return err
	}
	for _, l := range wikilink.Parse(body) {
		kind, id, uuid, err := a.resolveQ(q, l)
		if err != nil {
			return err
		}
		p := db.NoteRefCreateParams{NoteID: noteID, Target: l.Target, TargetKind: kind, TargetUuid: uuid}
		if kind != "" {
			p.TargetID = intArg(id)
		}
		if err := q.NoteRefCreate(a.ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// resolveQ finds what a link points at: the thing a kind:id names, or the
// first of a note, story, speaker (by name or alias) and source with the
// link's name. kind is "" when nothing matches.
func (a *App) resolveQ(q *db.Queries, l wikilink.Link) (kind string, id int64, uuid string, err error) {
	if l.Kind != "" {
		uuid, err := q.TargetUUID(a.ctx, db.TargetUUIDParams{Kind: l.Kind, TargetID: l.ID})
		if isNoRows(err) {
			return "", 0, "", nil
		}
		return l.Kind, l.ID, uuid, err
	}
	type found struct {
		ID   int64
		UUID string
	}
	lookups := []struct {
		kind string
		find func() (found, error)
	}{
		{"note", func() (found, error) { r, err := q.NoteByTitle(a.ctx, l.Target); return found(r), err }},
		{"story", func() (found, error) { r, err := q.StoryByTitle(a.ctx, l.Target); return found(r), err }},
		{"speaker", func() (found, error) { r, err := q.SpeakerByNameOrAlias(a.ctx, l.Target); return found(r), err }},
		{"source", func() (found, error) { r, err := q.SourceByTitle(a.ctx, l.Target); return found(r), err }},
	}
	for _, lk := range lookups {
		r, err := lk.find()
		if err == nil {
			return lk.kind, r.ID, r.UUID, nil
		}
		if err != sql.ErrNoRows {
			return "", 0, "", err
		}
	}
	return "", 0, "", nil
}

// noteTitle is a note's first non-empty line, without Markdown heading or
// list marks, at most 200 characters.
func noteTitle(body string) string {
	for line := range strings.Lines(body) {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#>*-+ \t"))
		if t != "" {
			return shortText(t, 200)
		}
	}
	return ""
}

// excerpt is the words of body around its first link to the target (or
// its start when there is none), on one line.
func excerpt(body, kind string, id int64, name string) string {
	at := -1
	if kind != "" {
		for _, l := range wikilink.Parse(body) {
			if l.Kind == kind && l.ID == id || l.Kind == "" && name != "" && strings.EqualFold(l.Target, name) {
				at = l.Start
				break
			}
		}
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if at < 0 {
		return shortText(flat(body), 160)
	}
	start := max(0, at-80)
	for start > 0 && !utf8.RuneStart(body[start]) {
		start--
	}
	end := min(len(body), at+120)
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end++
	}
	s := flat(body[start:end])
	if start > 0 {
		s = "…" + s
	}
	if end < len(body) {
		s += "…"
	}
	return s
}

// shortText cuts s to n code points, ending with an ellipsis when cut.
func shortText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// quoted puts a title in curly quotes for messages, or says "untitled".
func quoted(s string) string {
	if s == "" {
		return "(untitled)"
	}
	return "“" + shortText(s, 60) + "”"
}
