package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text validates data as plain text and returns it normalised for storage.
//
// It returns an [*Error] wrapping
//   - [ErrTooLarge] when data is longer than [MaxBytes];
//   - [ErrBinary] when data is a recognised binary format (the message names
//     it: "it looks like a PDF document") or contains NUL bytes;
//   - [ErrNotUTF8] when data is UTF-16 or UTF-32 text, or is not valid UTF-8
//     (the message gives the byte offset and line of the first invalid byte);
//   - [ErrEmpty] when nothing but whitespace and control characters remains.
//
// Normalisation, in this order:
//   - every U+FEFF is removed: a byte order mark at the start, and the stray
//     ones that concatenated files leave inside (its other meaning, zero
//     width no-break space, is deprecated);
//   - line breaks become "\n": CRLF, CR, NEL (U+0085), vertical tab and the
//     line separator U+2028; form feed and the paragraph separator U+2029
//     become "\n\n" (a paragraph break);
//   - other control characters (Unicode category Cc) except tab are removed;
//   - the text is put in Unicode Normalization Form C;
//   - whitespace (as [unicode.IsSpace], so including no-break spaces) is
//     removed from the end of every line;
//   - runs of blank lines become one blank line, so paragraphs are separated
//     by exactly "\n\n" and a single "\n" is a line break inside one;
//   - leading and trailing whitespace of the whole text is removed.
//
// Everything else is kept exactly, including quote marks, dashes, leading
// indentation and format characters such as soft hyphens: the stored text is
// what users quote. Text is idempotent: Text(Text(x)) == Text(x).
func Text(data []byte) (string, error) {
	if len(data) > MaxBytes {
		return "", tooLarge("text", int64(len(data)))
	}
	if len(data) == 0 {
		return "", &Error{Op: "text", Err: ErrEmpty, Reason: "it is empty"}
	}
	if err := sniff(data); err != nil {
		return "", err
	}
	if !utf8.Valid(data) {
		off := invalidUTF8(data)
		line := 1 + bytes.Count(data[:off], []byte{'\n'})
		return "", &Error{Op: "text", Err: ErrNotUTF8, Reason: fmt.Sprintf(
			"invalid byte 0x%02X at byte offset %d (line %d); save it as UTF-8", data[off], off, line)}
	}
	s := normalize(string(data))
	// Removing a BOM, spaces or control characters can bare a signature
	// ("\uFEFF%PDF-"); checking again keeps Text idempotent. Signatures
	// sit at the start, so the head is enough.
	if err := sniff([]byte(s[:min(len(s), 64<<10)])); err != nil {
		return "", err
	}
	if s == "" {
		return "", &Error{Op: "text", Err: ErrEmpty, Reason: "it contains only whitespace"}
	}
	return s, nil
}

// invalidUTF8 returns the offset of the first byte of data that does not
// start a valid UTF-8 sequence, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// normalize applies Text's rules to valid UTF-8.
func normalize(s string) string {
	// Pass 1: byte order marks, line breaks and control characters. This
	// must come before NFC: removing a control character can bring a base
	// letter and a combining mark together.
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\n', r == '\v', r == 0x85, r == 0x2028:
			b.WriteByte('\n')
		case r == '\f', r == 0x2029:
			b.WriteString("\n\n")
		case r == '\t':
			b.WriteByte('\t')
		case r == 0xFEFF, unicode.IsControl(r):
			// dropped
		default:
			b.WriteString(s[i-n : i])
		}
	}
	s = norm.NFC.String(b.String())

	// Pass 2: trailing whitespace and blank lines. Only whitespace next to
	// a line break or at the ends goes, so the text stays in NFC.
	b.Reset()
	b.Grow(len(s))
	blank := 0 // blank lines seen since the last non-blank one
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return strings.TrimLeftFunc(b.String(), unicode.IsSpace)
}
