package quote

import (
	"strings"
	"unicode"

	"sourcebook/internal/document"
)

// item is a token of a paragraph or a whole quotation (q >= 0).
type item struct {
	t tok
	q int
}

type mention struct {
	name  string
	words []string
	pos   int
	obj   bool // after a preposition or an article: not a subject
	// speaker marks a single name seen with a reporting verb: a person.
	speaker bool
	subj    bool // in subject position: begins a clause, followed by its verb
}

type person struct{ role, aff string }

type detector struct {
	r      []rune
	quotes []Quote
	names  []mention // person mentions in text order: full names, surnames resolved
	// surnames maps a surname to the index in names of the last full name
	// ending with it.
	surnames map[string]int
	docs     []mention // document noun phrases ("court filing")
	// authors maps a document noun ("statement") to who was last said to
	// speak in one ("X said in a statement"), so that "the statement"
	// later speaks for them.
	authors  map[string]mention
	orgs     []mention         // organisations named: "RCMP", "State Department"
	acronyms map[string]string // acronym -> the full name it was introduced with
	roles    map[string]string // role head noun -> name
	info     map[string]person // name -> role and affiliation
	last     string            // the last resolved speaker
	lastPos  int
	lastEnd  int // where the sentence that named the last speaker ends
	sentEnd  int // where the sentence being read ends
	// lastPerson is the last speaker with a person's name: what "he" and
	// "she" refer to when no person named in the text fits.
	lastPerson string
	poster     string // the author of the last social-media post mentioned
	// gender is what the text tells of a person's gender: 1 masculine,
	// -1 feminine; pending is the person named last, waiting for the
	// first gendered pronoun after the mention.
	gender     map[string]int
	titled     map[string]int // gender from a title or a gendered noun
	pending    string
	pendingPos int
	lastPara   int
	// subject is the person a sentence without speech opened with
	// ("Durning did not need much coaxing."): quotes right after it are
	// usually theirs.
	subject     string
	subjectPos  int
	subjectPara int
	curPara     int
	prevStart   int // where the paragraph before the current one starts
	skip        int // the end of a quote that ran into this paragraph
}

// Detect finds the quotations in text and attributes each. blocks are the
// text's blocks as an extractor made them (see internal/document);
// boilerplate blocks are skipped. When blocks is nil, paragraphs are the
// text split at blank lines. Quotes are returned in text order; scare quotes
// are included with Kind Scare and no speaker. Detect never fails: text it
// cannot read yields fewer quotes.
func Detect(text string, blocks []document.Block) []Quote {
	r := []rune(text)
	ps := paragraphs(r, blocks)
	spans := scan(r, ps)
	d := &detector{r: r, roles: map[string]string{}, info: map[string]person{}, gender: map[string]int{}, surnames: map[string]int{}, titled: map[string]int{}, acronyms: map[string]string{}, authors: map[string]mention{}, lastPara: -10}
	si := 0
	for pi, p := range ps {
		var own []span
		for si < len(spans) && spans[si].para < pi {
			si++
		}
		for k := si; k < len(spans) && spans[k].para == pi; k++ {
			own = append(own, spans[k])
		}
		d.prevStart, d.curPara = ps[max(0, pi-1)].start, pi
		d.paragraph(pi, p, ps, own)
	}
	for i := range d.quotes {
		q := &d.quotes[i]
		if in, ok := d.info[q.Name]; ok && q.Name != "" {
			q.Role, q.Affiliation = in.role, in.aff
		}
	}
	return d.quotes
}

// paragraph tokenizes one paragraph, splits it into sentences and
// attributes its quotes.
func (d *detector) paragraph(pi int, p para, ps []para, spans []span) {
	r := d.r
	// A block quote or an embedded post: a paragraph without marks
	// followed by a signature line "— Name (@handle)".
	if isSignature(r, p.start, p.end) {
		return
	}
	if len(spans) == 0 {
		if name, ns, ne, ok := signature(r, ps, pi+1); ok || p.kind == document.Quote {
			s, e := p.start, p.end
			e = trimURL(r, s, e)
			q := Quote{Start: s, End: e, Text: string(r[s:e]), Kind: Block}
			if ok {
				q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Cue = name, ns, ne, "—"
				q.Name = d.resolveName(strings.Fields(name), ns)
			} else {
				q.Name = d.last
			}
			d.sentEnd = e
			d.setLast(q.Name, s, pi)
			d.quotes = append(d.quotes, q)
			return
		}
	}
	if isSignature(r, p.start, p.end) {
		return
	}
	var items []item
	k := 0
	for i := max(p.start, d.skip); i < p.end; {
		if k < len(spans) && spans[k].start-1 <= i && spans[k].para == pi {
			sp := spans[k]
			end := sp.end + 1
			if sp.open {
				end = sp.end
			}
			if end > len(r) {
				end = len(r)
			}
			items = append(items, item{tok{string(r[sp.start-1 : min(sp.start, end)]), sp.start - 1, end}, k})
			if sp.lastPara != pi {
				d.skip = end
				break
			}
			i = end
			k++
			continue
		}
		j := i
		for j < p.end && !(k < len(spans) && j >= spans[k].start-1) {
			j++
		}
		for _, t := range tokenize(r, i, j, 1<<30, false) {
			items = append(items, item{t, -1})
		}
		i = j
	}
	d.collect(items)
	// Sentences.
	start := 0
	for i := 0; i <= len(items); i++ {
		if i < len(items) && !sentenceEnd(items, i, r, spans) {
			continue
		}
		end := i + 1
		if end > len(items) {
			end = len(items)
		}
		d.sentence(pi, items[start:end], spans)
		start = end
	}
}

// sentenceEnd reports whether a sentence ends with items[i].
func sentenceEnd(items []item, i int, r []rune, spans []span) bool {
	it := items[i]
	next := func() bool {
		if i+1 >= len(items) {
			return true
		}
		n := items[i+1]
		return n.q >= 0 || n.t.upper() || unicode.IsDigit([]rune(n.t.s)[0])
	}
	if it.q < 0 {
		s := it.t.s
		return (s == "." || s == "!" || s == "?") && next()
	}
	sp := spans[it.q]
	e := sp.end - 1
	for e > sp.start && strings.ContainsRune(")]’'", r[e]) {
		e--
	}
	if e >= sp.start && (r[e] == '?' || r[e] == '!') && cueFollows(items, i+1) {
		return false // “Why not?” Smith asked.
	}
	return e >= sp.start && strings.ContainsRune(".!?", r[e]) && i+1 < len(items) && items[i+1].q < 0 && next()
}

// cueFollows reports whether items[i:] open with a capitalised name and
// its reporting verb: after a question or an exclamation the attribution
// still belongs to the quote (“Are we done?” Lee Park asked).
func cueFollows(items []item, i int) bool {
	k := i
	for k < len(items) && k < i+4 && items[k].q < 0 && items[k].t.word() && items[k].t.upper() && (!stopCaps[items[k].t.s] || k > i && firstNames[items[k-1].t.lower()] != 0) {
		k++
	}
	if k == i {
		return false
	}
	if k < len(items) && items[k].q < 0 && items[k].t.s == "," {
		// “Does he?” Ann Lee, a strategist at the bank, said.
		e := k + 1
		for e < len(items) && e < k+30 && items[e].q < 0 && !strings.ContainsAny(items[e].t.s, ".!?;") && items[e].t.s != "," {
			e++
		}
		if e < len(items) && items[e].q < 0 && items[e].t.s == "," && e > k+1 {
			k = e + 1
		}
	}
	for k < len(items) && items[k].q < 0 && adverbs[items[k].t.lower()] {
		k++
	}
	return k < len(items) && items[k].q < 0 && isVerb(items[k].t) && !weakVerbs[items[k].t.lower()]
}

// sentence attributes the quotes of one sentence.
func (d *detector) sentence(pi int, its []item, spans []span) {
	var qidx []int
	for i, it := range its {
		if it.q >= 0 {
			qidx = append(qidx, i)
		}
	}
	toks := func(a, b int) []tok {
		var ts []tok
		for _, it := range its[a:b] {
			if it.q < 0 {
				ts = append(ts, it.t)
			}
		}
		return ts
	}
	if len(its) > 0 {
		d.sentEnd = its[len(its)-1].t.end
	}
	if len(qidx) == 0 {
		// Indirect speech still changes who is speaking.
		ts := toks(0, len(its))
		if len(ts) > maxTokens {
			ts = ts[:maxTokens]
		}
		if sp := d.attributePre(ts, ts, true); sp.ok {
			d.setLast(sp.name, ts[0].start, pi)
			d.noteAuthor(ts, sp.name)
		} else if name := d.openingPerson(ts); name != "" {
			d.subject, d.subjectPos, d.subjectPara = name, ts[0].start, pi
		} else {
			// Brooks, who still has the phone he was given, said …
			for i := 0; i < len(ts) && i < 8; i++ {
				if ts[i].upper() && (i == 0 || ts[i-1].s == ",") {
					if a, ok := d.appositiveCue(ts, i); ok && !weakVerbs[strings.ToLower(a.cue)] {
						d.setLast(a.name, ts[0].start, pi)
						break
					}
				}
			}
		}
		d.notePost(ts)
		return
	}
	all := toks(0, len(its))
	// Computed once per sentence so that a sentence of many quotes stays
	// linear: whether it has a cue at all, and its opening tokens with the
	// item each comes from.
	cue := hasCue(all)
	var opening []tok
	var openingItem []int
	for i, it := range its {
		if len(opening) == maxTokens {
			break
		}
		if it.q < 0 {
			opening = append(opening, it.t)
			openingItem = append(openingItem, i)
		}
	}
	d.notePost(all)
	// Three or more quoted words or pairs in one sentence are a list of
	// terms being talked about, not words someone said.
	terms := 0
	for _, qi := range qidx {
		if sp := spans[its[qi].q]; wordCount(d.r, sp.start, sp.end) <= 2 {
			terms++
		}
	}
	var prev *Quote
	for n, qi := range qidx {
		sp := spans[its[qi].q]
		lo := 0
		if n > 0 {
			lo = qidx[n-1] + 1
		}
		hi := len(its)
		if n+1 < len(qidx) {
			hi = qidx[n+1]
		}
		pre := toks(lo, qi)
		if len(pre) > maxTokens {
			pre = pre[len(pre)-maxTokens:]
		}
		post := toks(qi+1, hi)
		if len(post) > maxTokens {
			post = post[:maxTokens]
		}
		k := 0
		for k < len(openingItem) && openingItem[k] < qi {
			k++
		}
		sentStart := opening[:k]
		q := Quote{Start: sp.start, End: sp.end, Text: string(d.r[sp.start:sp.end]), Open: sp.open}
		q.Kind = d.kind(sp, pre, post, cue)
		if terms >= 3 && wordCount(d.r, sp.start, sp.end) <= 2 {
			q.Kind = Scare // one of a list of quoted words: “yeet,” “crusty,” …
		}
		if q.Kind == Scare {
			d.quotes = append(d.quotes, q)
			continue
		}
		a := d.attributePost(post)
		after := a.ok
		if !a.ok {
			a = d.attributePre(pre, sentStart, false)
		}
		if !a.ok && prev == nil && q.Kind == Partial && countWords(d.r, sp.start, sp.end, partialMin) < partialMin {
			// A short fragment with no one saying it in its sentence
			// is a term the writer quotes, not someone's words.
			q.Kind = Scare
			d.quotes = append(d.quotes, q)
			continue
		}
		switch {
		case a.ok:
			q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Cue, q.Name = a.speaker, a.s, a.e, a.cue, a.name
			if isVerb(tok{s: a.cue}) {
				d.noteAuthor(all, a.name)
			}
			if q.Kind == Partial && a.cue != ":" {
				q.ClauseStart, q.ClauseEnd = d.clause(its, qi, a, after)
			}
		case prev != nil:
			q.Name = prev.Name
		case d.subject != "" && d.subjectPos > d.lastPos && pi-d.subjectPara <= 1:
			q.Name = d.subject
		case pi-d.lastPara <= 3:
			q.Name = d.last
		default:
			// Long after the last speaker: the person the text is
			// about now, if one was named in this paragraph or the one
			// before.
			q.Name = d.recentPerson(q.Start, d.prevStart)
		}
		d.setLast(q.Name, q.Start, pi)
		d.quotes = append(d.quotes, q)
		prev = &d.quotes[len(d.quotes)-1]
	}
}

// openingPerson returns the person a sentence opens with as its subject
// ("Durning did not need …", "But Trevor Nicholson, a senior analyst, …"),
// or "".
func (d *detector) openingPerson(ts []tok) string {
	k := 0
	if k < len(ts) && (ts[k].s == "But" || ts[k].s == "And" || ts[k].s == "Still") {
		k++
	}
	n, ok := parseNP(ts, k)
	if !ok || n.kind != "name" || n.j >= len(ts) {
		return ""
	}
	if next := ts[n.j]; !(next.s == "," || next.word() && !next.upper() && !npStop[next.lower()]) {
		return ""
	}
	name := d.resolveName(d.words(ts[n.i:n.j]), ts[n.i].start)
	if !isPersonName(strings.Fields(name)) {
		return ""
	}
	return name
}

// clause returns the reported clause of the partial quote its[qi] whose
// attribution a was found after it (after set) or before it: from the
// sentence start to the attribution, or from the end of the cue to the end
// of the sentence. It returns 0, 0 when the clause would not be longer
// than the quote.
func (d *detector) clause(its []item, qi int, a attribution, after bool) (int, int) {
	r := d.r
	q := its[qi].t
	start, end := q.start, q.end
	if after {
		start = its[0].t.start
		if a.ce > 0 {
			end = a.ce
		}
		for end > start && (unicode.IsSpace(r[end-1]) || strings.ContainsRune(",—–", r[end-1])) {
			end--
		}
	} else {
		if a.cs > 0 && a.cs < start {
			start = a.cs
		}
		lead := strings.TrimSpace(string(r[start:q.start]))
		if (lead == "" || strings.EqualFold(lead, "that")) && q.end >= 2 && r[q.end-2] == ',' {
			// Wang said that "Shifting blame … problems," alluding to
			// …: the quote is the whole clause.
			end = q.end
		} else {
			last := len(its) - 1
			for last > qi && its[last].q < 0 && (its[last].t.s == "." || its[last].t.s == "!" || its[last].t.s == "?") {
				last--
			}
			end = its[last].t.end
		}
	}
	end = max(end, q.end)
	start = min(start, q.start)
	if end-start <= q.end-q.start {
		return 0, 0
	}
	return start, end
}

func (d *detector) setLast(name string, pos, pi int) {
	if name != "" {
		d.last, d.lastPos, d.lastPara = name, pos, pi
		d.lastEnd = max(pos, d.sentEnd)
		if f := strings.Fields(name); isPersonName(f) && unicode.IsUpper([]rune(f[0])[0]) {
			d.lastPerson = name
		}
	}
}

// hasCue reports whether a sentence has a reporting verb or "according".
func hasCue(ts []tok) bool {
	for _, t := range ts {
		if _, ok := verbs[t.lower()]; ok || t.lower() == "according" {
			return true
		}
	}
	return false
}

// kind classifies a quotation from its words and its context.
func (d *detector) kind(sp span, pre, post []tok, cue bool) string {
	words := tokenize(d.r, sp.start, sp.end, 12, false)
	nw, punct := 0, false
	allCaps := true
	for _, w := range words {
		if w.word() {
			nw++
			if !w.upper() && !smallWords[w.s] {
				allCaps = false
			}
		} else if strings.ContainsAny(w.s, ".!?,;:") {
			punct = true
		}
	}
	short := nw <= 4 && !punct && sp.end-sp.start < 60
	if short {
		if !cue {
			return Scare
		}
		if len(post) > 0 && post[0].word() && !post[0].upper() && !connectives[post[0].s] {
			return Scare // a modifier: the “Inbox API” agreement
		}
		if len(pre) > 0 {
			l := pre[len(pre)-1].lower()
			if l == "so-called" || l == "dubbed" || l == "titled" || l == "named" || l == "term" || l == "word" || l == "phrase" || strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") || l == "the" || l == "a" || l == "an" {
				return Scare
			}
		}
		if allCaps && nw >= 2 {
			return Scare // a title or a name
		}
	}
	// A direct quote opens a sentence or follows a cue's comma or colon.
	if len(pre) == 0 {
		return Direct
	}
	switch pre[len(pre)-1].s {
	case ",", ":", "—", "–", "-", "(":
		if first := []rune(d.r[sp.start : sp.start+1][0:1]); len(first) > 0 && unicode.IsUpper(first[0]) {
			return Direct
		}
	}
	return Partial
}

var smallWords = map[string]bool{"of": true, "the": true, "and": true, "a": true, "an": true, "in": true, "on": true, "for": true, "to": true, "at": true, "&": true}

var connectives = map[string]bool{"and": true, "or": true, "but": true, "that": true, "to": true, "as": true, "he": true, "she": true, "they": true, "it": true, "said": true, "says": true, "which": true, "who": true, "in": true, "on": true, "for": true, "from": true, "with": true, "by": true, "when": true, "if": true, "because": true, "after": true, "before": true, "while": true, "is": true, "was": true, "are": true, "were": true, "over": true, "about": true, "of": true, "at": true, "than": true, "so": true, "we": true, "i": true, "you": true}

// signature reports whether paragraph pi is a signature line
// "— Name (@handle) date" and returns the name and its offsets.
func signature(r []rune, ps []para, pi int) (string, int, int, bool) {
	if pi >= len(ps) || !isSignature(r, ps[pi].start, ps[pi].end) {
		return "", 0, 0, false
	}
	s := ps[pi].start + 1
	for s < ps[pi].end && unicode.IsSpace(r[s]) {
		s++
	}
	e := s
	for e < ps[pi].end && r[e] != '(' && r[e] != '@' && r[e] != ',' {
		e++
	}
	e = trimEnd(r, s, e)
	if e <= s {
		return "", 0, 0, false
	}
	return string(r[s:e]), s, e, true
}

func isSignature(r []rune, s, e int) bool {
	return e-s < 120 && e > s+2 && (r[s] == '—' || r[s] == '–' || (r[s] == '-' && r[s+1] == '-')) && strings.Contains(string(r[s:e]), "@")
}

func trimURL(r []rune, s, e int) int {
	t := string(r[s:e])
	if i := strings.LastIndex(t, " http"); i > 0 && !strings.Contains(t[i+1:], " ") {
		return trimEnd(r, s, s+len([]rune(t[:i])))
	}
	return e
}

// partialMin is the fewest words a partial quote needs to count as someone's
// words when its sentence names no speaker; shorter ones are terms.
const partialMin = 8

// countWords counts the words of r[lo:hi], stopping at limit.
func countWords(r []rune, lo, hi, limit int) int {
	n := 0
	for _, t := range tokenize(r, lo, hi, 3*limit, false) {
		if t.word() {
			n++
		}
	}
	return min(n, limit)
}

// wordCount counts the words of r[lo:hi], stopping at 3.
func wordCount(r []rune, lo, hi int) int {
	n := 0
	for _, t := range tokenize(r, lo, hi, 8, false) {
		if t.word() {
			n++
		}
	}
	return min(n, 3)
}

// recentPerson is the person named last before pos and not before from.
func (d *detector) recentPerson(pos, from int) string {
	for i := len(d.names) - 1; i >= 0; i-- {
		m := d.names[i]
		if m.pos < from {
			break
		}
		if m.pos < pos && !m.obj && isPersonName(m.words) {
			return m.name
		}
	}
	return ""
}
