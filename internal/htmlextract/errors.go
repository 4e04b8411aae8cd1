package htmlextract

import (
	"errors"
	"fmt"
)

// Sentinel errors, usable with [errors.Is]. HTML and MHTML return them
// wrapped in an [*Error] whose message says why.
var (
	// ErrEmpty means the file has no bytes, or only whitespace.
	ErrEmpty = errors.New("empty file")
	// ErrNotHTML means the data is not a web page at all: an image, an
	// archive, a program, anything with binary content.
	ErrNotHTML = errors.New("not a web page")
	// ErrNoText means the page parsed but has no visible text: it is empty,
	// or everything in it is scripts, styles or hidden.
	ErrNoText = errors.New("no readable text")
	// ErrTooLarge means the data is over the size limit ([MaxBytes] unless
	// Options.MaxBytes says otherwise).
	ErrTooLarge = errors.New("too large")
	// ErrNotMHTML means the data is not an MHTML archive, or holds no web
	// page.
	ErrNotMHTML = errors.New("not an MHTML file")
)

// Error is an extraction error whose message is meant for users. The message
// never names the file: callers prefix it ("page.html: " + err.Error()).
type Error struct {
	// Reason is the whole user-facing message, for example
	// "not a web page: it looks like a PNG image".
	Reason string
	// Err is one of the sentinels above.
	Err error
}

// Error returns Reason.
func (e *Error) Error() string {
	if e.Reason == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Reason
}

// Unwrap returns the sentinel, so errors.Is(err, ErrNoText) works.
func (e *Error) Unwrap() error { return e.Err }

func notHTML(why string) *Error {
	return &Error{Reason: "not a web page: " + why, Err: ErrNotHTML}
}

var (
	errEmpty = &Error{Reason: "not a web page: the file is empty", Err: ErrEmpty}
	// errNoText and errAllScripts are shared values; callers never modify
	// them.
	errNoText     = &Error{Reason: "not a web page: it has no readable text", Err: ErrNoText}
	errAllScripts = &Error{Reason: "the page is all scripts: it has no readable text", Err: ErrNoText}
)

func tooLarge(size, limit int64) *Error {
	return &Error{
		Reason: fmt.Sprintf("too large: %s is over the %s limit", humanBytes(size), humanBytes(limit)),
		Err:    ErrTooLarge,
	}
}

func notMHTML(why string) *Error {
	return &Error{Reason: "not an MHTML file: " + why, Err: ErrNotMHTML}
}

// humanBytes formats n in binary megabytes the way file managers round them
// ("50 MB", "50.2 MB", "812 KB").
func humanBytes(n int64) string {
	const mb = 1 << 20
	switch {
	case n >= mb && n%mb == 0:
		return fmt.Sprintf("%d MB", n/mb)
	case n >= mb:
		return fmt.Sprintf("%.1f MB", float64(n)/mb)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
