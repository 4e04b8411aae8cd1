package cite

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Name is an author's name, parsed. Either Literal is set (an
// organisation, or a name that cannot be split) or Family is.
type Name struct {
	Family, Given, Particle, Suffix string
	Literal                         string
}

// orgWords mark a name as an organisation's when one of its words is one.
var orgWords = map[string]bool{
	"news": true, "newsdesk": true, "desk": true, "staff": true, "team": true, "bureau": true,
	"agency": true, "press": true, "reuters": true, "afp": true, "ap": true, "pti": true, "ians": true,
	"editorial": true, "editors": true, "board": true, "inc": true, "inc.": true, "ltd": true, "ltd.": true,
	"llc": true, "corp": true, "corp.": true, "company": true, "times": true, "media": true, "group": true,
	"department": true, "ministry": true, "office": true, "court": true, "committee": true,
	"association": true, "university": true, "institute": true, "foundation": true, "network": true,
	"online": true, "digital": true, "correspondent": true, "correspondents": true, "reporter": true,
	"service": true, "services": true, "tribune": true, "journal": true, "herald": true, "daily": true,
}

var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true, "du": true,
	"la": true, "le": true, "del": true, "della": true, "des": true, "dos": true, "das": true, "do": true,
	"ter": true, "ten": true, "bin": true, "ibn": true, "al": true, "el": true, "zu": true, "af": true,
}

var suffixes = map[string]bool{
	"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true, "v": true,
}

// ParseName splits a name as written ("Roshni Tamta", "Tamta, Roshni") into
// its parts. Organisations, single words and names with digits come back
// as Literal.
func ParseName(s string) Name {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return Name{}
	}
	lower := strings.ToLower(s)
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
		if orgWords[w] {
			return Name{Literal: s}
		}
	}
	if strings.IndexFunc(s, unicode.IsDigit) >= 0 || strings.ContainsAny(s, "&@/()") {
		return Name{Literal: s}
	}
	if parts := strings.Split(s, ","); len(parts) > 1 {
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		switch {
		case len(parts) == 2 && suffixes[strings.ToLower(parts[1])]:
			// "Martin Luther King, Jr."
			n := ParseName(parts[0])
			if n.Literal == "" {
				n.Suffix = parts[1]
			}
			return n
		case len(parts) == 2 && parts[0] != "" && parts[1] != "":
			n := Name{Given: parts[1]}
			n.Particle, n.Family = splitParticle(parts[0])
			return n
		case len(parts) == 3 && parts[0] != "" && parts[2] != "":
			n := Name{Given: parts[2], Suffix: parts[1]}
			n.Particle, n.Family = splitParticle(parts[0])
			return n
		}
		return Name{Literal: s}
	}
	words := strings.Fields(s)
	if len(words) > 1 && suffixes[strings.ToLower(words[len(words)-1])] {
		n := ParseName(strings.Join(words[:len(words)-1], " "))
		if n.Literal == "" {
			n.Suffix = words[len(words)-1]
			return n
		}
		return Name{Literal: s}
	}
	if len(words) < 2 {
		return Name{Literal: s}
	}
	// Given names, then lowercase particles, then the family name.
	last := len(words) - 1
	p := last
	for p > 1 && particles[words[p-1]] {
		p--
	}
	return Name{Given: strings.Join(words[:p], " "), Particle: strings.Join(words[p:last], " "), Family: words[last]}
}

// splitParticle splits "van Beethoven" into "van" and "Beethoven".
func splitParticle(s string) (string, string) {
	words := strings.Fields(s)
	i := 0
	for i < len(words)-1 && particles[words[i]] {
		i++
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
}

// fold turns s into lowercase ASCII letters and digits: "Ångström" ->
// "angstrom". Letters with no ASCII form are dropped.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	for _, r := range strings.ToLower(folded) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'ø':
			b.WriteByte('o')
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ł':
			b.WriteByte('l')
		case r == 'đ' || r == 'ð':
			b.WriteByte('d')
		case r == 'þ':
			b.WriteString("th")
		case r == 'œ':
			b.WriteString("oe")
		}
	}
	return b.String()
}
