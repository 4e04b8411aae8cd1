package app

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"sourcebook/db"
)

const (
	// defaultPage and maxPage bound the sources of a library page.
	defaultPage = 100
	maxPage     = 500
	// maxSummaries is the most sources SourceSummaries answers at once.
	maxSummaries = 1000
	// maxOutlets is the most outlets Outlets lists.
	maxOutlets = 500
)

// LibraryPage returns a stretch of the library, newest first as Library
// lists it, with the number of sources listed: every source, or those
// whose title, outlet or authors contain every word of req.Filter (case
// and accents do not count). With req.Around, the page is the one holding
// that source, and Index says where it is; the sidebar asks so to show a
// source opened from elsewhere. The window asks for pages as the list
// scrolls, rather than for the whole library (Library), whose 100,000
// summaries took seconds to send.
//
// It fails with code invalid for a negative offset or limit.
func (a *App) LibraryPage(req LibraryRequest) (LibraryPage, error) {
	if req.Offset < 0 || req.Limit < 0 {
		return LibraryPage{}, invalid("a library page cannot start or end before the first source")
	}
	limit := req.Limit
	if limit == 0 {
		limit = defaultPage
	}
	limit = min(limit, maxPage)
	words := filterWords(req.Filter)
	all, err := a.nb.Q.SourceCount(a.ctx)
	if err != nil {
		return LibraryPage{}, a.internal("list the sources", err)
	}
	page := LibraryPage{Offset: req.Offset, Index: -1, All: int(all), Sources: []SourceSummary{}}
	var listed []int64 // the sources passing the filter, in order
	if len(words) == 0 {
		page.Total = int(all)
		if req.Around != 0 {
			pos, err := a.nb.Q.SourcePosition(a.ctx, req.Around)
			if err != nil {
				return LibraryPage{}, a.internal("list the sources", err)
			}
			page.Index = int(pos)
		}
	} else {
		if listed, err = a.filtered(words); err != nil {
			return LibraryPage{}, a.internal("list the sources", err)
		}
		page.Total = len(listed)
		if req.Around != 0 {
			page.Index = slices.Index(listed, req.Around)
		}
	}
	if page.Index >= 0 {
		page.Offset = page.Index / limit * limit
	}
	if len(words) == 0 {
		rows, err := a.nb.Q.SourceListPage(a.ctx, db.SourceListPageParams{MaxRows: int64(limit), Skip: int64(page.Offset)})
		if err != nil {
			return LibraryPage{}, a.internal("list the sources", err)
		}
		for _, r := range rows {
			page.Sources = append(page.Sources, summary(db.SourceSummaryGetRow(r)))
		}
	} else {
		ids := listed[min(page.Offset, len(listed)):min(page.Offset+limit, len(listed))]
		if page.Sources, err = a.summaries(ids); err != nil {
			return LibraryPage{}, a.internal("list the sources", err)
		}
	}
	if err := a.addStories(page.Sources); err != nil {
		return LibraryPage{}, a.internal("list the sources", err)
	}
	return page, nil
}

// SourceSummaries returns the summaries of the sources asked for, in the
// order asked, leaving out ids that are not sources (deleted meanwhile).
// At most 1,000 at once: it fails with code invalid for more.
func (a *App) SourceSummaries(ids []int64) ([]SourceSummary, error) {
	if len(ids) > maxSummaries {
		return nil, invalid("ask for at most %d sources at once, not %d", maxSummaries, len(ids))
	}
	out, err := a.summaries(ids)
	if err == nil {
		err = a.addStories(out)
	}
	if err != nil {
		return nil, a.internal("read the sources", err)
	}
	return out, nil
}

// Stories returns every story, newest first, with its sources' ids: the
// stories of Library without the sources, and the ids by id (highest, so
// most recently imported, first) rather than by date, which took reading
// every member source.
func (a *App) Stories() ([]Story, error) {
	stories, err := a.nb.Q.StoryList(a.ctx)
	if err != nil {
		return nil, a.internal("list the stories", err)
	}
	members, err := a.nb.Q.StoryMembers(a.ctx)
	if err != nil {
		return nil, a.internal("list the stories", err)
	}
	byStory := map[int64][]int64{}
	for _, m := range members {
		byStory[m.StoryID] = append(byStory[m.StoryID], m.SourceID)
	}
	out := make([]Story, 0, len(stories))
	for _, s := range stories {
		out = append(out, Story{ID: s.ID, UUID: s.UUID, Title: s.Title, CreatedAt: s.CreatedAt, SourceIDs: orEmpty(byStory[s.ID])})
	}
	return out, nil
}

// Outlets lists the outlets the sources name, the one with the most
// sources first (at most 500), for the search box's outlet filter.
// Spellings that differ only in case are one outlet.
func (a *App) Outlets() ([]string, error) {
	out, err := a.nb.Q.SourceOutlets(a.ctx, maxOutlets)
	if err != nil {
		return nil, a.internal("list the outlets", err)
	}
	return out, nil
}

// summaries reads the summaries of ids, in the order of ids, without
// their stories.
func (a *App) summaries(ids []int64) ([]SourceSummary, error) {
	out := make([]SourceSummary, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := a.nb.Q.SourceSummaries(a.ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]db.SourceSummariesRow, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, summary(db.SourceSummaryGetRow(r)))
		}
	}
	return out, nil
}

// addStories fills in the stories of each of sums.
func (a *App) addStories(sums []SourceSummary) error {
	if len(sums) == 0 {
		return nil
	}
	ids := make([]int64, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	rows, err := a.nb.Q.StorySourceListBySources(a.ctx, ids)
	if err != nil {
		return err
	}
	bySource := map[int64][]int64{}
	for _, r := range rows {
		bySource[r.SourceID] = append(bySource[r.SourceID], r.StoryID)
	}
	for i := range sums {
		sums[i].StoryIDs = orEmpty(bySource[sums[i].ID])
	}
	return nil
}

// libraryWords is every source's id, in the library's order, with its
// title, outlet and authors folded for the filter. It is kept while the
// notebook does not change: reading it takes a quarter of a second at
// 100,000 sources, filtering it a hundredth.
type libraryWords struct {
	mu      sync.Mutex
	changes uint64 // the notebook's Changes() when read
	ids     []int64
	words   []string
}

// filtered returns the ids of the sources whose words hold every one of
// words, in the library's order.
func (a *App) filtered(words []string) ([]int64, error) {
	lw := &a.library
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if changes := a.nb.Changes(); lw.ids == nil || lw.changes != changes {
		rows, err := a.nb.Q.SourceListFilterWords(a.ctx)
		if err != nil {
			return nil, err
		}
		lw.changes = changes
		lw.ids = make([]int64, len(rows))
		lw.words = make([]string, len(rows))
		for i, r := range rows {
			lw.ids[i] = r.ID
			lw.words[i] = foldFilter(r.Title + "\x00" + r.Outlet + "\x00" + authorsText(r.Authors))
		}
	}
	out := []int64{}
	for i, w := range lw.words {
		if containsAll(w, words) {
			out = append(out, lw.ids[i])
		}
	}
	return out, nil
}

// filterWords splits a library filter into folded words.
func filterWords(filter string) []string {
	return strings.Fields(foldFilter(filter))
}

// containsAll reports whether every one of words occurs in s.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// foldFilter lower-cases s and takes the accents off its letters, as the
// frontend's fold does: "Crème" is "creme".
func foldFilter(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.M, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// authorsText is a source's authors (stored as a JSON array) as text,
// names apart.
func authorsText(js string) string {
	if js == "[]" || js == "" {
		return ""
	}
	if !strings.Contains(js, `\`) && strings.HasPrefix(js, `["`) && strings.HasSuffix(js, `"]`) {
		// As Sourcebook writes them, without escapes: a tenth of the time
		// of decoding them, which counts for 100,000 sources.
		return strings.ReplaceAll(js[2:len(js)-2], `","`, "\x00")
	}
	var names []string
	if err := json.Unmarshal([]byte(js), &names); err != nil {
		return js
	}
	return strings.Join(names, "\x00")
}
