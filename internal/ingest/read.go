package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"math"
)

// MaxBytes is the largest input accepted, in bytes (25 MiB). It bounds the
// memory an import can take; articles are far smaller.
const MaxBytes = 25 << 20

// Read reads all of r, up to MaxBytes, and returns the bytes unchanged.
//
// It never reads more than MaxBytes+1 bytes, so a huge or endless stream costs
// at most about MaxBytes of memory: past the limit it stops and returns an
// [*Error] wrapping [ErrTooLarge]. When r is a regular file (it has a Stat
// method, as *os.File does) that is already too large, Read fails without
// reading it. An error from r itself is returned wrapped with the prefix
// "ingest: read: "; it is not an [*Error], since it is not the user's fault.
func Read(r io.Reader) ([]byte, error) {
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxBytes {
			return nil, tooLarge("read", fi.Size())
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: read: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, &Error{Op: "read", Err: ErrTooLarge, Reason: "it is larger than the " + formatSize(MaxBytes) + " limit"}
	}
	return data, nil
}

func tooLarge(op string, size int64) *Error {
	return &Error{Op: op, Err: ErrTooLarge,
		Reason: formatSize(size) + " is over the " + formatSize(MaxBytes) + " limit"}
}

// formatSize formats n bytes for users, in binary megabytes labelled "MB"
// the way most desktop software does.
func formatSize(n int64) string {
	const mb = 1 << 20
	if n%mb == 0 {
		return fmt.Sprintf("%d MB", n/mb)
	}
	// Round up so a file just over the limit never reads "25.0 MB".
	return fmt.Sprintf("%.1f MB", math.Ceil(float64(n)*10/mb)/10)
}
