package app

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"sourcebook/db"
	"sourcebook/internal/anchor"
	"sourcebook/internal/document"
	"sourcebook/internal/quote"
	"sourcebook/internal/quotematch"
)

// detectorVersion is the version of the quote detector. Sources whose
// quotes_version is lower get their quotes detected (again) the first time
// the notebook's quotes are needed; quotes already there, and rejected ones,
// stay as they are.
const detectorVersion = 1

// quoteState keeps the in-memory index that links occurrences of the same
// utterance. Every change to quotes happens with mu held, so the index and
// the notebook agree: the index is changed inside the transaction and undone
// when the transaction fails.
type quoteState struct {
	mu sync.Mutex
	ix *quotematch.Index // nil until first needed
	// current is set once no source waits for the quote detector: reading
	// quotes then needs neither the lock nor the index, which takes seconds
	// to build for a million quotes.
	current atomic.Bool
	// stopping asks a background build of the index to give up.
	stopping atomic.Bool
}

// WarmUp builds the quote index in the background, so that the first
// import or quote edit of a session on a big notebook does not wait for it.
// The window and browser mode call it at start; the command line does not.
// Call stop before closing the notebook: it stops the build (between pages
// of quotes) and waits for it.
func WarmUp(a *App) (stop func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		start := time.Now()
		a.quotes.mu.Lock()
		defer a.quotes.mu.Unlock()
		if err := a.ensureIndexLocked(); err != nil {
			if !a.quotes.stopping.Load() {
				a.opts.Log.Warn("could not prepare the quote index", "err", err)
			}
			return
		}
		a.opts.Log.Debug("quote index ready", "quotes", a.quotes.ix.Len(), "took", time.Since(start))
	}()
	return func() {
		a.quotes.stopping.Store(true)
		<-done
		a.quotes.stopping.Store(false)
	}
}

// errStopping is returned by a build of the quote index stopped by WarmUp's
// stop function.
var errStopping = errors.New("app: the notebook is closing")

// quoteTx runs fn in a transaction with the quote index ready and locked.
// fn records the index changes it makes in an *ixLog; they are undone when
// the transaction fails.
func (a *App) quoteTx(fn func(q *db.Queries, log *ixLog) error) error {
	a.quotes.mu.Lock()
	defer a.quotes.mu.Unlock()
	if err := a.ensureIndexLocked(); err != nil {
		return err
	}
	log := &ixLog{ix: a.quotes.ix}
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error { return fn(q, log) })
	if err != nil {
		log.undoAll()
	}
	return err
}

// ixLog records index changes so that a failed transaction leaves the index
// as it was.
type ixLog struct {
	ix   *quotematch.Index
	undo func()
}

func (l *ixLog) add(id int64, text string) {
	l.ix.Add(id, text)
	prev := l.undo
	l.undo = func() {
		l.ix.Remove(id)
		if prev != nil {
			prev()
		}
	}
}

func (l *ixLog) remove(id int64, text string) {
	l.ix.Remove(id)
	prev := l.undo
	l.undo = func() {
		l.ix.Add(id, text)
		if prev != nil {
			prev()
		}
	}
}

func (l *ixLog) undoAll() {
	if l.undo != nil {
		l.undo()
	}
}

// ensureIndexLocked builds the index from the notebook the first time, then
// detects quotes in sources that never had the current detector run on
// them. a.quotes.mu must be held.
func (a *App) ensureIndexLocked() error {
	if a.quotes.ix != nil {
		return nil
	}
	// A page of quotes at a time: a million quotes' texts never sit in
	// memory at once, only the index built from them. The collector runs
	// four times as often meanwhile (GOGC 25): the pages read and the
	// index's growing tables are garbage at once, and with the default the
	// heap peaked at 220-250 MB for 1,000,000 quotes (160 MB now, for a
	// build about a second longer, in the background).
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	ix := quotematch.NewIndex()
	for after := int64(0); ; {
		rows, err := a.nb.Q.QuoteIndexRows(a.ctx, db.QuoteIndexRowsParams{After: after, MaxRows: 20000})
		if err != nil {
			return fmt.Errorf("app: load quotes: %w", err)
		}
		for _, r := range rows {
			ix.Add(r.ID, r.Text)
		}
		if a.quotes.stopping.Load() {
			return errStopping
		}
		if len(rows) < 20000 {
			break
		}
		after = rows[len(rows)-1].ID
	}
	a.quotes.ix = ix
	debug.FreeOSMemory() // what building it took goes back to the system
	pending, err := a.nb.Q.SourceQuotesPending(a.ctx, detectorVersion)
	if err != nil {
		return fmt.Errorf("app: list sources without quotes: %w", err)
	}
	slices.Sort(pending)
	for _, id := range pending {
		if a.quotes.stopping.Load() {
			return nil // the rest are detected when the notebook is next opened
		}
		log := &ixLog{ix: ix}
		err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
			r, err := q.SourceTextGet(a.ctx, id)
			if err != nil {
				return err
			}
			blocks, err := decodeBlocks(r.Blocks)
			if err != nil {
				return err
			}
			found, err := safeDetect(r.Text, blocks)
			if err != nil {
				return err
			}
			if _, err := a.addDetectedQ(q, log, id, r.Text, found); err != nil {
				return err
			}
			return q.SourceSetQuotesVersion(a.ctx, db.SourceSetQuotesVersionParams{QuotesVersion: detectorVersion, ID: id})
		})
		if err != nil {
			// One source must not keep the others from their quotes; it is
			// tried again when the notebook is next opened.
			log.undoAll()
			a.opts.Log.Error("could not detect the quotes of a source", "source", id, "err", err)
		}
	}
	return nil
}

// safeDetect is quote.Detect with a recover, so that a bug in the detector
// fails one source, never the process.
func safeDetect(text string, blocks []document.Block) (found []quote.Quote, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("app: quote detector panicked: %v", p)
		}
	}()
	return quote.Detect(text, blocks), nil
}

// addDetectedQ stores the detected quotes of a source as suggestions, except
// those overlapping a quote the source already has (whatever its status, so
// a rejected quote stays rejected), and links each to the occurrences of the
// same utterance. It returns how many it added.
func (a *App) addDetectedQ(q *db.Queries, log *ixLog, sourceID int64, text string, found []quote.Quote) (int, error) {
	existing, err := q.QuoteListBySource(a.ctx, sourceID)
	if err != nil {
		return 0, err
	}
	taken := make([][2]int, 0, len(existing))
	for _, e := range existing {
		if e.Orphan == 0 {
			taken = append(taken, [2]int{int(e.StartOffset), int(e.EndOffset)})
		}
	}
	d := anchor.NewText(text)
	now := a.now()
	added := 0
	for _, f := range found {
		if overlapsAny(taken, f.Start, f.End) || f.End <= f.Start {
			continue
		}
		sel, err := d.Describe(f.Start, f.End)
		if err != nil {
			continue // a detector bug must not fail the import
		}
		speaker, err := a.resolveSpeakerQ(q, f.Name, f.Role, f.Affiliation)
		if err != nil {
			return added, err
		}
		kind := f.Kind
		if !validQuoteKind(kind) {
			kind = quote.Direct
		}
		uuid := a.opts.NewUUID()
		id, err := q.QuoteCreate(a.ctx, db.QuoteCreateParams{
			UUID: uuid, SourceID: sourceID, SpeakerID: speaker, Text: sel.Exact,
			StartOffset: int64(sel.Start), EndOffset: int64(sel.End), Prefix: sel.Prefix, Suffix: sel.Suffix,
			Cue: f.Cue, Origin: "auto", Status: "suggested", CreatedAt: now, ModifiedAt: now,
			Kind: kind, GroupUUID: uuid, SpeakerText: f.Speaker,
		})
		if err != nil {
			return added, err
		}
		if kind != quote.Scare {
			if err := a.joinGroupQ(q, log, id, uuid, sel.Exact, speaker.Int64); err != nil {
				return added, err
			}
		}
		taken = append(taken, [2]int{f.Start, f.End})
		added++
	}
	return added, nil
}

// joinGroupQ links a quote to the stored occurrences of the same utterance:
// it joins their group (merging their groups when it bridges several), or
// the group own when it matches none, and enters the index. Following quotematch's rule, a quote shorter than
// quotematch.MinWords words links only to one attributed to the same
// speaker.
func (a *App) joinGroupQ(q *db.Queries, log *ixLog, id int64, own, text string, speakerID int64) error {
	short := len(quotematch.Fold(text)) < quotematch.MinWords
	groups := map[string]bool{}
	var ids []int64
	for _, c := range log.ix.Match(text, quotematch.DefaultMinScore) {
		if c.ID != id {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) > 0 {
		infos, err := q.QuoteGroupInfo(a.ctx, ids)
		if err != nil {
			return err
		}
		for _, info := range infos {
			if info.Status == "rejected" || info.Kind == quote.Scare || info.Orphan != 0 {
				continue
			}
			if short && (speakerID == 0 || info.SpeakerID != speakerID) {
				continue
			}
			groups[info.GroupUUID] = true
		}
	}
	target := own
	if len(groups) > 0 {
		names := make([]string, 0, len(groups))
		for g := range groups {
			names = append(names, g)
		}
		sort.Strings(names)
		target = names[0] // UUIDv7s sort by time: the oldest group absorbs the others
		for _, g := range names[1:] {
			if err := q.QuoteMergeGroup(a.ctx, db.QuoteMergeGroupParams{IntoGroup: target, FromGroup: g}); err != nil {
				return err
			}
		}
	}
	if err := q.QuoteSetGroup(a.ctx, db.QuoteSetGroupParams{GroupUUID: target, ID: id}); err != nil {
		return err
	}
	log.add(id, text)
	return nil
}

// leaveGroupQ takes a quote out of its group and out of the index: it
// becomes the only member of a new group (a fresh id, since the group it
// leaves may be named after it).
func (a *App) leaveGroupQ(q *db.Queries, log *ixLog, id int64, text string) (string, error) {
	log.remove(id, text)
	fresh := a.opts.NewUUID()
	return fresh, q.QuoteSetGroup(a.ctx, db.QuoteSetGroupParams{GroupUUID: fresh, ID: id})
}

// resolveSpeakerQ returns the speaker called name (or having it as an
// alias), creating one when there is none; NULL for an empty name. Role and
// affiliation fill the speaker's when those are still empty.
func (a *App) resolveSpeakerQ(q *db.Queries, name, role, affiliation string) (sql.NullInt64, error) {
	name = cleanName(name)
	if name == "" {
		return sql.NullInt64{}, nil
	}
	id, err := q.SpeakerFind(a.ctx, name)
	if isNoRows(err) {
		id, err = a.speakerByOtherFormQ(q, name)
	}
	switch {
	case err == nil:
		if role != "" || affiliation != "" {
			if err := q.SpeakerFillDetails(a.ctx, db.SpeakerFillDetailsParams{Role: role, Affiliation: affiliation, ID: id}); err != nil {
				return sql.NullInt64{}, err
			}
		}
	case isNoRows(err):
		now := a.now()
		id, err = q.SpeakerCreate(a.ctx, db.SpeakerCreateParams{
			UUID: a.opts.NewUUID(), Name: name, Role: role, Affiliation: affiliation, CreatedAt: now, ModifiedAt: now,
		})
		if err != nil {
			return sql.NullInt64{}, err
		}
	default:
		return sql.NullInt64{}, err
	}
	return sql.NullInt64{Int64: id, Valid: true}, nil
}

// speakerByOtherFormQ finds the speaker a name refers to across sources
// when it is not stored as such: a lone surname ("Stone") names the one
// speaker whose full name ends with it, and a full name ("Andy Stone")
// takes over a speaker known so far only by the surname. The form met is
// kept as an alias. It returns sql.ErrNoRows when there is no such single
// speaker.
func (a *App) speakerByOtherFormQ(q *db.Queries, name string) (int64, error) {
	words := strings.Fields(name)
	for _, w := range words {
		if !isNameWord(w) {
			return 0, sql.ErrNoRows
		}
	}
	now := a.now()
	switch len(words) {
	case 1:
		ids, err := q.SpeakerBySurname(a.ctx, name)
		if err != nil {
			return 0, err
		}
		if len(ids) != 1 {
			return 0, sql.ErrNoRows
		}
		return ids[0], q.SpeakerAliasAdd(a.ctx, db.SpeakerAliasAddParams{UUID: a.opts.NewUUID(), SpeakerID: ids[0], Alias: name, CreatedAt: now})
	case 2, 3:
		surname := words[len(words)-1]
		id, err := q.SpeakerFind(a.ctx, surname)
		if err != nil {
			return 0, err
		}
		sp, err := q.SpeakerGet(a.ctx, id)
		if err != nil {
			return 0, err
		}
		if !strings.EqualFold(sp.Name, surname) {
			return 0, sql.ErrNoRows // the surname is an alias of someone else's full name
		}
		if _, err := q.SpeakerUpdate(a.ctx, db.SpeakerUpdateParams{Name: name, Role: sp.Role, Affiliation: sp.Affiliation, ModifiedAt: now, ID: id}); err != nil {
			return 0, err
		}
		return id, q.SpeakerAliasAdd(a.ctx, db.SpeakerAliasAddParams{UUID: a.opts.NewUUID(), SpeakerID: id, Alias: sp.Name, CreatedAt: now})
	}
	return 0, sql.ErrNoRows
}

// isNameWord reports whether w looks like a word of a person's name:
// capitalised letters, with hyphens, apostrophes or a final dot.
func isNameWord(w string) bool {
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.IsLetter(r), r == '-', r == '\'', r == '\u2019', r == '.':
		default:
			return false
		}
	}
	return w != ""
}

// cleanName collapses spacing in a speaker's name and caps its length.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200])
	}
	return s
}

func overlapsAny(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}

func validQuoteKind(k string) bool {
	switch k {
	case quote.Direct, quote.Partial, quote.Block, quote.Scare:
		return true
	}
	return false
}

// selectionEdge reports the code points left out at the ends of a user's
// selection: spaces and quote marks, so that selecting “Shockingly
// untrue.” with its marks makes the same quote as selecting the words.
func selectionEdge(r rune) bool { return unicode.IsSpace(r) || isQuoteMark(r) }

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', '\u2039', '\u203a', '\u300c', '\u300d':
		return true
	}
	return false
}

func decodeBlocks(js string) ([]document.Block, error) {
	var blocks []document.Block
	if err := json.Unmarshal([]byte(js), &blocks); err != nil {
		return nil, fmt.Errorf("app: blocks: %w", err)
	}
	return blocks, nil
}
