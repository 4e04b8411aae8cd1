package document

import "testing"

func TestBuilderAndContent(t *testing.T) {
	var b Builder
	b.Add(Heading, 2, "  Café déjà vu 🙂 ", "")
	b.Add(Paragraph, 0, "", "") // ignored
	b.Add(Paragraph, 0, "Also Read: something else", Related)
	b.Add(Item, 1, "First point", "")
	d := b.Doc()
	if d.Text != "Café déjà vu 🙂\n\nAlso Read: something else\n\nFirst point" {
		t.Fatalf("text = %q", d.Text)
	}
	if !d.Valid() || len(d.Blocks) != 3 {
		t.Fatalf("blocks = %+v", d.Blocks)
	}
	// Offsets are code points: the emoji is one.
	if h := d.Blocks[0]; h.Start != 0 || h.End != 14 {
		t.Errorf("heading block = %+v", h)
	}
	if got := d.Content(); got != "Café déjà vu 🙂\n\nFirst point" {
		t.Errorf("content = %q", got)
	}
	if ContentOf("plain", nil) != "plain" {
		t.Error("no blocks: content is the whole text")
	}
	bad := Doc{Text: "abc", Blocks: []Block{{Start: 2, End: 5}}}
	if bad.Valid() {
		t.Error("a block past the end is valid")
	}
	if ContentOf(bad.Text, bad.Blocks) != "" {
		t.Error("an out-of-range block leaks into content")
	}
}
