// Package webanno writes a notebook's quotes, highlights and notes as W3C
// Web Annotations (the Web Annotation Data Model, in JSON-LD) and reads such
// files back, both Sourcebook's and Hypothesis's.
//
// # The file
//
// [Write] writes a JSON array of annotations, each complete with its own
// "@context". A plain array is what most tools read: Hypothesis's JSON-LD
// API gives one such object per annotation, its server's import command
// and annotation libraries such as Annotorious and RecogitoJS take an
// array of them, and an array streams (an AnnotationCollection wants its
// total up front). [Parse] reads that, an AnnotationCollection with an
// embedded first page, an AnnotationPage, a single annotation, and
// Hypothesis's own formats (the client's export, {"annotations": [...]},
// and the API's search result, {"rows": [...]}).
//
// # What becomes an annotation
//
// A quote is an annotation with motivation "identifying": it identifies
// its words as an utterance and who uttered it. Its bodies are the speaker
// (a TextualBody with purpose "identifying"), the kind of quote (purpose
// "classifying": "direct quote", "partial quote", "block quote", "scare
// quote") and its tags (purpose "tagging").
//
// A note is an annotation of everything it is attached to (one target
// each): a highlighted passage, a quote (the quote's selectors), a source,
// a speaker or a story (its urn:uuid). A note with text has motivation
// "commenting" and its Markdown as a TextualBody (format text/markdown); an
// empty note on passages is a plain highlight ("highlighting"), an empty
// note on anything else a "bookmarking". A note attached to nothing, or
// only to things deleted since, is not an annotation and is left out
// (the vault and CSV exports have it).
//
// # Targets
//
// A target's "source" is the source's URL when it has an http(s) one,
// else "urn:uuid:" and the source's UUID. Its selectors are a
// TextQuoteSelector (exact, and up to 32 characters of prefix and suffix)
// and a TextPositionSelector whose start and end count Unicode code points
// into the text Sourcebook extracted and stored, not the web page's DOM
// text that Hypothesis counts (in UTF-16 units): another tool should place
// an annotation by its TextQuoteSelector and use the positions only as a
// hint, as Hypothesis itself does.
//
// # Sourcebook's own data
//
// What the model has no word for (the source's UUID when the target is a
// URL, a quote's status, cue and group, the speaker's UUID) is under the
// key "sourcebook" of an annotation and of each target, a JSON literal
// (JSON-LD 1.1 "@type": "@json") in the term
// https://sourcebook.invalid/ns#data. The ".invalid" domain is reserved
// (RFC 2606), so the term can never resolve to someone else's server; no
// processor needs to fetch it. Ids are "urn:uuid:" and the UUID of the
// quote or note.
package webanno
