package app

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// speakerID returns the id of the speaker named name.
func speakerID(t *testing.T, a *App, name string) int64 {
	t.Helper()
	sps, err := a.Speakers()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sps {
		if s.Name == name {
			return s.ID
		}
	}
	t.Fatalf("no speaker %q", name)
	return 0
}

func TestNotesLinksBacklinks(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	stone := speakerID(t, a, "Andy Stone")

	// A standalone note linking a speaker by name and a note not yet written.
	n1, err := a.CreateNote(NoteRequest{Body: "# Who denies it\nSee [[andy stone]] and [[Open questions|my questions]].", Tags: []string{"#denial", "Meta"}})
	if err != nil {
		t.Fatal(err)
	}
	if n1.Title != "Who denies it" || len(n1.Attached) != 0 || !slices.Equal(n1.Tags, []string{"denial", "Meta"}) {
		t.Errorf("note 1: %+v", n1)
	}
	if len(n1.Links) != 2 || n1.Links[0].Kind != "speaker" || n1.Links[0].ID != stone || n1.Links[0].Label != "Andy Stone" ||
		n1.Links[1].Kind != "" || n1.Links[1].Text != "my questions" {
		t.Fatalf("links: %+v", n1.Links)
	}
	bl, err := a.Backlinks("speaker", stone)
	if err != nil || len(bl) != 1 || bl[0].NoteID != n1.ID || bl[0].Via != "link" || !strings.Contains(bl[0].Excerpt, "[[andy stone]]") {
		t.Fatalf("backlinks of Stone: %+v, %v", bl, err)
	}

	// Writing the missing note resolves the link, and its backlinks list note 1.
	n2, err := a.CreateNote(NoteRequest{Body: "Open questions\n\nWhen was the suit filed?"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := a.Note(n1.ID)
	if err != nil || again.Links[1].Kind != "note" || again.Links[1].ID != n2.ID {
		t.Errorf("the link to the new note: %+v, %v", again.Links, err)
	}
	if bl, err := a.Backlinks("note", n2.ID); err != nil || len(bl) != 1 || bl[0].NoteID != n1.ID {
		t.Errorf("backlinks of the new note: %+v, %v", bl, err)
	}

	// A note on a passage of MyNation, linking a quote by id.
	quotes, err := a.Quotes(nation)
	if err != nil {
		t.Fatal(err)
	}
	var qid int64
	for _, q := range quotes {
		if strings.HasPrefix(q.Text, "Shockingly untrue") {
			qid = q.ID
			break
		}
	}
	src, err := a.Source(nation)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src.Text, "A lawsuit filed in April 2023")
	start := len([]rune(src.Text[:at]))
	n3, err := a.CreateNote(NoteRequest{
		Body:   "Filed in April 2023, says MyNation; compare [[quote:" + strconv.FormatInt(qid, 10) + "|the denial]] and [[" + "Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!" + "]].",
		Attach: &NoteTarget{Kind: "passage", ID: nation, Start: start, End: start + 29},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(n3.Attached) != 1 || n3.Attached[0].Kind != "passage" || n3.Attached[0].Label != "A lawsuit filed in April 2023" || n3.Attached[0].SourceID != nation {
		t.Errorf("attached: %+v", n3.Attached)
	}
	if n3.Links[0].Kind != "quote" || n3.Links[0].ID != qid || n3.Links[1].Kind != "source" || n3.Links[1].ID != tech {
		t.Errorf("links of note 3: %+v", n3.Links)
	}
	for _, c := range []struct {
		kind string
		id   int64
		want []int64
	}{
		{"source", nation, []int64{n3.ID}}, // attached
		{"source", tech, []int64{n3.ID}},   // linked by title
		{"quote", qid, []int64{n3.ID}},
	} {
		bl, err := a.Backlinks(c.kind, c.id)
		var got []int64
		for _, b := range bl {
			got = append(got, b.NoteID)
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("Backlinks(%s, %d) = %v, %v; want %v", c.kind, c.id, got, err, c.want)
		}
	}
	if hs, err := a.Highlights(nation); err != nil || len(hs) != 1 || hs[0].ID != n3.ID {
		t.Errorf("a note on a passage is a highlight: %+v, %v", hs, err)
	}
	if ns, err := a.Notes(NoteFilter{Kind: "source", ID: nation}); err != nil || len(ns) != 1 || ns[0].ID != n3.ID {
		t.Errorf("notes on MyNation: %+v, %v", ns, err)
	}
	if ns, err := a.Notes(NoteFilter{Tag: "DENIAL"}); err != nil || len(ns) != 1 || ns[0].ID != n1.ID {
		t.Errorf("notes tagged denial: %+v, %v", ns, err)
	}
	if ns, err := a.Notes(NoteFilter{Standalone: true}); err != nil || len(ns) != 2 {
		t.Errorf("standalone notes: %d, %v", len(ns), err)
	}
	if ns, err := a.Notes(NoteFilter{Kind: "source", ID: nation, Tag: "denial"}); err != nil || len(ns) != 0 {
		t.Errorf("notes on MyNation tagged denial: %+v, %v", ns, err)
	}
	if ns, err := a.Notes(NoteFilter{Kind: "source", ID: nation, Standalone: true}); err != nil || len(ns) != 0 {
		t.Errorf("notes on MyNation attached to nothing: %+v, %v", ns, err)
	}

	// Editing renames and relinks.
	up, err := a.UpdateNote(n2.ID, "Questions left\n\n[[Andy Stone]] again")
	if err != nil || up.Title != "Questions left" || len(up.Links) != 1 || up.Links[0].ID != stone {
		t.Errorf("UpdateNote: %+v, %v", up, err)
	}
	if again, _ := a.Note(n1.ID); again.Links[1].Kind != "" {
		t.Errorf("a link to a renamed note still resolves: %+v", again.Links[1])
	}

	// Completion suggests Stone by name.
	sugg, err := a.LinkTargets("stone")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range sugg {
		found = found || s.Kind == "speaker" && s.ID == stone && s.Insert == "[[Andy Stone]]"
	}
	if !found {
		t.Errorf("LinkTargets(stone) = %+v", sugg)
	}
	if sugg, err := a.LinkTargets("shockingly"); err != nil || !slices.ContainsFunc(sugg, func(s LinkTarget) bool {
		return s.Kind == "quote" && strings.HasPrefix(s.Insert, "[[quote:")
	}) {
		t.Errorf("LinkTargets(shockingly) = %+v, %v", sugg, err)
	}

	// Bad input.
	for name, err := range map[string]error{
		"too large": func() error {
			_, err := a.CreateNote(NoteRequest{Body: strings.Repeat("x", maxNoteBytes+1)})
			return err
		}(),
		"bad utf8": func() error { _, err := a.CreateNote(NoteRequest{Body: "\xff"}); return err }(),
		"bad kind": func() error {
			_, err := a.CreateNote(NoteRequest{Body: "x", Attach: &NoteTarget{Kind: "planet", ID: 1}})
			return err
		}(),
		"no source": func() error {
			_, err := a.CreateNote(NoteRequest{Body: "x", Attach: &NoteTarget{Kind: "source", ID: 999}})
			return err
		}(),
		"bad tag": func() error { _, err := a.CreateNote(NoteRequest{Body: "x", Tags: []string{"  "}}); return err }(),
		"no note": func() error { _, err := a.UpdateNote(999, "x"); return err }(),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if ns, _ := a.Notes(NoteFilter{Limit: 1000}); len(ns) != 3 {
		t.Errorf("a failed create left a note behind: %d notes", len(ns))
	}
}

func TestUndo(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	if _, err := a.Undo(); code(err) != CodeConflict {
		t.Errorf("Undo with nothing to undo: %v", err)
	}
	story, err := a.CreateStory("Meta and Netflix")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{tech, nation} {
		if err := a.AddToStory(story.ID, id); err != nil {
			t.Fatal(err)
		}
	}
	note, err := a.CreateNote(NoteRequest{Body: "Stone denies it [[Andy Stone]]", Attach: &NoteTarget{Kind: "source", ID: tech}, Tags: []string{"denial"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetTags("source", tech, []string{"privacy", "meta"}); err != nil {
		t.Fatal(err)
	}
	lib0, _ := a.Library()
	quotes0, _ := a.Quotes(0)
	if len(lib0.Sources) != 2 || len(quotes0) < 10 {
		t.Fatalf("before: %d sources, %d quotes", len(lib0.Sources), len(quotes0))
	}
	page0, err := a.StoryPage(story.ID)
	if err != nil {
		t.Fatal(err)
	}

	// Delete a note, then undo.
	if err := a.DeleteNote(note.ID); err != nil {
		t.Fatal(err)
	}
	if info := a.UndoInfo(); info.What != "Delete note “Stone denies it [[Andy Stone]]”" {
		t.Errorf("UndoInfo = %q", info.What)
	}
	if _, err := a.Note(note.ID); code(err) != CodeNotFound {
		t.Fatalf("deleted note: %v", err)
	}
	if _, err := a.Undo(); err != nil {
		t.Fatal(err)
	}
	if back, err := a.Note(note.ID); err != nil || !reflect.DeepEqual(back, note) {
		t.Errorf("restored note\n %+v\nwant\n %+v (%v)", back, note, err)
	}

	// Delete a source (its quotes, memberships, tags; the note on it is
	// unlinked), then undo: everything is as it was.
	if err := a.DeleteSource(tech); err != nil {
		t.Fatal(err)
	}
	if n, _ := a.Note(note.ID); n.Attached[0].ID != 0 {
		t.Errorf("the note still points at the deleted source: %+v", n.Attached)
	}
	if _, err := a.Undo(); err != nil {
		t.Fatal(err)
	}
	lib1, _ := a.Library()
	quotes1, _ := a.Quotes(0)
	if !reflect.DeepEqual(lib0, lib1) || !reflect.DeepEqual(quotes0, quotes1) {
		t.Errorf("the library or quotes differ after undoing the delete")
	}
	if back, err := a.Note(note.ID); err != nil || !reflect.DeepEqual(back, note) {
		t.Errorf("the note after undoing the source's delete: %+v, %v", back, err)
	}
	if tags, _ := a.TagsOf("source", tech); !slices.Equal(tags, []string{"meta", "privacy"}) {
		t.Errorf("tags after undo: %v", tags)
	}
	if got := a.quotes.ix.Len(); got != len(quotes1) {
		t.Errorf("quote index holds %d quotes, the notebook %d", got, len(quotes1))
	}
	if _, err := a.Compare([]int64{tech, nation}); err != nil {
		t.Errorf("compare after undo: %v", err)
	}

	// Delete the story, undo; remove a source from it, undo; change tags, undo.
	if err := a.DeleteStory(story.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := a.RemoveFromStory(story.ID, nation); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetTags("source", tech, nil); err != nil {
		t.Fatal(err)
	}
	if info, err := a.Undo(); err != nil || info.What != "Change tags" {
		t.Fatalf("undo tags: %+v, %v", info, err)
	}
	if tags, _ := a.TagsOf("source", tech); !slices.Equal(tags, []string{"meta", "privacy"}) {
		t.Errorf("tags after undoing their change: %v", tags)
	}
	page1, err := a.StoryPage(story.ID)
	if err != nil || !reflect.DeepEqual(page0, page1) {
		t.Errorf("story page after undos differs (%v)", err)
	}

	// Delete a tag everywhere, undo.
	tags, _ := a.Tags()
	var privacy Tag
	for _, tg := range tags {
		if tg.Name == "privacy" {
			privacy = tg
		}
	}
	if err := a.DeleteTag(privacy.ID); err != nil {
		t.Fatal(err)
	}
	if tags, _ := a.TagsOf("source", tech); !slices.Equal(tags, []string{"meta"}) {
		t.Errorf("tags after deleting privacy: %v", tags)
	}
	if _, err := a.Undo(); err != nil {
		t.Fatal(err)
	}
	if tags, _ := a.TagsOf("source", tech); !slices.Equal(tags, []string{"meta", "privacy"}) {
		t.Errorf("tags after undoing the delete: %v", tags)
	}

	// An undo whose rows were taken meanwhile fails cleanly.
	n2, _ := a.CreateNote(NoteRequest{Body: "short-lived"})
	if err := a.DeleteNote(n2.ID); err != nil {
		t.Fatal(err)
	}
	n3, _ := a.CreateNote(NoteRequest{Body: "takes the id"})
	if n3.ID != n2.ID {
		t.Fatalf("SQLite gave the new note id %d, not the deleted %d: the conflict case is not set up", n3.ID, n2.ID)
	}
	if _, err := a.Undo(); code(err) != CodeConflict {
		t.Errorf("undo after the id was reused: %v", err)
	}
	if n, _ := a.Note(n3.ID); n.Body != "takes the id" {
		t.Errorf("a failed undo changed the notebook: %+v", n)
	}
}

func TestStoryPage(t *testing.T) {
	a, _ := newApp(t)
	tech, nation := importSeeds(t, a)
	story, _ := a.CreateStory("Meta and Netflix")
	a.AddToStory(story.ID, tech)
	a.AddToStory(story.ID, nation)
	if _, err := a.CreateNote(NoteRequest{Body: "The story so far", Attach: &NoteTarget{Kind: "story", ID: story.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateNote(NoteRequest{Body: "On TechDogs", Attach: &NoteTarget{Kind: "source", ID: tech}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetTags("story", story.ID, []string{"privacy"}); err != nil {
		t.Fatal(err)
	}
	p, err := a.StoryPage(story.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sources) != 2 || p.Sources[0].ID != tech || p.Sources[1].ID != nation {
		t.Errorf("sources, newest first: %+v", p.Sources)
	}
	if len(p.Notes) != 2 || !slices.Equal(p.Tags, []string{"privacy"}) {
		t.Errorf("notes %d, tags %v", len(p.Notes), p.Tags)
	}
	var stone *StorySpeaker
	for i := range p.Speakers {
		if p.Speakers[i].Name == "Andy Stone" {
			stone = &p.Speakers[i]
		}
	}
	if stone == nil || len(stone.Quotes) < 2 {
		t.Errorf("Andy Stone's quotes in the story: %+v", stone)
	}
	if last := p.Speakers[len(p.Speakers)-1]; last.SpeakerID == 0 && len(p.Speakers) > 1 && p.Speakers[0].SpeakerID == 0 {
		t.Errorf("quotes with no speaker come first")
	}
	dates := map[string]bool{}
	for _, e := range p.Timeline {
		dates[e.Date] = true
	}
	if !dates["2023-04"] || !dates["2023-12"] {
		t.Errorf("timeline: %+v", p.Timeline)
	}
	if _, err := a.StoryPage(999); code(err) != CodeNotFound {
		t.Errorf("missing story: %v", err)
	}
}
