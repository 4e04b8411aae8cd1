// Package quote finds direct quotations in a source's text and attributes
// each to its speaker.
//
// Detect is a pure function of the text and its blocks (see
// internal/document): it scans each content paragraph once for quote marks
// (straight and curly, with nested single quotes inside double ones),
// classifies every quotation (direct, partial, block, scare) and attributes
// it with reporting verbs before and after the quote, colon forms,
// participles ("saying, …"; "with X describing …" is X's), "according
// to", signature lines after embedded posts, and written documents as
// speakers (a document with a named author, "The RCMP statement", "a
// statement released by X", "a Michigan school's latest list", speaks for
// the author, and "the statement" for whoever was said to speak "in a
// statement" shortly before). A reporting verb's subject is found across a
// chain of appositives and relative clauses ("Tusk, the president of the
// council, which …, urged"), after a dateline ("OTTAWA — "), inside its own
// subordinate clause ("… when a friend wondered, “…”"), after a role ("actor
// Oh said"), as the people of a body ("Finance officials"), for a second
// verb joined by "and", and after the verb when it comes first ("asks
// editor Jane Roe, “…”"). Pronouns, surnames and roles
// are resolved to a full name mentioned earlier in the same text: "he" and
// "she" to the current speaker while no other person has opened a sentence
// since, else to the most recently named person in subject position whose
// gender the text (a title, a gendered noun right before the name, "X said
// she …", the first pronoun after the name) or the given name suggests. A
// name is in subject position when it opens a clause, also after "that",
// "when", "while" or "because", in a fronted "For X," and when introduced
// with an age ("accountant X, 50,"); not in "X, he said", and an
// organisation is never "he" or "she"; "the rookie
// defenceman" to the person introduced with that role, another definite
// description to the person just named; "the company" to the organisation
// named last; "it" to the organisation last named as a subject; an acronym
// to the full name it was introduced with ("Export Development Canada
// (EDC)") or whose initials it spells. "He" and "she" leave the current
// speaker once another person of that gender opens a sentence. An
// indefinite speaker keeps its "of" or "for" phrase ("one of the players",
// "a spokesperson for the camp"). A cue after a quote ending in "?" or "!"
// ("Why?" Lee asked) still belongs to it. A quote without attribution
// continues the quote before it, or belongs to the person the sentence
// before it opened with.
//
// A partial quote inside reported speech carries its reported clause
// (ClauseStart, ClauseEnd: She said [police were "very committed" to
// hearing her]), the span annotators of reported speech mark; a fragment of
// under eight words with no speaker in its sentence is a term (Scare).
// Everything is
// linear in the length of the text apart from name resolution, which is
// linear in the number of names mentioned.
//
// Evaluate measures detection and attribution against the Gender Gap
// Tracker's annotated news articles (see Evaluate for the exact metric).
package quote
