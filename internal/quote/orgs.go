package quote

import (
	"strings"
	"unicode"
)

// acronymLinks are the lowercase words an acronym's letters skip over:
// "Immigration, Refugees and Citizenship Canada (IRCC)".
var acronymLinks = map[string]bool{",": true, "and": true, "of": true, "for": true, "the": true, "&": true, "on": true, "de": true, "du": true, "des": true}

// noteAcronyms records the full form of every acronym a paragraph
// introduces in parentheses right after it, "Export Development Canada
// (EDC)", so that a later "EDC said" resolves to the full name. The
// capitalised words before the parenthesis must spell the acronym, their
// initials in order, skipping linking words.
func (d *detector) noteAcronyms(ts []tok) {
	for i := 1; i+2 < len(ts); i++ {
		if ts[i].s != "(" || ts[i+2].s != ")" || !isAcronym(ts[i+1].s) {
			continue
		}
		acr := []rune(ts[i+1].s)
		if _, ok := d.acronyms[ts[i+1].s]; ok {
			continue
		}
		li, start := len(acr)-1, -1
		for k := i - 1; k >= 0 && k >= i-3*len(acr) && li >= 0; k-- {
			t := ts[k]
			if acronymLinks[t.lower()] && k < i-1 {
				continue
			}
			if !t.word() || !t.upper() || []rune(t.s)[0] != acr[li] {
				break
			}
			li, start = li-1, k
		}
		if li < 0 {
			d.acronyms[ts[i+1].s] = joinToks(ts[start:i])
		}
	}
	d.noteInitials(ts)
}

// noteInitials records each run of three or more capitalised words,
// joined by linking words, under its initials: "Immigration, Refugees and
// Citizenship Canada" under IRCC, for an acronym the text never spells
// out. An acronym introduced in parentheses takes precedence.
func (d *detector) noteInitials(ts []tok) {
	for i := 0; i < len(ts); {
		if !ts[i].word() || !ts[i].upper() || stopCaps[ts[i].s] {
			i++
			continue
		}
		var b strings.Builder
		end, j := i, i
		for j < len(ts) && j-i < 12 {
			t := ts[j]
			if t.word() && t.upper() && !isAcronym(t.s) {
				b.WriteRune([]rune(t.s)[0])
				end = j + 1
			} else if !acronymLinks[t.lower()] {
				break
			}
			j++
		}
		if ini := b.String(); len(ini) >= 3 {
			if _, ok := d.acronyms[ini]; !ok {
				d.acronyms[ini] = joinToks(ts[i:end])
			}
		}
		i = max(end, i+1)
	}
}

// isAcronym reports whether s is two to six capital letters.
func isAcronym(s string) bool {
	n := 0
	for _, c := range s {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// expand returns the full form of an acronym the text introduced, else
// name unchanged.
func (d *detector) expand(name string) string {
	if full, ok := d.acronyms[name]; ok {
		return full
	}
	return name
}

// itOrg returns the organisation "it" at pos most likely refers to: the
// last one named as a subject in this paragraph or the one before ("EDC
// declined to comment. … it said"), or "" when none was.
func (d *detector) itOrg(pos int) string {
	for i := len(d.orgs) - 1; i >= 0 && i >= len(d.orgs)-50; i-- {
		m := d.orgs[i]
		if m.pos < d.prevStart {
			break
		}
		if m.pos < pos && !m.obj {
			return d.expand(m.name)
		}
	}
	return ""
}

// titleAcronyms are capitalised titles, not organisations: "CEO Jane Doe".
var titleAcronyms = map[string]bool{"CEO": true, "CFO": true, "COO": true, "CTO": true, "MP": true, "MPP": true, "MLA": true, "MNA": true}

// stripAcronymTitles drops title acronyms from a name's words.
func stripAcronymTitles(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !titleAcronyms[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")] {
			out = append(out, w)
		}
	}
	return out
}

// shouted reports whether a phrase of two or more words is all in
// capitals: a heading or a dateline ("READ MORE", "NEW YORK"), not an
// organisation.
func shouted(ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}
