package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"sourcebook/db"
	"sourcebook/internal/anchor"
	"sourcebook/internal/export/webanno"
)

// importAnnotations merges a file of W3C Web Annotations: Sourcebook's own
// export (quotes, highlights, notes) or another tool's (Hypothesis's
// highlights and comments). Each annotation is placed on a source of the
// notebook, found by its uuid or its address, by its selectors (the words
// and their context win over the offsets). An annotation keeps its id as
// its uuid (other tools' ids become name-based UUIDs), so importing a file
// twice adds nothing. Annotations whose source is not in the notebook, or
// whose words cannot be found in it, are listed as skipped.
func (a *App) importAnnotations(ctx context.Context, path string, res *MergeResult, progress func(done, total int64)) (db.MergeStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return db.MergeStats{}, err
	}
	annos, err := webanno.Parse(f)
	f.Close()
	if err != nil {
		return db.MergeStats{}, invalidFile(path, err)
	}
	if len(annos) == 0 {
		return db.MergeStats{}, invalid("%s holds no annotations", path)
	}
	if res.Backup, err = a.backupBefore(ctx, "merge"); err != nil {
		return db.MergeStats{}, err
	}
	// Quotes first: notes may be about them.
	var ordered []webanno.Annotation
	for _, an := range annos {
		if an.Kind == "quote" {
			ordered = append(ordered, an)
		}
	}
	for _, an := range annos {
		if an.Kind != "quote" {
			ordered = append(ordered, an)
		}
	}
	var skipped []string
	stats, err := a.mergeRows(ctx, func(m *db.Merger) error {
		tx := m.Tx()
		q := db.New(tx)
		im := &annoImport{a: a, q: q, ctx: ctx, texts: map[int64]string{}}
		for i, an := range ordered {
			progress(int64(i+1), int64(len(ordered)))
			rows, why := im.rows(an)
			if why != "" {
				skipped = append(skipped, why)
				continue
			}
			for _, r := range rows {
				if err := m.Add(r); err != nil {
					return err
				}
			}
		}
		// The notes' [[links]], as saving them would record.
		for _, u := range im.notes {
			var id int64
			var body string
			if err := tx.QueryRowContext(ctx, "SELECT id, body FROM note WHERE uuid = ?", u).Scan(&id, &body); err != nil {
				return err
			}
			var refs int
			tx.QueryRowContext(ctx, "SELECT count(*) FROM note_ref WHERE note_id = ?", id).Scan(&refs)
			if refs == 0 && strings.Contains(body, "[[") {
				if err := a.saveRefsQ(q, id, body); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return db.MergeStats{}, err
	}
	stats.Skipped = append(stats.Skipped, skipped...)
	return stats, nil
}

func invalidFile(path string, err error) error {
	return &Error{Code: CodeInvalid, Message: fmt.Sprintf("cannot merge %s: %v", path, err), Err: err}
}

// annoImport turns annotations into notebook rows.
type annoImport struct {
	a     *App
	q     *db.Queries
	ctx   context.Context
	texts map[int64]string // source texts read so far
	notes []string         // uuids of the notes made
}

// uuidOf is the annotation's uuid: its own when Sourcebook wrote it, else
// one derived from its id, the same each time.
func uuidOf(an webanno.Annotation) string {
	if an.UUID != "" {
		return an.UUID
	}
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte(an.ID)).String()
}

func derived(parts ...string) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("sourcebook:"+strings.Join(parts, "/"))).String()
}

// when is an annotation's time as the notebook stores it.
func (im *annoImport) when(s string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return im.a.now()
}

// annoPlace is a target found in a source of the notebook.
type annoPlace struct {
	sourceUUID string
	sel        anchor.Selector // where it is now, with its words and context
	whole      bool            // the whole source, no passage
}

// place finds a target's source and passage. It returns why not when it
// cannot.
func (im *annoImport) place(t webanno.Target) (annoPlace, string) {
	var src db.AnnotationSourceByUUIDRow
	err := sql.ErrNoRows
	if t.SourceUUID != "" {
		src, err = im.q.AnnotationSourceByUUID(im.ctx, t.SourceUUID)
	}
	if errors.Is(err, sql.ErrNoRows) && t.Source != "" && !strings.HasPrefix(t.Source, "urn:") {
		var r db.AnnotationSourceByURLRow
		r, err = im.q.AnnotationSourceByURL(im.ctx, t.Source)
		src = db.AnnotationSourceByUUIDRow(r)
	}
	if errors.Is(err, sql.ErrNoRows) {
		where := t.Source
		if where == "" {
			where = t.SourceUUID
		}
		return annoPlace{}, fmt.Sprintf("no source in the notebook is %s: import the page first", where)
	} else if err != nil {
		return annoPlace{}, err.Error()
	}
	if t.Exact == "" && t.Start < 0 {
		return annoPlace{sourceUUID: src.UUID, whole: true}, ""
	}
	sel := anchor.Selector{Start: max(t.Start, 0), End: max(t.End, 0), Exact: t.Exact, Prefix: t.Prefix, Suffix: t.Suffix}
	if sel.Exact == "" {
		runes := []rune(src.Text)
		if t.End > len(runes) || t.Start >= t.End {
			return annoPlace{}, fmt.Sprintf("the passage %d-%d is outside %q", t.Start, t.End, src.UUID)
		}
		sel.Exact = string(runes[t.Start:t.End])
	}
	m, ok := anchor.Find(src.Text, sel, anchor.Options{})
	if !ok {
		return annoPlace{}, fmt.Sprintf("the words %q are not in the source %s", excerptText(sel.Exact, 60), src.UUID)
	}
	found, err := anchor.Describe(src.Text, m.Start, m.End)
	if err != nil {
		return annoPlace{}, err.Error()
	}
	return annoPlace{sourceUUID: src.UUID, sel: found}, ""
}

func excerptText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// rows returns the rows for one annotation, in transfer order, or why it
// is skipped.
func (im *annoImport) rows(an webanno.Annotation) ([]db.Row, string) {
	if len(an.Targets) == 0 {
		return nil, fmt.Sprintf("annotation %s has no target", an.ID)
	}
	id := uuidOf(an)
	created, modified := im.when(an.Created), im.when(an.Modified)
	if an.Modified == "" {
		modified = created
	}
	var out []db.Row
	add := func(table string, kv ...any) {
		r := db.Row{Table: table}
		for i := 0; i+1 < len(kv); i += 2 {
			r.Cols = append(r.Cols, kv[i].(string))
			r.Vals = append(r.Vals, kv[i+1])
		}
		out = append(out, r)
	}
	var tagTargets [][2]string // column, uuid

	if an.Kind == "quote" {
		p, why := im.place(an.Targets[0])
		if why != "" {
			return nil, fmt.Sprintf("quote %s: %s", an.ID, why)
		}
		if p.whole {
			return nil, fmt.Sprintf("quote %s: it has no words to place", an.ID)
		}
		var speaker any
		if u, err := im.speaker(an); err != nil {
			return nil, fmt.Sprintf("quote %s: %v", an.ID, err)
		} else if u != "" {
			speaker = u
		}
		kind, status := an.QuoteKind, an.Status
		if !validQuoteKind(kind) {
			kind = "direct"
		}
		if status != "suggested" && status != "rejected" {
			status = "confirmed"
		}
		group := an.GroupUUID
		if group == "" {
			group = id
		}
		add("quote", "uuid", id, "source_id", p.sourceUUID, "speaker_id", speaker,
			"text", p.sel.Exact, "start_offset", int64(p.sel.Start), "end_offset", int64(p.sel.End),
			"prefix", p.sel.Prefix, "suffix", p.sel.Suffix, "cue", an.Cue, "origin", "manual", "status", status,
			"kind", kind, "group_uuid", group, "speaker_text", an.Speaker,
			"created_at", created, "modified_at", modified)
		tagTargets = append(tagTargets, [2]string{"quote_id", id})
	} else {
		body := an.Text
		var links []db.Row
		// A note the notebook has keeps the attachments it has: the file
		// does not carry their uuids, and the merge must not double them.
		exists, err := im.q.AnnotationNoteExists(im.ctx, id)
		if err != nil {
			return nil, err.Error()
		}
		for i, t := range an.Targets {
			if exists > 0 {
				break
			}
			linkID := derived(id, "link", fmt.Sprint(i))
			switch t.Kind {
			case "quote", "speaker", "story":
				// About something of the notebook, by its uuid; if it is not
				// here the link keeps saying what it was.
				links = append(links, db.Row{Table: "note_link",
					Cols: []string{"uuid", "note_id", "target_kind", t.Kind + "_id", "target_uuid", "target_label", "created_at"},
					Vals: []any{linkID, id, t.Kind, t.UUID, t.UUID, excerptText(t.Exact, 80), created}})
				continue
			}
			p, why := im.place(t)
			if why != "" {
				return nil, fmt.Sprintf("annotation %s: %s", an.ID, why)
			}
			if p.whole || t.Kind == "source" {
				links = append(links, db.Row{Table: "note_link",
					Cols: []string{"uuid", "note_id", "target_kind", "source_id", "target_uuid", "created_at"},
					Vals: []any{linkID, id, "source", p.sourceUUID, p.sourceUUID, created}})
				continue
			}
			links = append(links, db.Row{Table: "note_link",
				Cols: []string{"uuid", "note_id", "target_kind", "source_id", "start_offset", "end_offset",
					"exact", "prefix", "suffix", "target_uuid", "target_label", "created_at"},
				Vals: []any{linkID, id, "passage", p.sourceUUID, int64(p.sel.Start), int64(p.sel.End),
					p.sel.Exact, p.sel.Prefix, p.sel.Suffix, p.sourceUUID, excerptText(p.sel.Exact, 80), created}})
		}
		if len(body) > maxNoteBytes {
			return nil, fmt.Sprintf("annotation %s: its text is longer than 1 MiB", an.ID)
		}
		add("note", "uuid", id, "body", body, "title", noteTitle(body), "created_at", created, "modified_at", modified)
		out = append(out, links...)
		im.notes = append(im.notes, id)
		tagTargets = append(tagTargets, [2]string{"note_id", id})
	}
	for _, name := range an.Tags {
		name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "#"))
		if name == "" || len(name) > 100 {
			continue
		}
		tagID := derived("tag", strings.ToLower(name))
		add("tag", "uuid", tagID, "name", name, "created_at", created)
		for _, tt := range tagTargets {
			add("tagging", "uuid", derived("tagging", tagID, tt[1]), "tag_id", tagID, tt[0], tt[1], "created_at", created)
		}
	}
	return out, ""
}

// speaker returns the uuid of the speaker of a quote annotation: the one
// it names by uuid when the notebook has it, else the one of that name
// (made when there is none), or "" when it names nobody.
func (im *annoImport) speaker(an webanno.Annotation) (string, error) {
	if an.SpeakerUUID != "" {
		if _, err := im.q.AnnotationSpeakerByUUID(im.ctx, an.SpeakerUUID); err == nil {
			return an.SpeakerUUID, nil
		}
	}
	id, err := im.a.resolveSpeakerQ(im.q, an.Speaker, "", "")
	if err != nil || !id.Valid {
		return "", err
	}
	return im.q.AnnotationSpeakerUUID(im.ctx, id.Int64)
}
