// Package facts finds the checkable facts a news text states (dates,
// counts, money amounts, percentages, names, and the roles given to people)
// and compares two texts' facts: which they share, where they give
// different values, and which only one of them states.
//
// [Extract] works on the content blocks of a document (blocks marked as
// boilerplate are skipped), split into sentences, each sentence into word
// and punctuation tokens with code-point spans. It recognises:
//
//   - dates: "April 3, 2024", "3 April 2024", "December 2023", years after
//     a preposition ("in 2018", "by 2013") and ranges ("2011-2019", "from
//     2011 to 2019", "between 2011 and 2019"); months or days without a year
//     only after a preposition ("In May") or with a day ("April 14");
//   - money: "$100M+", "$150 million", "€5bn", "150 million dollars" and
//     vague amounts ("hundreds of millions of dollars");
//   - percentages: "20%", "20 percent", "20 per cent";
//   - counts: a number (digits or a written number from two upwards) with
//     the noun it counts ("two weeks", "four partners", "more than 270
//     girls", "21 of the schoolgirls");
//   - names: runs of capitalised words, titles ("President", "Mr.")
//     stripped, possessives dropped, a surname alone resolved to the full
//     name used earlier; a capitalised word opening a sentence or a
//     quotation counts only when the text also capitalises it elsewhere,
//     and headline-cased sentences and headings give no names;
//   - roles: a title or job set in apposition to a name ("Andy Stone, the
//     Communications Director at Meta", "then-CEO Reed Hastings", "Meta's
//     communications head, Andy Stone"); a role with no name next to it is
//     not reported.
//
// Each fact carries the sentence that states it and, when found, a
// subject: for a role the person; for a date or amount the name or noun
// phrase it is about (the person a "who" clause refers to, the phrase just
// before it, or the nearest name in its clause).
//
// [Compare] pairs the facts of two documents by kind and context, never by
// position. Names pair when they name the same entity. Roles pair when
// they are given to the same person. Dates, counts, money and percentages
// pair on a score built from the shared content words of their sentences
// (weighted by rarity, so a word found in every sentence counts for
// little), whether their subjects match and whether their values are
// equal; candidates come from an index of sentence words and subjects, not
// from all pairs, and the matching is one-to-one and greedy by score. Two
// facts with equal (or compatible, such as "2014" and "2014-04") values
// agree; different values are reported as a difference only when the
// subjects match or the sentences are close paraphrases, so two unrelated
// dates in two articles stay apart. What is left is reported as stated by
// one source only.
//
// The package is pure: no I/O, no global state, deterministic output.
package facts
