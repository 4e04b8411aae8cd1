package db

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

// dump returns every row of a table, for comparing table contents.
func dump(t *testing.T, nb *Notebook, table string) [][]any {
	t.Helper()
	rows, err := nb.DB.Query("SELECT * FROM " + table + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	return out
}

func TestSnapshotRestore(t *testing.T) {
	nb := openTemp(t)
	ctx := context.Background()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := nb.DB.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO story (id, uuid, title, created_at, modified_at) VALUES (1, 's1', 'Meta and Netflix', 't', 't')`)
	exec(`INSERT INTO note (id, uuid, body, title, created_at, modified_at) VALUES (7, 'n7', '# Stone
denies it', 'Stone', 't', 't')`)
	exec(`INSERT INTO note_link (uuid, note_id, target_kind, story_id, created_at) VALUES ('l1', 7, 'story', 1, 't')`)
	before := [][][]any{dump(t, nb, "story"), dump(t, nb, "note"), dump(t, nb, "note_link")}

	var snap *Snapshot
	err := nb.Tx(ctx, func(q *Queries) error {
		var err error
		snap, err = Take(ctx, q,
			Rows{Table: "story", Where: "id = ?", Args: []any{1}},
			Rows{Table: "note_link", Where: "story_id = ?", Args: []any{1}, Replace: true})
		if err != nil {
			return err
		}
		_, err = q.db.ExecContext(ctx, "DELETE FROM story WHERE id = 1")
		return err
	})
	if err != nil || snap.Size() != 2 {
		t.Fatalf("Take: %v, %d rows", err, snap.Size())
	}
	if got := dump(t, nb, "note_link"); got[0][5] != nil {
		t.Fatalf("the delete did not clear the link: %v", got)
	}
	if err := nb.Tx(ctx, func(q *Queries) error { return snap.Restore(ctx, q) }); err != nil {
		t.Fatal(err)
	}
	after := [][][]any{dump(t, nb, "story"), dump(t, nb, "note"), dump(t, nb, "note_link")}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("restored rows differ:\n%v\n%v", before, after)
	}
	// A restore whose id was taken meanwhile fails and changes nothing.
	if err := nb.Tx(ctx, func(q *Queries) error { return snap.Restore(ctx, q) }); !errors.Is(err, ErrUndoConflict) {
		t.Errorf("second restore: %v", err)
	}
	if after2 := [][][]any{dump(t, nb, "story"), dump(t, nb, "note"), dump(t, nb, "note_link")}; !reflect.DeepEqual(before, after2) {
		t.Errorf("a failed restore changed the notebook")
	}
}
