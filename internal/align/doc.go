// Package align compares two documents about the same event and tells what
// they share, what each alone says, and where shared passages differ.
//
// News articles about one event reorder, cut, merge and paraphrase each
// other, so a line diff (which assumes one order) reports a moved paragraph
// as a deletion plus an insertion. [Compare] instead aligns sentences
// regardless of order:
//
//  1. The content blocks of each document (blocks marked as boilerplate are
//     skipped) are split into sentences, keeping code-point spans. The
//     splitter knows titles ("Mr."), initials, dotted abbreviations
//     ("U.S."), decimals ("3.8"), ellipses and sentences that end inside
//     quote marks. A quotation that runs over several sentences is cut
//     from its lead-in ("…, saying, “Shockingly untrue. …”"), so the
//     quotation aligns as a whole when another outlet introduces it
//     differently. Runs of more than 80 words with no sentence end are cut
//     into chunks so that one giant paragraph stays cheap.
//  2. Words are folded with [quotematch.Fold] (case, accents, quote marks,
//     punctuation and links do not count).
//  3. Candidate sentence pairs come from an inverted index over the word
//     bigrams of the second document, never from all pairs; a bigram found
//     in more than 64 sentences (such as "of the") is not looked up, which
//     bounds the work on long documents.
//  4. Candidates are scored on their bags of word stems (Snowball's
//     English stemmer: "filed" and "filing" count as one), each stem
//     weighted by its rarity across both documents, so "Boko Haram" in
//     every sentence of a story counts for little and a shared name or
//     number for much. A pair needs at least three shared content words
//     (not function words) and one of: enough shared weight relative to
//     the shorter sentence (containment) and to both (Dice); near-total
//     containment; for a paraphrase, half the shorter sentence's weight,
//     a quarter of both and five content words; or a phrase of six stems
//     in a row (three shared four-stem phrases) inside two long sentences.
//     Identical sentences of five words or more always qualify. Short
//     sentences ("Wow.") never pair on their own, which keeps furniture
//     such as "Read more:" apart. Articles about different stories pair
//     nothing (TestUnrelated).
//  5. A one-to-one matching is chosen greedily by score. A sentence split
//     in two by the other document, or two merged into one, then joins its
//     neighbour's pair when that raises the pair's score (up to three
//     sentences a side). Unmatched sentences wedged next to a pair (or at
//     the start or end of both documents) join when they are identical or
//     close, so short sentences inside shared passages pair too.
//  6. Pairs that follow each other on both sides, with the same kind, merge
//     into passages; what stays unmatched is reported as passages only one
//     side has.
//  7. Each passage pair carries a word diff after folding
//     ([quotematch.Diff]), so a changed number or name stands out.
//
// Compare is pure: no I/O, no global state, deterministic output.
package align
