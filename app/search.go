package app

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"sourcebook/db"
	"sourcebook/internal/ftsquery"
)

// Search kinds, in the order SearchResults.Groups lists them.
var searchKinds = []string{"source", "quote", "speaker", "note"}

const (
	// defaultLimit and maxLimit bound the hits per kind.
	defaultLimit = 20
	maxLimit     = 200
	// maxCandidates is how many matches of each kind are ranked: the
	// newest ones. Ranking every match of a word found in most of 100,000
	// sources costs more than a search as you type can afford; the newest
	// thousand hold good hits, and a query specific enough to matter has
	// fewer matches than that, so it is ranked whole.
	maxCandidates = 1000
	// minPrefix is the fewest characters of the word being typed that
	// make it a prefix: "g" is searched as the word "g", "go" as any word
	// starting so. The full-text tables keep prefix indexes of two to four
	// characters (schema v7), so such a prefix is one list to read; a
	// single letter starts too many words of a large notebook (merging
	// their lists takes FTS5 a fifth of a second at 100,000 sources) and
	// says little about what is being typed.
	minPrefix = 2
	// maxQuery is the longest query searched, in bytes; the rest is
	// ignored.
	maxQuery = 1000
	// quoteWords is how much of a quote's words a listed quote shows.
	quoteWords = 40
	// rowCost is what reading a row costs, in index rows read (see
	// planFilters).
	rowCost = 5
)

// Snippet match markers, as written by the search queries in queries/.
const (
	markOpen  = '\ue000'
	markClose = '\ue001'
)

// dateRe is what From and To accept: an ISO 8601 date or a prefix of one.
var dateRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T[0-9:.+\-Z]*)?)?)?$`)

// Search is the search box's search as the user types: every kind, the
// last word a prefix once it has minPrefix letters. Hits holds the sources
// only, best first, as the search palette has always shown them; Groups
// holds every kind.
func (a *App) Search(query string) (SearchResults, error) {
	res, err := a.SearchAll(SearchRequest{Query: query, AsYouType: true})
	if err != nil {
		return SearchResults{}, err
	}
	res.Hits = []Hit{}
	for _, g := range res.Groups {
		if g.Kind == "source" {
			res.Hits = g.Hits
		}
	}
	return res, nil
}

// SearchAll searches sources (titles and text), quotes, speakers (names,
// aliases and roles) and notes at once, narrowed by the request's filters.
//
// Any query text is accepted: it is translated by ftsquery, so text that is
// not search syntax is searched as plain words, and a query with no words
// counts as empty. With words, each kind's hits are ranked by bm25 and carry
// a snippet with the matching words marked. With no words but a filter,
// the items the filters select are listed, newest first, without snippets
// (a listed quote shows its words, unmarked). With neither, there are no
// hits.
//
// It fails with code invalid for an unknown kind, a negative id, or a From
// or To that is not an ISO date (2024, 2024-04, 2024-04-03).
func (a *App) SearchAll(req SearchRequest) (SearchResults, error) {
	res := SearchResults{Query: req.Query, Hits: []Hit{}, Groups: []SearchGroup{}}
	p, err := a.prepareSearch(req)
	if err != nil {
		return SearchResults{}, err
	}
	if p.none {
		for _, k := range p.kinds {
			res.Groups = append(res.Groups, SearchGroup{Kind: k, Hits: []Hit{}})
		}
		return res, nil
	}
	if p.match == "" && !p.filtered {
		return res, nil
	}
	// The kinds are searched one after the other. Searching two at once
	// on two connections was slower on the benchmark notebook: each
	// connection has its own page cache, and most of a search is reading
	// pages.
	for _, k := range p.kinds {
		var g SearchGroup
		var err error
		if p.match != "" {
			g, err = a.searchKind(k, p.match, p.filter, p.limit)
		} else {
			g, err = a.listKind(k, p.filter, p.limit)
		}
		if err != nil {
			return SearchResults{}, a.internal("search", err)
		}
		res.Groups = append(res.Groups, g)
		res.Hits = append(res.Hits, g.Hits...)
	}
	if p.match != "" {
		// bm25 scores of different kinds are not strictly comparable, but
		// they are of one scale: good enough for one list.
		slices.SortStableFunc(res.Hits, func(x, y Hit) int { return cmp.Compare(x.Score, y.Score) })
	}
	return res, nil
}

// preparedSearch is a SearchRequest checked and put in the form the
// queries take.
type preparedSearch struct {
	kinds    []string
	match    string // the FTS5 expression, "" for no words
	filter   searchFilter
	filtered bool // some filter is set
	none     bool // a filter no item can pass (a tag nothing carries)
	limit    int
}

// prepareSearch checks req and works out what the queries need: the FTS5
// expression, the tag's id, the dates as bounds, and planFilters' choice.
func (a *App) prepareSearch(req SearchRequest) (preparedSearch, error) {
	var p preparedSearch
	var err error
	if p.kinds, err = requestKinds(req.Kinds); err != nil {
		return p, err
	}
	if req.StoryID < 0 || req.SpeakerID < 0 {
		return p, invalid("a story or speaker id cannot be negative")
	}
	from, to := strings.TrimSpace(req.From), strings.TrimSpace(req.To)
	for _, d := range []struct{ name, value string }{{"from", from}, {"to", to}} {
		if d.value != "" && !dateRe.MatchString(d.value) {
			return p, invalid("%q is not a date for %q: write it as 2024, 2024-04 or 2024-04-03", d.value, d.name)
		}
	}
	p.limit = req.Limit
	if p.limit <= 0 {
		p.limit = defaultLimit
	}
	p.limit = min(p.limit, maxLimit)

	f := searchFilter{story: req.StoryID, speaker: req.SpeakerID, outlet: strings.TrimSpace(req.Outlet)}
	// A date filter leaves out sources of unknown date ("" < "0"); To
	// takes in everything it is a prefix of.
	f.dateFrom, f.dateTo = "", "\U0010FFFF"
	if from != "" || to != "" {
		f.dated = 1
		f.dateFrom = cmp.Or(from, "0")
		f.dateTo = to + "\U0010FFFF"
	}
	tag := strings.TrimSpace(req.Tag)
	p.filtered = f.story != 0 || f.speaker != 0 || f.outlet != "" || f.dated != 0 || tag != ""
	if tag != "" {
		t, err := a.nb.Q.TagByName(a.ctx, tag)
		if isNoRows(err) {
			p.none = true // nothing carries a tag that does not exist
		} else if err != nil {
			return p, a.internal("search", err)
		}
		f.tag = t.ID
	}
	query := req.Query
	if len(query) > maxQuery {
		// Translate replaces a character cut in two.
		query = query[:maxQuery]
	}
	p.match = ftsquery.Translate(query, ftsquery.Options{AsYouType: req.AsYouType, MinPrefix: minPrefix})
	if p.match != "" {
		if err := a.planFilters(&f, p.match, p.kinds); err != nil {
			return p, a.internal("search", err)
		}
	}
	p.filter = f
	return p, nil
}

// planFilters chooses how the quote query of a full-text search applies an
// outlet or dates, from counts the indexes give at once. Either way gives
// the same hits (see queries/search.sql); the costs, measured on the
// benchmark notebook, differ tenfold either way.
func (a *App) planFilters(f *searchFilter, match string, kinds []string) error {
	if (f.outlet == "" && f.dated == 0) || !slices.Contains(kinds, "quote") {
		return nil
	}
	n, err := a.nb.Q.SearchSourceMaxID(a.ctx)
	if err != nil {
		return err
	}
	q, err := a.nb.Q.SearchQuoteMaxID(a.ctx)
	if err != nil {
		return err
	}
	sources := float64(max(n, 1))
	perSource := float64(q) / sources
	// listed is how many index rows the lists of the selected sources'
	// quotes take; selected is about how many sources pass every filter.
	var listed float64
	selected := sources
	if f.outlet != "" {
		c, err := a.nb.Q.SearchOutletSources(a.ctx, f.outlet)
		if err != nil {
			return err
		}
		listed += float64(c) * perSource
		selected = min(selected, float64(c))
	}
	if f.dated != 0 {
		c, err := a.nb.Q.SearchDatedSources(a.ctx, db.SearchDatedSourcesParams{DateFrom: f.dateFrom, DateTo: f.dateTo})
		if err != nil {
			return err
		}
		listed += float64(c) * perSource
		selected = min(selected, float64(c))
	}
	// Checking each candidate quote's source reads one quote row a match
	// until maxCandidates pass: all the matches, or about maxCandidates ×
	// sources / selected of them. A row read costs about five index rows.
	limit := int64(listed/rowCost) + 1
	m, err := a.nb.Q.SearchQuoteMatches(a.ctx, db.SearchQuoteMatchesParams{Query: match, MaxCount: limit})
	if err != nil {
		return err
	}
	checked := min(float64(m), maxCandidates*sources/max(selected, 1))
	if checked*rowCost < listed {
		f.manySources = 1
	}
	return nil
}

// requestKinds checks the kinds asked for and puts them in the order of
// searchKinds; none means all.
func requestKinds(asked []string) ([]string, error) {
	if len(asked) == 0 {
		return searchKinds, nil
	}
	for _, k := range asked {
		if !slices.Contains(searchKinds, k) {
			return nil, invalid("cannot search for %q: the kinds are source, quote, speaker and note", k)
		}
	}
	var kinds []string
	for _, k := range searchKinds {
		if slices.Contains(asked, k) {
			kinds = append(kinds, k)
		}
	}
	return kinds, nil
}

// searchFilter holds a request's filters as the queries take them (see
// queries/search.sql): 0 or "" is off.
type searchFilter struct {
	story, tag, speaker int64
	manySources         int64 // 1: check candidate quotes' sources for outlet and dates
	outlet              string
	dated               int64 // 1: between dateFrom and dateTo
	dateFrom, dateTo    string
}

// group makes a kind's group from its hits and the number of matches.
func group(kind string, hits []Hit, total int64) SearchGroup {
	return SearchGroup{Kind: kind, Hits: hits, Total: int(total), More: int(total) > len(hits)}
}

// searchKind runs the full-text query of one kind, then fetches the
// snippets of its hits.
func (a *App) searchKind(kind, match string, f searchFilter, limit int) (SearchGroup, error) {
	hits := []Hit{}
	var total int64
	switch kind {
	case "source":
		rows, err := a.nb.Q.SearchSources(a.ctx, db.SearchSourcesParams{
			Query: match, StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Outlet: f.outlet,
			Dated: f.dated, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxCandidates: maxCandidates, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			hits = append(hits, Hit{Kind: kind, ID: r.ID, SourceID: r.ID, Title: r.Title, Outlet: r.Outlet,
				Published: r.Published, Score: r.Score})
		}
	case "quote":
		rows, err := a.nb.Q.SearchQuotes(a.ctx, db.SearchQuotesParams{
			Query: match, StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Outlet: f.outlet, ManySources: f.manySources,
			Dated: f.dated, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxCandidates: maxCandidates, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			hits = append(hits, quoteHit(r.ID, r.SourceID, r.Speaker, r.SourceTitle, r.Outlet, r.Published, nil, r.Score))
		}
	case "speaker":
		rows, err := a.nb.Q.SearchSpeakers(a.ctx, db.SearchSpeakersParams{
			Query: match, StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Outlet: f.outlet,
			Dated: f.dated, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxCandidates: maxCandidates, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			hits = append(hits, Hit{Kind: kind, ID: r.ID, Title: r.Name, Score: r.Score})
		}
	case "note":
		rows, err := a.nb.Q.SearchNotes(a.ctx, db.SearchNotesParams{
			Query: match, StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Outlet: f.outlet,
			Dated: f.dated, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxCandidates: maxCandidates, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			hits = append(hits, Hit{Kind: kind, ID: r.ID, SourceID: r.SourceID, Title: r.Title, SourceTitle: r.SourceTitle,
				Outlet: r.Outlet, Published: r.Published, Score: r.Score})
		}
	}
	if len(hits) > 0 {
		snippets, err := a.snippets(kind, match, hits)
		if err != nil {
			return SearchGroup{}, err
		}
		for i := range hits {
			hits[i].Snippet = segments(snippets[hits[i].ID])
		}
	}
	return group(kind, hits, total), nil
}

// snippets returns the snippets of hits of one kind, by id.
func (a *App) snippets(kind, match string, hits []Hit) (map[int64]string, error) {
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	first, last := slices.Min(ids), slices.Max(ids)
	switch kind {
	case "source":
		return snippetsByID(a.nb.Q.SearchSourceSnippets(a.ctx, db.SearchSourceSnippetsParams{Query: match, FirstID: first, LastID: last, Ids: ids}))
	case "quote":
		return snippetsByID(a.nb.Q.SearchQuoteSnippets(a.ctx, db.SearchQuoteSnippetsParams{Query: match, FirstID: first, LastID: last, Ids: ids}))
	case "speaker":
		return snippetsByID(a.nb.Q.SearchSpeakerSnippets(a.ctx, db.SearchSpeakerSnippetsParams{Query: match, FirstID: first, LastID: last, Ids: ids}))
	default:
		return snippetsByID(a.nb.Q.SearchNoteSnippets(a.ctx, db.SearchNoteSnippetsParams{Query: match, FirstID: first, LastID: last, Ids: ids}))
	}
}

// snippetRow is the shape of every snippet query's rows.
type snippetRow = struct {
	ID      int64
	Snippet string
}

// snippetsByID indexes the rows of a snippet query (each kind's has its own
// type, all of this shape) by id.
func snippetsByID[R ~snippetRow](rows []R, err error) (map[int64]string, error) {
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(rows))
	for _, r := range rows {
		v := snippetRow(r)
		out[v.ID] = v.Snippet
	}
	return out, nil
}

// listKind lists the items of one kind the filters select, newest first.
func (a *App) listKind(kind string, f searchFilter, limit int) (SearchGroup, error) {
	hits := []Hit{}
	var total int64
	switch kind {
	case "source":
		rows, n, err := a.listSources(f, limit)
		if err != nil {
			return SearchGroup{}, err
		}
		total = n
		for _, r := range rows {
			hits = append(hits, Hit{Kind: kind, ID: r.ID, SourceID: r.ID, Title: r.Title, Outlet: r.Outlet,
				Published: r.Published, Snippet: []Segment{}})
		}
	case "quote":
		rows, err := a.nb.Q.ListQuotes(a.ctx, db.ListQuotesParams{
			StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Dated: f.dated,
			Outlet: f.outlet, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			words := []Segment{{Text: firstWords(r.Text, quoteWords)}}
			hits = append(hits, quoteHit(r.ID, r.SourceID, r.Speaker, r.SourceTitle, r.Outlet, r.Published, words, 0))
		}
	case "speaker":
		rows, err := a.nb.Q.ListSpeakers(a.ctx, db.ListSpeakersParams{
			StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Dated: f.dated,
			Outlet: f.outlet, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			hits = append(hits, Hit{Kind: kind, ID: r.ID, Title: r.Name, Snippet: []Segment{}})
		}
	case "note":
		rows, err := a.nb.Q.ListNotes(a.ctx, db.ListNotesParams{
			StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Dated: f.dated,
			Outlet: f.outlet, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxHits: int64(limit),
		})
		if err != nil {
			return SearchGroup{}, err
		}
		for _, r := range rows {
			total = r.Total
			hits = append(hits, Hit{Kind: kind, ID: r.ID, SourceID: r.SourceID, Title: r.Title, SourceTitle: r.SourceTitle,
				Outlet: r.Outlet, Published: r.Published, Snippet: []Segment{}})
		}
	}
	return group(kind, hits, total), nil
}

// fewSources is how many sources a filter may select for listing them by
// reading each one's row (ListSourcesFew); more are listed by walking the
// library's order until enough pass (ListSources).
var fewSources int64 = 2000

// listSources lists the newest sources the filters select, with their
// number. Counting first (from indexes alone) chooses the way: a story or
// a tag selects few sources, and reading their rows is quicker than
// walking the 100,000 of the library to find them; a speaker quoted in a
// quarter of the sources or a large outlet selects many, and the walk in
// the library's order stops after the first few.
func (a *App) listSources(f searchFilter, limit int) ([]db.ListSourcesFewRow, int64, error) {
	n, err := a.nb.Q.ListSourcesCount(a.ctx, db.ListSourcesCountParams{
		StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Dated: f.dated,
		Outlet: f.outlet, DateFrom: f.dateFrom, DateTo: f.dateTo,
	})
	if err != nil || n == 0 {
		return nil, n, err
	}
	if n <= fewSources {
		rows, err := a.nb.Q.ListSourcesFew(a.ctx, db.ListSourcesFewParams{
			StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Dated: f.dated,
			Outlet: f.outlet, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxHits: int64(limit),
		})
		return rows, n, err
	}
	rows, err := a.nb.Q.ListSources(a.ctx, db.ListSourcesParams{
		StoryID: f.story, TagID: f.tag, SpeakerID: f.speaker, Dated: f.dated,
		Outlet: f.outlet, DateFrom: f.dateFrom, DateTo: f.dateTo, MaxHits: int64(limit),
	})
	out := make([]db.ListSourcesFewRow, len(rows))
	for i, r := range rows {
		out[i] = db.ListSourcesFewRow(r)
	}
	return out, n, err
}

// quoteHit makes a quote's hit: its title names the speaker and the
// source.
func quoteHit(id, sourceID int64, speaker, sourceTitle, outlet, published string, snippet []Segment, score float64) Hit {
	title := sourceTitle
	if speaker != "" {
		title = speaker + " · " + sourceTitle
	}
	return Hit{Kind: "quote", ID: id, SourceID: sourceID, Title: title, Speaker: speaker, SourceTitle: sourceTitle,
		Outlet: outlet, Published: published, Snippet: snippet, Score: score}
}

// firstWords is s cut to its first n words, with an ellipsis when cut.
func firstWords(s string, n int) string {
	fields := strings.Fields(s)
	if len(fields) <= n {
		return strings.Join(fields, " ")
	}
	return strings.Join(fields[:n], " ") + "…"
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
