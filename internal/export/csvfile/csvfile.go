package csvfile

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sourcebook/internal/export"
)

// Write writes nb as CSV files into the folder dir, which must not exist
// yet. It builds the folder beside dir (dir.partial-*) and renames it to
// dir when every file is written, so a failed or cancelled export leaves
// nothing under dir and removes the temporary folder.
//
// progress, if not nil, is called after each source.
//
// Errors are wrapped with "csvfile: "; one wrapping fs.ErrExist means dir
// exists, one wrapping ctx.Err() means the export was cancelled.
func Write(ctx context.Context, nb export.Notebook, dir string, progress export.Progress) error {
	return export.WriteDir("csvfile", dir, func(tmp string) error { return write(ctx, nb, tmp, progress) })
}

// table is one CSV file being written.
type table struct {
	name string
	f    *os.File
	buf  *bufio.Writer
	csv  *csv.Writer
	row  []string
}

func create(dir, name string, header ...string) (*table, error) {
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("csvfile: cannot create %s: %w", name, err)
	}
	t := &table{name: name, f: f, buf: bufio.NewWriterSize(f, 64<<10)}
	t.buf.WriteString("\uFEFF")
	t.csv = csv.NewWriter(t.buf)
	t.csv.UseCRLF = true
	if err := t.csv.Write(header); err != nil {
		f.Close()
		return nil, fmt.Errorf("csvfile: cannot write %s: %w", name, err)
	}
	return t, nil
}

// text adds a text cell, defused against formula injection.
func (t *table) text(s string) *table {
	t.row = append(t.row, Defuse(s))
	return t
}

// list adds a cell of values joined by "; ".
func (t *table) list(vals []string) *table { return t.text(strings.Join(vals, "; ")) }

// raw adds a cell Sourcebook wrote (a UUID, a date, a kind).
func (t *table) raw(s string) *table {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = Defuse(s)
	}
	t.row = append(t.row, s)
	return t
}

func (t *table) num(n int64) *table {
	t.row = append(t.row, strconv.FormatInt(n, 10))
	return t
}

func (t *table) end() error {
	err := t.csv.Write(t.row)
	t.row = t.row[:0]
	if err != nil {
		return fmt.Errorf("csvfile: cannot write %s: %w", t.name, err)
	}
	return nil
}

func (t *table) close() error {
	t.csv.Flush()
	err := t.csv.Error()
	if err == nil {
		err = t.buf.Flush()
	}
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("csvfile: cannot write %s: %w", t.name, err)
	}
	return nil
}

// Defuse returns s with a leading apostrophe when a spreadsheet would read
// it as a formula: when it starts with = + - @, a tab or a carriage return.
func Defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// labels remembers what notes are attached to, so notes.csv can say it
// even for sources and quotes streamed long before.
type labels struct {
	want map[string]bool
	text map[string]string
}

func write(ctx context.Context, nb export.Notebook, dir string, progress export.Progress) (err error) {
	stories, err := nb.Stories(ctx)
	if err != nil {
		return fmt.Errorf("csvfile: cannot read stories: %w", err)
	}
	speakers, err := nb.Speakers(ctx)
	if err != nil {
		return fmt.Errorf("csvfile: cannot read speakers: %w", err)
	}
	notes, err := nb.Notes(ctx)
	if err != nil {
		return fmt.Errorf("csvfile: cannot read notes: %w", err)
	}
	total, err := nb.SourceCount(ctx)
	if err != nil {
		return fmt.Errorf("csvfile: cannot count sources: %w", err)
	}
	storyTitle := map[string]string{}
	for _, s := range stories {
		storyTitle[s.UUID] = s.Title
	}
	lab := labels{want: map[string]bool{}, text: map[string]string{}}
	for _, n := range notes {
		for _, a := range n.Attached {
			if a.TargetUUID != "" && (a.Kind == "source" || a.Kind == "passage" || a.Kind == "quote") {
				lab.want[a.TargetUUID] = true
			}
		}
	}

	var open []*table
	defer func() {
		for _, t := range open {
			if cerr := t.close(); err == nil {
				err = cerr
			}
		}
	}()
	mk := func(name string, header ...string) (*table, error) {
		t, err := create(dir, name, header...)
		if err == nil {
			open = append(open, t)
		}
		return t, err
	}
	src, err := mk("sources.csv", "uuid", "title", "outlet", "url", "authors", "published", "updated", "kind", "lang", "words", "quotes", "stories", "tags", "description", "imported_at", "modified_at")
	if err != nil {
		return err
	}
	quo, err := mk("quotes.csv", "uuid", "source_uuid", "source_title", "outlet", "published", "speaker", "speaker_uuid", "text", "kind", "status", "cue", "start", "end", "group_uuid", "tags", "created_at", "modified_at")
	if err != nil {
		return err
	}
	quoteCount := map[string]int64{}
	done := 0
	err = nb.EachSource(ctx, func(s export.Source) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var st []string
		for _, u := range s.Stories {
			if t, ok := storyTitle[u]; ok {
				st = append(st, t)
			}
		}
		src.raw(s.UUID).text(s.Title).text(s.Outlet).text(s.URL).list(s.Authors).text(s.Published).text(s.Updated).
			raw(s.Kind).raw(s.Lang).num(s.Words).num(int64(len(s.Quotes))).list(st).list(s.Tags).text(s.Description).
			raw(s.ImportedAt).raw(s.ModifiedAt)
		if err := src.end(); err != nil {
			return ownError{err}
		}
		if lab.want[s.UUID] {
			lab.text[s.UUID] = s.Title
		}
		for _, q := range s.Quotes {
			quo.raw(q.UUID).raw(s.UUID).text(s.Title).text(s.Outlet).text(s.Published).text(q.SpeakerName).raw(q.SpeakerUUID).
				text(q.Text).raw(q.Kind).raw(q.Status).text(q.Cue).num(int64(q.Start)).num(int64(q.End)).raw(q.GroupUUID).
				list(q.Tags).raw(q.CreatedAt).raw(q.ModifiedAt)
			if err := quo.end(); err != nil {
				return ownError{err}
			}
			if q.SpeakerUUID != "" {
				quoteCount[q.SpeakerUUID]++
			}
			if lab.want[q.UUID] {
				lab.text[q.UUID] = "“" + excerpt(q.Text, 80) + "”"
			}
		}
		done++
		if progress != nil {
			progress(done, max(total, done))
		}
		return nil
	})
	if err != nil {
		var own ownError
		switch {
		case errors.As(err, &own):
			return own.error
		case ctx.Err() != nil:
			return fmt.Errorf("csvfile: %w", ctx.Err())
		}
		return fmt.Errorf("csvfile: cannot read sources: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("csvfile: %w", err)
	}

	nt, err := mk("notes.csv", "uuid", "title", "body", "attached_kinds", "attached_uuids", "attached_labels", "highlighted", "tags", "created_at", "modified_at")
	if err != nil {
		return err
	}
	speakerName := map[string]string{}
	for _, s := range speakers {
		speakerName[s.UUID] = s.Name
	}
	for _, n := range notes {
		var kinds, uuids, labs, high []string
		for _, a := range n.Attached {
			kinds = append(kinds, a.Kind)
			uuids = append(uuids, a.TargetUUID)
			l := a.Label
			if l == "" {
				switch a.Kind {
				case "speaker":
					l = speakerName[a.TargetUUID]
				case "story":
					l = storyTitle[a.TargetUUID]
				default:
					l = lab.text[a.TargetUUID]
				}
			}
			labs = append(labs, l)
			if a.Kind == "passage" {
				high = append(high, a.Exact)
			}
		}
		nt.raw(n.UUID).text(n.Title).text(n.Body).list(kinds).list(uuids).list(labs).list(high).list(n.Tags).raw(n.CreatedAt).raw(n.ModifiedAt)
		if err := nt.end(); err != nil {
			return err
		}
	}
	sp, err := mk("speakers.csv", "uuid", "name", "aliases", "role", "affiliation", "quotes", "tags", "created_at", "modified_at")
	if err != nil {
		return err
	}
	for _, s := range speakers {
		sp.raw(s.UUID).text(s.Name).list(s.Aliases).text(s.Role).text(s.Affiliation).num(quoteCount[s.UUID]).list(s.Tags).raw(s.CreatedAt).raw(s.ModifiedAt)
		if err := sp.end(); err != nil {
			return err
		}
	}
	sto, err := mk("stories.csv", "uuid", "title", "description", "sources", "source_uuids", "tags", "created_at", "modified_at")
	if err != nil {
		return err
	}
	for _, s := range stories {
		sto.raw(s.UUID).text(s.Title).text(s.Description).num(int64(len(s.Sources))).list(s.Sources).list(s.Tags).raw(s.CreatedAt).raw(s.ModifiedAt)
		if err := sto.end(); err != nil {
			return err
		}
	}
	// Close here rather than in the deferred function so that a close
	// error (a full disk shows itself there) is returned.
	for len(open) > 0 {
		t := open[0]
		open = open[1:]
		if err := t.close(); err != nil {
			return err
		}
	}
	return nil
}

// excerpt returns the first n runes of s's words, with "…" when cut.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return strings.TrimSpace(string(rs[:n])) + "…"
}

// ownError marks an error this package made (already saying what failed)
// as it passes through the notebook's EachSource, so that it is not
// wrapped again as a failure to read sources.
type ownError struct{ error }

func (e ownError) Unwrap() error { return e.error }
