package webanno

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Limits on what Parse reads.
const (
	// MaxBytes is the largest file Parse reads.
	MaxBytes = 256 << 20
	// MaxDepth is the deepest nesting of arrays and objects Parse accepts
	// in one annotation (a Web Annotation needs about 6).
	MaxDepth = 64
	// MaxOffset is the largest TextPositionSelector offset Parse accepts.
	MaxOffset = math.MaxInt32
)

// Annotation is one annotation read by Parse: the parts of the Web
// Annotation model Sourcebook uses, whichever tool wrote it.
type Annotation struct {
	// ID is the annotation's id as written; UUID is the UUID in it when it
	// is "urn:uuid:..." (Sourcebook's ids), else "".
	ID, UUID string
	// Motivation is the W3C motivation ("commenting", "highlighting",
	// "identifying", ...). For a Hypothesis annotation, which has none, it
	// is "commenting" when it has text, "replying" for a reply, else
	// "highlighting".
	Motivation string
	// Text is the annotation's comment: the body with purpose
	// "commenting" or "describing", or with no purpose; Format is its
	// format ("text/markdown"), "" when not given.
	Text, Format string
	// Bodies are all its textual bodies, in order.
	Bodies []Body
	// Tags are the values of the bodies with purpose "tagging" (and
	// Hypothesis's "tags").
	Tags []string
	// Speaker is the body with purpose "identifying" of a quote.
	Speaker string
	// Sourcebook's own data, when Sourcebook wrote the annotation: Kind is
	// "quote", "highlight" or "note"; the rest are a quote's. UUIDs are
	// bare, without "urn:uuid:".
	Kind, SpeakerUUID, QuoteKind, Status, Cue, GroupUUID, Title string
	Targets                                                     []Target
	// Created and Modified are as written (ISO 8601), "" when absent.
	Created, Modified string
}

// Body is one textual body of an annotation.
type Body struct {
	Value, Purpose, Format, Language string
}

// Target is one target of an annotation: a document and, when the
// annotation is about part of it, the part.
type Target struct {
	// Source is the document's IRI: a URL, or "urn:uuid:..." for a
	// Sourcebook source without one.
	Source string
	// SourceUUID is the Sourcebook source's UUID when known (from
	// Sourcebook's data, or from a urn:uuid source).
	SourceUUID string
	// Kind and UUID say what a Sourcebook target is: "passage", "quote"
	// (UUID the quote's), "source", "speaker" or "story". Empty for other
	// tools' annotations.
	Kind, UUID string
	// Exact, Prefix and Suffix are the TextQuoteSelector's; Exact is ""
	// when there is none.
	Exact, Prefix, Suffix string
	// Start and End are the TextPositionSelector's, -1 when there is none.
	Start, End int
}

// Parse reads Web Annotations: a JSON array of annotations, an
// AnnotationCollection with its first page embedded, an AnnotationPage, a
// single annotation, or Hypothesis's export ({"annotations": [...]}) or
// search result ({"rows": [...]}), whose annotations may be W3C or
// Hypothesis's own shape (uri, text, tags, target). Selectors other than
// TextQuoteSelector and TextPositionSelector, and bodies that are not
// text, are skipped.
//
// It returns an error, wrapped with "webanno: " and saying which
// annotation is wrong, for input that is not such a file: not JSON, over
// MaxBytes or MaxDepth, an annotation with no target, a selector whose
// fields have the wrong type, a negative, fractional or huge offset, or a
// start after the end.
func Parse(r io.Reader) ([]Annotation, error) { return parse(r, MaxBytes) }

func parse(r io.Reader, limit int64) ([]Annotation, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("webanno: cannot read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("webanno: the file is over %d bytes", limit)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("webanno: not JSON: %w", err)
	}
	var out []Annotation
	add := func(v any) error {
		if err := checkDepth(v, 0); err != nil {
			return fmt.Errorf("annotation %d: %w", len(out)+1, err)
		}
		a, err := annotation(v)
		if err != nil {
			return fmt.Errorf("annotation %d%s: %w", len(out)+1, idOf(v), err)
		}
		out = append(out, a)
		return nil
	}
	switch tok {
	case json.Delim('['):
		// An array streams: one annotation decoded at a time.
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("webanno: annotation %d: not JSON: %w", len(out)+1, err)
			}
			if err := add(v); err != nil {
				return nil, fmt.Errorf("webanno: %w", err)
			}
		}
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("webanno: not JSON: %w", err)
		}
	case json.Delim('{'):
		dec = json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v map[string]any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("webanno: not JSON: %w", err)
		}
		items, err := itemsOf(v)
		if err != nil {
			return nil, fmt.Errorf("webanno: %w", err)
		}
		for _, it := range items {
			if err := add(it); err != nil {
				return nil, fmt.Errorf("webanno: %w", err)
			}
		}
	default:
		return nil, errors.New("webanno: not an annotation file: neither a JSON array nor an object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("webanno: not JSON: something follows the annotations")
	}
	return out, nil
}

func checkDepth(v any, d int) error {
	if d > MaxDepth {
		return fmt.Errorf("nested deeper than %d levels", MaxDepth)
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if err := checkDepth(e, d+1); err != nil {
				return err
			}
		}
	case map[string]any:
		for _, e := range x {
			if err := checkDepth(e, d+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// idOf says " (id)" for error messages when v has a string id.
func idOf(v any) string {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["id"].(string); ok && id != "" && len(id) < 200 {
			return " (" + id + ")"
		}
	}
	return ""
}

// types returns the "type" (or "@type") of m, a string or a list.
func types(m map[string]any) []string {
	var out []string
	for _, k := range []string{"type", "@type"} {
		switch t := m[k].(type) {
		case string:
			out = append(out, t)
		case []any:
			for _, x := range t {
				if s, ok := x.(string); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

func hasType(m map[string]any, t string) bool {
	for _, x := range types(m) {
		if x == t || strings.HasSuffix(x, "#"+t) || x == "oa:"+t || x == "as:"+t {
			return true
		}
	}
	return false
}

// itemsOf finds the annotations in a top-level object.
func itemsOf(m map[string]any) ([]any, error) {
	list := func(key string, v any) ([]any, error) {
		l, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%q is not a list", key)
		}
		return l, nil
	}
	switch {
	case hasType(m, "AnnotationCollection") || hasType(m, "Collection"):
		if items, ok := m["items"]; ok {
			return list("items", items)
		}
		switch first := m["first"].(type) {
		case map[string]any:
			// Only the pages in the file can be read; a "next" link is
			// not followed.
			return list("first.items", first["items"])
		case string:
			return nil, errors.New("the collection's pages are not in the file (its first page is a link)")
		case nil:
			if n, ok := m["total"].(json.Number); ok && n.String() == "0" {
				return nil, nil
			}
			return nil, errors.New("a collection without a first page")
		default:
			return nil, errors.New(`"first" is neither a page nor a link`)
		}
	case hasType(m, "AnnotationPage") || hasType(m, "CollectionPage"):
		return list("items", m["items"])
	case m["annotations"] != nil:
		return list("annotations", m["annotations"])
	case m["rows"] != nil:
		return list("rows", m["rows"])
	case hasType(m, "Annotation") || m["target"] != nil:
		return []any{m}, nil
	}
	return nil, errors.New("not an annotation file: no annotations, items or target")
}

func str(m map[string]any, key string) (string, error) {
	switch v := m[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", fmt.Errorf("%s is not a string", key)
}

// annotation reads one annotation, W3C or Hypothesis-shaped.
func annotation(v any) (Annotation, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return Annotation{}, errors.New("not an object")
	}
	var a Annotation
	var err error
	for _, f := range []struct {
		key string
		dst *string
	}{{"id", &a.ID}, {"motivation", &a.Motivation}, {"created", &a.Created}, {"modified", &a.Modified}} {
		if *f.dst, err = str(m, f.key); err != nil {
			if f.key == "motivation" {
				// A list of motivations: take the first.
				if l, ok := m["motivation"].([]any); ok && len(l) > 0 {
					if s, ok := l[0].(string); ok {
						a.Motivation, err = s, nil
						continue
					}
				}
			}
			return a, err
		}
	}
	if u, ok := strings.CutPrefix(strings.ToLower(a.ID), "urn:uuid:"); ok {
		a.UUID = u
	}
	native := m["body"] == nil && m["bodyValue"] == nil && (m["uri"] != nil || m["text"] != nil || m["tags"] != nil)
	if native {
		if err := hypothesis(m, &a); err != nil {
			return a, err
		}
	} else if err := bodies(m, &a); err != nil {
		return a, err
	}
	if ext, ok := m["sourcebook"].(map[string]any); ok {
		a.Kind, _ = ext["kind"].(string)
		a.SpeakerUUID = bareUUID(ext["speaker"])
		a.QuoteKind, _ = ext["quoteKind"].(string)
		a.Status, _ = ext["status"].(string)
		a.Cue, _ = ext["cue"].(string)
		a.GroupUUID = bareUUID(ext["group"])
		a.Title, _ = ext["title"].(string)
	}
	tv, ok := m["target"]
	if !ok || tv == nil {
		if uri, _ := m["uri"].(string); native && uri != "" {
			tv = uri
		} else {
			return a, errors.New("no target")
		}
	}
	tl, ok := tv.([]any)
	if !ok {
		tl = []any{tv}
	}
	if len(tl) == 0 {
		return a, errors.New("no target")
	}
	for i, t := range tl {
		tg, err := target(t)
		if err != nil {
			return a, fmt.Errorf("target %d: %w", i+1, err)
		}
		if tg.Source == "" && native {
			tg.Source, _ = m["uri"].(string)
		}
		a.Targets = append(a.Targets, tg)
	}
	return a, nil
}

func bareUUID(v any) string {
	s, _ := v.(string)
	if u, ok := strings.CutPrefix(strings.ToLower(s), "urn:uuid:"); ok {
		return u
	}
	return ""
}

// hypothesis reads the fields of Hypothesis's own annotation shape.
func hypothesis(m map[string]any, a *Annotation) error {
	text, err := str(m, "text")
	if err != nil {
		return err
	}
	if a.Modified == "" {
		if a.Modified, err = str(m, "updated"); err != nil {
			return err
		}
	}
	switch tags := m["tags"].(type) {
	case nil:
	case []any:
		for _, t := range tags {
			s, ok := t.(string)
			if !ok {
				return errors.New("a tag is not a string")
			}
			a.Tags = append(a.Tags, s)
		}
	default:
		return errors.New("tags is not a list")
	}
	if text != "" {
		a.Text, a.Format = text, "text/markdown"
		a.Bodies = append(a.Bodies, Body{Value: text, Purpose: "commenting", Format: "text/markdown"})
	}
	if a.Motivation == "" {
		refs, _ := m["references"].([]any)
		switch {
		case len(refs) > 0:
			a.Motivation = "replying"
		case text != "":
			a.Motivation = "commenting"
		default:
			a.Motivation = "highlighting"
		}
	}
	return nil
}

// bodies reads a W3C annotation's bodies.
func bodies(m map[string]any, a *Annotation) error {
	if bv, ok := m["bodyValue"]; ok {
		s, ok := bv.(string)
		if !ok {
			return errors.New("bodyValue is not a string")
		}
		a.Bodies = append(a.Bodies, Body{Value: s})
	}
	var list []any
	switch b := m["body"].(type) {
	case nil:
	case []any:
		list = b
	default:
		list = []any{b}
	}
	for i := 0; i < len(list); i++ {
		switch b := list[i].(type) {
		case string:
			// An external resource (an IRI): not text.
		case map[string]any:
			if hasType(b, "Choice") || hasType(b, "List") || hasType(b, "Composite") {
				items, _ := b["items"].([]any)
				if len(list)+len(items) > 10000 {
					return errors.New("too many bodies")
				}
				list = append(list, items...)
				continue
			}
			val, ok := b["value"]
			if !ok {
				val, ok = b["chars"]
			}
			if !ok {
				continue // not a textual body
			}
			s, ok := val.(string)
			if !ok {
				return fmt.Errorf("body %d: value is not a string", i+1)
			}
			body := Body{Value: s}
			for _, f := range []struct {
				key string
				dst *string
			}{{"format", &body.Format}, {"language", &body.Language}, {"purpose", &body.Purpose}} {
				switch x := b[f.key].(type) {
				case string:
					*f.dst = x
				case []any:
					if len(x) > 0 {
						*f.dst, _ = x[0].(string)
					}
				}
			}
			a.Bodies = append(a.Bodies, body)
		default:
			return fmt.Errorf("body %d is neither an object nor an IRI", i+1)
		}
	}
	for _, b := range a.Bodies {
		switch b.Purpose {
		case "tagging":
			a.Tags = append(a.Tags, b.Value)
		case "identifying":
			if a.Speaker == "" {
				a.Speaker = b.Value
			}
		case "", "commenting", "describing", "replying", "editing", "questioning", "assessing":
			if a.Text == "" {
				a.Text, a.Format = b.Value, b.Format
			}
		}
	}
	return nil
}

// target reads one target: an IRI, or a specific resource with a source
// and selectors.
func target(v any) (Target, error) {
	t := Target{Start: -1, End: -1}
	switch x := v.(type) {
	case string:
		t.Source = x
	case map[string]any:
		switch s := x["source"].(type) {
		case string:
			t.Source = s
		case []any:
			// Hypothesis once wrote "source": [uri].
			if len(s) > 0 {
				t.Source, _ = s[0].(string)
			}
		case map[string]any:
			t.Source, _ = s["id"].(string)
		case nil:
			// An external resource as the target: {"id": iri, "type": "Text"}.
			t.Source, _ = x["id"].(string)
		default:
			return t, errors.New("source is not an IRI")
		}
		var sel []any
		switch s := x["selector"].(type) {
		case nil:
		case []any:
			sel = s
		case map[string]any:
			sel = []any{s}
		default:
			return t, errors.New("selector is neither an object nor a list")
		}
		for i, s := range sel {
			if err := selector(s, &t); err != nil {
				return t, fmt.Errorf("selector %d: %w", i+1, err)
			}
		}
		if ext, ok := x["sourcebook"].(map[string]any); ok {
			t.Kind, _ = ext["kind"].(string)
			t.UUID = bareUUID(ext["uuid"])
			t.SourceUUID = bareUUID(ext["source"])
		}
	default:
		return t, errors.New("neither an IRI nor an object")
	}
	if t.SourceUUID == "" && t.Kind != "speaker" && t.Kind != "story" {
		t.SourceUUID = bareUUID(t.Source)
	}
	return t, nil
}

// selector reads a TextQuoteSelector or TextPositionSelector into t; other
// selectors are skipped.
func selector(v any, t *Target) error {
	m, ok := v.(map[string]any)
	if !ok {
		return errors.New("not an object")
	}
	switch {
	case hasType(m, "TextQuoteSelector"):
		exact, ok := m["exact"].(string)
		if !ok {
			return errors.New("TextQuoteSelector: exact is missing or not a string")
		}
		var err error
		if t.Prefix, err = str(m, "prefix"); err != nil {
			return fmt.Errorf("TextQuoteSelector: %w", err)
		}
		if t.Suffix, err = str(m, "suffix"); err != nil {
			return fmt.Errorf("TextQuoteSelector: %w", err)
		}
		t.Exact = exact
	case hasType(m, "TextPositionSelector"):
		start, err := offset(m, "start")
		if err != nil {
			return err
		}
		end, err := offset(m, "end")
		if err != nil {
			return err
		}
		if start > end {
			return fmt.Errorf("TextPositionSelector: start %d is after end %d", start, end)
		}
		t.Start, t.End = start, end
	}
	return nil
}

func offset(m map[string]any, key string) (int, error) {
	var s string
	switch v := m[key].(type) {
	case json.Number:
		s = v.String()
	case nil:
		return 0, fmt.Errorf("TextPositionSelector: no %s", key)
	default:
		return 0, fmt.Errorf("TextPositionSelector: %s is not a number", key)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > MaxOffset {
		return 0, fmt.Errorf("TextPositionSelector: %s %.40s is not an offset (a whole number from 0 to %d)", key, s, MaxOffset)
	}
	return int(n), nil
}
