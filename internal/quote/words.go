package quote

import (
	"strings"
	"unicode"
)

// tok is a word or a punctuation mark; start and end are code points.
type tok struct {
	s          string
	start, end int
}

func (t tok) word() bool {
	return t.s != "" && (unicode.IsLetter([]rune(t.s)[0]) || unicode.IsDigit([]rune(t.s)[0]))
}

// upper reports whether t is capitalised, counting a name that opens with
// a lowercase Arabic article: "al-Shabaab", "el-Sisi".
func (t tok) upper() bool {
	if t.s == "" {
		return false
	}
	if r := []rune(t.s); unicode.IsUpper(r[0]) {
		return true
	} else if len(r) > 3 && (r[0] == 'a' || r[0] == 'e') && r[1] == 'l' && r[2] == '-' && unicode.IsUpper(r[3]) {
		return true
	}
	return false
}
func (t tok) lower() string {
	return strings.ToLower(t.s)
}

// maxTokens bounds the context looked at around one quote so that a long
// sentence never makes attribution quadratic.
const maxTokens = 60

// tokenize splits r[lo:hi] into words and punctuation, at most limit
// tokens; from the end when fromEnd is set.
func tokenize(r []rune, lo, hi, limit int, fromEnd bool) []tok {
	if fromEnd {
		// Walk back far enough for limit tokens (words average well under
		// 20 code points).
		if hi-lo > limit*20 {
			lo = hi - limit*20
		}
	} else if hi-lo > limit*20 {
		hi = lo + limit*20
	}
	var ts []tok
	for i := lo; i < hi; {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case isWordRune(c):
			j := i + 1
			for j < hi && (isWordRune(r[j]) || (isJoiner(r[j]) && j+1 < hi && isWordRune(r[j+1]))) {
				j++
			}
			// Keep the period of initials and abbreviations ("U.S.", "Dr."),
			// and that of an initialism inside a sentence ("the U.K.
			// director", "U.S.-based"), which no sentence ends after.
			if j < hi && r[j] == '.' && (j-i == 1 || isAbbrev(string(r[i:j])) || initialism(r[i:j]) && midSentence(r, j+1, hi)) {
				j++
			}
			ts = append(ts, tok{string(r[i:j]), i, j})
			i = j
		default:
			ts = append(ts, tok{string(c), i, i + 1})
			i++
		}
	}
	if fromEnd && len(ts) > limit {
		ts = ts[len(ts)-limit:]
	} else if len(ts) > limit {
		ts = ts[:limit]
	}
	return ts
}

// initialism reports whether w is single letters joined by periods: "U.S",
// "U.K".
func initialism(w []rune) bool {
	if len(w) < 3 {
		return false
	}
	for k, c := range w {
		if (k%2 == 0) != unicode.IsLetter(c) || k%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// midSentence reports whether the text from r[i] goes on with the same
// sentence: a hyphen, a comma or a lowercase word follows.
func midSentence(r []rune, i, hi int) bool {
	if i < hi && (r[i] == '-' || r[i] == ',') {
		return true
	}
	for i < hi && r[i] == ' ' {
		i++
	}
	return i < hi && unicode.IsLower(r[i])
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || c == '@' || c == '_'
}
func isJoiner(c rune) bool { return c == '\'' || c == '’' || c == '-' || c == '.' || c == '&' }

var abbrevs = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Sen": true, "Rep": true, "St": true, "Jr": true, "Sr": true, "Gov": true, "Lt": true, "Sgt": true, "Capt": true, "Gen": true, "Insp": true, "Const": true, "Supt": true, "Det": true, "Cpl": true, "Col": true, "Hon": true, "Rev": true}

func isAbbrev(s string) bool { return abbrevs[s] }

// reporting verbs; the value marks participles and gerunds, whose subject
// is the subject of the whole sentence.
var verbs = map[string]bool{}

func init() {
	for _, stem := range strings.Fields(`say said says saying tell told tells telling add added adds adding
write wrote writes writing written reply replied replies replying deny denied denies denying
state stated states stating explain explained explains explaining note noted notes noting
argue argued argues arguing claim claimed claims claiming tweet tweeted tweets tweeting
post posted posts posting mention mentioned mentions mentioning ask asked asks asking
continue continued continues continuing insist insisted insists insisting warn warned warns warning
admit admitted admits admitting acknowledge acknowledged acknowledges acknowledging recall recalled recalls recalling
remark remarked remarks remarking joke joked jokes joking laugh laughed laughs concluded concludes concluding
concede conceded concedes suggest suggested suggests suggesting describe described describes describing
call called calls announce announced announces announcing declare declared declares declaring
stress stressed stresses stressing emphasize emphasized emphasizes emphasised emphasises emphasizing observe observed observes
respond responded responds responding answer answered answers answering agree agreed agrees
caution cautioned cautions urge urged urges urging read reads report reported reports reporting
confirm confirmed confirms confirming maintain maintained maintains testify testified testifies shout shouted
whisper whispered predict predicted predicts promise promised promises vow vowed vows
exclaim exclaimed exclaims recount recounted recounts reiterate reiterated reiterates
allege alleged alleges alleging assert asserted asserts wonder wondered wonders
tout touted touts boast boasted boasts complain complained complains
estimate estimated estimates conclude believe believes believed think thinks thought
indicate indicated indicates point pointed points reflect reflected reflects
quip quipped quips cry cried yell yelled shared shares added recalls posits posited
comment commented comments commenting`) {
		verbs[stem] = strings.HasSuffix(stem, "ing")
	}
}

// documentHeads are nouns that make a written document a speaker.
var documentHeads = map[string]bool{"filing": true, "document": true, "documents": true, "report": true, "blog": true, "lawsuit": true, "suit": true, "complaint": true, "statement": true, "release": true, "letter": true, "email": true, "e-mail": true, "memo": true, "study": true, "court": true, "ruling": true, "decision": true, "judgment": true, "filings": true, "petition": true, "affidavit": true, "motion": true, "notice": true, "website": true, "article": true, "survey": true, "paper": true, "book": true, "policy": true, "order": true, "indictment": true, "transcript": true, "post": true, "caption": true, "tweet": true, "message": true}

// socialHeads are documents written by a person whose name the text gives.
var socialHeads = map[string]bool{"post": true, "caption": true, "tweet": true, "message": true, "reply": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true, "his": true, "her": true, "their": true, "our": true, "one": true, "another": true}

// stopCaps are capitalised words that do not begin or belong to a name.
var stopCaps = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An In On At But And Or If As When While After Before Since During This That These Those It He She They We I You His Her Their Our Its
There Here Then So Yet For From To Of By With Without About Also However Meanwhile According Despite Although Though Because Last Next Earlier Later
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
What Who Why How Where Which Some Many Most All Both Each Every No Not One Two Three Now Still Even Just Only Such Other
My Your Unlike Article Story Continued Continues Below Advertisement Within Under Over Through Among Between Across Along Around Against Until Unless Whether Instead Once Like Following Including Amid Asked Speaking Asked`) {
		stopCaps[w] = true
	}
}

// titles are words before a name that are not part of it, including the
// tail of a photo credit run into a caption ("Getty Images Kevin Vickers").
var titles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sen sen. senator rep rep. representative gov gov. governor
president premier minister prime mayor chief coach judge justice officer constable const. cst. sgt sgt. sergeant insp. inspector supt. superintendent
lt. lieutenant capt. captain gen. general det. detective cpl. corporal col. colonel hon. rev. reverend father sister pope king queen prince princess
mp mpp mla councillor councilor deputy secretary ceo chair chairman chairwoman director commissioner attorney dean superintendent
spokesperson spokesman spokeswoman leader manager founder co-founder economist analyst doctor dr coroner sheriff chancellor ambassador
crown defence defense lawyer counsel prosecutor speaker host star head then-ceo player forward goalie defenceman quarterback pitcher veteran rookie teammate
u.s. federal provincial liberal conservative ndp green democratic republican democrat opposition health finance foreign public safety environment
immigration justice transport education labour defence former interim acting new former associate assistant senior
organizer organiser sergeant-at-arms activist author writer columnist cartoonist artist researcher scientist
images photo photos press`) {
		titles[w] = true
	}
}
