package quotematch

import "slices"

// Link is a pair of quote ids judged to be the same utterance.
type Link struct{ A, B int64 }

// Group assigns every id a group id shared by all ids connected through
// links (transitively: if a links b and b links c, all three share one
// group). The group id is the smallest id in the group, so it stays put when
// a later, larger id joins. Ids that appear only in links are grouped too.
// Group does not decide which pairs to link; see the package comment for
// the recommended rule.
func Group(ids []int64, links []Link) map[int64]int64 {
	parent := make(map[int64]int64, len(ids))
	var find func(x int64) int64
	find = func(x int64) int64 {
		for {
			p, ok := parent[x]
			if !ok {
				parent[x] = x
				return x
			}
			if p == x {
				return x
			}
			gp := parent[p]
			parent[x] = gp // path halving
			x = gp
		}
	}
	for _, id := range ids {
		find(id)
	}
	for _, l := range links {
		ra, rb := find(l.A), find(l.B)
		if ra == rb {
			continue
		}
		// The smaller root wins so the group id is the smallest member.
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
	out := make(map[int64]int64, len(parent))
	keys := make([]int64, 0, len(parent))
	for id := range parent {
		keys = append(keys, id)
	}
	slices.Sort(keys)
	for _, id := range keys {
		out[id] = find(id)
	}
	return out
}
