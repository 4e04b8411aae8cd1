// Package textextract finds the structure, the boilerplate and the metadata
// in plain text and Markdown, such as an article copied from a browser.
//
// Text copied from a web page keeps the page's junk as plain lines: the
// outlet and the headline, a category label, the byline and dates, "Also
// Read" links, share and newsletter boxes, "Dark / Light" toggles. [Text] and
// [Markdown] find it and mark it, with a reason, on the blocks of a
// [document.Doc]; they never remove anything, so the user can restore a line
// and quotes stay anchored to what was pasted.
//
// # Offsets
//
// Doc.Text is exactly the input, and every Block is a half-open range
// [Start, End) of Unicode code points (not bytes) into it, as the rest of
// the notebook counts. A block never contains "\n\n". What lies between two
// blocks is line breaks, indentation and markup: a list item's block starts
// after its bullet ("• ", "- ", "1. "), a quote's after its "> ", a Markdown
// heading's after its "# ".
//
// # How boilerplate is found
//
// Three kinds of evidence, combined:
//   - vocabulary: whole lines that are a known label ("Dark", "Menu",
//     "Highlights", "Advertisement", "none"), lines that start with one
//     ("Also Read:", "Disclaimer -", "Tags:") and phrases that give a line
//     away ("in the comments below", "by subscribing", "all rights
//     reserved"), the longer the line the stricter;
//   - form: bylines, lines that are only a date, the headline repeated, an
//     outlet-and-headline line (TechDogs-"Headline"), image alt text;
//   - position: the short lines before the first paragraph of prose are
//     navigation or metadata, and the run of lines after the last paragraph
//     of prose is read with a wider vocabulary (house promotion, "follow
//     us") and takes in short fragments too.
//
// A long paragraph of prose is marked only by a phrase that no article
// sentence uses ("Disclaimer -" at its start, "by subscribing to our
// newsletter"); on the news texts in testdata none is.
package textextract
