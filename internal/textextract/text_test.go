package textextract_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"sourcebook/internal/document"
	"sourcebook/internal/textextract"
)

// summary renders each block as "kind reason: text", with "-" for content
// and the level after the kind when there is one.
func summary(doc document.Doc) []string {
	runes := []rune(doc.Text)
	var out []string
	for _, bl := range doc.Blocks {
		kind := bl.Kind
		if bl.Level > 0 {
			kind = fmt.Sprintf("%s%d", kind, bl.Level)
		}
		reason := bl.Boilerplate
		if reason == "" {
			reason = "-"
		}
		out = append(out, fmt.Sprintf("%s %s: %s", kind, reason, string(runes[bl.Start:bl.End])))
	}
	return out
}

func TestText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
		meta document.Meta
	}{
		{
			name: "junk at both ends",
			in: `Home > World > Europe
Menu
Search

Storm Ciarán Batters Western Europe With Record Winds

By Anna Smith and John O'Brien | Reuters
Published 2 November 2023, 09:15 GMT
Share on Facebook

Storm Ciarán hit the coasts of France and England overnight, bringing winds of up to 200 km/h and leaving more than a million homes without power.

Officials said at least seven people had died.

Advertisement

"We have never seen anything like it," said a local mayor, who asked not to be named because he was not authorised to speak.

Related Articles
Floods in Italy leave thousands homeless
How storms get their names

We use cookies to improve your experience. By using this site you accept our cookie policy.
Accept all
© 2023 Reuters. All rights reserved.
null`,
			want: []string{
				"paragraph navigation: Home > World > Europe",
				"paragraph widget: Menu",
				"paragraph widget: Search",
				"paragraph metadata: Storm Ciarán Batters Western Europe With Record Winds",
				"paragraph metadata: By Anna Smith and John O'Brien | Reuters",
				"paragraph metadata: Published 2 November 2023, 09:15 GMT",
				"paragraph share: Share on Facebook",
				"paragraph -: Storm Ciarán hit the coasts of France and England overnight, bringing winds of up to 200 km/h and leaving more than a million homes without power.",
				"paragraph -: Officials said at least seven people had died.",
				"paragraph promo: Advertisement",
				`paragraph -: "We have never seen anything like it," said a local mayor, who asked not to be named because he was not authorised to speak.`,
				"paragraph related: Related Articles",
				"paragraph related: Floods in Italy leave thousands homeless",
				"paragraph related: How storms get their names",
				"paragraph cookie: We use cookies to improve your experience. By using this site you accept our cookie policy.",
				"paragraph cookie: Accept all",
				"paragraph promo: © 2023 Reuters. All rights reserved.",
				"paragraph widget: null",
			},
			meta: document.Meta{
				Title:     "Storm Ciarán Batters Western Europe With Record Winds",
				Authors:   []string{"Anna Smith", "John O'Brien"},
				Published: "2023-11-02T09:15:00Z",
				Kind:      "article",
			},
		},
		{
			name: "lists, quotes and headings",
			in: `The court ruled on Tuesday that the law was unconstitutional, ending a two-year fight over the measure.

What Happens Next

The state has said it will study the ruling before deciding what to do.
1. The law is struck down.
2) The state may appeal.
  • within 30 days
  • to the supreme court
3. Nobody knows.
> "This is a victory," the plaintiff said.
>> nested`,
			want: []string{
				"paragraph -: The court ruled on Tuesday that the law was unconstitutional, ending a two-year fight over the measure.",
				"heading2 -: What Happens Next",
				"paragraph -: The state has said it will study the ruling before deciding what to do.",
				"item1 -: The law is struck down.",
				"item1 -: The state may appeal.",
				"item2 -: within 30 days",
				"item2 -: to the supreme court",
				"item1 -: Nobody knows.",
				`quote -: "This is a victory," the plaintiff said.`,
				"quote2 -: nested",
			},
			meta: document.Meta{Kind: "article"},
		},
		{
			name: "embedded post with a date",
			in: `The minister answered on X within the hour, and her post was shared thousands of times.

We will publish the full report next week, as promised. pic.twitter.com/abc

— Jane Doe (@janedoe) April 3, 2024

She did not answer questions from reporters on Wednesday about the timing.`,
			want: []string{
				"paragraph -: The minister answered on X within the hour, and her post was shared thousands of times.",
				"quote -: We will publish the full report next week, as promised. pic.twitter.com/abc",
				"quote -: — Jane Doe (@janedoe) April 3, 2024",
				"paragraph -: She did not answer questions from reporters on Wednesday about the timing.",
			},
			meta: document.Meta{Kind: "article"},
		},
		{
			name: "no prose: position says nothing",
			in:   "milk\neggs\nTwo Loaves Of Bread\n- butter",
			want: []string{
				"paragraph -: milk",
				"paragraph -: eggs",
				"heading2 -: Two Loaves Of Bread", // Title Case before a list
				"item1 -: butter",
			},
			meta: document.Meta{Kind: "article"},
		},
		{
			name: "artifacts, share row, reading time",
			in: `Facebook Twitter LinkedIn Email
5 min read

A paragraph of an article that is long enough to count as prose, with a full stop.
none
undefined
[object Object]
Tags: politics, elections
12 comments`,
			want: []string{
				"paragraph share: Facebook Twitter LinkedIn Email",
				"paragraph metadata: 5 min read",
				"paragraph -: A paragraph of an article that is long enough to count as prose, with a full stop.",
				"paragraph widget: none",
				"paragraph widget: undefined",
				"paragraph widget: [object Object]",
				"paragraph navigation: Tags: politics, elections",
				"paragraph widget: 12 comments",
			},
			meta: document.Meta{Kind: "article"},
		},
		{
			name: "byline run together, several authors, url first",
			in: `https://example.com/news/2024/04/03/story

Court Orders Release Of Documents In Privacy Case

By Maria García, Li Wei and Tom Hardy-Jones Updated: April 4, 2024 8:00 AM EDT

The documents, filed under seal last year, describe how the company shared data with partners.`,
			want: []string{
				"paragraph metadata: https://example.com/news/2024/04/03/story",
				"paragraph metadata: Court Orders Release Of Documents In Privacy Case",
				"paragraph metadata: By Maria García, Li Wei and Tom Hardy-Jones Updated: April 4, 2024 8:00 AM EDT",
				"paragraph -: The documents, filed under seal last year, describe how the company shared data with partners.",
			},
			meta: document.Meta{
				Title:   "Court Orders Release Of Documents In Privacy Case",
				Authors: []string{"Maria García", "Li Wei", "Tom Hardy-Jones"},
				Updated: "2024-04-04T08:00:00-04:00",
				URL:     "https://example.com/news/2024/04/03/story",
				Kind:    "article",
			},
		},
		{
			name: "sentences that look like junk stay",
			in: `Subscribers to the service said they would cancel if prices rose again this year, the survey found.

By March, the company had lost a third of its value and its chief executive had resigned.

Share prices fell 4% in early trading on Thursday after the announcement.

The company declined to comment.`,
			want: []string{
				"paragraph -: Subscribers to the service said they would cancel if prices rose again this year, the survey found.",
				"paragraph -: By March, the company had lost a third of its value and its chief executive had resigned.",
				"paragraph -: Share prices fell 4% in early trading on Thursday after the announcement.",
				"paragraph -: The company declined to comment.",
			},
			meta: document.Meta{Kind: "article"},
		},
		{
			name: "empty",
			in:   "",
			want: nil,
			meta: document.Meta{Kind: "article"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := textextract.Text(tt.in)
			checkDoc(t, tt.in, doc)
			if got := summary(doc); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !reflect.DeepEqual(doc.Meta, tt.meta) {
				t.Errorf("Meta = %+v\nwant %+v", doc.Meta, tt.meta)
			}
		})
	}
}

// TestTextOffsets checks that offsets count code points, and that a block
// starts after its bullet and indentation.
func TestTextOffsets(t *testing.T) {
	in := "Über café\n\n  • naïve 東京\n\n> «quoted»"
	doc := textextract.Text(in)
	checkDoc(t, in, doc)
	want := []document.Block{
		{Kind: document.Paragraph, Start: 0, End: 9},
		{Kind: document.Item, Level: 1, Start: 15, End: 23},
		{Kind: document.Quote, Start: 27, End: 35},
	}
	if !reflect.DeepEqual(doc.Blocks, want) {
		t.Errorf("Blocks = %+v\nwant %+v", doc.Blocks, want)
	}
}

// TestOutletTitle checks when a first line Outlet-"Title" gives the outlet.
func TestOutletTitle(t *testing.T) {
	body := "\n\nThe president spoke for twenty minutes at the rally and took no questions from reporters afterwards."
	tests := []struct {
		first, outlet, title string
	}{
		{`TechDogs-"Meta Accused Of Allowing Netflix"`, "TechDogs", "Meta Accused Of Allowing Netflix"},
		{`The Verge – “Apple Delays Its Glasses”`, "", "The Verge – “Apple Delays Its Glasses”"},
		{`Biden - "We Will Not Back Down"`, "", `Biden - "We Will Not Back Down"`},
		{`Biden: "We Will Not Back Down"`, "", `Biden: "We Will Not Back Down"`},
	}
	for _, tt := range tests {
		doc := textextract.Text(tt.first + body)
		if doc.Meta.Outlet != tt.outlet || doc.Meta.Title != tt.title {
			t.Errorf("%s: outlet %q, title %q; want %q, %q", tt.first, doc.Meta.Outlet, doc.Meta.Title, tt.outlet, tt.title)
		}
	}
	// A spaced form is believed when the headline is repeated.
	doc := textextract.Text("The Verge – “Apple Delays Its Glasses”\n\nApple Delays Its Glasses" + body)
	if doc.Meta.Outlet != "The Verge" || doc.Meta.Title != "Apple Delays Its Glasses" {
		t.Errorf("repeated: outlet %q, title %q", doc.Meta.Outlet, doc.Meta.Title)
	}
}

func TestTextRelatedLabels(t *testing.T) {
	in := `The storm moved north overnight and is expected to reach the coast by Friday morning, forecasters said.

Also on HuffPost:
Ten photos of the storm
What to pack for an evacuation`
	want := []string{
		"paragraph -: The storm moved north overnight and is expected to reach the coast by Friday morning, forecasters said.",
		"paragraph related: Also on HuffPost:",
		"paragraph related: Ten photos of the storm",
		"paragraph related: What to pack for an evacuation",
	}
	if got := summary(textextract.Text(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n%s", strings.Join(got, "\n"))
	}
}
