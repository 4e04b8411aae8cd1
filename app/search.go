package app

import (
	"strings"
	"unicode/utf8"

	"sourcebook/db"
	"sourcebook/internal/ftsquery"
)

// maxHits is how many results a search returns.
const maxHits = 50

// maxQuery is the longest query searched, in bytes; the rest is ignored.
const maxQuery = 1000

// Snippet match markers, as written by the search queries in queries/.
const (
	markOpen  = '\ue000'
	markClose = '\ue001'
)

// Search finds sources whose title or text match query, best first, with a
// snippet of the text around the match. Any query is accepted: text that is
// not valid search syntax is searched as plain words, and a query with no
// words returns no hits.
func (a *App) Search(query string) (SearchResults, error) {
	res := SearchResults{Query: query, Hits: []Hit{}}
	if len(query) > maxQuery {
		query = query[:maxQuery]
		for !utf8.ValidString(query) {
			query = query[:len(query)-1]
		}
	}
	match := ftsquery.Translate(query, ftsquery.Options{AsYouType: true})
	if match == "" {
		return res, nil
	}
	rows, err := a.nb.Q.SourceSearch(a.ctx, db.SourceSearchParams{Query: match, MaxHits: maxHits})
	if err != nil {
		return SearchResults{}, a.internal("search", err)
	}
	for _, r := range rows {
		res.Hits = append(res.Hits, Hit{
			Kind: "source", ID: r.ID, SourceID: r.ID, Title: r.Title, Outlet: r.Outlet,
			Snippet: segments(r.Snippet), Score: r.Score,
		})
	}
	return res, nil
}

// segments splits a snippet marked with markOpen/markClose into runs of
// plain and matching text. Unbalanced markers are tolerated.
func segments(s string) []Segment {
	out := []Segment{}
	var b strings.Builder
	match := false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, Segment{Text: b.String(), Match: match})
			b.Reset()
		}
	}
	for _, r := range s {
		switch r {
		case markOpen:
			flush()
			match = true
		case markClose:
			flush()
			match = false
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return out
}
