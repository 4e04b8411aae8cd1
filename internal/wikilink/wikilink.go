// Package wikilink finds the wiki-style links a note's Markdown holds:
// [[target]] or [[target|shown text]], as Obsidian and most note tools
// write them.
//
// A target is either a name ("Andy Stone", a note's or source's title) or
// an explicit reference kind:id ("quote:42"); [Parse] reports both, and
// the caller resolves names against what the notebook holds. Links inside
// code (fenced blocks and `inline code`) are not links.
package wikilink

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxTarget is the longest target, in bytes, that counts as a link.
const MaxTarget = 300

// Kinds a target may name explicitly (kind:id).
var Kinds = []string{"note", "source", "quote", "speaker", "story"}

// Link is one [[...]] in a text.
type Link struct {
	// Target is what the link points at, trimmed: a name, or kind:id.
	Target string
	// Text is what the link shows: the part after "|", or Target.
	Text string
	// Kind and ID are set when Target is an explicit kind:id reference.
	Kind string
	ID   int64
	// Start and End are the byte offsets of the whole [[...]] in the text.
	Start, End int
}

// Parse returns the links of text in order. Malformed links ("[[", "[[]]",
// a target over MaxTarget bytes or spanning lines) are left as text.
func Parse(text string) []Link {
	var out []Link
	code := codeRanges(text)
	ci := 0
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], "[[")
		if k < 0 {
			break
		}
		start := i + k
		for ci < len(code) && code[ci][1] <= start {
			ci++
		}
		if ci < len(code) && code[ci][0] <= start {
			i = code[ci][1]
			continue
		}
		end := strings.Index(text[start+2:], "]]")
		if end < 0 {
			break
		}
		inner := text[start+2 : start+2+end]
		// "[[[x]]": the link starts at the last "[[" before the target.
		if strings.HasPrefix(inner, "[") {
			i = start + 1
			continue
		}
		l, ok := parseInner(inner)
		if !ok {
			i = start + 2
			continue
		}
		l.Start, l.End = start, start+2+end+2
		out = append(out, l)
		i = l.End
	}
	return out
}

func parseInner(inner string) (Link, bool) {
	if strings.ContainsAny(inner, "\n\r[]") || !utf8.ValidString(inner) {
		return Link{}, false
	}
	target, text, _ := strings.Cut(inner, "|")
	target = strings.Join(strings.Fields(target), " ")
	text = strings.Join(strings.Fields(text), " ")
	if target == "" || len(target) > MaxTarget {
		return Link{}, false
	}
	if text == "" {
		text = target
	}
	l := Link{Target: target, Text: text}
	if kind, id, ok := strings.Cut(target, ":"); ok {
		for _, k := range Kinds {
			if strings.EqualFold(kind, k) {
				if n, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64); err == nil && n > 0 {
					l.Kind, l.ID = k, n
				}
			}
		}
	}
	return l, true
}

// Ref writes a link to an explicit target: [[kind:id|text]] (text may be
// empty). Characters that would end the link early are dropped from text.
func Ref(kind string, id int64, text string) string {
	text = strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', '|', '\n', '\r':
			return ' '
		}
		return r
	}, text)
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return "[[" + kind + ":" + strconv.FormatInt(id, 10) + "]]"
	}
	return "[[" + kind + ":" + strconv.FormatInt(id, 10) + "|" + text + "]]"
}

// codeRanges returns the byte ranges of fenced code blocks (``` or ~~~ at
// the start of a line, to the closing fence or the end) and inline code
// spans (`...` on one line), in order.
func codeRanges(text string) [][2]int {
	var out [][2]int
	fence := ""
	fenceStart := 0
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := strings.TrimLeft(text[lineStart:lineEnd], " ")
		switch {
		case fence != "":
			if strings.HasPrefix(line, fence) {
				out = append(out, [2]int{fenceStart, lineEnd})
				fence = ""
			}
		case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"):
			fence, fenceStart = line[:3], lineStart
		default:
			out = append(out, inlineCode(text, lineStart, lineEnd)...)
		}
		if lineEnd == len(text) {
			break
		}
		lineStart = lineEnd + 1
	}
	if fence != "" {
		out = append(out, [2]int{fenceStart, len(text)})
	}
	return out
}

// inlineCode finds `code` spans on one line: a run of backticks closed by
// a run of the same length.
func inlineCode(text string, start, end int) [][2]int {
	var out [][2]int
	for i := start; i < end; {
		if text[i] != '`' {
			i++
			continue
		}
		n := 0
		for i+n < end && text[i+n] == '`' {
			n++
		}
		ticks := text[i : i+n]
		close := -1
		for j := i + n; j < end; {
			k := strings.Index(text[j:end], ticks)
			if k < 0 {
				break
			}
			m := j + k
			run := 0
			for m+run < end && text[m+run] == '`' {
				run++
			}
			if run == n {
				close = m
				break
			}
			j = m + run
		}
		if close < 0 {
			i += n
			continue
		}
		out = append(out, [2]int{i, close + n})
		i = close + n
	}
	return out
}
