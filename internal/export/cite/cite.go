package cite

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sourcebook/internal/export"
)

// stopwords are skipped when a key takes the title's first word.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "on": true, "in": true, "and": true, "or": true,
	"to": true, "for": true, "at": true, "by": true, "with": true, "from": true, "is": true, "are": true,
	"was": true, "how": true, "why": true, "what": true, "who": true, "when": true, "as": true, "it": true,
	"its": true, "this": true, "that": true, "be": true, "do": true, "does": true, "not": true,
	"le": true, "la": true, "les": true, "der": true, "die": true, "das": true, "el": true, "los": true,
}

// Keys hands out citation keys, unique among the keys it has given.
type Keys struct{ used map[string]bool }

// NewKeys returns an empty set of keys.
func NewKeys() *Keys { return &Keys{used: map[string]bool{}} }

// Key returns the citation key of s: family name (or outlet), year and
// first significant title word, folded to ASCII, with a, b, c... appended
// when the key is taken. It never returns "" and never repeats a key.
func (k *Keys) Key(s export.Source) string {
	var who string
	for _, a := range s.Authors {
		if n := ParseName(a); n.Family != "" {
			who = fold(n.Family)
		}
		break
	}
	if who == "" {
		who = foldWords(s.Outlet, 3)
	}
	if who == "" && len(s.Authors) > 0 {
		who = foldWords(s.Authors[0], 2)
	}
	if len(who) > 20 {
		who = who[:20]
	}
	var year string
	if p := dateParts(s.Published); len(p) > 0 {
		year = strconv.Itoa(p[0])
	}
	var word string
	for _, w := range strings.Fields(s.Title) {
		f := fold(w)
		if f != "" && !stopwords[f] {
			word = f
			break
		}
	}
	if len(word) > 20 {
		word = word[:20]
	}
	base := who + year + word
	if base == "" || !(base[0] >= 'a' && base[0] <= 'z') {
		base = "source" + base
	}
	key := base
	for i := 0; k.used[key]; i++ {
		key = base + letters(i)
	}
	k.used[key] = true
	return key
}

// letters counts a, b, ..., z, aa, ab, ...
func letters(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

// foldWords folds the first n significant words of s and joins them.
func foldWords(s string, n int) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		f := fold(w)
		if f == "" || stopwords[f] {
			continue
		}
		b.WriteString(f)
		if n--; n == 0 {
			break
		}
	}
	return b.String()
}

// dateParts reads an ISO 8601 date as precise as it is ("2024",
// "2024-04", "2024-04-03", "2024-04-03T08:59:00Z"); nil when it is not one.
func dateParts(s string) []int {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "Tt "); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return nil
	}
	fields := strings.Split(s, "-")
	if len(fields) > 3 || len(fields[0]) != 4 {
		return nil
	}
	var parts []int
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || (i > 0 && len(f) != 2) {
			return nil
		}
		parts = append(parts, n)
	}
	if len(parts) > 1 && (parts[1] < 1 || parts[1] > 12) {
		return nil
	}
	if len(parts) > 2 {
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return nil
		}
	}
	return parts
}

func isoDate(parts []int) string {
	out := fmt.Sprintf("%04d", parts[0])
	for _, p := range parts[1:] {
		out += fmt.Sprintf("-%02d", p)
	}
	return out
}

// cslName is a CSL name variable.
type cslName struct {
	Family   string `json:"family,omitempty"`
	Given    string `json:"given,omitempty"`
	Particle string `json:"non-dropping-particle,omitempty"`
	Suffix   string `json:"suffix,omitempty"`
	Literal  string `json:"literal,omitempty"`
}

// cslDate is a CSL date variable.
type cslDate struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Raw       string  `json:"raw,omitempty"`
}

// cslItem is one CSL-JSON reference, its fields in a readable order.
type cslItem struct {
	ID             string            `json:"id"`
	Type           string            `json:"type"`
	Title          string            `json:"title,omitempty"`
	ContainerTitle string            `json:"container-title,omitempty"`
	Author         []cslName         `json:"author,omitempty"`
	Issued         *cslDate          `json:"issued,omitempty"`
	URL            string            `json:"URL,omitempty"`
	Language       string            `json:"language,omitempty"`
	Genre          string            `json:"genre,omitempty"`
	Abstract       string            `json:"abstract,omitempty"`
	Keyword        string            `json:"keyword,omitempty"`
	Accessed       *cslDate          `json:"accessed,omitempty"`
	Custom         map[string]string `json:"custom,omitempty"`
}

func cslType(s export.Source) string {
	switch s.Kind {
	case "article":
		if strings.TrimSpace(s.Outlet) != "" {
			return "article-newspaper"
		}
		return "article"
	case "filing":
		return "document"
	case "post":
		return "post"
	case "blog":
		return "post-weblog"
	}
	if s.URL != "" {
		return "webpage"
	}
	return "document"
}

func cslItemOf(s export.Source, key string) cslItem {
	it := cslItem{ID: key, Type: cslType(s), Title: clean(s.Title), ContainerTitle: clean(s.Outlet), URL: webURL(s.URL),
		Language: strings.TrimSpace(s.Lang), Abstract: clean(s.Description), Keyword: clean(strings.Join(s.Tags, ", ")),
		Custom: map[string]string{"sourcebook_uuid": s.UUID}}
	if s.Kind == "filing" {
		it.Genre = "court filing"
	}
	for _, a := range s.Authors {
		n := ParseName(a)
		if n == (Name{}) {
			continue
		}
		it.Author = append(it.Author, cslName{Family: n.Family, Given: n.Given, Particle: n.Particle, Suffix: n.Suffix, Literal: n.Literal})
	}
	if p := dateParts(s.Published); p != nil {
		it.Issued = &cslDate{DateParts: [][]int{p}}
	} else if d := clean(s.Published); d != "" {
		it.Issued = &cslDate{Raw: d}
	}
	if p := dateParts(s.ImportedAt); len(p) == 3 {
		it.Accessed = &cslDate{DateParts: [][]int{p}}
	}
	return it
}

// webURL returns u when it is an http(s) URL, else "": a citation
// manager makes a link of it.
func webURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || strings.ContainsAny(u, "{}\\ \n\t") {
		return ""
	}
	return u
}

// clean joins s's whitespace into single spaces and drops control
// characters and invalid UTF-8.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// eachSource runs fn on every source of nb, checking ctx and reporting
// progress.
func eachSource(ctx context.Context, nb export.Notebook, progress export.Progress, fn func(export.Source) error) error {
	total, err := nb.SourceCount(ctx)
	if err != nil {
		return fmt.Errorf("cannot count sources: %w", err)
	}
	done := 0
	err = nb.EachSource(ctx, func(s export.Source) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(s); err != nil {
			return err
		}
		done++
		if progress != nil {
			progress(done, max(total, done))
		}
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// WriteCSL writes every source of nb to w as a CSL-JSON array, one item per
// source, id being its citation key (see [Keys]). It stops at ctx's
// cancellation; what it wrote until then is not a complete file, so the
// caller writes to a temporary file and renames it. Errors are wrapped
// with "cite: ".
func WriteCSL(ctx context.Context, nb export.Notebook, w io.Writer, progress export.Progress) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	keys := NewKeys()
	n := 0
	bw.WriteString("[")
	err := eachSource(ctx, nb, progress, func(s export.Source) error {
		b, err := json.MarshalIndent(cslItemOf(s, keys.Key(s)), "  ", "  ")
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		_, err = bw.Write(b)
		n++
		return err
	})
	if err != nil {
		return fmt.Errorf("cite: %w", err)
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cite: %w", err)
	}
	return nil
}
