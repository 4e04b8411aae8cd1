package app

import (
	"database/sql"
	"fmt"

	"sourcebook/db"
)

// Speakers lists everyone quoted in the notebook, most quoted first, with
// their aliases.
func (a *App) Speakers() ([]Speaker, error) {
	if err := a.ensureQuotes(); err != nil {
		return nil, err
	}
	rows, err := a.nb.Q.SpeakerList(a.ctx)
	if err != nil {
		return nil, a.internal("list the speakers", err)
	}
	all, err := a.nb.Q.SpeakerAliasesAll(a.ctx)
	if err != nil {
		return nil, a.internal("list the speakers", err)
	}
	aliases := map[int64][]string{}
	for _, al := range all {
		aliases[al.SpeakerID] = append(aliases[al.SpeakerID], al.Alias)
	}
	out := make([]Speaker, 0, len(rows))
	for _, r := range rows {
		out = append(out, speakerView(db.SpeakerSummaryRow(r), aliases[r.ID]))
	}
	return out, nil
}

// Speaker returns one speaker.
func (a *App) Speaker(id int64) (Speaker, error) {
	r, err := a.nb.Q.SpeakerSummary(a.ctx, id)
	if isNoRows(err) {
		return Speaker{}, notFound("speaker", id)
	} else if err != nil {
		return Speaker{}, a.internal("read the speaker", err)
	}
	aliases, err := a.nb.Q.SpeakerAliases(a.ctx, id)
	if err != nil {
		return Speaker{}, a.internal("read the speaker", err)
	}
	return speakerView(r, aliases), nil
}

func speakerView(r db.SpeakerSummaryRow, aliases []string) Speaker {
	if aliases == nil {
		aliases = []string{}
	}
	return Speaker{
		ID: r.ID, UUID: r.UUID, Name: r.Name, Role: r.Role, Affiliation: r.Affiliation,
		Aliases: aliases, Quotes: r.Quotes, Sources: r.Sources,
	}
}

// UpdateSpeaker renames a speaker or corrects their role and affiliation.
// The name must not be another speaker's name or alias: merge them instead.
func (a *App) UpdateSpeaker(u SpeakerUpdate) (Speaker, error) {
	name := cleanName(u.Name)
	if name == "" {
		return Speaker{}, invalid("a speaker needs a name")
	}
	err := a.quoteTx(func(q *db.Queries, _ *ixLog) error {
		if _, err := q.SpeakerGet(a.ctx, u.ID); isNoRows(err) {
			return notFound("speaker", u.ID)
		} else if err != nil {
			return err
		}
		if other, err := q.SpeakerFind(a.ctx, name); err == nil && other != u.ID {
			o, _ := q.SpeakerGet(a.ctx, other)
			return &Error{Code: CodeConflict, Message: fmt.Sprintf(
				"%q is already the name of another speaker (%s): merge the two speakers instead", name, o.Name)}
		} else if err != nil && !isNoRows(err) {
			return err
		}
		_, err := q.SpeakerUpdate(a.ctx, db.SpeakerUpdateParams{
			Name: name, Role: cleanName(u.Role), Affiliation: cleanName(u.Affiliation), ModifiedAt: a.now(), ID: u.ID,
		})
		return err
	})
	if err != nil {
		return Speaker{}, a.internal("change the speaker", err)
	}
	return a.Speaker(u.ID)
}

// MergeSpeakers makes the speakers others one with into: their quotes,
// notes and tags move to into, and their names become its aliases, so that
// quotes found later under those names are attributed to into as well.
func (a *App) MergeSpeakers(into int64, others []int64) (Speaker, error) {
	if len(others) == 0 {
		return Speaker{}, invalid("name the speakers to merge into speaker %d", into)
	}
	err := a.quoteTx(func(q *db.Queries, _ *ixLog) error {
		if _, err := q.SpeakerGet(a.ctx, into); isNoRows(err) {
			return notFound("speaker", into)
		} else if err != nil {
			return err
		}
		now := a.now()
		for _, id := range others {
			if id == into {
				continue
			}
			o, err := q.SpeakerGet(a.ctx, id)
			if isNoRows(err) {
				return notFound("speaker", id)
			} else if err != nil {
				return err
			}
			if err := q.SpeakerAliasMove(a.ctx, db.SpeakerAliasMoveParams{ToSpeaker: into, FromSpeaker: id}); err != nil {
				return err
			}
			if err := q.SpeakerAliasAdd(a.ctx, db.SpeakerAliasAddParams{UUID: a.opts.NewUUID(), SpeakerID: into, Alias: o.Name, CreatedAt: now}); err != nil {
				return err
			}
			if err := q.QuoteReassignSpeaker(a.ctx, db.QuoteReassignSpeakerParams{ToSpeaker: intArg(into), ModifiedAt: now, FromSpeaker: intArg(id)}); err != nil {
				return err
			}
			if err := q.SpeakerNoteLinksMove(a.ctx, db.SpeakerNoteLinksMoveParams{ToSpeaker: intArg(into), FromSpeaker: intArg(id)}); err != nil {
				return err
			}
			if err := q.SpeakerTaggingsMove(a.ctx, db.SpeakerTaggingsMoveParams{ToSpeaker: intArg(into), FromSpeaker: intArg(id)}); err != nil {
				return err
			}
			if _, err := q.SpeakerDelete(a.ctx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Speaker{}, a.internal("merge the speakers", err)
	}
	return a.Speaker(into)
}

// SplitSpeaker moves some of a speaker's quotes to the speaker named (an
// existing one, or a new one), for when one name covered two people.
func (a *App) SplitSpeaker(id int64, quoteIDs []int64, name string) (Speaker, error) {
	name = cleanName(name)
	if name == "" {
		return Speaker{}, invalid("name the speaker the quotes go to")
	}
	if len(quoteIDs) == 0 {
		return Speaker{}, invalid("choose the quotes that go to %s", name)
	}
	var to int64
	err := a.quoteTx(func(q *db.Queries, _ *ixLog) error {
		if _, err := q.SpeakerGet(a.ctx, id); isNoRows(err) {
			return notFound("speaker", id)
		} else if err != nil {
			return err
		}
		var target int64
		if found, err := q.SpeakerFind(a.ctx, name); err == nil && found != id {
			target = found
		} else if err != nil && !isNoRows(err) {
			return err
		} else {
			now := a.now()
			target, err = q.SpeakerCreate(a.ctx, db.SpeakerCreateParams{
				UUID: a.opts.NewUUID(), Name: name, CreatedAt: now, ModifiedAt: now,
			})
			if err != nil {
				return err
			}
		}
		now := a.now()
		for _, qid := range quoteIDs {
			cur, err := q.QuoteViewGet(a.ctx, qid)
			if isNoRows(err) {
				return notFound("quote", qid)
			} else if err != nil {
				return err
			}
			if cur.SpeakerID != id {
				return invalid("quote %d is not attributed to speaker %d", qid, id)
			}
			if _, err := q.QuoteSetSpeaker(a.ctx, db.QuoteSetSpeakerParams{SpeakerID: intArg(target), ModifiedAt: now, ID: qid}); err != nil {
				return err
			}
		}
		to = target
		return nil
	})
	if err != nil {
		return Speaker{}, a.internal("split the speaker", err)
	}
	return a.Speaker(to)
}

// intArg is a non-NULL integer argument for a nullable column.
func intArg(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: true} }
