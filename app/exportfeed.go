package app

import (
	"context"
	"encoding/json"

	"sourcebook/db"
	"sourcebook/internal/export"
)

// exportFeed reads the notebook for the writers of internal/export, inside
// one read transaction so that what they write is one consistent moment of
// the notebook. With story > 0 it holds only that story: its sources, the
// speakers quoted in them and the notes about any of these.
type exportFeed struct {
	q     *db.Queries
	story int64

	// Filled by load: what the streamed sources need to carry.
	tags       map[string][]string // target uuid -> tag names
	storiesOf  map[string][]string // source uuid -> story uuids
	keep       map[string]bool     // with a story: the uuids of what it holds
	storyUUIDs map[int64]string
}

func newExportFeed(ctx context.Context, q *db.Queries, story int64) (*exportFeed, error) {
	f := &exportFeed{q: q, story: story, tags: map[string][]string{}, storiesOf: map[string][]string{}}
	taggings, err := q.ExportTaggings(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range taggings {
		f.tags[t.TargetUuid] = append(f.tags[t.TargetUuid], t.Name)
	}
	members, err := q.ExportStorySources(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range members {
		f.storiesOf[m.SourceUuid] = append(f.storiesOf[m.SourceUuid], m.StoryUuid)
	}
	if story > 0 {
		if err := f.loadStory(ctx); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// loadStory finds the uuids a story's export holds.
func (f *exportFeed) loadStory(ctx context.Context) error {
	f.keep = map[string]bool{}
	stories, err := f.q.ExportStories(ctx)
	if err != nil {
		return err
	}
	for _, s := range stories {
		if s.ID == f.story {
			f.keep[s.UUID] = true
		}
	}
	for after := int64(0); ; {
		page, err := f.q.ExportSourcePage(ctx, db.ExportSourcePageParams{After: after, StoryID: f.story, MaxRows: 500})
		if err != nil {
			return err
		}
		for _, s := range page {
			f.keep[s.UUID] = true
			quotes, err := f.q.ExportQuotesBySource(ctx, s.ID)
			if err != nil {
				return err
			}
			for _, q := range quotes {
				f.keep[q.UUID] = true
				if q.SpeakerUuid != "" {
					f.keep[q.SpeakerUuid] = true
				}
			}
		}
		if len(page) < 500 {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

func (f *exportFeed) kept(uuid string) bool { return f.keep == nil || f.keep[uuid] }

func (f *exportFeed) Stories(ctx context.Context) ([]export.Story, error) {
	rows, err := f.q.ExportStories(ctx)
	if err != nil {
		return nil, err
	}
	members := map[string][]string{}
	for src, stories := range f.storiesOf {
		for _, st := range stories {
			members[st] = append(members[st], src)
		}
	}
	// The members in the order they were added, as the query gave them.
	ordered, err := f.q.ExportStorySources(ctx)
	if err != nil {
		return nil, err
	}
	var out []export.Story
	for _, r := range rows {
		if !f.kept(r.UUID) {
			continue
		}
		s := export.Story{UUID: r.UUID, Title: r.Title, Description: r.Description,
			Tags: f.tags[r.UUID], CreatedAt: r.CreatedAt, ModifiedAt: r.ModifiedAt}
		for _, m := range ordered {
			if m.StoryUuid == r.UUID {
				s.Sources = append(s.Sources, m.SourceUuid)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

func (f *exportFeed) Speakers(ctx context.Context) ([]export.Speaker, error) {
	rows, err := f.q.ExportSpeakers(ctx)
	if err != nil {
		return nil, err
	}
	aliases, err := f.q.ExportSpeakerAliases(ctx)
	if err != nil {
		return nil, err
	}
	byUUID := map[string][]string{}
	for _, a := range aliases {
		byUUID[a.SpeakerUuid] = append(byUUID[a.SpeakerUuid], a.Alias)
	}
	var out []export.Speaker
	for _, r := range rows {
		if !f.kept(r.UUID) {
			continue
		}
		out = append(out, export.Speaker{UUID: r.UUID, ID: r.ID, Name: r.Name, Role: r.Role,
			Affiliation: r.Affiliation, Aliases: byUUID[r.UUID], Tags: f.tags[r.UUID],
			CreatedAt: r.CreatedAt, ModifiedAt: r.ModifiedAt})
	}
	return out, nil
}

func (f *exportFeed) Notes(ctx context.Context) ([]export.Note, error) {
	rows, err := f.q.ExportNotes(ctx)
	if err != nil {
		return nil, err
	}
	links, err := f.q.ExportNoteLinks(ctx)
	if err != nil {
		return nil, err
	}
	refs, err := f.q.ExportNoteRefs(ctx)
	if err != nil {
		return nil, err
	}
	attached := map[string][]export.Attachment{}
	for _, l := range links {
		a := export.Attachment{Kind: l.TargetKind, TargetUUID: l.TargetUuid, Label: l.TargetLabel,
			Start: int(l.StartOffset), End: int(l.EndOffset), Exact: l.Exact, Prefix: l.Prefix, Suffix: l.Suffix}
		if l.Deleted == 1 {
			a.TargetUUID = "" // what it was about is gone; Label says what
		}
		attached[l.NoteUuid] = append(attached[l.NoteUuid], a)
	}
	refsOf := map[string][]export.Ref{}
	for _, r := range refs {
		refsOf[r.NoteUuid] = append(refsOf[r.NoteUuid], export.Ref{Target: r.Target, Kind: r.TargetKind, TargetUUID: r.TargetUuid})
	}
	var out []export.Note
	for _, r := range rows {
		n := export.Note{UUID: r.UUID, ID: r.ID, Title: r.Title, Body: r.Body,
			Attached: attached[r.UUID], Refs: refsOf[r.UUID], Tags: f.tags[r.UUID],
			CreatedAt: r.CreatedAt, ModifiedAt: r.ModifiedAt}
		if f.keep != nil && !f.noteKept(n) {
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

// noteKept: a note belongs to a story's export when it is about, or links
// to, something the story holds.
func (f *exportFeed) noteKept(n export.Note) bool {
	for _, a := range n.Attached {
		if a.TargetUUID != "" && f.keep[a.TargetUUID] {
			return true
		}
	}
	for _, r := range n.Refs {
		if r.TargetUUID != "" && f.keep[r.TargetUUID] {
			return true
		}
	}
	return false
}

func (f *exportFeed) Tags(ctx context.Context) ([]export.Tag, error) {
	rows, err := f.q.ExportTags(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]export.Tag, len(rows))
	for i, r := range rows {
		out[i] = export.Tag{UUID: r.UUID, Name: r.Name, Color: r.Color}
	}
	return out, nil
}

func (f *exportFeed) SourceCount(ctx context.Context) (int, error) {
	n, err := f.q.ExportSourceCount(ctx, f.story)
	return int(n), err
}

func (f *exportFeed) EachSource(ctx context.Context, fn func(export.Source) error) error {
	const page = 200
	for after := int64(0); ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, err := f.q.ExportSourcePage(ctx, db.ExportSourcePageParams{After: after, StoryID: f.story, MaxRows: page})
		if err != nil {
			return err
		}
		// The page's quotes in one query (a story's sources are few and
		// scattered: those are read one by one).
		var byPage map[int64][]db.ExportQuotesBySourceRow
		if f.story == 0 && len(rows) > 0 {
			all, err := f.q.ExportQuotesBySourceRange(ctx, db.ExportQuotesBySourceRangeParams{After: after, Upto: rows[len(rows)-1].ID})
			if err != nil {
				return err
			}
			byPage = map[int64][]db.ExportQuotesBySourceRow{}
			for _, q := range all {
				byPage[q.SourceID] = append(byPage[q.SourceID], db.ExportQuotesBySourceRow{
					ID: q.ID, UUID: q.UUID, Text: q.Text, StartOffset: q.StartOffset, EndOffset: q.EndOffset,
					Prefix: q.Prefix, Suffix: q.Suffix, Kind: q.Kind, Cue: q.Cue, Status: q.Status,
					GroupUUID: q.GroupUUID, CreatedAt: q.CreatedAt, ModifiedAt: q.ModifiedAt,
					SpeakerUuid: q.SpeakerUuid, SpeakerName: q.SpeakerName})
			}
		}
		for _, r := range rows {
			s := export.Source{UUID: r.UUID, ID: r.ID, Title: r.Title, Outlet: r.Outlet, URL: r.URL,
				Published: r.Published, Updated: r.Updated, Kind: r.Kind, Lang: r.Lang, Text: r.Text,
				Description: r.Description, Words: r.Words, Stories: f.storiesOf[r.UUID], Tags: f.tags[r.UUID],
				ImportedAt: r.ImportedAt, ModifiedAt: r.ModifiedAt}
			_ = json.Unmarshal([]byte(r.Authors), &s.Authors)
			if blocks, err := decodeBlocks(r.Blocks); err == nil {
				for _, b := range blocks {
					s.Blocks = append(s.Blocks, export.Block{Kind: string(b.Kind), Level: b.Level,
						Start: b.Start, End: b.End, Boilerplate: string(b.Boilerplate)})
				}
			}
			quotes := byPage[r.ID]
			if byPage == nil {
				if quotes, err = f.q.ExportQuotesBySource(ctx, r.ID); err != nil {
					return err
				}
			}
			for _, q := range quotes {
				s.Quotes = append(s.Quotes, export.Quote{UUID: q.UUID, ID: q.ID, SourceUUID: r.UUID,
					SpeakerUUID: q.SpeakerUuid, SpeakerName: q.SpeakerName, Text: q.Text,
					Start: int(q.StartOffset), End: int(q.EndOffset), Prefix: q.Prefix, Suffix: q.Suffix,
					Kind: q.Kind, Cue: q.Cue, Status: q.Status, GroupUUID: q.GroupUUID, Tags: f.tags[q.UUID],
					CreatedAt: q.CreatedAt, ModifiedAt: q.ModifiedAt})
			}
			if err := fn(s); err != nil {
				return err
			}
		}
		if len(rows) < page {
			return nil
		}
		after = rows[len(rows)-1].ID
	}
}
