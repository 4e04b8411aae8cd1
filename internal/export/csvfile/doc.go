// Package csvfile writes a notebook as a folder of CSV files for
// spreadsheets and data tools:
//
//	sources.csv   one row per source: metadata, word and quote counts
//	quotes.csv    one row per quote, with its source, outlet, date and speaker
//	notes.csv     one row per note, with what it is attached to
//	speakers.csv  one row per speaker, with aliases and quote count
//	stories.csv   one row per story, with its sources
//
// The files are UTF-8 with a byte order mark, comma-separated, RFC 4180
// quoting and CRLF line ends. The mark is there for Excel, which otherwise
// reads UTF-8 as the Windows code page ("Users’" becomes "Usersâ€™");
// LibreOffice, Numbers, pandas (encoding="utf-8-sig") and R's readr skip it.
//
// Lists in a cell (authors, tags, aliases) are joined by "; ".
//
// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
// return) as a formula, which a hostile source could use ("formula
// injection", =HYPERLINK(...) leaking data, or worse). Every text cell that
// starts with one of those gets a leading apostrophe, as OWASP recommends;
// Excel and LibreOffice then show the text. Numbers, dates and UUIDs are
// written by Sourcebook and never start with one. The apostrophe is the
// price: a tool that is not a spreadsheet sees it, so for data work the
// SQLite or JSON export is the faithful copy.
package csvfile
