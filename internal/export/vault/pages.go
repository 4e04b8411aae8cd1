package vault

import (
	"path/filepath"
	"strconv"
	"strings"

	"sourcebook/internal/export"
	"sourcebook/internal/wikilink"
)

// where says "Outlet, 2024-04-03" (or the title) for a link to a source.
func (w *writer) where(i int32) string {
	m := w.srcs[i]
	var parts []string
	if m.outlet != "" {
		parts = append(parts, m.outlet)
	} else {
		parts = append(parts, m.title)
	}
	if d := m.published; d != "" {
		if len(d) > 10 {
			d = d[:10]
		}
		parts = append(parts, d)
	}
	return strings.Join(parts, ", ")
}

func (w *writer) writeSpeaker(i int) error {
	s := w.speakers[i]
	rel := filepath.Join(speakersDir, w.speakerName[i]+".md")
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	b := w.buf
	fm := w.frontMatter()
	fm.str("name", s.Name)
	fm.list("aliases", s.Aliases)
	fm.str("role", s.Role)
	fm.str("affiliation", s.Affiliation)
	fm.list("tags", obsidianTags(s.Tags))
	fm.str("sourcebook_uuid", s.UUID)
	fm.end()

	name := s.Name
	if strings.TrimSpace(name) == "" {
		name = w.speakerName[i]
	}
	b.WriteString("# ")
	b.WriteString(escapeInline(name))
	b.WriteString("\n\n")
	var about []string
	for _, x := range []string{s.Role, s.Affiliation} {
		if strings.TrimSpace(x) != "" {
			about = append(about, escapeInline(x))
		}
	}
	if len(about) > 0 {
		b.WriteString(strings.Join(about, ", "))
		b.WriteString("\n\n")
	}
	if len(s.Aliases) > 0 {
		b.WriteString("Also written as: ")
		b.WriteString(escapeInline(strings.Join(s.Aliases, ", ")))
		b.WriteString("\n\n")
	}

	// The quotes, one utterance at a time: the first occurrence embedded,
	// then every source that carries it.
	refs := w.spkQuotes[i]
	if len(refs) > 0 {
		var order []uint64
		groups := map[uint64][]quoteRef{}
		sources := map[int32]bool{}
		for _, r := range refs {
			if _, ok := groups[r.group]; !ok {
				order = append(order, r.group)
			}
			groups[r.group] = append(groups[r.group], r)
			sources[r.src] = true
		}
		b.WriteString("## Quotes\n\n")
		b.WriteString(plural(len(refs), "quote") + " of " + plural(len(order), "utterance") + " in " + plural(len(sources), "source") + ".\n\n")
		for _, g := range order {
			occ := groups[g]
			// An embed shows the quote itself; it takes no shown text.
			b.WriteString("!")
			b.WriteString(link(sourcesDir, w.srcs[occ[0].src].name, occ[0].block, ""))
			b.WriteString("\n\nIn ")
			for k, r := range occ {
				if k > 0 {
					b.WriteString(" · ")
				}
				b.WriteString(w.sourceLink(r.src, r.block, w.where(r.src)))
			}
			b.WriteString("\n\n")
		}
		w.spkQuotes[i] = nil
	}
	if ns := w.notesBySpeaker[s.UUID]; len(ns) > 0 {
		b.WriteString("## Notes\n\n")
		w.noteLinks(ns)
	}
	return w.finish(f, rel)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// target is where a link or attachment points in the vault: a page and
// maybe a block, and the text to show by default.
type target struct {
	folder, name, anchor, text string
}

func (t target) link(text string) string {
	if text == "" {
		text = t.text
	}
	return link(t.folder, t.name, t.anchor, text)
}

// resolve finds kind/uuid in the vault; ok is false when the target was not
// exported (deleted, or not part of this notebook).
func (w *writer) resolve(kind, uuid string) (target, bool) {
	if uuid == "" {
		return target{}, false
	}
	switch kind {
	case "note":
		if i, ok := w.noteIdx[uuid]; ok {
			return target{notesDir, w.noteName[i], "", w.noteName[i]}, true
		}
	case "source":
		if i, ok := w.srcIdx[uuid]; ok {
			return target{sourcesDir, w.srcs[i].name, "", w.srcs[i].title}, true
		}
	case "quote":
		if p, ok := w.quoteAt[uuid]; ok {
			return target{sourcesDir, w.srcs[p.src].name, p.block, "“" + p.excerpt + "”"}, true
		}
	case "speaker":
		if i, ok := w.speakerIdx[uuid]; ok {
			return target{speakersDir, w.speakerName[i], "", w.speakers[i].Name}, true
		}
	case "story":
		if i, ok := w.storyIdx[uuid]; ok {
			return target{storiesDir, w.storyName[i], "", w.stories[i].Title}, true
		}
	}
	return target{}, false
}

// rewriteLinks points the [[links]] of a note's body at the vault's files,
// using the note's Refs; links that resolve to nothing stay as they are.
func (w *writer) rewriteLinks(n export.Note) string {
	links := wikilink.Parse(n.Body)
	if len(links) == 0 {
		return n.Body
	}
	refs := make(map[string]export.Ref, len(n.Refs))
	for _, r := range n.Refs {
		if _, ok := refs[r.Target]; !ok {
			refs[r.Target] = r
		}
		if k := strings.ToLower(r.Target); refs[k].Kind == "" {
			refs[k] = r
		}
	}
	var b strings.Builder
	pos := 0
	for _, l := range links {
		r, ok := refs[l.Target]
		if !ok || r.Kind == "" {
			r = refs[strings.ToLower(l.Target)]
		}
		t, ok := w.resolve(r.Kind, r.TargetUUID)
		if !ok {
			continue
		}
		b.WriteString(n.Body[pos:l.Start])
		text := l.Text
		if l.Kind != "" && l.Text == l.Target {
			// [[quote:42]]: show what it is, not its number.
			text = ""
		}
		b.WriteString(t.link(text))
		pos = l.End
	}
	b.WriteString(n.Body[pos:])
	return b.String()
}

func (w *writer) writeNote(i int) error {
	n := w.notes[i]
	rel := filepath.Join(notesDir, w.noteName[i]+".md")

	// What the note is about, as links for the front matter and lines for
	// the end of the page.
	var about, lines []string
	for j, a := range n.Attached {
		label := a.Label
		var l, line string
		switch a.Kind {
		case "passage":
			if p, ok := w.passageAt[attachRef{i, j}]; ok {
				l = w.sourceLink(p.src, p.block, "")
				line = "Highlight in " + l + ":\n\n" + blockQuote(a.Exact)
			} else if si, ok := w.srcIdx[a.TargetUUID]; ok && a.TargetUUID != "" {
				l = w.sourceLink(si, "", "")
				line = "Highlight in " + l + " (its place in the text is lost):\n\n" + blockQuote(a.Exact)
			} else {
				line = "Highlight in " + deleted(label, "a deleted source") + ":\n\n" + blockQuote(a.Exact)
			}
		default:
			t, ok := w.resolve(a.Kind, a.TargetUUID)
			if ok {
				l = t.link("")
				line = kindLabel(a.Kind) + ": " + l
			} else {
				line = kindLabel(a.Kind) + ": " + deleted(label, "deleted")
			}
		}
		if l != "" {
			about = append(about, l)
		}
		lines = append(lines, line)
	}

	f, err := w.create(rel)
	if err != nil {
		return err
	}
	b := w.buf
	fm := w.frontMatter()
	fm.str("title", n.Title)
	fm.list("about", about)
	fm.list("tags", obsidianTags(n.Tags))
	fm.str("created", n.CreatedAt)
	fm.str("modified", n.ModifiedAt)
	fm.str("sourcebook_uuid", n.UUID)
	fm.end()
	body := strings.TrimRight(w.rewriteLinks(n), "\n\t ")
	if body != "" {
		b.WriteString(body)
		b.WriteString("\n\n")
		if len(lines) > 0 {
			b.WriteString("---\n\n")
		}
	}
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\n\n")
	}
	return w.finish(f, rel)
}

func kindLabel(kind string) string {
	switch kind {
	case "source":
		return "Source"
	case "quote":
		return "Quote"
	case "speaker":
		return "Speaker"
	case "story":
		return "Story"
	}
	return "About"
}

// deleted says what a note was about when that is gone.
func deleted(label, fallback string) string {
	if strings.TrimSpace(label) == "" {
		return fallback
	}
	return escapeInline(label) + " (deleted)"
}

// blockQuote writes text as a Markdown block quote, escaped.
func blockQuote(text string) string {
	var sb strings.Builder
	bw := newBufWriter(&sb)
	bw.WriteString("> ")
	e := newEscaper(bw, "> ")
	e.text([]rune(strings.TrimSpace(text)), 0)
	bw.Flush()
	return sb.String()
}

func (w *writer) writeStory(i int) error {
	s := w.stories[i]
	rel := filepath.Join(storiesDir, w.storyName[i]+".md")
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	b := w.buf
	fm := w.frontMatter()
	fm.str("title", s.Title)
	fm.str("description", s.Description)
	fm.list("tags", obsidianTags(s.Tags))
	fm.str("created", s.CreatedAt)
	fm.str("modified", s.ModifiedAt)
	fm.str("sourcebook_uuid", s.UUID)
	fm.end()
	b.WriteString("# ")
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = w.storyName[i]
	}
	b.WriteString(escapeInline(title))
	b.WriteString("\n\n")
	if d := strings.TrimSpace(s.Description); d != "" {
		e := newEscaper(b, "")
		e.text([]rune(d), 0)
		b.WriteString("\n\n")
	}
	b.WriteString("## Sources\n\n")
	for _, u := range s.Sources {
		si, ok := w.srcIdx[u]
		if !ok {
			continue
		}
		b.WriteString("- ")
		b.WriteString(w.sourceLink(si, "", ""))
		if wh := w.where(si); w.srcs[si].outlet != "" {
			b.WriteString(" — ")
			b.WriteString(escapeInline(wh))
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	if ns := w.notesByStory[s.UUID]; len(ns) > 0 {
		b.WriteString("## Notes\n\n")
		w.noteLinks(ns)
	}
	return w.finish(f, rel)
}

func (w *writer) writeIndex() error {
	const rel = "index.md"
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	b := w.buf
	b.WriteString("# Notebook\n\n")
	b.WriteString(plural(len(w.stories), "story") + ", " + plural(len(w.srcs), "source") + ", " +
		plural(len(w.speakers), "speaker") + ", " + plural(len(w.notes), "note") + ", exported from Sourcebook.\n\n")
	section := func(title string, n int, item func(int)) {
		if n == 0 {
			return
		}
		b.WriteString("## " + title + "\n\n")
		for i := 0; i < n; i++ {
			b.WriteString("- ")
			item(i)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	section("Stories", len(w.stories), func(i int) {
		b.WriteString(link(storiesDir, w.storyName[i], "", w.storyName[i]))
	})
	section("Speakers", len(w.speakers), func(i int) {
		b.WriteString(link(speakersDir, w.speakerName[i], "", w.speakerName[i]))
	})
	section("Notes", len(w.notes), func(i int) {
		b.WriteString(link(notesDir, w.noteName[i], "", w.noteName[i]))
	})
	section("Sources", len(w.srcs), func(i int) {
		b.WriteString(w.sourceLink(int32(i), "", ""))
		if w.srcs[i].outlet != "" || w.srcs[i].published != "" {
			b.WriteString(" — ")
			b.WriteString(escapeInline(w.where(int32(i))))
		}
	})
	return w.finish(f, rel)
}
