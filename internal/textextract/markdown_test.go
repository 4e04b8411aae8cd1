package textextract_test

import (
	"reflect"
	"strings"
	"testing"

	"sourcebook/internal/document"
	"sourcebook/internal/textextract"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
		meta document.Meta
	}{
		{
			name: "front matter and structure",
			in: `---
title: "Meta Accused Of Allowing Netflix"
authors:
  - Lakshana Raichandani
  - 'Jane O''Neil'

date: 2024-04-04
updated: Thu, Apr 4, 2024 10:00 GMT
canonical_url: https://www.techdogs.com/x # where it was first published
tags: [privacy, meta]
nested:
  title: not this one
---

# Meta Accused Of Allowing Netflix

Home > News > Tech

In this age of digitalization, social media has become the new **hangout spot**, and
this paragraph runs over two lines with a [link](https://example.com).

## What Is Meta Accused Of? ##

- First item, long enough to be an item of the list
  and continued on a second line
- Second item
  1. nested one
  2) nested two

> A quote line
> > a nested one

` + "```go\nfunc main() {\n\n}\n```" + `

Setext heading
==============

Another one
---

![An image of the screenshot](x.png)

Also Read: [Something else entirely](https://example.com/else)

* * *

Share this article

Join our newsletter`,
			want: []string{
				"pre metadata: ---\ntitle: \"Meta Accused Of Allowing Netflix\"\nauthors:\n  - Lakshana Raichandani\n  - 'Jane O''Neil'",
				"pre metadata: date: 2024-04-04\nupdated: Thu, Apr 4, 2024 10:00 GMT\ncanonical_url: https://www.techdogs.com/x # where it was first published\ntags: [privacy, meta]\nnested:\n  title: not this one\n---",
				"heading1 metadata: Meta Accused Of Allowing Netflix",
				"paragraph navigation: Home > News > Tech",
				"paragraph -: In this age of digitalization, social media has become the new **hangout spot**, and\nthis paragraph runs over two lines with a [link](https://example.com).",
				"heading2 -: What Is Meta Accused Of?",
				"item1 -: First item, long enough to be an item of the list\n  and continued on a second line",
				"item1 -: Second item",
				"item2 -: nested one",
				"item2 -: nested two",
				"quote -: A quote line",
				"quote2 -: a nested one",
				"pre -: func main() {",
				"pre -: }",
				"heading1 -: Setext heading",
				"heading2 -: Another one",
				"caption other: ![An image of the screenshot](x.png)",
				"paragraph related: Also Read: [Something else entirely](https://example.com/else)",
				"paragraph share: Share this article",
				"paragraph newsletter: Join our newsletter",
			},
			meta: document.Meta{
				Title:     "Meta Accused Of Allowing Netflix",
				Authors:   []string{"Lakshana Raichandani", "Jane O'Neil"},
				Published: "2024-04-04",
				Updated:   "2024-04-04T10:00:00Z",
				URL:       "https://www.techdogs.com/x",
				Kind:      "article",
			},
		},
		{
			name: "no front matter: title from the heading, byline from the text",
			in: `# Court Orders Release Of Documents

*By Maria García and Li Wei*

Published April 3, 2024

The documents, filed under seal last year, describe how the company shared data with partners.`,
			want: []string{
				"heading1 metadata: Court Orders Release Of Documents",
				"paragraph metadata: *By Maria García and Li Wei*",
				"paragraph metadata: Published April 3, 2024",
				"paragraph -: The documents, filed under seal last year, describe how the company shared data with partners.",
			},
			meta: document.Meta{
				Title:     "Court Orders Release Of Documents",
				Authors:   []string{"Maria García", "Li Wei"},
				Published: "2024-04-03",
				Kind:      "article",
			},
		},
		{
			name: "a front matter that never closes is a rule and text",
			in:   "---\ntitle: x\n\nSome text that goes on for a while and ends as a sentence does.",
			want: []string{
				"paragraph navigation: title: x", // a short line before the body
				"paragraph -: Some text that goes on for a while and ends as a sentence does.",
			},
			meta: document.Meta{Kind: "article"},
		},
		{
			name: "author string, dots close the front matter, unclosed fence",
			in:   "---\nauthor: A. Writer & B. Writer\ndate: 3 April 2024\n...\n```\ncode to the end\n\nmore code",
			want: []string{
				"pre metadata: ---\nauthor: A. Writer & B. Writer\ndate: 3 April 2024\n...",
				"pre -: code to the end",
				"pre -: more code",
			},
			meta: document.Meta{
				Authors:   []string{"A. Writer", "B. Writer"},
				Published: "2024-04-03",
				Kind:      "article",
			},
		},
		{
			name: "empty heading and lone markers",
			in:   "#\n\n-\n\n>\n\n######   \n\n# Title ###",
			want: []string{
				"heading1 -: Title",
			},
			meta: document.Meta{Title: "", Kind: "article"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := textextract.Markdown(tt.in)
			checkDoc(t, tt.in, doc)
			if doc.Extractor != "markdown" {
				t.Errorf("Extractor = %q", doc.Extractor)
			}
			if got := summary(doc); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks:\n%q\nwant:\n%q", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !reflect.DeepEqual(doc.Meta, tt.meta) {
				t.Errorf("Meta = %+v\nwant %+v", doc.Meta, tt.meta)
			}
		})
	}
}
