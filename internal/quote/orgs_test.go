package quote

import "testing"

// TestRulesOrgsAndCues covers the rules for organisations and for cues
// after a question or an exclamation, each with sentences written for the
// test.
func TestRulesOrgsAndCues(t *testing.T) {
	tests := []struct{ name, text, quote, want string }{
		{"cue after a question", "“Who will pay for the bridge?” Lena Ortiz asked at the meeting.", "Who will pay for the bridge?", "Lena Ortiz"},
		{"cue after an exclamation", "Tom Reyes watched the race. “What a finish!” Marta Quinn shouted.", "What a finish!", "Marta Quinn"},
		{"acronym in parentheses", "The Northern Water Agency (NWA) closed the dam.\n\n“The levels are safe,” NWA said.", "The levels are safe,", "Northern Water Agency"},
		{"acronym from initials", "A letter arrived from Parks, Trails and Heritage Ontario last week.\n\n“We will review the permit,” PTHO said.", "We will review the permit,", "Parks, Trails and Heritage Ontario"},
		{"it is the organisation", "Paul Dane runs the mill. The Harbour Board declined to comment further.\n\n“We are reviewing the lease,” it said.", "We are reviewing the lease,", "Harbour Board"},
		{"title acronym is no organisation", "Acme Corp. hired CEO Dana Wills.\n\n“We grew,” the company said.", "We grew,", "Acme Corp"},
		{"heading is no organisation", "READ MORE: Storm hits the coast\n\nThe Coastal Rescue Service saved two sailors.\n\n“The sea was rough,” the agency said.", "The sea was rough,", "Coastal Rescue Service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}

// checkName fails unless the quote with text quote is attributed to want.
func checkName(t *testing.T, text, quote, want string) {
	t.Helper()
	for _, q := range Detect(text, nil) {
		if q.Text == quote {
			if q.Name != want {
				t.Errorf("%q: name %q, want %q", quote, q.Name, want)
			}
			return
		}
	}
	t.Errorf("quote %q not found in %+v", quote, Detect(text, nil))
}
