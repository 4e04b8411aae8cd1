package app

import (
	"database/sql"
	"errors"
	"fmt"
)

// Error codes, as the UI and the HTTP API see them.
const (
	CodeInvalid   = "invalid"   // the input is wrong; the message says how
	CodeNotFound  = "notfound"  // the thing asked for does not exist
	CodeConflict  = "conflict"  // the notebook's state forbids the change
	CodeTooLarge  = "toolarge"  // the input is over a size limit
	CodeCancelled = "cancelled" // the user stopped the work before it finished
	CodeInternal  = "internal"  // a bug or a broken machine; details in the log
)

// Error is the only error type App's methods return. Message is written for
// users and says what went wrong and where ("big.txt: file is too large").
type Error struct {
	Code    string
	Message string
	Err     error // the cause, for logs and errors.Is; never shown to users
}

// Error returns the user-facing message.
func (e *Error) Error() string { return e.Message }

// ErrorCode returns the error's code (see the Code* constants). The browser
// mode's HTTP layer maps it to a status.
func (e *Error) ErrorCode() string { return e.Code }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

func invalid(format string, args ...any) *Error {
	return &Error{Code: CodeInvalid, Message: fmt.Sprintf(format, args...)}
}

func notFound(what string, id int64) *Error {
	return &Error{Code: CodeNotFound, Message: fmt.Sprintf("%s %d does not exist", what, id), Err: sql.ErrNoRows}
}

// internal logs err in full and returns an *Error that tells the user only
// what could not be done. An *Error passes through unchanged.
func (a *App) internal(doing string, err error) error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	a.opts.Log.Error("internal error", "doing", doing, "err", err)
	return &Error{Code: CodeInternal, Message: "internal error: could not " + doing + " (details are in the log)", Err: err}
}
