package htmlextract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// signature is a file format recognised by the bytes it starts with.
type signature struct {
	offset int
	magic  string
	name   string // completes "it looks like …"
}

// signatures lists binary formats a user may have renamed or mistaken for a
// saved page. A page never starts with any of these bytes.
var signatures = []signature{
	{0, "%PDF-", "a PDF document"},
	{0, "\x89PNG\r\n\x1a\n", "a PNG image"},
	{0, "\xff\xd8\xff", "a JPEG image"},
	{0, "GIF87a", "a GIF image"},
	{0, "GIF89a", "a GIF image"},
	{0, "II*\x00", "a TIFF image"},
	{0, "MM\x00*", "a TIFF image"},
	{8, "WEBP", "a WebP image"},
	{4, "ftypheic", "a HEIC image"},
	{4, "ftypavif", "an AVIF image"},
	{4, "ftyp", "an audio or video file"},
	{8, "WAVE", "a WAV audio file"},
	{8, "AVI ", "an AVI video"},
	{0, "ID3", "an MP3 audio file"},
	{0, "OggS\x00", "an Ogg audio file"},
	{0, "fLaC", "a FLAC audio file"},
	{0, "\x1a\x45\xdf\xa3", "a Matroska or WebM video"},
	{0, "PK\x03\x04", "a ZIP archive"},
	{0, "PK\x05\x06", "a ZIP archive"},
	{0, "\x1f\x8b", "a gzip archive"},
	{0, "BZh", "a bzip2 archive"},
	{0, "\xfd7zXZ\x00", "an xz archive"},
	{0, "\x28\xb5\x2f\xfd", "a Zstandard archive"},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{0, "Rar!\x1a\x07", "a RAR archive"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Microsoft Office document"},
	{0, "{\\rtf", "an RTF document"},
	{0, "SQLite format 3\x00", "an SQLite database"},
	{0, "\x7fELF", "a program"},
	{0, "MZ", "a Windows program"},
	{0, "\xcf\xfa\xed\xfe", "a program"},
	{0, "\x00asm", "a WebAssembly module"},
	{0, "wOFF", "a font file"},
	{0, "wOF2", "a font file"},
}

// sniffBinary returns an error naming the format when data is clearly not a
// web page (a known binary signature, or NUL bytes that are not UTF-16), and
// nil otherwise.
func sniffBinary(data []byte) *Error {
	for _, s := range signatures {
		if len(data) >= s.offset+len(s.magic) && string(data[s.offset:s.offset+len(s.magic)]) == s.magic {
			// "MZ", "BZh" and "ID3" could begin a text file; trust them only
			// when there is binary data as well.
			if len(s.magic) <= 3 && s.offset == 0 && !hasNUL(data) && s.magic != "\xff\xd8\xff" && s.magic != "\x1f\x8b" {
				continue
			}
			return notHTML("it looks like " + s.name)
		}
	}
	if hasNUL(data) && utf16Order(data) == "" {
		return notHTML("it contains binary data")
	}
	return nil
}

func hasNUL(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), 8<<10)], 0) >= 0
}

// utf16Order recognises UTF-16 text without a byte order mark by the NUL
// bytes ASCII markup has in every other byte: "le", "be" or "".
func utf16Order(data []byte) string {
	head := data[:min(len(data), 1024)]
	if len(head) < 16 {
		return ""
	}
	var even, odd int
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case odd > half*8/10 && even < half/10:
		return "le"
	case even > half*8/10 && odd < half/10:
		return "be"
	}
	return ""
}

// htmlStarts are the tags the WHATWG MIME sniffing standard recognises as
// the start of an HTML document, lowercased, without "<".
var htmlStarts = []string{
	"!doctype html", "html", "head", "script", "iframe", "h1", "div", "font",
	"table", "a", "style", "title", "b", "body", "br", "p", "meta", "link",
}

// LooksLikeHTML reports whether data starts like a web page: after an
// optional byte order mark, whitespace, comments and an XML declaration,
// the first tag is <!DOCTYPE html>, <html>, <head>, <body> or another tag
// pages start with.
func LooksLikeHTML(data []byte) bool {
	s := sniffPrefix(data)
	for range 32 { // skip a bounded number of comments and declarations
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			end := bytes.Index(s[4:], []byte("-->"))
			if end < 0 {
				return false
			}
			s = s[4+end+3:]
			continue
		case bytes.HasPrefix(s, []byte("<?xml")):
			end := bytes.Index(s, []byte("?>"))
			if end < 0 {
				return false
			}
			s = s[end+2:]
			continue
		}
		break
	}
	if len(s) < 2 || s[0] != '<' {
		return false
	}
	lower := bytes.ToLower(s[1:min(len(s), 32)])
	for _, t := range htmlStarts {
		if bytes.HasPrefix(lower, []byte(t)) && len(lower) > len(t) {
			if c := lower[len(t)]; c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' {
				return true
			}
		}
	}
	return false
}

// sniffPrefix returns the first 4 KB of data as UTF-8-ish bytes: without a
// byte order mark, and with UTF-16 narrowed to its low bytes so that tags can
// be recognised.
func sniffPrefix(data []byte) []byte {
	head := data[:min(len(data), 4<<10)]
	order := ""
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		return head[3:]
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		order, head = "le", head[2:]
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		order, head = "be", head[2:]
	default:
		order = utf16Order(head)
	}
	if order == "" {
		return head
	}
	out := make([]byte, 0, len(head)/2)
	for i := 0; i+1 < len(head); i += 2 {
		lo, hi := head[i], head[i+1]
		if order == "be" {
			lo, hi = hi, lo
		}
		if hi != 0 {
			lo = '?'
		}
		out = append(out, lo)
	}
	return out
}

// decode returns data as valid UTF-8 in NFC. The encoding is, in order: a
// byte order mark, the charset of contentType, a <meta> charset declaration
// (unless it names a single-byte encoding and the bytes are valid UTF-8,
// the usual mistake of a page saved or edited as UTF-8), UTF-8 when the
// bytes are valid UTF-8, else what a statistical detector recognises, and
// windows-1252 as the web's default.
func decode(data []byte, contentType string) string {
	enc := detectEncoding(data, contentType)
	var s string
	if enc == nil {
		s = string(data)
	} else {
		// Decoders never fail on bad input; they substitute U+FFFD.
		b, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			s = string(data)
		} else {
			s = string(b)
		}
	}
	s = strings.TrimPrefix(s, "\ufeff")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	return norm.NFC.String(s)
}

// detectEncoding returns the encoding of data, or nil for UTF-8.
func detectEncoding(data []byte, contentType string) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return nil
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	switch utf16Order(data) {
	case "le":
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "be":
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			if e, name := charset.Lookup(params["charset"]); e != nil {
				return utf8OrNil(e, name)
			}
		}
	}
	if e, name := metaCharset(data); e != nil {
		if name != "utf-8" && isSingleByte(name) && looksUTF8(data) {
			return nil
		}
		return utf8OrNil(e, name)
	}
	if utf8.Valid(data) {
		return nil
	}
	return sniffEncoding(data)
}

func utf8OrNil(e encoding.Encoding, name string) encoding.Encoding {
	if name == "utf-8" {
		return nil
	}
	return e
}

func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859-") ||
		strings.HasPrefix(name, "koi8") || name == "macintosh" || name == "ibm866" || name == "x-mac-cyrillic"
}

// looksUTF8 reports whether data is valid UTF-8 with some multi-byte
// characters in it: text in a legacy encoding practically never is.
func looksUTF8(data []byte) bool {
	high := false
	for _, c := range data {
		if c >= 0x80 {
			high = true
			break
		}
	}
	return high && utf8.Valid(data)
}

// metaCharset finds a <meta charset> or <meta http-equiv="Content-Type">
// declaration in the head of the document, as browsers do but looking a
// little further than their 1024 bytes, since saved pages often put long
// comments first. It returns nil when there is none.
func metaCharset(data []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 16<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return nil, ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return nil, ""
			}
			if string(name) != "meta" {
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				}
			}
			if cs == "" && pragma {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					cs = params["charset"]
				} else if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					cs = strings.Trim(content[i+len("charset="):], ` "';`)
				}
			}
			if cs == "" {
				continue
			}
			e, n := charset.Lookup(strings.TrimSpace(cs))
			if e == nil {
				continue
			}
			if strings.HasPrefix(n, "utf-16") { // a declaration in ASCII cannot be true
				return encoding.Nop, "utf-8"
			}
			return e, n
		}
	}
}

// sniffEncoding guesses the encoding of undeclared, non-UTF-8 data with the
// ICU-derived detector, falling back to windows-1252 (what browsers assume
// for Western pages, and a superset of ISO-8859-1).
func sniffEncoding(data []byte) encoding.Encoding {
	fallback, _ := charset.Lookup("windows-1252")
	res, err := chardet.NewHtmlDetector().DetectBest(data[:min(len(data), 64<<10)])
	if err != nil || res == nil || res.Confidence < 30 {
		return fallback
	}
	e, name := charset.Lookup(res.Charset)
	if e == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") || name == "replacement" {
		return fallback
	}
	return e
}
