package ftsquery

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	_ "modernc.org/sqlite"
)

// wellFormed returns why q is not a well-formed Translate result, or "" when
// it is. It accepts exactly the grammar the renderer writes:
//
//	expr    = and { " OR " and }
//	and     = operand { (" " | " AND ") operand } { " NOT " operand }
//	operand = string [ "*" ] | "(" expr ")"
//	string  = `"` { any character but `"` | `""` } `"`, holding a word
func wellFormed(q string) string {
	if q == "" {
		return ""
	}
	if !utf8.ValidString(q) {
		return "invalid UTF-8"
	}
	p := &checker{s: q}
	if err := p.expr(0); err != "" {
		return fmt.Sprintf("%s at byte %d", err, p.i)
	}
	if p.i != len(q) {
		return fmt.Sprintf("unexpected %q at byte %d", q[p.i:], p.i)
	}
	return ""
}

type checker struct {
	s string
	i int
}

func (p *checker) eat(s string) bool {
	if strings.HasPrefix(p.s[p.i:], s) {
		p.i += len(s)
		return true
	}
	return false
}

func (p *checker) expr(depth int) string {
	if depth > 10 {
		return "nested too deep"
	}
	for {
		if err := p.and(depth); err != "" {
			return err
		}
		if !p.eat(" OR ") {
			return ""
		}
	}
}

func (p *checker) and(depth int) string {
	if err := p.operand(depth); err != "" {
		return err
	}
	for p.eat(" AND ") || (!strings.HasPrefix(p.s[p.i:], " OR ") && !strings.HasPrefix(p.s[p.i:], " NOT ") && p.eat(" ")) {
		if err := p.operand(depth); err != "" {
			return err
		}
	}
	for p.eat(" NOT ") {
		if err := p.operand(depth); err != "" {
			return err
		}
	}
	return ""
}

func (p *checker) operand(depth int) string {
	if p.eat("(") {
		if err := p.expr(depth + 1); err != "" {
			return err
		}
		if !p.eat(")") {
			return "unclosed parenthesis"
		}
		return ""
	}
	if !p.eat(`"`) {
		return "expected a string"
	}
	start := p.i
	for {
		j := strings.IndexByte(p.s[p.i:], '"')
		if j < 0 {
			return "unterminated string"
		}
		p.i += j + 1
		if !p.eat(`"`) {
			break
		}
	}
	body := p.s[start : p.i-1]
	if len(words(body)) == 0 {
		return fmt.Sprintf("string %q has no word", body)
	}
	p.eat("*")
	return ""
}

func TestWellFormed(t *testing.T) {
	tests := []struct {
		q  string
		ok bool
	}{
		{``, true},
		{`"a"`, true},
		{`"a"*`, true},
		{`"a b" "c"* NOT "d" NOT "e f" OR "g"`, true},
		{`"a" AND ("b" OR "c") NOT "d"`, true},
		{`"say ""hi"""`, true},
		{`a`, false},
		{`"a`, false},
		{`""`, false},
		{`"a" OR`, false},
		{`OR "a"`, false},
		{`NOT "a"`, false},
		{`"a" NOT "b" "c"`, false},
		{`"a"  "b"`, false},
		{`("a"`, false},
		{`"a"**`, false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := wellFormed(tt.q); (got == "") != tt.ok {
				t.Errorf("wellFormed(%q) = %q, want ok=%v", tt.q, got, tt.ok)
			}
		})
	}
}

// openFTS opens an in-memory SQLite database with an FTS5 table tokenized
// the way the notebook's is, holding docs.
func openFTS(t testing.TB, docs ...string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection, so one in-memory database
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')`); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, err := db.Exec(`INSERT INTO t(x) VALUES (?)`, d); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// match runs q against db and returns the matching documents in rowid order.
func match(db *sql.DB, q string) ([]string, error) {
	rows, err := db.Query(`SELECT x FROM t WHERE t MATCH ? ORDER BY rowid`, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// TestTranslateInSQLite checks through real FTS5 that the terms mean what
// users expect.
func TestTranslateInSQLite(t *testing.T) {
	docs := []string{
		"Meta didn’t share people’s private messages with Netflix.",
		"Facebook implemented default end-to-end encryption in Messenger.",
		"A café in Zürich serves naïve coffee.",
		"The first draft of the report.",
		"The final report.",
		"Cats and dogs.",
	}
	db := openFTS(t, docs...)
	tests := []struct {
		in   string
		opts Options
		want []int // indexes into docs
	}{
		{"didn't", Options{}, []int{0}},
		{"didn’t share", Options{}, []int{0}},
		{"people's", Options{}, []int{0}},
		{"end-to-end", Options{}, []int{1}},
		{"end to end", Options{}, []int{1}},
		{"cafe zurich naive", Options{}, []int{2}},
		{"CAFÉ", Options{}, []int{2}},
		{"report -draft", Options{}, []int{4}},
		{`report -"first draft"`, Options{}, []int{4}},
		{"report NOT draft", Options{}, []int{4}},
		{"cats OR encryption", Options{}, []int{1, 5}},
		{"mess", Options{AsYouType: true}, []int{0, 1}},
		{"mess", Options{}, nil},
		{`"private mess`, Options{AsYouType: true}, []int{0}},
		{`"messages private"`, Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := Translate(tt.in, tt.opts)
			got, err := match(db, q)
			if err != nil {
				t.Fatalf("MATCH %s: %v", q, err)
			}
			var want []string
			for _, i := range tt.want {
				want = append(want, docs[i])
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("MATCH %s found %q, want %q", q, got, want)
			}
		})
	}
}

// TestTranslateValidInSQLite checks that every expected output of
// TestTranslate, and the outputs for a few extremes, are well formed and
// accepted by FTS5.
func TestTranslateValidInSQLite(t *testing.T) {
	db := openFTS(t, "a b c")
	var inputs []string
	for _, tt := range translateTests {
		inputs = append(inputs, tt.in)
	}
	inputs = append(inputs,
		strings.Repeat("a -b ", 200),
		strings.Repeat("a OR ", 200),
		strings.Repeat("a NOT ", 200),
		strings.Repeat(`"`, 1001),
		`"`+strings.Repeat("word ", 5000)+`"`,
		strings.Repeat("x", 100000),
		strings.Repeat("(", 500)+"a"+strings.Repeat(")", 500),
	)
	for _, in := range inputs {
		for _, opts := range []Options{{}, {AsYouType: true}} {
			q := Translate(in, opts)
			if problem := wellFormed(q); problem != "" {
				t.Errorf("Translate(%.40q…) = %.80s…: %s", in, q, problem)
				continue
			}
			if q == "" {
				continue
			}
			if _, err := match(db, q); err != nil {
				t.Errorf("Translate(%.40q…) = %.80s…: FTS5 error %v", in, q, err)
			}
		}
	}
}
