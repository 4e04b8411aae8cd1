package app

import (
	"math"
	"strings"

	"sourcebook/db"
	"sourcebook/internal/anchor"
	"sourcebook/internal/document"
	"sourcebook/internal/quote"
	"sourcebook/internal/quotematch"
)

// Quotes lists the quotes of a source in text order, rejected and orphaned
// ones included (the UI shows them apart). sourceID 0 lists every quote in
// the notebook.
func (a *App) Quotes(sourceID int64) ([]Quote, error) {
	return a.listQuotes(sourceID, 0)
}

// SpeakerQuotes lists every quote attributed to a speaker.
func (a *App) SpeakerQuotes(speakerID int64) ([]Quote, error) {
	if speakerID == 0 {
		return nil, invalid("no speaker given")
	}
	return a.listQuotes(0, speakerID)
}

func (a *App) listQuotes(sourceID, speakerID int64) ([]Quote, error) {
	if err := a.ensureQuotes(); err != nil {
		return nil, err
	}
	if sourceID != 0 {
		if _, err := a.nb.Q.SourceSummaryGet(a.ctx, sourceID); isNoRows(err) {
			return nil, notFound("source", sourceID)
		} else if err != nil {
			return nil, a.internal("read the source", err)
		}
	}
	from, to := sourceID, sourceID
	if sourceID == 0 {
		from, to = 0, math.MaxInt64
	}
	rows, err := a.nb.Q.QuoteViewList(a.ctx, db.QuoteViewListParams{SourceFrom: from, SourceTo: to, SpeakerID: speakerID})
	if err != nil {
		return nil, a.internal("list the quotes", err)
	}
	out := make([]Quote, len(rows))
	for i, r := range rows {
		out[i] = quoteView(r)
	}
	return out, nil
}

// ensureQuotes makes sure every source has had the current quote detector
// run on it (sources imported by an older version get their quotes on
// first use).
func (a *App) ensureQuotes() error {
	if a.quotes.current.Load() {
		return nil
	}
	// Most notebooks have no source waiting: then the index is not needed
	// to read quotes (an indexed query, without the lock).
	pending, err := a.nb.Q.SourceQuotesPending(a.ctx, detectorVersion)
	if err != nil {
		return a.internal("find the quotes", err)
	}
	if len(pending) == 0 {
		a.quotes.current.Store(true)
		return nil
	}
	a.quotes.mu.Lock()
	defer a.quotes.mu.Unlock()
	if err := a.ensureIndexLocked(); err != nil {
		return a.internal("find the quotes", err)
	}
	return nil
}

// Quote returns one quote.
func (a *App) Quote(id int64) (Quote, error) {
	r, err := a.nb.Q.QuoteViewGet(a.ctx, id)
	if isNoRows(err) {
		return Quote{}, notFound("quote", id)
	} else if err != nil {
		return Quote{}, a.internal("read the quote", err)
	}
	return quoteView(db.QuoteViewListRow(r)), nil
}

// QuotePage returns every occurrence of the utterance quote id belongs to,
// compared word by word with the longest version.
func (a *App) QuotePage(id int64) (QuotePage, error) {
	self, err := a.Quote(id)
	if err != nil {
		return QuotePage{}, err
	}
	rows, err := a.nb.Q.QuoteViewByGroup(a.ctx, self.Group)
	if err != nil {
		return QuotePage{}, a.internal("read the quote's occurrences", err)
	}
	page := QuotePage{Group: self.Group, Quotes: []Quote{}, Variants: []QuoteVariant{}, Speakers: []string{}}
	for _, r := range rows {
		page.Quotes = append(page.Quotes, quoteView(db.QuoteViewListRow(r)))
	}
	if len(page.Quotes) == 0 { // a rejected quote is alone
		page.Quotes = append(page.Quotes, self)
	}
	longest := page.Quotes[0]
	seen := map[string]bool{}
	for _, q := range page.Quotes {
		if len(quotematch.Fold(q.Text)) > len(quotematch.Fold(longest.Text)) {
			longest = q
		}
		name := q.Speaker
		if name == "" {
			name = "unattributed"
		}
		if !seen[strings.ToLower(name)] {
			seen[strings.ToLower(name)] = true
			page.Speakers = append(page.Speakers, name)
		}
	}
	page.Longest = longest.ID
	n := int64(len(sourceSet(page.Quotes)))
	for i := range page.Quotes {
		page.Quotes[i].GroupSources = n
		q := page.Quotes[i]
		rel, score := quotematch.Compare(q.Text, longest.Text)
		v := QuoteVariant{QuoteID: q.ID, Relation: string(rel), Score: score, Ops: []DiffOp{}}
		for _, op := range quotematch.Diff(q.Text, longest.Text) {
			v.Ops = append(v.Ops, DiffOp{Kind: op.Kind, A: strings.Join(op.A, " "), B: strings.Join(op.B, " ")})
		}
		page.Variants = append(page.Variants, v)
	}
	return page, nil
}

func sourceSet(qs []Quote) map[int64]bool {
	m := map[int64]bool{}
	for _, q := range qs {
		m[q.SourceID] = true
	}
	return m
}

// CreateQuote marks a passage of a source as a quote, confirmed, with the
// speaker named (see SuggestSpeaker). Spaces and quote marks at either end
// of the selection are left out. It links the quote with other occurrences
// of the same words.
func (a *App) CreateQuote(req QuoteRequest) (Quote, error) {
	kind := req.Kind
	if kind == "" {
		kind = quote.Direct
	}
	if !validQuoteKind(kind) {
		return Quote{}, invalid("%q is not a kind of quote (direct, partial, block or scare)", req.Kind)
	}
	var id int64
	err := a.quoteTx(func(q *db.Queries, log *ixLog) error {
		sel, err := a.selectionQ(q, req.SourceID, req.Start, req.End)
		if err != nil {
			return err
		}
		speaker, err := a.resolveSpeakerQ(q, req.Speaker, "", "")
		if err != nil {
			return err
		}
		uuid, now := a.opts.NewUUID(), a.now()
		id, err = q.QuoteCreate(a.ctx, db.QuoteCreateParams{
			UUID: uuid, SourceID: req.SourceID, SpeakerID: speaker, Text: sel.Exact,
			StartOffset: int64(sel.Start), EndOffset: int64(sel.End), Prefix: sel.Prefix, Suffix: sel.Suffix,
			Origin: "manual", Status: "confirmed", CreatedAt: now, ModifiedAt: now,
			Kind: kind, GroupUUID: uuid, SpeakerText: cleanName(req.Speaker),
		})
		if err != nil {
			return err
		}
		if kind != quote.Scare {
			return a.joinGroupQ(q, log, id, uuid, sel.Exact, speaker.Int64)
		}
		return nil
	})
	if err != nil {
		return Quote{}, a.internal("save the quote", err)
	}
	return a.Quote(id)
}

// SuggestSpeaker says who probably said the passage [start, end) of a
// source: the speaker of the quotation it falls in, else of the nearest
// quotation before it in the same or the previous paragraph.
func (a *App) SuggestSpeaker(sourceID int64, start, end int) (SpeakerSuggestion, error) {
	r, err := a.nb.Q.SourceTextGet(a.ctx, sourceID)
	if isNoRows(err) {
		return SpeakerSuggestion{}, notFound("source", sourceID)
	} else if err != nil {
		return SpeakerSuggestion{}, a.internal("read the source", err)
	}
	blocks, err := decodeBlocks(r.Blocks)
	if err != nil {
		return SpeakerSuggestion{}, a.internal("read the source", err)
	}
	found, err := safeDetect(r.Text, blocks)
	if err != nil {
		return SpeakerSuggestion{}, a.internal("suggest a speaker", err)
	}
	best := -1
	for i, f := range found {
		if f.Kind == quote.Scare || f.Name == "" {
			continue
		}
		if f.Start < end && start < f.End {
			best = i
			break
		}
		if f.End <= start && withinParagraphs(blocks, f.End, start, 2) {
			best = i
		}
	}
	if best < 0 {
		return SpeakerSuggestion{}, nil
	}
	f := found[best]
	return SpeakerSuggestion{Speaker: f.Name, Role: f.Role, Affiliation: f.Affiliation, Cue: f.Cue}, nil
}

// withinParagraphs reports whether offsets from and to lie in the same
// block or in at most n consecutive blocks.
func withinParagraphs(blocks []document.Block, from, to, n int) bool {
	bi, bj := -1, -1
	for i, b := range blocks {
		if bi < 0 && from <= b.End {
			bi = i
		}
		if bj < 0 && to < b.End {
			bj = i
		}
	}
	if bi < 0 || bj < 0 {
		return len(blocks) == 0
	}
	return bj-bi < n
}

// SetQuoteStatus confirms a suggested quote, rejects it (a rejected quote
// leaves its group and stays rejected when the source is extracted again)
// or brings it back as a suggestion.
func (a *App) SetQuoteStatus(id int64, status string) (Quote, error) {
	switch status {
	case "suggested", "confirmed", "rejected":
	default:
		return Quote{}, invalid("%q is not a quote status (suggested, confirmed or rejected)", status)
	}
	err := a.changeQuote(id, func(q *db.Queries, log *ixLog, cur db.QuoteViewGetRow) error {
		if cur.Status == status {
			return nil
		}
		if _, err := q.QuoteSetStatus(a.ctx, db.QuoteSetStatusParams{Status: status, ModifiedAt: a.now(), ID: id}); err != nil {
			return err
		}
		grouped := cur.Kind != quote.Scare && cur.Orphan == 0
		switch {
		case status == "rejected" && grouped:
			_, err := a.leaveGroupQ(q, log, id, cur.Text)
			return err
		case cur.Status == "rejected" && grouped:
			return a.joinGroupQ(q, log, id, cur.GroupUUID, cur.Text, cur.SpeakerID)
		}
		return nil
	})
	if err != nil {
		return Quote{}, err
	}
	return a.Quote(id)
}

// SetQuoteSpeaker attributes a quote to the speaker named (an existing
// speaker's name or alias, or a new speaker; "" for nobody). Correcting a
// suggestion confirms it.
func (a *App) SetQuoteSpeaker(id int64, name string) (Quote, error) {
	err := a.changeQuote(id, func(q *db.Queries, log *ixLog, cur db.QuoteViewGetRow) error {
		speaker, err := a.resolveSpeakerQ(q, name, "", "")
		if err != nil {
			return err
		}
		now := a.now()
		if _, err := q.QuoteSetSpeaker(a.ctx, db.QuoteSetSpeakerParams{SpeakerID: speaker, ModifiedAt: now, ID: id}); err != nil {
			return err
		}
		return a.confirmQ(q, cur, now)
	})
	if err != nil {
		return Quote{}, err
	}
	return a.Quote(id)
}

// SetQuoteKind changes what kind of quotation a quote is (direct, partial,
// block or scare). A scare quote is not speech and leaves its group.
func (a *App) SetQuoteKind(id int64, kind string) (Quote, error) {
	if !validQuoteKind(kind) {
		return Quote{}, invalid("%q is not a kind of quote (direct, partial, block or scare)", kind)
	}
	err := a.changeQuote(id, func(q *db.Queries, log *ixLog, cur db.QuoteViewGetRow) error {
		if cur.Kind == kind {
			return nil
		}
		now := a.now()
		if _, err := q.QuoteSetKind(a.ctx, db.QuoteSetKindParams{Kind: kind, ModifiedAt: now, ID: id}); err != nil {
			return err
		}
		if cur.Status != "rejected" && cur.Orphan == 0 {
			switch {
			case kind == quote.Scare:
				if _, err := a.leaveGroupQ(q, log, id, cur.Text); err != nil {
					return err
				}
			case cur.Kind == quote.Scare:
				if err := a.joinGroupQ(q, log, id, cur.GroupUUID, cur.Text, cur.SpeakerID); err != nil {
					return err
				}
			}
		}
		return a.confirmQ(q, cur, now)
	})
	if err != nil {
		return Quote{}, err
	}
	return a.Quote(id)
}

// SetQuoteSpan moves a quote's ends to [start, end) of its source (spaces and
// quote marks at either end left out), which also places an orphan again.
// The quote is matched anew against the other occurrences; correcting a
// suggestion confirms it.
func (a *App) SetQuoteSpan(id int64, start, end int) (Quote, error) {
	err := a.changeQuote(id, func(q *db.Queries, log *ixLog, cur db.QuoteViewGetRow) error {
		sel, err := a.selectionQ(q, cur.SourceID, start, end)
		if err != nil {
			return err
		}
		now := a.now()
		if _, err := q.QuoteSetAnchor(a.ctx, db.QuoteSetAnchorParams{
			StartOffset: int64(sel.Start), EndOffset: int64(sel.End), Text: sel.Exact,
			Prefix: sel.Prefix, Suffix: sel.Suffix, Orphan: 0, ModifiedAt: now, ID: id,
		}); err != nil {
			return err
		}
		if cur.Status != "rejected" && cur.Kind != quote.Scare {
			// New words: leave the group and match them afresh.
			if cur.Orphan == 0 {
				log.remove(id, cur.Text)
			}
			if err := a.joinGroupQ(q, log, id, a.opts.NewUUID(), sel.Exact, cur.SpeakerID); err != nil {
				return err
			}
		}
		return a.confirmQ(q, cur, now)
	})
	if err != nil {
		return Quote{}, err
	}
	return a.Quote(id)
}

// DeleteQuote deletes a quote the user made. A quote Sourcebook found is
// rejected instead, so that extracting the source again does not bring it
// back.
func (a *App) DeleteQuote(id int64) error {
	cur, err := a.Quote(id)
	if err != nil {
		return err
	}
	if cur.Origin == "auto" {
		_, err := a.SetQuoteStatus(id, "rejected")
		return err
	}
	return a.changeQuote(id, func(q *db.Queries, log *ixLog, cur db.QuoteViewGetRow) error {
		log.remove(id, cur.Text)
		_, err := q.QuoteDelete(a.ctx, id)
		return err
	})
}

// selectionQ anchors the user's selection [start, end) of a source, with
// spaces and quote marks at either end left out.
func (a *App) selectionQ(q *db.Queries, sourceID int64, start, end int) (anchor.Selector, error) {
	r, err := q.SourceTextGet(a.ctx, sourceID)
	if isNoRows(err) {
		return anchor.Selector{}, notFound("source", sourceID)
	} else if err != nil {
		return anchor.Selector{}, err
	}
	t := anchor.NewText(r.Text)
	s, e := t.Trim(start, end, selectionEdge)
	sel, err := t.Describe(s, e)
	if err != nil || start < 0 || end > t.Len() {
		return anchor.Selector{}, invalid("the selection [%d, %d) is not a passage of source %d (it has %d characters)", start, end, sourceID, t.Len())
	}
	return sel, nil
}

// confirmQ confirms a suggested quote the user has just corrected.
func (a *App) confirmQ(q *db.Queries, cur db.QuoteViewGetRow, now string) error {
	if cur.Status != "suggested" {
		return nil
	}
	_, err := q.QuoteSetStatus(a.ctx, db.QuoteSetStatusParams{Status: "confirmed", ModifiedAt: now, ID: cur.ID})
	return err
}

// changeQuote runs change on quote id in a quote transaction, with the
// quote as it was.
func (a *App) changeQuote(id int64, change func(q *db.Queries, log *ixLog, cur db.QuoteViewGetRow) error) error {
	err := a.quoteTx(func(q *db.Queries, log *ixLog) error {
		cur, err := q.QuoteViewGet(a.ctx, id)
		if isNoRows(err) {
			return notFound("quote", id)
		} else if err != nil {
			return err
		}
		return change(q, log, cur)
	})
	if err != nil {
		return a.internal("change the quote", err)
	}
	return nil
}

func quoteView(r db.QuoteViewListRow) Quote {
	return Quote{
		ID: r.ID, UUID: r.UUID, SourceID: r.SourceID, SourceTitle: r.SourceTitle,
		SourceOutlet: r.SourceOutlet, SourcePublished: r.SourcePublished,
		Text: r.Text, Start: int(r.StartOffset), End: int(r.EndOffset),
		Kind: r.Kind, Status: r.Status, Origin: r.Origin, Cue: r.Cue, SpeakerText: r.SpeakerText,
		SpeakerID: r.SpeakerID, Speaker: r.SpeakerName, Role: r.SpeakerRole, Affiliation: r.SpeakerAffiliation,
		Group: r.GroupUUID, GroupSources: max(r.GroupSources, 1), Orphan: r.Orphan != 0,
	}
}
