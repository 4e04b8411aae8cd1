package ingest

import (
	"path/filepath"
	"strings"

	"sourcebook/internal/document"
	"sourcebook/internal/htmlextract"
	"sourcebook/internal/textextract"
)

// Formats Document recognises, as media types.
const (
	MediaHTML     = "text/html"
	MediaMHTML    = "multipart/related"
	MediaMarkdown = "text/markdown; charset=utf-8"
	MediaText     = "text/plain; charset=utf-8"
)

// Extensions lists the file name extensions Document imports, for callers
// that pick files out of a folder. Any other file is still imported when its
// content is recognised.
var Extensions = []string{".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".txt", ".text", ".md", ".markdown"}

// Importable reports whether a file name has one of Extensions.
func Importable(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Input is one thing to import.
type Input struct {
	Name        string // file name, for choosing the format; may be empty
	Data        []byte // the bytes as given
	ContentType string // an HTTP Content-Type when the data was fetched
	URL         string // where the data was fetched from, if it was
}

// Document extracts a document from in: a web page (HTML or MHTML) by its
// extension, content type or content, Markdown by its extension, else plain
// text. It returns the document and the media type of the original. Errors
// are *Error or the extractors' own errors, whose messages read well after
// the file's name.
func Document(in Input) (document.Doc, string, error) {
	if len(in.Data) > MaxBytes {
		return document.Doc{}, "", tooLarge("document", int64(len(in.Data)))
	}
	ext := strings.ToLower(filepath.Ext(in.Name))
	ct := strings.ToLower(in.ContentType)
	switch {
	case ext == ".mhtml" || ext == ".mht" || strings.HasPrefix(ct, "multipart/related") ||
		htmlextract.LooksLikeMHTML(in.Data):
		doc, err := htmlextract.MHTML(in.Data)
		return doc, MediaMHTML, err
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml" ||
		strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "application/xhtml") ||
		(ext != ".txt" && ext != ".md" && htmlextract.LooksLikeHTML(in.Data)):
		doc, err := htmlextract.HTML(in.Data, htmlextract.Options{URL: in.URL, ContentType: in.ContentType})
		return doc, MediaHTML, err
	}
	text, err := Text(in.Data)
	if err != nil {
		return document.Doc{}, "", err
	}
	if ext == ".md" || ext == ".markdown" || strings.HasPrefix(ct, "text/markdown") {
		return textextract.Markdown(text), MediaMarkdown, nil
	}
	doc := textextract.Text(text)
	if doc.Meta.URL == "" && in.URL != "" {
		doc.Meta.URL = in.URL
	}
	return doc, MediaText, nil
}

// Finish fills what an extractor left empty: a title from the content's
// first line, and checks that some content is left. It returns ErrEmpty
// when every block is boilerplate.
func Finish(doc *document.Doc) error {
	content := doc.Content()
	if strings.TrimSpace(content) == "" {
		if strings.TrimSpace(doc.Text) == "" {
			return &Error{Op: "document", Err: ErrEmpty}
		}
		// Everything looked like boilerplate: keep it all rather than
		// store an empty source; the user can mark blocks later.
		for i := range doc.Blocks {
			doc.Blocks[i].Boilerplate = ""
		}
		content = doc.Content()
	}
	if strings.TrimSpace(doc.Meta.Title) == "" {
		doc.Meta.Title = Title(content)
	}
	doc.Meta.Title = strings.Join(strings.Fields(doc.Meta.Title), " ")
	return nil
}
