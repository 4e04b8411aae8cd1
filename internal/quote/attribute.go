package quote

import (
	"strings"
)

// attribution is a speaker found near a quote.
type attribution struct {
	ok      bool
	speaker string
	s, e    int
	cue     string
	name    string
	// cs is where the reported clause begins, for a cue before the
	// quote ("She said [police were …]"); ce where the attribution
	// begins, for a cue after it ("[The plan was …], Smith said"); 0 when
	// unknown.
	cs, ce int
}

var adverbs = map[string]bool{"also": true, "further": true, "then": true, "later": true, "previously": true, "once": true, "recently": true, "simply": true, "again": true, "even": true, "still": true, "has": true, "have": true, "had": true, "would": true, "will": true, "was": true, "is": true, "did": true, "does": true, "not": true, "never": true, "publicly": true, "earlier": true, "in": false}

// isVerbAt is isVerb for ts[i], refusing nouns: "people's posts", "the report".
func isVerbAt(ts []tok, i int) bool {
	if !isVerb(ts[i]) {
		return false
	}
	if i > 0 {
		p := ts[i-1]
		if possessive(p.s) || (determiners[p.lower()] && p.lower() != "that") {
			return false
		}
	}
	return true
}

func isVerb(t tok) bool {
	_, ok := verbs[t.lower()]
	return ok && !t.upper()
}

// np is a noun phrase in a token slice: ts[i:j].
type np struct {
	i, j int
	kind string // "pronoun", "name", "det" (a common noun phrase)
}

var npStop = map[string]bool{"at": true, "of": true, "in": true, "on": true, "for": true, "with": true, "from": true, "by": true, "to": true, "and": true, "or": true, "who": true, "which": true, "that": true, "as": true, "during": true, "after": true, "before": true, "when": true, "while": true, "about": true, "over": true, "into": true, "last": true, "next": true, "yesterday": true, "today": true, "tonight": true}

// parseNP reads a noun phrase starting at ts[i].
func parseNP(ts []tok, i int) (np, bool) {
	if i >= len(ts) {
		return np{}, false
	}
	t := ts[i]
	l := t.lower()
	if pronouns[l] {
		return np{i, i + 1, "pronoun"}, true
	}
	if (l == "one" || l == "another" || l == "some") && i+1 < len(ts) && ts[i+1].lower() == "of" {
		// "one of the players"
		if m, ok := parseNP(ts, i+2); ok && m.kind == "det" {
			return np{i, m.j, "det"}, true
		}
	}
	if determiners[l] || possessive(t.s) && !t.upper() {
		j := i + 1
		for j < len(ts) && ts[j].word() && !npStop[ts[j].lower()] && (!isVerb(ts[j]) || documentHeads[ts[j].lower()]) && !adverbs[ts[j].lower()] && j-i < 6 {
			j++
		}
		if j > i+1 || possessive(t.s) {
			return np{i, j, "det"}, true
		}
		return np{}, false
	}
	if t.upper() && t.word() && !stopCaps[t.s] {
		j := i
		for j < len(ts) {
			switch {
			case ts[j].upper() && ts[j].word() && (j == i || !stopCaps[ts[j].s] || honorifics[ts[j-1].s] || firstNames[ts[j-1].lower()] != 0 && (months[ts[j].s] || j == i+1 && j+1 < len(ts) && ts[j+1].s == ",")):
				// A given name makes the capitalised word after it a
				// surname: "Michael Every, a strategist".
				if possessive(ts[j].s) {
					// "Meta's communications head": a role.
					k := j + 1
					for k < len(ts) && ts[k].word() && !ts[k].upper() && !npStop[ts[k].lower()] && !isVerb(ts[k]) && !adverbs[ts[k].lower()] && k-j < 4 {
						k++
					}
					if k > j+1 {
						return np{i, k, "det"}, true
					}
					return np{i, j + 1, "name"}, true
				}
				j++
				continue
			case ts[j].s == "(" && j+2 < len(ts) && ts[j+1].upper() && ts[j+2].s == ")":
				j += 3
				continue
			case j > i && nameParticles[ts[j].s] && j+1 < len(ts) && (ts[j+1].upper() || nameParticles[ts[j+1].s] && j+2 < len(ts) && ts[j+2].upper()):
				j++
				continue
			}
			break
		}
		return np{i, j, "name"}, true
	}
	return np{}, false
}

// nameParticles join the parts of a name: "Ben van der Berg", "Luis da
// Silva".
var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "da": true, "der": true, "den": true, "la": true, "bin": true, "du": true, "di": true, "del": true}

// honorifics make the next capitalised word a name even when it is also a
// common word: "Ms. May", "Mr. Long".
var honorifics = map[string]bool{"Mr.": true, "Ms.": true, "Mrs.": true, "Dr.": true, "Mr": true, "Ms": true, "Mrs": true, "Dr": true}

// months are family names too after a given name: "Theresa May".
var months = map[string]bool{"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true, "August": true, "September": true, "October": true, "November": true, "December": true}

func possessive(s string) bool { return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") }

func joinToks(ts []tok) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.word() && (ts[i-1].word() || ts[i-1].s == ")" || ts[i-1].s == ",") || t.s == "(" {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	return b.String()
}

// firstNP finds the first noun phrase in ts[a:b].
func firstNP(ts []tok, a, b int) (np, bool) {
	for i := a; i < b; i++ {
		if n, ok := parseNP(ts[:b], i); ok {
			return n, true
		}
	}
	return np{}, false
}

// attributePost looks for a cue after the quote: “…,” he said / said Smith
// / according to the filing.
func (d *detector) attributePost(post []tok) attribution {
	a, at := d.attributeAfter(post)
	if a.ok && at < len(post) {
		a.ce = post[at].start
	}
	return a
}

// attributeAfter is attributePost; it also returns the index in post
// where the attribution begins.
func (d *detector) attributeAfter(post []tok) (attribution, int) {
	i := 0
	for i < len(post) && (post[i].s == "," || post[i].s == "—" || post[i].s == "–") {
		i++
	}
	if i < len(post) && post[i].lower() == "according" && i+1 < len(post) && post[i+1].lower() == "to" {
		if n, ok := parseNP(post, i+2); ok {
			return d.make(post, n, "according to"), i
		}
	}
	if a, ok := d.appositiveCue(post, i); ok {
		return a, i
	}
	for j := i; j < len(post) && j < i+10; j++ {
		t := post[j]
		if t.s == "." || t.s == "!" || t.s == "?" || t.s == ";" {
			break
		}
		if !isVerbAt(post, j) {
			continue
		}
		if j == i {
			// Inverted: said Smith, the mayor.
			if n, ok := parseNP(post, j+1); ok {
				n = laterName(post, n)
				a := d.make(post, n, t.s)
				d.appositive(post, n, a.name)
				return a, i
			}
			if n := laterName(post, np{j + 1, j + 1, ""}); n.j > n.i {
				return d.make(post, n, t.s), i
			}
			return attribution{}, i
		}
		b := j
		for b > i && adverbs[post[b-1].lower()] {
			b--
		}
		for s := max(i, b-8); s < b; s++ {
			n, ok := parseNP(post[:b], s)
			if !ok {
				continue
			}
			if n.j == b || complement(post[:b], n).j == b {
				return d.make(post, n, t.s), s
			}
			if n.kind == "name" && modifierGap(post, n.j, b) && isPersonName(stripTitles(wordsOf(post[n.i:n.j]))) {
				// "Jingyi Pan of IG said": the person, not the firm.
				return d.make(post, n, t.s), s
			}
		}
		return attribution{}, i
	}
	return attribution{}, i
}

// laterName looks past a description after an inverted cue for the name
// it leads to: said oil and gas worker Mike Wipf, says Heart and Stroke
// senior manager Erin Kim. It returns n when n is already a person's name
// or no name follows before the phrase ends.
func laterName(ts []tok, n np) np {
	if n.kind == "pronoun" || n.kind == "name" && n.j-n.i >= 2 && isPersonName(stripTitles(wordsOf(ts[n.i:n.j]))) {
		return n
	}
	from := n.i + 1
	if n.j == n.i {
		from = n.i // nothing parsed: "said oil and gas worker …"
	}
	for k := from; k < len(ts) && k < n.i+9; k++ {
		t := ts[k]
		if !t.word() || isVerb(t) || t.lower() == "who" || t.lower() == "which" {
			break
		}
		if !t.upper() || stopCaps[t.s] {
			continue
		}
		m, ok := parseNP(ts, k)
		if ok && m.kind == "name" && m.j-m.i >= 2 && isPersonName(stripTitles(wordsOf(ts[m.i:m.j]))) {
			return m
		}
		if ok {
			k = max(k, m.j-1)
		}
	}
	return n
}

func wordsOf(ts []tok) []string {
	var ws []string
	for _, t := range ts {
		if t.word() {
			ws = append(ws, t.s)
		}
	}
	return ws
}

// attributePre looks for a cue before the quote in the same sentence:
// Smith said, “…” / The court document stated, “…” / saying, “…” / as per
// the blog post, “…” / Smith: “…”. sent is the sentence up to the quote,
// for the subject of participles. When indirect is set the sentence has no
// quote: only a subject followed by its reporting verb counts.
func (d *detector) attributePre(pre, sent []tok, indirect bool) attribution {
	// The last reporting verb.
	v := -1
	for i := len(pre) - 1; i >= 0; i-- {
		if isVerbAt(pre, i) {
			v = i
			break
		}
	}
	// according to X / as per X; in reported speech only when no verb
	// follows: "According to EHS, … but Chapman says …" is Chapman's.
	for i := 0; i+1 < len(pre); i++ {
		l := pre[i].lower()
		if indirect && v > i && !weakVerbs[pre[v].lower()] {
			break
		}
		if (l == "according" && pre[i+1].lower() == "to") || (l == "as" && pre[i+1].lower() == "per") {
			if n, ok := parseNP(pre, i+2); ok {
				a := d.make(pre, n, l+" "+pre[i+1].lower())
				if n.j < len(pre) && pre[n.j].s == "," {
					a.cs = clauseStart(pre, n.j)
				}
				return a
			}
		}
	}
	if v < 0 {
		if !indirect && len(pre) > 0 && pre[len(pre)-1].s == ":" {
			// Smith: “…”, or "when Musk took to Twitter with this:";
			// not a heading in capitals nor "after a pause:".
			from := 0
			for k := len(pre) - 2; k >= 0; k-- {
				if subordinators[pre[k].lower()] {
					from = k + 1
					break
				}
			}
			if n, ok := firstNP(pre, from, len(pre)-1); ok && !(n.i > 0 && npStop[pre[n.i-1].lower()] || shouted(wordsOf(pre[n.i:n.j]))) {
				return d.make(pre, n, ":")
			}
		}
		return attribution{}
	}
	if indirect && (v > 12 && !openingAppositive(pre, v) || weakVerbs[pre[v].lower()]) {
		return attribution{}
	}
	a := d.verbSubject(pre, sent, v, indirect)
	if a.ok {
		a.cs = clauseStart(pre, v)
	}
	return a
}

// verbSubject finds the speaker of the reporting verb pre[v]: the subject
// of its clause, the antecedent of "who", the subject of the sentence for
// a participle ("saying"), a name before an appositive.
func (d *detector) verbSubject(pre, sent []tok, v int, indirect bool) attribution {
	cue := pre[v].s
	b := v - 1
	for b >= 0 && adverbs[pre[b].lower()] {
		b--
	}
	if !indirect && b > 0 && pre[b].lower() == "and" && pre[b-1].s != "," {
		// … denied the claims and wrote, “…”: the subject of the verb
		// before.
		for u := b - 1; u >= 0 && b-u < 20; u-- {
			if isVerbAt(pre, u) && !strings.HasSuffix(pre[u].lower(), "ing") {
				return d.verbSubject(pre[:b], sent, u, indirect)
			}
		}
	}
	if strings.HasSuffix(pre[v].lower(), "ing") {
		// "… with a spokesperson for the camp describing it as": the
		// participle has its own subject after "with".
		for s := b; s > 0 && s >= b-8; s-- {
			if pre[s-1].lower() != "with" {
				continue
			}
			if n, ok := parseNP(pre, s); ok && complement(pre, n).j == b+1 {
				return d.make(pre, n, cue)
			}
			break
		}
	}
	if strings.HasSuffix(pre[v].lower(), "ing") || !indirect && b > 0 && pre[b].lower() == "and" && pre[b-1].s != "," {
		// saying, “…”, or … and suggests “…”: the subject of the
		// sentence, after its dateline ("OTTAWA — ").
		from := 0
		if k := datelineEnd(sent); k > 0 {
			from = k
		}
		if n, ok := firstNP(sent, from, min(len(sent), v)); ok {
			a := d.make(sent, n, cue)
			d.appositive(sent, n, a.name)
			return a
		}
		return attribution{}
	}
	if b >= 0 && (pre[b].lower() == "who" || pre[b].lower() == "which" || pre[b].lower() == "that") {
		e := b
		if e > 0 && pre[e-1].s == "," {
			e--
		}
		// The noun phrase that ends right before the relative pronoun.
		for s := max(0, e-6); s < e; s++ {
			if n, ok := parseNP(pre[:e], s); ok && n.j == e {
				return d.make(pre, n, cue)
			}
		}
		return attribution{}
	}
	// The clause of the verb: from the last comma or subordinating
	// conjunction before it ("… a barbecue when a friend wondered").
	c := v - 1
	sub := directCue(pre, v)
	for c >= 0 && pre[c].s != "," && pre[c].s != ";" && pre[c].s != ":" && pre[c].s != "(" && !(sub && subordinators[pre[c].lower()] && c < b) {
		c--
	}
	if !indirect && v == c+1 {
		// Inverted before the quote: … asks editor Jane Roe, “…”.
		if n, ok := invertedName(pre, v); ok {
			return d.make(pre, n, cue)
		}
	}
	from := c + 1
	if from == 0 {
		from = datelineEnd(pre)
	}
	if n, ok := firstNP(pre, from, v); ok {
		if indirect && n.j != b+1 && !(n.i == c+1 && modifierGap(pre, n.j, b+1)) {
			return attribution{}
		}
		if n.kind == "name" && n.j < b+1 && b+1-n.j <= 2 {
			// "Canadian actor Oh said": the name after the role;
			// "Finance officials said": the body's people.
			if m, ok := parseNP(pre, b); ok && b == n.j+1 && m.kind == "name" && m.j == b+1 && !stopCaps[pre[b].s] && !timeWords[pre[b].lower()] && pre[n.j].word() && !pre[n.j].upper() && !npStop[pre[n.j].lower()] {
				n = m
			} else if groupNoun(pre[n.j : b+1]) {
				n = np{n.i, b + 1, "det"}
			}
		}
		a := d.make(pre, n, cue)
		if n.kind == "name" && c > 0 {
			// Meta's communications head, Andy Stone denied …
			for s := c - 1; s >= max(0, c-6); s-- {
				if r, ok := parseNP(pre[:c], s); ok && r.kind == "det" && r.j == c {
					d.noteRole(joinToks(pre[r.i:r.j]), a.name)
					break
				}
			}
		}
		return a
	}
	if c < 0 || v-c > 2 {
		return attribution{}
	}
	// Smith, the mayor of X, said: walk back over the appositive.
	c2 := c - 1
	for c2 >= 0 && pre[c2].s != "," {
		c2--
	}
	if c2 >= 0 && c2+1 < c {
		switch pre[c2+1].lower() {
		case "who", "whose":
			// Reagan Ruslim, who joined the board, said: the antecedent.
			for s := max(0, c2-6); s < c2; s++ {
				if n, ok := parseNP(pre[:c2], s); ok && n.j == c2 && n.kind == "name" {
					return d.make(pre, n, cue)
				}
			}
		case "where", "which", "when", "a", "an", "the":
			// Joe Nienaber, a graduate …, where the school is, said:
			// the name that opens the sentence.
			k := 0
			if k < len(pre) && (pre[k].s == "But" || pre[k].s == "And") {
				k++
			}
			if n, ok := parseNP(pre, k); ok && n.kind == "name" && n.j < c2 && pre[n.j].s == "," {
				return d.make(pre, n, cue)
			}
		}
	}
	// Donald Tusk, the president of the council, which represents its
	// members, urged: the person's name that a chain of appositives and
	// relative clauses follows.
	for e, hops := c, 0; e > 0 && hops < 4; hops++ {
		s := e - 1
		for s >= 0 && pre[s].s != "," && pre[s].s != ";" {
			s--
		}
		if n, ok := parseNP(pre[:e], s+1); ok && n.kind == "name" && n.j == e && isPersonName(stripTitles(wordsOf(pre[n.i:n.j]))) && hops > 0 {
			a := d.make(pre, n, cue)
			return a
		}
		if s < 0 || pre[s].s == ";" {
			break
		}
		e = s
	}
	if c2 > 0 {
		c3 := c2 - 1
		for c3 >= 0 && pre[c3].s != "," && pre[c3].s != ";" {
			c3--
		}
		if n, ok := firstNP(pre, c3+1, c2); ok && n.kind == "name" {
			a := d.make(pre, n, cue)
			d.noteRole(joinToks(pre[c2+1:c]), a.name)
			return a
		}
	}
	if openingAppositive(pre, v) {
		// Sarah Lin, who taught there, played in the band and left in
		// 2010, said: the name that opens the sentence.
		return d.make(pre, np{0, nameEnd(pre), "name"}, cue)
	}
	if n, ok := firstNP(pre, c2+1, c); ok {
		return d.make(pre, n, cue)
	}
	return attribution{}
}

// invertedName returns the name after the reporting verb pre[v] when the
// words from the verb to the quote are only a description and that name:
// "asks Harbour Review editor Jane Roe,".
func invertedName(pre []tok, v int) (np, bool) {
	end := len(pre)
	if end > v+1 && (pre[end-1].s == "," || pre[end-1].s == ":") {
		end--
	}
	if end-v < 3 || end-v > 9 {
		return np{}, false
	}
	for _, t := range pre[v+1 : end] {
		if !t.word() || isVerb(t) {
			return np{}, false
		}
	}
	for k := v + 1; k < end; k++ {
		if !pre[k].upper() || k > v+1 && pre[k-1].upper() {
			continue
		}
		if m, ok := parseNP(pre[:end], k); ok && m.kind == "name" && m.j == end && isPersonName(stripTitles(wordsOf(pre[m.i:m.j]))) {
			return m, true
		}
	}
	return np{}, false
}

// datelineEnd returns where the text after a dateline ("OTTAWA —") begins,
// 0 when ts opens with none.
func datelineEnd(ts []tok) int {
	k := 0
	for k < len(ts) && k < 4 && ts[k].word() && len(ts[k].s) > 1 && strings.ToUpper(ts[k].s) == ts[k].s {
		k++
	}
	if k > 0 && k < len(ts) && (ts[k].s == "—" || ts[k].s == "–" || ts[k].s == "-") {
		return k + 1
	}
	return 0
}

// groupNoun reports whether ts, after a capitalised name, are the people
// of that body: "Finance officials", "Surrey staff".
func groupNoun(ts []tok) bool {
	if len(ts) != 1 || !ts[0].word() || ts[0].upper() {
		return false
	}
	return groupNouns[ts[0].lower()]
}

// groupNouns stand for the people of a body named before them.
var groupNouns = map[string]bool{"officials": true, "staff": true, "officers": true, "employees": true, "workers": true, "members": true,
	"researchers": true, "scientists": true, "lawyers": true, "investigators": true, "leaders": true, "organizers": true, "organisers": true, "volunteers": true}

// openingAppositive reports whether pre opens with a person's name set off
// by a comma and the reporting verb pre[v] follows a comma closing the
// description: "Ann Lee, a geologist at the university, said".
func openingAppositive(pre []tok, v int) bool {
	if v < 3 || v >= len(pre) || pre[v-1].s != "," {
		return false
	}
	e := nameEnd(pre)
	if e == 0 || e >= v-1 || pre[e].s != "," || !isPersonName(stripTitles(wordsOf(pre[:e]))) {
		return false
	}
	for _, t := range pre[e+1 : v-1] {
		if s := t.s; s == "." || s == ";" || s == "“" || s == "\"" {
			return false
		}
	}
	return true
}

// nameEnd returns where the name that opens ts ends, 0 when ts does not
// open with a name.
func nameEnd(ts []tok) int {
	if n, ok := parseNP(ts, 0); ok && n.kind == "name" {
		return n.j
	}
	return 0
}

// modifierGap reports whether ts[i:j], between a subject and its verb, is
// a short prepositional phrase: "Tim Guest [with the Nova Scotia Health
// Authority] says".
func modifierGap(ts []tok, i, j int) bool {
	if i >= j || j-i > 8 {
		return false
	}
	switch ts[i].lower() {
	case "with", "of", "from", "at", "for":
	default:
		return false
	}
	for _, t := range ts[i+1 : j] {
		if !t.word() || isVerb(t) {
			return false
		}
	}
	return true
}

// appositive records "Name, the role at Org," after a name.
func (d *detector) appositive(ts []tok, n np, name string) {
	if n.kind != "name" || n.j+2 >= len(ts) || ts[n.j].s != "," {
		return
	}
	e := n.j + 1
	for e < len(ts) && ts[e].s != "," && ts[e].s != "." && !isVerb(ts[e]) && e-n.j < 12 {
		e++
	}
	if e < len(ts) && ts[e].s == "," {
		l := ts[n.j+1].lower()
		if determiners[l] || l == "a" || l == "an" {
			d.noteRole(joinToks(ts[n.j+1:e]), name)
		}
	}
}

// noteRole records a role phrase ("the Communications Director at Meta",
// "Meta's communications head") for a name.
func (d *detector) noteRole(role, name string) {
	if name == "" || role == "" {
		return
	}
	f := strings.Fields(role)
	if len(f) > 0 && determiners[strings.ToLower(f[0])] {
		f = f[1:]
	}
	aff := ""
	if len(f) > 0 && possessive(f[0]) {
		aff = strings.TrimSuffix(strings.TrimSuffix(f[0], "'s"), "’s")
		f = f[1:]
	}
	for i, w := range f {
		if (w == "at" || w == "of" || w == "for" || w == "with") && i > 0 && i+1 < len(f) {
			aff = strings.Join(f[i+1:], " ")
			f = f[:i]
			break
		}
	}
	if len(f) == 0 {
		return
	}
	rl := strings.Join(f, " ")
	if _, ok := d.info[name]; !ok {
		d.info[name] = person{rl, aff}
	}
	d.roles[strings.ToLower(f[len(f)-1])] = name
}

// make turns a noun phrase into an attribution, resolving it to a name.
func (d *detector) make(ts []tok, n np, cue string) attribution {
	if n.kind == "name" {
		n = roleName(ts, n)
	}
	n = complement(ts, n)
	words := ts[n.i:n.j]
	a := attribution{ok: true, speaker: joinToks(words), s: words[0].start, e: words[len(words)-1].end, cue: cue}
	switch n.kind {
	case "pronoun":
		a.name = d.last
		if words[0].lower() == "it" {
			if o := d.itOrg(a.s); o != "" {
				a.name = o
			}
		}
		if l := words[0].lower(); l == "he" || l == "she" {
			if name := d.current(pronounGender[l], a.s); name != "" {
				a.name = name
			} else if name := d.salient(pronounGender[l], a.s); name != "" {
				a.name = name
			} else if d.lastPerson != "" {
				a.name = d.lastPerson
			}
		}
		if a.name == "" {
			for i := len(d.names) - 1; i >= 0; i-- {
				if d.names[i].pos < a.s {
					a.name = d.names[i].name
					break
				}
			}
		}
	case "name":
		// Name, the role: followed by "," and a name? Handled by caller.
		a.name = d.resolveName(d.words(words), a.s)
	default:
		a.name = d.resolveNP(words, a.s)
		if author := documentAuthor(ts, n); author != "" {
			a.name = author
		} else if head := ts[n.j-1].lower(); documentHeads[head] && !socialHeads[head] && strings.HasPrefix(a.name, "the ") {
			// "The statement also said" after "X said in a statement".
			if m, ok := d.authors[head]; ok && a.s-m.pos < authorReach {
				a.name = m.name
			}
		}
		// "Meta's communications head, Andy Stone": a name right after.
		if n.j+1 < len(ts) && ts[n.j].s == "," {
			if m, ok := parseNP(ts, n.j+1); ok && m.kind == "name" {
				name := d.resolveName(d.words(ts[m.i:m.j]), ts[m.i].start)
				d.noteRole(a.speaker, name)
				a.name = name
			}
		}
	}
	return a
}

// complement extends an indefinite description over its "of" or "for"
// phrase, which says who the speaker is: "a spokesperson for the camp",
// "another member of the public".
func complement(ts []tok, n np) np {
	if n.kind != "det" || n.j+1 >= len(ts) {
		return n
	}
	switch ts[n.i].lower() {
	case "a", "an", "one", "another", "some":
	default:
		return n
	}
	if l := ts[n.j].lower(); l != "of" && l != "for" || documentHeads[ts[n.j-1].lower()] {
		return n
	}
	if m, ok := parseNP(ts, n.j+1); ok && m.kind == "det" {
		return np{n.i, m.j, "det"}
	}
	return n
}

// lookback bounds how many earlier mentions name resolution reads, so
// that a text naming thousands of people stays linear.
const lookback = 300

// resolveName resolves a name as written to the fullest form mentioned.
func (d *detector) resolveName(ws []string, pos int) string {
	ws = stripTitles(ws)
	if len(ws) == 0 {
		return ""
	}
	if len(ws) > 1 {
		// "Al Mnajer" after "Mohammad Al Mnajer": the fuller name.
		for i := len(d.names) - 1; i >= max(0, len(d.names)-lookback); i-- {
			if m := d.names[i]; len(m.words) > len(ws) && endsWith(m.words, ws) {
				return m.name
			}
		}
		return strings.Join(ws, " ")
	}
	w := strings.TrimSuffix(strings.TrimSuffix(ws[0], "'s"), "’s")
	if full, ok := d.acronyms[w]; ok {
		return full
	}
	best := ""
	for i := len(d.names) - 1; i >= max(0, len(d.names)-lookback); i-- {
		m := d.names[i]
		if m.words[len(m.words)-1] == w && m.pos <= pos {
			return m.name
		}
		if best == "" && m.words[len(m.words)-1] == w {
			best = m.name
		}
	}
	if best != "" {
		return best
	}
	if n, ok := d.roles[strings.ToLower(w)]; ok {
		return n
	}
	// A given name alone ("Jordan said"), or a family name written first
	// ("Wang Qishan", then "Wang").
	for i := len(d.names) - 1; i >= max(0, len(d.names)-lookback); i-- {
		if m := d.names[i]; m.words[0] == w && m.pos <= pos && isPersonName(m.words) {
			return m.name
		}
	}
	return w
}

// resolveNP resolves a common noun phrase: a document, a role, a post.
func (d *detector) resolveNP(words []tok, pos int) string {
	head := ""
	for i := len(words) - 1; i >= 0; i-- {
		if words[i].word() {
			head = strings.ToLower(words[i].s)
			break
		}
	}
	blog := false
	for _, w := range words {
		if strings.EqualFold(w.s, "blog") {
			blog = true
		}
	}
	if socialHeads[head] && !blog && d.poster != "" {
		return d.poster
	}
	if n, ok := d.roles[head]; ok {
		return n
	}
	// "the IFSD’s Azfar Ali Khan": a name after a possessive.
	for k := 1; k+1 < len(words); k++ {
		if possessive(words[k-1].s) && words[k].upper() {
			rest := words[k:]
			all := true
			for _, w := range rest {
				all = all && w.word() && w.upper()
			}
			if all {
				return d.resolveName(d.words(rest), pos)
			}
		}
	}
	// "a Michigan school's latest list": the owner speaks, when what
	// follows is a description, not a role ("the firm's director").
	for k := 1; k+1 < len(words); k++ {
		if possessive(words[k].s) && determiners[words[0].lower()] && !titles[head] && !roleHeads[head] {
			ws := wordsOf(words[:k+1])
			ws[0] = strings.ToLower(ws[0])
			last := len(ws) - 1
			ws[last] = strings.TrimSuffix(strings.TrimSuffix(ws[last], "'s"), "’s")
			return strings.Join(ws, " ")
		}
	}
	if g := pronounGender[words[0].lower()]; g != 0 && len(words) == 2 && documentHeads[head] {
		// "her statement": the person who wrote it.
		if name := d.salient(g, pos); name != "" {
			return name
		}
	}
	if documentHeads[head] || blog {
		if blog {
			head = "blog"
		}
		best := ""
		for _, m := range d.docs[max(0, len(d.docs)-lookback):] {
			if m.pos > pos {
				break
			}
			for _, w := range m.words {
				if w == head && len(m.name) > len(best) {
					best = m.name
				}
			}
		}
		if best != "" {
			return "the " + best
		}
	}
	var ws []string
	for _, w := range words {
		ws = append(ws, w.s)
	}
	if strings.EqualFold(ws[0], "the") && len(ws) > 1 && !documentHeads[head] && !socialHeads[head] {
		if orgHeads[head] {
			if o := d.org(head, pos); o != "" {
				return o
			}
		} else if len(ws) > 2 || titles[head] {
			// An epithet, "the bow-tied maverick": the person the text
			// is about.
			if p := d.recentPerson(pos, d.prevStart); p != "" {
				return p
			}
		}
	}
	// A document is "the" document; a person or a body described but not
	// named keeps its determiner as written: "a spokesperson", "her
	// office".
	if len(ws) > 0 && determiners[strings.ToLower(ws[0])] {
		ws[0] = strings.ToLower(ws[0])
		if documentHeads[head] || socialHeads[head] || ws[0] == "this" || ws[0] == "that" {
			ws[0] = "the"
		}
	}
	return strings.Join(ws, " ")
}

// roleHeads are nouns for a person holding a post in what precedes them:
// "the firm's spokeswoman".
var roleHeads = map[string]bool{"spokesperson": true, "spokesman": true, "spokeswoman": true, "head": true, "chief": true, "director": true,
	"lawyer": true, "attorney": true, "founder": true, "owner": true, "manager": true, "coach": true, "leader": true, "representative": true, "official": true}

// orgHeads are nouns that stand for an organisation named earlier: "the
// company", "the agency".
var orgHeads = map[string]bool{"company": true, "firm": true, "agency": true, "department": true, "ministry": true, "organization": true,
	"organisation": true, "group": true, "association": true, "union": true, "corporation": true, "bank": true, "business": true,
	"government": true, "office": true, "charity": true, "network": true, "retailer": true, "airline": true, "startup": true, "insurer": true}

// org returns the organisation "the <head>" at pos refers to: the last
// one named before pos whose name holds head ("the department" after "the
// State Department"), else the last one named.
func (d *detector) org(head string, pos int) string {
	best := ""
	for i := len(d.orgs) - 1; i >= 0 && i >= len(d.orgs)-50; i-- {
		m := d.orgs[i]
		if m.pos >= pos {
			continue
		}
		for _, w := range m.words {
			if strings.EqualFold(w, head) {
				return d.expand(m.name)
			}
		}
		if best == "" {
			best = d.expand(m.name)
		}
	}
	return best
}

// documentAuthor returns who wrote the document ts[n.i:n.j]: "the RCMP"
// for "The RCMP statement", "the EU" for "A statement from the EU", "" when
// the text does not say.
func documentAuthor(ts []tok, n np) string {
	if n.j-n.i > 2 && n.j < len(ts) && authorVerbs[ts[n.j-1].lower()] && ts[n.j].lower() == "by" {
		n.j-- // the noun phrase ran over "released" in "a statement released by"
	}
	head := ts[n.j-1].lower()
	if !documentHeads[head] || socialHeads[head] || head == "blog" {
		return ""
	}
	by := n.j
	if by+1 < len(ts) && authorVerbs[ts[by].lower()] && ts[by+1].lower() == "by" {
		by++ // "a statement released by the PMO"
	}
	if by+1 < len(ts) && (ts[by].lower() == "from" || ts[by].lower() == "by") {
		if m, ok := parseNP(ts, by+1); ok && m.kind != "pronoun" {
			caps := false
			for _, t := range ts[m.i:m.j] {
				caps = caps || t.upper() && !determiners[t.lower()]
			}
			if caps {
				ws := strings.Fields(joinToks(ts[m.i:m.j]))
				if determiners[strings.ToLower(ws[0])] {
					ws[0] = strings.ToLower(ws[0])
				}
				return strings.Join(ws, " ")
			}
		}
	}
	// "The RCMP statement": capitalised words between the article and
	// the head, none of them a document's usual modifier.
	if n.j-n.i >= 3 && strings.EqualFold(ts[n.i].s, "the") {
		var ws []string
		for _, t := range ts[n.i+1 : n.j-1] {
			if !t.upper() || docModifiers[t.lower()] || months[t.s] {
				return ""
			}
			ws = append(ws, t.s)
		}
		return "the " + strings.Join(ws, " ")
	}
	return ""
}

// authorVerbs link a document to its author: "a statement released by".
var authorVerbs = map[string]bool{"released": true, "issued": true, "published": true, "written": true, "signed": true, "filed": true, "prepared": true}

// authorReach is how far, in code points, "the statement" reaches back to
// the person said to speak in one.
const authorReach = 3000

// noteAuthor records name as the author of a document the sentence ts
// says they spoke in: "said in a statement", "In an emailed statement, …".
func (d *detector) noteAuthor(ts []tok, name string) {
	if f := strings.Fields(name); len(f) == 0 || documentHeads[strings.ToLower(f[len(f)-1])] {
		return
	}
	for i := 0; i+2 < len(ts); i++ {
		if ts[i].lower() != "in" {
			continue
		}
		switch ts[i+1].lower() {
		case "a", "an", "its", "his", "her", "their", "the":
		default:
			continue
		}
		for k := i + 2; k < len(ts) && k < i+5 && ts[k].word(); k++ {
			if h := ts[k].lower(); documentHeads[h] && !socialHeads[h] && h != "court" {
				d.authors[h] = mention{name: name, pos: ts[k].start}
				break
			}
		}
	}
}

var docModifiers = map[string]bool{"court": true, "legal": true, "news": true, "press": true, "blog": true, "police": true, "government": true, "company": true, "class": true, "action": true}

// collect records the full names and document phrases of a paragraph.
func (d *detector) collect(items []item) {
	// Pronoun evidence of gender stays within the paragraph of the name.
	d.pending = ""
	var ts []tok
	flush := func() {
		d.noteAcronyms(ts)
		for i := 0; i < len(ts); i++ {
			t := ts[i]
			if t.upper() && t.word() && !stopCaps[t.s] {
				n, ok := parseNP(ts, i)
				if ok && n.kind == "det" {
					// "Erik Karlsson's suspension": the name before 's.
					for k := n.i; k < n.j; k++ {
						if possessive(ts[k].s) {
							n = np{n.i, k + 1, "name"}
							break
						}
					}
				}
				if ok && n.kind == "name" {
					raw := d.words(ts[n.i:n.j])
					ws := stripTitles(raw)
					if len(ws) > 0 {
						last := ws[len(ws)-1]
						ws[len(ws)-1] = strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s")
					}
					// A name after a preposition or an article is rarely
					// the person a later "he" or "she" means.
					// After a conjunction that opens a clause the name is
					// that clause's subject: "a comment that Scheer found".
					obj := n.i > 0 && (npStop[ts[n.i-1].lower()] || determiners[ts[n.i-1].lower()]) && !clauseOpeners[ts[n.i-1].lower()]
					// A photo credit, "(AP Photo/Evan Vucci)", "(Muriel
					// Draaisma/CBC)", names no one in the story.
					obj = obj || n.i > 0 && ts[n.i-1].s == "/" || n.j < len(ts) && ts[n.j].s == "/"
					// Only a name in subject position lends its gender to
					// the next pronoun: not "the season-long FedEx Cup
					// race", not "Edmonton, Red Deer and Sundre".
					subj := !obj && (n.i == 0 || !ts[n.i-1].word() || ts[n.i-1].upper() || clauseOpeners[ts[n.i-1].lower()]) &&
						(n.j == len(ts) || !npStop[ts[n.j].lower()] && !(ts[n.j].word() && ts[n.j].upper()))
					switch {
					case n.j+2 < len(ts) && ts[n.j].s == "," && pronouns[ts[n.j+1].lower()] && isVerb(ts[n.j+2]):
						// "Schumer, he said, …": whom the speaker talks
						// about, not a new speaker.
						obj, subj = true, false
					case n.i == 1 && (ts[0].s == "For" || ts[0].s == "To") && n.j < len(ts) && ts[n.j].s == ",":
						// "For Megda Belkacemi, Friday is a day she …":
						// the sentence is about her.
						obj, subj = false, true
					case n.j+2 < len(ts) && ts[n.j].s == "," && isAge(ts[n.j+1].s) && (ts[n.j+2].s == "," || ts[n.j+2].s == "."):
						// "accountant Babatunji Farinloye, 50.": a person
						// introduced with an age is the one the story
						// turns to.
						obj, subj = false, true
					}
					if isOrgName(ws) && len(stripAcronymTitles(ws)) > 0 && !shouted(ws) {
						d.orgs = append(d.orgs, mention{strings.Join(ws, " "), ws, t.start, obj, false, subj})
					}
					switch {
					case len(ws) > 1:
						name := d.resolveName(ws, t.start)
						if name != strings.Join(ws, " ") {
							// "Paz Akin" after "Lorena Paz Akin".
							k := d.surnames[ws[len(ws)-1]]
							ws = d.names[k].words
						}
						d.surnames[ws[len(ws)-1]] = len(d.names)
						d.names = append(d.names, mention{name, ws, t.start, obj, false, subj})
						d.titleGender(raw, ts, n.i, name)
						if g := saidPronoun(ts, n.j); g != 0 && d.titled[name] == 0 {
							// "Lee Finell, a manager, said she …": the
							// text's own pronoun outweighs the given name.
							d.titled[name] = g
						}
						d.introRole(raw, ws, ts, n, name)
						if subj {
							d.pending, d.pendingPos = name, t.start
						}
					case len(ws) == 1:
						// A surname alone refers to the person last named
						// in full with it; it keeps that person salient.
						// A single name that speaks ("Na'moks said") is a
						// person too.
						if n.j < len(ts) && isVerb(ts[n.j]) && !weakVerbs[ts[n.j].lower()] && !stopCaps[ws[0]] && ws[0] != strings.ToUpper(ws[0]) && d.resolveName(ws, t.start) == ws[0] {
							d.names = append(d.names, mention{ws[0], ws, t.start, obj, true, subj})
							if subj {
								d.pending, d.pendingPos = ws[0], t.start
							}
							break
						}
						if k, ok := d.surnames[ws[0]]; ok {
							m := d.names[k]
							d.names = append(d.names, mention{m.name, m.words, t.start, obj, m.speaker, subj})
							d.titleGender(raw, ts, n.i, m.name)
							if subj {
								d.pending, d.pendingPos = m.name, t.start
							}
						}
					}
					i = n.j - 1
					continue
				}
			}
			l := t.lower()
			if g := pronounGender[l]; g != 0 && d.pending != "" && t.start-d.pendingPos < 500 {
				// The first gendered pronoun after a person is named
				// usually refers to that person: evidence of gender.
				if _, ok := d.gender[d.pending]; !ok {
					d.gender[d.pending] = g
				}
				d.pending = ""
			}
			if documentHeads[l] {
				s := i
				for s > 0 && s > i-2 && docModifiers[ts[s-1].lower()] {
					s--
				}
				e := i + 1
				if e < len(ts) && documentHeads[ts[e].lower()] && ts[e].lower() != "court" {
					e++
				}
				var ws []string
				for _, w := range ts[s:e] {
					ws = append(ws, strings.ToLower(w.s))
				}
				d.docs = append(d.docs, mention{strings.Join(ws, " "), ws, t.start, false, false, false})
				i = e - 1
			}
		}
		ts = ts[:0]
	}
	for _, it := range items {
		if it.q >= 0 {
			flush()
			continue
		}
		ts = append(ts, it.t)
	}
	flush()
}

// subordinators open a clause with its own subject.
var subordinators = map[string]bool{"when": true, "while": true, "because": true, "that": true, "if": true, "although": true, "though": true, "whereas": true}

// directCue reports whether the reporting verb pre[v] introduces the
// quote itself: only adverbs and punctuation stand between them ("wondered
// loudly, “…”"), not a clause of its own ("believes the law is wrong, “…”").
func directCue(pre []tok, v int) bool {
	for _, t := range pre[v+1:] {
		if t.word() && !adverbs[t.lower()] && !strings.HasSuffix(t.lower(), "ly") {
			return false
		}
	}
	return true
}

// saidPronoun returns the gender of "he" or "she" right after the
// reporting verb of the name ending at ts[j] ("Lee Finell, a manager with
// the board, said she …"), 0 when there is none.
func saidPronoun(ts []tok, j int) int {
	k := j
	if k < len(ts) && ts[k].s == "," {
		e := k + 1
		for e < len(ts) && e < k+25 && ts[e].s != "," && ts[e].s != "." && ts[e].s != ";" {
			e++
		}
		if e >= len(ts) || ts[e].s != "," {
			return 0
		}
		k = e + 1
	}
	for k < len(ts) && adverbs[ts[k].lower()] {
		k++
	}
	if k+1 >= len(ts) || !isVerb(ts[k]) || weakVerbs[ts[k].lower()] {
		return 0
	}
	if l := ts[k+1].lower(); l == "he" || l == "she" {
		return pronounGender[l]
	}
	return 0
}

// clauseOpeners are conjunctions whose next noun phrase is a subject.
var clauseOpeners = map[string]bool{"that": true, "when": true, "while": true, "because": true}

// isAge reports whether s is a person's age: one to three digits.
func isAge(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var postVerbs = map[string]bool{"published": true, "posted": true, "shared": true, "tweeted": true, "wrote": true, "reposted": true}

// notePost remembers who published a post ("Das … published a post on X")
// so that "the post" and "a caption" resolve to that person.
func (d *detector) notePost(ts []tok) {
	for i, t := range ts {
		if !postVerbs[t.lower()] {
			continue
		}
		for j := i + 1; j < len(ts) && j < i+4; j++ {
			l := ts[j].lower()
			if l == "post" || l == "tweet" || l == "message" {
				if j > 0 && strings.EqualFold(ts[j-1].s, "blog") {
					return
				}
				if n, ok := firstNP(ts, 0, i); ok && n.kind == "name" {
					ws := d.words(ts[n.i:n.j])
					d.poster = d.resolveName(ws, ts[n.i].start)
				}
				return
			}
		}
	}
}

// words splits a name into words as written, keeping a parenthesised
// nickname with its parentheses: "Debarghya", "(Deedy)", "Das".
func (d *detector) words(ts []tok) []string {
	var ws []string
	for i := 0; i < len(ts); i++ {
		if ts[i].s == "(" && i+2 < len(ts) && ts[i+2].s == ")" {
			ws = append(ws, "("+ts[i+1].s+")")
			i += 2
			continue
		}
		if ts[i].word() {
			ws = append(ws, ts[i].s)
		}
	}
	return ws
}

// stripTitles removes the titles and descriptions before a name: "Nova
// Scotia Liberal MP Sean Fraser" -> "Sean Fraser".
func stripTitles(ws []string) []string {
	for i := len(ws) - 2; i >= 0; i-- {
		if isTitle(ws[i]) {
			return ws[i+1:]
		}
	}
	return ws
}

// isTitle reports whether w is a title, also a hyphenated one whose last
// part is: "Vice-President", "Co-Chair".
func isTitle(w string) bool {
	l := strings.ToLower(w)
	if titles[l] {
		return true
	}
	i := strings.LastIndexByte(l, '-')
	return i > 0 && titles[l[i+1:]]
}

// pronounGender maps gendered pronouns to 1 (masculine) or -1 (feminine).
var pronounGender = map[string]int{"he": 1, "him": 1, "his": 1, "himself": 1, "she": -1, "her": -1, "hers": -1, "herself": -1}

// genderWords are words before or around a name that give its gender.
var genderWords = map[string]int{"mr": 1, "mr.": 1, "ms": -1, "ms.": -1, "mrs": -1, "mrs.": -1, "miss": -1,
	"spokesman": 1, "spokeswoman": -1, "chairman": 1, "chairwoman": -1, "father": 1, "mother": -1,
	"husband": 1, "wife": -1, "son": 1, "daughter": -1, "brother": 1, "sister": -1, "boy": 1, "girl": -1,
	"man": 1, "woman": -1, "businessman": 1, "businesswoman": -1, "congressman": 1, "congresswoman": -1,
	"grandfather": 1, "grandmother": -1, "uncle": 1, "aunt": -1, "king": 1, "queen": -1, "prince": 1, "princess": -1,
	"actor": 1, "actress": -1, "sir": 1, "dame": -1, "lady": -1}

// titleGender records the gender a title or a gendered noun right before
// a name gives it: "Mr. Smith", "the mother, Jane Doe".
func (d *detector) titleGender(raw []string, ts []tok, i int, name string) {
	g := 0
	for _, w := range raw {
		if v := genderWords[strings.ToLower(w)]; v != 0 {
			g = v
		}
	}
	// "wife Fouzia Al Hashish", "the mother, Jane Doe"; not "his mother
	// approached Gillis".
	if k := i - 1; k >= 0 && g == 0 {
		g = genderWords[ts[k].lower()]
		if g == 0 && ts[k].s == "," && k > 0 {
			g = genderWords[ts[k-1].lower()]
		}
	}
	if g != 0 {
		d.titled[name] = g
	}
}

// salient returns the person "he" or "she" at pos most likely refers to:
// the most recently mentioned person whose gender, as far as the text and
// the given name tell, is g, or is unknown and who was named as a subject
// ("Patrice Lindsay … said"), not in a list of places. A person of the other
// gender mentioned since does not hide an earlier one.
func (d *detector) salient(g, pos int) string {
	seen := 0
	lo := max(0, len(d.names)-200)
	for i := len(d.names) - 1; i >= lo && seen < 12; i-- {
		m := d.names[i]
		if m.pos >= pos || m.obj || !m.speaker && !isPersonName(m.words) {
			continue
		}
		seen++
		if mg := d.genderOf(m); mg == g || mg == 0 && m.subj {
			return m.name
		}
	}
	// No subject fits: a person of that gender named anywhere recently
	// ("for Fouzia Al Hashish and …"), else one whose gender is unknown.
	for _, fit := range []func(int) bool{func(mg int) bool { return mg == g }, func(mg int) bool { return mg == 0 }} {
		seen = 0
		for i := len(d.names) - 1; i >= lo && seen < 12; i-- {
			m := d.names[i]
			if m.pos >= pos || !m.speaker && !isPersonName(m.words) {
				continue
			}
			seen++
			if fit(d.genderOf(m)) {
				return m.name
			}
		}
	}
	return ""
}

// current returns the speaker of the last paragraph or two when "he" or
// "she" (gender g) can mean them and no person has opened a sentence since:
// the speaker stays the speaker while others are only mentioned ("run by
// his father's friend, Martin Legere").
func (d *detector) current(g, pos int) string {
	if d.last == "" || d.curPara-d.lastPara > 2 || d.subjectPos > d.lastPos && d.subject != d.last {
		return ""
	}
	if !isPersonName(strings.Fields(d.last)) {
		// "Burnaby RCMP warns …": a body is not "he" or "she".
		return ""
	}
	for i := len(d.names) - 1; i >= 0 && i >= len(d.names)-200; i-- {
		m := d.names[i]
		if m.pos >= pos {
			continue
		}
		if m.pos > d.lastEnd && m.name != d.last && m.subj && isPersonName(m.words) && d.genderOf(m) == g {
			// Another person of that gender has since been the
			// subject of a sentence: "he" may now mean them.
			return ""
		}
		if m.name == d.last {
			if mg := d.genderOf(m); mg == g || mg == 0 {
				return d.last
			}
			return ""
		}
	}
	return ""
}

// isPersonName reports whether a name's words can be a person's name: two
// or more capitalised words, none an organisation word.
func isPersonName(ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if orgWords[strings.ToLower(w)] || len(w) > 1 && strings.ToUpper(w) == w {
			return false
		}
	}
	return !titles[strings.ToLower(ws[len(ws)-1])]
}

// isOrgName reports whether a capitalised phrase names an organisation: an
// acronym ("RCMP") or a phrase with an organisation word ("State
// Department").
func isOrgName(ws []string) bool {
	for _, w := range ws {
		if len([]rune(w)) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w || orgHeads[strings.ToLower(w)] || orgWords[strings.ToLower(w)] && !places[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// places are organisation words that name places, not bodies.
var places = map[string]bool{"canada": true, "canadian": true, "america": true, "american": true, "british": true, "ottawa": true, "toronto": true,
	"vancouver": true, "montreal": true, "calgary": true, "edmonton": true, "alberta": true, "ontario": true, "quebec": true, "city": true,
	"county": true, "province": true, "state": true, "street": true, "avenue": true, "road": true, "river": true, "lake": true, "island": true, "mountain": true, "airport": true}

// orgWords are words that make a capitalised phrase an organisation or a
// place, not a person.
var orgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`inc inc. corp corp. ltd ltd. co co. company association society council committee department ministry
office agency bureau commission board court university college school institute foundation centre center hospital police rcmp
party government city county province state republic kingdom union news press times post journal network group bank fund
club league team canada canadian america american british ottawa toronto vancouver montreal calgary edmonton alberta ontario quebec
house senate parliament congress church museum service services authority district region national international federal
airport street avenue road river lake island mountain`) {
		orgWords[w] = true
	}
}

// roleName extends a capitalised phrase over a lowercase role to the name
// after it: "Oilers head coach Ken Hitchcock", "MaRS director Adam
// Jagelewski", "Cambridge cartoonist Andre Campbell". The name is then the
// last capitalised run.
func roleName(ts []tok, n np) np {
	k := n.j
	for k < len(ts) && k-n.j < 3 && ts[k].word() && !ts[k].upper() && !npStop[ts[k].lower()] && !isVerb(ts[k]) && !adverbs[ts[k].lower()] && !pronouns[ts[k].lower()] && !determiners[ts[k].lower()] {
		k++
	}
	if k == n.j || k >= len(ts) || !ts[k].upper() || !ts[k].word() || stopCaps[ts[k].s] {
		return n
	}
	m, ok := parseNP(ts, k)
	if !ok || m.kind != "name" || m.j-m.i < 2 {
		return n
	}
	return m
}

// introRole remembers the role a person is introduced with, so that "the
// rookie defenceman" later resolves to them: "rookie defenceman Caleb
// Jones", "Coach Stephen Smith", "Caleb Jones, the rookie defenceman,".
func (d *detector) introRole(raw, ws []string, ts []tok, n np, name string) {
	head := ""
	if len(raw) > len(ws) {
		// "Mayor Doug McCallum" makes him "the mayor"; a longer title
		// ("Prime Minister", "Foreign Affairs Minister") does not make
		// its holder "the minister".
		t := strings.ToLower(raw[len(raw)-len(ws)-1])
		if len(raw)-len(ws) >= 2 || !titles[t] {
			return
		}
		head = t
	} else if k := n.i - 1; k >= 0 && ts[k].word() && !ts[k].upper() && !npStop[ts[k].lower()] && !isVerb(ts[k]) && !adverbs[ts[k].lower()] && !determiners[ts[k].lower()] && !pronouns[ts[k].lower()] {
		head = ts[k].lower()
	}
	if head == "" && n.j+2 < len(ts) && ts[n.j].s == "," && (ts[n.j+1].lower() == "the" || ts[n.j+1].lower() == "a" || ts[n.j+1].lower() == "an") {
		// An appositive: the last word before the next comma or stop.
		for e := n.j + 2; e < len(ts) && e < n.j+8; e++ {
			if !ts[e].word() || npStop[ts[e].lower()] || isVerb(ts[e]) {
				if ts[e].s == "," || ts[e].s == "." {
					head = ts[e-1].lower()
				}
				break
			}
		}
	}
	head = strings.TrimSuffix(head, ".")
	if head != "" && head != name && !strings.HasSuffix(head, "'s") && !strings.HasSuffix(head, "’s") {
		d.roles[head] = name
	}
}

// weakVerbs report speech only next to a quotation: without one, "Story
// continues below" or "the figures point to" say nothing of a speaker.
var weakVerbs = map[string]bool{"continue": true, "continues": true, "continued": true, "read": true, "reads": true,
	"point": true, "points": true, "pointed": true, "reflect": true, "reflects": true, "reflected": true,
	"call": true, "calls": true, "called": true, "post": true, "posts": true, "posted": true, "shared": true, "shares": true,
	"estimate": true, "estimates": true, "estimated": true, "indicate": true, "indicates": true, "indicated": true}

// genderOf is the gender of a person mentioned: a title ("Ms.") or a
// gendered noun next to the name, else the given name's usual gender, else
// the first pronoun after the name (the noisiest evidence: it may refer to
// someone else).
func (d *detector) genderOf(m mention) int {
	if g := d.titled[m.name]; g != 0 {
		return g
	}
	if g := firstNames[strings.ToLower(m.words[0])]; g != 0 {
		return g
	}
	return d.gender[m.name]
}

func endsWith(ws, tail []string) bool {
	if len(tail) > len(ws) {
		return false
	}
	for i := range tail {
		if ws[len(ws)-len(tail)+i] != tail[i] {
			return false
		}
	}
	return true
}

// appositiveCue reads “…,” Name, an appositive of any length, said: the
// name, then everything up to the next comma, then the reporting verb.
func (d *detector) appositiveCue(post []tok, i int) (attribution, bool) {
	n, ok := parseNP(post, i)
	if !ok || n.kind != "name" || n.j >= len(post) || post[n.j].s != "," {
		return attribution{}, false
	}
	k := n.j + 1
	for k < len(post) && k < n.j+30 && post[k].s != "," {
		if s := post[k].s; s == "." && k+1 < len(post) && post[k+1].s == "," {
			// "at Gluskin Sheff + Associates Inc., said": an
			// abbreviation's period, not a full stop.
		} else if s == "." || s == ";" || s == "!" || s == "?" || s == "“" || s == "\"" {
			return attribution{}, false
		}
		k++
	}
	if k == n.j+1 || k >= len(post) {
		return attribution{}, false
	}
	v := k + 1
	for v < len(post) && adverbs[post[v].lower()] {
		v++
	}
	if v >= len(post) || !isVerb(post[v]) {
		return attribution{}, false
	}
	a := d.make(post, n, post[v].s)
	if l := post[n.j+1].lower(); determiners[l] || possessive(post[n.j+1].s) {
		d.noteRole(joinToks(post[n.j+1:k]), a.name)
	}
	return a, true
}

// tellVerbs take the hearer as an object before the reported clause: "told
// reporters the plan was …".
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true, "warned": true, "warns": true, "assured": true, "assures": true, "reminded": true, "reminds": true, "informed": true}

// timeWords may stand between a reporting verb and its clause: "said
// Sunday the standoff …".
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true, "earlier": true, "later": true, "recently": true, "previously": true}

// mediumWords are how something was said: "in an interview", "by email".
var mediumWords = map[string]bool{"email": true, "e-mail": true, "phone": true, "telephone": true, "interview": true, "statement": true, "text": true, "letter": true, "release": true}

// clauseStart is where the clause reported by the cue ending at ts[v]
// begins: after the verb, its hearer ("told The Canadian Press by email")
// and a time ("on Friday"), at "that" when there is one. It returns 0 when
// the clause begins with the quote itself, beyond ts.
func clauseStart(ts []tok, v int) int {
	k := v + 1
	if k < len(ts) && ts[k].s == "," {
		k++
	}
	if k < len(ts) && tellVerbs[ts[v].lower()] {
		if n, ok := parseNP(ts, k); ok {
			k = n.j
		} else if ts[k].word() && !ts[k].upper() && ts[k].lower() != "that" {
			k++ // "told reporters"
		}
	}
	if k < len(ts) && (ts[k].lower() == "by" || ts[k].lower() == "in" || ts[k].lower() == "over" || ts[k].lower() == "on") {
		// "by email", "in an interview", "in a statement"
		for e := k + 1; e < len(ts) && e <= k+4; e++ {
			if mediumWords[ts[e].lower()] {
				k = e + 1
				break
			}
		}
	}
	for k < len(ts) {
		l := ts[k].lower()
		if timeWords[l] {
			k++
			continue
		}
		if l == "on" && k+1 < len(ts) && timeWords[ts[k+1].lower()] {
			k += 2
			continue
		}
		break
	}
	if k >= len(ts) {
		return 0
	}
	return ts[k].start
}
