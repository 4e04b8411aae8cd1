package quotematch

import (
	"math/rand/v2"
	"testing"
)

// TestIDTable checks the id table against a map through random puts and
// deletes, with ids chosen to collide.
func TestIDTable(t *testing.T) {
	tests := []struct {
		name   string
		idSpan int64
		ops    int
	}{
		{"dense", 200, 5000},
		{"sparse", 1 << 40, 5000},
		{"negative", -1, 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(3, 4))
			var tab idTable
			var ids []int64
			want := map[int64]uint32{}
			for range tt.ops {
				var id int64
				if tt.idSpan < 0 {
					id = -r.Int64N(300)
				} else {
					id = r.Int64N(tt.idSpan)
				}
				if _, ok := want[id]; ok && r.IntN(2) == 0 {
					tab.del(ids, id)
					delete(want, id)
				} else if !ok {
					s := uint32(len(ids))
					ids = append(ids, id)
					tab.put(ids, id, s)
					want[id] = s
				}
				if tab.n != len(want) {
					t.Fatalf("n = %d, want %d", tab.n, len(want))
				}
			}
			for id, s := range want {
				if got, ok := tab.get(ids, id); !ok || got != s {
					t.Fatalf("get(%d) = %d, %v; want %d", id, got, ok, s)
				}
			}
			for range 1000 {
				id := r.Int64N(1 << 40)
				if _, ok := want[id]; !ok {
					if _, ok := tab.get(ids, id); ok {
						t.Fatalf("get(%d) found an absent id", id)
					}
				}
			}
		})
	}
}
