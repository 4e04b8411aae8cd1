package ftsquery

import "strings"

// The query tree. Only what the search box can express today is here; a
// later NEAR group, column filter or parenthesised group is one more node
// type with its own render method.

// node is a part of a parsed query.
type node interface {
	// render writes the node's FTS5 syntax to b.
	render(b *strings.Builder)
	// atomic reports whether the node can stand in FTS5's implicit-AND list
	// ("a" "b") and as an operand of NOT without parentheses.
	atomic() bool
}

// phrase is a quoted string: one word, or several that must appear in order.
type phrase struct {
	words  []string
	prefix bool // the last word is a prefix (search-as-you-type)
}

// and requires every term in pos and excludes every term in neg. It is only
// rendered when pos is not empty: FTS5 cannot search for "not x" alone.
type and struct {
	pos, neg []node
}

// or matches when any of its alternatives does.
type or struct {
	alts []node
}

// parse builds the query tree from tokens, tolerating anything: an operator
// with nothing on its left or right is dropped, as is a group with nothing
// but excluded terms. At most MaxTerms terms are kept. It returns nil when
// nothing searchable remains.
func parse(toks []token) node {
	groups := []*and{{}}
	pending := tokTerm // the operator waiting for its right-hand term, or tokTerm for none
	terms := 0
	for _, t := range toks {
		if t.kind == tokAnd || t.kind == tokOr || t.kind == tokNot {
			// An operator needs a term on its left; of several in a
			// row the last wins, so "a AND NOT b" means "a NOT b".
			if terms > 0 {
				pending = t.kind
			}
			continue
		}
		if len(t.words) == 0 {
			continue // an empty phrase, "" or "?!"
		}
		if terms == MaxTerms {
			break
		}
		terms++
		p := &phrase{words: t.words, prefix: t.prefix}
		cur := groups[len(groups)-1]
		switch {
		case t.neg:
			// "-x" excludes x from its group. A pending OR is dropped:
			// "a OR -b" cannot mean "a, or anything without b".
			cur.neg = append(cur.neg, p)
		case pending == tokNot && len(cur.pos) > 0:
			cur.neg = append(cur.neg, p)
		case pending == tokOr && len(cur.pos) > 0:
			groups = append(groups, &and{pos: []node{p}})
		default:
			// AND, implicit AND, or an operator with only excluded
			// terms on its left, which is dropped.
			cur.pos = append(cur.pos, p)
		}
		pending = tokTerm
	}

	var q or
	for _, g := range groups {
		switch {
		case len(g.pos) == 0:
			// nothing to search for in this group
		case len(g.pos) == 1 && len(g.neg) == 0:
			q.alts = append(q.alts, g.pos[0])
		default:
			q.alts = append(q.alts, g)
		}
	}
	switch len(q.alts) {
	case 0:
		return nil
	case 1:
		return q.alts[0]
	}
	return &q
}
