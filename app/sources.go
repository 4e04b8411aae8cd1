package app

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"sourcebook/db"
	"sourcebook/internal/document"
	"sourcebook/internal/ingest"
	"sourcebook/internal/textextract"
)

// Library returns every story and every source (without text), newest first.
func (a *App) Library() (Library, error) {
	ctx := a.ctx
	rows, err := a.nb.Q.SourceList(ctx)
	if err != nil {
		return Library{}, a.internal("list the sources", err)
	}
	members, err := a.nb.Q.StorySourceList(ctx)
	if err != nil {
		return Library{}, a.internal("list the stories", err)
	}
	stories, err := a.nb.Q.StoryList(ctx)
	if err != nil {
		return Library{}, a.internal("list the stories", err)
	}
	bySource := map[int64][]int64{}
	byStory := map[int64][]int64{}
	for _, m := range members {
		bySource[m.SourceID] = append(bySource[m.SourceID], m.StoryID)
		byStory[m.StoryID] = append(byStory[m.StoryID], m.SourceID)
	}
	lib := Library{Stories: []Story{}, Sources: []SourceSummary{}}
	for _, s := range stories {
		lib.Stories = append(lib.Stories, Story{
			ID: s.ID, UUID: s.UUID, Title: s.Title, CreatedAt: s.CreatedAt,
			SourceIDs: orEmpty(byStory[s.ID]),
		})
	}
	for _, r := range rows {
		sum := summary(db.SourceSummaryGetRow(r))
		sum.StoryIDs = orEmpty(bySource[r.ID])
		lib.Sources = append(lib.Sources, sum)
	}
	return lib, nil
}

// Source returns one source with its text. It fails with code notfound when
// there is no source id.
func (a *App) Source(id int64) (Source, error) {
	r, err := a.nb.Q.SourceGet(a.ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, notFound("source", id)
	} else if err != nil {
		return Source{}, a.internal("read the source", err)
	}
	stories, err := a.nb.Q.StorySourceListBySource(a.ctx, id)
	if err != nil {
		return Source{}, a.internal("read the source", err)
	}
	sum := summary(db.SourceSummaryGetRow{
		ID: r.ID, UUID: r.UUID, Title: r.Title, Outlet: r.Outlet, Authors: r.Authors,
		Published: r.Published, Kind: r.Kind, Words: r.Words, ImportedAt: r.ImportedAt,
	})
	sum.StoryIDs = orEmpty(stories)
	var blocks []document.Block
	if err := json.Unmarshal([]byte(r.Blocks), &blocks); err != nil {
		return Source{}, a.internal("read the source", err)
	}
	out := Source{
		SourceSummary: sum,
		URL:           r.URL,
		Updated:       r.Updated,
		Lang:          r.Lang,
		Description:   r.Description,
		MediaType:     r.MediaType,
		OriginalName:  r.OriginalName,
		Extractor:     r.Extractor,
		Text:          r.Text,
		Blocks:        []Block{},
	}
	for _, b := range blocks {
		out.Blocks = append(out.Blocks, Block{Kind: b.Kind, Level: b.Level, Start: b.Start, End: b.End, Boilerplate: b.Boilerplate})
	}
	if len(out.Blocks) == 0 {
		// A source from schema v1: one block per paragraph, all content.
		out.Blocks = paragraphBlocks(r.Text)
	}
	return out, nil
}

// DeleteSource deletes a source with its quotes. Notes about it stay,
// unlinked. It fails with code notfound when there is no source id.
func (a *App) DeleteSource(id int64) error {
	var n int64
	var snap *db.Snapshot
	var title string
	var kept []indexedQuote
	err := a.quoteTx(func(q *db.Queries, log *ixLog) error {
		src, err := q.SourceSummaryGet(a.ctx, id)
		if isNoRows(err) {
			return nil
		} else if err != nil {
			return err
		}
		title = src.Title
		// What the delete removes (the source, its quotes, memberships
		// and tags) and what it unlinks (notes on it and its quotes), so
		// Undo can put it all back.
		inQuotes := "quote_id IN (SELECT id FROM quote WHERE source_id = ?)"
		snap, err = db.Take(a.ctx, q,
			db.Rows{Table: "source", Where: "id = ?", Args: []any{id}},
			db.Rows{Table: "quote", Where: "source_id = ?", Args: []any{id}},
			db.Rows{Table: "story_source", Where: "source_id = ?", Args: []any{id}},
			db.Rows{Table: "tagging", Where: "source_id = ? OR " + inQuotes, Args: []any{id, id}},
			db.Rows{Table: "note_link", Where: "source_id = ? OR " + inQuotes, Args: []any{id, id}, Replace: true})
		if err != nil {
			return err
		}
		quotes, err := q.QuoteListBySource(a.ctx, id)
		if err != nil {
			return err
		}
		for _, r := range quotes {
			log.remove(r.ID, r.Text)
			kept = append(kept, indexedQuote{r.ID, r.Text})
		}
		n, err = q.SourceDelete(a.ctx, id)
		return err
	})
	if err != nil {
		return a.internal("delete the source", err)
	}
	if n == 0 {
		return notFound("source", id)
	}
	a.pushUndo(undoEntry{what: "Delete source " + quoted(title), snap: snap, quotes: kept})
	return nil
}

func summary(r db.SourceSummaryGetRow) SourceSummary {
	var authors []string
	if err := json.Unmarshal([]byte(r.Authors), &authors); err != nil || authors == nil {
		authors = []string{}
	}
	return SourceSummary{
		ID: r.ID, UUID: r.UUID, Title: r.Title, Outlet: r.Outlet, Authors: authors,
		Published: r.Published, Kind: r.Kind, Words: r.Words, ImportedAt: r.ImportedAt,
		StoryIDs: []int64{},
	}
}

func orEmpty(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// Kinds are the kinds of source, in the order the UI offers them.
var Kinds = []string{"article", "filing", "post", "blog", "other"}

func validKind(k string) bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// checkStoryQ is checkStory inside a transaction.
func (a *App) checkStoryQ(q *db.Queries, id int64) error {
	if _, err := q.StoryGet(a.ctx, id); isNoRows(err) {
		return notFound("story", id)
	} else if err != nil {
		return err
	}
	return nil
}

// summaryQ reads a source's summary, with its stories, through q.
func (a *App) summaryQ(q *db.Queries, id int64) (SourceSummary, error) {
	row, err := q.SourceSummaryGet(a.ctx, id)
	if err != nil {
		return SourceSummary{}, err
	}
	s := summary(row)
	stories, err := q.StorySourceListBySource(a.ctx, id)
	if err != nil {
		return SourceSummary{}, err
	}
	s.StoryIDs = orEmpty(stories)
	return s, nil
}

// UpdateSource sets a source's metadata as the user corrected it and returns
// the source. The title is required; dates may be written in any common
// form and are stored as ISO 8601; the URL must be http or https.
func (a *App) UpdateSource(u SourceUpdate) (Source, error) {
	title := strings.Join(strings.Fields(u.Title), " ")
	if title == "" {
		return Source{}, invalid("a source needs a title")
	}
	kind := u.Kind
	if kind == "" {
		kind = "article"
	}
	if !validKind(kind) {
		return Source{}, invalid("%q is not a kind of source (%s)", u.Kind, strings.Join(Kinds, ", "))
	}
	var dates [2]string
	for i, d := range []string{u.Published, u.Updated} {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		iso, ok := textextract.ParseDate(d)
		if !ok {
			return Source{}, invalid("%q is not a date Sourcebook understands (try 2024-04-03 or Apr 3, 2024)", d)
		}
		dates[i] = iso
	}
	url := strings.TrimSpace(u.URL)
	if url != "" && cleanURL(url) == "" {
		return Source{}, invalid("%q is not a web address (it must start with http:// or https://)", url)
	}
	var authors []string
	for _, name := range u.Authors {
		if name = strings.Join(strings.Fields(name), " "); name != "" {
			authors = append(authors, name)
		}
	}
	authorsJSON, _ := json.Marshal(orEmptyStrings(authors))
	var n int64
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		var err error
		n, err = q.SourceUpdateMeta(a.ctx, db.SourceUpdateMetaParams{
			Title: title, Outlet: strings.TrimSpace(u.Outlet), Authors: string(authorsJSON),
			Published: dates[0], Updated: dates[1], URL: cleanURL(url), Kind: kind,
			Lang: strings.TrimSpace(u.Lang), ModifiedAt: a.now(), ID: u.ID,
		})
		return err
	})
	if err != nil {
		return Source{}, a.internal("save the source", err)
	}
	if n == 0 {
		return Source{}, notFound("source", u.ID)
	}
	return a.Source(u.ID)
}

// SetBoilerplate marks block number block (counting from 0) of a source as
// boilerplate, or restores it as content, and returns the source. Search
// and word counts follow at once, and quotes in a restored block are found
// (quotes in a block set aside stay, out of sight while it is).
func (a *App) SetBoilerplate(sourceID int64, block int, boilerplate bool) (Source, error) {
	var missing bool
	err := a.quoteTx(func(q *db.Queries, log *ixLog) error {
		r, err := q.SourceGet(a.ctx, sourceID)
		if isNoRows(err) {
			missing = true
			return notFound("source", sourceID)
		} else if err != nil {
			return err
		}
		var blocks []document.Block
		if err := json.Unmarshal([]byte(r.Blocks), &blocks); err != nil {
			return fmt.Errorf("app: blocks of source %d: %w", sourceID, err)
		}
		if block < 0 || block >= len(blocks) {
			return invalid("source %d has no block %d", sourceID, block)
		}
		switch {
		case !boilerplate:
			blocks[block].Boilerplate = ""
		case blocks[block].Boilerplate == "":
			blocks[block].Boilerplate = document.Other
		}
		body := document.ContentOf(r.Text, blocks)
		js, err := json.Marshal(blocks)
		if err != nil {
			return err
		}
		_, err = q.SourceUpdateBlocks(a.ctx, db.SourceUpdateBlocksParams{
			Blocks: string(js), Body: body, Words: int64(ingest.Words(body)), ModifiedAt: a.now(), ID: sourceID,
		})
		if err != nil || boilerplate {
			return err
		}
		found, err := safeDetect(r.Text, blocks)
		if err != nil {
			return err
		}
		_, err = a.addDetectedQ(q, log, sourceID, r.Text, found)
		return err
	})
	if err != nil {
		if missing {
			return Source{}, err
		}
		return Source{}, a.internal("change the source", err)
	}
	return a.Source(sourceID)
}

// paragraphBlocks splits text at blank lines into paragraph blocks.
func paragraphBlocks(text string) []Block {
	out := []Block{}
	runes := []rune(text)
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i == len(runes) || (runes[i] == '\n' && i+1 < len(runes) && runes[i+1] == '\n') {
			s, e := start, i
			for s < e && (runes[s] == '\n' || runes[s] == ' ') {
				s++
			}
			if e > s {
				out = append(out, Block{Kind: document.Paragraph, Start: s, End: e})
			}
			start = i + 1
		}
	}
	return out
}
