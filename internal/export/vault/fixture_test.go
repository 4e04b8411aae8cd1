package vault

// The notebooks every writer of internal/export is tested on. They are built
// here, from the two seed articles in testdata/seeds, and kept as JSON in
// testdata/notebook-seeds.json and testdata/notebook-hostile.json so that
// the other writers' tests (csvfile, cite, webanno) read the same notebooks:
// go test ./internal/export/vault -run TestFixtures -update rewrites them.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"sourcebook/internal/export"
)

var update = flag.Bool("update", false, "rewrite the golden files and fixtures in testdata")

// id makes a UUIDv7-shaped id: the kind (1 story, 2 source, 3 quote, 4
// speaker, 5 note, 6 group) in the time part, n in the random tail.
func id(kind, n int) string {
	return fmt.Sprintf("018ea1%02x-0000-7000-8000-%012x", kind, n)
}

// seedBlock is one line of a seed file and what it is.
type seedBlock struct {
	prefix      string // the start of the line it matches
	kind        string
	level       int
	boilerplate string
}

var techdogsBlocks = []seedBlock{
	{`TechDogs-"Meta Accused`, "paragraph", 0, "metadata"},
	{"Data Management", "paragraph", 0, "navigation"},
	{"Meta Accused Of Allowing", "heading", 1, ""},
	{"By Lakshana", "paragraph", 0, "metadata"},
	{"TD NewsDesk", "paragraph", 0, "metadata"},
	{"Updated on", "paragraph", 0, "metadata"},
	{"Overall Rating", "paragraph", 0, "widget"},
	{"What Is Meta", "heading", 2, ""},
	{"What Did Meta Say?", "heading", 2, ""},
	{`TechDogs-"Alt-text`, "caption", 0, ""},
	{"First published on", "paragraph", 0, "metadata"},
	{"Enjoyed what you read", "paragraph", 0, "promo"},
	{"Dive into our", "paragraph", 0, "promo"},
	{"Also explore our", "paragraph", 0, "promo"},
	{"Head to the TechDogs", "paragraph", 0, "promo"},
	{"Disclaimer", "paragraph", 0, "other"},
	{"Join The Discussion", "paragraph", 0, "comments"},
	{"- Promoted By", "paragraph", 0, "promo"},
	{"Join Our Newsletter", "paragraph", 0, "newsletter"},
	{"Get weekly news", "paragraph", 0, "newsletter"},
	{"By subscribing", "paragraph", 0, "newsletter"},
	{"• Dark", "item", 1, "widget"},
	{"• Light", "item", 1, "widget"},
}

var mynationBlocks = []seedBlock{
	{"Lawsuit claims Facebook", "heading", 1, ""},
	{"By Roshni Tamta", "paragraph", 0, "metadata"},
	{"Highlights", "heading", 2, ""},
	{"Also Read:", "paragraph", 0, "related"},
	{"Shockingly untrue. Meta didn’t share people’s private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry. https", "quote", 0, ""},
	{"— Andy Stone (@andymstone)", "caption", 0, ""},
	{"Read Exclusive", "paragraph", 0, "promo"},
	{"click me!", "paragraph", 0, "promo"},
}

// seedText turns a seed file into a stored text and its blocks: each
// non-empty line is a block, "•" lines are list items, and the prefixes in
// marks say which lines are headings or boilerplate.
func seedText(t testing.TB, file string, marks []seedBlock) (string, []export.Block) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "seeds", file))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var blocks []export.Block
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		b := export.Block{Kind: "paragraph"}
		for _, m := range marks {
			if strings.HasPrefix(line, m.prefix) {
				b = export.Block{Kind: m.kind, Level: m.level, Boilerplate: m.boilerplate}
				break
			}
		}
		if rest, ok := strings.CutPrefix(line, "• "); ok {
			line = rest
			b.Kind, b.Level = "item", 1
		}
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		b.Start = utf8.RuneCountInString(text.String())
		text.WriteString(line)
		b.End = utf8.RuneCountInString(text.String())
		blocks = append(blocks, b)
	}
	return text.String(), blocks
}

// quoteAt places words in text (the nth occurrence, from 1) as a quote.
func quoteAt(t testing.TB, text, words string, nth int, q export.Quote) export.Quote {
	t.Helper()
	from := 0
	at := -1
	for i := 0; i < nth; i++ {
		k := strings.Index(text[from:], words)
		if k < 0 {
			t.Fatalf("fixture: %q (occurrence %d) is not in the text", words, nth)
		}
		at = from + k
		from = at + len(words)
	}
	runes := []rune(text)
	start := utf8.RuneCountInString(text[:at])
	end := start + utf8.RuneCountInString(words)
	q.Text = words
	q.Start, q.End = start, end
	q.Prefix = string(runes[max(0, start-32):start])
	q.Suffix = string(runes[end:min(len(runes), end+32)])
	if q.Status == "" {
		q.Status = "confirmed"
	}
	if q.Kind == "" {
		q.Kind = "direct"
	}
	q.CreatedAt, q.ModifiedAt = "2024-04-05T10:00:00Z", "2024-04-05T10:00:00Z"
	return q
}

// passage is a highlight of words in a source's text.
func passage(t testing.TB, src export.Source, words string) export.Attachment {
	t.Helper()
	q := quoteAt(t, src.Text, words, 1, export.Quote{})
	return export.Attachment{Kind: "passage", TargetUUID: src.UUID, Label: src.Title,
		Start: q.Start, End: q.End, Exact: q.Text, Prefix: q.Prefix, Suffix: q.Suffix}
}

const stoneDenial = "Shockingly untrue. Meta didn’t share people’s private messages with Netflix. The agreement allowed people to message their friends on Facebook about what they were watching on Netflix, directly from the Netflix app. Such agreements are commonplace in the industry."

// seedNotebook is the notebook a journalist would have after importing the
// two seed articles: a story, two sources, their quotes (Andy Stone's
// denial in both), speakers, highlights and notes linking them.
func seedNotebook(t testing.TB) *export.Static {
	t.Helper()
	stone, das, musk, filing, meta := id(4, 1), id(4, 2), id(4, 3), id(4, 4), id(4, 5)
	denial := id(6, 1)
	story := id(1, 1)

	tdText, tdBlocks := seedText(t, "techdogs.txt", techdogsBlocks)
	td := export.Source{
		UUID: id(2, 1), ID: 1,
		Title:     "Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!",
		Outlet:    "TechDogs",
		URL:       "https://www.techdogs.com/td-articles/trending-stories/meta-accused-of-allowing-netflix-to-read-facebook-users-private-messages",
		Authors:   []string{"Lakshana Raichandani"},
		Published: "2024-04-04", Updated: "2024-04-04",
		Kind: "article", Lang: "en",
		Text: tdText, Blocks: tdBlocks,
		Description: "Meta is accused of letting Netflix read Facebook users' private messages; Meta calls it shockingly untrue.",
		Stories:     []string{story},
		Tags:        []string{"privacy", "meta"},
		ImportedAt:  "2024-04-05T09:12:00Z", ModifiedAt: "2024-04-05T09:12:00Z",
	}
	td.Quotes = []export.Quote{
		quoteAt(t, tdText, "hangout spot", 1, export.Quote{UUID: id(3, 1), ID: 1, Kind: "scare", Status: "suggested", GroupUUID: id(6, 11)}),
		quoteAt(t, tdText, "This is shocking. Facebook gave Netflix all your private messages on Messenger in exchange for all your watch history, while Netflix paid them $100M+ for ads. Meta will sell your data at a heartbeat for profit.", 1,
			export.Quote{UUID: id(3, 2), ID: 2, SpeakerUUID: das, SpeakerName: "Debarghya Das", Cue: "a caption that read", Status: "suggested", GroupUUID: id(6, 2)}),
		quoteAt(t, tdText, "Wow", 1, export.Quote{UUID: id(3, 3), ID: 3, SpeakerUUID: musk, SpeakerName: "Elon Musk", Kind: "partial", Cue: "replied", GroupUUID: id(6, 3)}),
		quoteAt(t, tdText, "personally directed the companies’ relationship, from advertising spend, to data-sharing agreements, to communications", 1,
			export.Quote{UUID: id(3, 4), ID: 4, SpeakerUUID: filing, SpeakerName: "the court filing", Kind: "partial", Cue: "states", GroupUUID: id(6, 4), Tags: []string{"to verify"}}),
		quoteAt(t, tdText, stoneDenial, 1, export.Quote{UUID: id(3, 5), ID: 5, SpeakerUUID: stone, SpeakerName: "Andy Stone", Cue: "saying", GroupUUID: denial}),
		quoteAt(t, tdText, "We worked closely with four partners to integrate messaging capabilities into their products so people could message their Facebook friends — but only if they chose to use Facebook Login. These experiences are common in our industry.", 1,
			export.Quote{UUID: id(3, 6), ID: 6, SpeakerUUID: meta, SpeakerName: "Meta", Cue: "As per the blog post at the time", GroupUUID: id(6, 6)}),
	}
	for i := range td.Quotes {
		td.Quotes[i].SourceUUID = td.UUID
	}

	mnText, mnBlocks := seedText(t, "mynation.txt", mynationBlocks)
	mn := export.Source{
		UUID: id(2, 2), ID: 2,
		Title:     "Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal",
		Outlet:    "MyNation",
		URL:       "https://newsable.asianetnews.com/technology/lawsuit-claims-facebook-sold-users-private-messages-to-netflix-in-a-data-exchange-deal",
		Authors:   []string{"Roshni Tamta"},
		Published: "2024-04-03T08:59:00Z",
		Kind:      "article", Lang: "en",
		Text: mnText, Blocks: mnBlocks,
		Stories:    []string{story},
		Tags:       []string{"privacy"},
		ImportedAt: "2024-04-05T09:13:00Z", ModifiedAt: "2024-04-05T09:13:00Z",
	}
	mn.Quotes = []export.Quote{
		quoteAt(t, mnText, "Netflix programmatic access to Facebook’s private messages inboxes, in exchange Netflix would ‘provide to FB a written report every two weeks that shows daily counts of recommendations sends and recipient clicks by interface, initiation surface, and/or implementation variation (e.g. Facebook vs. non-Facebook recommendation receipts).", 1,
			export.Quote{UUID: id(3, 7), ID: 7, SpeakerUUID: filing, SpeakerName: "The court document", Cue: "stated", GroupUUID: id(6, 7)}),
		quoteAt(t, mnText, stoneDenial, 1, export.Quote{UUID: id(3, 8), ID: 8, SpeakerUUID: stone, SpeakerName: "Andy Stone", Cue: "denied the claims and wrote", GroupUUID: denial}),
		quoteAt(t, mnText, stoneDenial, 2, export.Quote{UUID: id(3, 9), ID: 9, SpeakerUUID: stone, SpeakerName: "Andy Stone", Kind: "block", Cue: "—", Status: "suggested", GroupUUID: denial}),
	}
	for i := range mn.Quotes {
		mn.Quotes[i].SourceUUID = mn.UUID
	}

	note1 := "# Stone's denial\n\nStone calls it [[quote:8|“Shockingly untrue”]]; the same words are in [[Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!|the TechDogs piece]]. See [[Andy Stone]] and [[the filing]], and the story [[Meta let Netflix read Facebook messages]].\n\nStill to check: [[Reed Hastings]] (no page yet).\n\n```\n[[not a link: code]]\n```\n"
	notes := []export.Note{
		{UUID: id(5, 1), ID: 1, Title: "Stone's denial", Body: note1,
			Attached: []export.Attachment{{Kind: "quote", TargetUUID: id(3, 8), Label: "Shockingly untrue. Meta didn’t share…"}},
			Refs: []export.Ref{
				{Target: "quote:8", Kind: "quote", TargetUUID: id(3, 8)},
				{Target: td.Title, Kind: "source", TargetUUID: td.UUID},
				{Target: "Andy Stone", Kind: "speaker", TargetUUID: stone},
				{Target: "the filing", Kind: "speaker", TargetUUID: filing},
				{Target: "Meta let Netflix read Facebook messages", Kind: "story", TargetUUID: story},
				{Target: "Reed Hastings"},
			},
			Tags: []string{"to verify"}, CreatedAt: "2024-04-05T11:00:00Z", ModifiedAt: "2024-04-06T08:30:00Z"},
		{UUID: id(5, 2), ID: 2, Title: "E2EE only since December 2023: what was shared before?",
			Body:      "E2EE only since December 2023: what was shared before?",
			Attached:  []export.Attachment{passage(t, td, "Facebook implemented default end-to-end encryption in Messenger in December 2023")},
			CreatedAt: "2024-04-05T11:05:00Z", ModifiedAt: "2024-04-05T11:05:00Z"},
		{UUID: id(5, 3), ID: 3, Title: "", Body: "",
			Attached:  []export.Attachment{passage(t, mn, "for almost a decade")},
			CreatedAt: "2024-04-05T11:06:00Z", ModifiedAt: "2024-04-05T11:06:00Z"},
		{UUID: id(5, 4), ID: 4, Title: "Timeline",
			Body:     "Timeline\n\n- 2011: Hastings joins Facebook's board\n- 2013: the \"Inbox API\" agreement ([[Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal]])\n- April 2023: the lawsuit\n- 2024-04-03: [[note:1|Stone's denial]]\n",
			Attached: []export.Attachment{{Kind: "story", TargetUUID: story, Label: "Meta let Netflix read Facebook messages"}},
			Refs: []export.Ref{
				{Target: "Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal", Kind: "source", TargetUUID: mn.UUID},
				{Target: "note:1", Kind: "note", TargetUUID: id(5, 1)},
			},
			CreatedAt: "2024-04-05T12:00:00Z", ModifiedAt: "2024-04-05T12:00:00Z"},
		{UUID: id(5, 5), ID: 5, Title: "Andy Stone",
			Body:      "Andy Stone\n\nMeta's long-time spokesman; answers on X first.",
			Attached:  []export.Attachment{{Kind: "speaker", TargetUUID: stone, Label: "Andy Stone"}},
			CreatedAt: "2024-04-05T12:10:00Z", ModifiedAt: "2024-04-05T12:10:00Z"},
		{UUID: id(5, 6), ID: 6, Title: "Check the MyNation date",
			Body:      "Check the MyNation date\n\n2:29 PM IST is 08:59 UTC.",
			Attached:  []export.Attachment{{Kind: "source", TargetUUID: mn.UUID, Label: mn.Title}},
			Tags:      []string{"to verify"},
			CreatedAt: "2024-04-05T12:20:00Z", ModifiedAt: "2024-04-05T12:20:00Z"},
		{UUID: id(5, 7), ID: 7, Title: "Questions for the lawyers",
			Body:      "Questions for the lawyers\n\n1. Is the filing public?\n2. Who else had the Inbox API?",
			CreatedAt: "2024-04-05T12:30:00Z", ModifiedAt: "2024-04-05T12:30:00Z"},
	}

	return &export.Static{
		StoryList: []export.Story{{UUID: story, Title: "Meta let Netflix read Facebook messages",
			Description: "April 2024: a court filing says Netflix could read Facebook users' private messages; Meta denies it.",
			Sources:     []string{mn.UUID, td.UUID}, Tags: []string{"privacy"},
			CreatedAt: "2024-04-05T09:00:00Z", ModifiedAt: "2024-04-05T09:00:00Z"}},
		SpeakerList: []export.Speaker{
			{UUID: stone, ID: 1, Name: "Andy Stone", Role: "communications director", Affiliation: "Meta", Aliases: []string{"Stone", "andymstone"}, CreatedAt: "2024-04-05T09:12:00Z", ModifiedAt: "2024-04-05T09:12:00Z"},
			{UUID: das, ID: 2, Name: "Debarghya Das", Role: "investor", Affiliation: "Menlo Ventures", Aliases: []string{"Deedy Das"}, CreatedAt: "2024-04-05T09:12:00Z", ModifiedAt: "2024-04-05T09:12:00Z"},
			{UUID: musk, ID: 3, Name: "Elon Musk", CreatedAt: "2024-04-05T09:12:00Z", ModifiedAt: "2024-04-05T09:12:00Z"},
			{UUID: filing, ID: 4, Name: "the court filing", Aliases: []string{"the court document", "the filing"}, Tags: []string{"document"}, CreatedAt: "2024-04-05T09:12:00Z", ModifiedAt: "2024-04-05T09:12:00Z"},
			{UUID: meta, ID: 5, Name: "Meta", Role: "company blog", CreatedAt: "2024-04-05T09:12:00Z", ModifiedAt: "2024-04-05T09:12:00Z"},
		},
		NoteList:   notes,
		TagList:    []export.Tag{{UUID: id(7, 1), Name: "privacy", Color: "#3b82f6"}, {UUID: id(7, 2), Name: "meta"}, {UUID: id(7, 3), Name: "to verify", Color: "#ef4444"}, {UUID: id(7, 4), Name: "document"}},
		SourceList: []export.Source{td, mn},
	}
}

// hostileNotebook holds what breaks careless writers: names no file system
// takes, titles that break YAML or Markdown, HTML, duplicate titles,
// offsets outside the text, deleted targets.
func hostileNotebook(t testing.TB) *export.Static {
	t.Helper()
	long := strings.Repeat("Très long titre avec des accents é ", 9) // 315 bytes
	long = strings.TrimSpace(long) + " 🦊 end"
	texts := []string{
		"<script>alert('vault')</script> and <img src=x onerror=alert(1)> are text.\n\n**not bold** _not em_ `not code` [not a link](javascript:alert(1)) [[Not a link]] #not-a-tag ^not-a-block\n\n# not a heading\n\n- not a list\n\n1. not a list either\n\n> not a quote\n\n---\n\n==not a highlight== %%not a comment%% $100M+ and $5 billion &amp; &copy; ~~not struck~~\n\n    four spaces are not code\n\nA | B | C\n\nback\\slash",
		"The end.",
	}
	var sources []export.Source
	add := func(title string, text string, mod func(*export.Source)) {
		n := len(sources) + 1
		s := export.Source{UUID: id(2, 100+n), ID: int64(100 + n), Title: title, Outlet: "Hostile <Outlet> & Co", Kind: "article",
			Text: text, Published: "2024", ImportedAt: "2024-04-05T09:00:00Z", ModifiedAt: "2024-04-05T09:00:00Z",
			Authors: []string{"O'Brien, Conan", "Ludwig van Beethoven", "Reuters Staff", "Martin Luther King Jr."}}
		if mod != nil {
			mod(&s)
		}
		sources = append(sources, s)
	}
	add("AC/DC: Back\\in <Black>? *Yes* | \"No\" #1 ^x [[y]]", texts[0], func(s *export.Source) {
		s.Quotes = []export.Quote{quoteAt(t, s.Text, "<script>alert('vault')</script>", 1, export.Quote{UUID: id(3, 101), ID: 101, SpeakerUUID: id(4, 101), SpeakerName: "CON", SourceUUID: s.UUID, GroupUUID: id(6, 101)})}
		s.URL = "javascript:alert(1)"
		s.Description = "A {description} with 100% of $pecial_chars & ~ ^ # \\ in it"
	})
	add("🦊 Firefox 🦊 emoji 👨‍👩‍👧", texts[1], nil)
	add(long, texts[1], nil)
	add("Same title", texts[1], nil)
	add("same TITLE", texts[1], nil)
	add("..", texts[1], nil)
	add("CON", texts[1], nil)
	add("con.txt", texts[1], nil)
	add(".hidden", texts[1], nil)
	add("title\n---\nevil: true", texts[1], nil)
	add("key: value # comment", texts[1], nil)
	add("", texts[1], nil)
	add("///", texts[1], nil)
	add("{Braces} and \\textbf{TeX} in a 50% title_with_underscores & more", texts[1], func(s *export.Source) {
		s.Published = "not a date"
		s.Kind = "filing"
		s.Outlet = ""
		s.Authors = nil
	})
	add("Offsets out of range", "Short text.", func(s *export.Source) {
		s.Blocks = []export.Block{{Kind: "paragraph", Start: 0, End: 11}, {Kind: "paragraph", Start: 5, End: 2}, {Kind: "heading", Level: 9, Start: 50, End: 60}}
		s.Quotes = []export.Quote{{UUID: id(3, 102), ID: 102, Text: "gone", Start: 40, End: 44, Kind: "direct", Status: "confirmed", SourceUUID: s.UUID, SpeakerUUID: id(4, 999), SpeakerName: "Deleted speaker"},
			{UUID: id(3, 103), ID: 103, Text: "backwards", Start: 8, End: 3, Kind: "direct", Status: "confirmed", SourceUUID: s.UUID}}
		s.Published = "2024-13-45"
		s.Kind = "post"
	})
	add("Blog post", "A blog entry.", func(s *export.Source) {
		s.Kind = "blog"
		s.Published = "2023-12"
		s.Authors = []string{"Zoë Ångström-Ødegård"}
	})
	return &export.Static{
		StoryList: []export.Story{{UUID: id(1, 101), Title: "CON", Description: "<b>story</b>\n---\n", Sources: []string{sources[0].UUID, id(2, 9999)}}},
		SpeakerList: []export.Speaker{
			{UUID: id(4, 101), Name: "CON", Aliases: []string{"con", "aux"}, Role: "<i>role</i>", Tags: []string{"#hash tag", "2024", "a/b", "sp ace"}},
			{UUID: id(4, 102), Name: "Andy/Stone: \"the\" *spokesman*"},
			{UUID: id(4, 103), Name: ""},
		},
		NoteList: []export.Note{
			{UUID: id(5, 101), Title: "..", Body: "..\n\n<script>alert('note')</script> [[quote:102|a quote whose source text lost it]] [[Same title]] [[CON]] [[story:99|deleted story]]",
				Attached: []export.Attachment{{Kind: "quote", TargetUUID: id(3, 101)}, {Kind: "passage", Label: "a deleted source", Start: 1, End: 4, Exact: "old words"}, {Kind: "source", TargetUUID: id(2, 9999), Label: "never streamed"}},
				Refs:     []export.Ref{{Target: "quote:102", Kind: "quote", TargetUUID: id(3, 102)}, {Target: "Same title", Kind: "source", TargetUUID: sources[3].UUID}, {Target: "CON", Kind: "speaker", TargetUUID: id(4, 101)}, {Target: "story:99", Kind: "story", TargetUUID: id(1, 99)}}},
			{UUID: id(5, 102), Title: "title\n---\nevil: true", Body: "title\n---\nevil: true"},
			{UUID: id(5, 103), Title: "..", Body: "..", Attached: []export.Attachment{passage(t, sources[0], "not a heading")}},
			{UUID: id(5, 104), Title: "Out of range passage", Body: "x", Attached: []export.Attachment{{Kind: "passage", TargetUUID: sources[14].UUID, Start: 100, End: 200, Exact: "nowhere"}}},
		},
		SourceList: sources,
	}
}

func fixtureJSON(t testing.TB, nb *export.Static) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(nb); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFixtures keeps the JSON copies of the fixtures in step with the code
// that builds them.
func TestFixtures(t *testing.T) {
	for name, nb := range map[string]*export.Static{"seeds": seedNotebook(t), "hostile": hostileNotebook(t)} {
		path := filepath.Join("testdata", "notebook-"+name+".json")
		got := fixtureJSON(t, nb)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the fixture built in fixture_test.go: run go test ./internal/export/vault -run TestFixtures -update", path)
		}
	}
}

// TestFixtureAnchors checks the fixtures' own anchors: every quote's and
// passage's words are at its offsets (except the deliberately broken ones).
func TestFixtureAnchors(t *testing.T) {
	nb := seedNotebook(t)
	for _, s := range nb.SourceList {
		runes := []rune(s.Text)
		for _, q := range s.Quotes {
			if got := string(runes[q.Start:q.End]); got != q.Text {
				t.Errorf("quote %s: text at its offsets is %q", q.UUID, got)
			}
		}
	}
}
