package ingest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func readSeed(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		file  string
		title string
	}{
		{"000_9ee5f3e41cc3c9be.txt", `TechDogs-"Meta Accused Of Allowing Netflix To Read Facebook Users’ Private Messages!"`},
		{"004_917a6aaec319a3a4.txt", "Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw := readSeed(t, tt.file)
			text, err := Text(raw)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if problem := checkNormalized(text); problem != "" {
				t.Errorf("Text output: %s", problem)
			}
			if again, err := Text([]byte(text)); err != nil || again != text {
				t.Errorf("Text is not idempotent on this seed (err %v)", err)
			}

			golden := filepath.Join("testdata", strings.TrimSuffix(tt.file, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := string(readSeed(t, filepath.Base(golden))); text != want {
				t.Errorf("Text output differs from %s; run with -update and review the diff", golden)
			}

			// Normalisation only removes whitespace: every non-space
			// character of the seed survives, in order.
			if got, want := strings.Join(strings.Fields(text), ""), strings.Join(strings.Fields(string(raw)), ""); got != want {
				t.Errorf("Text changed more than whitespace")
			}

			if got := Title(text); got != tt.title {
				t.Errorf("Title = %q, want %q", got, tt.title)
			}

			// Words should agree with a naive count of space-separated
			// tokens that contain a letter or digit, give or take a few
			// percent for dashes, slashes and the like.
			naive := 0
			for _, f := range strings.Fields(text) {
				if strings.ContainsFunc(f, isWordRune) {
					naive++
				}
			}
			if got := Words(text); got < naive*95/100 || got > naive*105/100 {
				t.Errorf("Words = %d, want about %d", got, naive)
			} else {
				t.Logf("Words = %d (naive count %d)", got, naive)
			}

			// The same article saved elsewhere: CRLF line endings and
			// straight quotes.
			variant := strings.NewReplacer("\n", "\r\n", "’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(string(raw))
			if variant == string(raw) {
				t.Fatal("variant is identical to the seed; the test proves nothing")
			}
			h := Hash(text)
			if got := Hash(variant); got != h {
				t.Errorf("Hash(variant) = %s, want %s", got, h)
			}
			vtext, err := Text([]byte(variant))
			if err != nil {
				t.Fatalf("Text(variant): %v", err)
			}
			if got := Hash(vtext); got != h {
				t.Errorf("Hash(Text(variant)) = %s, want %s", got, h)
			}
			if got := Hash(string(raw)); got != h {
				t.Errorf("Hash(raw) = %s, want Hash(Text(raw)) = %s", got, h)
			}
		})
	}
}

func TestSeedsDiffer(t *testing.T) {
	a := Hash(string(readSeed(t, "000_9ee5f3e41cc3c9be.txt")))
	b := Hash(string(readSeed(t, "004_917a6aaec319a3a4.txt")))
	if a == b {
		t.Error("two different articles hash the same")
	}
}
