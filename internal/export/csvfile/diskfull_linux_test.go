package csvfile

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sourcebook/internal/export"
)

// TestDiskFull: a file size limit makes quotes.csv fail as a full disk
// would; the export says so and leaves nothing behind.
func TestDiskFull(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip(err)
	}
	nb := fixture(t, "seeds")
	big := nb.SourceList[0]
	for i := 0; i < 50; i++ {
		nb.SourceList = append(nb.SourceList, big)
	}
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	parent := t.TempDir()
	lim := syscall.Rlimit{Cur: 64 << 10, Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip(err)
	}
	err := Write(context.Background(), export.Notebook(nb), filepath.Join(parent, "csv"), nil)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(err, syscall.EFBIG) || !strings.HasPrefix(err.Error(), "csvfile: cannot write quotes.csv") {
		t.Fatalf("Write on a full disk: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
