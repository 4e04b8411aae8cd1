package quotematch

import "strings"

// Kinds of [Op].
const (
	OpEqual   = "equal"
	OpInsert  = "insert"
	OpDelete  = "delete"
	OpReplace = "replace"
)

// Op is one step of a word-level diff. A holds words of the first text, B
// words of the second, both as written (marks and case kept): equal has
// both (the same words once folded), delete only A, insert only B, and
// replace both.
type Op struct {
	Kind string
	A, B []string
}

// maxDiffEdits bounds the diff's work: past this many edits the differing
// middle is reported as one replace, so huge unrelated texts cost linear
// memory and at most quadratic-in-the-bound time.
const maxDiffEdits = 1000

// Diff returns the word-level differences between two variants of a quote,
// for showing which words differ. Words are the whitespace-separated tokens
// of each text as written; two tokens are equal when their folded forms are
// ([Fold]), so “untrue.” equals "untrue" and a link equals nothing but a
// link. The ops cover both texts in order: joining the A words of all ops
// gives strings.Fields(a), and the B words strings.Fields(b). Adjacent
// deletions and insertions are reported as one replace. The diff is a
// shortest edit script (Myers' algorithm) unless it would exceed 1000 edits.
func Diff(a, b string) []Op {
	ta, tb := strings.Fields(a), strings.Fields(b)
	ka, kb := foldTokens(ta), foldTokens(tb)
	// Common ends first: they are usually most of a quote.
	pre := 0
	for pre < len(ka) && pre < len(kb) && ka[pre] == kb[pre] {
		pre++
	}
	suf := 0
	for suf < len(ka)-pre && suf < len(kb)-pre && ka[len(ka)-1-suf] == kb[len(kb)-1-suf] {
		suf++
	}
	var script []byte
	for range pre {
		script = append(script, '=')
	}
	mid := myers(ka[pre:len(ka)-suf], kb[pre:len(kb)-suf])
	if mid == nil {
		for range len(ka) - pre - suf {
			mid = append(mid, '-')
		}
		for range len(kb) - pre - suf {
			mid = append(mid, '+')
		}
	}
	script = append(script, mid...)
	for range suf {
		script = append(script, '=')
	}
	return buildOps(script, ta, tb)
}

func foldTokens(tokens []string) []string {
	keys := make([]string, len(tokens))
	for i, t := range tokens {
		keys[i] = strings.Join(Fold(t), " ")
	}
	return keys
}

// myers returns a shortest edit script turning a into b as '=', '-' (drop
// from a) and '+' (add from b), or nil when it needs more than maxDiffEdits
// edits (and a and b are not both empty).
func myers(a, b []string) []byte {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return []byte{}
	}
	limit := min(n+m, maxDiffEdits)
	// trace[d][k+d] is the furthest x on diagonal k after d edits.
	var trace [][]int
	prev := []int{0}
	var end int
	found := false
	for d := 0; d <= limit && !found; d++ {
		cur := make([]int, 2*d+1)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && prev[k-1+(d-1)] < prev[k+1+(d-1)]) {
				if d == 0 {
					x = 0
				} else {
					x = prev[k+1+(d-1)]
				}
			} else {
				x = prev[k-1+(d-1)] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			cur[k+d] = x
			if x >= n && y >= m {
				found = true
				end = d
				break
			}
		}
		trace = append(trace, cur)
		prev = cur
	}
	if !found {
		return nil
	}
	var rev []byte
	x, y := n, m
	for d := end; d > 0; d-- {
		pv := trace[d-1]
		k := x - y
		var pk int
		if k == -d || (k != d && pv[k-1+(d-1)] < pv[k+1+(d-1)]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := pv[pk+(d-1)]
		py := px - pk
		for x > px && y > py {
			rev = append(rev, '=')
			x--
			y--
		}
		if x == px {
			rev = append(rev, '+')
		} else {
			rev = append(rev, '-')
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, '=')
		x--
		y--
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// buildOps groups an edit script into ops over the original tokens.
func buildOps(script []byte, ta, tb []string) []Op {
	var ops []Op
	i, j := 0, 0
	for p := 0; p < len(script); {
		if script[p] == '=' {
			q := p
			for q < len(script) && script[q] == '=' {
				q++
			}
			ops = append(ops, Op{Kind: OpEqual, A: ta[i : i+q-p], B: tb[j : j+q-p]})
			i += q - p
			j += q - p
			p = q
			continue
		}
		da, db := 0, 0
		for p < len(script) && script[p] != '=' {
			if script[p] == '-' {
				da++
			} else {
				db++
			}
			p++
		}
		// Deletions and insertions interleaved in one run of edits are
		// shown as one change: the words of a, then the words of b.
		op := Op{Kind: OpReplace, A: ta[i : i+da], B: tb[j : j+db]}
		switch {
		case db == 0:
			op = Op{Kind: OpDelete, A: op.A}
		case da == 0:
			op = Op{Kind: OpInsert, B: op.B}
		}
		ops = append(ops, op)
		i += da
		j += db
	}
	return ops
}
