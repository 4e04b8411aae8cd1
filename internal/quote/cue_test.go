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
		{"chain of appositives", "On Monday, Clara Moss, the head of the Harbour Council, which speaks for the ports, urged the ministry “to act before the spring.”", "to act before the spring.", "Clara Moss"},
		{"title after the name", "Ravi Patel, Minister of Fisheries, Oceans and Coasts, said the quota was a “fair compromise,” not a gift.", "fair compromise,", "Ravi Patel"},
		{"participle after a dateline", "HALIFAX — Port Director Alma Reyes says the port will reopen, calling the delay “regrettable.”", "regrettable.", "Alma Reyes"},
		{"single name after a role", "Canadian singer Mae said they were “the last two standing in the business.”", "the last two standing in the business.", "Mae"},
		{"people of a body", "In the same report, Treasury officials admitted “there is some doubt about the figures” and their source.", "there is some doubt about the figures", "Treasury officials"},
		{"coordinated verb", "Andrea Kolb denied the story and wrote on her blog, “None of this happened. I was not there.”", "None of this happened. I was not there.", "Andrea Kolb"},
		{"coordinated verb after a quoted term", "Urban Roots also has a “road map” for cities looking to plant trees and suggests councils “should start with schools,” among other places.", "should start with schools,", "Urban Roots"},
		{"inverted cue before the quote", "Rather than the usual panels, asks Harbour Review editor Jane Roe, “why not hold the debate outdoors?”", "why not hold the debate outdoors?", "Jane Roe"},
		{"name with an Arabic article", "In its two-page statement claiming the attack, al-Nasra said: “This was a warning.”", "This was a warning.", "al-Nasra"},
		{"subject of a when clause", "I was at a party last week when a neighbour asked loudly, “Is that your car?”", "Is that your car?", "a neighbour"},
		{"a clause of its own before the quote", "Dana Kirsch said even though Ottawa believes the rule is fair, “we will keep pushing.”", "we will keep pushing.", "Dana Kirsch"},
		{"colon after a when clause", "The dispute grew when Ravi Mehta again took to Twitter with this: “Nothing has changed.”", "Nothing has changed.", "Ravi Mehta"},
		{"colon after an object", "“Nobody called,” Lena Park said. Then, after a pause: “Nobody ever calls.”", "Nobody ever calls.", "Lena Park"},
		{"appositive after a question", "“Does he really need the deal?” Sarah Hollis, a senior strategist for the region at Birch Bank, said in a note.", "Does he really need the deal?", "Sarah Hollis"},
		{"stop word as a surname", "“Markets are calm,” Michael Every, a strategist at the bank, said.", "Markets are calm,", "Michael Every"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}
