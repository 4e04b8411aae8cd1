package cli

import (
	"flag"
	"os"

	"sourcebook/internal/document"
	"sourcebook/internal/ingest"
	"sourcebook/internal/quote"
)

// extractJSON is what `sourcebook extract` prints.
type extractJSON struct {
	File        string           `json:"file"`
	MediaType   string           `json:"media_type"`
	Extractor   string           `json:"extractor"`
	Title       string           `json:"title"`
	Outlet      string           `json:"outlet"`
	Authors     []string         `json:"authors"`
	Published   string           `json:"published"`
	Updated     string           `json:"updated"`
	URL         string           `json:"url"`
	Lang        string           `json:"lang"`
	Kind        string           `json:"kind"`
	Description string           `json:"description"`
	Text        string           `json:"text"`    // all of it, boilerplate included; offsets point here
	Content     string           `json:"content"` // the text without boilerplate
	Blocks      []document.Block `json:"blocks"`
	Boilerplate []removedJSON    `json:"boilerplate"` // the ranges of text set aside as boilerplate
	Quotes      []quoteJSON      `json:"quotes"`      // quotations found in the content, with their speakers
}

// quoteJSON is a quotation as `sourcebook extract` prints it.
type quoteJSON struct {
	Text      string `json:"text"`
	Start     int    `json:"start"` // code points into text, without the quote marks
	End       int    `json:"end"`
	Speaker   string `json:"speaker"` // the resolved name, or a document ("the court filing"); "" if unknown
	AsWritten string `json:"speaker_as_written"`
	Role      string `json:"role"`
	Cue       string `json:"cue"`
	Kind      string `json:"kind"` // direct, partial, block, or scare (a term or title, not an utterance)
	// ClauseStart and ClauseEnd delimit, for a partial quote inside reported
	// speech, the reported clause carrying it (`police were "very
	// committed" to hearing her`); absent otherwise.
	ClauseStart int `json:"clause_start,omitempty"`
	ClauseEnd   int `json:"clause_end,omitempty"`
}

type removedJSON struct {
	Start  int    `json:"start"` // code points into text
	End    int    `json:"end"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// extractCmd prints what Sourcebook extracts from a file, without opening a
// notebook.
func (c *command) extractCmd(args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return c.usagef("extract: %v", err)
	}
	if len(rest) != 1 {
		return c.usagef("extract: name one file (or - for standard input)")
	}
	name := rest[0]
	var data []byte
	if name == "-" {
		data, err = ingest.Read(c.env.Stdin)
	} else {
		var f *os.File
		if f, err = os.Open(name); err == nil {
			data, err = ingest.Read(f)
			f.Close()
		}
	}
	if err != nil {
		return c.errorf("%s: %s", name, fileMessage(err))
	}
	doc, mediaType, err := ingest.Document(ingest.Input{Name: name, Data: data})
	if err == nil {
		err = ingest.Finish(&doc)
	}
	if err != nil {
		return c.errorf("%s: %v", name, err)
	}
	out := extractJSON{
		File: name, MediaType: mediaType, Extractor: doc.Extractor,
		Title: doc.Meta.Title, Outlet: doc.Meta.Outlet, Authors: doc.Meta.Authors,
		Published: doc.Meta.Published, Updated: doc.Meta.Updated, URL: doc.Meta.URL,
		Lang: doc.Meta.Lang, Kind: doc.Meta.Kind, Description: doc.Meta.Description,
		Text: doc.Text, Content: doc.Content(), Blocks: doc.Blocks, Boilerplate: []removedJSON{},
	}
	if out.Authors == nil {
		out.Authors = []string{}
	}
	if out.Blocks == nil {
		out.Blocks = []document.Block{}
	}
	if out.Kind == "" {
		out.Kind = "article"
	}
	runes := []rune(doc.Text)
	for _, b := range doc.Blocks {
		if b.Boilerplate != "" && b.Start >= 0 && b.End <= len(runes) && b.Start < b.End {
			out.Boilerplate = append(out.Boilerplate, removedJSON{b.Start, b.End, b.Boilerplate, string(runes[b.Start:b.End])})
		}
	}
	out.Quotes = []quoteJSON{}
	for _, q := range quote.Detect(doc.Text, doc.Blocks) {
		out.Quotes = append(out.Quotes, quoteJSON{
			Text: q.Text, Start: q.Start, End: q.End, Speaker: q.Name, AsWritten: q.Speaker,
			Role: q.Role, Cue: q.Cue, Kind: q.Kind, ClauseStart: q.ClauseStart, ClauseEnd: q.ClauseEnd,
		})
	}
	c.printJSON(out)
	return ExitOK
}
