package app

import (
	"cmp"
	"slices"

	"sourcebook/internal/facts"
)

// maxTimelineSources caps the sources whose dates are checked against each
// other for conflicts on a story page (pairs grow with the square).
const maxTimelineSources = 12

// StoryPage gathers what a story holds: its sources (newest first), the
// quotes in them grouped by speaker (most quoted first), the notes on the
// story or any of its sources, its tags, and the timeline of the dates its
// sources state, flagged where they disagree.
func (a *App) StoryPage(id int64) (StoryPage, error) {
	st, err := a.nb.Q.StoryGet(a.ctx, id)
	if isNoRows(err) {
		return StoryPage{}, notFound("story", id)
	} else if err != nil {
		return StoryPage{}, a.internal("read the story", err)
	}
	ids, err := a.nb.Q.StorySourceIDs(a.ctx, id)
	if err != nil {
		return StoryPage{}, a.internal("read the story", err)
	}
	page := StoryPage{
		Story:   Story{ID: st.ID, UUID: st.UUID, Title: st.Title, CreatedAt: st.CreatedAt, SourceIDs: orEmpty(ids)},
		Sources: []SourceSummary{}, Speakers: []StorySpeaker{}, Notes: []Note{}, Timeline: []TimelineEvent{},
	}
	if err := a.ensureQuotes(); err != nil {
		return StoryPage{}, err
	}
	bySpeaker := map[int64]int{}
	var dated [][]facts.Fact
	seenNote := map[int64]bool{}
	addNotes := func(kind string, id int64) error {
		notes, err := a.Notes(NoteFilter{Kind: kind, ID: id})
		if err != nil {
			return err
		}
		for _, n := range notes {
			if !seenNote[n.ID] {
				seenNote[n.ID] = true
				page.Notes = append(page.Notes, n)
			}
		}
		return nil
	}
	if err := addNotes("story", id); err != nil {
		return StoryPage{}, err
	}
	for _, sid := range ids {
		sum, err := a.nb.Q.SourceSummaryGet(a.ctx, sid)
		if err != nil {
			return StoryPage{}, a.internal("read the story's sources", err)
		}
		s := summary(sum)
		s.StoryIDs = nil
		page.Sources = append(page.Sources, s)
		quotes, err := a.listQuotes(sid, 0)
		if err != nil {
			return StoryPage{}, err
		}
		for _, q := range quotes {
			if q.Status == "rejected" || q.Kind == "scare" || q.Orphan {
				continue
			}
			k, ok := bySpeaker[q.SpeakerID]
			if !ok {
				k = len(page.Speakers)
				bySpeaker[q.SpeakerID] = k
				page.Speakers = append(page.Speakers, StorySpeaker{SpeakerID: q.SpeakerID, Name: q.Speaker, Role: q.Role, Quotes: []Quote{}})
			}
			page.Speakers[k].Quotes = append(page.Speakers[k].Quotes, q)
		}
		if err := addNotes("source", sid); err != nil {
			return StoryPage{}, err
		}
		if len(dated) < maxTimelineSources {
			r, err := a.nb.Q.SourceTextGet(a.ctx, sid)
			if err != nil {
				return StoryPage{}, a.internal("read the story's sources", err)
			}
			blocks, err := decodeBlocks(r.Blocks)
			if err != nil {
				return StoryPage{}, a.internal("read the story's sources", err)
			}
			dated = append(dated, facts.Extract(r.Text, blocks))
		}
	}
	slices.SortStableFunc(page.Speakers, func(x, y StorySpeaker) int {
		// Quotes with no speaker last, then the most quoted first.
		if (x.SpeakerID == 0) != (y.SpeakerID == 0) {
			if x.SpeakerID == 0 {
				return 1
			}
			return -1
		}
		return cmp.Compare(len(y.Quotes), len(x.Quotes))
	})
	slices.SortStableFunc(page.Notes, func(x, y Note) int { return cmp.Compare(y.ModifiedAt, x.ModifiedAt) })
	// Dates that conflict: compare the facts of each pair of sources.
	var pairs []ComparePair
	for i := range dated {
		for j := i + 1; j < len(dated); j++ {
			pairs = append(pairs, ComparePair{A: ids[i], B: ids[j], Facts: factComparison(facts.Compare(dated[i], dated[j]))})
		}
	}
	page.Timeline = timeline(ids[:len(dated)], dated, pairs)
	tags, err := a.TagsOf("story", id)
	if err != nil {
		return StoryPage{}, err
	}
	page.Tags = orEmptyStrings(tags)
	return page, nil
}
