package align

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sourcebook/internal/document"
	"sourcebook/internal/quotematch"
)

// plain builds an Input with one paragraph block per non-empty line.
func plain(text string) Input {
	var b document.Builder
	for _, line := range strings.Split(text, "\n") {
		b.Add(document.Paragraph, 0, line, "")
	}
	d := b.Doc()
	return Input{Text: d.Text, Blocks: d.Blocks}
}

// pairWith returns the pair whose A text holds a and whose B text holds b.
func pairWith(r Result, a, b string) (Pair, bool) {
	for _, p := range r.Pairs {
		if strings.Contains(p.A.Text, a) && strings.Contains(p.B.Text, b) {
			return p, true
		}
	}
	return Pair{}, false
}

// noWordingDifference reports whether every op of p is equal or holds
// only tokens that fold to nothing (a stray dash).
func noWordingDifference(p Pair) bool {
	for _, op := range p.Ops {
		if op.Kind == quotematch.OpEqual {
			continue
		}
		if len(quotematch.Fold(strings.Join(op.A, " ")+" "+strings.Join(op.B, " "))) > 0 {
			return false
		}
	}
	return true
}

func TestSeeds(t *testing.T) {
	a := load(t, seedPath("000_9ee5f3e41cc3c9be.txt"))
	b := load(t, seedPath("004_917a6aaec319a3a4.txt"))
	r := Compare(a, b)
	t.Log(describe(r))
	checkInvariants(t, a, b, r)
	p, ok := pairWith(r, "Shockingly untrue. Meta didn’t share", "Shockingly untrue. Meta didn’t share")
	if !ok {
		t.Fatal("Andy Stone's statement is not paired")
	}
	if p.Kind != Same || p.Score != 1 || !noWordingDifference(p) {
		t.Errorf("Andy Stone's statement: kind %s, score %.2f, ops %v; want same with no wording difference", p.Kind, p.Score, p.Ops)
	}
	for _, s := range []string{p.A.Text, p.B.Text} {
		if !strings.HasSuffix(strings.TrimRight(s, `"”`), "commonplace in the industry.") {
			t.Errorf("statement passage %q does not end with the statement", s)
		}
		if strings.Contains(s, "Andy Stone") {
			t.Errorf("statement passage %q holds its lead-in", s)
		}
	}
	// Paraphrases of the court filing and of Stone's denial pair as
	// similar: TechDogs paraphrases what MyNation quotes, and the reverse.
	for _, w := range []struct{ a, b string }{
		{"Netflix was able to access the private inboxes", "provided Netflix access to Facebook users' private messages"},
		{"written report every two weeks", "a written report every two weeks"},
		{"Netflix bought hundreds of millions of dollars", "receiving millions of dollars from Netflix"},
		{"Andy Stone, the Communications Director at Meta", "Andy Stone, the communications head at Meta"},
	} {
		if p, ok := pairWith(r, w.a, w.b); !ok || p.Kind != Similar {
			t.Errorf("paraphrase %q / %q: paired %v, kind %q", w.a, w.b, ok, p.Kind)
		}
	}
	// Boilerplate never appears.
	for _, s := range r.OnlyA {
		if strings.Contains(s.Text, "Join Our Newsletter") || strings.Contains(s.Text, "Disclaimer") {
			t.Errorf("boilerplate reported as content: %q", s.Text)
		}
	}
}

// checkInvariants checks what every Result must satisfy.
func checkInvariants(t *testing.T, a, b Input, r Result) {
	t.Helper()
	check := func(name string, in Input, spans []Span) {
		runes := []rune(in.Text)
		prev := 0
		for _, s := range spans {
			if s.Start < prev || s.End <= s.Start || s.End > len(runes) {
				t.Fatalf("%s: span [%d,%d) after %d, text of %d code points", name, s.Start, s.End, prev, len(runes))
			}
			if got := string(runes[s.Start:s.End]); got != s.Text {
				t.Fatalf("%s: span [%d,%d) text %q, want %q", name, s.Start, s.End, s.Text, got)
			}
			prev = s.End
		}
	}
	var pa, pb []Span
	for _, p := range r.Pairs {
		pa = append(pa, p.A)
		pb = append(pb, p.B)
		if p.Kind != Same && p.Kind != Similar || p.Score < 0 || p.Score > 1 || (p.Kind == Same && p.Score != 1) {
			t.Fatalf("pair kind %q score %v", p.Kind, p.Score)
		}
	}
	check("pairs A", a, pa)
	check("only A", a, r.OnlyA)
	check("only B", b, r.OnlyB)
	// B passages do not overlap, whatever their order.
	slices.SortFunc(pb, func(x, y Span) int { return x.Start - y.Start })
	check("pairs B", b, pb)
	all := func(name string, in Input, x, y []Span) {
		s := append(slices.Clone(x), y...)
		slices.SortFunc(s, func(p, q Span) int { return p.Start - q.Start })
		check(name, in, s)
	}
	all("pairs and only A", a, pa, r.OnlyA)
	all("pairs and only B", b, pb, r.OnlyB)
	for _, c := range []float64{r.CoverageA, r.CoverageB} {
		if c < 0 || c > 1 {
			t.Fatalf("coverage %v", c)
		}
	}
}

// TestUnrelated compares articles of different stories from the same
// outlets: nothing pairs, however much news wording they share.
func TestUnrelated(t *testing.T) {
	var files [][2]string // cluster, path
	for _, c := range []string{bird, blankets, boko} {
		fs, err := filepath.Glob(filepath.Join("testdata", c, "*.txt"))
		if err != nil || len(fs) == 0 {
			t.Fatalf("%s: no articles (%v)", c, err)
		}
		for _, f := range fs {
			files = append(files, [2]string{c, f})
		}
	}
	seeds, _ := filepath.Glob(seedPath("*.txt"))
	for _, f := range seeds {
		files = append(files, [2]string{"seeds", f})
	}
	for x := range files {
		for y := x + 1; y < len(files); y++ {
			if files[x][0] == files[y][0] {
				continue
			}
			a, b := loadArticle(t, files[x][1]), loadArticle(t, files[y][1])
			for _, p := range Compare(a, b).Pairs {
				t.Errorf("%s / %s: unrelated passages paired:\n  %q\n  %q",
					filepath.Base(files[x][1]), filepath.Base(files[y][1]), short(p.A.Text), short(p.B.Text))
			}
		}
	}
}

func TestSelf(t *testing.T) {
	for _, name := range []string{"000_9ee5f3e41cc3c9be.txt", "004_917a6aaec319a3a4.txt"} {
		t.Run(name, func(t *testing.T) {
			a := load(t, seedPath(name))
			r := Compare(a, a)
			checkInvariants(t, a, a, r)
			if r.CoverageA != 1 || r.CoverageB != 1 || len(r.OnlyA)+len(r.OnlyB) > 0 {
				t.Errorf("self: %s", describe(r))
			}
			for _, p := range r.Pairs {
				if p.Kind != Same || p.A != p.B {
					t.Errorf("self pair %s %q / %q", p.Kind, p.A.Text, p.B.Text)
				}
			}
		})
	}
	t.Run("short sentences", func(t *testing.T) {
		a := plain("Wow.\nYup. No.\nRead more:")
		r := Compare(a, a)
		if r.CoverageA != 1 || len(r.Pairs) != 1 {
			t.Errorf("self: %s", describe(r))
		}
	})
}

func TestEmpty(t *testing.T) {
	a := load(t, seedPath("000_9ee5f3e41cc3c9be.txt"))
	for _, tc := range []struct {
		name string
		in   Input
	}{
		{"empty", Input{}},
		{"no words", plain("— … ***")},
		{"only boilerplate", Input{Text: "Subscribe now", Blocks: []document.Block{{Kind: document.Paragraph, Start: 0, End: 13, Boilerplate: document.Newsletter}}}},
		{"bad blocks", Input{Text: "short", Blocks: []document.Block{{Start: 3, End: 99}, {Start: -1, End: 2}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(a, tc.in)
			checkInvariants(t, a, tc.in, r)
			if len(r.Pairs) != 0 || len(r.OnlyB) != 0 || r.CoverageA != 0 || r.CoverageB != 0 || len(r.OnlyA) == 0 {
				t.Errorf("%s", describe(r))
			}
			r = Compare(tc.in, tc.in)
			if len(r.Pairs)+len(r.OnlyA)+len(r.OnlyB) != 0 {
				t.Errorf("%s with itself: %s", tc.name, describe(r))
			}
		})
	}
}

func TestNoBlocks(t *testing.T) {
	text := "The first line is a sentence of some length here.\nThe second line is another sentence of length."
	r := Compare(Input{Text: text}, Input{Text: text})
	if len(r.Pairs) != 1 || r.CoverageA != 1 {
		t.Errorf("%s", describe(r))
	}
}

// TestMoved: paragraphs in another order are pairs, not deletions and
// insertions.
func TestMoved(t *testing.T) {
	a := loadArticle(t, filepath.Join("testdata", "how_a_small_bird_managed_to_take_over_a_delta_flight", "denverpost.com_710e6e01.txt"))
	paras := strings.Split(a.Text, "\n")
	rng := rand.New(rand.NewPCG(1, 2))
	shuffled := slices.Clone(paras)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b := plain(strings.Join(shuffled, "\n"))
	r := Compare(plain(a.Text), b)
	checkInvariants(t, plain(a.Text), b, r)
	if r.CoverageA != 1 || r.CoverageB != 1 || len(r.OnlyA)+len(r.OnlyB) > 0 {
		t.Errorf("shuffled: %s", describe(r))
	}
	for _, p := range r.Pairs {
		if p.Kind != Same {
			t.Errorf("moved pair %s: %q / %q", p.Kind, p.A.Text, p.B.Text)
		}
	}
	if len(r.Pairs) < len(paras)/2 {
		t.Errorf("%d pairs for %d shuffled paragraphs", len(r.Pairs), len(paras))
	}
}

// TestSplitMerge: a sentence split in two, or two merged into one, pairs as
// one passage.
func TestSplitMerge(t *testing.T) {
	a := plain("The airline said the captain decided to return to Detroit after a small bird was discovered inside the flight deck shortly after takeoff from the airport.\nAn unrelated paragraph about the weather in Georgia follows here.")
	b := plain("An unrelated paragraph about football results in Atlanta follows here.\nThe airline said the captain decided to return to Detroit. A small bird was discovered inside the flight deck shortly after takeoff from the airport.")
	r := Compare(a, b)
	checkInvariants(t, a, b, r)
	p, ok := pairWith(r, "The airline said", "A small bird was discovered inside the flight deck")
	if !ok || !strings.Contains(p.B.Text, "The airline said") {
		t.Fatalf("split sentence not paired whole: %s", describe(r))
	}
	r = Compare(b, a)
	if p, ok := pairWith(r, "A small bird was discovered", "The airline said"); !ok || !strings.Contains(p.A.Text, "The airline said") {
		t.Fatalf("merged sentences not paired whole: %s", describe(r))
	}
}

func TestChangedNumber(t *testing.T) {
	a := plain("The insurgency has claimed more than 20,000 lives and displaced 2.6 million people from their homes since 2009.")
	b := plain("The insurgency has claimed more than 30,000 lives and displaced 2.6 million people from their homes since 2009.")
	r := Compare(a, b)
	if len(r.Pairs) != 1 || r.Pairs[0].Kind != Similar {
		t.Fatalf("%s", describe(r))
	}
	var changed []Op
	for _, op := range r.Pairs[0].Ops {
		if op.Kind != quotematch.OpEqual {
			changed = append(changed, op)
		}
	}
	if len(changed) != 1 || changed[0].Kind != quotematch.OpReplace || changed[0].A[0] != "20,000" || changed[0].B[0] != "30,000" {
		t.Errorf("ops %v, want one replace of the number", r.Pairs[0].Ops)
	}
}

func TestShortSentencesDoNotPair(t *testing.T) {
	a := plain("Read more:\nAdvertisement\nThe mayor opened the new bridge over the river on Monday morning.")
	b := plain("The council approved a budget for schools and roads on Tuesday evening.\nRead more:\nAdvertisement")
	r := Compare(a, b)
	if len(r.Pairs) != 0 {
		t.Errorf("%s", describe(r))
	}
}

func TestLanguages(t *testing.T) {
	en := plain("The Nigerian government said the girls were freed after negotiations brokered by the Red Cross and the Swiss government.")
	fr := plain("Le gouvernement nigérian a déclaré que les jeunes filles avaient été libérées après des négociations menées par la Croix-Rouge et le gouvernement suisse.")
	ru := plain("Правительство Нигерии заявило, что девочки были освобождены после переговоров при посредничестве Красного Креста.")
	zh := plain("尼日利亚政府表示，这些女孩是在红十字会和瑞士政府斡旋的谈判后获释的。")
	for _, tc := range []struct {
		name string
		a, b Input
	}{{"en-fr", en, fr}, {"en-ru", en, ru}, {"fr-zh", fr, zh}, {"zh-zh", zh, zh}} {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(tc.a, tc.b)
			checkInvariants(t, tc.a, tc.b, r)
			if tc.a.Text != tc.b.Text && len(r.Pairs) != 0 {
				t.Errorf("%s", describe(r))
			}
		})
	}
}

// TestGiantParagraph: a paragraph with no sentence end is cut into chunks.
func TestGiantParagraph(t *testing.T) {
	a := loadArticle(t, filepath.Join("testdata", "how_a_small_bird_managed_to_take_over_a_delta_flight", "washingtonpost.com_2bb89b70.txt"))
	replacer := strings.NewReplacer(".", "", "!", "", "?", "", "\n", " ", "…", "")
	giant := replacer.Replace(a.Text)
	r := Compare(plain(giant), plain(giant))
	if r.CoverageA != 1 || len(r.Pairs) != 1 {
		t.Errorf("self: %s", describe(r))
	}
	r = Compare(plain(giant), a)
	checkInvariants(t, plain(giant), a, r)
	if r.CoverageA < 0.5 {
		t.Errorf("giant vs sentences: %s", describe(r))
	}
}

// TestLarge: 50,000-word sources are compared without quadratic blow-up.
func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	a, b := corpus(t, 50000, 1), corpus(t, 50000, 2)
	start := time.Now()
	r := Compare(a, b)
	elapsed := time.Since(start)
	checkInvariants(t, a, b, r)
	t.Logf("50,000 words: %v, %d pairs, coverage %.2f/%.2f", elapsed, len(r.Pairs), r.CoverageA, r.CoverageB)
	if r.CoverageA < 0.9 {
		t.Errorf("coverage %.2f of two shuffles of the same paragraphs", r.CoverageA)
	}
	if elapsed > 10*time.Second {
		t.Errorf("took %v", elapsed)
	}
	// The same word over and over: every bigram is too common to look up.
	rep := plain(strings.Repeat("bird bird bird. ", 15000))
	start = time.Now()
	Compare(rep, rep)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("repetitive text took %v", d)
	}
}
