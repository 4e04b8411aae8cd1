// Package htmlextract turns a saved web page into a document.Doc: the page's
// readable text as blocks, the main article marked as content and everything
// else marked as boilerplate (never deleted), plus metadata.
//
// [HTML] takes the bytes of a page; [MHTML] a single-file web archive as
// Chrome saves it. Both:
//
//   - decode the page to UTF-8 (byte order mark, then the HTTP charset, then
//     the page's <meta> declaration, then detection; windows-1252 last) and
//     normalise it to NFC;
//   - parse it with golang.org/x/net/html, flattening markup nested too
//     deeply for the parser, and walk the whole tree iteratively, emitting
//     every visible text block in document order: paragraphs, headings with
//     their level, list items with their nesting depth, block quotes,
//     preformatted text, captions and table cells. Scripts, styles,
//     templates, frames, SVG and hidden elements are never text;
//   - run go-trafilatura (with its go-readability and go-domdistiller
//     fallbacks) on the same tree to find the main article, and mark each
//     block as content when its words align with the article's (align.go
//     explains how); the other blocks are boilerplate, with a reason guessed
//     from the block's wording and its elements' tags, roles, classes and
//     ids (navigation, related, newsletter, share, cookie, comments, promo,
//     widget, metadata for title and byline lines, else other);
//   - read the metadata from JSON-LD, OpenGraph and other meta tags, <time>
//     elements and bylines, completed by go-trafilatura's findings.
//
// A page whose visible text is a fraction of the articleBody in its JSON-LD
// (a page rendered by scripts) gets that articleBody as its content
// (Doc.Extractor "json-ld"). A page the content extractor cannot handle, or
// too large for it (over 384 KB of text), keeps all its text as content
// except blocks whose markup or wording clearly marks them as boilerplate
// (Doc.Extractor "fallback").
//
// The output is plain text only: nothing of the page's markup, scripts or
// event handlers is in Doc.Text, and Meta.URL is http or https or empty.
//
// Errors meant for users are [*Error] values wrapping one of the sentinels
// [ErrEmpty], [ErrNotHTML], [ErrNoText], [ErrTooLarge] and [ErrNotMHTML];
// their messages read well after a file name ("page.html: not a web page: it
// looks like a PNG image"). Any other error is internal (a panic recovered,
// which the tests and fuzzing have not produced) and should be logged, not
// shown. A panic in the content extractor is not an error: the page is then
// extracted as "fallback".
//
// [Evaluate] scores the extraction against the public evaluation sets the
// project keeps in its shared folder; see eval.go and TestEvaluate.
package htmlextract
