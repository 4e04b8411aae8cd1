package quote

import "testing"

// TestRulesPronouns covers the rules that resolve "he" and "she", each
// with sentences written for the test.
func TestRulesPronouns(t *testing.T) {
	tests := []struct{ name, text, quote, want string }{
		{"new subject of the same gender", "“The road is closed,” Mark Fenwick said.\n\nPaul Ostrander — who built the road — walked to the gate.\n\n“It was never this bad,” he said.", "It was never this bad,", "Paul Ostrander"},
		{"subject of the other gender", "“The road is closed,” Mark Fenwick said.\n\nMary Ostrander walked to the gate.\n\n“It was never this bad,” he said.", "It was never this bad,", "Mark Fenwick"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}
