package align

import (
	"cmp"
	"math"
	"slices"

	"github.com/kljensen/snowball/english"

	"sourcebook/internal/document"
	"sourcebook/internal/quotematch"
)

// Kinds of [Pair].
const (
	// Same: the two passages have the same words once folded (case,
	// accents, quote marks and punctuation aside).
	Same = "same"
	// Similar: an edited or paraphrased passage sharing enough content.
	Similar = "similar"
)

// Input is one document to compare: its text and blocks as an extractor
// made them (see [document.Doc]). Blocks marked as boilerplate are skipped.
// When Blocks is empty the whole text is content, one paragraph per line.
// Blocks outside the text or overlapping an earlier block are ignored.
type Input struct {
	Text   string
	Blocks []document.Block
}

// Span is a passage of an [Input]: code points [Start, End) of Input.Text
// and the text itself.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Op is one step of the word diff of a [Pair], as [quotematch.Diff]
// reports it: words as written, equal when they fold alike. A stray
// punctuation token (a dash one side has and the other lacks) shows as a
// delete or insert even in a Same pair.
type Op = quotematch.Op

// Pair is a passage of A matched with a passage of B.
type Pair struct {
	A    Span   `json:"a"`
	B    Span   `json:"b"`
	Kind string `json:"kind"` // Same or Similar
	// Score is the Dice coefficient of the two passages' bags of folded
	// words, in [0,1]: 1 for Same, and for a Similar pair whose words are
	// the same but in another order.
	Score float64 `json:"score"`
	Ops   []Op    `json:"ops"` // the word diff of A.Text against B.Text
}

// Result is what [Compare] finds.
type Result struct {
	// Pairs are the matched passages, in order of A. A passage is a
	// sentence or a run of sentences; passages of one side do not overlap.
	Pairs []Pair `json:"pairs"`
	// OnlyA and OnlyB are the content passages (sentences or runs of
	// them) that the other document lacks, in text order.
	OnlyA []Span `json:"only_a"`
	OnlyB []Span `json:"only_b"`
	// CoverageA and CoverageB are the shares of each side's content words
	// (folded words of non-boilerplate blocks) inside matched passages,
	// in [0,1]; 0 when a side has no words.
	CoverageA float64 `json:"coverage_a"`
	CoverageB float64 `json:"coverage_b"`
}

// Matching parameters; see the package comment.
const (
	maxPosting      = 64   // bigrams in more sentences are not looked up
	maxCandidates   = 32   // best candidates kept per sentence of A
	minShared       = 3    // shared content words a pair needs
	minSameWords    = 5    // identical sentences this long pair regardless
	minContainment  = 0.6  // weighted shared / weighted shorter sentence
	minDice         = 0.4  // weighted Dice coefficient
	minInside       = 0.8  // containment enough whatever the Dice coefficient…
	minInsideShared = 4    // …with this many shared content words
	maxGroup        = 3    // sentences a side in one split or merge
	minGain         = 0.02 // Dice gain for a sentence to join a neighbour's pair
	minFill         = 0.5  // Dice of an unmatched pair next to a pair
	// A paraphrase shares less: enough of the shorter sentence's weight,
	// some of both, and more content words.
	minParaContainment = 0.5
	minParaDice        = 0.25
	minParaShared      = 5
	// A shared phrase inside two long sentences: runs of stems (phrases of
	// gramLen stems, at least two of them content words) found in both.
	gramLen       = 4
	minGrams      = 3 // e.g. one run of six stems in a row
	minGramShared = 4 // content words shared overall
)

// sent is a sentence of one side.
type sent struct {
	span
	seg   int      // sentences of different segments have boilerplate between
	block int      // the content block holding the sentence
	words []int32  // folded words as ids, in order
	stems []int32  // their stems' ids, in order
	bag   []int32  // stems sorted
	grams []uint64 // hashes of its phrases of gramLen stems, sorted
}

// side is one document prepared for matching.
type side struct {
	runes []rune
	sents []sent
	words int // total folded words
}

// Compare aligns the content of two documents, regardless of the order of
// their passages; see the package comment for the method. It never fails:
// texts with no words give an empty Result.
func Compare(a, b Input) Result {
	v := &vocab{ids: make(map[string]int32), stems: make(map[string]int32)}
	sa, sb := prepare(a, v), prepare(b, v)
	v.weigh(sa, sb)
	m := &matcher{a: sa, b: sb, v: v}
	m.candidates()
	m.greedy()
	m.grow()
	m.fill()
	return m.result()
}

// vocab maps folded words to ids, and each word to its stem ("filed" and
// "filing" to "file"), which scores compare; it holds the stems' weights.
type vocab struct {
	ids     map[string]int32 // folded word to word id
	stemOf  []int32          // by word id: its stem id
	stems   map[string]int32 // stem to stem id
	content []bool           // by stem id: not a function word
	weight  []float64        // by stem id: rarity across both documents
}

func (v *vocab) id(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.stemOf))
	v.ids[w] = id
	content := !stopwords[w] && (len(w) > 1 || w[0] >= '0' && w[0] <= '9')
	st := w
	if content && len(w) > 3 && w[0] > '9' {
		st = english.Stem(w, false)
	}
	sid, ok := v.stems[st]
	if !ok {
		sid = int32(len(v.content))
		v.stems[st] = sid
		v.content = append(v.content, content)
	}
	v.stemOf = append(v.stemOf, sid)
	return id
}

// weigh sets each word's weight to its inverse sentence frequency over both
// documents; function words weigh a fifth.
func (v *vocab) weigh(sides ...*side) {
	df := make([]int32, len(v.content))
	n := 0
	for _, s := range sides {
		for i := range s.sents {
			n++
			bag := s.sents[i].bag
			for k, id := range bag {
				if k == 0 || bag[k-1] != id {
					df[id]++
				}
			}
		}
	}
	v.weight = make([]float64, len(df))
	for id, d := range df {
		w := math.Log(1 + float64(n)/float64(max(d, 1)))
		if !v.content[id] {
			w /= 5
		}
		v.weight[id] = w
	}
}

// prepare splits the content blocks of in into sentences with folded words.
func prepare(in Input, v *vocab) *side {
	s := &side{runes: []rune(in.Text)}
	n := len(s.runes)
	var spans []span
	var segs, blocks []int
	seg, block := 0, 0
	add := func(start, end int) {
		block++
		k := len(spans)
		spans = splitSentences(s.runes, start, end, spans)
		for range len(spans) - k {
			segs = append(segs, seg)
			blocks = append(blocks, block)
		}
	}
	if len(in.Blocks) == 0 {
		add(0, n)
	}
	prev := 0
	for _, bl := range in.Blocks {
		if bl.Start < prev || bl.End <= bl.Start || bl.End > n {
			continue
		}
		prev = bl.End
		if bl.Boilerplate != "" {
			seg++
			continue
		}
		add(bl.Start, bl.End)
	}
	for k, sp := range spans {
		folded := quotematch.Fold(string(s.runes[sp.start:sp.end]))
		if len(folded) == 0 {
			continue
		}
		words := make([]int32, len(folded))
		for i, w := range folded {
			words[i] = v.id(w)
		}
		stems := make([]int32, len(words))
		for i, id := range words {
			stems[i] = v.stemOf[id]
		}
		bag := slices.Clone(stems)
		slices.Sort(bag)
		s.sents = append(s.sents, sent{span: sp, seg: segs[k], block: blocks[k], words: words, stems: stems, bag: bag, grams: v.grams(stems)})
		s.words += len(words)
	}
	return s
}

// grams returns the sorted hashes of the phrases of gramLen stems in a row
// that hold at least two content words ("one of the most" does not count).
func (v *vocab) grams(stems []int32) []uint64 {
	if len(stems) < gramLen {
		return nil
	}
	var out []uint64
	for k := 0; k+gramLen <= len(stems); k++ {
		var h uint64 = 14695981039346656037
		content := 0
		for _, id := range stems[k : k+gramLen] {
			h = (h ^ uint64(uint32(id))) * 1099511628211
			if v.content[id] {
				content++
			}
		}
		if content >= 2 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sharedGrams counts the hashes two sorted lists share.
func sharedGrams(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// candidate is a scored sentence pair.
type candidate struct {
	i, j  int
	score float64
}

// matcher holds the state of one comparison. Groups are runs of sentences
// matched together: group g covers A sentences ga[g] and B sentences gb[g].
type matcher struct {
	a, b   *side
	v      *vocab
	cands  []candidate
	inA    []int // group of each A sentence, -1 when unmatched
	inB    []int
	ga, gb [][2]int // inclusive sentence ranges of each group
}

// candidates finds sentence pairs worth scoring through an inverted index of
// B's word bigrams and keeps those that qualify.
func (m *matcher) candidates() {
	index := make(map[uint64][]int32)
	for j := range m.b.sents {
		for _, key := range shingles(m.b.sents[j].stems) {
			p := index[key]
			if len(p) > 0 && p[len(p)-1] == int32(j) {
				continue
			}
			index[key] = append(p, int32(j))
		}
	}
	count := make([]int32, len(m.b.sents))
	var touched []int32
	var best []candidate
	for i := range m.a.sents {
		x := &m.a.sents[i]
		touched = touched[:0]
		for _, key := range shingles(x.stems) {
			p := index[key]
			if len(p) > maxPosting {
				continue
			}
			for _, j := range p {
				if count[j] == 0 {
					touched = append(touched, j)
				}
				count[j]++
			}
		}
		best = best[:0]
		for _, j := range touched {
			count[j] = 0
			y := &m.b.sents[j]
			if score, ok := m.qualify(x, y); ok {
				best = append(best, candidate{i, int(j), score})
			}
		}
		slices.SortFunc(best, byScore)
		m.cands = append(m.cands, best[:min(len(best), maxCandidates)]...)
	}
}

func byScore(p, q candidate) int {
	if c := cmp.Compare(q.score, p.score); c != 0 {
		return c
	}
	if c := cmp.Compare(p.i, q.i); c != 0 {
		return c
	}
	return cmp.Compare(p.j, q.j)
}

// shingles returns the keys of a sentence's word bigrams (its only word for
// a one-word sentence), in order, possibly repeated.
func shingles(w []int32) []uint64 {
	if len(w) == 1 {
		return []uint64{uint64(uint32(w[0]))<<32 | math.MaxUint32}
	}
	keys := make([]uint64, 0, len(w)-1)
	for k := 1; k < len(w); k++ {
		keys = append(keys, uint64(uint32(w[k-1]))<<32|uint64(uint32(w[k])))
	}
	return keys
}

// overlap measures two bags of words: weighted shared, weighted sizes,
// shared content words and shared words.
type overlap struct {
	shared, wa, wb float64
	content, words int
}

func (v *vocab) overlap(a, b []int32) overlap {
	var o overlap
	for _, id := range a {
		o.wa += v.weight[id]
	}
	for _, id := range b {
		o.wb += v.weight[id]
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			o.shared += v.weight[a[i]]
			o.words++
			if v.content[a[i]] {
				o.content++
			}
			i++
			j++
		}
	}
	return o
}

func (o overlap) dice() float64 {
	if o.wa+o.wb == 0 {
		return 0
	}
	return 2 * o.shared / (o.wa + o.wb)
}

func (o overlap) containment() float64 {
	if m := min(o.wa, o.wb); m > 0 {
		return o.shared / m
	}
	return 0
}

// qualify reports whether two sentences may pair and their score.
func (m *matcher) qualify(x, y *sent) (float64, bool) {
	if slices.Equal(x.words, y.words) && len(x.words) >= minSameWords {
		return 2, true // ahead of any non-identical pair
	}
	o := m.v.overlap(x.bag, y.bag)
	if o.content < minShared {
		return 0, false
	}
	c, d := o.containment(), o.dice()
	switch {
	case c >= minContainment && d >= minDice:
	// A sentence quoted whole inside a longer one pairs on containment
	// alone when it has enough content of its own.
	case c >= minInside && o.content >= minInsideShared:
	// A paraphrase: fewer of the words, but more content words.
	case c >= minParaContainment && d >= minParaDice && o.content >= minParaShared:
	// Two long sentences sharing a phrase of six stems or more (a clause
	// one outlet copied into a longer sentence of its own).
	case o.content >= minGramShared && sharedGrams(x.grams, y.grams) >= minGrams:
	default:
		return 0, false
	}
	return (c + d) / 2, true
}

// greedy picks a one-to-one matching of sentences, best score first.
func (m *matcher) greedy() {
	m.inA = filled(len(m.a.sents), -1)
	m.inB = filled(len(m.b.sents), -1)
	slices.SortFunc(m.cands, byScore)
	for _, c := range m.cands {
		if m.inA[c.i] < 0 && m.inB[c.j] < 0 {
			m.newGroup(c.i, c.j)
		}
	}
}

func filled(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func (m *matcher) newGroup(i, j int) {
	g := len(m.ga)
	m.ga = append(m.ga, [2]int{i, i})
	m.gb = append(m.gb, [2]int{j, j})
	m.inA[i] = g
	m.inB[j] = g
}

// bag returns the sorted words of sentences r[0]..r[1] of s, plus extra.
func bagOf(s *side, r [2]int, extra int) []int32 {
	var out []int32
	for k := r[0]; k <= r[1]; k++ {
		out = append(out, s.sents[k].bag...)
	}
	if extra >= 0 {
		out = append(out, s.sents[extra].bag...)
	}
	slices.Sort(out)
	return out
}

// grow lets an unmatched sentence join the group of its neighbour when the
// other side holds its words too: a sentence split in two or two merged
// into one.
func (m *matcher) grow() {
	for changed := true; changed; {
		changed = false
		for g := range m.ga {
			for _, fromA := range []bool{true, false} {
				for _, before := range []bool{true, false} {
					if m.tryGrow(g, fromA, before) {
						changed = true
					}
				}
			}
		}
	}
}

func (m *matcher) tryGrow(g int, fromA, before bool) bool {
	s, other, in, r, ro := m.a, m.b, m.inA, &m.ga[g], m.gb[g]
	if !fromA {
		s, other, in, r, ro = m.b, m.a, m.inB, &m.gb[g], m.ga[g]
	}
	if r[1]-r[0]+1 >= maxGroup {
		return false
	}
	x, edge := r[1]+1, r[1]
	if before {
		x, edge = r[0]-1, r[0]
	}
	if x < 0 || x >= len(s.sents) || in[x] >= 0 || s.sents[x].seg != s.sents[edge].seg {
		return false
	}
	ob := bagOf(other, ro, -1)
	old := m.v.overlap(bagOf(s, *r, -1), ob).dice()
	grown := m.v.overlap(bagOf(s, *r, x), ob)
	part := m.v.overlap(s.sents[x].bag, ob)
	if grown.dice() < old+minGain || part.content < 2 || part.shared < minContainment*part.wa {
		return false
	}
	if before {
		r[0] = x
	} else {
		r[1] = x
	}
	in[x] = g
	return true
}

// fill pairs unmatched sentences that sit next to a group on both sides (or
// at the start or end of both documents) when they are alike: short
// sentences inside a shared passage.
func (m *matcher) fill() {
	na, nb := len(m.a.sents), len(m.b.sents)
	try := func(i, j, ni, nj int) bool {
		// i, j: candidate sentences; ni, nj: their neighbours, or -1 at an
		// edge of both documents.
		if i < 0 || j < 0 || i >= na || j >= nb || m.inA[i] >= 0 || m.inB[j] >= 0 {
			return false
		}
		if ni >= 0 {
			if nj < 0 || ni >= na || nj >= nb || m.inA[ni] < 0 || m.inA[ni] != m.inB[nj] ||
				m.a.sents[ni].seg != m.a.sents[i].seg || m.b.sents[nj].seg != m.b.sents[j].seg {
				return false
			}
		}
		x, y := &m.a.sents[i], &m.b.sents[j]
		if !slices.Equal(x.words, y.words) {
			o := m.v.overlap(x.bag, y.bag)
			if o.dice() < minFill || o.words < 2 {
				return false
			}
		}
		m.newGroup(i, j)
		return true
	}
	try(0, 0, -1, -1)
	try(na-1, nb-1, -1, -1)
	for changed := true; changed; {
		changed = false
		for g := range len(m.ga) {
			ra, rb := m.ga[g], m.gb[g]
			if try(ra[1]+1, rb[1]+1, ra[1], rb[1]) {
				changed = true
			}
			if try(ra[0]-1, rb[0]-1, ra[0], rb[0]) {
				changed = true
			}
		}
	}
}

// result merges groups into passages and builds the Result.
func (m *matcher) result() Result {
	type group struct {
		a, b [2]int
		same bool
	}
	gs := make([]group, len(m.ga))
	for g := range m.ga {
		gs[g] = group{a: m.ga[g], b: m.gb[g]}
		gs[g].same = slices.Equal(words(m.a, gs[g].a), words(m.b, gs[g].b))
	}
	slices.SortFunc(gs, func(p, q group) int { return cmp.Compare(p.a[0], q.a[0]) })
	var merged []group
	for _, g := range gs {
		if k := len(merged) - 1; k >= 0 {
			last := &merged[k]
			if last.same == g.same && g.a[0] == last.a[1]+1 && g.b[0] == last.b[1]+1 &&
				m.a.sents[g.a[0]].seg == m.a.sents[last.a[1]].seg &&
				m.b.sents[g.b[0]].seg == m.b.sents[last.b[1]].seg {
				last.a[1], last.b[1] = g.a[1], g.b[1]
				continue
			}
		}
		merged = append(merged, g)
	}
	var res Result
	matchedA, matchedB := 0, 0
	for _, g := range merged {
		sa, sb := m.a.spanOf(g.a), m.b.spanOf(g.b)
		p := Pair{A: sa, B: sb, Kind: Similar, Score: 1}
		if g.same {
			p.Kind = Same
		} else {
			p.Score = dice(bagOf(m.a, g.a, -1), bagOf(m.b, g.b, -1))
		}
		p.Ops = quotematch.Diff(sa.Text, sb.Text)
		res.Pairs = append(res.Pairs, p)
		matchedA += len(words(m.a, g.a))
		matchedB += len(words(m.b, g.b))
	}
	res.OnlyA = m.a.unmatched(m.inA)
	res.OnlyB = m.b.unmatched(m.inB)
	if m.a.words > 0 {
		res.CoverageA = float64(matchedA) / float64(m.a.words)
	}
	if m.b.words > 0 {
		res.CoverageB = float64(matchedB) / float64(m.b.words)
	}
	return res
}

// dice is the unweighted Dice coefficient of two sorted bags.
func dice(a, b []int32) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// words returns the folded words of sentences r[0]..r[1], in order.
func words(s *side, r [2]int) []int32 {
	var out []int32
	for k := r[0]; k <= r[1]; k++ {
		out = append(out, s.sents[k].words...)
	}
	return out
}

func (s *side) spanOf(r [2]int) Span {
	start, end := s.sents[r[0]].start, s.sents[r[1]].end
	return Span{Start: start, End: end, Text: string(s.runes[start:end])}
}

// unmatched returns runs of consecutive unmatched sentences of one block:
// a reader sees what a source alone says paragraph by paragraph.
func (s *side) unmatched(in []int) []Span {
	var out []Span
	for k := 0; k < len(s.sents); {
		if in[k] >= 0 {
			k++
			continue
		}
		e := k
		for e+1 < len(s.sents) && in[e+1] < 0 && s.sents[e+1].block == s.sents[k].block {
			e++
		}
		out = append(out, s.spanOf([2]int{k, e}))
		k = e + 1
	}
	return out
}

// stopwords are English function words: they count in scores at a fifth of
// their weight and never toward the shared-content floor.
var stopwords = setOf(`a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves s t also said says say told
would could may might must shall one`)
