package htmlextract

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// The page's blocks are matched to the main-content extractor's text by
// words, not by markup: the extractor rebuilds its own tree, splitting,
// merging and trimming paragraphs, so its nodes are not the page's. Both
// texts become sequences of word tokens; a longest common subsequence of the
// two says which of the page's words the extractor kept, and a block is
// content when most of its words were kept. The subsequence is found the
// way patience diff finds one: words that occur once in each text anchor it
// and split the problem, and only the gaps between anchors, which are small,
// are solved exactly by dynamic programming. Backtracking from the end
// prefers the later of two equal candidates, so a teaser in the page header
// loses to the article paragraph it repeats.

// vocab interns tokens as small integers.
type vocab struct {
	ids map[string]int32
}

func newVocab() *vocab { return &vocab{ids: make(map[string]int32, 4096)} }

func (v *vocab) id(s string) int32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := int32(len(v.ids))
	v.ids[s] = id
	return id
}

// splitScript reports whether r belongs to a script written without spaces
// between words; each of its characters is a token of its own.
func splitScript(r rune) bool {
	return r >= 0x0e00 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r) || unicode.Is(unicode.Lao, r) ||
		unicode.Is(unicode.Khmer, r) || unicode.Is(unicode.Myanmar, r))
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// tokens appends the word tokens of s to dst.
func (v *vocab) tokens(s string, dst []int32) []int32 {
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !wordRune(r):
			if start >= 0 {
				dst = append(dst, v.id(s[start:i]))
				start = -1
			}
			i += size
		case splitScript(r):
			if start >= 0 {
				dst = append(dst, v.id(s[start:i]))
				start = -1
			}
			// The character is a token by itself, with any marks after it.
			end := i + size
			for end < len(s) {
				m, n := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsMark(m) {
					break
				}
				end += n
			}
			dst = append(dst, v.id(s[i:end]))
			i = end
		default:
			if start < 0 {
				start = i
			}
			i += size
		}
	}
	if start >= 0 {
		dst = append(dst, v.id(s[start:]))
	}
	return dst
}

// dpSmall is the size under which a range is solved exactly at once;
// larger ones are split at anchors first. dpCells bounds the table of one
// exact LCS computation (2 bytes a cell).
const (
	dpSmall = 64 << 10
	dpCells = 4 << 20
)

// aligner finds which tokens of a also appear, in order, in b.
type aligner struct {
	a, b    []int32
	matched []bool // per token of a
	// scratch, indexed by token id
	countA, countB []int32
	posA, posB     []int32
	dp             []uint16
}

func align(a, b []int32, vocabSize int) []bool {
	al := &aligner{
		a: a, b: b, matched: make([]bool, len(a)),
		countA: make([]int32, vocabSize), countB: make([]int32, vocabSize),
		posA: make([]int32, vocabSize), posB: make([]int32, vocabSize),
	}
	al.solve(0, len(a), 0, len(b), 0)
	return al.matched
}

// solve aligns a[a0:a1] with b[b0:b1].
func (al *aligner) solve(a0, a1, b0, b1, depth int) {
	a, b := al.a, al.b
	for a0 < a1 && b0 < b1 && a[a0] == b[b0] {
		al.matched[a0] = true
		a0++
		b0++
	}
	for a0 < a1 && b0 < b1 && a[a1-1] == b[b1-1] {
		al.matched[a1-1] = true
		a1--
		b1--
	}
	n, m := a1-a0, b1-b0
	if n == 0 || m == 0 {
		return
	}
	if n*m <= dpSmall {
		al.exact(a0, a1, b0, b1)
		return
	}
	var anchors []anchor
	if depth <= 8 {
		anchors = al.anchors(a0, a1, b0, b1)
	}
	if len(anchors) == 0 {
		if n*m <= dpCells && min(n, m) < 65535 {
			al.exact(a0, a1, b0, b1)
		} else {
			al.greedy(a0, a1, b0, b1)
		}
		return
	}
	pa, pb := a0, b0
	for _, an := range anchors {
		al.solve(pa, an.i, pb, an.j, depth+1)
		al.matched[an.i] = true
		pa, pb = an.i+1, an.j+1
	}
	al.solve(pa, a1, pb, b1, depth+1)
}

type anchor struct{ i, j int }

// anchors returns the tokens that occur exactly once in each range, as a
// longest chain increasing in both.
func (al *aligner) anchors(a0, a1, b0, b1 int) []anchor {
	a, b := al.a, al.b
	for i := a0; i < a1; i++ {
		al.countA[a[i]]++
		al.posA[a[i]] = int32(i)
	}
	for j := b0; j < b1; j++ {
		al.countB[b[j]]++
		al.posB[b[j]] = int32(j)
	}
	var cand []anchor
	for j := b0; j < b1; j++ {
		t := b[j]
		if al.countB[t] == 1 && al.countA[t] == 1 {
			cand = append(cand, anchor{int(al.posA[t]), j})
		}
	}
	for i := a0; i < a1; i++ {
		al.countA[a[i]] = 0
	}
	for j := b0; j < b1; j++ {
		al.countB[b[j]] = 0
	}
	if len(cand) == 0 {
		return nil
	}
	// cand is ordered by j; keep the longest subsequence increasing in i.
	sort.Slice(cand, func(x, y int) bool { return cand[x].j < cand[y].j })
	tails := make([]int, 0, len(cand)) // index into cand of the chain end for each length
	prev := make([]int, len(cand))
	for k, c := range cand {
		l := sort.Search(len(tails), func(x int) bool { return cand[tails[x]].i >= c.i })
		if l > 0 {
			prev[k] = tails[l-1]
		} else {
			prev[k] = -1
		}
		if l == len(tails) {
			tails = append(tails, k)
		} else {
			tails[l] = k
		}
	}
	chain := make([]anchor, len(tails))
	for k, x := len(tails)-1, tails[len(tails)-1]; k >= 0; k, x = k-1, prev[x] {
		chain[k] = cand[x]
	}
	return chain
}

// exact solves a small range by dynamic programming.
func (al *aligner) exact(a0, a1, b0, b1 int) {
	a, b := al.a[a0:a1], al.b[b0:b1]
	n, m := len(a), len(b)
	w := m + 1
	size := (n + 1) * w
	if cap(al.dp) < size {
		al.dp = make([]uint16, size)
	}
	dp := al.dp[:size]
	for j := range w {
		dp[j] = 0
	}
	for i := 1; i <= n; i++ {
		row, up := dp[i*w:(i+1)*w], dp[(i-1)*w:i*w]
		row[0] = 0
		ai := a[i-1]
		for j := 1; j <= m; j++ {
			switch {
			case ai == b[j-1]:
				row[j] = up[j-1] + 1
			case up[j] >= row[j-1]:
				row[j] = up[j]
			default:
				row[j] = row[j-1]
			}
		}
	}
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case a[i-1] == b[j-1]:
			al.matched[a0+i-1] = true
			i--
			j--
		case dp[(i-1)*w+j] >= dp[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}

// greedy matches each token of b to its next occurrence in a, for ranges too
// large to solve exactly and without anchors (rare: both huge and
// repetitive).
func (al *aligner) greedy(a0, a1, b0, b1 int) {
	next := make(map[int32][]int, 1024)
	for i := a1 - 1; i >= a0; i-- {
		t := al.a[i]
		next[t] = append(next[t], i)
	}
	pos := a0
	for j := b0; j < b1; j++ {
		list := next[al.b[j]]
		for len(list) > 0 && list[len(list)-1] < pos {
			list = list[:len(list)-1]
		}
		next[al.b[j]] = list
		if len(list) == 0 {
			continue
		}
		i := list[len(list)-1]
		if i-pos > 2000 && j+1 < b1 {
			// Jumping this far for one word would skip much of the page;
			// it is more likely the word is not in this part of it.
			continue
		}
		al.matched[i] = true
		pos = i + 1
		next[al.b[j]] = list[:len(list)-1]
	}
}
