package app

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sourcebook/db"
	"sourcebook/internal/ingest"
)

// Library returns every story and every source (without text), newest first.
func (a *App) Library() (Library, error) {
	ctx := a.ctx
	rows, err := a.nb.Q.SourceList(ctx)
	if err != nil {
		return Library{}, a.internal("list the sources", err)
	}
	members, err := a.nb.Q.StorySourceList(ctx)
	if err != nil {
		return Library{}, a.internal("list the stories", err)
	}
	stories, err := a.nb.Q.StoryList(ctx)
	if err != nil {
		return Library{}, a.internal("list the stories", err)
	}
	bySource := map[int64][]int64{}
	byStory := map[int64][]int64{}
	for _, m := range members {
		bySource[m.SourceID] = append(bySource[m.SourceID], m.StoryID)
		byStory[m.StoryID] = append(byStory[m.StoryID], m.SourceID)
	}
	lib := Library{Stories: []Story{}, Sources: []SourceSummary{}}
	for _, s := range stories {
		lib.Stories = append(lib.Stories, Story{
			ID: s.ID, UUID: s.UUID, Title: s.Title, CreatedAt: s.CreatedAt,
			SourceIDs: orEmpty(byStory[s.ID]),
		})
	}
	for _, r := range rows {
		sum := summary(db.SourceSummaryGetRow(r))
		sum.StoryIDs = orEmpty(bySource[r.ID])
		lib.Sources = append(lib.Sources, sum)
	}
	return lib, nil
}

// Source returns one source with its text. It fails with code notfound when
// there is no source id.
func (a *App) Source(id int64) (Source, error) {
	r, err := a.nb.Q.SourceGet(a.ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, notFound("source", id)
	} else if err != nil {
		return Source{}, a.internal("read the source", err)
	}
	stories, err := a.nb.Q.StorySourceListBySource(a.ctx, id)
	if err != nil {
		return Source{}, a.internal("read the source", err)
	}
	sum := summary(db.SourceSummaryGetRow{
		ID: r.ID, UUID: r.UUID, Title: r.Title, Outlet: r.Outlet, Authors: r.Authors,
		Published: r.Published, Kind: r.Kind, Words: r.Words, ImportedAt: r.ImportedAt,
	})
	sum.StoryIDs = orEmpty(stories)
	return Source{
		SourceSummary: sum,
		URL:           r.URL,
		Updated:       r.Updated,
		MediaType:     r.MediaType,
		OriginalName:  r.OriginalName,
		Text:          r.Text,
	}, nil
}

// ImportText imports text the user pasted. The title defaults to the text's
// first line. When the notebook already holds the same text (ignoring
// spacing, case and quote marks) nothing is added and the result names the
// existing source.
func (a *App) ImportText(req ImportTextRequest) (ImportResult, error) {
	data := []byte(req.Text)
	if len(data) > ingest.MaxBytes {
		return ImportResult{}, a.importError("pasted text", ingest.ErrTooLarge)
	}
	res, err := a.importData(item{
		name: "pasted text", data: data, mediaType: "text/plain; charset=utf-8",
		title: req.Title, storyID: req.StoryID,
	})
	if err != nil {
		return ImportResult{}, a.importError("pasted text", err)
	}
	return res, nil
}

// ImportFiles imports files the user chose or dropped, each in its own
// transaction, and reports on each in order. A file that fails does not stop
// the others; its FileResult carries the message. The error is non-nil only
// when the batch itself is wrong (for example, an unknown story).
func (a *App) ImportFiles(files []FileData, storyID int64) ([]FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return nil, err
	}
	out := make([]FileResult, 0, len(files))
	for _, f := range files {
		out = append(out, a.importFile(f.Name, f.Data, storyID))
	}
	return out, nil
}

// ImportPaths imports files from the local file system, as ImportFiles does
// with their contents. A path of "-" is not special here; the command line
// reads standard input itself.
func (a *App) ImportPaths(paths []string, storyID int64) ([]FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return nil, err
	}
	out := make([]FileResult, 0, len(paths))
	for _, p := range paths {
		data, err := readFile(p)
		if err != nil {
			out = append(out, FileResult{Name: p, Error: a.importError(p, err).Error()})
			continue
		}
		out = append(out, a.importFile(p, data, storyID))
	}
	return out, nil
}

// fileError says why a path cannot be imported.
type fileError string

func (e fileError) Error() string { return string(e) }

// readFile reads a file of at most ingest.MaxBytes without ever holding more
// than that in memory.
func readFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fileError("it is a folder, not a file")
	}
	if !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 {
		return nil, fileError("it is not a regular file")
	}
	if fi.Mode().IsRegular() && fi.Size() > ingest.MaxBytes {
		return nil, ingest.ErrTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ingest.Read(f)
}

// ImportReader imports text read from r (the command line's standard input)
// under the given name, as ImportFiles does. It is a function, not a method,
// so that the UI's API (App's methods) takes only JSON-friendly arguments.
func ImportReader(a *App, name string, r io.Reader, storyID int64) (FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return FileResult{}, err
	}
	data, err := ingest.Read(r)
	if err != nil {
		return FileResult{Name: name, Error: a.importError(name, err).Error()}, nil
	}
	return a.importFile(name, data, storyID), nil
}

func (a *App) importFile(name string, data []byte, storyID int64) FileResult {
	res, err := a.importData(item{
		name: name, data: data, mediaType: mediaTypeFor(name), storyID: storyID,
	})
	if err != nil {
		return FileResult{Name: name, Error: a.importError(name, err).Error()}
	}
	return FileResult{Name: name, Source: &res.Source, Duplicate: res.Duplicate}
}

// mediaTypeFor names the media type of an imported text file by its
// extension. Only plain text and Markdown are imported for now.
func mediaTypeFor(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "text/markdown; charset=utf-8"
	default:
		return "text/plain; charset=utf-8"
	}
}

// importError turns an import failure into a user message that starts with
// the file's name.
func (a *App) importError(name string, err error) error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	base := filepath.Base(name)
	switch {
	case errors.Is(err, ingest.ErrTooLarge):
		return &Error{Code: CodeTooLarge, Message: fmt.Sprintf("%s: %v", base, err), Err: err}
	case isIngestError(err):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: %v", base, err), Err: err}
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Code: CodeNotFound, Message: fmt.Sprintf("%s: no such file", name), Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: permission denied", name), Err: err}
	}
	var fe fileError
	var pe *fs.PathError
	switch {
	case errors.As(err, &fe):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: %s", name, fe), Err: err}
	case errors.As(err, &pe):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: %v", name, pe.Err), Err: err}
	}
	return a.internal("import "+base, err)
}

func isIngestError(err error) bool {
	var ie *ingest.Error
	return errors.As(err, &ie)
}

type item struct {
	name      string
	data      []byte
	mediaType string
	title     string
	storyID   int64
}

// importData stores one piece of text in one transaction: the duplicate
// check, the source row and the story membership land together or not at all.
func (a *App) importData(it item) (ImportResult, error) {
	text, err := ingest.Text(it.data)
	if err != nil {
		return ImportResult{}, err
	}
	title := strings.Join(strings.Fields(it.title), " ")
	if title == "" {
		title = ingest.Title(text)
	}
	hash := ingest.Hash(text)
	now := a.now()
	var res ImportResult
	err = a.nb.Tx(a.ctx, func(q *db.Queries) error {
		if it.storyID != 0 {
			if _, err := q.StoryGet(a.ctx, it.storyID); errors.Is(err, sql.ErrNoRows) {
				return notFound("story", it.storyID)
			} else if err != nil {
				return err
			}
		}
		id, err := q.SourceFindByHash(a.ctx, hash)
		switch {
		case err == nil:
			res.Duplicate = true
		case errors.Is(err, sql.ErrNoRows):
			id, err = q.SourceCreate(a.ctx, db.SourceCreateParams{
				UUID:         a.opts.NewUUID(),
				Title:        title,
				Authors:      "[]",
				Kind:         "article",
				Text:         text,
				Words:        int64(ingest.Words(text)),
				Original:     it.data,
				MediaType:    it.mediaType,
				OriginalName: filepath.Base(it.name),
				ContentHash:  hash,
				ImportedAt:   now,
				ModifiedAt:   now,
			})
			if err != nil {
				return err
			}
		default:
			return err
		}
		if it.storyID != 0 {
			if err := q.StorySourceAdd(a.ctx, db.StorySourceAddParams{
				UUID: a.opts.NewUUID(), StoryID: it.storyID, SourceID: id, AddedAt: now,
			}); err != nil {
				return err
			}
		}
		row, err := q.SourceSummaryGet(a.ctx, id)
		if err != nil {
			return err
		}
		res.Source = summary(row)
		stories, err := q.StorySourceListBySource(a.ctx, id)
		if err != nil {
			return err
		}
		res.Source.StoryIDs = orEmpty(stories)
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// DeleteSource deletes a source with its quotes. Notes about it stay,
// unlinked. It fails with code notfound when there is no source id.
func (a *App) DeleteSource(id int64) error {
	var n int64
	err := a.nb.Tx(a.ctx, func(q *db.Queries) error {
		var err error
		n, err = q.SourceDelete(a.ctx, id)
		return err
	})
	if err != nil {
		return a.internal("delete the source", err)
	}
	if n == 0 {
		return notFound("source", id)
	}
	return nil
}

func summary(r db.SourceSummaryGetRow) SourceSummary {
	var authors []string
	if err := json.Unmarshal([]byte(r.Authors), &authors); err != nil || authors == nil {
		authors = []string{}
	}
	return SourceSummary{
		ID: r.ID, UUID: r.UUID, Title: r.Title, Outlet: r.Outlet, Authors: authors,
		Published: r.Published, Kind: r.Kind, Words: r.Words, ImportedAt: r.ImportedAt,
		StoryIDs: []int64{},
	}
}

func orEmpty(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}
