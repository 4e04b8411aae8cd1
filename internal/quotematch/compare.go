package quotematch

// Relation names how two quotes relate once folded.
type Relation string

// The relations reported by [Compare] and [Index.Match]. Contains and
// Within are read from the first argument's side: Compare(a, b) returns
// Contains when a holds b, Within when a sits inside b.
const (
	None     Relation = ""         // not the same utterance
	Same     Relation = "same"     // identical once folded
	Contains Relation = "contains" // a holds all of b (b is truncated), up to light rewording
	Within   Relation = "within"   // a is a truncated part of b, up to light rewording
	Overlap  Relation = "overlap"  // the end of one is the start of the other
	Similar  Relation = "similar"  // the whole of each, lightly reworded or respelled
)

// Thresholds of the matcher.
const (
	// MinWords is the fewest folded words the shorter quote needs for any
	// relation but Same: shorter quotes link only when identical.
	MinWords = 5
	// DefaultMinScore is the score at or above which a relation is taken
	// to be the same utterance; see the package comment for the grouping
	// rule built on it.
	DefaultMinScore = 0.75
	// minOverlapWords is the fewest matching words an Overlap needs.
	minOverlapWords = 6
	// floorScore is the score below which Compare reports None.
	floorScore = 0.6
	// maxCells bounds the alignment table; larger pairs are compared by
	// shingle containment so that huge quotes cost linear time.
	maxCells = 1 << 22
)

// Alignment costs, in quarters of a word: a respelled word ("colour",
// "color") costs a quarter of a changed one.
const (
	costNear = 1
	costSub  = 4
	costGap  = 4
	unit     = 4
)

// Compare reports how quote a relates to quote b and a score in [0,1].
//
// Both are folded with [Fold] and aligned word by word (edit distance with
// insertions, deletions, substitutions, and respellings at a quarter of
// the cost). The score is the share of words that agree along the best
// alignment of the relation reported:
//
//   - Same (score 1): the folded words are identical.
//   - Within / Contains: every word of the shorter quote aligns inside the
//     longer one, which also has words of its own at either end; the score
//     is measured over the shorter quote, so an exact truncation scores 1.
//   - Similar: both align whole, as a rewording or respelling; the score is
//     measured over the longer quote.
//   - Overlap: the end of one aligns with the start of the other over at
//     least six words (and a quarter of the shorter quote); the score is
//     measured over the overlapping part. It is tried only when the others
//     score below [DefaultMinScore].
//
// When the shorter quote has fewer than [MinWords] words only Same is
// possible. Below a score of 0.6 the relation is None; the score is still
// returned. Compare is symmetric up to swapping Contains and Within.
func Compare(a, b string) (Relation, float64) {
	return compareWords(Fold(a), Fold(b), 0)
}

// compareWords is Compare on folded words. With prune > 0 it may give up
// early, reporting None and a score that is only an upper bound, once it
// knows the score cannot reach prune.
func compareWords(a, b []string, prune float64) (Relation, float64) {
	if len(a) == 0 || len(b) == 0 {
		return None, 0
	}
	if equalWords(a, b) {
		return Same, 1
	}
	swapped := false
	if len(a) > len(b) {
		a, b = b, a
		swapped = true
	}
	m, n := len(a), len(b)
	if m < MinWords {
		return None, 0
	}
	var rel Relation
	var score float64
	if m*n > maxCells {
		rel, score = compareCoarse(a, b)
	} else {
		cm, matchable := newCosts(a, b)
		// Every word of a with no equal or near word in b costs a whole
		// edit in any alignment of all of a, which bounds Within and
		// Similar; Overlap needs enough matchable words.
		bound := float64(matchable) / float64(m)
		canOverlap := m >= minOverlapWords && matchable >= max(minOverlapWords, m/4)
		if bound < prune && !canOverlap {
			return None, bound
		}
		score = -1
		if bound >= prune {
			g, c, margin := align(cm)
			// Within when b has words outside the stretch a aligns with
			// and leaving them out costs nothing more than aligning
			// whole texts.
			if m < n && margin > 0 && g == c+costGap*margin {
				rel, score = Within, 1-float64(c)/float64(unit*m)
			} else {
				rel, score = Similar, 1-float64(g)/float64(unit*n)
			}
		}
		if score < DefaultMinScore && canOverlap {
			if s, ok := overlap(cm, false); ok && s > score {
				rel, score = Overlap, s
			}
			if s, ok := overlap(cm, true); ok && s > score {
				rel, score = Overlap, s
			}
		}
	}
	if score < 0 {
		score = 0
	}
	if score < floorScore {
		return None, score
	}
	if swapped && rel == Within {
		rel = Contains
	}
	return rel, score
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// costs holds wordCost for every word of a (rows) against every word of b
// (columns), computed once for the several alignments of one comparison.
type costs struct {
	m, n int
	c    []uint8
}

// newCosts returns the cost table of a against b and how many words of a
// have an equal or near word in b.
func newCosts(a, b []string) (costs, int) {
	cm := costs{m: len(a), n: len(b), c: make([]uint8, len(a)*len(b))}
	ka, kb := nearKinds(a), nearKinds(b)
	matchable := 0
	for i, x := range a {
		row := cm.c[i*cm.n : (i+1)*cm.n]
		found := false
		for j, y := range b {
			c := uint8(costSub)
			switch {
			case x == y:
				c = 0
			case ka[i] == 0 || kb[j] == 0 || len(x)-len(y) > 4 || len(y)-len(x) > 4:
			case ka[i] == 1 && kb[j] == 1:
				if len(x)-len(y) <= 1 && len(y)-len(x) <= 1 {
					if len(x) <= len(y) && oneEdit(x, y) || len(x) > len(y) && oneEdit(y, x) {
						c = costNear
					}
				}
			case near(x, y):
				c = costNear
			}
			row[j] = c
			found = found || c < costSub
		}
		if found {
			matchable++
		}
	}
	return cm, matchable
}

// nearKinds classifies words for near: 0 never near another word (short,
// or holding a digit), 1 ASCII, 2 other.
func nearKinds(w []string) []uint8 {
	k := make([]uint8, len(w))
	for i, x := range w {
		switch {
		case len(x) < 4 || hasDigit(x):
		case isASCII(x):
			k[i] = 1
		default:
			k[i] = 2
		}
	}
	return k
}

// wordCost is the cost of aligning word x with word y.
func wordCost(x, y string) int {
	if x == y {
		return 0
	}
	if near(x, y) {
		return costNear
	}
	return costSub
}

// near reports whether x and y are one edit apart (a letter changed,
// added, dropped, or two adjacent letters swapped) and long enough (four
// letters) for that to be a respelling rather than another word. Numbers are
// never near each other: "2018" and "2019" differ.
func near(x, y string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 4 || len(y)-len(x) > 4 { // a rune is at most four bytes
		return false
	}
	if isASCII(x) && isASCII(y) {
		if len(y)-len(x) > 1 || hasDigit(x) || hasDigit(y) {
			return false
		}
		return oneEdit(x, y)
	}
	if hasDigit(x) || hasDigit(y) {
		return false
	}
	rx, ry := []rune(x), []rune(y)
	if len(rx) > len(ry) {
		rx, ry = ry, rx
	}
	if len(rx) < 4 || len(ry)-len(rx) > 1 {
		return false
	}
	return oneEditRunes(rx, ry)
}

// oneEdit reports whether y is x with one byte changed, added or swapped
// with its neighbour; len(x) <= len(y) <= len(x)+1 and x != y.
func oneEdit(x, y string) bool {
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && x[i+2:] == y[i+2:] {
			return true
		}
		return i < len(x) && x[i+1:] == y[i+1:]
	}
	return x[i:] == y[i+1:]
}

// oneEditRunes is oneEdit on runes.
func oneEditRunes(x, y []rune) bool {
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:]) {
			return true
		}
		return i < len(x) && string(x[i+1:]) == string(y[i+1:])
	}
	return string(x[i:]) == string(y[i+1:])
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// align returns the global edit cost of a against b, and the cost of a
// against the best-fitting stretch of b (b's ends free) with the number of
// b's words left outside that stretch. len(a) <= len(b).
func align(cm costs) (global, inside, margin int) {
	n := cm.n
	buf := make([]int, 6*(n+1))
	pg, cg := buf[:n+1], buf[n+1:2*(n+1)]
	ps, cs := buf[2*(n+1):3*(n+1)], buf[3*(n+1):4*(n+1)]
	// where the stretch of b aligned along the best path to each cell starts
	pst, cst := buf[4*(n+1):5*(n+1)], buf[5*(n+1):]
	for j := range pg {
		pg[j] = costGap * j
		ps[j] = 0
		pst[j] = j
	}
	for i := 1; i <= cm.m; i++ {
		cg[0], cs[0], cst[0] = costGap*i, costGap*i, 0
		row := cm.c[(i-1)*n : i*n]
		for j := 1; j <= n; j++ {
			c := int(row[j-1])
			cg[j] = min(pg[j-1]+c, pg[j]+costGap, cg[j-1]+costGap)
			v, st := ps[j-1]+c, pst[j-1]
			if u := ps[j] + costGap; u < v {
				v, st = u, pst[j]
			}
			if l := cs[j-1] + costGap; l < v {
				v, st = l, cst[j-1]
			}
			cs[j], cst[j] = v, st
		}
		pg, cg = cg, pg
		ps, cs = cs, ps
		pst, cst = cst, pst
	}
	end := 0
	for j, v := range ps {
		if v < ps[end] {
			end = j
		}
	}
	return pg[n], ps[end], pst[end] + n - end
}

// Overlap scoring: a matching word earns, anything else costs.
const (
	rewardEq   = 2
	rewardNear = 1
	penalty    = 3
)

type ovCell struct {
	score, cost, matches, start int
}

// overlap aligns a suffix of a with a prefix of b (of b with a when
// swapped), maximising matches against edits, and returns the similarity of
// the overlapping part when it is long enough to count as an Overlap.
func overlap(cm costs, swapped bool) (float64, bool) {
	m, n := cm.m, cm.n
	at := func(i, j int) int { return int(cm.c[i*cm.n+j]) }
	if swapped {
		m, n = n, m
		at = func(i, j int) int { return int(cm.c[j*cm.n+i]) }
	}
	// The overlap ends on matching words: a's last word and b's first word
	// must each match some word of the other.
	lastA, firstB := false, false
	for j := 0; j < n && !lastA; j++ {
		lastA = at(m-1, j) < costSub
	}
	for i := 0; i < m && !firstB; i++ {
		firstB = at(i, 0) < costSub
	}
	if !lastA || !firstB {
		return 0, false
	}
	prev := make([]ovCell, n+1)
	cur := make([]ovCell, n+1)
	// Row 0: b's first j words against nothing of a.
	for j := range prev {
		prev[j] = ovCell{score: -penalty * j, cost: costGap * j, start: 0}
	}
	for i := 1; i <= m; i++ {
		// a's first i words are skipped for free: the overlap starts later.
		cur[0] = ovCell{start: i}
		for j := 1; j <= n; j++ {
			c := at(i-1, j-1)
			d := prev[j-1]
			switch c {
			case 0:
				d.score += rewardEq
				d.matches++
			case costNear:
				d.score += rewardNear
				d.cost += costNear
				d.matches++
			default:
				d.score -= penalty
				d.cost += costSub
			}
			best := d
			if u := prev[j]; u.score-penalty > best.score {
				best = ovCell{u.score - penalty, u.cost + costGap, u.matches, u.start}
			}
			if l := cur[j-1]; l.score-penalty > best.score {
				best = ovCell{l.score - penalty, l.cost + costGap, l.matches, l.start}
			}
			cur[j] = best
		}
		prev, cur = cur, prev
	}
	// prev is row m: a's end reached; b's remaining words are free.
	best, bestJ := ovCell{score: -1 << 30}, 0
	for j := 1; j <= n; j++ {
		if prev[j].score > best.score {
			best, bestJ = prev[j], j
		}
	}
	need := max(minOverlapWords, min(m, n)/4)
	if best.matches < need {
		return 0, false
	}
	span := max(m-best.start, bestJ)
	return 1 - float64(best.cost)/float64(unit*span), true
}

// compareCoarse relates two quotes too long to align cheaply by their
// shared three-word shingles. len(a) <= len(b).
func compareCoarse(a, b []string) (Relation, float64) {
	sa, sb := shingleSet(a), shingleSet(b)
	shared := 0
	for h := range sa {
		if _, ok := sb[h]; ok {
			shared++
		}
	}
	if len(sa) == 0 {
		return None, 0
	}
	containment := float64(shared) / float64(len(sa))
	jaccard := float64(shared) / float64(len(sa)+len(sb)-shared)
	if len(a) < len(b) && containment > jaccard+0.1 {
		return Within, containment
	}
	return Similar, jaccard
}

func shingleSet(w []string) map[uint64]struct{} {
	s := make(map[uint64]struct{}, len(w))
	for i := 0; i+shingleWords <= len(w); i++ {
		s[shingleHash(w[i:i+shingleWords])] = struct{}{}
	}
	return s
}
