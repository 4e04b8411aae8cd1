package db

import (
	"context"
	"fmt"
	"strings"
)

// Rows picks the rows of one table to keep in a [Snapshot]: those matching
// Where (an SQL condition over the table's own columns, with ? for Args).
// Table and Where are written by the caller's code, never by users.
type Rows struct {
	Table string
	Where string
	Args  []any
	// Replace restores rows that still exist, overwriting them: rows a
	// delete changed through ON DELETE SET NULL rather than removed. Only
	// for tables no other table references with ON DELETE CASCADE, since a
	// replaced row is deleted first.
	Replace bool
}

// Snapshot is a copy of some rows, taken before a destructive change, that
// [Snapshot.Restore] puts back: the undo of a delete. Rows keep their ids,
// so what referred to them refers to them again.
type Snapshot struct {
	tables []tableRows
}

type tableRows struct {
	Rows
	cols []string
	vals [][]any
}

// Size is the number of rows kept.
func (s *Snapshot) Size() int {
	n := 0
	for _, t := range s.tables {
		n += len(t.vals)
	}
	return n
}

// Bytes is roughly the memory the kept values take.
func (s *Snapshot) Bytes() int {
	n := 0
	for _, t := range s.tables {
		for _, row := range t.vals {
			for _, v := range row {
				switch v := v.(type) {
				case string:
					n += len(v)
				case []byte:
					n += len(v)
				default:
					n += 8
				}
			}
		}
	}
	return n
}

// Take copies the rows each selection picks, in order; restore them in
// the same order (parents before children). Run it in the transaction that
// makes the change.
func Take(ctx context.Context, q *Queries, sels ...Rows) (*Snapshot, error) {
	s := &Snapshot{}
	for _, sel := range sels {
		rows, err := q.db.QueryContext(ctx, "SELECT * FROM "+sel.Table+" WHERE "+sel.Where, sel.Args...)
		if err != nil {
			return nil, fmt.Errorf("snapshot %s: %w", sel.Table, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("snapshot %s: %w", sel.Table, err)
		}
		t := tableRows{Rows: sel, cols: cols}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("snapshot %s: %w", sel.Table, err)
			}
			t.vals = append(t.vals, vals)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("snapshot %s: %w", sel.Table, err)
		}
		s.tables = append(s.tables, t)
	}
	return s, nil
}

// ErrUndoConflict is returned by Restore when a kept row can no longer be
// put back (its id was taken by a newer row).
var ErrUndoConflict = fmt.Errorf("the notebook changed since")

// Restore inserts the kept rows again, table by table in the order they
// were taken. Run it in a transaction: a conflict leaves the notebook as it
// was.
func (s *Snapshot) Restore(ctx context.Context, q *Queries) error {
	for _, t := range s.tables {
		if len(t.vals) == 0 {
			continue
		}
		verb := "INSERT"
		if t.Replace {
			verb = "INSERT OR REPLACE"
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ")
		stmt := fmt.Sprintf("%s INTO %s (%s) VALUES (%s)", verb, t.Table, strings.Join(t.cols, ", "), marks)
		for _, v := range t.vals {
			if _, err := q.db.ExecContext(ctx, stmt, v...); err != nil {
				if strings.Contains(err.Error(), "UNIQUE constraint failed") {
					return fmt.Errorf("restore %s: %w (%v)", t.Table, ErrUndoConflict, err)
				}
				return fmt.Errorf("restore %s: %w", t.Table, err)
			}
		}
	}
	return nil
}
