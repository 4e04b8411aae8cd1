package cite

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"sourcebook/internal/export"
)

// bibType is the biblatex entry type of s.
func bibType(s export.Source) string {
	switch s.Kind {
	case "article":
		if strings.TrimSpace(s.Outlet) != "" {
			return "article"
		}
		return "online"
	case "post", "blog":
		return "online"
	case "filing":
		return "misc"
	}
	if s.URL != "" {
		return "online"
	}
	return "misc"
}

// Escape returns s as the text of a braced BibTeX field: the LaTeX
// specials { } % & $ # _ ~ ^ \ escaped, whitespace and control characters
// joined into single spaces, everything else kept as UTF-8.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '%', '&', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibName writes a name the way BibTeX splits names: "von Last, Jr,
// First", or a braced literal that BibTeX keeps whole.
func bibName(n Name) string {
	if n.Literal != "" {
		return "{" + Escape(n.Literal) + "}"
	}
	part := func(s string) string {
		e := Escape(s)
		// A part holding "and" or a comma would split the name list or
		// the name: keep it whole.
		if strings.Contains(" "+strings.ToLower(s)+" ", " and ") || strings.Contains(s, ",") {
			return "{" + e + "}"
		}
		return e
	}
	out := part(n.Family)
	if n.Particle != "" {
		out = part(n.Particle) + " " + out
	}
	if n.Suffix != "" {
		out += ", " + part(n.Suffix)
		if n.Given == "" {
			out += ","
		}
	}
	if n.Given != "" {
		out += ", " + part(n.Given)
	}
	return out
}

// WriteBibTeX writes every source of nb to w as a biblatex entry (UTF-8),
// keyed as [Keys] says. It stops at ctx's cancellation; the caller writes
// to a temporary file and renames it. Errors are wrapped with "cite: ".
func WriteBibTeX(ctx context.Context, nb export.Notebook, w io.Writer, progress export.Progress) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	keys := NewKeys()
	bw.WriteString("% Exported from Sourcebook: biblatex, UTF-8.\n")
	err := eachSource(ctx, nb, progress, func(s export.Source) error {
		writeEntry(bw, s, keys.Key(s))
		return nil
	})
	if err != nil {
		return fmt.Errorf("cite: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cite: %w", err)
	}
	return nil
}

func writeEntry(w *bufio.Writer, s export.Source, key string) {
	fmt.Fprintf(w, "\n@%s{%s,\n", bibType(s), key)
	field := func(name, value string) {
		if value == "" {
			return
		}
		fmt.Fprintf(w, "  %s = {%s},\n", name, value)
	}
	var names []string
	for _, a := range s.Authors {
		if n := ParseName(a); n != (Name{}) {
			names = append(names, bibName(n))
		}
	}
	field("author", strings.Join(names, " and "))
	field("title", Escape(s.Title))
	switch bibType(s) {
	case "article":
		// "journal", not biblatex's "journaltitle": every BibTeX reader
		// knows it, and biber maps it to journaltitle.
		field("journal", Escape(s.Outlet))
		field("entrysubtype", "newspaper")
	default:
		field("organization", Escape(s.Outlet))
	}
	if s.Kind == "filing" {
		field("type", "Court filing")
	}
	if p := dateParts(s.Published); p != nil {
		field("date", isoDate(p))
		field("year", fmt.Sprintf("%04d", p[0]))
	}
	if u := webURL(s.URL); u != "" {
		field("url", u)
		if p := dateParts(s.ImportedAt); len(p) == 3 {
			field("urldate", isoDate(p))
		}
	}
	field("langid", langid(s.Lang))
	field("abstract", Escape(s.Description))
	field("keywords", Escape(strings.Join(s.Tags, ", ")))
	w.WriteString("}\n")
}

// langid maps a BCP 47 tag to the babel/polyglossia name biblatex's langid
// takes; "" when unknown.
func langid(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	return map[string]string{
		"en": "english", "de": "ngerman", "fr": "french", "es": "spanish", "it": "italian", "pt": "portuguese",
		"nl": "dutch", "sv": "swedish", "da": "danish", "nb": "norsk", "no": "norsk", "fi": "finnish",
		"pl": "polish", "cs": "czech", "ru": "russian", "uk": "ukrainian", "el": "greek", "tr": "turkish",
		"hu": "magyar", "ro": "romanian", "hi": "hindi", "ja": "japanese", "zh": "chinese", "ar": "arabic",
	}[base]
}
