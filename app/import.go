package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"sourcebook/db"
	"sourcebook/internal/document"
	"sourcebook/internal/htmlextract"
	"sourcebook/internal/ingest"
	"sourcebook/internal/quote"
	"sourcebook/internal/textextract"
)

// ImportText imports text the user pasted. The title defaults to the one
// found in the text, else its first line. When the notebook already holds
// the same text (ignoring spacing, case and quote marks) nothing is added
// and the result names the existing source.
func (a *App) ImportText(req ImportTextRequest) (ImportResult, error) {
	data := []byte(req.Text)
	if int64(len(data)) > a.opts.MaxImportBytes {
		return ImportResult{}, a.importError("pasted text", ingest.TooLarge(int64(len(data)), a.opts.MaxImportBytes))
	}
	if err := a.checkStory(req.StoryID); err != nil {
		return ImportResult{}, err
	}
	ex, err := a.extract(item{name: "pasted text", data: data, title: req.Title, pasted: true})
	if err != nil {
		return ImportResult{}, a.importError("pasted text", err)
	}
	res, err := a.store(ex, req.StoryID)
	if err != nil {
		return ImportResult{}, a.importError("pasted text", err)
	}
	return res, nil
}

// ImportFiles imports files the user chose or dropped: web pages (.html,
// .htm, .mhtml), Markdown and plain text. Files are extracted in parallel
// and each is stored in its own transaction; the results come back in the
// order of files. A file that fails does not stop the others: its FileResult
// carries the message. The error is non-nil only when the batch itself is
// wrong (an unknown story).
func (a *App) ImportFiles(files []FileData, storyID int64) ([]FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return nil, err
	}
	return a.importMany(a.ctx, len(files), func(i int) (item, error) {
		f := files[i]
		if int64(len(f.Data)) > a.opts.MaxImportBytes {
			return item{name: f.Name}, ingest.TooLarge(int64(len(f.Data)), a.opts.MaxImportBytes)
		}
		return item{name: f.Name, data: f.Data}, nil
	}, storyID, nil), nil
}

// ImportPaths imports files and folders from the local file system, as
// ImportFiles does with their contents. Folders are searched recursively
// for the kinds of files Sourcebook imports, skipping hidden files and the
// "_files" folders browsers save beside a page. Browser mode does not serve
// this method.
func (a *App) ImportPaths(paths []string, storyID int64) ([]FileResult, error) {
	return ImportPathsContext(a.ctx, a, paths, storyID, nil)
}

// Progress is told about each file of a batch as it is done.
type Progress func(done, total int, r FileResult)

// ImportPathsContext is ImportPaths with a context that cancels the batch
// (files not yet started are reported as cancelled) and a progress callback.
// It is a function so that App's methods stay the UI's API.
func ImportPathsContext(ctx context.Context, a *App, paths []string, storyID int64, progress Progress) ([]FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return nil, err
	}
	var files []string
	var early []FileResult // folders with nothing to import, unreadable folders
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			files = append(files, p)
			continue
		}
		found, err := findImportable(p)
		if err != nil {
			early = append(early, FileResult{Name: p, Error: a.importError(p, err).Error()})
		} else if len(found) == 0 {
			early = append(early, FileResult{Name: p, Error: fmt.Sprintf(
				"%s: the folder has no files Sourcebook can import (%s)", p, strings.Join(ingest.Extensions, " "))})
		}
		files = append(files, found...)
	}
	out := a.importMany(ctx, len(files), func(i int) (item, error) {
		data, err := a.readFile(files[i])
		return item{name: files[i], data: data}, err
	}, storyID, progress)
	return append(early, out...), nil
}

// findImportable lists the importable files under dir, in name order.
func findImportable(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // an unreadable subfolder: skip it
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && (strings.HasSuffix(name, "_files") || strings.HasSuffix(name, "-Dateien") || name == "node_modules") {
				return filepath.SkipDir // a saved page's images and scripts
			}
			return nil
		}
		if d.Type().IsRegular() && ingest.Importable(name) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// fileError says why a path cannot be imported.
type fileError string

func (e fileError) Error() string { return string(e) }

// readFile reads a file of at most MaxImportBytes without ever holding more
// than that in memory.
func (a *App) readFile(path string) ([]byte, error) {
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
	if fi.Mode().IsRegular() && fi.Size() > a.opts.MaxImportBytes {
		return nil, ingest.TooLarge(fi.Size(), a.opts.MaxImportBytes)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ingest.ReadLimit(f, a.opts.MaxImportBytes)
}

// ImportReader imports text read from r (the command line's standard input)
// under the given name, as ImportFiles does. It is a function, not a method,
// so that the UI's API (App's methods) takes only JSON-friendly arguments.
func ImportReader(a *App, name string, r io.Reader, storyID int64) (FileResult, error) {
	if err := a.checkStory(storyID); err != nil {
		return FileResult{}, err
	}
	data, err := ingest.ReadLimit(r, a.opts.MaxImportBytes)
	if err != nil {
		return FileResult{Name: name, Error: a.importError(name, err).Error()}, nil
	}
	return a.importMany(a.ctx, 1, func(int) (item, error) {
		return item{name: name, data: data}, nil
	}, storyID, nil)[0], nil
}

// item is one thing to import.
type item struct {
	name        string
	data        []byte
	contentType string // from an HTTP response
	url         string // where it was fetched from
	title       string // the user's title, if any
	pasted      bool   // pasted text: never sniffed as HTML
}

// extracted is an item's document, ready to store.
type extracted struct {
	item
	doc       document.Doc
	mediaType string
	hash      string
	quotes    []quote.Quote // the quotations found in doc
	// quotesFailed says detection failed: the source is stored without
	// quotes and marked for another try.
	quotesFailed bool
}

// extract turns an item into a document. It touches no database, so items
// are extracted in parallel.
func (a *App) extract(it item) (extracted, error) {
	var doc document.Doc
	var mediaType string
	if it.pasted {
		text, err := ingest.Text(it.data)
		if err != nil {
			return extracted{}, err
		}
		doc, mediaType = textextract.Text(text), ingest.MediaText
	} else {
		var err error
		doc, mediaType, err = ingest.Document(ingest.Input{
			Name: it.name, Data: it.data, ContentType: it.contentType, URL: it.url,
		})
		if err != nil {
			return extracted{}, err
		}
	}
	if t := strings.Join(strings.Fields(it.title), " "); t != "" {
		doc.Meta.Title = t
	}
	if err := ingest.Finish(&doc); err != nil {
		return extracted{}, err
	}
	if doc.Meta.URL == "" {
		doc.Meta.URL = it.url
	}
	doc.Meta.URL = cleanURL(doc.Meta.URL)
	ex := extracted{item: it, doc: doc, mediaType: mediaType, hash: ingest.Hash(doc.Content())}
	var err error
	if ex.quotes, err = safeDetect(doc.Text, doc.Blocks); err != nil {
		// The source is still worth importing; its quotes are tried again
		// when the notebook is next opened.
		a.opts.Log.Error("could not detect quotes", "file", it.name, "err", err)
		ex.quotesFailed = true
	}
	return ex, nil
}

// importMany imports n items: load(i) gives item i. Items are read and
// extracted by a few workers in parallel and stored one by one by the
// calling goroutine, so at most a few items are in memory at once. When ctx
// is cancelled, items not yet started are reported as cancelled.
func (a *App) importMany(ctx context.Context, n int, load func(i int) (item, error), storyID int64, progress Progress) []FileResult {
	out := make([]FileResult, n)
	if n == 0 {
		return out
	}
	type done struct {
		i   int
		ex  extracted
		err error
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	jobs := make(chan int)
	results := make(chan done, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				it, err := load(i)
				var ex extracted
				if err == nil {
					ex, err = a.safeExtract(it)
				}
				ex.name = it.name
				if ex.name == "" {
					ex.name = fmt.Sprintf("file %d", i+1)
				}
				results <- done{i, ex, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	finished := 0
	seen := make([]bool, n)
	for d := range results {
		seen[d.i] = true
		var r FileResult
		if d.err != nil {
			r = FileResult{Name: d.ex.name, Error: a.importError(d.ex.name, d.err).Error()}
		} else if res, err := a.store(d.ex, storyID); err != nil {
			r = FileResult{Name: d.ex.name, Error: a.importError(d.ex.name, err).Error()}
		} else {
			r = FileResult{Name: d.ex.name, Source: &res.Source, Duplicate: res.Duplicate}
		}
		out[d.i] = r
		finished++
		if progress != nil {
			progress(finished, n, r)
		}
	}
	for i := range out {
		if !seen[i] {
			out[i] = FileResult{Name: fmt.Sprintf("file %d", i+1), Error: "cancelled before it was imported"}
		}
	}
	return out
}

// safeExtract is extract with a recover: a bug in an extractor fails one
// file, never the batch or the process.
func (a *App) safeExtract(it item) (ex extracted, err error) {
	defer func() {
		if p := recover(); p != nil {
			a.opts.Log.Error("extractor panicked", "file", it.name, "panic", p)
			err = errExtractorPanic
		}
	}()
	return a.extract(it)
}

var errExtractorPanic = errors.New("app: the extractor failed on this file")

// store writes an extracted item in one transaction: the duplicate check,
// the source row, its quotes (linked to the other occurrences of the same
// utterances) and the story membership land together or not at all.
func (a *App) store(ex extracted, storyID int64) (ImportResult, error) {
	doc := ex.doc
	authors, err := json.Marshal(orEmptyStrings(doc.Meta.Authors))
	if err != nil {
		return ImportResult{}, err
	}
	blocks, err := json.Marshal(orEmptyBlocks(doc.Blocks))
	if err != nil {
		return ImportResult{}, err
	}
	kind := doc.Meta.Kind
	if !validKind(kind) {
		kind = "article"
	}
	body := doc.Content()
	now := a.now()
	var res ImportResult
	err = a.quoteTx(func(q *db.Queries, log *ixLog) error {
		if storyID != 0 {
			if err := a.checkStoryQ(q, storyID); err != nil {
				return err
			}
		}
		id, err := q.SourceFindByHash(a.ctx, ex.hash)
		if isNoRows(err) && doc.Meta.URL != "" {
			id, err = q.SourceFindByURL(a.ctx, doc.Meta.URL)
		}
		switch {
		case err == nil:
			res.Duplicate = true
		case isNoRows(err):
			id, err = q.SourceCreate(a.ctx, db.SourceCreateParams{
				UUID:         a.opts.NewUUID(),
				Title:        doc.Meta.Title,
				Outlet:       doc.Meta.Outlet,
				Authors:      string(authors),
				URL:          doc.Meta.URL,
				Published:    doc.Meta.Published,
				Updated:      doc.Meta.Updated,
				Kind:         kind,
				Lang:         doc.Meta.Lang,
				Text:         doc.Text,
				Words:        int64(ingest.Words(body)),
				Original:     ex.data,
				MediaType:    ex.mediaType,
				OriginalName: originalName(ex.item),
				ContentHash:  ex.hash,
				ImportedAt:   now,
				ModifiedAt:   now,
				Blocks:       string(blocks),
				Body:         body,
				Description:  doc.Meta.Description,
				Extractor:    doc.Extractor,
			})
			if err != nil {
				return err
			}
			if _, err := a.addDetectedQ(q, log, id, doc.Text, ex.quotes); err != nil {
				return err
			}
			if !ex.quotesFailed {
				if err := q.SourceSetQuotesVersion(a.ctx, db.SourceSetQuotesVersionParams{QuotesVersion: detectorVersion, ID: id}); err != nil {
					return err
				}
			}
		default:
			return err
		}
		if storyID != 0 {
			if err := q.StorySourceAdd(a.ctx, db.StorySourceAddParams{
				UUID: a.opts.NewUUID(), StoryID: storyID, SourceID: id, AddedAt: now,
			}); err != nil {
				return err
			}
		}
		res.Source, err = a.summaryQ(q, id)
		return err
	})
	return res, err
}

func originalName(it item) string {
	if it.pasted || it.name == "standard input" {
		return ""
	}
	if it.url != "" {
		return it.url
	}
	return filepath.Base(it.name)
}

// importError turns an import failure into a user message that starts with
// the file's name.
func (a *App) importError(name string, err error) error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	base := name
	if !strings.Contains(name, "://") {
		base = filepath.Base(name)
	}
	var fe fileError
	var pe *fs.PathError
	switch {
	case errors.Is(err, ingest.ErrTooLarge):
		return &Error{Code: CodeTooLarge, Message: fmt.Sprintf("%s: %v", base, err), Err: err}
	case isExtractError(err):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: %v", base, err), Err: err}
	case errors.Is(err, errExtractorPanic):
		return &Error{Code: CodeInternal, Message: fmt.Sprintf("%s: the extractor failed on this file (details are in the log)", base), Err: err}
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Code: CodeNotFound, Message: fmt.Sprintf("%s: no such file", name), Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: permission denied", name), Err: err}
	case errors.As(err, &fe):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: %s", name, fe), Err: err}
	case errors.As(err, &pe):
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("%s: %v", name, pe.Err), Err: err}
	}
	return a.internal("import "+base, err)
}

// isExtractError reports whether err is an extractor's error, whose
// message is meant for users.
func isExtractError(err error) bool {
	var ie *ingest.Error
	var he *htmlextract.Error
	return errors.As(err, &ie) || errors.As(err, &he)
}

func orEmptyStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orEmptyBlocks(b []document.Block) []document.Block {
	if b == nil {
		return []document.Block{}
	}
	return b
}
