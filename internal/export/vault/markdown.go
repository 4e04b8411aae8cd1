package vault

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escaper writes plain text as Markdown that Obsidian shows as the same
// text: nothing in it becomes markup, a link, a tag, a block id, math, a
// comment or HTML. It remembers whether it is at the start of a line
// across calls, because list, heading and quote marks matter only there.
type escaper struct {
	w          *bufio.Writer
	lineStart  bool
	linePrefix string // written after each newline ("> " inside a block quote)
	prev       rune
	skip       int // runes of rest already written by a look ahead
}

func newEscaper(w *bufio.Writer, prefix string) *escaper {
	return &escaper{w: w, lineStart: true, linePrefix: prefix}
}

// text writes runes, escaped. next is the rune that follows them in the
// source (0 at the end), for the marks that need a look ahead.
func (e *escaper) text(rs []rune, next rune) {
	for i, r := range rs {
		nr := next
		if i+1 < len(rs) {
			nr = rs[i+1]
		}
		e.rune(r, nr, rs[i+1:])
	}
}

func (e *escaper) rune(r, next rune, rest []rune) {
	w := e.w
	if e.skip > 0 {
		e.skip--
		return
	}
	if r == '\r' {
		return
	}
	if r == '\n' {
		w.WriteByte('\n')
		w.WriteString(e.linePrefix)
		e.lineStart = true
		e.prev = r
		return
	}
	if e.lineStart {
		// Indentation would make an indented code block; it carries no
		// meaning in extracted text.
		if r == ' ' || r == '\t' {
			return
		}
		e.lineStart = false
		switch r {
		case '-', '+', '>', '=', '~', '_', '|', ':':
			w.WriteByte('\\')
			w.WriteRune(r)
			e.prev = r
			return
		}
		if r >= '0' && r <= '9' {
			// "1. " and "1) " start an ordered list: escape the mark.
			n := 0
			for n < len(rest) && n < 9 && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n < len(rest) && (rest[n] == '.' || rest[n] == ')') {
				w.WriteRune(r)
				for _, d := range rest[:n] {
					w.WriteRune(d)
				}
				w.WriteByte('\\')
				w.WriteRune(rest[n])
				// The caller still walks rest: skip it by marking these
				// runes as written.
				e.skip = n + 1
				e.prev = rest[n]
				return
			}
		}
	}
	if r < 128 && !special[r] {
		w.WriteByte(byte(r))
		e.prev = r
		return
	}
	switch {
	case r == '<':
		w.WriteString("&lt;")
	case r == '&' && entityAhead(rest):
		w.WriteString("&amp;")
	case r == '\\', r == '`', r == '*', r == '[', r == ']', r == '#', r == '$', r == '^':
		w.WriteByte('\\')
		w.WriteRune(r)
	case r == '_' && !(isWord(e.prev) && isWord(next)):
		w.WriteByte('\\')
		w.WriteRune(r)
	case (r == '=' || r == '~' || r == '%') && (next == r || e.prev == r):
		w.WriteByte('\\')
		w.WriteRune(r)
	case r == '\u0000' || (unicode.IsControl(r) && r != '\t'):
		// dropped
	case r == utf8.RuneError:
		w.WriteRune(r)
	default:
		w.WriteRune(r)
	}
	e.prev = r
}

// special are the ASCII characters rune looks at twice.
var special = func() (t [128]bool) {
	for _, c := range "<&\\`*[]#$^_=~%\r\n\t" {
		t[c] = true
	}
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t[0x7f] = true
	return t
}()

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// entityAhead reports whether rest starts like an HTML entity's name
// ("amp;", "#169;"), which Markdown would decode.
func entityAhead(rest []rune) bool {
	for i, r := range rest {
		if i > 32 {
			return false
		}
		switch {
		case r == ';':
			return i > 0
		case r == '#' && i == 0, r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		default:
			return false
		}
	}
	return false
}

// escapeInline returns s escaped for use inside a line (a heading, a
// list item): newlines become spaces.
func escapeInline(s string) string {
	var sb strings.Builder
	w := bufio.NewWriterSize(&sb, 256)
	e := newEscaper(w, "")
	e.lineStart = false
	rs := []rune(strings.Join(strings.Fields(s), " "))
	e.text(rs, 0)
	w.Flush()
	return sb.String()
}

// linkText makes s safe as the shown text of a wiki link: no brackets,
// pipes or newlines that would end the link early.
func linkText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '[':
			return '('
		case ']':
			return ')'
		case '|':
			return '-'
		case '\n', '\r', '\t':
			return ' '
		case '#', '^':
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "�"))
	return strings.Join(strings.Fields(s), " ")
}

// link writes [[folder/name#anchor|text]]; anchor and text may be empty.
func link(folder, name, anchor, text string) string {
	var b strings.Builder
	b.WriteString("[[")
	if name != "" {
		b.WriteString(folder)
		b.WriteByte('/')
		b.WriteString(name)
	}
	if anchor != "" {
		b.WriteString("#^")
		b.WriteString(anchor)
	}
	if t := linkText(text); t != "" {
		b.WriteByte('|')
		b.WriteString(t)
	}
	b.WriteString("]]")
	return b.String()
}

// yamlString quotes s as a JSON string, which is also a valid YAML
// double-quoted scalar: nothing in s can end the value or the front matter.
func yamlString(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "�") {
		switch {
		case r == '"':
			w.WriteString(`\"`)
		case r == '\\':
			w.WriteString(`\\`)
		case r == '\n':
			w.WriteString(`\n`)
		case r == '\t':
			w.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\uFEFF':
			w.WriteString(`\u`)
			w.WriteByte(hex[r>>12&0xf])
			w.WriteByte(hex[r>>8&0xf])
			w.WriteByte(hex[r>>4&0xf])
			w.WriteByte(hex[r&0xf])
		default:
			w.WriteRune(r)
		}
	}
	w.WriteByte('"')
}

func newBufWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 512) }
