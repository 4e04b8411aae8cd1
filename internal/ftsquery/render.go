package ftsquery

import "strings"

func (p *phrase) atomic() bool { return true }

// render writes p as an FTS5 string. Words never contain a double quote
// (quote marks delimit phrases), but any that did would be doubled, so
// nothing inside the string can end it early.
func (p *phrase) render(b *strings.Builder) {
	b.WriteByte('"')
	for i, w := range p.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
	}
	b.WriteByte('"')
	if p.prefix {
		b.WriteByte('*')
	}
}

func (a *and) atomic() bool { return false }

// render writes a as "p1" "p2" NOT "n1" NOT "n2". FTS5's implicit AND binds
// tighter than NOT, and NOT is left-associative, so this is
// ((p1 AND p2) NOT n1) NOT n2. An implicit-AND list may hold only phrases,
// so when a required term is anything else every AND is written out.
func (a *and) render(b *strings.Builder) {
	explicit := false
	for _, n := range a.pos {
		explicit = explicit || !n.atomic()
	}
	for i, n := range a.pos {
		if i > 0 {
			if explicit {
				b.WriteString(" AND ")
			} else {
				b.WriteByte(' ')
			}
		}
		operand(b, n)
	}
	for _, n := range a.neg {
		b.WriteString(" NOT ")
		operand(b, n)
	}
}

func (o *or) atomic() bool { return false }

// render writes o as alternatives joined by OR, which binds loosest in FTS5,
// so an AND group needs no parentheses.
func (o *or) render(b *strings.Builder) {
	for i, n := range o.alts {
		if i > 0 {
			b.WriteString(" OR ")
		}
		if _, ok := n.(*and); ok {
			n.render(b)
		} else {
			operand(b, n)
		}
	}
}

// operand writes n, in parentheses unless it is atomic.
func operand(b *strings.Builder, n node) {
	if n.atomic() {
		n.render(b)
		return
	}
	b.WriteByte('(')
	n.render(b)
	b.WriteByte(')')
}
