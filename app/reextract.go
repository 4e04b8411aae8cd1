package app

import (
	"encoding/json"
	"fmt"

	"sourcebook/db"
	"sourcebook/internal/anchor"
	"sourcebook/internal/document"
	"sourcebook/internal/ingest"
	"sourcebook/internal/quote"
)

// ReextractSource extracts a source again from the original it was imported
// from, with this version's extractor, and keeps the user's work in place:
// every quote and highlight is anchored again (at its old position, else
// where its exact words now are, else where words close enough to them are,
// see internal/anchor); those that cannot be placed become orphans, kept
// with their old words for the user to place by hand, never moved to the
// wrong words. Quotes found in the new text that overlap no quote the source
// already has (rejected ones included) are added as suggestions. The
// source's details (title, outlet, dates) stay as they are; which blocks are
// set aside as boilerplate is decided afresh.
func (a *App) ReextractSource(id int64) (ReextractResult, error) {
	orig, err := a.nb.Q.SourceOriginal(a.ctx, id)
	if isNoRows(err) {
		return ReextractResult{}, notFound("source", id)
	} else if err != nil {
		return ReextractResult{}, a.internal("read the source", err)
	}
	src, err := a.nb.Q.SourceGet(a.ctx, id)
	if err != nil {
		return ReextractResult{}, a.internal("read the source", err)
	}
	it := item{name: nameForMediaType(orig.MediaType), data: orig.Original, contentType: orig.MediaType, url: src.URL}
	ex, err := a.safeExtract(it)
	if err != nil {
		return ReextractResult{}, a.importError(fmt.Sprintf("source %d", id), err)
	}
	return a.replaceText(id, ex.doc, ex.quotes)
}

// nameForMediaType gives the original a file name that makes ingest read it
// as it was read on import.
func nameForMediaType(mt string) string {
	switch mt {
	case ingest.MediaHTML:
		return "original.html"
	case ingest.MediaMHTML:
		return "original.mhtml"
	case ingest.MediaMarkdown:
		return "original.md"
	}
	return "original.txt"
}

// replaceText gives source id the text and blocks of doc, re-anchoring its
// quotes and highlights and adding the quotes found (see ReextractSource).
func (a *App) replaceText(id int64, doc document.Doc, found []quote.Quote) (ReextractResult, error) {
	var res ReextractResult
	blocks, err := json.Marshal(orEmptyBlocks(doc.Blocks))
	if err != nil {
		return res, a.internal("store the text", err)
	}
	body := doc.Content()
	err = a.quoteTx(func(q *db.Queries, log *ixLog) error {
		res = ReextractResult{}
		quotes, err := q.QuoteListBySource(a.ctx, id)
		if err != nil {
			return err
		}
		highlights, err := q.HighlightListBySource(a.ctx, intArg(id))
		if err != nil {
			return err
		}
		sels := make([]anchor.Selector, 0, len(quotes)+len(highlights))
		for _, r := range quotes {
			sels = append(sels, anchor.Selector{Start: int(r.StartOffset), End: int(r.EndOffset), Exact: r.Text, Prefix: r.Prefix, Suffix: r.Suffix})
		}
		for _, h := range highlights {
			sels = append(sels, anchor.Selector{Start: int(h.StartOffset), End: int(h.EndOffset), Exact: h.Exact, Prefix: h.Prefix, Suffix: h.Suffix})
		}
		results := anchor.FindAll(doc.Text, sels, anchor.Options{})
		d := anchor.NewText(doc.Text)
		now := a.now()
		for i, r := range quotes {
			sel, placed := placed(d, sels[i], results[i], &res)
			grouped := r.Status != "rejected" && r.Kind != quote.Scare
			if !placed {
				if r.Orphan == 0 && grouped {
					log.remove(r.ID, r.Text)
				}
			}
			if _, err := q.QuoteSetAnchor(a.ctx, db.QuoteSetAnchorParams{
				StartOffset: int64(sel.Start), EndOffset: int64(sel.End), Text: sel.Exact, Prefix: sel.Prefix,
				Suffix: sel.Suffix, Orphan: boolInt(!placed), ModifiedAt: now, ID: r.ID,
			}); err != nil {
				return err
			}
			if placed && grouped && (r.Orphan != 0 || sel.Exact != r.Text) {
				if r.Orphan == 0 {
					log.remove(r.ID, r.Text)
				}
				if err := a.joinGroupQ(q, log, r.ID, r.GroupUUID, sel.Exact, r.SpeakerID.Int64); err != nil {
					return err
				}
			}
		}
		for j, h := range highlights {
			i := len(quotes) + j
			sel, placed := placed(d, sels[i], results[i], &res)
			if _, err := q.NoteLinkSetAnchor(a.ctx, db.NoteLinkSetAnchorParams{
				StartOffset: intArg(int64(sel.Start)), EndOffset: intArg(int64(sel.End)), Exact: sel.Exact,
				Prefix: sel.Prefix, Suffix: sel.Suffix, Orphan: boolInt(!placed), ID: h.ID,
			}); err != nil {
				return err
			}
		}
		n, err := q.SourceReplaceText(a.ctx, db.SourceReplaceTextParams{
			Text: doc.Text, Blocks: string(blocks), Body: body, Words: int64(ingest.Words(body)),
			Extractor: doc.Extractor, ContentHash: ingest.Hash(body), ModifiedAt: now, ID: id,
		})
		if err != nil {
			return err
		}
		if n == 0 {
			return notFound("source", id)
		}
		if res.Added, err = a.addDetectedQ(q, log, id, doc.Text, found); err != nil {
			return err
		}
		return q.SourceSetQuotesVersion(a.ctx, db.SourceSetQuotesVersionParams{QuotesVersion: detectorVersion, ID: id})
	})
	if err != nil {
		return ReextractResult{}, a.internal("store the new text", err)
	}
	res.Source, err = a.Source(id)
	return res, err
}

// placed turns an anchoring result into the selector to store and counts
// it. An orphan keeps its old selector.
func placed(d anchor.Text, old anchor.Selector, r anchor.Result, res *ReextractResult) (anchor.Selector, bool) {
	if !r.Found {
		res.Orphans++
		return old, false
	}
	sel, err := d.Describe(r.Match.Start, r.Match.End)
	if err != nil {
		res.Orphans++
		return old, false
	}
	if r.Match.How == anchor.HowPosition {
		res.Kept++
	} else {
		res.Moved++
	}
	return sel, true
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
