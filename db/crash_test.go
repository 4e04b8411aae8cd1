package db

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// crashEnv names the notebook a child process opens and dies in.
const crashEnv = "SOURCEBOOK_TEST_CRASH_NOTEBOOK"

// TestMain lets this test binary play the process that is killed: with
// crashEnv set it opens the notebook, writes a source inside a transaction
// and kills itself before committing.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		nb, err := Open(context.Background(), path)
		if err != nil {
			os.Exit(3)
		}
		ctx := context.Background()
		_ = nb.Tx(ctx, func(q *Queries) error {
			if _, err := q.SourceCreate(ctx, SourceCreateParams{
				UUID: "half", Title: "half-written", Authors: "[]", Kind: "article", Text: "never committed",
				Original: []byte("x"), MediaType: "text/plain", ContentHash: "h", ImportedAt: now, ModifiedAt: now, Blocks: "[]",
			}); err != nil {
				os.Exit(4)
			}
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // never returns
		})
	}
	os.Exit(m.Run())
}

// A process killed in the middle of an import leaves nothing half-written,
// and its lock dies with it.
func TestKilledMidTransaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nb.db")
	nb, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, nb.Q, "kept", "Committed before the crash", "kept text")
	nb.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	err = cmd.Run()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die by SIGKILL: %v (%v)", err, cmd.ProcessState)
	}

	nb, err = Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after the crash: %v", err)
	}
	defer nb.Close()
	rows, err := nb.Q.SourceList(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Title != "Committed before the crash" {
		t.Errorf("after the crash the notebook holds %+v, want only the committed source", rows)
	}
	var check string
	if err := nb.DB.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
}
