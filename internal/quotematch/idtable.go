package quotematch

// idTable maps live quote ids to slots in a few bytes per quote: an open
// addressing table of slot+1 values (0 is empty) with linear probing, keyed
// through the index's ids slice, at most three quarters full.
type idTable struct {
	cells []uint32
	n     int
	shift uint
}

func (t *idTable) home(id int64) int {
	return int((uint64(id) * 0x9e3779b97f4a7c15) >> t.shift)
}

func (t *idTable) get(ids []int64, id int64) (uint32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.cells) - 1
	for i := t.home(id); ; i = (i + 1) & mask {
		c := t.cells[i]
		if c == 0 {
			return 0, false
		}
		if ids[c-1] == id {
			return c - 1, true
		}
	}
}

// put adds id at slot; id must not be present and ids[slot] must be id.
func (t *idTable) put(ids []int64, id int64, slot uint32) {
	if (t.n+1)*4 > len(t.cells)*3 {
		t.grow(ids)
	}
	mask := len(t.cells) - 1
	i := t.home(id)
	for t.cells[i] != 0 {
		i = (i + 1) & mask
	}
	t.cells[i] = slot + 1
	t.n++
}

func (t *idTable) grow(ids []int64) {
	size := max(16, 2*len(t.cells))
	old := t.cells
	t.cells = make([]uint32, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	mask := size - 1
	for _, c := range old {
		if c == 0 {
			continue
		}
		i := t.home(ids[c-1])
		for t.cells[i] != 0 {
			i = (i + 1) & mask
		}
		t.cells[i] = c
	}
}

// del removes id, shifting later entries of its probe run back so that no
// tombstones are needed.
func (t *idTable) del(ids []int64, id int64) {
	if t.n == 0 {
		return
	}
	mask := len(t.cells) - 1
	i := t.home(id)
	for {
		c := t.cells[i]
		if c == 0 {
			return
		}
		if ids[c-1] == id {
			break
		}
		i = (i + 1) & mask
	}
	t.cells[i] = 0
	t.n--
	for j := (i + 1) & mask; t.cells[j] != 0; j = (j + 1) & mask {
		k := t.home(ids[t.cells[j]-1])
		// Move the entry at j into the hole at i when its home is not in
		// the cyclic range (i, j].
		if (i <= j && (k <= i || k > j)) || (i > j && k <= i && k > j) {
			t.cells[i], t.cells[j] = t.cells[j], 0
			i = j
		}
	}
}
