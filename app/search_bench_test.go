package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sourcebook/db"
	"sourcebook/internal/document"
)

// The benchmarks in this file run on a generated notebook the size of a
// large real one. The target is 100,000 sources (about 80 million
// words), 1,000,000 quotes and 50,000 notes; SOURCEBOOK_BENCH_SOURCES sets
// the number of sources (default 10,000 so `make bench` stays quick), with
// ten quotes per source and a note per two sources. The notebook is built
// once and kept at SOURCEBOOK_BENCH_DB, or in the temporary folder under a
// name holding the scale, so later runs reuse it (100,000 sources: about 5
// minutes and 2.9 GB). SOURCEBOOK_BENCH_CACHE_KB opens it with a page cache
// of that size instead of SQLite's default, to see what one would change.
//
//	SOURCEBOOK_BENCH_SOURCES=100000 go test ./app -run '^$' -bench 'BenchmarkSearch$|OpenSource'
//	SOURCEBOOK_BENCH_SOURCES=100000 go test ./app -run '^$' -bench NotebookMemory -benchtime 1x
//	SOURCEBOOK_BENCH_SOURCES=100000 go test ./app -run '^$' -bench SearchVsC -benchtime 1x -v
//	SOURCEBOOK_BENCH_SOURCES=100000 go test ./app -run '^$' -bench Startup -benchtime 5x

// benchGenVersion changes whenever the generator does, so a cached notebook
// from an older generator is not reused.
const benchGenVersion = 2

// benchScale is the number of sources of the benchmark notebook.
func benchScale(tb testing.TB) int {
	n := 10000
	if s := os.Getenv("SOURCEBOOK_BENCH_SOURCES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 10 {
			tb.Fatalf("SOURCEBOOK_BENCH_SOURCES=%q: want a number of sources, at least 10", s)
		}
		n = v
	}
	return n
}

// benchNotebook returns the path of the generated notebook with n sources,
// generating it first when it is not there yet.
func benchNotebook(tb testing.TB, n int) string {
	tb.Helper()
	path := os.Getenv("SOURCEBOOK_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("sourcebook-bench-%d-g%d.db", n, benchGenVersion))
	}
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".part"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm", tmp + ".lock"} {
		os.Remove(p)
	}
	start := time.Now()
	if err := generateNotebook(tmp, n); err != nil {
		tb.Fatalf("generate the benchmark notebook: %v", err)
	}
	os.Remove(tmp + ".lock")
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	fi, _ := os.Stat(path)
	tb.Logf("generated %s (%d sources, %.0f MB) in %s", path, n, float64(fi.Size())/1e6, time.Since(start).Round(time.Second))
	return path
}

// gen writes realistic-looking text: words drawn from a vocabulary with a
// Zipf distribution (a few hundred real English words first, then made-up
// ones, as rare words are in real text), with people's names.
type gen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
	names []string // speakers' names, "First Last"
}

// commonWords are real English words in roughly falling frequency; the
// generated vocabulary starts with them.
var commonWords = strings.Fields(`the of and to a in that is was he for it with as his on be at by
i this had not are but from or have an they which one you were her all she there would their we
him been has when who will more no if out so said what up its about into than them can only other
new some could time these two may then do first any my now such like our over man me even most
made after also did many before must through back years where much your way well down should
because each just those people mr how too little state good very make world still own see men work
long get here between both life being under never day same another know while last might us great
old year off come since against go came right used take three states himself few house use during
without again place american around however home small found mrs thought went say part once general
high upon school every don does got united left number course war until always away something fact
though water less public put thinking almost hand enough far took head yet government system better
set told nothing night end why called didn eyes find going look asked later knew point next program
city business give group toward young days let room president side social present given several
order national possible rather second face per among form important often things looked early white
case john become large big need four within felt along children saw best church ever least power
development light thing seemed family interest want members mind country area others done turned
although open god service certain kind problem began different door thus help sense means whole
matter perhaps itself york times law human line above name example action company hands local show
whether five history gave today either act feet across taken past quite anything seen having death
week experience body word half really field car words already themselves information tell together
college shall money period held keep sure probably free seems political real behind cannot miss
question air office making brought whose special major heard problems federal became study ago moment
available known result street economic boy position reason change south board individual job society
areas west close turn love community true court force full seem wife future age wanted department
voice center woman control common policy necessary following front sometimes six girl clear further
land run students provide feel party able mother music education university child effect level stood
military town short morning total outside rate figure class art century washington north usually
plan leave therefore evidence million sound black strong hard various says believe type value play
surface soon mean near lines table peace modern tax road red personal process situation minutes
increase idea english alone women gone nor amount doing private messages lawsuit data deal netflix
facebook meta streaming users platform report according statement spokesperson filing court
documents alleged access agreement executive chief officer company shares market billion`)

var firstNames = strings.Fields(`James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth
William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy
Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua
Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward
Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley
Priya Rahul Ananya Arjun Wei Mei Hiroshi Yuki Olusegun Amara Mateo Sofia Lukas Elena Omar Fatima`)

var lastNames = strings.Fields(`Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White
Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner
Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan
Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James
Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
Stone Hastings Okafor Tanaka Sharma Kowalski Novak Haddad Mensah Silva`)

var outlets = strings.Fields(`Ledger Courier Herald Tribune Gazette Chronicle Observer Sentinel Dispatch
Examiner Monitor Record Journal Post Times Standard Telegraph Express Mirror Guardian Inquirer Register
Beacon Bulletin Review Press Star Sun Globe Eagle Daily Wire Pilot Signal Voice Weekly Reporter
Independent Nation Insider`)

var syllables = strings.Fields(`ka ri to mo lan ver sel dra bin qua tor mis fen gal hup rin sto vel pra
dun mek zor lis tha nor ber cas dil wen fro gis hal jun ket lom nus pel rud sim tav ulm vor wix yal zen
bre cha dro fli gru kle pho shu tri vra`)

func newGen(seed uint64) *gen {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &gen{r: r}
	seen := map[string]bool{}
	for _, w := range commonWords {
		if !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	// Made-up words for the long tail: 40,000 distinct words in all.
	for len(g.vocab) < 40000 {
		n := 2 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.zipf = rand.NewZipf(r, 1.07, 2, uint64(len(g.vocab)-1))
	return g
}

// makeNames makes the speakers' names for a notebook of n sources, and
// returns how many there are.
func (g *gen) makeNames(n int) int {
	nSpeakers := max(n/5, 10)
	seen := map[string]bool{}
	for len(g.names) < nSpeakers {
		first := firstNames[g.r.IntN(len(firstNames))]
		var last string
		if g.r.IntN(2) == 0 {
			last = lastNames[g.r.IntN(len(lastNames))]
		} else {
			s := syllables[g.r.IntN(len(syllables))] + syllables[g.r.IntN(len(syllables))] + syllables[g.r.IntN(len(syllables))]
			last = strings.ToUpper(s[:1]) + s[1:]
		}
		if name := first + " " + last; !seen[name] {
			seen[name] = true
			g.names = append(g.names, name)
		}
	}
	return nSpeakers
}

func (g *gen) word() string { return g.vocab[g.zipf.Uint64()] }

// sentence writes n words, capitalised, with a full stop.
func (g *gen) sentence(b *strings.Builder, n int) {
	for i := range n {
		w := g.word()
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		if i > 0 && g.r.IntN(40) == 0 {
			// A name inside a sentence, as news text has.
			w = g.names[g.r.IntN(len(g.names))]
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
}

func (g *gen) title() string {
	var b strings.Builder
	n := 5 + g.r.IntN(6)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := g.word()
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// genQuote is a quotation placed in a generated text.
type genQuote struct {
	start, end int // bytes (the text is ASCII, so also code points)
	speaker    int // index into gen.names
}

// article writes about words words in paragraphs, with nQuotes sentences
// quoted and attributed to speakers drawn from the first nSpeakers names
// (a few speakers are quoted much more than others).
func (g *gen) article(words, nQuotes int, speakerZipf *rand.Zipf) (string, []document.Block, []genQuote) {
	var b strings.Builder
	var blocks []document.Block
	var quotes []genQuote
	count := 0
	for count < words || len(quotes) < nQuotes {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		pStart := b.Len()
		sentences := 3 + g.r.IntN(4)
		for s := range sentences {
			if s > 0 {
				b.WriteByte(' ')
			}
			n := 8 + g.r.IntN(18)
			if len(quotes) < nQuotes && g.r.IntN(2) == 0 {
				sp := int(speakerZipf.Uint64())
				b.WriteByte('"')
				start := b.Len()
				g.sentence(&b, n)
				quotes = append(quotes, genQuote{start: start, end: b.Len(), speaker: sp})
				b.WriteString(`" said `)
				b.WriteString(g.names[sp])
				b.WriteByte('.')
				n += 3
			} else {
				g.sentence(&b, n)
			}
			count += n
		}
		blocks = append(blocks, document.Block{Kind: document.Paragraph, Start: pStart, End: b.Len()})
	}
	return b.String(), blocks, quotes
}

// generateNotebook builds a notebook with n sources at path, through the
// real schema (db.Open) with direct inserts in large transactions; the
// full-text indexes are filled by the schema's triggers.
func generateNotebook(path string, n int) error {
	ctx := context.Background()
	nb, err := db.Open(ctx, path)
	if err != nil {
		return err
	}
	defer nb.Close()
	g := newGen(1)
	nSpeakers := g.makeNames(n)
	speakerZipf := rand.NewZipf(g.r, 1.2, 4, uint64(nSpeakers-1))
	now := "2026-01-01T00:00:00Z"
	uid := func(kind, i int) string { return fmt.Sprintf("%08x-0000-7000-8000-%012x", kind, i) }

	tx, err := nb.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	exec := func(q string, args ...any) (sql.Result, error) { return tx.ExecContext(ctx, q, args...) }
	roles := []string{"spokesperson", "chief executive", "senator", "professor of economics", "lawyer", "analyst", "minister", ""}
	for i, name := range g.names {
		if _, err := exec(`INSERT INTO speaker (id, uuid, name, role, affiliation, created_at, modified_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
			i+1, uid(1, i+1), name, roles[g.r.IntN(len(roles))], now, now); err != nil {
			return err
		}
		if g.r.IntN(10) == 0 {
			// An alias: the initial and surname.
			alias := name[:1] + ". " + name[strings.IndexByte(name, ' ')+1:]
			if _, err := exec(`INSERT INTO speaker_alias (uuid, speaker_id, alias, created_at) VALUES (?, ?, ?, ?)`, uid(2, i+1), i+1, alias, now); err != nil {
				return err
			}
		}
	}
	nTags := 50
	for i := range nTags {
		if _, err := exec(`INSERT INTO tag (id, uuid, name, color, created_at) VALUES (?, ?, ?, '', ?)`, i+1, uid(3, i+1), fmt.Sprintf("tag%d", i+1), now); err != nil {
			return err
		}
	}
	nStories := max(n/100, 1)
	for i := range nStories {
		if _, err := exec(`INSERT INTO story (id, uuid, title, description, created_at, modified_at) VALUES (?, ?, ?, '', ?, ?)`,
			i+1, uid(4, i+1), g.title(), now, now); err != nil {
			return err
		}
	}

	insSource, err := tx.PrepareContext(ctx, `INSERT INTO source (id, uuid, title, outlet, authors, url, published, kind, text, words,
		original, media_type, original_name, content_hash, imported_at, modified_at, blocks, body, extractor, quotes_version)
		VALUES (?, ?, ?, ?, ?, '', ?, 'article', ?, ?, ?, 'text/plain; charset=utf-8', ?, ?, ?, ?, ?, ?, 'text', ?)`)
	if err != nil {
		return err
	}
	insQuote, err := tx.PrepareContext(ctx, `INSERT INTO quote (id, uuid, source_id, speaker_id, text, start_offset, end_offset, prefix, suffix,
		cue, origin, status, created_at, modified_at, kind, group_uuid, speaker_text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'said', 'auto', ?, ?, ?, 'direct', ?, ?)`)
	if err != nil {
		return err
	}
	quoteID := 0
	statuses := []string{"suggested", "suggested", "suggested", "confirmed", "confirmed", "rejected"}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		text, blocks, quotes := g.article(700+g.r.IntN(200), 10, speakerZipf)
		blocksJSON, _ := json.Marshal(blocks)
		pub := start.Add(time.Duration(g.r.IntN(11*365*24)) * time.Hour).Format("2006-01-02")
		outlet := "The " + outlets[int(g.r.ExpFloat64()*8)%len(outlets)]
		author := firstNames[g.r.IntN(len(firstNames))] + " " + lastNames[g.r.IntN(len(lastNames))]
		authors, _ := json.Marshal([]string{author})
		words := len(strings.Fields(text))
		if _, err := insSource.ExecContext(ctx, i, uid(5, i), g.title(), outlet, string(authors), pub, text, words,
			[]byte(text), fmt.Sprintf("source-%d.txt", i), fmt.Sprintf("%064x", i), now, now, string(blocksJSON), text, detectorVersion); err != nil {
			return err
		}
		for _, q := range quotes {
			quoteID++
			u := uid(6, quoteID)
			if _, err := insQuote.ExecContext(ctx, quoteID, u, i, q.speaker+1, text[q.start:q.end], q.start, q.end,
				text[max(q.start-32, 0):q.start], text[q.end:min(q.end+32, len(text))],
				statuses[g.r.IntN(len(statuses))], now, now, u, g.names[q.speaker]); err != nil {
				return err
			}
			if g.r.IntN(100) == 0 {
				if _, err := exec(`INSERT INTO tagging (uuid, tag_id, quote_id, created_at) VALUES (?, ?, ?, ?)`, uid(7, quoteID), 1+g.r.IntN(nTags), quoteID, now); err != nil {
					return err
				}
			}
		}
		if g.r.IntN(10) == 0 {
			if _, err := exec(`INSERT INTO story_source (uuid, story_id, source_id, added_at) VALUES (?, ?, ?, ?)`, uid(8, i), 1+g.r.IntN(nStories), i, now); err != nil {
				return err
			}
		}
		if g.r.IntN(20) == 0 {
			if _, err := exec(`INSERT INTO tagging (uuid, tag_id, source_id, created_at) VALUES (?, ?, ?, ?)`, uid(9, i), 1+g.r.IntN(nTags), i, now); err != nil {
				return err
			}
		}
		if i%2000 == 0 {
			if err := tx.Commit(); err != nil {
				return err
			}
			if tx, err = nb.DB.BeginTx(ctx, nil); err != nil {
				return err
			}
			insSource = tx.StmtContext(ctx, insSource)
			insQuote = tx.StmtContext(ctx, insQuote)
		}
	}

	// Notes: about fifty words each, most attached to something.
	for i := 1; i <= n/2; i++ {
		var b strings.Builder
		b.WriteString("# ")
		b.WriteString(g.title())
		b.WriteString("\n\n")
		for b.Len() < 300 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			g.sentence(&b, 6+g.r.IntN(10))
		}
		body := b.String()
		mod := start.Add(time.Duration(g.r.IntN(11*365*24)) * time.Hour).Format(time.RFC3339)
		if _, err := exec(`INSERT INTO note (id, uuid, body, title, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)`,
			i, uid(10, i), body, noteTitle(body), mod, mod); err != nil {
			return err
		}
		src := 1 + g.r.IntN(n)
		var linkErr error
		switch k := g.r.IntN(10); {
		case k < 4:
			_, linkErr = exec(`INSERT INTO note_link (uuid, note_id, target_kind, source_id, created_at) VALUES (?, ?, 'source', ?, ?)`, uid(11, i), i, src, now)
		case k < 5:
			_, linkErr = exec(`INSERT INTO note_link (uuid, note_id, target_kind, source_id, start_offset, end_offset, exact, created_at)
				VALUES (?, ?, 'passage', ?, 0, 10, 'passage', ?)`, uid(11, i), i, src, now)
		case k < 7:
			_, linkErr = exec(`INSERT INTO note_link (uuid, note_id, target_kind, quote_id, created_at) VALUES (?, ?, 'quote', ?, ?)`, uid(11, i), i, 1+g.r.IntN(quoteID), now)
		case k < 8:
			_, linkErr = exec(`INSERT INTO note_link (uuid, note_id, target_kind, speaker_id, created_at) VALUES (?, ?, 'speaker', ?, ?)`, uid(11, i), i, 1+int(speakerZipf.Uint64()), now)
		case k < 9:
			_, linkErr = exec(`INSERT INTO note_link (uuid, note_id, target_kind, story_id, created_at) VALUES (?, ?, 'story', ?, ?)`, uid(11, i), i, 1+g.r.IntN(nStories), now)
		}
		if linkErr != nil {
			return linkErr
		}
		if g.r.IntN(10) == 0 {
			if _, err := exec(`INSERT INTO tagging (uuid, tag_id, note_id, created_at) VALUES (?, ?, ?, ?)`, uid(12, i), 1+g.r.IntN(nTags), i, now); err != nil {
				return err
			}
		}
	}
	// No ANALYZE: the app never runs it, so real notebooks have no
	// statistics, and query plans (and whether SQLite prepares a statement
	// again for each set of arguments) depend on it.
	return tx.Commit()
}

// TestGenerateNotebook checks the generator on a small notebook: the text
// looks like text, quotes point at their words, the indexes are in step.
func TestGenerateNotebook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := generateNotebook(path, 40); err != nil {
		t.Fatal(err)
	}
	nb, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer nb.Close()
	var sources, quotes, notes, bad int
	row := nb.DB.QueryRow(`SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM quote), (SELECT count(*) FROM note),
		(SELECT count(*) FROM quote q JOIN source s ON s.id = q.source_id WHERE substr(s.text, q.start_offset + 1, q.end_offset - q.start_offset) <> q.text)`)
	if err := row.Scan(&sources, &quotes, &notes, &bad); err != nil {
		t.Fatal(err)
	}
	if sources != 40 || quotes != 400 || notes != 20 || bad != 0 {
		t.Errorf("%d sources, %d quotes (%d misplaced), %d notes", sources, quotes, bad, notes)
	}
	for _, table := range []string{"source_fts", "quote_fts", "note_fts"} {
		if _, err := nb.DB.Exec(`INSERT INTO ` + table + `(` + table + `) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s: %v", table, err)
		}
	}
	if drift := speakerCountDrift(t, nb); len(drift) > 0 {
		t.Errorf("speakers' counts:\n%s", strings.Join(drift, "\n"))
	}
	var words int
	nb.DB.QueryRow(`SELECT CAST(avg(words) AS INTEGER) FROM source`).Scan(&words)
	if words < 700 || words > 1000 {
		t.Errorf("sources average %d words", words)
	}
}

// benchQuery is one typical search, of a class the benchmark reports
// apart.
type benchQuery struct {
	class string
	req   SearchRequest
}

// benchQueries are the typical searches on the generated notebook of n
// sources: its vocabulary and names are the generator's.
func benchQueries(tb testing.TB, nb *db.Notebook, n int) []benchQuery {
	g := newGen(1)
	g.makeNames(n)
	var qs []benchQuery
	add := func(class string, req SearchRequest) { qs = append(qs, benchQuery{class, req}) }
	// Words ranked 100 to 300 are each in a quarter to a half of the
	// sources; words ranked past 15,000 in a few in a thousand.
	for _, i := range []int{120, 180, 240, 290} {
		w := g.vocab[i]
		add("common", SearchRequest{Query: w})
		// A word half typed, as the search box sends it.
		add("prefix", SearchRequest{Query: w[:max(4, len(w)-2)], AsYouType: true})
		// The first letters typed (searched as words before schema v7's
		// prefix indexes).
		add("typing", SearchRequest{Query: w[:2], AsYouType: true})
		add("typing", SearchRequest{Query: w[:3], AsYouType: true})
		add("two-words", SearchRequest{Query: w + " " + g.vocab[i*7]})
	}
	for _, i := range []int{15000, 22000, 30000, 38000} {
		add("rare", SearchRequest{Query: g.vocab[i]})
	}
	for _, i := range []int{0, 1, 5, 20} {
		add("name", SearchRequest{Query: g.names[i%len(g.names)]})
	}
	// Phrases: three words of a source, as someone would copy them.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 4 {
		var body string
		if err := nb.DB.QueryRow(`SELECT body FROM source WHERE id = ?`, 1+rng.IntN(n)).Scan(&body); err != nil {
			tb.Fatal(err)
		}
		w := strings.Fields(strings.NewReplacer(".", "", `"`, "").Replace(body))
		at := 20 + rng.IntN(100)
		add("phrase", SearchRequest{Query: `"` + strings.Join(w[at:at+3], " ") + `"`})
	}
	// Filters as a story page or a list narrows a search: a story, a tag,
	// a mid-sized outlet (3% of the sources), a month, a speaker quoted
	// a few dozen times.
	add("filter", SearchRequest{Query: g.vocab[150], StoryID: 3})
	add("filter", SearchRequest{Query: g.vocab[300], Tag: "tag7"})
	add("filter", SearchRequest{Query: g.vocab[200], Outlet: "the monitor"})
	add("filter", SearchRequest{Query: g.vocab[250], From: "2020-06", To: "2020-06"})
	add("filter", SearchRequest{Query: g.vocab[120], SpeakerID: 40})
	// Broad filters: the most quoted speaker (in a third of the sources),
	// the largest outlet (12%), a whole year.
	add("filter-broad", SearchRequest{Query: g.vocab[120], SpeakerID: 2})
	add("filter-broad", SearchRequest{Query: g.vocab[200], Outlet: "the ledger"})
	add("filter-broad", SearchRequest{Query: g.vocab[250], From: "2020", To: "2020"})
	// No words: a list narrowed by filters.
	add("list", SearchRequest{StoryID: 5})
	add("list", SearchRequest{Tag: "tag9"})
	add("list", SearchRequest{SpeakerID: 40})
	add("list", SearchRequest{Outlet: "The Monitor", From: "2024"})
	add("list-broad", SearchRequest{SpeakerID: 3})
	add("list-broad", SearchRequest{Outlet: "The Ledger"})
	return qs
}

// openBench opens the benchmark notebook as the app does.
func openBench(b *testing.B) (*App, *db.Notebook, int) {
	b.Helper()
	n := benchScale(b)
	path := benchNotebook(b, n)
	nb, err := db.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { nb.Close() })
	if kb := os.Getenv("SOURCEBOOK_BENCH_CACHE_KB"); kb != "" {
		// To measure what a larger page cache would change: the same file
		// through a pool whose connections have cache_size(-kb).
		u := url.URL{Scheme: "file", Path: path, RawQuery: url.Values{"_pragma": {
			"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(5000)", "cache_size(-" + kb + ")"}}.Encode()}
		pool, err := sql.Open("sqlite", u.String())
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { pool.Close() })
		nb = &db.Notebook{DB: pool, Q: db.New(pool), Path: nb.Path, SchemaVersion: nb.SchemaVersion}
	}
	return New(nb, Options{Mode: "cli", Log: slog.New(slog.NewTextHandler(io.Discard, nil))}), nb, n
}

// reportLatencies reports the 50th and 95th percentiles and the maximum of
// ds, in milliseconds, with the given prefix.
func reportLatencies(b *testing.B, prefix string, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	pct := func(p float64) float64 {
		i := min(int(float64(len(ds))*p), len(ds)-1)
		return float64(ds[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.5), prefix+"p50-ms")
	b.ReportMetric(pct(0.95), prefix+"p95-ms")
	b.ReportMetric(float64(ds[len(ds)-1].Microseconds())/1000, prefix+"max-ms")
}

// BenchmarkSearch runs typical searches over everything (SearchAll with
// snippets, 20 hits per kind) and reports each class's latencies: a common
// word, a rare word, two words, a phrase, a prefix as typed, a person's
// name, a word with a filter, and filters with no words.
func BenchmarkSearch(b *testing.B) {
	a, nb, n := openBench(b)
	qs := benchQueries(b, nb, n)
	// Warm the page cache as a session would.
	for _, q := range qs {
		if _, err := a.SearchAll(q.req); err != nil {
			b.Fatal(err)
		}
	}
	var classes []string
	for _, q := range qs {
		if !slices.Contains(classes, q.class) {
			classes = append(classes, q.class)
		}
	}
	for _, class := range classes {
		b.Run(class, func(b *testing.B) {
			// The search runs on this goroutine (modernc.org/sqlite is Go),
			// so the thread's CPU time is the search's, less what other
			// processes take: on a busy machine it varies less than the
			// time on the clock.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var ds, cpu []time.Duration
			for b.Loop() {
				for _, q := range qs {
					if q.class != class {
						continue
					}
					start, startCPU := time.Now(), threadCPU()
					res, err := a.SearchAll(q.req)
					ds = append(ds, time.Since(start))
					cpu = append(cpu, threadCPU()-startCPU)
					if err != nil {
						b.Fatal(err)
					}
					// The queries are chosen for 10,000 sources and more;
					// a smaller notebook may lack a story or a rare word.
					if len(res.Hits) == 0 && n >= 10000 {
						b.Fatalf("%+v found nothing", q.req)
					}
				}
			}
			reportLatencies(b, "", ds)
			reportLatencies(b, "cpu-", cpu)
		})
	}
}

// BenchmarkOpenSource opens random sources as the reading view does, and
// reports the latencies.
func BenchmarkOpenSource(b *testing.B) {
	a, _, n := openBench(b)
	rng := rand.New(rand.NewPCG(5, 6))
	var ds []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := a.Source(int64(1 + rng.IntN(n))); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
	}
	reportLatencies(b, "", ds)
}

// BenchmarkStartup times what the window asks for as it opens, each call
// apart, with the size of its answer as JSON: the library, the speakers
// list and the notes shelf (the sidebar shows their counts).
func BenchmarkStartup(b *testing.B) {
	a, _, n := openBench(b)
	calls := []struct {
		name string
		call func() (any, error)
	}{
		{"Library", func() (any, error) { return a.Library() }},
		{"Speakers", func() (any, error) { return a.Speakers() }},
		{"Notes1000", func() (any, error) { return a.Notes(NoteFilter{Limit: 1000}) }},
		// What the window asks for since the library is paged.
		{"LibraryPage", func() (any, error) { return a.LibraryPage(LibraryRequest{Limit: 200}) }},
		{"LibraryPageEnd", func() (any, error) { return a.LibraryPage(LibraryRequest{Offset: n - 200, Limit: 200}) }},
		{"LibraryPageAround", func() (any, error) { return a.LibraryPage(LibraryRequest{Around: int64(n / 3), Limit: 200}) }},
		{"LibraryPageFiltered", func() (any, error) { return a.LibraryPage(LibraryRequest{Filter: "the ledger", Limit: 200}) }},
		{"Stories", func() (any, error) { return a.Stories() }},
		{"NoteCount", func() (any, error) { return a.NoteCount() }},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			var ds []time.Duration
			var size int
			for b.Loop() {
				start := time.Now()
				v, err := c.call()
				if err != nil {
					b.Fatal(err)
				}
				js, err := json.Marshal(v)
				if err != nil {
					b.Fatal(err)
				}
				ds = append(ds, time.Since(start))
				size = len(js)
			}
			reportLatencies(b, "", ds)
			b.ReportMetric(float64(size)/1e6, "json-MB")
		})
	}
}

// BenchmarkOpenSourceWindow opens random sources as the window does: the
// source, then its quotes, highlights, notes, backlinks and tags (the
// calls the reader makes when a source is chosen), and reports the
// latencies of the whole and of the source alone.
func BenchmarkOpenSourceWindow(b *testing.B) {
	a, _, n := openBench(b)
	rng := rand.New(rand.NewPCG(5, 6))
	var all, src []time.Duration
	for b.Loop() {
		id := int64(1 + rng.IntN(n))
		start := time.Now()
		if _, err := a.Source(id); err != nil {
			b.Fatal(err)
		}
		src = append(src, time.Since(start))
		if _, err := a.Quotes(id); err != nil {
			b.Fatal(err)
		}
		if _, err := a.Highlights(id); err != nil {
			b.Fatal(err)
		}
		if _, err := a.Notes(NoteFilter{Kind: "source", ID: id}); err != nil {
			b.Fatal(err)
		}
		if _, err := a.Backlinks("source", id); err != nil {
			b.Fatal(err)
		}
		if _, err := a.TagsOf("source", id); err != nil {
			b.Fatal(err)
		}
		all = append(all, time.Since(start))
	}
	reportLatencies(b, "", all)
	reportLatencies(b, "source-", src)
}

// BenchmarkNotebookMemory opens the notebook as the app starts (the library
// list), runs the typical searches and opens a few sources, then reports
// the Go heap in use and the process's resident memory. Run it alone for a
// clean RSS: the process holds whatever ran before.
func BenchmarkNotebookMemory(b *testing.B) {
	a, nb, n := openBench(b)
	for b.Loop() {
		if _, err := a.Library(); err != nil {
			b.Fatal(err)
		}
		for _, q := range benchQueries(b, nb, n) {
			if _, err := a.SearchAll(q.req); err != nil {
				b.Fatal(err)
			}
		}
		for id := range 20 {
			if _, err := a.Source(int64(1 + id*n/20)); err != nil {
				b.Fatal(err)
			}
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/1e6, "heap-MB")
	b.ReportMetric(float64(ms.Sys)/1e6, "go-sys-MB")
	if rss := procStatusMB("VmRSS"); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
		b.ReportMetric(procStatusMB("VmHWM"), "rss-peak-MB")
	}
}

// procStatusMB reads a memory figure of the process (VmRSS: resident now,
// VmHWM: the most resident so far) from /proc, 0 where there is none.
func procStatusMB(key string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1000
		}
	}
	return 0
}

// cScript times SQL statements with the C SQLite library through Python's
// sqlite3 module: it reads {"db", "reps", "queries": [{"sql", "args"}]} as
// JSON on stdin and prints each statement's median time in milliseconds,
// fetching every row as the app does.
const cScript = `
import json, sqlite3, sys, time
job = json.load(sys.stdin)
con = sqlite3.connect("file:" + job["db"] + "?mode=ro", uri=True)
out = []
for q in job["queries"]:
    ts = []
    for _ in range(job["reps"]):
        t = time.perf_counter()
        con.execute(q["sql"], q["args"]).fetchall()
        ts.append((time.perf_counter() - t) * 1000)
    ts.sort()
    out.append(ts[len(ts) // 2])
print(json.dumps({"version": sqlite3.sqlite_version, "ms": out}))
`

// BenchmarkSearchVsC runs the exact SQL of every kind's search for the
// typical queries (the strings of db/search.sql.go, with the arguments
// SearchAll gives them: the ranking query, then the snippets of its hits,
// or the list query) through modernc.org/sqlite and through the C library
// (Python's sqlite3) on the same file, and reports the total median times
// and their ratio, with each class's in the log. The few small counting
// queries planFilters runs for an outlet or dates are left out.
func BenchmarkSearchVsC(b *testing.B) {
	python, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("comparing with C SQLite needs python3 with its sqlite3 module")
	}
	if out, err := exec.Command(python, "-c", "import sqlite3; sqlite3.connect(':memory:').execute('CREATE VIRTUAL TABLE t USING fts5(x)')").CombinedOutput(); err != nil {
		b.Skipf("python3's sqlite3 module has no FTS5: %v: %s", err, out)
	}
	a, nb, n := openBench(b)
	queries := searchQueries(b)
	type stmt struct {
		class string
		SQL   string `json:"sql"`
		Args  []any  `json:"args"`
	}
	var stmts []stmt
	add := func(class, name string, args map[string]any, ids []int64) {
		sq, ok := queries[name]
		if !ok {
			b.Fatalf("no query %s", name)
		}
		var vals []any
		for _, param := range sq.Params {
			if param == "ids" {
				for _, id := range ids {
					vals = append(vals, id)
				}
				continue
			}
			vals = append(vals, args[param])
		}
		// As the generated code expands sqlc.slice.
		text := strings.Replace(sq.SQL, "/*SLICE:ids*/?", strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","), 1)
		stmts = append(stmts, stmt{class, text, vals})
	}
	for _, q := range benchQueries(b, nb, n) {
		p, err := a.prepareSearch(q.req)
		if err != nil {
			b.Fatal(err)
		}
		args := sqlArgs(p)
		for _, k := range p.kinds {
			kind := strings.ToUpper(k[:1]) + k[1:]
			if p.match == "" {
				add(q.class, "List"+kind+"s", args, nil)
				continue
			}
			add(q.class, "Search"+kind+"s", args, nil)
			g, err := a.searchKind(k, p.match, p.filter, p.limit)
			if err != nil {
				b.Fatal(err)
			}
			var ids []int64
			for _, h := range g.Hits {
				ids = append(ids, h.ID)
			}
			if len(ids) > 0 {
				args := maps.Clone(args)
				args["first_id"], args["last_id"] = slices.Min(ids), slices.Max(ids)
				add(q.class, "Search"+kind+"Snippets", args, ids)
			}
		}
	}
	const reps = 5
	goMS := map[string]float64{}
	cMS := map[string]float64{}
	var classes []string
	var version string
	for b.Loop() {
		for _, s := range stmts {
			if !slices.Contains(classes, s.class) {
				classes = append(classes, s.class)
			}
			var ts []time.Duration
			for range reps {
				start := time.Now()
				rows, err := nb.DB.Query(s.SQL, s.Args...)
				if err != nil {
					b.Fatal(err)
				}
				cols, _ := rows.Columns()
				dest := make([]any, len(cols))
				for i := range dest {
					dest[i] = new(any)
				}
				for rows.Next() {
					if err := rows.Scan(dest...); err != nil {
						b.Fatal(err)
					}
				}
				if err := rows.Close(); err != nil {
					b.Fatal(err)
				}
				ts = append(ts, time.Since(start))
			}
			slices.Sort(ts)
			goMS[s.class] += float64(ts[reps/2].Microseconds()) / 1000
		}
		job, _ := json.Marshal(map[string]any{"db": nb.Path, "reps": reps, "queries": stmts})
		cmd := exec.Command(python, "-c", cScript)
		cmd.Stdin = bytes.NewReader(job)
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("python3: %v", err)
		}
		var res struct {
			Version string    `json:"version"`
			MS      []float64 `json:"ms"`
		}
		if err := json.Unmarshal(out, &res); err != nil || len(res.MS) != len(stmts) {
			b.Fatalf("python3 printed %q: %v", out, err)
		}
		version = res.Version
		for i, ms := range res.MS {
			cMS[stmts[i].class] += ms
		}
	}
	var goAll, cAll float64
	for _, c := range classes {
		goAll += goMS[c]
		cAll += cMS[c]
		b.Logf("%-12s modernc %8.1f ms  C %8.1f ms  ratio %.2f", c, goMS[c]/float64(b.N), cMS[c]/float64(b.N), goMS[c]/cMS[c])
	}
	b.Logf("%d statements; C SQLite %s through Python's sqlite3", len(stmts), version)
	b.ReportMetric(goAll/float64(b.N), "modernc-ms")
	b.ReportMetric(cAll/float64(b.N), "c-ms")
	b.ReportMetric(goAll/cAll, "modernc/c")
}
