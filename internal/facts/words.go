package facts

// months maps month names and abbreviations to their number.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = setOf("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun")

// datePreps may introduce a bare year or month: "in 2018", "In May".
var datePreps = setOf("in since by until till from during before after around early late mid last next this of throughout between to through circa")

// writtenNumbers are the number words counted as numbers. "one" is left
// out: "one of the students" is rarely a count worth comparing.
var writtenNumbers = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1000, "dozen": 12,
}

// scales multiply the number before them.
var scales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}

// currencySymbols and currencyWords name the currency of an amount.
var currencySymbols = map[string]string{"$": "$", "£": "£", "€": "€", "¥": "¥", "₹": "₹", "usd": "$", "eur": "€", "gbp": "£", "inr": "₹", "jpy": "¥"}

var currencyWords = map[string]string{
	"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£",
	"rupee": "₹", "rupees": "₹", "yen": "¥", "crore": "₹ crore", "lakh": "₹ lakh",
}

// vagueAmounts are the words of "hundreds of millions of dollars".
var vagueAmounts = setOf("tens hundreds thousands millions billions trillions")

// modifiers before a number, as the mark they add to its value: "+" after
// it, "<" or "~" before it.
var modifiers = []struct {
	words []string
	mark  string
}{
	{[]string{"more", "than"}, "+"}, {[]string{"at", "least"}, "+"}, {[]string{"over"}, "+"}, {[]string{"above"}, "+"},
	{[]string{"less", "than"}, "<"}, {[]string{"fewer", "than"}, "<"}, {[]string{"up", "to"}, "<"}, {[]string{"almost"}, "<"},
	{[]string{"nearly"}, "<"}, {[]string{"under"}, "<"}, {[]string{"about"}, "~"}, {[]string{"around"}, "~"},
	{[]string{"some"}, "~"}, {[]string{"roughly"}, "~"}, {[]string{"approximately"}, "~"}, {[]string{"an", "estimated"}, "~"},
}

// stopwords are function words and the commonest verbs: not content, not
// a unit, not a subject.
var stopwords = setOf(`a an the and or but nor so yet if then than that this these those there here
of in on at by for from to with without into onto over under about above below between through during before after since until till
as per via against among amid around across along within upon off out up down
is are was were be been being am do does did done have has had having will would shall should can could may might must
it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine
who whom whose which what when where why how whether while although though because also not no only just even still
all any both each every few many more most much other others some such own same very too
said says say told tells according also however further furthermore meanwhile instead
one ones new said like get got make made take taken
bought paid sold gave given took spent won lost raised received`)

// adjectives that often stand between a number and the noun it counts.
var unitAdjectives = setOf("different other more new separate major main additional previous former recent such few several consecutive straight full whole local foreign young old captive imprisoned missing armed unarmed innocent top key small large big long short total extra remaining")

// notUnits are words after a number that are not what it counts.
var notUnits = setOf("percent per cent pct am pm a.m p.m of to and or is are was were has have had")

// titles are stripped from the start of a name and, next to a name, read
// as its role.
var titles = setOf("mr mrs ms miss dr prof sir dame president vice prime minister senator sen gov governor rep representative judge justice gen col lt sgt capt pope king queen prince princess lord lady chancellor mayor ceo chairman chairwoman secretary director officer spokesman spokesperson spokeswoman mallam sheikh rev saint st")

// roleHeads end a role phrase; roleMods may come before the head.
var roleHeads = setOf(`ceo cfo coo cto cmo chairman chairwoman chair chairperson president director head spokesperson spokesman spokeswoman
founder co-founder cofounder member minister secretary senator governor mayor editor reporter correspondent investor analyst
professor leader commander chief executive officer manager lawyer attorney judge justice ambassador adviser advisor owner
author researcher scientist economist strategist columnist producer actor actress singer coach captain commissioner
representative lawmaker congressman congresswoman chancellor premier envoy prosecutor general administrator partner`)

var roleMods = setOf(`communications board executive chief vice deputy former managing senior prime foreign finance press co creative founding
acting interim marketing product technology operating financial information security defence defense interior justice health
state national regional assistant associate general principal lead head editor-in-chief news political district attorney
white house presidential`)

// determiners may stand between a name, its comma and its role:
// "Andy Stone, the communications director".
var determiners = setOf("the a an its his her their our")

// nameConnectors may join capitalised words inside a name.
var nameConnectors = setOf("of the for de da del della di van von der den du la le bin ibn y")

// notNames are capitalised words that do not name anyone.
var notNames = setOf("i i'm i've i'd i'll ok okay tv am pm gmt ist utc est pst edt pdt bst cet a.m p.m mr mrs ms dr us")

// subjectSkip are the words walked over between a fact and its subject.
var subjectPreps = setOf("in on at since by from until till during for of to every each between through around about over within after before")

func singular(w string) string {
	switch w {
	case "men":
		return "man"
	case "women":
		return "woman"
	case "people":
		return "person"
	case "children":
		return "child"
	case "feet":
		return "foot"
	}
	n := len(w)
	switch {
	case n > 4 && w[n-3:] == "ies":
		return w[:n-3] + "y"
	case n > 4 && (w[n-4:] == "sses" || w[n-4:] == "shes" || w[n-4:] == "ches" || w[n-3:] == "xes"):
		return w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}
