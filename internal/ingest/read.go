package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"math"
)

// MaxBytes is the largest input accepted, in bytes (50 MiB). It bounds the
// memory an import can take; articles, even saved pages with inline
// images, are far smaller. ReadLimit takes a lower limit.
const MaxBytes = 50 << 20

// Read reads all of r, up to MaxBytes, and returns the bytes unchanged.
// It is ReadLimit(r, MaxBytes).
func Read(r io.Reader) ([]byte, error) { return ReadLimit(r, MaxBytes) }

// ReadLimit reads all of r, up to limit bytes (at most MaxBytes), and
// returns the bytes unchanged.
//
// It never reads more than MaxBytes+1 bytes, so a huge or endless stream costs
// at most about MaxBytes of memory: past the limit it stops and returns an
// [*Error] wrapping [ErrTooLarge]. When r is a regular file (it has a Stat
// method, as *os.File does) that is already too large, Read fails without
// reading it. An error from r itself is returned wrapped with the prefix
// "ingest: read: "; it is not an [*Error], since it is not the user's fault.
func ReadLimit(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 || limit > MaxBytes {
		limit = MaxBytes
	}
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > limit {
			return nil, tooLargeLimit("read", fi.Size(), limit)
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, &Error{Op: "read", Err: ErrTooLarge, Reason: "it is larger than the " + formatSize(limit) + " limit"}
	}
	return data, nil
}

func tooLarge(op string, size int64) *Error { return tooLargeLimit(op, size, MaxBytes) }

func tooLargeLimit(op string, size, limit int64) *Error {
	return &Error{Op: op, Err: ErrTooLarge,
		Reason: formatSize(size) + " is over the " + formatSize(limit) + " limit"}
}

// TooLarge returns the error for an input of size bytes over limit.
func TooLarge(size, limit int64) error { return tooLargeLimit("read", size, limit) }

// formatSize formats n bytes for users, in binary megabytes labelled "MB"
// the way most desktop software does.
func formatSize(n int64) string {
	const mb = 1 << 20
	if n%mb == 0 {
		return fmt.Sprintf("%d MB", n/mb)
	}
	// Round up so a file just over the limit never reads "50.0 MB".
	return fmt.Sprintf("%.1f MB", math.Ceil(float64(n)*10/mb)/10)
}
