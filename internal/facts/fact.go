package facts

// Fact kinds.
const (
	Date    = "date"    // Value "2024-04-03", "2024-04", "2024", "--05" (a month without a year), "--04-14", or a range "2011/2019"
	Number  = "number"  // a count; Value "2", "270+", "<1", "~197"; Unit the noun counted
	Money   = "money"   // Value "$100000000+", "€5000000000", or "$hundreds of millions" for a vague amount
	Percent = "percent" // Value "20%"
	Name    = "name"    // a person or organisation; Value the full name without title or possessive
	Role    = "role"    // a title or job; Value in lower case ("communications director", "CEO"); Subject the person
)

// Span is a stretch of the document's text: code points [Start, End) and
// the text itself.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Fact is one fact a document states.
type Fact struct {
	Kind string `json:"kind"` // one of the kinds above
	// Value is the normalised value: equal values mean the same fact
	// whatever the wording ("$150 million" and "$150M" are "$150000000").
	Value string `json:"value"`
	// Unit is the noun a Number counts, singular and in lower case
	// ("week", "schoolgirl"); empty for other kinds.
	Unit  string `json:"unit,omitempty"`
	Text  string `json:"text"`  // as written
	Start int    `json:"start"` // code points into the document's text
	End   int    `json:"end"`
	// Sentence is the sentence that states the fact.
	Sentence Span `json:"sentence"`
	// Subject is what the fact is about when found: a name ("Reed
	// Hastings") or a short noun phrase ("written report"); empty when
	// nothing plausible was found. For a Name it is empty.
	Subject string `json:"subject,omitempty"`
}

// FactPair is a fact of document A paired with the same fact in document B.
type FactPair struct {
	A Fact `json:"a"`
	B Fact `json:"b"`
	// Score is how sure the pairing is, in [0, 1]: mostly the weighted
	// share of content words of the two sentences, raised by a matching
	// subject. Names and roles of the same entity score 1.
	Score float64 `json:"score"`
}

// Comparison is what [Compare] finds. Each list is in order of the first
// document's text (OnlyB in order of the second's).
type Comparison struct {
	Agree  []FactPair `json:"agree"`  // the same fact with the same (or compatible) value
	Differ []FactPair `json:"differ"` // the same fact with different values
	OnlyA  []Fact     `json:"onlyA"`  // facts only document A states
	OnlyB  []Fact     `json:"onlyB"`  // facts only document B states
}
