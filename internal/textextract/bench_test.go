package textextract_test

import (
	"testing"

	"sourcebook/internal/textextract"
)

func BenchmarkText(b *testing.B) {
	for _, name := range []string{"000_9ee5f3e41cc3c9be.txt", "004_917a6aaec319a3a4.txt"} {
		text := readText(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				textextract.Text(text)
			}
		})
	}
}

func BenchmarkMarkdown(b *testing.B) {
	text := readText(b, "000_9ee5f3e41cc3c9be.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		textextract.Markdown(text)
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		textextract.ParseDate("Apr 3, 2024, 2:29 PM IST")
	}
}
