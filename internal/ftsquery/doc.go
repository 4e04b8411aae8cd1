// Package ftsquery turns whatever a user types into the search box into a
// safe SQLite FTS5 MATCH expression.
//
// FTS5 has its own query syntax, and a raw search string breaks it easily:
// an unbalanced quote, a lone "-", "NEAR(", "title:" or a trailing "AND" is a
// syntax error. [Translate] never passes user text through as syntax. It works
// in three steps, each small enough to extend:
//
//  1. a lexer splits the input into tokens: words, quoted phrases and the
//     operators AND, OR and NOT;
//  2. a tolerant parser builds a small tree (OR of AND groups, each with
//     terms to require and terms to exclude), dropping operators that have
//     nothing to operate on;
//  3. a renderer writes the tree as FTS5 syntax, with every term a
//     double-quoted string, so no user character is ever read as syntax.
//
// The package knows nothing about SQL beyond the FTS5 query language; the
// caller binds the result as the right-hand side of MATCH.
package ftsquery
