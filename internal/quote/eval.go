package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Report is the outcome of Evaluate.
type Report struct {
	Articles  int     `json:"articles"`
	Gold      int     `json:"gold"`      // gold direct quotations
	Predicted int     `json:"predicted"` // predicted quotations that are not scare quotes
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// SpeakerAccuracy is the share of matched quotes whose Name equals the
	// gold reference, case and accents folded.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// Misses lists up to 50 speaker errors as "gold | predicted | quote",
	// for inspection.
	Misses []string `json:"misses,omitempty"`
}

type goldArticle struct {
	ID       string      `json:"id"`
	TextFile string      `json:"text_file"`
	Quotes   []goldQuote `json:"quotes"`
}

type goldQuote struct {
	Quote     string `json:"quote"`
	Speaker   string `json:"speaker"`
	Reference string `json:"reference"`
	Start     *int   `json:"quote_start"`
	End       *int   `json:"quote_end"`
}

// Evaluate measures Detect against the Gender Gap Tracker quote annotations
// in dir: either a directory holding gold_quotes.jsonl (with text_file paths
// relative to it) or its parent holding ggt-quotes/.
//
// A gold quotation is direct when its annotated text contains a double
// quote mark (straight or curly); the others are indirect speech and are
// not scored. Gold spans include the marks and sometimes reported words
// around them, so a predicted quote's span is widened by its two marks
// before comparison. A prediction (any kind but Scare) matches a gold
// direct quotation when their spans overlap by at least half of the longer
// of the two; each gold and each prediction matches at most once, greedily
// in text order. Predictions that overlap an indirect gold quotation are
// neither rewarded nor counted as false positives (the annotators quoted
// the whole reported clause). Speaker accuracy is over matched pairs:
// Name equals the gold reference after case and accent folding.
//
// Evaluate returns an error when the annotations or a text cannot be read.
func Evaluate(dir string) (Report, error) {
	return evaluate(dir, nil, nil)
}

// scored is one article's outcome, for tests that inspect the errors.
type scored struct {
	index int
	id    string
	text  []rune
	pred  []Quote
	// match[i] is the index in golds of the gold quotation pred[i]
	// matched, -1 when it matched none, -2 when it only overlapped
	// indirect speech (not counted).
	match []int
	golds []goldQuote
	used  []bool // golds matched by a prediction
}

// evaluate is Evaluate over the articles whose index in reading order keep
// accepts (all when keep is nil), reporting each article to trace when it
// is not nil.
func evaluate(dir string, keep func(int) bool, trace func(scored)) (Report, error) {
	gold := filepath.Join(dir, "gold_quotes.jsonl")
	if _, err := os.Stat(gold); err != nil {
		dir = filepath.Join(dir, "ggt-quotes")
		gold = filepath.Join(dir, "gold_quotes.jsonl")
	}
	f, err := os.Open(gold)
	if err != nil {
		return Report{}, fmt.Errorf("quote: unable to open annotations: %w", err)
	}
	defer f.Close()
	var rep Report
	right := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for index := 0; sc.Scan(); index++ {
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return rep, fmt.Errorf("quote: unable to parse annotations: %w", err)
		}
		if keep != nil && !keep(index) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, a.TextFile))
		if err != nil {
			return rep, fmt.Errorf("quote: unable to read article: %w", err)
		}
		rep.Articles++
		text := string(data)
		pred := Detect(text, nil)
		type gs struct {
			s, e   int
			ref    string
			direct bool
			used   bool
		}
		var golds []gs
		var kept []goldQuote
		for _, g := range a.Quotes {
			if g.Start == nil || g.End == nil {
				continue
			}
			direct := strings.ContainsAny(g.Quote, "\"“”")
			golds = append(golds, gs{*g.Start, *g.End, g.Reference, direct, false})
			kept = append(kept, g)
			if direct {
				rep.Gold++
			}
		}
		match := make([]int, len(pred))
		lastClause := [2]int{-1, -1}
		for pi, p := range pred {
			match[pi] = -1
			if p.Kind == Scare {
				continue
			}
			s, e := p.Start-1, p.End+1
			if p.Open || p.Kind == Block {
				s, e = p.Start, p.End
			}
			if p.ClauseEnd > p.ClauseStart {
				if c := [2]int{p.ClauseStart, p.ClauseEnd}; c != lastClause {
					lastClause = c
				} else {
					match[pi] = -2 // counted with the previous quote
					continue
				}
				s, e = p.ClauseStart, p.ClauseEnd
			}
			matched, indirect := false, false
			for i := range golds {
				g := &golds[i]
				ov := min(e, g.e) - max(s, g.s)
				if ov <= 0 {
					continue
				}
				if !g.direct {
					indirect = true
					continue
				}
				if g.used || 2*ov < max(e-s, g.e-g.s) {
					continue
				}
				g.used, matched = true, true
				match[pi] = i
				rep.Matched++
				if fold(p.Name) == fold(g.ref) {
					right++
				} else if len(rep.Misses) < 50 {
					rep.Misses = append(rep.Misses, fmt.Sprintf("%s | %s | %.60s", g.ref, p.Name, p.Text))
				}
				break
			}
			if matched || !indirect {
				rep.Predicted++
			} else {
				match[pi] = -2
			}
		}
		if trace != nil {
			used := make([]bool, len(golds))
			for i, g := range golds {
				used[i] = g.used
			}
			trace(scored{index, a.ID, []rune(text), pred, match, kept, used})
		}
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("quote: unable to read annotations: %w", err)
	}
	if rep.Predicted > 0 {
		rep.Precision = float64(rep.Matched) / float64(rep.Predicted)
	}
	if rep.Gold > 0 {
		rep.Recall = float64(rep.Matched) / float64(rep.Gold)
	}
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	if rep.Matched > 0 {
		rep.SpeakerAccuracy = float64(right) / float64(rep.Matched)
	}
	return rep, nil
}

// fold lowercases s and removes its accents and surrounding space.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(strings.TrimSpace(out))
}
