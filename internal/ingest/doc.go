// Package ingest turns the bytes a user gives Sourcebook into the clean text
// the notebook stores, and derives what is stored with it: a title, a word
// count and a duplicate-detection hash.
//
// The stored text is what users quote, so normalisation is deliberately
// narrow: it fixes encoding artefacts (byte order marks, line endings,
// control characters, Unicode composition, trailing spaces, runs of blank
// lines) and never touches wording, quote marks or dashes. Duplicate
// detection is more forgiving and lives only in [Hash].
//
// Every offset the notebook stores is a count of Unicode code points into the
// stored text; [RuneOffset] and [ByteOffset] convert between those and Go's
// byte offsets.
//
// Errors meant for the user are [*Error] values wrapping one of the sentinels
// [ErrEmpty], [ErrBinary], [ErrNotUTF8] and [ErrTooLarge]; their messages read
// well after a file name ("notes.pdf: not a text file: it looks like a PDF
// document"). Any other error (a failing reader) is an internal error.
//
// Only plain text is handled for now; HTML comes later.
package ingest
