package textextract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylineStart opens a byline: "By Lakshana Raichandani", "Written by …",
// "Author: …". The name must start with a capital, so "By subscribing…"
// and "by the time…" are not bylines.
var bylineStart = regexp.MustCompile(`^(?i:by|written by|words by|reported by|story by|text by|posted by|author|authors)\s*[:\-–—]?\s+(\p{Lu}.*)$`)

// bylineCuts end the names in a byline and start its date, even where the
// page's layout ran them together ("Roshni TamtaFirst Published Apr 3").
var bylineCuts = []string{
	"first published", "originally published", "last updated", "last modified",
	"published", "updated", "posted", "modified",
}

// bylineSeps end the names in a byline: "By A | Reuters", "By A · 3 min read".
var bylineSeps = []string{" | ", " · ", " • ", " - ", " – ", " — ", "|", "·", "•"}

// roles are what follows a name in a byline and is not a name.
var roles = map[string]bool{
	"staff": true, "staff writer": true, "staff reporter": true, "reporter": true,
	"senior reporter": true, "correspondent": true, "senior correspondent": true,
	"editor": true, "senior editor": true, "contributor": true, "contributing writer": true,
	"news desk": true, "newsdesk": true, "desk": true, "team": true, "agencies": true,
	"agency": true, "wire": true, "wires": true, "news service": true, "special correspondent": true,
	"political editor": true, "technology editor": true, "tech reporter": true, "writer": true,
	"journalist": true, "columnist": true, "guest author": true, "trainee": true, "intern": true,
}

// nameParticles may stay lower case inside a name.
var nameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true,
	"du": true, "la": true, "le": true, "bin": true, "al": true, "el": true, "ter": true,
	"y": true, "dos": true, "das": true, "del": true, "della": true, "st.": true,
}

// bylineOpening is a quick test for the words bylineStart needs.
func bylineOpening(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return false
	}
	switch strings.ToLower(s[:2]) {
	case "by", "wr", "wo", "re", "st", "te", "po", "au":
		return true
	}
	return false
}

// byline is what a byline line gives.
type byline struct {
	authors []string
	date    dateResult // zero when the line has no date
}

// parseByline reads a byline line: "By A", "By A and B", "By A, B",
// "By Roshni TamtaFirst Published Apr 3, 2024, 2:29 PM IST". It reports
// false unless every name looks like a person's or an organisation's name.
func parseByline(s string) (byline, bool) {
	if len(s) > 600 || !bylineOpening(s) {
		return byline{}, false
	}
	m := bylineStart.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return byline{}, false
	}
	names, rest := splitByline(m[1])
	var b byline
	if rest != "" {
		if d, ok := parseDate(rest); ok && d.precision >= 3 {
			b.date = d
		}
	}
	for _, part := range splitNames(names) {
		part = strings.Trim(part, " .,;:")
		if part == "" || roles[strings.ToLower(part)] {
			continue
		}
		if !nameLike(part) {
			return byline{}, false
		}
		b.authors = append(b.authors, part)
	}
	return b, len(b.authors) > 0
}

// splitByline cuts s, a byline without its "By", where the names end: at a
// date keyword, a separator or the start of a date.
func splitByline(s string) (names, rest string) {
	cut := len(s)
	lower := strings.ToLower(s)
	for _, k := range bylineCuts {
		for from := 0; from < cut; {
			i := strings.Index(lower[from:], k)
			if i < 0 {
				break
			}
			i += from
			from = i + len(k)
			if i >= cut {
				break
			}
			// A word of its own, or run on after a lower-case letter
			// ("TamtaFirst") but starting with a capital.
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			first, _ := utf8.DecodeRuneInString(s[i:])
			okBefore := i == 0 || unicode.IsSpace(before) || strings.ContainsRune(",|·-–—(", before) ||
				unicode.IsLower(before) && unicode.IsUpper(first)
			after, _ := utf8.DecodeRuneInString(s[from:])
			okAfter := from == len(s) || unicode.IsSpace(after) || after == ':'
			if okBefore && okAfter {
				cut = i
				break
			}
		}
	}
	for _, sep := range bylineSeps {
		if i := strings.Index(s[:cut], sep); i >= 0 {
			cut = i
		}
	}
	if i := dateStart(s[:cut]); i >= 0 {
		cut = i
	}
	return strings.TrimSpace(s[:cut]), strings.TrimSpace(strings.TrimLeft(s[cut:], " |·•-–—,"))
}

// dateStartRE finds where a date begins inside a byline.
var dateStartRE = regexp.MustCompile(`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? +(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? +\d|\d{1,2}(?:st|nd|rd|th)? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}`)

// dateStart returns the byte offset of the first date in s, or -1.
func dateStart(s string) int {
	for _, loc := range dateStartRE.FindAllStringIndex(s, -1) {
		if _, ok := parseDate(s[loc[0]:]); ok {
			return loc[0]
		}
	}
	return -1
}

// splitNames splits "A, B and C" into names.
func splitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",", " with ", ",").Replace(s)
	return strings.Split(s, ",")
}

// nameLike reports whether s reads as a name: one to six words, each
// capitalised (or a particle such as "van" or "de"), without digits.
func nameLike(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 6 || utf8.RuneCountInString(s) > 60 {
		return false
	}
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case strings.ContainsFunc(w, unicode.IsDigit):
			return false
		case unicode.IsUpper(r):
		case i > 0 && i < len(f)-1 && nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return true
}
