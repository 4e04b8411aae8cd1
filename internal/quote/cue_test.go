package quote

import "testing"

// TestRulesCues covers the rules that find the speaker of a reporting
// verb, each with sentences written for the test.
func TestRulesCues(t *testing.T) {
	tests := []struct{ name, text, quote, want string }{
		{"initialism inside an appositive", "“Prices will fall,” Ruth K. Amari, director of research at the U.S.-based Harbour Institute, said in an email.", "Prices will fall,", "Ruth K. Amari"},
		{"initialism before a lowercase role", "Ben Wolde spoke first. The plant is “not for sale,” Norvik’s U.K. managing director Ada Lind said.", "not for sale,", "Ada Lind"},
		{"abbreviation before the closing comma", "“Rates are too high,” Omar Haddad, chief economist at Birch + Partners Inc., said on Friday.", "Rates are too high,", "Omar Haddad"},
		{"person of a firm", "“Sales are slowing,” Lena Vos of BRX said in a note.", "Sales are slowing,", "Lena Vos"},
		{"stop word as a surname", "“Markets are calm,” Michael Every, a strategist at the bank, said.", "Markets are calm,", "Michael Every"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}
