package facts

import "testing"

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Netflix paid $100M+ for ads in December 2023.",
		"Reed Hastings, who held a position on Facebook’s board from 2011-2019, left.",
		"Andy Stone, the Communications Director at Meta, said “Shockingly untrue.”",
		"More than 270 girls were taken in April 2014. Some 197 girls remain.",
		"Debarghya (Deedy) Das, an investor, 20 per cent, 3 April 2024, $5 bn",
		"🚀 1,000 € 2:29 PM #21 1/2 ( ) “ ” . . .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := Extract(s, nil)
		checkFacts(t, s, fs)
		Compare(fs, fs)
	})
}
