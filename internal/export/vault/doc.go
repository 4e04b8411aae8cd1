// Package vault writes a notebook as a folder of Markdown files that opens
// as an Obsidian vault:
//
//	index.md             what the vault holds, linking everything
//	Sources/<title>.md   front matter, the text (boilerplate left out), the quotes
//	Speakers/<name>.md   front matter with aliases, the speaker's quotes by utterance
//	Notes/<title>.md     the note, its [[links]] pointing at the vault's files
//	Stories/<title>.md   the story's sources and notes
//
// Links are Obsidian wiki links with the folder spelled out
// ([[Sources/Title]]), so a note and a source of the same title never
// clash. A paragraph that holds a quote or a highlight ends in a block id
// (^p12: the 12th block of the source's stored text), and every quote has
// one of its own (^q- and the last 12 hex digits of its UUID), so links
// reach the exact passage: [[Sources/Title#^q-0123456789ab]].
//
// Source text is text, not Markdown: the characters Markdown or Obsidian
// would read as markup (*, _, #, [, $, ^, ...) are backslash-escaped and
// "<" is written as "&lt;", so raw HTML in a source shows as text. Notes are
// the user's own Markdown and are written as they are, except their links.
//
// File names are made safe for Windows, macOS, Linux and Obsidian links:
// no / \ : * ? " < > | # ^ [ ], no control characters, no leading dot,
// no reserved Windows name, at most 100 bytes, and unique within a folder
// ignoring case (a second "Title" becomes "Title (2)").
//
// Front matter values are written as double-quoted JSON strings, which are
// also valid YAML, so no title can break out of its field.
package vault
