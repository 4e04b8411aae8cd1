package webanno

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"sourcebook/internal/export"
)

// AnnoContext is the W3C Web Annotation JSON-LD context.
const AnnoContext = "http://www.w3.org/ns/anno.jsonld"

// Term is the IRI of the "sourcebook" key that holds Sourcebook's own
// data (see the package comment).
const Term = "https://sourcebook.invalid/ns#data"

var context2 = []any{AnnoContext, map[string]any{
	"@version":   1.1,
	"sourcebook": map[string]string{"@id": Term, "@type": "@json"},
}}

type annoOut struct {
	Context    any         `json:"@context"`
	ID         string      `json:"id"`
	Type       string      `json:"type"`
	Motivation string      `json:"motivation"`
	Created    string      `json:"created,omitempty"`
	Modified   string      `json:"modified,omitempty"`
	Body       []bodyOut   `json:"body,omitempty"`
	Target     []targetOut `json:"target"`
	Sourcebook *annoExtOut `json:"sourcebook,omitempty"`
}

type bodyOut struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Format   string `json:"format,omitempty"`
	Language string `json:"language,omitempty"`
	Purpose  string `json:"purpose,omitempty"`
}

type targetOut struct {
	Source     string     `json:"source"`
	Selector   []any      `json:"selector,omitempty"`
	Sourcebook *targetExt `json:"sourcebook,omitempty"`
}

type quoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

type positionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// annoExtOut is Sourcebook's data about an annotation.
type annoExtOut struct {
	Kind      string `json:"kind"`                // quote, highlight or note
	Speaker   string `json:"speaker,omitempty"`   // urn:uuid of the speaker
	QuoteKind string `json:"quoteKind,omitempty"` // direct, partial, block, scare
	Status    string `json:"status,omitempty"`    // suggested or confirmed
	Cue       string `json:"cue,omitempty"`
	Group     string `json:"group,omitempty"` // urn:uuid shared by every occurrence of an utterance
	Title     string `json:"title,omitempty"` // a note's title
}

// targetExt is Sourcebook's data about a target.
type targetExt struct {
	Kind   string `json:"kind"`             // passage, quote, source, speaker or story
	UUID   string `json:"uuid,omitempty"`   // urn:uuid of the quote, speaker, story (or source)
	Source string `json:"source,omitempty"` // urn:uuid of the source, for passages and quotes
}

func urn(uuid string) string {
	if uuid == "" {
		return ""
	}
	return "urn:uuid:" + uuid
}

// sourceIRI is what a target's "source" is for s.
func sourceIRI(rawURL, uuid string) string {
	u := strings.TrimSpace(rawURL)
	if p, err := url.Parse(u); err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" {
		return u
	}
	return urn(uuid)
}

func selectors(exact, prefix, suffix string, start, end int) []any {
	var out []any
	if exact != "" {
		out = append(out, quoteSelector{Type: "TextQuoteSelector", Exact: exact, Prefix: prefix, Suffix: suffix})
	}
	if start >= 0 && start <= end && (start > 0 || end > 0) {
		out = append(out, positionSelector{Type: "TextPositionSelector", Start: start, End: end})
	}
	return out
}

var quoteKinds = map[string]string{"direct": "direct quote", "partial": "partial quote", "block": "block quote", "scare": "scare quote"}

func tagBodies(tags []string) []bodyOut {
	var out []bodyOut
	for _, t := range tags {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, bodyOut{Type: "TextualBody", Value: t, Purpose: "tagging"})
		}
	}
	return out
}

// Write writes the notebook's quotes, highlights and notes to w as a JSON
// array of W3C Web Annotations (see the package comment for what becomes
// what). Quotes are written as the sources stream by; notes, which may
// point into several sources, at the end. It stops at ctx's cancellation;
// what it wrote until then is not a complete file, so the caller writes to
// a temporary file and renames it. progress, if not nil, is called after
// each source. Errors are wrapped with "webanno: ".
func Write(ctx context.Context, nb export.Notebook, w io.Writer, progress export.Progress) error {
	notes, err := nb.Notes(ctx)
	if err != nil {
		return fmt.Errorf("webanno: cannot read notes: %w", err)
	}
	total, err := nb.SourceCount(ctx)
	if err != nil {
		return fmt.Errorf("webanno: cannot count sources: %w", err)
	}
	type ref struct{ note, att int }
	targets := make([][]*targetOut, len(notes))
	bySource, byQuote := map[string][]ref{}, map[string][]ref{}
	for i, n := range notes {
		targets[i] = make([]*targetOut, len(n.Attached))
		for j, a := range n.Attached {
			if a.TargetUUID == "" {
				continue
			}
			switch a.Kind {
			case "passage", "source":
				bySource[a.TargetUUID] = append(bySource[a.TargetUUID], ref{i, j})
			case "quote":
				byQuote[a.TargetUUID] = append(byQuote[a.TargetUUID], ref{i, j})
			case "speaker", "story":
				targets[i][j] = &targetOut{Source: urn(a.TargetUUID), Sourcebook: &targetExt{Kind: a.Kind, UUID: urn(a.TargetUUID)}}
			}
		}
	}

	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	put := func(a annoOut) error {
		item.Reset()
		if err := enc.Encode(a); err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		_, err := bw.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
		n++
		return err
	}
	bw.WriteString("[")
	done := 0
	err = nb.EachSource(ctx, func(s export.Source) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		iri := sourceIRI(s.URL, s.UUID)
		for _, q := range s.Quotes {
			sel := selectors(q.Text, q.Prefix, q.Suffix, q.Start, q.End)
			t := targetOut{Source: iri, Selector: sel, Sourcebook: &targetExt{Kind: "quote", UUID: urn(q.UUID), Source: urn(s.UUID)}}
			for _, r := range byQuote[q.UUID] {
				tt := t
				targets[r.note][r.att] = &tt
			}
			a := annoOut{Context: context2, ID: urn(q.UUID), Type: "Annotation", Motivation: "identifying",
				Created: q.CreatedAt, Modified: q.ModifiedAt, Target: []targetOut{t},
				Sourcebook: &annoExtOut{Kind: "quote", Speaker: urn(q.SpeakerUUID), QuoteKind: q.Kind, Status: q.Status, Cue: q.Cue, Group: urn(q.GroupUUID)}}
			if name := strings.TrimSpace(q.SpeakerName); name != "" {
				a.Body = append(a.Body, bodyOut{Type: "TextualBody", Value: name, Purpose: "identifying"})
			}
			if k, ok := quoteKinds[q.Kind]; ok {
				a.Body = append(a.Body, bodyOut{Type: "TextualBody", Value: k, Purpose: "classifying"})
			}
			a.Body = append(a.Body, tagBodies(q.Tags)...)
			if err := put(a); err != nil {
				return err
			}
		}
		for _, r := range bySource[s.UUID] {
			at := notes[r.note].Attached[r.att]
			t := &targetOut{Source: iri, Sourcebook: &targetExt{Kind: at.Kind, UUID: urn(s.UUID), Source: urn(s.UUID)}}
			if at.Kind == "passage" {
				t.Selector = selectors(at.Exact, at.Prefix, at.Suffix, at.Start, at.End)
				t.Sourcebook.UUID = ""
			}
			targets[r.note][r.att] = t
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
	if err != nil {
		return fmt.Errorf("webanno: %w", err)
	}
	for i, note := range notes {
		var ts []targetOut
		passages := true
		for _, t := range targets[i] {
			if t != nil {
				ts = append(ts, *t)
				passages = passages && t.Sourcebook.Kind == "passage"
			}
		}
		if len(ts) == 0 {
			continue
		}
		a := annoOut{Context: context2, ID: urn(note.UUID), Type: "Annotation", Created: note.CreatedAt, Modified: note.ModifiedAt,
			Target: ts, Sourcebook: &annoExtOut{Kind: "note", Title: note.Title}}
		switch {
		case strings.TrimSpace(note.Body) != "":
			a.Motivation = "commenting"
			a.Body = []bodyOut{{Type: "TextualBody", Value: note.Body, Format: "text/markdown", Purpose: "commenting"}}
		case passages:
			a.Motivation = "highlighting"
			a.Sourcebook.Kind = "highlight"
		default:
			a.Motivation = "bookmarking"
		}
		a.Body = append(a.Body, tagBodies(note.Tags)...)
		if err := put(a); err != nil {
			return fmt.Errorf("webanno: %w", err)
		}
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("webanno: %w", err)
	}
	return nil
}
