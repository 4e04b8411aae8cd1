// Package anchor places a passage (a quote, a highlight) in a text and finds
// it again after the text changes.
//
// A passage is remembered as a [Selector]: its position and its exact words
// with a little context either side, the two halves of the W3C Web
// Annotation TextPositionSelector and TextQuoteSelector. All offsets are
// Unicode code points (not bytes, not UTF-16 units), half-open [Start, End).
// Invalid UTF-8 counts as one U+FFFD per bad byte, as []rune does.
//
// When a source is re-extracted or edited, [Find] (or [FindAll] for many
// selectors at once) re-anchors in three steps, stopping at the first that
// succeeds:
//
//  1. position: the old offsets still hold the exact words.
//  2. exact: the exact words occur elsewhere. Every occurrence (the 256
//     nearest the old Start, for a very common passage) is scored by how
//     well its surroundings match Prefix and Suffix and by its distance from
//     the old Start; the best wins. When several have equally good context,
//     the one nearest the old Start wins, then the earlier one. An exact
//     occurrence is always accepted: the words are right, and Match.Score
//     says how sure the context is (a caller may flag low scores).
//  3. approximate: the words were edited. Bit-parallel approximate string
//     matching (Myers 1999, with the multi-word block variant and Ukkonen's
//     cut-off, as Hypothesis does) finds every end position whose edit
//     distance to the quote is at most k = MaxErrorRate × its length; a
//     reversed pattern run backwards, anchored at the end, recovers the
//     start. Where an edit touches an end of the quote, edit distance alone
//     cannot place the boundary (dropping the last word costs the same as
//     swapping it for the next word of the text), so each boundary is chosen
//     to minimise the edits to the quote plus the edits to the adjacent
//     context (Prefix or Suffix), as if quote and context were one pattern.
//     Candidates are scored like Hypothesis' match-quote.js: quote similarity
//     (1 - edits/length) × 50, prefix and suffix similarity × 20 each,
//     closeness to the old Start × 2, divided by 92 (an empty Prefix, kept
//     for a passage that began the text, counts fully at the start of the
//     text and half elsewhere; likewise an empty Suffix at the end, so a
//     look-alike elsewhere gets no free context). The best is accepted
//     only when its score reaches MinScore and it carries the same numbers
//     as the quote (a changed figure is a different statement, not an
//     edit); otherwise the selector is an orphan and Find reports false
//     rather than guess.
//
// # Bounded work
//
// Quotes up to 256 code points are searched over the whole text, except
// that [FindAll] first narrows the search with a q-gram index (q = 4): by
// the q-gram lemma an occurrence with k edits keeps m-3-4k of the quote's
// 4-grams near their diagonal, so only the few places that do are scanned.
// The filter is lossless; it cannot help quotes of about 15 code points or
// fewer, which are scanned in full (one 64-bit word per code point of text).
//
// Longer quotes are located first: exact 16-code-point pieces of the quote
// (at most 128) vote for a start, and only the 3 windows with most votes are
// scanned, with at most 3 candidates recovered each, so a quote of thousands
// of words costs O(m²/64) bit operations, not O(m·n). A long quote with no
// intact 16-code-point piece is an orphan. Quotes longer than 32,768 code
// points are matched by position and exactly only.
package anchor
