package vault

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"sourcebook/internal/export"
)

// The vault's folders.
const (
	sourcesDir  = "Sources"
	speakersDir = "Speakers"
	notesDir    = "Notes"
	storiesDir  = "Stories"
)

// Write writes nb as an Obsidian vault into the folder dir, which must not
// exist yet. It builds the vault in a temporary folder beside dir
// (dir.partial-*) and renames it to dir only when everything is written,
// so an export that fails (a full disk, a cancelled ctx, an error from nb)
// leaves nothing under dir and removes the temporary folder.
//
// progress, if not nil, is called after each source with how many are
// written and how many there are.
//
// Errors are wrapped with "vault: "; one wrapping fs.ErrExist means dir
// exists, one wrapping ctx.Err() means the export was cancelled.
func Write(ctx context.Context, nb export.Notebook, dir string, progress export.Progress) error {
	return export.WriteDir("vault", dir, func(tmp string) error { return writeVault(ctx, nb, tmp, progress) })
}

// quoteRef is what a speaker's page needs of one of their quotes, kept
// small because a notebook may hold a million quotes.
type quoteRef struct {
	src   int32  // index into writer.srcs
	group uint64 // hash of the quote's group UUID
	block string // the quote's block id in its source's page
}

// srcMeta is what other pages need of a written source.
type srcMeta struct {
	name, title, outlet, published string
}

// place is where a quote or passage ended up: a source page and a block.
type place struct {
	src     int32
	block   string
	excerpt string // a quote's first words, for links that show no text
}

// attachRef names one attachment of one note.
type attachRef struct{ note, att int }

type writer struct {
	ctx      context.Context
	root     string
	progress export.Progress
	buf      *bufio.Writer

	stories  []export.Story
	speakers []export.Speaker
	notes    []export.Note

	storyName, speakerName, noteName []string
	storyIdx, speakerIdx, noteIdx    map[string]int
	sourceNames                      *namer

	// What notes are attached to, by the target's UUID.
	notesBySource, notesByQuote, notesBySpeaker, notesByStory map[string][]int
	// passages[sourceUUID] are the highlights in that source.
	passages map[string][]attachRef
	// wantQuote are the quotes notes link to or are attached to.
	wantQuote map[string]bool

	srcs      []srcMeta
	srcIdx    map[string]int32 // source UUID -> index into srcs
	quoteAt   map[string]place // for the quotes in wantQuote
	passageAt map[attachRef]place
	spkQuotes [][]quoteRef // per speaker index
	total     int
	files     *filePool
}

func writeVault(ctx context.Context, nb export.Notebook, root string, progress export.Progress) error {
	w := &writer{ctx: ctx, root: root, progress: progress, buf: bufio.NewWriterSize(nil, 32<<10), files: newFilePool(root, 4)}
	err := w.write(nb)
	if cerr := w.files.close(); err == nil {
		err = cerr
	}
	return err
}

func (w *writer) write(nb export.Notebook) error {
	ctx := w.ctx
	var err error
	if w.stories, err = nb.Stories(ctx); err != nil {
		return fmt.Errorf("vault: cannot read stories: %w", err)
	}
	if w.speakers, err = nb.Speakers(ctx); err != nil {
		return fmt.Errorf("vault: cannot read speakers: %w", err)
	}
	if w.notes, err = nb.Notes(ctx); err != nil {
		return fmt.Errorf("vault: cannot read notes: %w", err)
	}
	if w.total, err = nb.SourceCount(ctx); err != nil {
		return fmt.Errorf("vault: cannot count sources: %w", err)
	}
	for _, d := range []string{sourcesDir, speakersDir, notesDir, storiesDir} {
		if err := os.Mkdir(filepath.Join(w.root, d), 0o755); err != nil {
			return fmt.Errorf("vault: cannot create %s: %w", d, err)
		}
	}
	w.plan()
	done := 0
	err = nb.EachSource(ctx, func(s export.Source) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.writeSource(s); err != nil {
			return ownError{err}
		}
		done++
		if w.progress != nil {
			w.progress(done, max(w.total, done))
		}
		return nil
	})
	if err != nil {
		var own ownError
		switch {
		case errors.As(err, &own):
			return own.error
		case ctx.Err() != nil:
			return fmt.Errorf("vault: %w", ctx.Err())
		}
		return fmt.Errorf("vault: cannot read sources: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("vault: %w", err)
	}
	for i := range w.speakers {
		if err := w.writeSpeaker(i); err != nil {
			return err
		}
	}
	for i := range w.notes {
		if err := w.writeNote(i); err != nil {
			return err
		}
	}
	for i := range w.stories {
		if err := w.writeStory(i); err != nil {
			return err
		}
	}
	return w.writeIndex()
}

// plan names the stories, speakers and notes and indexes what notes are
// about, before any source is read.
func (w *writer) plan() {
	stories, speakers, notes := newNamer(), newNamer(), newNamer()
	w.sourceNames = newNamer()
	w.storyIdx, w.speakerIdx, w.noteIdx = map[string]int{}, map[string]int{}, map[string]int{}
	for i, s := range w.stories {
		w.storyName = append(w.storyName, stories.name(s.Title, "Untitled story"))
		w.storyIdx[s.UUID] = i
	}
	for i, s := range w.speakers {
		w.speakerName = append(w.speakerName, speakers.name(s.Name, "Unnamed speaker"))
		w.speakerIdx[s.UUID] = i
	}
	w.spkQuotes = make([][]quoteRef, len(w.speakers))
	w.notesBySource, w.notesByQuote = map[string][]int{}, map[string][]int{}
	w.notesBySpeaker, w.notesByStory = map[string][]int{}, map[string][]int{}
	w.passages, w.wantQuote = map[string][]attachRef{}, map[string]bool{}
	w.srcIdx, w.quoteAt, w.passageAt = map[string]int32{}, map[string]place{}, map[attachRef]place{}
	for i, n := range w.notes {
		w.noteName = append(w.noteName, notes.name(noteTitle(n), "Untitled note"))
		w.noteIdx[n.UUID] = i
		for j, a := range n.Attached {
			if a.TargetUUID == "" {
				continue
			}
			switch a.Kind {
			case "source":
				w.notesBySource[a.TargetUUID] = appendOnce(w.notesBySource[a.TargetUUID], i)
			case "passage":
				w.notesBySource[a.TargetUUID] = appendOnce(w.notesBySource[a.TargetUUID], i)
				w.passages[a.TargetUUID] = append(w.passages[a.TargetUUID], attachRef{i, j})
			case "quote":
				w.notesByQuote[a.TargetUUID] = appendOnce(w.notesByQuote[a.TargetUUID], i)
				w.wantQuote[a.TargetUUID] = true
			case "speaker":
				w.notesBySpeaker[a.TargetUUID] = appendOnce(w.notesBySpeaker[a.TargetUUID], i)
			case "story":
				w.notesByStory[a.TargetUUID] = appendOnce(w.notesByStory[a.TargetUUID], i)
			}
		}
		for _, r := range n.Refs {
			if r.Kind == "quote" && r.TargetUUID != "" {
				w.wantQuote[r.TargetUUID] = true
			}
		}
	}
}

func appendOnce(s []int, i int) []int {
	if len(s) > 0 && s[len(s)-1] == i {
		return s
	}
	return append(s, i)
}

// noteTitle is the name a note's file gets: its title, or for an untitled
// highlight the words it highlights.
func noteTitle(n export.Note) string {
	if strings.TrimSpace(n.Title) != "" {
		return n.Title
	}
	for _, a := range n.Attached {
		if a.Kind == "passage" && strings.TrimSpace(a.Exact) != "" {
			return "Highlight - " + excerpt(a.Exact, 60)
		}
	}
	return ""
}

// excerpt returns the first words of s, at most n runes, with "…" when cut.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n
	for cut > n/2 && rs[cut] != ' ' {
		cut--
	}
	if cut <= n/2 {
		cut = n
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:.") + "…"
}

func groupHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// page is a file being rendered: what create returns and finish takes.
type page struct {
	rel  string
	data *bytes.Buffer
}

// create starts rendering the file rel into w.buf.
func (w *writer) create(rel string) (page, error) {
	if err := w.files.failed(); err != nil {
		return page{}, err
	}
	p := page{rel: rel, data: w.files.buffer()}
	w.buf.Reset(p.data)
	return p, nil
}

// finish hands a rendered page to the file writers.
func (w *writer) finish(p page, _ string) error {
	if err := w.buf.Flush(); err != nil {
		return fmt.Errorf("vault: cannot render %s: %w", p.rel, err)
	}
	w.buf.Reset(nil)
	return w.files.write(p)
}

// filePool writes rendered pages to disk on a few goroutines: creating a
// file costs far more than rendering it on most file systems, and the
// creations overlap well.
type filePool struct {
	root string
	jobs chan page
	wg   sync.WaitGroup
	bufs sync.Pool

	mu  sync.Mutex
	err error
}

func newFilePool(root string, workers int) *filePool {
	p := &filePool{root: root, jobs: make(chan page, 4*workers)}
	p.bufs.New = func() any { return new(bytes.Buffer) }
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for pg := range p.jobs {
				if p.failed() == nil {
					if err := writeFile(filepath.Join(p.root, pg.rel), pg.data.Bytes()); err != nil {
						p.fail(fmt.Errorf("vault: cannot write %s: %w", pg.rel, err))
					}
				}
				pg.data.Reset()
				p.bufs.Put(pg.data)
			}
		}()
	}
	return p
}

func writeFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (p *filePool) buffer() *bytes.Buffer { return p.bufs.Get().(*bytes.Buffer) }

func (p *filePool) fail(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
}

func (p *filePool) failed() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *filePool) write(pg page) error {
	if err := p.failed(); err != nil {
		return err
	}
	p.jobs <- pg
	return nil
}

// close waits for every page handed over to be written and returns the
// first error.
func (p *filePool) close() error {
	close(p.jobs)
	p.wg.Wait()
	return p.failed()
}

// frontMatter writes YAML front matter: string fields and lists, empty
// ones left out.
type frontMatter struct{ w *bufio.Writer }

func (w *writer) frontMatter() frontMatter {
	w.buf.WriteString("---\n")
	return frontMatter{w.buf}
}

func (f frontMatter) str(key, val string) {
	if val == "" {
		return
	}
	f.w.WriteString(key)
	f.w.WriteString(": ")
	yamlString(f.w, val)
	f.w.WriteByte('\n')
}

func (f frontMatter) num(key string, n int64) {
	fmt.Fprintf(f.w, "%s: %d\n", key, n)
}

func (f frontMatter) list(key string, vals []string) {
	if len(vals) == 0 {
		return
	}
	f.w.WriteString(key)
	f.w.WriteString(":\n")
	for _, v := range vals {
		f.w.WriteString("  - ")
		yamlString(f.w, v)
		f.w.WriteByte('\n')
	}
}

func (f frontMatter) end() { f.w.WriteString("---\n\n") }

// obsidianTags turns tag names into Obsidian tags: letters, digits, "_",
// "-" and "/" only, not all digits. A name with nothing left is dropped.
func obsidianTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.Map(func(r rune) rune {
			switch {
			case r == ' ':
				return '-'
			case r == '_' || r == '-' || r == '/' || isWord(r):
				return r
			}
			return -1
		}, strings.TrimSpace(t))
		t = strings.Trim(t, "/-")
		if t == "" {
			continue
		}
		if strings.Trim(t, "0123456789") == "" {
			t = "_" + t
		}
		out = append(out, t)
	}
	return out
}

// sourceLink links to the source at index i of w.srcs.
func (w *writer) sourceLink(i int32, anchor, text string) string {
	if text == "" {
		text = w.srcs[i].title
	}
	return link(sourcesDir, w.srcs[i].name, anchor, text)
}

// noteLinks writes "- [[Notes/...]]" lines for notes.
func (w *writer) noteLinks(notes []int) {
	for _, i := range notes {
		w.buf.WriteString("- ")
		w.buf.WriteString(link(notesDir, w.noteName[i], "", w.noteName[i]))
		w.buf.WriteByte('\n')
	}
}

func (w *writer) speakerLink(uuid, fallback string) string {
	i, ok := w.speakerIdx[uuid]
	if !ok || uuid == "" {
		return escapeInline(fallback)
	}
	text := fallback
	if text == "" {
		text = w.speakers[i].Name
	}
	return link(speakersDir, w.speakerName[i], "", text)
}

func (w *writer) storyLink(uuid string) string {
	i, ok := w.storyIdx[uuid]
	if !ok {
		return ""
	}
	return link(storiesDir, w.storyName[i], "", w.stories[i].Title)
}

// ownError marks an error this package made (already saying what failed)
// as it passes through the notebook's EachSource, so that it is not
// wrapped again as a failure to read sources.
type ownError struct{ error }

func (e ownError) Unwrap() error { return e.error }
