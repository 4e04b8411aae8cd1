package facts

import "testing"

func BenchmarkExtract(b *testing.B) {
	d := load(b, seedPath("000_9ee5f3e41cc3c9be.txt"))
	b.ResetTimer()
	for b.Loop() {
		Extract(d.Text, d.Blocks)
	}
}

func BenchmarkCompare(b *testing.B) {
	fa, fb, _ := seedComparison(b)
	b.ResetTimer()
	for b.Loop() {
		Compare(fa, fb)
	}
}
