package app

// Note is a note in Markdown, standing alone or attached to sources,
// passages, quotes, speakers or stories, with the wiki links it writes.
type Note struct {
	ID    int64  `json:"id"`
	UUID  string `json:"uuid"`
	Title string `json:"title"` // the first line, without heading marks
	Body  string `json:"body"`  // Markdown, as written
	// Attached is what the note is about; empty for a standalone note.
	Attached   []NoteTarget `json:"attached"`
	Links      []NoteLink   `json:"links"` // the [[links]] in the body, in order
	Tags       []string     `json:"tags"`
	CreatedAt  string       `json:"createdAt"`
	ModifiedAt string       `json:"modifiedAt"`
}

// NoteTarget is something a note is attached to.
type NoteTarget struct {
	// Kind is source, passage, quote, speaker or story.
	Kind string `json:"kind"`
	// ID is the target's id: the source's for a passage. 0 when the target
	// was deleted (Label still says what it was).
	ID int64 `json:"id"`
	// Start and End are a passage's code points in its source's text.
	Start int `json:"start,omitempty"`
	End   int `json:"end,omitempty"`
	// SourceID is the source a passage or quote is in.
	SourceID int64 `json:"sourceId,omitempty"`
	// Label says what the target is: a source's or story's title, a
	// speaker's name, a quote's or passage's words.
	Label  string `json:"label"`
	Orphan bool   `json:"orphan,omitempty"` // a passage the source no longer holds
}

// NoteLink is a [[link]] written in a note.
type NoteLink struct {
	Target string `json:"target"` // as written: a name, or kind:id
	Text   string `json:"text"`   // what it shows
	// Kind and ID say what it resolves to now; Kind is "" when nothing in
	// the notebook has that name (a link to a note not yet written).
	Kind  string `json:"kind"`
	ID    int64  `json:"id"`
	Label string `json:"label"` // the target's title or name, when resolved
}

// NoteRequest creates a note. Attach is optional: a standalone note has
// none. For a passage, Attach.ID is the source and Start/End the passage.
type NoteRequest struct {
	Body   string      `json:"body"`
	Attach *NoteTarget `json:"attach"`
	Tags   []string    `json:"tags"`
}

// NoteFilter narrows Notes. Zero values do not filter.
type NoteFilter struct {
	// Kind and ID: only notes attached to this thing (source, quote,
	// speaker or story; a source includes its passages).
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
	Tag  string `json:"tag"`
	// Standalone: only notes attached to nothing.
	Standalone bool `json:"standalone"`
	Limit      int  `json:"limit"` // default 200, at most 1000
}

// Backlink is a note that refers to something: by a [[link]], or by being
// attached to it.
type Backlink struct {
	NoteID     int64  `json:"noteId"`
	Title      string `json:"title"`
	Excerpt    string `json:"excerpt"` // the words around the link, or the note's start
	Via        string `json:"via"`     // "link" or "attached"
	ModifiedAt string `json:"modifiedAt"`
}

// LinkTarget is one suggestion for completing a [[link]].
type LinkTarget struct {
	Kind   string `json:"kind"` // note, source, quote, speaker or story
	ID     int64  `json:"id"`
	Label  string `json:"label"`  // what to show in the list
	Detail string `json:"detail"` // outlet, role or speaker
	// Insert is the whole link to insert: [[Name]] when the name finds this
	// target, [[kind:id|Name]] otherwise.
	Insert string `json:"insert"`
}

// Tag is a label on sources, quotes, notes, speakers or stories.
type Tag struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
	Uses  int64  `json:"uses"` // how many things carry it
}

// StoryPage is everything a story holds: its sources, the quotes in them
// by speaker, the notes on it and its sources, and the timeline of the
// dates its sources give.
type StoryPage struct {
	Story    Story           `json:"story"`
	Sources  []SourceSummary `json:"sources"` // newest first
	Speakers []StorySpeaker  `json:"speakers"`
	Notes    []Note          `json:"notes"`
	Timeline []TimelineEvent `json:"timeline"`
	Tags     []string        `json:"tags"`
}

// StorySpeaker is one speaker quoted in a story's sources, most quoted
// first, with their quotes.
type StorySpeaker struct {
	SpeakerID int64   `json:"speakerId"` // 0: quotes with no speaker
	Name      string  `json:"name"`
	Role      string  `json:"role"`
	Quotes    []Quote `json:"quotes"`
}

// UndoInfo says what Undo would undo; What is "" when there is nothing.
type UndoInfo struct {
	What string `json:"what"` // e.g. `Delete note "Stone denies it"`
}
