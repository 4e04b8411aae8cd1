package ingest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		r       io.Reader
		wantLen int
		wantErr error
	}{
		{"empty", strings.NewReader(""), 0, nil},
		{"small", strings.NewReader("hello"), 5, nil},
		{"one byte at a time", iotest.OneByteReader(strings.NewReader("hello")), 5, nil},
		{"exactly MaxBytes", &genReader{n: MaxBytes}, MaxBytes, nil},
		{"one byte over", &genReader{n: MaxBytes + 1}, 0, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.r)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Read error = %v, want %v", err, tt.wantErr)
			}
			if len(got) != tt.wantLen {
				t.Errorf("Read returned %d bytes, want %d", len(got), tt.wantLen)
			}
		})
	}
}

func TestReadTooLargeMessage(t *testing.T) {
	_, err := Read(&genReader{n: 2 * MaxBytes})
	var e *Error
	if !errors.As(err, &e) || e.Op != "read" {
		t.Fatalf("Read error = %#v, want *Error with Op read", err)
	}
	if want := "too large: it is larger than the 50 MB limit"; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
}

// TestReadHugeStream streams 100 MB, then 1 GB, through Read and checks that
// it stops after MaxBytes+1 bytes and allocates a bounded amount, however
// long the stream is.
func TestReadHugeStream(t *testing.T) {
	for _, tt := range []struct {
		name string
		size int
	}{{"100MB", 100 << 20}, {"1GB", 1 << 30}} {
		t.Run(tt.name, func(t *testing.T) {
			g := &genReader{n: tt.size}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			data, err := Read(g)
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Read error = %v, want ErrTooLarge", err)
			}
			if data != nil {
				t.Errorf("Read returned %d bytes, want none", len(data))
			}
			if g.read > MaxBytes+1 {
				t.Errorf("Read consumed %d bytes of the stream, want at most %d", g.read, MaxBytes+1)
			}
			// io.ReadAll grows its buffer in steps and copies them into
			// one slice at the end: about twice MaxBytes in all (four
			// times under the race detector), whatever the stream's size.
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("consumed %d bytes, allocated %.1f MB in total", g.read, float64(alloc)/(1<<20))
			if alloc > 5*MaxBytes {
				t.Errorf("Read allocated %d bytes, want at most %d", alloc, 5*MaxBytes)
			}
		})
	}
}

func TestReadReaderError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Read(iotest.ErrReader(boom))
	if !errors.Is(err, boom) {
		t.Fatalf("Read error = %v, want it to wrap %v", err, boom)
	}
	var e *Error
	if errors.As(err, &e) {
		t.Errorf("Read error %v is an *Error; reader failures are internal", err)
	}
	if want := "ingest: read: disk on fire"; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
}

// TestReadLargeFile checks that a regular file over the limit is refused from
// its size, without reading it. The file is sparse, so it takes no disk.
func TestReadLargeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(60 << 20); err != nil {
		t.Fatal(err)
	}
	_, err = Read(f)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Read(60 MB file) error = %v, want ErrTooLarge", err)
	}
	if want := "too large: 60 MB is over the 50 MB limit"; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if off, _ := f.Seek(0, io.SeekCurrent); off != 0 {
		t.Errorf("Read read %d bytes of a file it could refuse by size", off)
	}
}

// genReader generates n bytes of text without holding them, and counts how
// many were read.
type genReader struct {
	n, read int
}

var lorem = bytes.Repeat([]byte("lorem ipsum\n"), 8<<10)

func (g *genReader) Read(p []byte) (int, error) {
	if g.read >= g.n {
		return 0, io.EOF
	}
	p = p[:min(len(p), g.n-g.read)]
	n := copy(p, lorem[g.read%12:])
	g.read += n
	return n, nil
}
