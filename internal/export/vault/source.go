package vault

import (
	"bufio"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"sourcebook/internal/export"
)

// span is a half-open range of code points.
type span struct{ start, end int }

// blocksOf returns the source's blocks with their ranges checked against
// the text, or, for a source without blocks, its paragraphs.
func blocksOf(s export.Source, n int, runes []rune) []export.Block {
	if len(s.Blocks) == 0 {
		var out []export.Block
		start := 0
		for i := 0; i <= n; i++ {
			if i == n || (runes[i] == '\n' && i+1 < n && runes[i+1] == '\n') {
				if i > start {
					out = append(out, export.Block{Kind: "paragraph", Start: start, End: i})
				}
				for i < n && runes[i] == '\n' {
					i++
				}
				start = i
			}
		}
		return out
	}
	return s.Blocks
}

func validBlock(b export.Block, n int) bool {
	return b.Start >= 0 && b.End <= n && b.Start < b.End
}

// blockAt returns the index of the content block holding code point at,
// or -1.
func blockAt(blocks []export.Block, n, at int) int {
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].End > at })
	for ; i < len(blocks); i++ {
		b := blocks[i]
		if b.Start > at {
			break
		}
		if validBlock(b, n) && b.Boilerplate == "" && b.Start <= at && at < b.End {
			return i
		}
	}
	// Blocks out of order: look at all of them.
	for i, b := range blocks {
		if validBlock(b, n) && b.Boilerplate == "" && b.Start <= at && at < b.End {
			return i
		}
	}
	return -1
}

func blockID(i int) string { return "p" + strconv.Itoa(i+1) }

// quoteID is a quote's block id: "q-" and the last 12 hex digits of its
// UUID (the random part of a UUIDv7), or of the whole UUID when those clash
// within the page.
func quoteID(uuid string, used map[string]bool) string {
	hex := strings.Map(func(r rune) rune {
		if (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
			return r
		}
		return -1
	}, strings.ToLower(uuid))
	id := "q-" + hex
	if len(hex) > 12 {
		id = "q-" + hex[len(hex)-12:]
	}
	if hex == "" {
		id = "q"
	}
	base := id
	if used[id] {
		id = "q-" + hex
		base = id
	}
	for n := 2; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

func (w *writer) writeSource(s export.Source) error {
	name := w.sourceNames.name(s.Title, sourceFallback(s))
	si := int32(len(w.srcs))
	w.srcs = append(w.srcs, srcMeta{name: name, title: displayTitle(s), outlet: s.Outlet, published: s.Published})
	w.srcIdx[s.UUID] = si

	runes := []rune(s.Text)
	n := len(runes)
	blocks := blocksOf(s, n, runes)
	anchored := map[int]bool{}

	// Quotes: their block ids, and the paragraph each sits in.
	used := map[string]bool{}
	qids := make([]string, len(s.Quotes))
	qblock := make([]int, len(s.Quotes))
	for i, q := range s.Quotes {
		qids[i] = quoteID(q.UUID, used)
		qblock[i] = -1
		if q.Start >= 0 && q.Start < q.End && q.End <= n {
			if b := blockAt(blocks, n, q.Start); b >= 0 {
				qblock[i] = b
				anchored[b] = true
			}
		}
		if w.wantQuote[q.UUID] {
			w.quoteAt[q.UUID] = place{src: si, block: qids[i], excerpt: excerpt(q.Text, 60)}
		}
		if sp, ok := w.speakerIdx[q.SpeakerUUID]; ok && q.SpeakerUUID != "" {
			w.spkQuotes[sp] = append(w.spkQuotes[sp], quoteRef{src: si, group: groupHash(q.GroupUUID + "\x00" + groupFallback(q)), block: qids[i]})
		}
	}

	// Highlights: marked ==like this== in the text, their paragraph
	// anchored for the note that links to it.
	var marks []span
	for _, ar := range w.passages[s.UUID] {
		a := w.notes[ar.note].Attached[ar.att]
		if a.Start < 0 || a.Start >= a.End || a.End > n {
			continue
		}
		if b := blockAt(blocks, n, a.Start); b >= 0 {
			anchored[b] = true
			w.passageAt[ar] = place{src: si, block: blockID(b)}
		}
		marks = append(marks, span{a.Start, a.End})
	}
	marks = mergeSpans(marks)

	rel := filepath.Join(sourcesDir, name+".md")
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	b := w.buf
	fm := w.frontMatter()
	fm.str("title", s.Title)
	fm.str("outlet", s.Outlet)
	fm.str("url", s.URL)
	fm.list("authors", s.Authors)
	fm.str("published", s.Published)
	fm.str("updated", s.Updated)
	fm.str("kind", s.Kind)
	fm.str("lang", s.Lang)
	fm.str("description", s.Description)
	var stories []string
	for _, st := range s.Stories {
		if l := w.storyLink(st); l != "" {
			stories = append(stories, l)
		}
	}
	fm.list("stories", stories)
	fm.list("tags", obsidianTags(s.Tags))
	if s.Words > 0 {
		fm.num("words", s.Words)
	}
	fm.str("imported", s.ImportedAt)
	fm.str("sourcebook_uuid", s.UUID)
	fm.end()

	b.WriteString("# ")
	b.WriteString(escapeInline(displayTitle(s)))
	b.WriteString("\n\n")
	var meta []string
	if s.Outlet != "" {
		meta = append(meta, escapeInline(s.Outlet))
	}
	if s.Published != "" {
		meta = append(meta, escapeInline(s.Published))
	}
	if len(s.Authors) > 0 {
		meta = append(meta, "by "+escapeInline(strings.Join(s.Authors, ", ")))
	}
	if u := webURL(s.URL); u != "" {
		meta = append(meta, "[original]("+u+")")
	}
	if len(meta) > 0 {
		b.WriteString(strings.Join(meta, " · "))
		b.WriteString("\n\n")
	}
	if len(stories) > 0 {
		b.WriteString("Stories: ")
		b.WriteString(strings.Join(stories, ", "))
		b.WriteString("\n\n")
	}

	// The text, block by block.
	mi := 0
	for i, blk := range blocks {
		if blk.Boilerplate != "" || !validBlock(blk, n) {
			continue
		}
		for mi < len(marks) && marks[mi].end <= blk.Start {
			mi++
		}
		writeBlock(b, blk, runes, marks[mi:], anchored[i], blockID(i))
	}

	if len(s.Quotes) > 0 {
		b.WriteString("## Quotes\n\n")
		for i, q := range s.Quotes {
			e := newEscaper(b, "> ")
			b.WriteString("> ")
			e.text([]rune(strings.TrimSpace(q.Text)), 0)
			b.WriteString("\n>\n> — ")
			b.WriteString(w.speakerLink(q.SpeakerUUID, q.SpeakerName))
			if q.SpeakerUUID == "" && q.SpeakerName == "" {
				b.WriteString("unknown speaker")
			}
			if q.Cue != "" {
				b.WriteString(" (")
				b.WriteString(escapeInline(q.Cue))
				b.WriteString(")")
			}
			for _, x := range []string{q.Kind, q.Status} {
				if x != "" && x != "confirmed" {
					b.WriteString(" · ")
					b.WriteString(escapeInline(x))
				}
			}
			if qblock[i] >= 0 {
				b.WriteString(" · ")
				b.WriteString(link("", "", blockID(qblock[i]), "in context"))
			}
			for _, t := range obsidianTags(q.Tags) {
				b.WriteString(" #")
				b.WriteString(t)
			}
			b.WriteString("\n\n^")
			b.WriteString(qids[i])
			b.WriteString("\n\n")
			if ns := w.notesByQuote[q.UUID]; len(ns) > 0 {
				b.WriteString("Notes on this quote:\n")
				w.noteLinks(ns)
				b.WriteByte('\n')
			}
		}
	}

	var notes []int
	notes = append(notes, w.notesBySource[s.UUID]...)
	if len(notes) > 0 {
		b.WriteString("## Notes\n\n")
		w.noteLinks(notes)
	}
	return w.finish(f, rel)
}

// groupFallback keeps quotes without a group apart from each other.
func groupFallback(q export.Quote) string {
	if q.GroupUUID != "" {
		return ""
	}
	return q.UUID
}

func displayTitle(s export.Source) string {
	if strings.TrimSpace(s.Title) != "" {
		return s.Title
	}
	return sourceFallback(s)
}

func sourceFallback(s export.Source) string {
	var parts []string
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	if len(parts) == 0 {
		return "Untitled source"
	}
	return "Untitled - " + strings.Join(parts, " ")
}

// webURL returns u for a Markdown link when it is an http(s) URL, with
// the characters that would end the link escaped; "" otherwise (no
// javascript: or file: links in a vault).
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	s := p.String()
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "[", "%5B", "]", "%5D", "\n", "", "\r", "")
	return r.Replace(s)
}

// mergeSpans sorts spans and joins the overlapping ones.
func mergeSpans(s []span) []span {
	if len(s) < 2 {
		return s
	}
	sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.start <= last.end {
			last.end = max(last.end, x.end)
			continue
		}
		out = append(out, x)
	}
	return out
}

// writeBlock writes one content block as Markdown, highlights marked, with
// its block id when a quote or passage links to it.
func writeBlock(bw *bufio.Writer, blk export.Block, runes []rune, marks []span, anchor bool, id string) {
	start, end := blk.Start, blk.End
	if blk.Kind != "pre" {
		for start < end && unicode.IsSpace(runes[start]) {
			start++
		}
		for end > start && unicode.IsSpace(runes[end-1]) {
			end--
		}
		if start == end {
			return
		}
	}
	text := runes[start:end]
	switch blk.Kind {
	case "heading":
		level := min(max(blk.Level, 1)+1, 6)
		bw.WriteString(strings.Repeat("#", level))
		bw.WriteByte(' ')
		e := newEscaper(bw, "")
		e.lineStart = false
		e.text([]rune(strings.Join(strings.Fields(string(text)), " ")), 0)
		bw.WriteString("\n\n")
		if anchor {
			bw.WriteString("^" + id + "\n\n")
		}
		return
	case "pre":
		fence := "```"
		for strings.Contains(string(text), fence) {
			fence += "`"
		}
		bw.WriteString(fence)
		bw.WriteByte('\n')
		bw.WriteString(strings.ReplaceAll(string(text), "\r", ""))
		bw.WriteByte('\n')
		bw.WriteString(fence)
		bw.WriteString("\n\n")
		if anchor {
			bw.WriteString("^" + id + "\n\n")
		}
		return
	}
	prefix := ""
	switch blk.Kind {
	case "item":
		bw.WriteString(strings.Repeat("  ", max(blk.Level-1, 0)))
		bw.WriteString("- ")
		prefix = strings.Repeat("  ", max(blk.Level, 1))
	case "quote":
		bw.WriteString("> ")
		prefix = "> "
	case "caption":
		bw.WriteString("*")
	}
	e := newEscaper(bw, prefix)
	writeMarked(e, text, start, marks)
	if blk.Kind == "caption" {
		bw.WriteString("*")
	}
	if anchor {
		bw.WriteString(" ^" + id)
	}
	bw.WriteString("\n\n")
}

// writeMarked writes text (starting at code point off of the source)
// escaped, with the parts inside marks between "==".
func writeMarked(e *escaper, text []rune, off int, marks []span) {
	pos := 0
	for _, m := range marks {
		s, t := m.start-off, m.end-off
		if s >= len(text) {
			break
		}
		s, t = max(s, pos), min(t, len(text))
		// Obsidian needs the marks against the words, not spaces.
		for s < t && isSpace(text[s]) {
			s++
		}
		for t > s && isSpace(text[t-1]) {
			t--
		}
		if s >= t {
			continue
		}
		// '=' as the next rune: an '=' against the mark is escaped.
		e.text(text[pos:s], '=')
		e.w.WriteString("==")
		e.lineStart = false
		e.prev = '='
		e.text(text[s:t], '=')
		e.w.WriteString("==")
		e.prev = '='
		pos = t
	}
	e.text(text[pos:], 0)
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }
