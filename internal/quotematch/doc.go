// Package quotematch finds the same utterance across sources.
//
// A quote reaches a notebook many times: copied verbatim, with other quote
// marks or spelling, truncated, split around its attribution
// ("…with Netflix," said Stone. "The agreement…") or lightly reworded. The
// package links those occurrences in three layers:
//
//   - [Fold] turns a quote into the words that matter for matching, so that
//     marks, case, accents, punctuation and trailing links do not count;
//   - [Compare] aligns two quotes word by word and names how they relate
//     ([Same], [Contains], [Within], [Overlap], [Similar]) with a score in
//     [0,1]; [Diff] shows which words differ, for display;
//   - [Index] holds every stored quote and, for a new quote, finds the
//     stored ones sharing a run of words through winnowed word-shingle
//     fingerprints, then verifies each candidate with the same alignment as
//     [Compare]. A lookup touches a few posting lists, never every quote.
//
// [Group] turns pairwise links into one group id per utterance.
//
// # Short quotes
//
// A quote of fewer than [MinWords] folded words ("Wow", "Yup", "No comment")
// is linked only when its folded words are exactly equal to the other's
// ([Same]); it never matches as part of a longer quote or as a rewording.
// Even an exact match of such a short quote is weak evidence of one
// utterance, so the recommended grouping rule for callers is: link a pair
// when Match (or Compare) reports it with a score of at least
// [DefaultMinScore], and, when the shorter of the two quotes has fewer than
// [MinWords] words, only when both are attributed to the same speaker. A
// pair attributed to different speakers above that length is still linked:
// showing the disagreement is the point of the quote page.
//
// # Index design
//
// Each stored quote contributes the fingerprints chosen by winnowing
// (Schleimer, Wilkerson and Aiken, SIGMOD 2003) over hashes of its
// three-word shingles with a window of three shingles: any run of at least
// five identical folded words shared with a query is guaranteed to contribute one fingerprint that the
// query, which looks up all of its shingles, also holds. Unlike MinHash,
// which estimates Jaccard similarity, this finds a short quote inside a
// long one as readily as a copy. Fingerprints are (hash, slot) pairs in
// sorted runs merged by the logarithmic method, so adding a quote costs
// amortised O(log n) copying and the heap holds no per-quote pointers;
// folded words are kept as varint ids into a shared vocabulary so that a
// candidate can be verified without going back to the database. Memory is
// about 150 bytes per stored quote of 24 words (see BenchmarkMatch).
package quotematch
