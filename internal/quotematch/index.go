package quotematch

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
)

// Fingerprinting parameters; see the package comment.
const (
	shingleWords = 3
	winnowWindow = 3
	// maxPosting is the longest posting list a lookup reads: a shingle
	// held by more stored quotes than this ("one of the") says little
	// about which quote matches, and reading it would cost time.
	maxPosting = 2000
	// maxVerify is the most candidates verified per query quote, taken in
	// order of shared fingerprints.
	maxVerify = 64
	// pendingMax is how many postings wait unsorted before a flush.
	pendingMax = 1024
)

// Index holds stored quotes and finds those matching a new quote without
// scanning them all. Build it at startup with [Index.Add] for every stored
// quote and keep it up to date with Add and [Index.Remove].
//
// An Index is safe for concurrent use: any number of [Index.Match] calls may
// run at once, and Add and Remove wait for them.
type Index struct {
	mu sync.RWMutex

	vocab map[string]uint32 // folded word -> word id
	words []string          // word id -> folded word

	// Per slot: the quote's id and its folded words, as uvarint word ids
	// in arena[offs[slot]:offs[slot+1]] (the last ends at len(arena)).
	// A removed quote's slot stays, marked in gone, until compaction.
	ids   []int64
	offs  []uint32
	arena []byte
	gone  []uint64 // bit set of removed slots
	slot  idTable  // live quote id -> slot
	dead  int      // removed slots not yet compacted

	// Fingerprint postings, kept by the logarithmic method: the newest in
	// pending (unsorted, scanned), the rest in sorted runs where runs[i] is
	// empty or holds about pendingMax<<i postings; a full pending buffer is
	// sorted and merged up like a carry in binary addition, so each
	// posting is copied O(log n) times and no map of slices is needed.
	pending []posting
	runs    [][]posting
}

type posting struct{ hash, slot uint32 }

// Candidate is a stored quote matching a query quote.
type Candidate struct {
	ID       int64    // the stored quote's id
	Relation Relation // how the query relates to it, as Compare(query, stored)
	Score    float64  // as reported by Compare
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		vocab: make(map[string]uint32),
	}
}

// Len returns the number of quotes stored.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.slot.n
}

// Add stores the quote text under id, replacing any quote already stored
// under that id. A text that folds to no words is stored but never matches.
func (ix *Index) Add(id int64, text string) {
	words := Fold(text)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot.get(ix.ids, id); ok {
		ix.removeSlot(id, s)
	}
	s := ix.newSlot(id)
	for _, w := range words {
		wid, ok := ix.vocab[w]
		if !ok {
			// A folded word shares memory with its whole quote: copy it.
			w = strings.Clone(w)
			wid = uint32(len(ix.words))
			ix.vocab[w] = wid
			ix.words = append(ix.words, w)
		}
		ix.arena = binary.AppendUvarint(ix.arena, uint64(wid))
	}
	for _, h := range fingerprints(words, true) {
		ix.addPosting(posting{h, s})
	}
}

// Remove drops the quote stored under id; it is a no-op when there is none.
func (ix *Index) Remove(id int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot.get(ix.ids, id); ok {
		ix.removeSlot(id, s)
		if ix.dead > 1024 && ix.dead > ix.slot.n {
			ix.compact()
		}
	}
}

// newSlot appends a slot for id, its words to be appended to the arena.
func (ix *Index) newSlot(id int64) uint32 {
	s := uint32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.offs = append(ix.offs, uint32(len(ix.arena)))
	if int(s)/64 >= len(ix.gone) {
		ix.gone = append(ix.gone, 0)
	}
	ix.slot.put(ix.ids, id, s)
	return s
}

func (ix *Index) removeSlot(id int64, s uint32) {
	ix.slot.del(ix.ids, id)
	ix.gone[s/64] |= 1 << (s % 64)
	ix.dead++
}

func (ix *Index) isGone(s uint32) bool { return ix.gone[s/64]&(1<<(s%64)) != 0 }

// appendWords appends the folded words of slot s to dst.
func (ix *Index) appendWords(dst []string, s uint32) []string {
	end := uint32(len(ix.arena))
	if int(s)+1 < len(ix.offs) {
		end = ix.offs[s+1]
	}
	for b := ix.arena[ix.offs[s]:end]; len(b) > 0; {
		wid, n := binary.Uvarint(b)
		dst = append(dst, ix.words[wid])
		b = b[n:]
	}
	return dst
}

func (ix *Index) addPosting(p posting) {
	ix.pending = append(ix.pending, p)
	if len(ix.pending) >= pendingMax {
		ix.flush()
	}
}

// flush sorts the pending postings into the runs.
func (ix *Index) flush() {
	if len(ix.pending) == 0 {
		return
	}
	run := slices.Clone(ix.pending)
	slices.SortFunc(run, comparePosting)
	ix.pending = ix.pending[:0]
	for i := 0; ; i++ {
		if i == len(ix.runs) {
			ix.runs = append(ix.runs, run)
			return
		}
		if len(ix.runs[i]) == 0 {
			ix.runs[i] = run
			return
		}
		run = ix.mergeRuns(ix.runs[i], run)
		ix.runs[i] = nil
	}
}

// mergeRuns merges two sorted runs, dropping the postings of removed
// quotes.
func (ix *Index) mergeRuns(a, b []posting) []posting {
	merged := make([]posting, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var p posting
		if j == len(b) || i < len(a) && comparePosting(a[i], b[j]) <= 0 {
			p = a[i]
			i++
		} else {
			p = b[j]
			j++
		}
		if !ix.isGone(p.slot) {
			merged = append(merged, p)
		}
	}
	return merged
}

// compact rebuilds the index from its live quotes, reclaiming the space of
// removed ones.
func (ix *Index) compact() {
	var keep []struct {
		id    int64
		words []string
	}
	for s, id := range ix.ids {
		if !ix.isGone(uint32(s)) {
			keep = append(keep, struct {
				id    int64
				words []string
			}{id, ix.appendWords(nil, uint32(s))})
		}
	}
	ix.ids, ix.offs, ix.arena, ix.gone = nil, nil, nil, nil
	ix.slot = idTable{}
	ix.pending, ix.runs, ix.dead = nil, nil, 0
	for _, k := range keep {
		s := ix.newSlot(k.id)
		for _, w := range k.words {
			ix.arena = binary.AppendUvarint(ix.arena, uint64(ix.vocab[w]))
		}
		for _, h := range fingerprints(k.words, true) {
			ix.addPosting(posting{h, s})
		}
	}
}

func comparePosting(a, b posting) int {
	if c := cmp.Compare(a.hash, b.hash); c != 0 {
		return c
	}
	return cmp.Compare(a.slot, b.slot)
}

// postings appends to dst the stored slots holding fingerprint h, unless
// there are more than limit, and returns how many there are.
func (ix *Index) postings(dst []uint32, h uint32, limit int) ([]uint32, int) {
	var spans [][]posting
	n := 0
	for _, run := range ix.runs {
		lo, _ := slices.BinarySearchFunc(run, h, func(p posting, h uint32) int { return cmp.Compare(p.hash, h) })
		hi := lo
		for hi < len(run) && run[hi].hash == h {
			hi++
		}
		if hi > lo {
			spans = append(spans, run[lo:hi])
			n += hi - lo
		}
	}
	for _, p := range ix.pending {
		if p.hash == h {
			n++
		}
	}
	if n > limit {
		return dst, n
	}
	for _, sp := range spans {
		for _, p := range sp {
			dst = append(dst, p.slot)
		}
	}
	for _, p := range ix.pending {
		if p.hash == h {
			dst = append(dst, p.slot)
		}
	}
	return dst, n
}

// Match returns the stored quotes that text matches with a score of at
// least minScore (use [DefaultMinScore] unless tuning), best first, ties by
// id. Candidates are stored quotes sharing a run of words with text through
// the fingerprint index (at most 64 per query, those sharing the most
// fingerprints); each is verified with the alignment of [Compare], and
// Relation and Score are as Compare(text, stored) reports them.
//
// A stored quote sharing a run of five or more identical folded words with
// text becomes a candidate unless every shingle of that run is held by more
// than 2,000 stored quotes (then it is read only in part); a rewording that
// leaves no such run (a short quote with several words changed) may be
// missed. When more than 64 stored quotes qualify, as for a quote already
// carried by more than 64 sources, only 64 are verified: enough for
// grouping, since those already share one group.
func (ix *Index) Match(text string, minScore float64) []Candidate {
	words := Fold(text)
	if len(words) == 0 {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	hashes := fingerprints(words, false)
	var slots []uint32
	skipped := 0
	for _, h := range hashes {
		var n int
		slots, n = ix.postings(slots, h, maxPosting)
		if n > maxPosting {
			skipped++
		}
	}
	if skipped == len(hashes) {
		// Every shingle is common: read a bounded part of each.
		for _, h := range hashes {
			before := len(slots)
			slots, _ = ix.postings(slots, h, math.MaxInt)
			if len(slots)-before > maxPosting {
				slots = slots[:before+maxPosting]
			}
		}
	}
	type hit struct{ slot, count uint32 }
	slices.Sort(slots)
	var hits []hit
	for i := 0; i < len(slots); {
		j := i
		for j < len(slots) && slots[j] == slots[i] {
			j++
		}
		if !ix.isGone(slots[i]) {
			hits = append(hits, hit{slots[i], uint32(j - i)})
		}
		i = j
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(b.count, a.count) })
	if len(hits) > maxVerify {
		hits = hits[:maxVerify]
	}
	var out []Candidate
	var stored []string
	for _, h := range hits {
		stored = ix.appendWords(stored[:0], h.slot)
		rel, score := compareWords(words, stored, minScore)
		if rel != None && score >= minScore {
			out = append(out, Candidate{ID: ix.ids[h.slot], Relation: rel, Score: score})
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// fingerprints returns the distinct fingerprint hashes of folded words:
// all shingle hashes when all is false (a query), the winnowed selection
// when true (a stored quote). A quote shorter than one shingle has a single
// fingerprint of its whole text, which only the same short quote shares.
func fingerprints(words []string, winnow bool) []uint32 {
	if len(words) == 0 {
		return nil
	}
	if len(words) < shingleWords {
		return []uint32{finish(hashWords(words) ^ 0x9e3779b97f4a7c15)}
	}
	hs := make([]uint32, 0, len(words)-shingleWords+1)
	for i := 0; i+shingleWords <= len(words); i++ {
		hs = append(hs, finish(shingleHash(words[i:i+shingleWords])))
	}
	if winnow && len(hs) > winnowWindow {
		var sel []uint32
		last := -1
		for i := 0; i+winnowWindow <= len(hs); i++ {
			m := i
			for k := i + 1; k < i+winnowWindow; k++ {
				if hs[k] <= hs[m] { // rightmost minimum
					m = k
				}
			}
			if m != last {
				sel = append(sel, hs[m])
				last = m
			}
		}
		hs = sel
	}
	slices.Sort(hs)
	return slices.Compact(hs)
}

func shingleHash(w []string) uint64 { return hashWords(w) }

// hashWords is FNV-1a over the words, each followed by a separator byte.
func hashWords(w []string) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range w {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	return h
}

// finish mixes a 64-bit hash down to 32 bits.
func finish(h uint64) uint32 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return uint32(h)
}

// indexStats is the memory held by an index, by part, in bytes.
type indexStats struct {
	postings, fingerprints, words, slots, ids, vocab int
}

func (ix *Index) stats() indexStats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var st indexStats
	for _, r := range ix.runs {
		st.fingerprints += len(r)
		st.postings += 8 * cap(r)
	}
	st.fingerprints += len(ix.pending)
	st.postings += 8 * cap(ix.pending)
	st.words = cap(ix.arena)
	st.slots = 8*cap(ix.ids) + 4*cap(ix.offs) + 8*cap(ix.gone)
	st.ids = 4 * len(ix.slot.cells)
	for _, w := range ix.words {
		st.vocab += len(w) + 16 + 24 // string, slice entry, map entry (about)
	}
	return st
}
