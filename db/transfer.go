package db

// Transfer copies rows between notebooks by UUID: merging another notebook
// file, importing a JSON export, writing a story as a notebook of its own.
//
// The code is generic over the tables (it reads their columns and foreign
// keys from SQLite) rather than written per table with sqlc, so that a
// column added by a later migration is carried along without anyone having
// to remember it; TestTransferTables fails when a table is added that
// transferTables does not name.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// transferTables are the notebook's tables in the order rows are copied:
// every table after the tables it refers to. note_ref has no uuid of its
// own: it is derived from its note's body and copied with the note.
var transferTables = []string{
	"story", "source", "story_source", "speaker", "speaker_alias", "quote",
	"note", "note_link", "note_ref", "tag", "tagging",
}

// derivedColumns are kept by triggers from other rows (a speaker's counts
// of quotes and sources): a transfer neither copies nor compares them, and
// the triggers count the rows it adds.
var derivedColumns = map[string][]string{
	"speaker": {"quote_count", "source_count"},
}

// countTriggers are the triggers on quote that keep the speakers' counts
// (schema v7). A merge drops them while it adds quotes, each of which would
// update its speaker's row, and counts afresh, at Finish, the speakers whose
// quotes it added or changed (recount).
const countTriggers = "speaker_count_%"

// recount counts afresh the quotes and sources of the speakers whose ids
// are in the JSON array given.
const recount = `UPDATE speaker SET
    quote_count = (SELECT count(*) FROM quote q WHERE q.speaker_id = speaker.id AND q.status <> 'rejected'),
    source_count = (SELECT count(DISTINCT q.source_id) FROM quote q WHERE q.speaker_id = speaker.id AND q.status <> 'rejected')
WHERE id IN (SELECT value FROM json_each(?))`

// TransferTables returns the tables a transfer copies, parents first.
func TransferTables() []string { return slices.Clone(transferTables) }

// Row is one row of a table as a transfer carries it: columns by name,
// without the integer id, and with every foreign key holding the UUID of
// the row it refers to (nil when it refers to nothing). note_ref's
// target_id, which is not a declared foreign key, is left out: it is found
// again from target_kind and target_uuid. So are the columns triggers keep
// (derivedColumns).
type Row struct {
	Table string
	Cols  []string
	Vals  []any
}

// Get returns the value of column col, or nil.
func (r Row) Get(col string) any {
	if i := slices.Index(r.Cols, col); i >= 0 {
		return r.Vals[i]
	}
	return nil
}

// column is what a transfer needs to know of a table's column.
type column struct {
	name    string
	blob    bool
	notNull bool
	refs    string // the table a foreign key refers to, or ""
	// cascade: the row goes when what the key refers to goes (ON DELETE
	// CASCADE); otherwise the key becomes NULL (ON DELETE SET NULL).
	cascade bool
}

type tableInfo struct {
	name     string
	cols     []column // without id
	modified string   // "modified_at" when the table has it
}

// readSchema reads the columns and foreign keys of the transfer tables.
func readSchema(ctx context.Context, q DBTX) (map[string]*tableInfo, error) {
	out := map[string]*tableInfo{}
	for _, t := range transferTables {
		ti := &tableInfo{name: t}
		refs := map[string]string{}
		cascade := map[string]bool{}
		rows, err := q.QueryContext(ctx, "SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list(?)", t)
		if err != nil {
			return nil, fmt.Errorf("db: read the foreign keys of %s: %w", t, err)
		}
		for rows.Next() {
			var from, to, onDelete string
			if err := rows.Scan(&from, &to, &onDelete); err != nil {
				rows.Close()
				return nil, fmt.Errorf("db: read the foreign keys of %s: %w", t, err)
			}
			refs[from] = to
			cascade[from] = onDelete == "CASCADE"
		}
		rows.Close()
		rows, err = q.QueryContext(ctx, "SELECT name, upper(type), \"notnull\" FROM pragma_table_info(?) ORDER BY cid", t)
		if err != nil {
			return nil, fmt.Errorf("db: read the columns of %s: %w", t, err)
		}
		for rows.Next() {
			var c column
			var typ string
			if err := rows.Scan(&c.name, &typ, &c.notNull); err != nil {
				rows.Close()
				return nil, fmt.Errorf("db: read the columns of %s: %w", t, err)
			}
			if c.name == "id" || (t == "note_ref" && c.name == "target_id") || slices.Contains(derivedColumns[t], c.name) {
				continue
			}
			c.blob = typ == "BLOB"
			c.refs = refs[c.name]
			c.cascade = cascade[c.name]
			if c.name == "modified_at" {
				ti.modified = c.name
			}
			ti.cols = append(ti.cols, c)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("db: read the columns of %s: %w", t, err)
		}
		if len(ti.cols) == 0 {
			return nil, fmt.Errorf("db: the notebook has no table %s", t)
		}
		out[t] = ti
	}
	return out, nil
}

// Selection picks the rows a transfer reads: a WHERE condition per table
// over the table's own columns (alias x), with ? for Args. A table missing
// from the map is read whole; one mapped to "" is skipped.
type Selection map[string]Cond

// Cond is an SQL condition with its arguments, written by our code, never
// by users.
type Cond struct {
	Where string
	Args  []any
}

// StorySelection selects one story as a notebook of its own: the story, its
// sources with their quotes, the speakers quoted in them, the notes about
// any of these (attached, or linking to them with [[...]]), and the tags on
// what is selected.
func StorySelection(storyID int64) Selection {
	src := "(SELECT source_id FROM story_source WHERE story_id = ?)"
	spk := "(SELECT speaker_id FROM quote WHERE speaker_id IS NOT NULL AND source_id IN " + src + ")"
	qt := "(SELECT id FROM quote WHERE source_id IN " + src + ")"
	note := "(SELECT note_id FROM note_link WHERE story_id = ? OR source_id IN " + src +
		" OR quote_id IN " + qt + " OR speaker_id IN " + spk +
		" UNION SELECT note_id FROM note_ref WHERE (target_kind = 'story' AND target_id = ?)" +
		" OR (target_kind = 'source' AND target_id IN " + src + ")" +
		" OR (target_kind = 'speaker' AND target_id IN " + spk + ")" +
		" OR (target_kind = 'quote' AND target_id IN " + qt + "))"
	id := storyID
	noteArgs := []any{id, id, id, id, id, id, id, id}
	tagging := "(x.story_id = ? OR x.source_id IN " + src + " OR x.quote_id IN " + qt +
		" OR x.speaker_id IN " + spk + " OR x.note_id IN " + note + ")"
	taggingArgs := append([]any{id, id, id, id}, noteArgs...)
	return Selection{
		"story":         {"x.id = ?", []any{id}},
		"source":        {"x.id IN " + src, []any{id}},
		"story_source":  {"x.story_id = ?", []any{id}},
		"speaker":       {"x.id IN " + spk, []any{id}},
		"speaker_alias": {"x.speaker_id IN " + spk, []any{id}},
		"quote":         {"x.source_id IN " + src, []any{id}},
		"note":          {"x.id IN " + note, noteArgs},
		"note_link":     {"x.note_id IN " + note, noteArgs},
		"note_ref":      {"x.note_id IN " + note, noteArgs},
		"tag":           {"x.id IN (SELECT tag_id FROM tagging x WHERE " + tagging + ")", taggingArgs},
		"tagging":       {tagging, taggingArgs},
	}
}

// ReadRows calls fn with every row of the notebook q reads from (or those
// sel selects), table by table in transfer order. Run it in a read
// transaction for a consistent snapshot.
func ReadRows(ctx context.Context, q DBTX, sel Selection, fn func(Row) error) error {
	schema, err := readSchema(ctx, q)
	if err != nil {
		return err
	}
	for _, t := range transferTables {
		ti := schema[t]
		cond, ok := sel[t]
		if ok && cond.Where == "" {
			continue
		}
		var b strings.Builder
		b.WriteString("SELECT ")
		cols := make([]string, len(ti.cols))
		for i, c := range ti.cols {
			cols[i] = c.name
			if i > 0 {
				b.WriteString(", ")
			}
			if c.refs != "" {
				fmt.Fprintf(&b, "(SELECT uuid FROM %s WHERE id = x.%s)", c.refs, c.name)
			} else {
				b.WriteString("x." + c.name)
			}
		}
		fmt.Fprintf(&b, " FROM %s x", t)
		if ok {
			b.WriteString(" WHERE " + cond.Where)
		}
		b.WriteString(" ORDER BY x.id")
		rows, err := q.QueryContext(ctx, b.String(), cond.Args...)
		if err != nil {
			return fmt.Errorf("db: read %s: %w", t, err)
		}
		err = func() error {
			defer rows.Close()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					return err
				}
				if err := fn(Row{Table: t, Cols: cols, Vals: vals}); err != nil {
					return err
				}
			}
			return rows.Err()
		}()
		if err != nil {
			return fmt.Errorf("db: read %s: %w", t, err)
		}
	}
	return nil
}

// Conflict is a row both notebooks hold with different contents. The one
// modified last wins; Kept says whose.
type Conflict struct {
	Table string `json:"table"`
	UUID  string `json:"uuid"`
	// Label names the row for people: a title, a name, a note's title.
	Label string `json:"label"`
	// Kept is "incoming" when the other notebook's row replaced ours,
	// "notebook" when ours was newer (or as new) and stayed.
	Kept            string `json:"kept"`
	NotebookChanged string `json:"notebookModified"`
	IncomingChanged string `json:"incomingModified"`
}

// MergeStats counts what a merge did.
type MergeStats struct {
	Added     map[string]int `json:"added"`     // new rows per table
	Updated   map[string]int `json:"updated"`   // rows replaced by newer ones
	Unchanged int            `json:"unchanged"` // rows both held alike
	Conflicts []Conflict     `json:"conflicts"`
	// Skipped are rows left out because what they refer to is in neither
	// notebook (a hand-edited JSON file), with why.
	Skipped []string `json:"skipped,omitempty"`
}

// ErrMissingParent: a row refers, by a column that must be set, to a row
// neither notebook holds.
var ErrMissingParent = errors.New("it refers to a row that is in neither notebook")

// Merger writes rows into a notebook within one transaction: rows are
// matched by UUID; a new one is added, one already there is replaced when
// the incoming row was modified later (and listed as a conflict when the
// two differ). Nothing is ever deleted. A second merge of the same rows
// changes nothing.
type Merger struct {
	q      DBTX
	ctx    context.Context
	schema map[string]*tableInfo
	// alias maps an incoming uuid to a local row id when the row matched
	// by something other than its uuid (a tag of the same name).
	alias map[string]map[string]int64
	// ids caches local ids by uuid, per table (see remember).
	ids map[string]map[string]int64
	// fresh are the tables that were empty when the merge began.
	fresh map[string]bool
	// recount are the speakers whose quotes the merge added or changed,
	// counted afresh by Finish (see countTriggers).
	recount map[int64]bool
	// touched are the notes added or replaced, whose note_ref rows follow.
	touched map[string]int64
	// stmts are the prepared statements, by SQL: a merge runs the same
	// few hundred thousand times.
	stmts map[string]*sql.Stmt
	// deferred are the full-text triggers dropped for the merge, put back
	// (and their work done in one statement each) by Finish.
	deferred []deferredIndex
	Stats    MergeStats
}

// deferredIndex is an AFTER INSERT trigger that copies new rows of table
// into a full-text index, dropped while a merge adds rows. FTS5 writes its
// pending terms to disk at every statement that fires it, so adding
// 100,000 quotes one by one through the trigger takes many times longer
// than one INSERT ... SELECT of them all at the end.
type deferredIndex struct {
	trigger, table, sql string
	bulk                string // the trigger's INSERT as an INSERT ... SELECT over rows after maxID
	maxID               int64
}

// ftsTrigger matches a trigger whose whole body is one INSERT of the new
// row's columns into a full-text table.
var ftsTrigger = regexp.MustCompile(`(?is)^CREATE TRIGGER\s+(\w+)\s+AFTER INSERT ON\s+(\w+)\s+BEGIN\s+INSERT INTO\s+(\w+_fts)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\);\s*END$`)

// deferIndexes drops the full-text triggers of the tables a merge adds
// most rows to; Finish restores them.
func (m *Merger) deferIndexes() error {
	rows, err := m.q.QueryContext(m.ctx, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('source', 'quote', 'note')")
	if err != nil {
		return fmt.Errorf("db: merge: read the triggers: %w", err)
	}
	var found []deferredIndex
	for rows.Next() {
		var d deferredIndex
		if err := rows.Scan(&d.trigger, &d.table, &d.sql); err != nil {
			rows.Close()
			return fmt.Errorf("db: merge: read the triggers: %w", err)
		}
		sm := ftsTrigger.FindStringSubmatch(strings.TrimSpace(d.sql))
		if sm == nil || !strings.EqualFold(sm[2], d.table) {
			continue
		}
		d.bulk = fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s AS new WHERE new.id > ? ORDER BY new.id", sm[3], sm[4], sm[5], d.table)
		found = append(found, d)
	}
	rows.Close()
	rows, err = m.q.QueryContext(m.ctx, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'quote' AND name LIKE ?", countTriggers)
	if err != nil {
		return fmt.Errorf("db: merge: read the triggers: %w", err)
	}
	for rows.Next() {
		d := deferredIndex{}
		if err := rows.Scan(&d.trigger, &d.table, &d.sql); err != nil {
			rows.Close()
			return fmt.Errorf("db: merge: read the triggers: %w", err)
		}
		found = append(found, d) // no bulk: Finish recounts
	}
	rows.Close()
	for _, d := range found {
		if err := m.q.QueryRowContext(m.ctx, "SELECT coalesce(max(id), 0) FROM "+d.table).Scan(&d.maxID); err != nil {
			return fmt.Errorf("db: merge: %w", err)
		}
		if _, err := m.q.ExecContext(m.ctx, "DROP TRIGGER "+d.trigger); err != nil {
			return fmt.Errorf("db: merge: %w", err)
		}
		m.deferred = append(m.deferred, d)
	}
	return nil
}

// Finish completes a merge: it indexes the rows added for search and puts
// back the triggers that keep the indexes. Call it before committing; a
// transaction rolled back without it loses nothing either, since the
// triggers' removal is rolled back too.
func (m *Merger) Finish() error {
	m.Close()
	if len(m.recount) > 0 {
		ids := make([]int64, 0, len(m.recount))
		for id := range m.recount {
			ids = append(ids, id)
		}
		js, _ := json.Marshal(ids)
		if _, err := m.q.ExecContext(m.ctx, recount, string(js)); err != nil {
			return fmt.Errorf("db: merge: count the speakers' quotes: %w", err)
		}
		m.recount = nil
	}
	for _, d := range m.deferred {
		if d.bulk == "" {
			if _, err := m.q.ExecContext(m.ctx, d.sql); err != nil {
				return fmt.Errorf("db: merge: restore %s: %w", d.trigger, err)
			}
			continue
		}
		if _, err := m.q.ExecContext(m.ctx, d.bulk, d.maxID); err != nil {
			return fmt.Errorf("db: merge: index the new rows of %s: %w", d.table, err)
		}
		if _, err := m.q.ExecContext(m.ctx, d.sql); err != nil {
			return fmt.Errorf("db: merge: restore %s: %w", d.trigger, err)
		}
	}
	m.deferred = nil
	return nil
}

// addedNow reports whether the local row id of table was added by this
// merge while its index waits for Finish.
func (m *Merger) addedNow(table string, id int64) bool {
	for _, d := range m.deferred {
		if d.table == table && id > d.maxID {
			return true
		}
	}
	return false
}

// Tx returns the transaction the merge writes in, for callers that add
// rows of their own alongside (a speaker an annotation names).
func (m *Merger) Tx() DBTX { return m.q }

// stmt returns the prepared statement for query.
func (m *Merger) stmt(query string) (*sql.Stmt, error) {
	if st, ok := m.stmts[query]; ok {
		return st, nil
	}
	st, err := m.q.PrepareContext(m.ctx, query)
	if err != nil {
		return nil, err
	}
	m.stmts[query] = st
	return st, nil
}

// Close releases the prepared statements.
func (m *Merger) Close() {
	for _, st := range m.stmts {
		st.Close()
	}
	m.stmts = map[string]*sql.Stmt{}
}

func (m *Merger) queryRow(query string, args ...any) *sql.Row {
	st, err := m.stmt(query)
	if err != nil {
		// A Row that reports err: QueryRow on the unprepared text fails
		// the same way.
		return m.q.QueryRowContext(m.ctx, query, args...)
	}
	return st.QueryRowContext(m.ctx, args...)
}

func (m *Merger) exec(query string, args ...any) (sql.Result, error) {
	st, err := m.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(m.ctx, args...)
}

// NewMerger prepares a merge into the notebook q writes to: run it inside a
// transaction (Notebook.TxRaw), so a merge lands whole or not at all, and
// call Finish before the transaction commits.
func NewMerger(ctx context.Context, q DBTX) (*Merger, error) {
	schema, err := readSchema(ctx, q)
	if err != nil {
		return nil, err
	}
	m := &Merger{q: q, ctx: ctx, schema: schema,
		alias:   map[string]map[string]int64{},
		ids:     map[string]map[string]int64{},
		recount: map[int64]bool{},
		touched: map[string]int64{},
		stmts:   map[string]*sql.Stmt{},
		Stats:   MergeStats{Added: map[string]int{}, Updated: map[string]int{}},
	}
	if err := m.deferIndexes(); err != nil {
		return nil, err
	}
	m.fresh = map[string]bool{}
	for _, t := range transferTables {
		var one int
		err := q.QueryRowContext(ctx, "SELECT 1 FROM "+t+" LIMIT 1").Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			m.fresh[t] = true
		} else if err != nil {
			return nil, fmt.Errorf("db: merge: %w", err)
		}
	}
	return m, nil
}

// localID returns the id of table's row with the uuid, or 0.
func (m *Merger) localID(table, uuid string) (int64, error) {
	if id, ok := m.alias[table][uuid]; ok {
		return id, nil
	}
	if id, ok := m.ids[table][uuid]; ok {
		return id, nil
	}
	var id int64
	err := m.queryRow("SELECT id FROM "+table+" WHERE uuid = ?", uuid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err == nil {
		m.remember(table, uuid, id)
	}
	return id, err
}

// remember caches the local id of a row that others may refer to (a
// source's hundred quotes look it up a hundred times). The cache is
// bounded: it starts afresh past maxCachedIDs rows per table.
func (m *Merger) remember(table, uuid string, id int64) {
	const maxCachedIDs = 200000
	c := m.ids[table]
	if c == nil || len(c) >= maxCachedIDs {
		c = map[string]int64{}
		m.ids[table] = c
	}
	c[uuid] = id
}

// Add merges one row. Rows must come parents first (transfer order).
func (m *Merger) Add(r Row) error {
	ti, ok := m.schema[r.Table]
	if !ok {
		return fmt.Errorf("db: merge: unknown table %q", r.Table)
	}
	// The values in the local table's column order, foreign keys mapped to
	// local ids. Columns the row lacks (an older export) keep the default.
	var cols []string
	var vals []any
	for _, c := range ti.cols {
		i := slices.Index(r.Cols, c.name)
		if i < 0 {
			continue
		}
		v := r.Vals[i]
		if c.refs != "" && v != nil {
			u, ok := v.(string)
			if !ok {
				return fmt.Errorf("db: merge %s: %s is not a uuid", r.Table, c.name)
			}
			id, err := m.localID(c.refs, u)
			if err != nil {
				return fmt.Errorf("db: merge %s: %w", r.Table, err)
			}
			if id == 0 {
				if c.notNull || c.cascade {
					m.Stats.Skipped = append(m.Stats.Skipped, fmt.Sprintf("%s %v: %v (%s %s)", r.Table, r.Get("uuid"), ErrMissingParent, c.refs, u))
					return nil
				}
				v = nil
			} else {
				v = id
			}
		}
		cols = append(cols, c.name)
		vals = append(vals, v)
	}
	if r.Table == "note_ref" {
		return m.addRef(cols, vals)
	}
	if r.Table == "quote" {
		m.countSpeaker(cols, vals)
	}
	u, _ := r.Get("uuid").(string)
	if u == "" {
		return fmt.Errorf("db: merge %s: a row without a uuid", r.Table)
	}

	if m.fresh[r.Table] {
		// The table was empty when the merge began: no row can be there
		// already but one this merge added, which the insert's ON CONFLICT
		// finds. Merging into a new notebook skips a lookup per row.
		return m.insert(ti, u, cols, vals)
	}
	local, err := m.localRow(ti, u, cols)
	if err != nil {
		return err
	}
	if local == nil {
		return m.insert(ti, u, cols, vals)
	}
	if equalRows(local.vals, vals) {
		m.Stats.Unchanged++
		if r.Table == "note" {
			m.touched[u] = 0 // its refs are already there
		}
		return nil
	}
	if ti.modified == "" {
		// Rows without a modified time (memberships, aliases, links, tags)
		// are not edited in place; ours stays.
		m.Stats.Unchanged++
		return nil
	}
	if m.addedNow(r.Table, local.id) {
		// The same uuid twice in one file: the first stays.
		m.Stats.Skipped = append(m.Stats.Skipped, fmt.Sprintf("%s %s: it appears twice in the file", r.Table, u))
		return nil
	}
	mine, _ := local.vals[slices.Index(cols, ti.modified)].(string)
	theirs, _ := vals[slices.Index(cols, ti.modified)].(string)
	c := Conflict{Table: r.Table, UUID: u, Label: label(r), Kept: "notebook", NotebookChanged: mine, IncomingChanged: theirs}
	if theirs > mine {
		c.Kept = "incoming"
		var set strings.Builder
		for i, col := range cols {
			if i > 0 {
				set.WriteString(", ")
			}
			set.WriteString(col + " = ?")
		}
		if _, err := m.exec("UPDATE "+r.Table+" SET "+set.String()+" WHERE id = ?", append(vals, local.id)...); err != nil {
			return fmt.Errorf("db: merge %s %s: %w", r.Table, u, err)
		}
		m.Stats.Updated[r.Table]++
		if r.Table == "quote" {
			m.countSpeaker(cols, local.vals)
		}
		if r.Table == "note" {
			if _, err := m.exec("DELETE FROM note_ref WHERE note_id = ?", local.id); err != nil {
				return fmt.Errorf("db: merge note %s: %w", u, err)
			}
			m.touched[u] = local.id
		}
	} else if r.Table == "note" {
		m.touched[u] = 0
	}
	m.Stats.Conflicts = append(m.Stats.Conflicts, c)
	return nil
}

// countSpeaker notes the speaker of a quote the merge adds or changes (and,
// for a change, the speaker it had) for Finish to count afresh.
func (m *Merger) countSpeaker(cols []string, vals []any) {
	if i := slices.Index(cols, "speaker_id"); i >= 0 {
		if id, ok := vals[i].(int64); ok {
			m.recount[id] = true
		}
	}
}

type localRow struct {
	id   int64
	vals []any
}

func (m *Merger) localRow(ti *tableInfo, u string, cols []string) (*localRow, error) {
	if id, ok := m.alias[ti.name][u]; ok {
		return &localRow{id: id}, nil // matched by name: treated as equal below
	}
	row := m.queryRow("SELECT id, "+strings.Join(cols, ", ")+" FROM "+ti.name+" WHERE uuid = ?", u)
	vals := make([]any, len(cols))
	ptrs := []any{new(int64)}
	for i := range vals {
		ptrs = append(ptrs, &vals[i])
	}
	if err := row.Scan(ptrs...); errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("db: merge %s %s: %w", ti.name, u, err)
	}
	return &localRow{id: *ptrs[0].(*int64), vals: vals}, nil
}

func (m *Merger) insert(ti *tableInfo, u string, cols []string, vals []any) error {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	stmt := "INSERT INTO " + ti.name + " (" + strings.Join(cols, ", ") + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING"
	res, err := m.exec(stmt, vals...)
	if err != nil {
		return fmt.Errorf("db: merge %s %s: %w", ti.name, u, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// Another unique key matched: the same membership, alias or
		// tagging under another uuid, or a tag of the same name. Keep ours
		// and let rows referring to the incoming uuid find it.
		if ti.name == "tag" {
			var id int64
			name := vals[slices.Index(cols, "name")]
			if err := m.queryRow("SELECT id FROM tag WHERE name = ?", name).Scan(&id); err != nil {
				return fmt.Errorf("db: merge tag %v: %w", name, err)
			}
			if m.alias["tag"] == nil {
				m.alias["tag"] = map[string]int64{}
			}
			m.alias["tag"][u] = id
		}
		m.Stats.Unchanged++
		return nil
	}
	m.Stats.Added[ti.name]++
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("db: merge %s %s: %w", ti.name, u, err)
	}
	if ti.name != "quote" { // quotes are rarely referred to: no need to keep them
		m.remember(ti.name, u, id)
	}
	if ti.name == "note" {
		m.touched[u] = id
	}
	return nil
}

// addRef adds a wiki link of a note the merge added or replaced; the links
// of notes left as they were are already in place.
func (m *Merger) addRef(cols []string, vals []any) error {
	noteID, _ := vals[slices.Index(cols, "note_id")].(int64)
	if noteID == 0 {
		return nil // its note was skipped
	}
	var nu string
	if err := m.queryRow("SELECT uuid FROM note WHERE id = ?", noteID).Scan(&nu); err != nil {
		return fmt.Errorf("db: merge note_ref: %w", err)
	}
	if m.touched[nu] == 0 {
		return nil
	}
	kind, _ := vals[slices.Index(cols, "target_kind")].(string)
	tu, _ := vals[slices.Index(cols, "target_uuid")].(string)
	var target any
	if kind != "" {
		id, err := m.localID(kind, tu)
		if err != nil {
			return fmt.Errorf("db: merge note_ref: %w", err)
		}
		if id == 0 {
			// What it named is not in this notebook: unresolved, so the
			// app resolves the name again when it reads the note.
			vals[slices.Index(cols, "target_kind")] = ""
		} else {
			target = id
		}
	}
	cols = append(cols, "target_id")
	vals = append(vals, target)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	if _, err := m.exec("INSERT INTO note_ref ("+strings.Join(cols, ", ")+") VALUES ("+marks+")", vals...); err != nil {
		return fmt.Errorf("db: merge note_ref: %w", err)
	}
	m.Stats.Added["note_ref"]++
	return nil
}

func equalRows(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equalValue(a[i], b[i]) {
			return false
		}
	}
	return true
}

func equalValue(a, b any) bool {
	switch a := a.(type) {
	case []byte:
		switch b := b.(type) {
		case []byte:
			return string(a) == string(b)
		case string:
			return string(a) == b
		}
		return false
	case string:
		if b, ok := b.([]byte); ok {
			return a == string(b)
		}
	case int64:
		switch b := b.(type) {
		case int64:
			return a == b
		case int:
			return a == int64(b)
		case float64:
			return float64(a) == b
		}
		return false
	}
	return a == b
}

// label names a row for people in a list of conflicts.
func label(r Row) string {
	for _, c := range []string{"title", "name", "alias", "text"} {
		if s, ok := r.Get(c).(string); ok && s != "" {
			if len(s) > 80 {
				s = s[:80] + "…"
			}
			return s
		}
	}
	return ""
}

// CountRows counts the rows a transfer of the whole notebook copies, for
// progress.
func CountRows(ctx context.Context, q DBTX) (int64, error) {
	var total int64
	for _, t := range transferTables {
		var n int64
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return 0, fmt.Errorf("db: count %s: %w", t, err)
		}
		total += n
	}
	return total, nil
}
