package htmlextract

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"sourcebook/internal/document"
)

// MHTML extracts a single-file web archive (.mhtml, .mht) as saved by
// Chrome and Edge: the first text/html part of the MIME message, decoded
// from quoted-printable or base64, with the part's Content-Location (or the
// archive's Snapshot-Content-Location) as the page's URL. It returns the
// same Doc and errors as [HTML], and ErrNotMHTML when the data is not a MIME
// message or holds no web page. The size limit is [MaxBytes].
func MHTML(data []byte) (document.Doc, error) {
	return MHTMLWith(data, Options{})
}

// MHTMLWith is [MHTML] with options: MaxBytes sets the size limit, and URL
// is used when the archive names none. ContentType is ignored; each part
// carries its own.
func MHTMLWith(data []byte, opts Options) (doc document.Doc, err error) {
	defer recoverInternal(&doc, &err)
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = MaxBytes
	}
	if int64(len(data)) > limit {
		return document.Doc{}, tooLarge(int64(len(data)), limit)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return document.Doc{}, errEmpty
	}
	page, err := mhtmlPage(data)
	if err != nil {
		return document.Doc{}, err
	}
	if page.url != "" {
		opts.URL = page.url
	}
	opts.ContentType = page.contentType
	opts.MaxBytes = limit
	return HTML(page.body, opts)
}

type mhtmlPart struct {
	body        []byte
	contentType string
	url         string
}

// maxParts bounds the parts read before the page is found; Chrome puts it
// first.
const maxParts = 10_000

// mhtmlPage finds the web page in an MHTML archive.
func mhtmlPage(data []byte) (mhtmlPart, error) {
	if e := sniffBinary(data); e != nil {
		return mhtmlPart{}, notMHTML(strings.TrimPrefix(e.Reason, "not a web page: "))
	}
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(data)))
	if err != nil {
		return mhtmlPart{}, notMHTML("it has no MIME headers")
	}
	snapshot := safeURL(msg.Header.Get("Snapshot-Content-Location"), nil)
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return mhtmlPart{}, notMHTML("it has no valid Content-Type header")
	}
	if strings.HasPrefix(mediaType, "text/html") {
		// A single page without parts.
		body, err := decodeTransfer(msg.Body, msg.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return mhtmlPart{}, notMHTML("its page is not correctly encoded")
		}
		return mhtmlPart{body, msg.Header.Get("Content-Type"), firstNonEmpty(safeURL(msg.Header.Get("Content-Location"), nil), snapshot)}, nil
	}
	if !strings.HasPrefix(mediaType, "multipart/") || params["boundary"] == "" {
		return mhtmlPart{}, notMHTML("it is not a multipart web archive")
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for range maxParts {
		p, err := mr.NextRawPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return mhtmlPart{}, notMHTML("its parts are malformed")
		}
		ct := p.Header.Get("Content-Type")
		pt, _, _ := mime.ParseMediaType(ct)
		if pt != "text/html" && pt != "application/xhtml+xml" {
			continue
		}
		body, err := decodeTransfer(p, p.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return mhtmlPart{}, notMHTML("its page is not correctly encoded")
		}
		return mhtmlPart{body, ct, firstNonEmpty(safeURL(p.Header.Get("Content-Location"), nil), snapshot)}, nil
	}
	return mhtmlPart{}, notMHTML("it holds no web page")
}

// decodeTransfer reads a part's body, undoing its Content-Transfer-Encoding.
func decodeTransfer(r io.Reader, cte string) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &stripSpace{r: r})
	}
	return io.ReadAll(r)
}

// stripSpace drops the line breaks and spaces base64 bodies are wrapped
// with.
type stripSpace struct{ r io.Reader }

func (s *stripSpace) Read(p []byte) (int, error) {
	for {
		n, err := s.r.Read(p)
		k := 0
		for _, c := range p[:n] {
			if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
				p[k] = c
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// LooksLikeMHTML reports whether data starts like an MHTML archive: MIME
// headers with a multipart/related Content-Type, or Chrome's
// "From: <Saved by Blink>".
func LooksLikeMHTML(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	end := bytes.Index(head, []byte("\r\n\r\n"))
	if e := bytes.Index(head, []byte("\n\n")); e >= 0 && (end < 0 || e < end) {
		end = e
	}
	if end < 0 {
		end = len(head)
	}
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(append(head[:end:end], "\r\n\r\n"...))))
	h, err := tp.ReadMIMEHeader()
	if err != nil && len(h) == 0 {
		return false
	}
	if strings.Contains(h.Get("From"), "Saved by") {
		return true
	}
	mt, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	return err == nil && mt == "multipart/related" && h.Get("Mime-Version") != ""
}
