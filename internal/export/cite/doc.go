// Package cite writes a notebook's sources as references for citation
// managers: CSL-JSON (Zotero, Mendeley, pandoc, citeproc) and BibTeX in its
// biblatex form (Zotero, JabRef, LaTeX).
//
// Each source is one reference. Both formats use the same citation key
// (tamta2024lawsuit): the first author's family name (or, for an
// organisation or no author, the outlet), the year, and the first
// significant word of the title, folded to ASCII; a key already taken gets
// a, b, c... ("tamta2024lawsuita"). Keys depend only on the source and the
// sources before it, so exporting the same notebook twice gives the same
// keys.
//
// Authors are parsed into family and given names ("Roshni Tamta",
// "O'Brien, Conan", "Ludwig van Beethoven", "Martin Luther King Jr.");
// a name that reads as an organisation ("Reuters Staff", "TD NewsDesk") or
// a single word is kept whole (CSL "literal", a braced BibTeX name).
//
// Kinds map to types as follows:
//
//	kind      CSL-JSON                               BibTeX
//	article   article-newspaper (article, no outlet)  @article (@online, no outlet)
//	filing    document, genre "court filing"         @misc
//	post      post                                   @online
//	blog      post-weblog                            @online
//	other     webpage with a URL, else document      @online with a URL, else @misc
//
// A filing is a "document" rather than a CSL "legal_case", because styles
// render a legal_case as a decided case ("X v. Y, court, year"), which a
// complaint or exhibit is not.
//
// Dates: the source's published date, as precise as it is known, becomes
// CSL "issued" date-parts ([[2024, 4]] for "2024-04") and biblatex "date"
// (with "year" for plain BibTeX); the import time becomes "accessed" and
// "urldate". BibTeX output is UTF-8 with the LaTeX specials { } % & $ # _
// ~ ^ \ escaped; biblatex/biber and Zotero read UTF-8 as it is.
package cite
