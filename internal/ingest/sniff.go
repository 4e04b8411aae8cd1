package ingest

import (
	"bytes"
	"fmt"
)

// signature is a file format recognised by the bytes it starts with.
type signature struct {
	offset int
	magic  string
	name   string // completes "it looks like …"
	// weak marks magic numbers that ordinary text could start with ("MZ",
	// "ID3"); those name the format only when the data is not text anyway.
	weak bool
}

// signatures lists the formats users are likely to drop on the window by
// mistake. Order matters only where one magic number is a prefix of another.
var signatures = []signature{
	{0, "%PDF-", "a PDF document", false},
	{0, "\x89PNG\r\n\x1a\n", "a PNG image", false},
	{0, "\xff\xd8\xff", "a JPEG image", false},
	{0, "GIF87a", "a GIF image", true},
	{0, "GIF89a", "a GIF image", true},
	{0, "II*\x00", "a TIFF image", false},
	{0, "MM\x00*", "a TIFF image", false},
	{8, "WEBP", "a WebP image", true},
	{4, "ftypheic", "a HEIC image", true},
	{4, "ftypavif", "an AVIF image", true},
	{4, "ftyp", "an audio or video file", true},
	{8, "WAVE", "a WAV audio file", true},
	{8, "AVI ", "an AVI video", true},
	{0, "ID3", "an MP3 audio file", true},
	{0, "OggS\x00", "an Ogg audio file", false},
	{0, "fLaC", "a FLAC audio file", true},
	{0, "\x1a\x45\xdf\xa3", "a Matroska or WebM video", false},
	{0, "PK\x03\x04", "a ZIP archive", false},
	{0, "PK\x05\x06", "a ZIP archive", false},
	{0, "\x1f\x8b", "a gzip archive", false},
	{0, "BZh", "a bzip2 archive", true},
	{0, "\xfd7zXZ\x00", "an xz archive", false},
	{0, "\x28\xb5\x2f\xfd", "a Zstandard archive", false},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive", false},
	{0, "Rar!\x1a\x07", "a RAR archive", false},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Microsoft Office document (.doc, .xls or .ppt)", false},
	{0, "{\\rtf", "an RTF document; save it as plain text", false},
	{0, "SQLite format 3\x00", "an SQLite database", false},
	{0, "\x7fELF", "a program, not a document", false},
	{0, "MZ", "a Windows program, not a document", true},
	{0, "\xcf\xfa\xed\xfe", "a program, not a document", false},
	{0, "\x00asm", "a WebAssembly module", false},
	{0, "wOFF", "a font file", true},
	{0, "wOF2", "a font file", true},
}

// zipKinds refines "a ZIP archive" for the office and e-book formats that are
// ZIP files inside; the names of their first entries appear early.
var zipKinds = []struct{ marker, name string }{
	{"mimetypeapplication/epub+zip", "an EPUB e-book"},
	{"word/", "a Word document (.docx)"},
	{"xl/", "an Excel spreadsheet (.xlsx)"},
	{"ppt/", "a PowerPoint presentation (.pptx)"},
	{"mimetypeapplication/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"},
	{"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file"},
}

// sniff returns an *Error when data is clearly not UTF-8 text, naming the
// format when it recognises one, and nil otherwise. It does not check that
// the data is valid UTF-8; Text does that next.
func sniff(data []byte) *Error {
	hasNUL := bytes.IndexByte(data, 0) >= 0
	for _, s := range signatures {
		if len(data) < s.offset+len(s.magic) || string(data[s.offset:s.offset+len(s.magic)]) != s.magic {
			continue
		}
		if s.weak && !hasNUL {
			continue
		}
		name := s.name
		if s.name == "a ZIP archive" {
			name = zipKind(data)
		}
		return &Error{Op: "text", Err: ErrBinary, Reason: "it looks like " + name}
	}
	if enc := utf16or32(data); enc != "" {
		return &Error{Op: "text", Err: ErrNotUTF8, Reason: fmt.Sprintf("it is %s text; save it as UTF-8", enc)}
	}
	if hasNUL {
		return &Error{Op: "text", Err: ErrBinary, Reason: "it contains binary data"}
	}
	return nil
}

func zipKind(data []byte) string {
	head := data[:min(len(data), 64<<10)]
	for _, k := range zipKinds {
		if bytes.Contains(head, []byte(k.marker)) {
			return k.name
		}
	}
	return "a ZIP archive"
}

// utf16or32 names the encoding of text saved as UTF-16 or UTF-32, which users
// get from some Windows tools, or returns "". It trusts a byte order mark and
// otherwise looks for the NUL bytes ASCII text has in every other (or every
// fourth) byte.
func utf16or32(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		return "UTF-32"
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "UTF-16"
	}
	head := data[:min(len(data), 1024)]
	if len(head) < 8 {
		return ""
	}
	var zeros [4]int
	for i, b := range head {
		if b == 0 {
			zeros[i%4]++
		}
	}
	quarter := len(head) / 4
	even, odd := zeros[0]+zeros[2], zeros[1]+zeros[3]
	switch {
	// UTF-32: three of every four bytes are NUL for ASCII text.
	case (zeros[1] > quarter*3/4 && zeros[2] > quarter*3/4) && (zeros[0] > quarter*3/4 || zeros[3] > quarter*3/4):
		return "UTF-32"
	// UTF-16: one byte of each pair is NUL, the other almost never.
	case even > quarter*2*3/4 && odd < quarter*2/10, odd > quarter*2*3/4 && even < quarter*2/10:
		return "UTF-16"
	}
	return ""
}
