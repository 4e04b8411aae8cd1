package quote

import "testing"

// TestRulesPronouns covers the rules that resolve "he" and "she", each
// with sentences written for the test.
func TestRulesPronouns(t *testing.T) {
	tests := []struct{ name, text, quote, want string }{
		{"new subject of the same gender", "“The road is closed,” Mark Fenwick said.\n\nPaul Ostrander — who built the road — walked to the gate.\n\n“It was never this bad,” he said.", "It was never this bad,", "Paul Ostrander"},
		{"subject of a that clause", "“Prices are up,” Mark Fenwick said.\n\nIt was a result that Paul Ostrander found worrying.\n\n“We cannot go on like this,” he said.", "We cannot go on like this,", "Paul Ostrander"},
		{"a body is not he", "“Prices are up,” Mark Fenwick said.\n\nAccording to Fenwick, costs doubled.\n\nHarbour Police warns of scams\n\n“They call at night,” he said.", "They call at night,", "Mark Fenwick"},
		{"fronted for phrase", "“The vote is Friday,” Ann Lowe said.\n\nFor Megan Tarrow, Friday is a day she has waited for.\n\n“I will be there,” she said.", "I will be there,", "Megan Tarrow"},
		{"introduced with an age", "“The class helps,” Tom Reid says. Good results came for Toronto plumber Omar Bello, 47. “I lost ten kilos,” he says.", "I lost ten kilos,", "Omar Bello"},
		{"the person talked about", "“It is late,” said Mark Fenwick. Paul Ostrander, he said, “knows the numbers better than anyone.”", "knows the numbers better than anyone.", "Mark Fenwick"},
		{"the text's pronoun over the given name", "Healthy Plates, a nutrition blog, has long argued for less juice.\n\nJordan Bleeker, a manager with the dairy board, said she is unsure what comes next. “We will keep going,” she said.", "We will keep going,", "Jordan Bleeker"},
		{"subject of the other gender", "“The road is closed,” Mark Fenwick said.\n\nMary Ostrander walked to the gate.\n\n“It was never this bad,” he said.", "It was never this bad,", "Mark Fenwick"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}

// TestRulesNames covers the rules that read a speaker's name, each with
// sentences written for the test.
func TestRulesNames(t *testing.T) {
	tests := []struct{ name, text, quote, want string }{
		{"hyphenated title", "Deputy Vice-Chair Lin Hao opened the session. Lin said that “the budget is final.”", "the budget is final.", "Lin Hao"},
		{"name before a who clause", "Nora Ellis, who grew up nearby, studied in Halifax and returned in 2015, said the pier was “falling apart for years.”", "falling apart for years.", "Nora Ellis"},
		{"long appositive in reported speech", "Tom Vale, a marine biologist and lecturer at the Coastal Institute of Research, said the reef was dying.\n\n“We have five years,” he said.", "We have five years,", "Tom Vale"},
		{"two name particles", "Jan van der Berg, a farmer from the valley, said the river rose overnight.\n\n“We lost the barn,” he said.", "We lost the barn,", "Jan van der Berg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}

// TestRulesDescriptions covers speakers described but not named, with
// sentences written for the test.
func TestRulesDescriptions(t *testing.T) {
	tests := []struct{ name, text, quote, want string }{
		{"one of a group", "“We want a new rink,” says one of the skaters in the clip.", "We want a new rink,", "one of the skaters"},
		{"of phrase", "As one member of the audience commented: “It was far too long.”", "It was far too long.", "one member of the audience"},
		{"statement of a body said to speak in one", "The Dairy Council said in a statement that milk “is part of a good diet.” The statement also said that cutting it could have “serious effects on children.”", "serious effects on children.", "the Dairy Council"},
		{"document released by its author", "Both leaders discussed “trade and the rule of law,” said a statement released by the Premier’s Office.", "trade and the rule of law,", "the Premier’s Office"},
		{"owner of a description", "That is according to a Toronto bakery's newest “List of Breads We Will Never Bake Again for Anyone.”", "List of Breads We Will Never Bake Again for Anyone.", "a Toronto bakery"},
		{"subject of a with clause", "Tenants at the Elm Street building complained to the city, with a spokesperson for the tenants describing the heating as “a disgrace in every season.”", "a disgrace in every season.", "a spokesperson for the tenants"},
		{"for phrase", "“Nobody called us,” a spokesperson for the tenants said.", "Nobody called us,", "a spokesperson for the tenants"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkName(t, tt.text, tt.quote, tt.want)
		})
	}
}
