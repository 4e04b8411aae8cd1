// Package export holds a notebook as plain data, keyed by UUID, for the
// writers that turn it into formats other tools read: an Obsidian vault
// (export/vault), CSV (export/csvfile), CSL-JSON and BibTeX (export/cite) and
// W3C Web Annotations (export/webanno).
//
// It knows nothing of SQL: app/ reads the notebook and hands the writers a
// [Notebook], which streams sources one at a time so that a notebook of
// 100,000 sources never sits in memory at once. Everything else (stories,
// speakers, notes, tags) is small enough to hold.
package export

import "context"

// Story is a collection of sources about one event.
type Story struct {
	UUID        string
	Title       string
	Description string
	// Sources are the UUIDs of the story's sources, in the order they were
	// added.
	Sources    []string
	Tags       []string
	CreatedAt  string // RFC 3339, UTC
	ModifiedAt string
}

// Source is one imported document with its quotes.
type Source struct {
	UUID    string
	ID      int64 // the notebook's id, for links back into Sourcebook
	Title   string
	Outlet  string
	URL     string
	Authors []string
	// Published and Updated are the source's own dates, ISO 8601 as
	// precise as the source states them ("2024-04", "2024-04-03"); empty
	// when unknown.
	Published string
	Updated   string
	Kind      string // article, filing, post, blog or other
	Lang      string // BCP 47, or ""
	// Text is the stored text offsets count into (code points), boilerplate
	// included; Blocks says which parts are content.
	Text        string
	Blocks      []Block
	Description string
	Words       int64
	Stories     []string // UUIDs of the stories it belongs to
	Tags        []string
	Quotes      []Quote // in text order; rejected quotes are left out
	ImportedAt  string
	ModifiedAt  string
}

// Block is one block of a source's text: a paragraph, heading, list item,
// block quote, preformatted text or caption. Start and End are code points
// into Source.Text, half-open.
type Block struct {
	Kind  string // paragraph, heading, item, quote, pre, caption
	Level int    // heading level 1-6, or list depth
	Start int
	End   int
	// Boilerplate is empty for content, else why the block was set aside
	// (navigation, related, newsletter, ...). Writers skip boilerplate.
	Boilerplate string
}

// Quote is an utterance in a source. Start and End are code points into
// the source's Text, half-open; Prefix and Suffix are up to 32 code points
// of context either side (a W3C TextQuoteSelector).
type Quote struct {
	UUID        string
	ID          int64
	SourceUUID  string
	SpeakerUUID string // "" when unknown
	SpeakerName string // "" when unknown
	Text        string
	Start       int
	End         int
	Prefix      string
	Suffix      string
	Kind        string // direct, partial, block, scare
	Cue         string // the attribution words: "said", "according to"
	Status      string // suggested or confirmed
	GroupUUID   string // shared by every occurrence of the same utterance
	Tags        []string
	CreatedAt   string
	ModifiedAt  string
}

// Speaker is a person, organisation or document that is quoted.
type Speaker struct {
	UUID        string
	ID          int64
	Name        string
	Role        string
	Affiliation string
	Aliases     []string
	Tags        []string
	CreatedAt   string
	ModifiedAt  string
}

// Note is a Markdown note with what it is attached to and the wiki links
// its body holds.
type Note struct {
	UUID       string
	ID         int64
	Title      string // the body's first line without Markdown marks
	Body       string // Markdown; may hold [[links]]
	Attached   []Attachment
	Refs       []Ref
	Tags       []string
	CreatedAt  string
	ModifiedAt string
}

// Attachment is what a note is about: a source, quote, speaker, story, or a
// passage of a source (a highlight).
type Attachment struct {
	Kind string // source, quote, speaker, story or passage
	// TargetUUID is the UUID of the source, quote, speaker or story; for a
	// passage, of its source. Empty when the target was deleted; Label
	// then still says what it was.
	TargetUUID string
	Label      string
	// A passage's range and its anchor: code points into the source's
	// Text, the exact words and up to 32 code points of context.
	Start, End     int
	Exact          string
	Prefix, Suffix string
}

// Ref is one [[link]] in a note's body, as the notebook resolved it.
type Ref struct {
	Target     string // what the link says: "Andy Stone", "quote:42"
	Kind       string // note, source, quote, speaker, story; "" unresolved
	TargetUUID string
}

// Tag is a label on sources, quotes, notes, stories and speakers.
type Tag struct {
	UUID  string
	Name  string
	Color string
}

// Notebook is what the writers read. Stories, Speakers, Notes and Tags
// return everything at once; EachSource streams the sources, each with its
// quotes, in a stable order, stopping at the first error fn returns.
// Implementations honour ctx's cancellation.
type Notebook interface {
	Stories(ctx context.Context) ([]Story, error)
	Speakers(ctx context.Context) ([]Speaker, error)
	Notes(ctx context.Context) ([]Note, error)
	Tags(ctx context.Context) ([]Tag, error)
	// SourceCount is how many sources EachSource will yield, for progress.
	SourceCount(ctx context.Context) (int, error)
	EachSource(ctx context.Context, fn func(Source) error) error
}

// Progress is told how many of the sources are written. Writers call it
// after each source (and may call it less often); it must be cheap.
type Progress func(done, total int)

// Content returns the source's text without its boilerplate: the content
// blocks joined by a blank line, as the reader shows them. A source with no
// blocks is all content.
func (s Source) Content() string {
	if len(s.Blocks) == 0 {
		return s.Text
	}
	runes := []rune(s.Text)
	var out []rune
	for _, b := range s.Blocks {
		if b.Boilerplate != "" || b.Start < 0 || b.End > len(runes) || b.Start >= b.End {
			continue
		}
		if len(out) > 0 {
			out = append(out, '\n', '\n')
		}
		out = append(out, runes[b.Start:b.End]...)
	}
	return string(out)
}
