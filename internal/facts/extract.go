package facts

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sourcebook/internal/document"
)

// Extract finds the facts stated in the content of a document: text and
// its blocks as an extractor made them (see [document.Doc]). Blocks marked
// as boilerplate are skipped; when blocks is empty the whole text is read.
// Facts are returned in text order (by Start, then End) and never overlap
// within one kind. Extract never fails: text it cannot read gives no
// facts.
func Extract(text string, blocks []document.Block) []Fact {
	if text == "" {
		return nil
	}
	r := []rune(text)
	x := &extractor{r: r, capSeen: map[string]bool{}}
	x.sents = sentences(r, blocks)
	for _, s := range x.sents {
		for _, t := range s.toks {
			if t.cap && !t.initial && !s.heading {
				x.capSeen[stem(t.lower)] = true
			}
		}
	}
	for i := range x.sents {
		x.sentence(&x.sents[i])
	}
	x.resolveAliases()
	sort.SliceStable(x.out, func(i, j int) bool {
		a, b := x.out[i], x.out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return x.out
}

type extractor struct {
	r       []rune
	sents   []sentence
	capSeen map[string]bool // capitalised words seen where capitals mean a name
	out     []Fact
}

// nameSpan is a name found in a sentence: tokens [i, j).
type nameSpan struct {
	i, j  int
	value string
	poss  bool // written as a possessive
}

func (x *extractor) sentence(s *sentence) {
	used := make([]bool, len(s.toks))
	sp := Span{Start: s.start, End: s.end, Text: string(x.r[s.start:s.end])}
	var amounts []Fact
	add := func(kind, value, unit string, i, j int) {
		for k := i; k < j; k++ {
			used[k] = true
		}
		f := Fact{Kind: kind, Value: value, Unit: unit, Start: s.toks[i].start, End: s.toks[j-1].end, Sentence: sp}
		f.Text = string(x.r[f.Start:f.End])
		amounts = append(amounts, f)
	}
	x.dates(s, used, add)
	x.money(s, used, add)
	x.counts(s, used, add)
	names := x.names(s, used)
	for _, n := range names {
		x.out = append(x.out, Fact{Kind: Name, Value: n.value, Start: s.toks[n.i].start, End: s.toks[n.j-1].end,
			Text: string(x.r[s.toks[n.i].start:s.toks[n.j-1].end]), Sentence: sp})
	}
	x.roles(s, names, sp)
	for _, f := range amounts {
		f.Subject = x.subject(s, names, f)
		x.out = append(x.out, f)
	}
}

// ---- dates ----

func (x *extractor) dates(s *sentence, used []bool, add func(kind, value, unit string, i, j int)) {
	ts := s.toks
	for i := 0; i < len(ts); i++ {
		if used[i] || !ts[i].word {
			continue
		}
		t := ts[i]
		prev := ""
		if i > 0 {
			prev = ts[i-1].lower
		}
		if i > 0 && isCurrency(ts, i-1) {
			continue
		}
		// "2011-2019" as one token.
		if y1, y2, ok := yearRange(t.lower); ok {
			add(Date, y1+"/"+y2, "", i, i+1)
			continue
		}
		if y, ok := year(t.text); ok {
			// "2011 to 2019", "2011–2019", "between 2011 and 2019".
			if i+2 < len(ts) {
				sep := ts[i+2-1].lower
				if y2, ok2 := year(ts[i+2].text); ok2 && y2 > y && (sep == "to" || sep == "–" || sep == "—" || sep == "-" || sep == "through" || sep == "until" || sep == "and" && prev == "between") {
					add(Date, strconv.Itoa(y)+"/"+strconv.Itoa(y2), "", i, i+3)
					i += 2
					continue
				}
			}
			next := nextWord(ts, i)
			if datePreps[prev] || next == nil || !next.word {
				if next == nil || !(next.lower == "%" || scales[next.lower] > 0 || next.lower == "percent") {
					add(Date, strconv.Itoa(y), "", i, i+1)
				}
			}
			continue
		}
		if m, ok := months[strings.TrimSuffix(t.lower, ".")]; ok && t.cap {
			j := i + 1
			if j < len(ts) && ts[j].text == "." {
				j++
			}
			if j < len(ts) {
				if d, ok := day(ts[j].lower); ok {
					k := j + 1
					if k < len(ts) && ts[k].text == "," {
						k++
					}
					if k < len(ts) {
						if y, ok := year(ts[k].text); ok && d <= daysIn(y, m) {
							add(Date, pad(y, 4)+"-"+pad(m, 2)+"-"+pad(d, 2), "", i, k+1)
							i = k
							continue
						}
					}
					if d <= daysIn(2000, m) && (j+1 >= len(ts) || !ts[j+1].digit) {
						add(Date, "--"+pad(m, 2)+"-"+pad(d, 2), "", i, j+1)
						i = j
						continue
					}
				}
				if y, ok := year(ts[j].text); ok {
					add(Date, pad(y, 4)+"-"+pad(m, 2), "", i, j+1)
					i = j
					continue
				}
			}
			if datePreps[prev] && (m != 5 || j >= len(ts) || !ts[j].word) {
				add(Date, "--"+pad(m, 2), "", i, i+1)
			}
			continue
		}
		// "3 April 2024", "3 April".
		if d, ok := day(t.lower); ok && i+1 < len(ts) && ts[i+1].cap {
			if m, ok := months[ts[i+1].lower]; ok {
				if i+2 < len(ts) {
					if y, ok := year(ts[i+2].text); ok && d <= daysIn(y, m) {
						add(Date, pad(y, 4)+"-"+pad(m, 2)+"-"+pad(d, 2), "", i, i+3)
						i += 2
						continue
					}
				}
				if d <= daysIn(2000, m) {
					add(Date, "--"+pad(m, 2)+"-"+pad(d, 2), "", i, i+2)
					i++
				}
			}
		}
	}
}

func nextWord(ts []token, i int) *token {
	if i+1 < len(ts) {
		return &ts[i+1]
	}
	return nil
}

// year reads a year from 1800 to 2100 written as four digits.
func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1800 || y > 2100 {
		return 0, false
	}
	return y, true
}

// yearRange reads "2011-2019" or "2011-19".
func yearRange(s string) (string, string, bool) {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, "‐", "-"), "-")
	if !ok {
		return "", "", false
	}
	y1, ok1 := year(a)
	if !ok1 {
		return "", "", false
	}
	if len(b) == 2 {
		b = a[:2] + b
	}
	y2, ok2 := year(b)
	if !ok2 || y2 <= y1 {
		return "", "", false
	}
	return a, b, true
}

// day reads a day of the month: "3", "03", "3rd".
func day(s string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(s, suf)
	}
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

// ---- amounts ----

func isCurrency(ts []token, i int) bool {
	_, ok := currencySymbols[ts[i].lower]
	return ok
}

// number reads a number token: digits with thousands commas and a decimal
// point, optionally with a scale suffix ("100M", "5bn"). It reports the
// value and whether the token is only digits (no suffix).
func number(s string) (float64, bool, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false, false
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',' || s[i] == '.') {
		i++
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[:i], ",", ""), 64)
	if err != nil {
		return 0, false, false
	}
	if i == len(s) {
		return v, true, true
	}
	if m, ok := scales[strings.ToLower(s[i:])]; ok {
		return v * m, true, false
	}
	return 0, false, false
}

// wordNumber reads a written number: "four", "twenty-one".
func wordNumber(s string) (float64, bool) {
	if v, ok := writtenNumbers[s]; ok {
		return v, true
	}
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, false
	}
	va, oka := writtenNumbers[a]
	vb, okb := writtenNumbers[b]
	if !oka || !okb || va < 20 || va > 90 || vb >= 10 {
		if b == "one" && oka && va >= 20 && va <= 90 {
			return va + 1, true
		}
		return 0, false
	}
	return va + vb, true
}

// modifierBefore finds a modifier ending just before token i and returns
// its first token and mark.
func modifierBefore(ts []token, i int) (int, string) {
	for _, m := range modifiers {
		n := len(m.words)
		if i-n < 0 {
			continue
		}
		ok := true
		for k, w := range m.words {
			if ts[i-n+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return i - n, m.mark
		}
	}
	return i, ""
}

func withMark(v, mark string) string {
	switch mark {
	case "+":
		return v + "+"
	case "":
		return v
	}
	return mark + v
}

func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (x *extractor) money(s *sentence, used []bool, add func(kind, value, unit string, i, j int)) {
	ts := s.toks
	free := func(i, j int) bool {
		for k := i; k < j; k++ {
			if used[k] {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(ts); i++ {
		if used[i] {
			continue
		}
		// "$100M+", "US$ 5 billion", "USD 150 million"
		if cur, ok := currencySymbols[ts[i].lower]; ok && i+1 < len(ts) {
			v, ok, _ := number(ts[i+1].lower)
			if !ok {
				continue
			}
			a := i
			if a > 0 && (ts[a-1].text == "US" || ts[a-1].text == "A" || ts[a-1].text == "C") && ts[a-1].end == ts[i].start {
				a--
			}
			j := i + 2
			if j < len(ts) && scales[ts[j].lower] > 1 && len(ts[j].lower) > 2 {
				v *= scales[ts[j].lower]
				j++
			}
			a, mark := modifierBefore(ts, a)
			if j < len(ts) && ts[j].text == "+" && ts[j].start == ts[j-1].end {
				mark = "+"
				j++
			}
			if free(a, j) {
				add(Money, withMark(cur+formatNumber(v), mark), "", a, j)
				i = j - 1
			}
			continue
		}
		// "hundreds of millions of dollars", "millions of dollars"
		if vagueAmounts[ts[i].lower] {
			j := i + 1
			words := []string{ts[i].lower}
			for j+1 < len(ts) && ts[j].lower == "of" && vagueAmounts[ts[j+1].lower] {
				words = append(words, ts[j+1].lower)
				j += 2
			}
			if j+1 < len(ts) && ts[j].lower == "of" {
				if cur, ok := currencyWords[ts[j+1].lower]; ok && free(i, j+2) {
					add(Money, cur+strings.Join(words, " of "), "", i, j+2)
					i = j + 1
				}
			}
			continue
		}
		// "150 million dollars", "20 percent", "20%"
		v, ok, _ := number(ts[i].lower)
		if !ok {
			if w, okw := wordNumber(ts[i].lower); okw {
				v, ok = w, true
			}
		}
		if !ok || i > 0 && (ts[i-1].text == ":" || ts[i-1].text == "/" || ts[i-1].text == "#") {
			continue
		}
		j := i + 1
		if j < len(ts) && scales[ts[j].lower] > 1 && len(ts[j].lower) > 2 {
			v *= scales[ts[j].lower]
			j++
		}
		if j >= len(ts) {
			continue
		}
		a, mark := modifierBefore(ts, i)
		switch {
		case ts[j].text == "%" || ts[j].lower == "percent" || ts[j].lower == "pct":
			if free(a, j+1) {
				add(Percent, withMark(formatNumber(v)+"%", mark), "", a, j+1)
				i = j
			}
		case ts[j].lower == "per" && j+1 < len(ts) && ts[j+1].lower == "cent":
			if free(a, j+2) {
				add(Percent, withMark(formatNumber(v)+"%", mark), "", a, j+2)
				i = j + 1
			}
		default:
			if cur, ok := currencyWords[ts[j].lower]; ok && free(a, j+1) {
				add(Money, withMark(cur+formatNumber(v), mark), "", a, j+1)
				i = j
			}
		}
	}
}

func (x *extractor) counts(s *sentence, used []bool, add func(kind, value, unit string, i, j int)) {
	ts := s.toks
	for i := 0; i < len(ts); i++ {
		if used[i] || !ts[i].word {
			continue
		}
		var v float64
		ok := false
		if ts[i].digit {
			var plain bool
			v, ok, plain = number(ts[i].lower)
			_, isYear := year(ts[i].text)
			ok = ok && plain && !isYear
		} else if w, okw := wordNumber(ts[i].lower); okw && !ts[i].cap || okw && ts[i].initial {
			v, ok = w, true
		} else if ts[i].lower == "a" && i+1 < len(ts) && (ts[i+1].lower == "decade" || ts[i+1].lower == "dozen") {
			v, ok = 1, true
		}
		if !ok || v == 0 {
			continue
		}
		if i > 0 && (ts[i-1].text == ":" || ts[i-1].text == "/" || ts[i-1].text == "#" || ts[i-1].text == "." && ts[i-1].end == ts[i].start || isCurrency(ts, i-1)) {
			continue
		}
		if i+1 < len(ts) && (ts[i+1].text == ":" || ts[i+1].text == "/") && ts[i+1].start == ts[i].end {
			continue
		}
		j := i + 1
		if j < len(ts) && (ts[j].lower == "dozen" || scales[ts[j].lower] > 1 && len(ts[j].lower) > 2) {
			if ts[j].lower == "dozen" {
				v *= 12
			} else {
				v *= scales[ts[j].lower]
			}
			j++
		}
		// "21 of the schoolgirls"
		k := j
		if k+1 < len(ts) && ts[k].lower == "of" && (determiners[ts[k+1].lower] || ts[k+1].lower == "these" || ts[k+1].lower == "those") {
			k += 2
		}
		unit, end := countedNoun(ts, k)
		if unit == "" {
			continue
		}
		if k == j {
			j = end
		}
		a, mark := modifierBefore(ts, i)
		if a > 0 && used[a-1] {
			continue
		}
		free := true
		for m := a; m < j; m++ {
			free = free && !used[m]
		}
		if free {
			add(Number, withMark(formatNumber(v), mark), unit, a, j)
			i = j - 1
		}
	}
}

// countedNoun finds the noun counted by a number whose phrase continues at
// token k: the first content word that is not an adjective, among the next
// three. It returns the noun (singular, lower case) and the token after it.
func countedNoun(ts []token, k int) (string, int) {
	var cands []int
	for m := k; m < len(ts) && m < k+3; m++ {
		t := ts[m]
		if !t.word || t.digit || stopwords[t.lower] || notUnits[t.lower] || !isLetters(t.lower) {
			break
		}
		if len(cands) == 0 && strings.HasSuffix(t.lower, "ed") {
			break // "the two indulged": a pronoun, not a count
		}
		if _, month := months[t.lower]; month && t.cap {
			break
		}
		cands = append(cands, m)
	}
	if len(cands) == 0 {
		return "", k
	}
	for n, m := range cands {
		w := ts[m].lower
		last := n == len(cands)-1
		if unitAdjectives[w] && !last || ts[m].cap && !last || strings.HasSuffix(w, "ed") && !last {
			continue
		}
		return singular(stem(w)), m + 1
	}
	m := cands[len(cands)-1]
	return singular(stem(ts[m].lower)), m + 1
}

func isLetters(s string) bool {
	for _, c := range s {
		if !unicode.IsLetter(c) && c != '-' && c != '\'' {
			return false
		}
	}
	return true
}

// ---- names ----

// headline reports whether most words of the sentence are capitalised, as
// in a title, where capitals say nothing about names.
func headline(s *sentence) bool {
	words, caps := 0, 0
	for _, t := range s.toks {
		if t.word && !t.digit {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*7
}

func (x *extractor) nameWord(t token) bool {
	if !t.cap || !t.word {
		return false
	}
	l := t.lower
	if _, ok := months[strings.TrimSuffix(l, ".")]; ok {
		return false
	}
	return !weekdays[l]
}

func (x *extractor) names(s *sentence, used []bool) []nameSpan {
	if s.heading || headline(s) {
		return nil
	}
	ts := s.toks
	var out []nameSpan
	for i := 0; i < len(ts); i++ {
		if used[i] || !x.nameWord(ts[i]) {
			continue
		}
		// The run of capitalised words, with connectors and a
		// parenthesised nickname inside: "Debarghya (Deedy) Das".
		j := i + 1
		for j < len(ts) && !possessive(ts[j-1].text) {
			switch {
			case !used[j] && x.nameWord(ts[j]) && ts[j].start-ts[j-1].end <= 1:
				j++
				continue
			case nameConnectors[ts[j].text] && j+1 < len(ts) && x.nameWord(ts[j+1]) && !used[j+1]:
				j += 2
				continue
			case nameConnectors[ts[j].text] && j+2 < len(ts) && nameConnectors[ts[j+1].text] && x.nameWord(ts[j+2]) && !used[j+2]:
				j += 3 // "Committee of the Red Cross"
				continue
			case ts[j].text == "(" && j+3 < len(ts) && x.nameWord(ts[j+1]) && ts[j+2].text == ")" && x.nameWord(ts[j+3]):
				j += 4
				continue
			}
			break
		}
		a := i
		// Titles and roles are not part of the name ("President
		// Muhammadu Buhari", "Communications Director").
		for a < j && (titles[strings.TrimSuffix(ts[a].lower, ".")] || roleHeads[ts[a].lower] || roleMods[ts[a].lower] || stopwords[ts[a].lower] || ts[a].text == ".") {
			a++
		}
		if a < j && ts[a].initial || a == i && ts[i].initial {
			first := ts[a]
			if stopwords[first.lower] || !x.capSeen[stem(first.lower)] && j-a == 1 {
				i = j - 1
				continue
			}
		}
		if a >= j || !x.nameWord(ts[a]) {
			i = j - 1
			continue
		}
		// Trailing role words: "Facebook Board" stays, "Meta Communications Director" loses them.
		b := j
		for b > a+1 && (roleHeads[ts[b-1].lower] || roleMods[ts[b-1].lower]) && !possessive(ts[b-1].text) {
			b--
		}
		var parts []string
		for k := a; k < b; k++ {
			if ts[k].text == "(" {
				k += 2
				continue
			}
			parts = append(parts, stem(ts[k].text))
		}
		value := strings.ReplaceAll(strings.Join(parts, " "), "’", "'")
		if utf8.RuneCountInString(value) < 2 || notNames[strings.ToLower(value)] {
			i = j - 1
			continue
		}
		out = append(out, nameSpan{i: a, j: b, value: value, poss: possessive(ts[b-1].text)})
		for k := a; k < b; k++ {
			used[k] = true
		}
		i = j - 1
	}
	return out
}

// resolveAliases gives a name written alone as a surname ("Musk") the full
// name the document uses for it ("Elon Musk"), when only one full name
// ends with it. A first word alone is left as it is: "Facebook" is not
// "Facebook Watch".
func (x *extractor) resolveAliases() {
	full := map[string]string{}
	ambiguous := map[string]bool{}
	for _, f := range x.out {
		if f.Kind != Name {
			continue
		}
		w := strings.Fields(f.Value)
		if len(w) < 2 {
			continue
		}
		k := w[len(w)-1]
		if v, ok := full[k]; ok && v != f.Value {
			ambiguous[k] = true
		}
		full[k] = f.Value
	}
	fix := func(v string) string {
		if strings.Contains(v, " ") || ambiguous[v] {
			return v
		}
		if f, ok := full[v]; ok {
			return f
		}
		return v
	}
	for i := range x.out {
		switch x.out[i].Kind {
		case Name:
			x.out[i].Value = fix(x.out[i].Value)
		}
		x.out[i].Subject = fix(x.out[i].Subject)
	}
}

// ---- roles ----

// rolePhrase reads a role phrase ending at token e (inclusive), going
// left: modifiers then a head. It returns the first token.
func roleEndingAt(ts []token, e int) (int, bool) {
	if e < 0 || !ts[e].word || !roleHeads[roleWord(ts[e].lower)] {
		return 0, false
	}
	a := e
	for a > 0 && a > e-3 && ts[a-1].word && (roleMods[roleWord(ts[a-1].lower)] || roleHeads[roleWord(ts[a-1].lower)]) && !possessive(ts[a-1].text) {
		a--
	}
	return a, true
}

// roleStartingAt reads a role phrase starting at token a: modifiers then a
// head. It returns the token after it.
func roleStartingAt(ts []token, a int) (int, bool) {
	e := a
	for e < len(ts) && e < a+4 && ts[e].word && (roleMods[roleWord(ts[e].lower)] || roleHeads[roleWord(ts[e].lower)]) {
		e++
	}
	for e > a && !roleHeads[roleWord(ts[e-1].lower)] {
		e--
	}
	return e, e > a
}

// roleWord drops "then-" and "ex-" from a role word.
func roleWord(w string) string {
	for _, p := range []string{"then-", "ex-", "former-"} {
		w = strings.TrimPrefix(w, p)
	}
	return w
}

func roleValue(ts []token, a, b int) string {
	var parts []string
	for k := a; k < b; k++ {
		w := ts[k].text
		for _, p := range []string{"then-", "ex-", "former-", "Then-", "Ex-", "Former-"} {
			w = strings.TrimPrefix(w, p)
		}
		if w == "former" || w == "Former" {
			continue
		}
		if strings.ToUpper(w) != w || utf8.RuneCountInString(w) > 4 {
			w = strings.ToLower(w)
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

func (x *extractor) roles(s *sentence, names []nameSpan, sp Span) {
	ts := s.toks
	add := func(a, b int, n nameSpan) {
		v := roleValue(ts, a, b)
		if v == "" {
			return
		}
		f := Fact{Kind: Role, Value: v, Start: ts[a].start, End: ts[b-1].end, Sentence: sp, Subject: n.value}
		f.Text = string(x.r[f.Start:f.End])
		x.out = append(x.out, f)
	}
	for _, n := range names {
		if n.poss {
			continue
		}
		// Before the name: "then-CEO Reed Hastings", "Meta's communications
		// head, Andy Stone", "A spokesperson for Buhari, Mallam Garba Shehu".
		p := n.i - 1
		comma := p >= 0 && ts[p].text == ","
		if comma {
			p--
		}
		if a, ok := roleEndingAt(ts, p); ok {
			add(a, p+1, n)
			continue
		}
		if comma {
			found := false
			for q := p; q >= 0 && q > p-5 && ts[q].word; q-- {
				if q+1 <= p && (ts[q].lower == "for" || ts[q].lower == "of" || ts[q].lower == "to" || ts[q].lower == "at") {
					if a, ok := roleEndingAt(ts, q-1); ok {
						add(a, q, n)
						found = true
					}
					break
				}
			}
			if found {
				continue
			}
		}
		// After the name: "Andy Stone, the Communications Director at Meta".
		q := n.j
		if q < len(ts) && ts[q].text == "," {
			q++
			if q < len(ts) && determiners[ts[q].lower] {
				q++
			}
			if e, ok := roleStartingAt(ts, q); ok {
				add(q, e, n)
			}
		}
	}
}

// ---- subjects ----

var clauseBreaks = setOf(", ; : — – ( ) “ ” \"")

// subject finds what an amount or date is about: the name a "who" clause
// refers to, the name or noun phrase just before it, or the nearest name
// in its clause.
func (x *extractor) subject(s *sentence, names []nameSpan, f Fact) string {
	ts := s.toks
	fi, fj := -1, -1
	for k, t := range ts {
		if t.start == f.Start {
			fi = k
		}
		if t.end == f.End {
			fj = k + 1
		}
	}
	if fi < 0 || fj < 0 {
		return ""
	}
	nameEnding := func(k int) *nameSpan {
		for n := range names {
			if names[n].j-1 == k {
				return &names[n]
			}
		}
		return nil
	}
	nameAt := func(k int) *nameSpan {
		for n := range names {
			if names[n].i <= k && k < names[n].j {
				return &names[n]
			}
		}
		return nil
	}
	// Clause bounds.
	cs := fi
	for cs > 0 && !clauseBreaks[ts[cs-1].text] {
		cs--
	}
	ce := fj
	for ce < len(ts) && !clauseBreaks[ts[ce].text] {
		ce++
	}
	// ", who held a position ... from 2011-2019" refers to the name before.
	if cs > 1 && (ts[cs].lower == "who" || ts[cs].lower == "whose") && ts[cs-1].text == "," {
		if n := nameEnding(cs - 2); n != nil {
			return n.value
		}
	}
	// Walk left over prepositions and one verb to a noun phrase or name.
	k := fi - 1
	for k >= cs && subjectPreps[ts[k].lower] {
		k--
	}
	if k >= cs && !nameIn(names, k) && (strings.HasSuffix(ts[k].lower, "ed") || strings.HasSuffix(ts[k].lower, "ing")) && !ts[k].cap {
		k--
		for k >= cs && subjectPreps[ts[k].lower] {
			k--
		}
	}
	if k >= cs {
		if n := nameAt(k); n != nil && !n.poss {
			// "encryption in Messenger in December 2023"
			if n.i-1 >= cs && ts[n.i-1].lower == "in" {
				if np := nounPhrase(ts, n.i-2, cs, names); np != "" {
					return n.value + " " + np
				}
			}
			return n.value
		}
		if np := nounPhrase(ts, k, cs, names); np != "" {
			if a := k - len(strings.Fields(np)); a >= cs && a >= 0 {
				if n := nameAt(a); n != nil && n.poss {
					return n.value + " " + np
				}
			}
			return np
		}
	}
	// The nearest name in the clause.
	best, bestD := "", 1<<30
	for _, n := range names {
		var d int
		switch {
		case n.j <= fi && n.i >= cs:
			d = fi - n.j
		case n.i >= fj && n.j <= ce:
			d = n.i - fj
		default:
			continue
		}
		if d < bestD {
			best, bestD = n.value, d
		}
	}
	return best
}

func nameIn(names []nameSpan, k int) bool {
	for _, n := range names {
		if n.i <= k && k < n.j {
			return true
		}
	}
	return false
}

// nounPhrase reads up to two lower-case content words ending at token k.
func nounPhrase(ts []token, k, lo int, names []nameSpan) string {
	var w []string
	for k >= lo && k >= 0 && len(w) < 2 {
		t := ts[k]
		if !t.word || t.cap || t.digit || stopwords[t.lower] || nameIn(names, k) || unitAdjectives[t.lower] {
			break
		}
		w = append([]string{t.lower}, w...)
		k--
	}
	if len(w) == 1 && (strings.HasSuffix(w[0], "ly") || strings.HasSuffix(w[0], "ed") || strings.HasSuffix(w[0], "ing")) {
		return ""
	}
	return strings.Join(w, " ")
}
