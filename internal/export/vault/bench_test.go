package vault

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"sourcebook/internal/export"
)

// benchNotebook makes n sources of about 800 words in 20 paragraphs, each
// with 10 quotes by 50 speakers, a story per 100 sources and a highlight
// note per 10. The words come from a fixed vocabulary with punctuation and
// a few characters that need escaping, as news text has.
func benchNotebook(n int) *export.Static {
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields("the a Meta Netflix said private messages court filing lawsuit “quoted” data $100M users’ Facebook 2024 agreement access inbox report weeks (e.g. recommendation) #hashtag under_score <b> 50% C++ Zoë Ångström café")
	nb := &export.Static{}
	for i := 0; i < 50; i++ {
		nb.SpeakerList = append(nb.SpeakerList, export.Speaker{UUID: id(4, i), Name: fmt.Sprintf("Speaker %d", i), Aliases: []string{fmt.Sprintf("S%d", i)}})
	}
	for i := 0; i < n/100+1; i++ {
		nb.StoryList = append(nb.StoryList, export.Story{UUID: id(1, i), Title: fmt.Sprintf("Story %d", i)})
	}
	for i := 0; i < n; i++ {
		var text strings.Builder
		var blocks []export.Block
		for p := 0; p < 20; p++ {
			if p > 0 {
				text.WriteString("\n\n")
			}
			start := utf8.RuneCountInString(text.String())
			for w := 0; w < 40; w++ {
				if w > 0 {
					text.WriteByte(' ')
				}
				text.WriteString(vocab[rng.Intn(len(vocab))])
			}
			text.WriteByte('.')
			kind := "paragraph"
			if p == 3 {
				kind = "heading"
			}
			blocks = append(blocks, export.Block{Kind: kind, Level: 2, Start: start, End: utf8.RuneCountInString(text.String())})
		}
		s := export.Source{UUID: id(2, i), ID: int64(i), Title: fmt.Sprintf("Source number %d about Meta and Netflix", i%5000), Outlet: "Outlet", URL: fmt.Sprintf("https://example.com/%d", i),
			Authors: []string{"Roshni Tamta"}, Published: "2024-04-03", Kind: "article", Lang: "en", Text: text.String(), Blocks: blocks, Words: 800,
			Stories: []string{id(1, i/100)}, Tags: []string{"privacy"}}
		runes := []rune(s.Text)
		for q := 0; q < 10; q++ {
			b := blocks[q*2]
			start := b.Start + 10
			end := start + 60
			s.Quotes = append(s.Quotes, export.Quote{UUID: id(3, i*10+q), SourceUUID: s.UUID, SpeakerUUID: id(4, (i+q)%50), SpeakerName: "Speaker",
				Text: string(runes[start:end]), Start: start, End: end, Kind: "direct", Status: "confirmed", GroupUUID: id(6, (i*10+q)%(n*7+1))})
		}
		nb.SourceList = append(nb.SourceList, s)
		nb.StoryList[i/100].Sources = append(nb.StoryList[i/100].Sources, s.UUID)
		if i%10 == 0 {
			b := blocks[5]
			nb.NoteList = append(nb.NoteList, export.Note{UUID: id(5, i), Title: fmt.Sprintf("Note %d", i), Body: fmt.Sprintf("Note %d about [[quote:%d|this]]", i, i*10),
				Attached: []export.Attachment{{Kind: "passage", TargetUUID: s.UUID, Start: b.Start, End: b.Start + 30}},
				Refs:     []export.Ref{{Target: fmt.Sprintf("quote:%d", i*10), Kind: "quote", TargetUUID: id(3, i*10)}}})
		}
	}
	return nb
}

// BenchmarkVault writes a vault of 1,000 sources of 800 words and reports
// the time per source: multiply by 100,000 for the target
// (60 s, so at most 600 µs a source). go test -run '^$' -bench Vault ./internal/export/vault
func BenchmarkVault(b *testing.B) {
	const n = 1000
	nb := benchNotebook(n)
	parent := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(parent, fmt.Sprint(i))
		if err := Write(context.Background(), nb, dir, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/source")
}

func TestBenchNotebookLinks(t *testing.T) {
	files := readVault(t, exportVault(t, benchNotebook(30)))
	checkLinks(t, files)
}
