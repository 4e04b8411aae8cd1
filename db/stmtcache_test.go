package db

import (
	"context"
	"fmt"
	"testing"
)

// The generated queries run through statements prepared once; a query
// SQLite refuses fails as it would uncached, a full cache and a closed one
// fall back to the pool.
func TestStmtCache(t *testing.T) {
	ctx := context.Background()
	nb := openTemp(t)
	addSource(t, nb.Q, "s1", "Lawsuit claims", "Andy Stone said it was untrue.")
	for range 3 {
		if n, err := nb.Q.SourceCount(ctx); err != nil || n != 1 {
			t.Fatalf("SourceCount = %d, %v", n, err)
		}
	}
	if _, ok := nb.stmts.stmts[sourceCount]; !ok {
		t.Errorf("SourceCount was not prepared once: %d statements cached", len(nb.stmts.stmts))
	}
	if _, err := nb.stmts.QueryContext(ctx, "SELECT nothing FROM nowhere"); err == nil {
		t.Error("a query on a missing table did not fail")
	}
	var n int
	if err := nb.stmts.QueryRowContext(ctx, "SELECT nothing FROM nowhere").Scan(&n); err == nil {
		t.Error("QueryRow on a missing table did not fail")
	}
	for i := len(nb.stmts.stmts); i < maxCachedStmts+5; i++ {
		if err := nb.stmts.QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil || n != i {
			t.Fatalf("SELECT %d = %d, %v", i, n, err)
		}
	}
	if len(nb.stmts.stmts) != maxCachedStmts {
		t.Errorf("%d statements cached, want at most %d", len(nb.stmts.stmts), maxCachedStmts)
	}
	nb.stmts.close()
	if n, err := nb.Q.SourceCount(ctx); err != nil || n != 1 {
		t.Errorf("after close: SourceCount = %d, %v", n, err)
	}
}
