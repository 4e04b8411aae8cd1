package facts

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Compare pairs the facts of two documents, as [Extract] returned them. A
// name is paired with the same name in the other document (a surname alone
// matches a full name), a role with a role given to the same person, and a
// date, count, amount or percentage with the fact of the same kind in the
// other document whose sentence and subject are the closest, one to one.
// Paired facts with equal or compatible values agree; different values
// differ. A fact restated several times is reported once: a repeat of a
// paired value, or a value the other document also states, is not "only".
func Compare(a, b []Fact) Comparison {
	var c Comparison
	c.pairNames(a, b)
	c.pairRoles(a, b)
	c.pairAmounts(a, b)
	sort.SliceStable(c.Agree, func(i, j int) bool { return c.Agree[i].A.Start < c.Agree[j].A.Start })
	sort.SliceStable(c.Differ, func(i, j int) bool { return c.Differ[i].A.Start < c.Differ[j].A.Start })
	sort.SliceStable(c.OnlyA, func(i, j int) bool { return c.OnlyA[i].Start < c.OnlyA[j].Start })
	sort.SliceStable(c.OnlyB, func(i, j int) bool { return c.OnlyB[i].Start < c.OnlyB[j].Start })
	return c
}

// entityKey folds a name for matching.
func entityKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// sameEntity reports whether two names (or subjects) name the same entity:
// equal, or one is a single word that is the other's last word (a
// surname).
func sameEntity(x, y string) bool {
	x, y = entityKey(x), entityKey(y)
	if x == "" || y == "" {
		return false
	}
	if x == y {
		return true
	}
	wx, wy := strings.Fields(x), strings.Fields(y)
	if len(wx) == 1 && len(wy) > 1 {
		return wy[len(wy)-1] == x
	}
	if len(wy) == 1 && len(wx) > 1 {
		return wx[len(wx)-1] == y
	}
	return false
}

// firstOf returns the first fact of each distinct key, in order.
func firstOf(fs []Fact, kind string, key func(Fact) string) []Fact {
	seen := map[string]bool{}
	var out []Fact
	for _, f := range fs {
		if f.Kind != kind {
			continue
		}
		k := key(f)
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

func (c *Comparison) pairNames(a, b []Fact) {
	na := firstOf(a, Name, func(f Fact) string { return entityKey(f.Value) })
	nb := firstOf(b, Name, func(f Fact) string { return entityKey(f.Value) })
	byKey := map[string]int{}
	byWord := map[string][]int{}
	for i, f := range nb {
		byKey[entityKey(f.Value)] = i
		w := strings.Fields(entityKey(f.Value))
		byWord[w[0]] = append(byWord[w[0]], i)
		if len(w) > 1 {
			byWord[w[len(w)-1]] = append(byWord[w[len(w)-1]], i)
		}
	}
	usedB := make([]bool, len(nb))
	for _, f := range na {
		j, ok := byKey[entityKey(f.Value)]
		if !ok || usedB[j] {
			j, ok = -1, false
			w := strings.Fields(entityKey(f.Value))
			for _, k := range []string{w[0], w[len(w)-1]} {
				for _, cand := range byWord[k] {
					if !usedB[cand] && sameEntity(f.Value, nb[cand].Value) {
						j, ok = cand, true
						break
					}
				}
				if ok {
					break
				}
			}
		}
		if ok {
			usedB[j] = true
			c.Agree = append(c.Agree, FactPair{A: f, B: nb[j], Score: 1})
		} else {
			c.OnlyA = append(c.OnlyA, f)
		}
	}
	for j, f := range nb {
		if !usedB[j] {
			c.OnlyB = append(c.OnlyB, f)
		}
	}
}

func (c *Comparison) pairRoles(a, b []Fact) {
	key := func(f Fact) string { return entityKey(f.Subject) + "\x00" + strings.ToLower(f.Value) }
	ra, rb := firstOf(a, Role, key), firstOf(b, Role, key)
	usedB := make([]bool, len(rb))
	pendingA := make([]bool, len(ra))
	// Equal roles of the same person first, then different ones.
	bySurname := map[string][]int{}
	for j, g := range rb {
		bySurname[surname(g.Subject)] = append(bySurname[surname(g.Subject)], j)
	}
	for i, f := range ra {
		pendingA[i] = true
		for _, j := range bySurname[surname(f.Subject)] {
			g := rb[j]
			if !usedB[j] && sameEntity(f.Subject, g.Subject) && strings.EqualFold(f.Value, g.Value) {
				usedB[j], pendingA[i] = true, false
				c.Agree = append(c.Agree, FactPair{A: f, B: g, Score: 1})
				break
			}
		}
	}
	for i, f := range ra {
		if !pendingA[i] {
			continue
		}
		for _, j := range bySurname[surname(f.Subject)] {
			g := rb[j]
			if !usedB[j] && sameEntity(f.Subject, g.Subject) {
				usedB[j], pendingA[i] = true, false
				c.Differ = append(c.Differ, FactPair{A: f, B: g, Score: 1})
				break
			}
		}
		if pendingA[i] {
			c.OnlyA = append(c.OnlyA, f)
		}
	}
	for j, g := range rb {
		if !usedB[j] {
			c.OnlyB = append(c.OnlyB, g)
		}
	}
}

// amount is a date, count, amount or percentage prepared for pairing.
type amount struct {
	f     Fact
	words map[string]bool // content words of the sentence, outside the fact
}

func amounts(fs []Fact) []amount {
	var out []amount
	cache := map[Span]map[string]bool{}
	for _, f := range fs {
		switch f.Kind {
		case Date, Number, Money, Percent:
		default:
			continue
		}
		ws := cache[f.Sentence]
		if ws == nil {
			ws = contentWords(f.Sentence.Text)
			cache[f.Sentence] = ws
		}
		own := contentWords(f.Text)
		words := make(map[string]bool, len(ws))
		for w := range ws {
			if !own[w] {
				words[w] = true
			}
		}
		out = append(out, amount{f: f, words: words})
	}
	return out
}

// contentWords are the folded words of s that are not function words or
// numbers, plural "s" dropped.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '\'' && c != '’' && c != '-'
	}) {
		w = strings.Trim(strings.ReplaceAll(w, "’", "'"), "'-")
		w = stem(w)
		if w == "" || stopwords[w] || unicode.IsDigit([]rune(w)[0]) {
			continue
		}
		out[singular(w)] = true
	}
	return out
}

// maxPosting bounds the facts looked up through one word: a word in many
// sentences ("facebook" in a story about Facebook) says little and costs
// much.
const maxPosting = 64

// maxScored bounds the candidates of one fact that are scored in full.
const maxScored = 12

func (c *Comparison) pairAmounts(fa, fb []Fact) {
	a, b := amounts(fa), amounts(fb)
	if len(a) == 0 && len(b) == 0 {
		return
	}
	// Word rarity over the sentences of both documents.
	df := map[string]int{}
	nsent := 0
	seen := map[Span]bool{}
	for _, side := range [][]amount{a, b} {
		for _, x := range side {
			if seen[x.f.Sentence] {
				continue
			}
			seen[x.f.Sentence] = true
			nsent++
			for w := range x.words {
				df[w]++
			}
		}
		seen = map[Span]bool{}
	}
	weight := func(w string) float64 { return math.Log(1 + float64(nsent)/float64(df[w]+1)) }

	// Candidates through an index of B's words, subjects and values.
	index := map[string][]int{}
	for j, y := range b {
		for w := range y.words {
			index["w:"+w] = append(index["w:"+w], j)
		}
		if y.f.Subject != "" {
			for _, sw := range strings.Fields(entityKey(y.f.Subject)) {
				index["s:"+sw] = append(index["s:"+sw], j)
			}
		}
		index["v:"+y.f.Kind+":"+y.f.Value] = append(index["v:"+y.f.Kind+":"+y.f.Value], j)
	}
	type cand struct {
		i, j  int
		score float64
		agree bool
	}
	var cands []cand
	for i, x := range a {
		// Shared word weight through the index; only the best few
		// sentences are scored in full, so a text full of numbers in
		// similar sentences stays linear.
		acc := map[int]float64{}
		for w := range x.words {
			if js := index["w:"+w]; len(js) <= maxPosting {
				wt := weight(w)
				for _, j := range js {
					acc[j] += wt
				}
			}
		}
		for _, sw := range strings.Fields(entityKey(x.f.Subject)) {
			if js := index["s:"+sw]; len(js) <= maxPosting {
				for _, j := range js {
					acc[j] += 1
				}
			}
		}
		if js := index["v:"+x.f.Kind+":"+x.f.Value]; len(js) <= maxPosting {
			for _, j := range js {
				acc[j] += 0.5
			}
		}
		js := make([]int, 0, len(acc))
		for j := range acc {
			js = append(js, j)
		}
		sort.Slice(js, func(p, q int) bool {
			if acc[js[p]] != acc[js[q]] {
				return acc[js[p]] > acc[js[q]]
			}
			return js[p] < js[q]
		})
		if len(js) > maxScored {
			js = js[:maxScored]
		}
		for _, j := range js {
			if s, agree, ok := pairScore(x, b[j], weight); ok {
				cands = append(cands, cand{i, j, s, agree})
			}
		}
	}
	sort.Slice(cands, func(p, q int) bool {
		if cands[p].score != cands[q].score {
			return cands[p].score > cands[q].score
		}
		if cands[p].i != cands[q].i {
			return cands[p].i < cands[q].i
		}
		return cands[p].j < cands[q].j
	})
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	seenPair := map[string]bool{}
	for _, p := range cands {
		if usedA[p.i] || usedB[p.j] {
			continue
		}
		usedA[p.i], usedB[p.j] = true, true
		x, y := a[p.i].f, b[p.j].f
		k := x.Kind + "\x00" + x.Value + "\x00" + y.Value
		if seenPair[k] {
			continue // a restatement of a pair already reported
		}
		seenPair[k] = true
		pair := FactPair{A: x, B: y, Score: math.Min(1, p.score)}
		if p.agree {
			c.Agree = append(c.Agree, pair)
		} else {
			c.Differ = append(c.Differ, pair)
		}
	}
	// The same value stated by both, in sentences too far apart to pair
	// above ("in April 2014" in two differently told passages), agrees.
	for i, x := range a {
		if usedA[i] {
			continue
		}
		best, bestS := -1, -1.0
		looked := 0
		for _, j := range index["v:"+x.f.Kind+":"+x.f.Value] {
			if usedB[j] || x.f.Kind == Number && !sameUnit(x.f.Unit, b[j].f.Unit) && !bigCount(x.f) {
				continue
			}
			if looked++; looked > maxPosting {
				break // a value restated hundreds of times: any will do
			}
			if s, _, _ := pairScore(x, b[j], weight); s > bestS {
				best, bestS = j, s
			}
		}
		if best < 0 {
			continue
		}
		usedA[i], usedB[best] = true, true
		k := x.f.Kind + "\x00" + x.f.Value + "\x00" + b[best].f.Value
		if !seenPair[k] {
			seenPair[k] = true
			c.Agree = append(c.Agree, FactPair{A: x.f, B: b[best].f, Score: math.Min(1, bestS)})
		}
	}
	c.OnlyA = append(c.OnlyA, leftovers(a, usedA, b)...)
	c.OnlyB = append(c.OnlyB, leftovers(b, usedB, a)...)
}

// leftovers returns the unpaired facts of one side that the other side
// does not state anywhere, each value and subject once.
func leftovers(side []amount, used []bool, other []amount) []Fact {
	stated := map[string]bool{}
	for k, x := range side {
		if used[k] {
			stated[x.f.Kind+"\x00"+x.f.Value+"\x00"+x.f.Unit] = true
		}
	}
	for _, y := range other {
		stated[y.f.Kind+"\x00"+y.f.Value+"\x00"+y.f.Unit] = true
		if y.f.Kind == Date {
			// "2014" is stated by a text that says "2014-04".
			for v := y.f.Value; strings.LastIndex(v, "-") > 1; {
				v = v[:strings.LastIndex(v, "-")]
				stated[Date+"\x00"+v+"\x00*"] = true
			}
		}
		if bigCount(y.f) || y.f.Kind != Number {
			stated[y.f.Kind+"\x00"+y.f.Value+"\x00*"] = true
		}
	}
	var out []Fact
	for k, x := range side {
		key := x.f.Kind + "\x00" + x.f.Value + "\x00" + x.f.Unit
		own := key + "\x00" + entityKey(x.f.Subject)
		if used[k] || stated[key] || stated[own] || stated[x.f.Kind+"\x00"+x.f.Value+"\x00*"] {
			continue
		}
		stated[own] = true
		out = append(out, x.f)
	}
	return out
}

// Subject relations.
const (
	subjUnknown = iota
	subjMatch
	subjMismatch
)

func subjectRelation(x, y string) int {
	if x == "" || y == "" {
		return subjUnknown
	}
	if entityKey(x) == entityKey(y) || upper(x) && upper(y) && sameEntity(x, y) {
		return subjMatch
	}
	// "Messenger" and "Messenger end-to-end encryption".
	kx, ky := entityKey(x), entityKey(y)
	if x[0] != strings.ToLower(x)[0] && strings.HasPrefix(ky, kx+" ") || y[0] != strings.ToLower(y)[0] && strings.HasPrefix(kx, ky+" ") {
		return subjMatch
	}
	return subjMismatch
}

// compatible reports whether two values of one kind state the same fact:
// equal, or for dates one more precise than the other ("2014-04" and
// "2014").
func compatible(x, y Fact) bool {
	if x.Value == y.Value {
		return true
	}
	if x.Kind == Date && !strings.Contains(x.Value, "/") && !strings.Contains(y.Value, "/") && !strings.HasPrefix(x.Value, "--") && !strings.HasPrefix(y.Value, "--") {
		return strings.HasPrefix(x.Value, y.Value+"-") || strings.HasPrefix(y.Value, x.Value+"-")
	}
	return false
}

// sameUnit reports whether two counts count the same thing: "girl" and
// "schoolgirl" do.
func sameUnit(x, y string) bool {
	return x == y || len(x) > 3 && len(y) > 3 && (strings.HasSuffix(x, y) || strings.HasSuffix(y, x))
}

// pairScore scores a candidate pair and says whether it may pair and
// whether its values agree.
func pairScore(x, y amount, weight func(string) float64) (float64, bool, bool) {
	if x.f.Kind != y.f.Kind {
		return 0, false, false
	}
	var shared, sx, sy float64
	for w := range x.words {
		wt := weight(w)
		sx += wt
		if y.words[w] {
			shared += wt
		}
	}
	for w := range y.words {
		sy += weight(w)
	}
	ctx := 0.0
	if sx > 0 && sy > 0 {
		ctx = (shared/math.Min(sx, sy) + 2*shared/(sx+sy)) / 2
	}
	rel := subjectRelation(x.f.Subject, y.f.Subject)
	bonus := 0.0
	if rel == subjMatch {
		bonus = 0.3
	}
	unitOK := x.f.Kind != Number || sameUnit(x.f.Unit, y.f.Unit)
	if x.f.Kind == Number && x.f.Unit == y.f.Unit && rel == subjMismatch {
		rel = subjUnknown // "over a decade" and "almost a decade": the unit says what they are about
	}
	if compatible(x.f, y.f) {
		ok := ctx >= 0.25 && (unitOK || bigCount(x.f)) || rel == subjMatch && ctx >= 0.1 && unitOK
		return ctx + bonus + 0.2, true, ok
	}
	ok := unitOK && (rel == subjMatch && ctx >= 0.15 || rel == subjUnknown && ctx >= 0.5)
	return ctx + bonus, false, ok
}

// bigCount reports whether a count is large enough (10 or more) that the
// same number in two sentences about one story counts the same thing
// whatever noun each uses ("21 girls", "21 captives").
func bigCount(f Fact) bool {
	if f.Kind != Number {
		return false
	}
	v, err := strconv.ParseFloat(strings.Trim(f.Value, "+<~"), 64)
	return err == nil && v >= 10
}

func upper(s string) bool { return s != "" && strings.ToLower(s[:1]) != s[:1] }

// surname is the last word of a name, folded: names that can be the same
// entity share it.
func surname(s string) string {
	w := strings.Fields(entityKey(s))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}
