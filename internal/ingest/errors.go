package ingest

import "errors"

// Sentinel errors, usable with [errors.Is]. Functions in this package return
// them wrapped in an [*Error] that says why.
var (
	// ErrEmpty means there is no text left once whitespace is removed.
	ErrEmpty = errors.New("no text to import")
	// ErrBinary means the data is not text at all (a PDF, an image, an
	// archive, or anything containing NUL bytes).
	ErrBinary = errors.New("not a text file")
	// ErrNotUTF8 means the data looks like text but is not valid UTF-8.
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrTooLarge means the data is larger than [MaxBytes].
	ErrTooLarge = errors.New("too large")
)

// Error is an import error whose message is meant for users. The message is
// the sentinel's text followed by the reason, for example
// "not a text file: it looks like a PDF document". It never names the file:
// callers prefix the file name themselves ("notes.pdf: " + err.Error()).
type Error struct {
	// Op is the function that failed, "read" or "text". It is for logs and
	// is not part of the message.
	Op string
	// Reason says why, in words meant for users; it may be empty.
	Reason string
	// Err is one of ErrEmpty, ErrBinary, ErrNotUTF8 or ErrTooLarge.
	Err error
}

// Error returns the user-facing message: Err's text, then ": " and Reason
// when there is one.
func (e *Error) Error() string {
	msg := "cannot import"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Unwrap returns the sentinel, so errors.Is(err, ErrBinary) works.
func (e *Error) Unwrap() error { return e.Err }
