package app

// The types in this file are the view types the UI receives. Their JSON
// names are the contract with frontend/src/lib/api.ts; Wails generates
// TypeScript classes from them into frontend/wailsjs/go/models.ts.

// Info describes the running application and the open notebook.
type Info struct {
	Version       string `json:"version"`
	NotebookPath  string `json:"notebookPath"`
	Mode          string `json:"mode"` // "desktop", "browser" or "cli"
	SchemaVersion int64  `json:"schemaVersion"`
	Sources       int64  `json:"sources"`
}

// Library is everything the sidebar shows: every story and every source.
type Library struct {
	Stories []Story         `json:"stories"`
	Sources []SourceSummary `json:"sources"` // newest first
}

// LibraryRequest asks for a page of the library (LibraryPage).
type LibraryRequest struct {
	// Filter keeps the sources whose title, outlet or authors contain every
	// one of its words; case and accents do not count. Empty keeps all.
	Filter string `json:"filter"`
	Offset int    `json:"offset"` // the first source of the page, counting from 0
	Limit  int    `json:"limit"`  // sources on the page: default 100, at most 500
	// Around, when not 0, asks for the page holding that source instead of
	// the one at Offset.
	Around int64 `json:"around"`
}

// LibraryPage is a stretch of the library, newest first.
type LibraryPage struct {
	Offset int `json:"offset"` // where Sources start in the list
	Total  int `json:"total"`  // sources in the list (passing the filter)
	All    int `json:"all"`    // sources in the notebook
	// Index is where the source Around is in the list; -1 when it was not
	// asked for, or is not in the list.
	Index   int             `json:"index"`
	Sources []SourceSummary `json:"sources"`
}

// Story is a collection of sources about one event.
type Story struct {
	ID        int64   `json:"id"`
	UUID      string  `json:"uuid"`
	Title     string  `json:"title"`
	CreatedAt string  `json:"createdAt"`
	SourceIDs []int64 `json:"sourceIds"` // newest first
}

// SourceSummary is a source without its text, as listed in the library.
type SourceSummary struct {
	ID         int64    `json:"id"`
	UUID       string   `json:"uuid"`
	Title      string   `json:"title"`
	Outlet     string   `json:"outlet"`
	Authors    []string `json:"authors"`
	Published  string   `json:"published"` // ISO 8601 as known, "" when unknown
	Kind       string   `json:"kind"`      // article, filing, post, blog or other
	Words      int64    `json:"words"`
	ImportedAt string   `json:"importedAt"` // RFC 3339, UTC
	StoryIDs   []int64  `json:"storyIds"`
}

// Source is one source with its text, as the reading view shows it.
type Source struct {
	SourceSummary
	URL          string `json:"url"`
	Updated      string `json:"updated"`
	Lang         string `json:"lang"`
	Description  string `json:"description"`
	MediaType    string `json:"mediaType"`
	OriginalName string `json:"originalName"`
	Extractor    string `json:"extractor"` // what made the text: trafilatura, json-ld, fallback, text, markdown
	Text         string `json:"text"`
	// Blocks cover Text in order. Reading, search, quotes and comparison
	// skip the blocks marked as boilerplate.
	Blocks []Block `json:"blocks"`
}

// Block is a paragraph, heading, list item, block quote or preformatted
// block of a source's text. Start and End are Unicode code points into
// Source.Text (not UTF-16 units: in JavaScript use Array.from(text)).
type Block struct {
	Kind        string `json:"kind"`  // paragraph, heading, item, quote, pre, caption
	Level       int    `json:"level"` // heading level 1-6; list nesting depth
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Boilerplate string `json:"boilerplate"` // "" for content, else why it was set aside (navigation, related, ...)
}

// SourceUpdate is the user's correction of a source's metadata. Every field
// is set as given; dates are ISO 8601 or anything ParseDate understands
// ("Apr 3, 2024, 2:29 PM IST"), or empty for unknown.
type SourceUpdate struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
	Updated   string   `json:"updated"`
	URL       string   `json:"url"`
	Kind      string   `json:"kind"`
	Lang      string   `json:"lang"`
}

// ImportTextRequest is text pasted by the user.
type ImportTextRequest struct {
	Title   string `json:"title"`   // optional: the first line is used when empty
	Text    string `json:"text"`    // the text itself
	StoryID int64  `json:"storyId"` // 0: add to no story
}

// ImportResult is the outcome of importing one piece of text.
type ImportResult struct {
	Source    SourceSummary `json:"source"`    // the new source, or the existing one it duplicates
	Duplicate bool          `json:"duplicate"` // true when nothing was added
}

// FileData is one file the user chose or dropped, with its bytes.
type FileData struct {
	Name string `json:"name"`
	Data []byte `json:"data" ts_type:"string"` // base64 in JSON
}

// FileResult is the outcome of importing one file of a batch.
type FileResult struct {
	Name      string         `json:"name"`
	Source    *SourceSummary `json:"source"`    // nil when the file failed
	Duplicate bool           `json:"duplicate"` // true when the file duplicates Source
	Error     string         `json:"error"`     // a message for the user when the file failed
}

// SearchRequest is one search over everything (SearchAll). Every filter
// is off when zero or empty; several narrow together.
type SearchRequest struct {
	// Query is what the user typed; any text is accepted (see
	// internal/ftsquery). With no words, the filters alone list items.
	Query string `json:"query"`
	// AsYouType makes the word being typed a prefix.
	AsYouType bool `json:"asYouType"`
	// Kinds are the kinds to search: source, quote, speaker, note; empty
	// for all.
	Kinds []string `json:"kinds"`
	// StoryID: sources in the story, quotes of those sources, notes on the
	// story, its sources or their quotes, speakers quoted in its sources.
	StoryID int64 `json:"storyId"`
	// Tag is a tag's name: items of each kind carrying it.
	Tag string `json:"tag"`
	// SpeakerID: quotes by the speaker, sources quoting them, notes on the
	// speaker, the speaker.
	SpeakerID int64 `json:"speakerId"`
	// Outlet, From and To select by the source: its outlet (case does not
	// count) and publication date, From and To being ISO dates or prefixes
	// of one (2024, 2024-04, 2024-04-03), both inclusive. Quotes and notes
	// go by their source, speakers by the sources quoting them; sources of
	// unknown date are left out by a date.
	Outlet string `json:"outlet"`
	From   string `json:"from"`
	To     string `json:"to"`
	// Limit is the most hits per kind: 20 by default, at most 200.
	Limit int `json:"limit"`
}

// SearchResults are the hits for one query.
type SearchResults struct {
	Query string `json:"query"`
	// Hits are the hits of every group in one list: best first for a
	// query with words (Search keeps only the sources here), else group
	// after group.
	Hits []Hit `json:"hits"`
	// Groups hold the hits by kind, in the order source, quote, speaker,
	// note, one per kind searched (none when nothing was searched).
	Groups []SearchGroup `json:"groups"`
}

// SearchGroup is the hits of one kind.
type SearchGroup struct {
	Kind string `json:"kind"`
	Hits []Hit  `json:"hits"` // best first, or newest first without words
	// Total is how many items matched. For a query with words, only the
	// newest 1,000 matches of a kind are ranked, so Total stops there.
	// Quotes count their rejected and scare quotes, which are never hits.
	Total int  `json:"total"`
	More  bool `json:"more"` // more items matched than Hits holds
}

// Hit is one search result.
type Hit struct {
	Kind string `json:"kind"` // source, quote, speaker or note
	ID   int64  `json:"id"`   // the source's, quote's, speaker's or note's
	// SourceID is the source to open: the source itself, a quote's source,
	// the source a note is attached to (directly, by a passage or by a
	// quote); 0 for speakers and notes attached to no source.
	SourceID int64 `json:"sourceId"`
	// Title is a source's or note's title, a speaker's name, or for a
	// quote its speaker and its source's title.
	Title       string `json:"title"`
	Speaker     string `json:"speaker"`     // a quote's speaker, "" when unknown
	SourceTitle string `json:"sourceTitle"` // the title of a quote's or note's source
	Outlet      string `json:"outlet"`      // the source's
	Published   string `json:"published"`   // the source's, ISO 8601 as known
	// Snippet is the text around the match, the matching words marked;
	// empty for items listed by filters alone, except that a quote then
	// shows its words, none marked.
	Snippet []Segment `json:"snippet"`
	Score   float64   `json:"score"` // lower is better (bm25); 0 when listed
}

// Segment is a run of snippet text; Match marks the words that matched.
type Segment struct {
	Text  string `json:"text"`
	Match bool   `json:"match"`
}

// Quote is one quotation in a source: its words, where they are, who said
// them, and the group of occurrences of the same utterance it belongs to.
// Start and End are code points into the source's Text.
type Quote struct {
	ID              int64  `json:"id"`
	UUID            string `json:"uuid"`
	SourceID        int64  `json:"sourceId"`
	SourceTitle     string `json:"sourceTitle"`
	SourceOutlet    string `json:"sourceOutlet"`
	SourcePublished string `json:"sourcePublished"`
	Text            string `json:"text"`
	Start           int    `json:"start"`
	End             int    `json:"end"`
	// Kind is direct, partial (a few words inside a sentence), block or
	// scare (a term in quote marks: not speech, never grouped).
	Kind   string `json:"kind"`
	Status string `json:"status"` // suggested, confirmed or rejected
	Origin string `json:"origin"` // auto (found by Sourcebook) or manual
	Cue    string `json:"cue"`    // the attribution words: "said", "according to"
	// SpeakerText is the speaker as the source writes it ("he", "Stone").
	SpeakerText string `json:"speakerText"`
	SpeakerID   int64  `json:"speakerId"` // 0 when unknown
	Speaker     string `json:"speaker"`   // the resolved name, "" when unknown
	Role        string `json:"role"`
	Affiliation string `json:"affiliation"`
	// Group is shared by every occurrence of the same utterance;
	// GroupSources is how many sources carry it (1: only this one).
	Group        string `json:"group"`
	GroupSources int64  `json:"groupSources"`
	// Orphan is true when the source changed and the quote could not be
	// placed again; Start, End and Text are then where it used to be.
	Orphan bool `json:"orphan"`
}

// QuotePage is everything known about one utterance: every occurrence
// across the notebook, side by side.
type QuotePage struct {
	Group   string  `json:"group"`
	Quotes  []Quote `json:"quotes"`  // oldest source first; rejected ones left out
	Longest int64   `json:"longest"` // the id of the longest version
	// Variants compare each occurrence with the longest version, word by
	// word, in the order of Quotes.
	Variants []QuoteVariant `json:"variants"`
	// Speakers are the distinct resolved names the occurrences are
	// attributed to; more than one means the sources disagree.
	Speakers []string `json:"speakers"`
}

// QuoteVariant is one occurrence of an utterance compared with its longest
// version.
type QuoteVariant struct {
	QuoteID  int64    `json:"quoteId"`
	Relation string   `json:"relation"` // same, contains, within, overlap, similar
	Score    float64  `json:"score"`
	Ops      []DiffOp `json:"ops"`
}

// DiffOp is one step of a word-level diff between an occurrence (A) and the
// longest version (B): equal, delete (words only in A), insert (only in B)
// or replace.
type DiffOp struct {
	Kind string `json:"kind"`
	A    string `json:"a"`
	B    string `json:"b"`
}

// QuoteRequest is a quote the user marks by hand, or new values for one.
// Speaker is a name: an existing speaker's name or alias, or a new speaker;
// "" leaves the quote unattributed.
type QuoteRequest struct {
	SourceID int64  `json:"sourceId"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Speaker  string `json:"speaker"`
	Kind     string `json:"kind"` // direct by default
}

// SpeakerSuggestion is who probably said a passage, as the text attributes
// the quotation it is in or the nearest one before it.
type SpeakerSuggestion struct {
	Speaker     string `json:"speaker"` // "" when the text names nobody
	Role        string `json:"role"`
	Affiliation string `json:"affiliation"`
	Cue         string `json:"cue"`
}

// Speaker is a person, organisation or document quoted in the notebook.
type Speaker struct {
	ID          int64    `json:"id"`
	UUID        string   `json:"uuid"`
	Name        string   `json:"name"`
	Role        string   `json:"role"`
	Affiliation string   `json:"affiliation"`
	Aliases     []string `json:"aliases"` // other names that resolve to this speaker
	Quotes      int64    `json:"quotes"`  // quotes attributed, rejected ones left out
	Sources     int64    `json:"sources"` // sources quoting them
}

// SpeakerUpdate renames a speaker or corrects their details.
type SpeakerUpdate struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Role        string `json:"role"`
	Affiliation string `json:"affiliation"`
}

// Highlight is a passage of a source the user marked, with an optional note.
type Highlight struct {
	ID       int64  `json:"id"` // the note's id
	SourceID int64  `json:"sourceId"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Note     string `json:"note"`
	Orphan   bool   `json:"orphan"` // the source changed and the passage could not be placed
}

// HighlightRequest marks a passage, with an optional note.
type HighlightRequest struct {
	SourceID int64  `json:"sourceId"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Note     string `json:"note"`
}

// ReextractResult says what extracting a source again changed.
type ReextractResult struct {
	Source Source `json:"source"`
	// Quotes and highlights: Kept at their place, Moved to where their
	// words now are, Orphans that could not be placed.
	Kept    int `json:"kept"`
	Moved   int `json:"moved"`
	Orphans int `json:"orphans"`
	Added   int `json:"added"` // new quotes found
}

// Comparison is what two or more sources share, what each alone says, and
// where they differ, pair by pair.
type Comparison struct {
	Sources  []SourceSummary `json:"sources"`  // in the order asked for
	Pairs    []ComparePair   `json:"pairs"`    // one per pair of sources, in the order (0,1), (0,2), ... (1,2), ...
	Overview Overview        `json:"overview"` // all the sources at once
}

// Overview shows all the compared sources at once: how much of each the
// others carry, and which source carries which quote.
type Overview struct {
	// Coverage[i][j] is the share of source i's content words that source
	// j also carries (1 on the diagonal), sources in the order of
	// Comparison.Sources.
	Coverage [][]float64 `json:"coverage"`
	// Quotes are the utterances the sources carry, those carried by most
	// sources first; each lists the ids of the sources that carry it.
	Quotes []OverviewQuote `json:"quotes"`
	// Timeline is the dated events the sources mention, earliest first.
	Timeline []TimelineEvent `json:"timeline"`
}

// TimelineEvent is a date the sources mention, with every mention. Other
// lists the dates another source gives for the same thing, when the
// sources disagree.
type TimelineEvent struct {
	Date     string            `json:"date"`  // ISO 8601 as precise as stated ("2024-04", "2011/2019" for a range)
	Label    string            `json:"label"` // what happened, as far as found: the subject or the sentence
	Mentions []TimelineMention `json:"mentions"`
	Other    []string          `json:"other"` // other dates given for the same thing
}

// TimelineMention is one source stating an event's date.
type TimelineMention struct {
	SourceID int64  `json:"sourceId"`
	Text     string `json:"text"` // the date as written
	Sentence string `json:"sentence"`
	Start    int    `json:"start"` // code points into the source's text
}

// OverviewQuote is one utterance and the sources carrying it.
type OverviewQuote struct {
	Group   string  `json:"group"`
	Text    string  `json:"text"`    // its longest wording among the sources
	Speaker string  `json:"speaker"` // as the first source carrying it attributes it
	Sources []int64 `json:"sources"`
}

// ComparePair compares two sources, A and B.
type ComparePair struct {
	A         int64   `json:"a"` // source ids
	B         int64   `json:"b"`
	CoverageA float64 `json:"coverageA"` // share of A's content words in passages B shares
	CoverageB float64 `json:"coverageB"`
	// Shared are the passages both carry, in the order of A: "same" when the
	// words are the same once case, marks and punctuation are folded,
	// "similar" when edited or paraphrased with enough words in common.
	Shared []SharedPassage `json:"shared"`
	OnlyA  []TextSpan      `json:"onlyA"` // passages of A that B lacks, in text order
	OnlyB  []TextSpan      `json:"onlyB"`
	Quotes QuoteComparison `json:"quotes"`
	Facts  FactComparison  `json:"facts"`
}

// FactComparison compares the facts two sources state (dates, numbers,
// money, percentages, names, roles): the same fact with the same value, with
// different values, or stated by one source only.
type FactComparison struct {
	Agree  []FactPair `json:"agree"`
	Differ []FactPair `json:"differ"`
	OnlyA  []Fact     `json:"onlyA"`
	OnlyB  []Fact     `json:"onlyB"`
}

// FactPair is one fact as A and as B state it.
type FactPair struct {
	A     Fact    `json:"a"`
	B     Fact    `json:"b"`
	Score float64 `json:"score"` // how sure the pairing is, 0-1
}

// Fact is a date, number, amount of money, percentage, name or role a
// source states, with the sentence stating it.
type Fact struct {
	Kind     string   `json:"kind"`  // date, number, money, percent, name, role
	Value    string   `json:"value"` // normalised: "2024-04-03", "2011/2019", "$100000000+"
	Unit     string   `json:"unit"`  // what a number counts ("week"), else ""
	Text     string   `json:"text"`  // as written
	Start    int      `json:"start"` // code points into the source's text
	End      int      `json:"end"`
	Sentence TextSpan `json:"sentence"`
	Subject  string   `json:"subject"` // what it is about, when found ("Reed Hastings")
}

// SharedPassage is a passage of A matched with one of B, with the word
// differences (A's words in DiffOp.A, B's in DiffOp.B).
type SharedPassage struct {
	A     TextSpan `json:"a"`
	B     TextSpan `json:"b"`
	Kind  string   `json:"kind"` // same or similar
	Score float64  `json:"score"`
	Ops   []DiffOp `json:"ops"`
}

// TextSpan is a range of a source's text: code points [Start, End).
type TextSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// QuoteComparison compares the quotes of two sources through their groups:
// an utterance both carry is shared; Differing lists the shared ones whose
// wording or speaker differs.
type QuoteComparison struct {
	Shared    []SharedQuote `json:"shared"`
	Differing []SharedQuote `json:"differing"`
	OnlyA     []Quote       `json:"onlyA"`
	OnlyB     []Quote       `json:"onlyB"`
	SpeakersA []string      `json:"speakersA"` // who A quotes, most quoted first
	SpeakersB []string      `json:"speakersB"`
}

// SharedQuote is one utterance as A and as B carry it.
type SharedQuote struct {
	A           Quote    `json:"a"`
	B           Quote    `json:"b"`
	Relation    string   `json:"relation"` // same, contains, within, overlap, similar
	SameWords   bool     `json:"sameWords"`
	SameSpeaker bool     `json:"sameSpeaker"`
	Ops         []DiffOp `json:"ops"`
}
