package textextract

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxDateLen bounds what ParseDate looks at: written dates are short, and a
// long line is not a date however it starts.
const maxDateLen = 120

// ParseDate parses a date written in any common English form and returns it
// in [document.Meta]'s format: RFC 3339 with the offset the text states
// ("2024-04-03T14:29:00+05:30", "Z" for UTC and GMT) when it gives a time and
// a time zone, else the day ("2024-04-03"), the month ("2024-04") or the
// year ("2024"). It reports false for anything else, including relative
// dates ("2 hours ago", "yesterday") that need a reference time, dates
// without a year ("April 3"), impossible dates (February 30) and text with
// words it does not know: ParseDate is strict so that callers can use it to
// tell a line that is only a date from one that mentions a date.
//
// Accepted, in any combination that makes one date:
//   - a leading label: "Published", "First published on", "Updated:",
//     "Last updated", "Posted on", "Modified", "Date:";
//   - month names and abbreviations ("Apr", "Apr.", "Sept", "April"),
//     weekdays (ignored, not checked), ordinals ("4th"), "the", "of", "on",
//     "at" and punctuation between the parts;
//   - ISO 8601 ("2024-04-03", "2024-04-03T08:59:00Z", "2024-04-03 14:29
//     +05:30"), Y/M/D ("2024/04/03"), and D/M/Y or M/D/Y with slashes or
//     dashes: the order is US (month first) unless the first number cannot
//     be a month (13/04/2024) or the second one can only be a day; with dots
//     (03.04.2024) it is day first, as in the countries that write dots;
//   - times "14:29", "14:29:05", "2:29 PM", "10:15 a.m.", "2pm", "14.29";
//   - zones: numeric offsets ("+0530", "+05:30", "-4", "GMT+5:30", "Z") and
//     the abbreviations in zoneOffsets. IST is India (+05:30) and CST is US
//     Central; the generic US zones ET, CT, MT and PT take daylight saving
//     time by the US rules of the date's year.
//
// A time without a zone gives only the date: the notebook stores no offset
// it was not told, and the day is still right.
func ParseDate(s string) (string, bool) {
	d, ok := parseDate(s)
	return d.value, ok
}

// dateResult is a parsed date and what its label said it was.
type dateResult struct {
	value string
	label string // "published", "updated" or ""
	// precision: 1 year, 2 month, 3 day, 4 time
	precision int
}

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tTime
	tNumDate
	tOffset
)

type token struct {
	kind tokKind
	word string // tWord: lower case, dots removed
	// tNum
	n, digits int
	ord       bool
	// tTime
	h, m, s int
	// tNumDate: up to three numbers and the separator between them
	parts   [3]int
	pdigits [3]int
	nparts  int
	sep     byte
	// tOffset: minutes east of UTC
	off int
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "weds": true, "wednesday": true, "thu": true, "thur": true, "thurs": true,
	"thursday": true, "fri": true, "friday": true, "sat": true, "saturday": true,
	"sun": true, "sunday": true,
}

// labelWords may open a date; the value says what the date is.
var labelWords = map[string]string{
	"published": "published", "posted": "published", "created": "published",
	"dated": "published", "first": "", "originally": "", "last": "",
	"updated": "updated", "modified": "updated", "revised": "updated",
	"date": "", "on": "", "at": "",
}

// zoneOffsets maps time zone abbreviations to minutes east of UTC. The
// ambiguous ones are read as English-language news uses them most: IST is
// India, CST is US Central, BST is British Summer Time.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "ut": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "cest": 120,
	"eet": 120, "eest": 180, "msk": 180, "ist": 330, "npt": 345, "pkt": 300,
	"ict": 420, "wib": 420, "sgt": 480, "hkt": 480, "pht": 480, "awst": 480,
	"jst": 540, "kst": 540, "acst": 570, "acdt": 630, "aest": 600, "aedt": 660,
	"nzst": 720, "nzdt": 780, "sast": 120, "cat": 120, "eat": 180, "wat": 60,
	"est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
	"pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
	"brt": -180, "art": -180,
}

// usZones are the generic US zones, whose offset depends on the date; the
// value is the standard offset.
var usZones = map[string]int{"et": -300, "ct": -360, "mt": -420, "pt": -480}

// relativeWords make a date relative to a time ParseDate does not know.
var relativeWords = map[string]bool{
	"ago": true, "yesterday": true, "today": true, "tomorrow": true, "now": true,
	"tonight": true, "just": true,
}

func parseDate(s string) (dateResult, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxDateLen {
		return dateResult{}, false
	}
	toks, ok := tokenize(s)
	if !ok || len(toks) == 0 {
		return dateResult{}, false
	}

	var (
		y, mo, d   int
		haveTime   bool
		hh, mm, ss int
		ampm       string
		haveZone   bool
		off        int
		usZone     string
		label      string
		started    bool
		nums       []int // indexes of plain numbers in toks
	)
	setZone := func(o int) bool {
		if haveZone && o != off {
			return false
		}
		haveZone, off = true, o
		return true
	}
	for i, t := range toks {
		switch t.kind {
		case tWord:
			w := t.word
			if !started {
				if l, ok := labelWords[w]; ok {
					if l != "" {
						label = l
					}
					continue
				}
			}
			switch {
			case weekdays[w], w == "the", w == "of", w == "on", w == "at", w == "time":
			case months[w] > 0:
				if mo != 0 {
					return dateResult{}, false
				}
				mo, started = months[w], true
			case w == "am" || w == "pm":
				if ampm != "" {
					return dateResult{}, false
				}
				ampm = w
				if !haveTime {
					// "2 PM": the number just before is the hour.
					if len(nums) == 0 || nums[len(nums)-1] != i-1 || toks[i-1].ord || toks[i-1].digits > 2 {
						return dateResult{}, false
					}
					hh, mm, ss, haveTime = toks[i-1].n, 0, 0, true
					nums = nums[:len(nums)-1]
				}
			case w == "t":
				// The ISO 8601 separator between a date and a time.
				if i == 0 || toks[i-1].kind != tNumDate || i+1 >= len(toks) || toks[i+1].kind != tTime {
					return dateResult{}, false
				}
			case w == "z":
				if i == 0 || toks[i-1].kind != tTime || !setZone(0) {
					return dateResult{}, false
				}
			case usZones[w] != 0:
				if usZone != "" || haveZone {
					return dateResult{}, false
				}
				usZone = w
			case w == "gmt" || w == "utc" || w == "ut":
				// "GMT+5:30": the offset that follows is the zone.
				if i+1 < len(toks) && toks[i+1].kind == tOffset {
					continue
				}
				if !setZone(0) {
					return dateResult{}, false
				}
			default:
				o, ok := zoneOffsets[w]
				if !ok || !setZone(o) {
					return dateResult{}, false
				}
			}
		case tNum:
			started = true
			nums = append(nums, i)
		case tTime:
			if haveTime {
				return dateResult{}, false
			}
			haveTime, hh, mm, ss, started = true, t.h, t.m, t.s, true
		case tNumDate:
			if y != 0 || mo != 0 || d != 0 {
				return dateResult{}, false
			}
			started = true
			a, b, c := t.parts[0], t.parts[1], t.parts[2]
			switch {
			case t.pdigits[0] == 4: // Y-M-D or Y-M
				y, mo, d = a, b, c
				if t.nparts == 3 && t.pdigits[2] > 2 || t.pdigits[1] > 2 {
					return dateResult{}, false
				}
			case t.nparts == 3 && (t.pdigits[2] == 4 || t.pdigits[2] == 2) && t.pdigits[0] <= 2 && t.pdigits[1] <= 2:
				y = c
				if t.pdigits[2] == 2 {
					y = twoDigitYear(c)
				}
				switch {
				case t.sep == '.' || a > 12:
					d, mo = a, b
				default: // US order, also when b > 12 makes it certain
					mo, d = a, b
				}
			default:
				return dateResult{}, false
			}
			if mo < 1 || t.nparts == 3 && d < 1 {
				return dateResult{}, false // 0/0/70 is no date
			}
		case tOffset:
			if !setZone(t.off) {
				return dateResult{}, false
			}
		}
	}
	for _, i := range nums {
		t := toks[i]
		switch {
		case t.digits == 4 && !t.ord:
			if y != 0 {
				return dateResult{}, false
			}
			y = t.n
		case t.digits <= 2 && t.n >= 1 && t.n <= 31:
			if d != 0 {
				return dateResult{}, false
			}
			d = t.n
		default:
			return dateResult{}, false
		}
	}
	if y < 1000 || y > 9999 {
		return dateResult{}, false
	}
	res := dateResult{label: label}
	switch {
	case mo == 0:
		if d != 0 || haveTime {
			return dateResult{}, false
		}
		res.value, res.precision = fmt.Sprintf("%04d", y), 1
		return res, true
	case mo < 1 || mo > 12:
		return dateResult{}, false
	case d == 0:
		if haveTime {
			return dateResult{}, false
		}
		res.value, res.precision = fmt.Sprintf("%04d-%02d", y, mo), 2
		return res, true
	case d < 1 || d > daysIn(y, mo):
		return dateResult{}, false
	}
	res.value, res.precision = fmt.Sprintf("%04d-%02d-%02d", y, mo, d), 3
	if !haveTime {
		if ampm != "" {
			return dateResult{}, false
		}
		return res, true
	}
	if ampm != "" {
		if hh < 1 || hh > 12 {
			return dateResult{}, false
		}
		if ampm == "pm" && hh < 12 {
			hh += 12
		} else if ampm == "am" && hh == 12 {
			hh = 0
		}
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return dateResult{}, false
	}
	if usZone != "" {
		off = usZones[usZone]
		if usDST(y, mo, d, hh) {
			off += 60
		}
		haveZone = true
	}
	if !haveZone {
		return res, true
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, time.FixedZone("", off*60))
	res.value, res.precision = t.Format(time.RFC3339), 4
	return res, true
}

// tokenize splits s into words, numbers, times, numeric dates and offsets,
// dropping separators. It reports false on a character no date contains.
func tokenize(s string) ([]token, bool) {
	toks := make([]token, 0, 8)
	prevTime := func() bool {
		return len(toks) > 0 && (toks[len(toks)-1].kind == tTime ||
			toks[len(toks)-1].kind == tWord && (toks[len(toks)-1].word == "gmt" || toks[len(toks)-1].word == "utc" || toks[len(toks)-1].word == "ut" ||
				toks[len(toks)-1].word == "am" || toks[len(toks)-1].word == "pm"))
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			t, n, ok := scanNumber(s[i:])
			if !ok {
				return nil, false
			}
			toks = append(toks, t)
			i += n
		case (r == '+' || r == '-' || r == '−') && i+size < len(s) && isDigit(s[i+size]) && prevTime():
			t, n, ok := scanOffset(s[i+size:], r != '+')
			if !ok {
				return nil, false
			}
			toks = append(toks, t)
			i += size + n
		case unicode.IsLetter(r):
			// A word, with inner dots ("a.m") and one final dot ("Apr.").
			j := i + size
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || r2 == '.' && j+1 < len(s) && isASCIILetter(s[j+1]) {
					j += n2
					continue
				}
				if r2 == '.' {
					j++
				}
				break
			}
			w := strings.ToLower(strings.ReplaceAll(s[i:j], ".", ""))
			if relativeWords[w] {
				return nil, false
			}
			toks = append(toks, token{kind: tWord, word: w})
			i = j
		case unicode.IsSpace(r) || strings.ContainsRune(",|()[]:;·•–—-/.", r):
			i += size
		default:
			return nil, false
		}
		if len(toks) > 24 {
			return nil, false
		}
	}
	return toks, true
}

// scanNumber reads a number at the start of s: a plain or ordinal number, a
// time (14:29, 14:29:05.123, 2.29 before am/pm) or a numeric date
// (2024-04-03, 04/03/2024, 3.4.2024). It returns the token and its length.
func scanNumber(s string) (token, int, bool) {
	j := 0
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j > 4 {
		return token{}, 0, false
	}
	first := atoi(s[:j])
	// A time: h:mm[:ss[.fff]].
	if j < len(s)-1 && s[j] == ':' && isDigit(s[j+1]) {
		if j > 2 {
			return token{}, 0, false
		}
		t := token{kind: tTime, h: first}
		k := j + 1
		m, n := digitsAt(s[k:])
		if n != 2 {
			return token{}, 0, false
		}
		t.m, k = m, k+n
		if k < len(s)-1 && s[k] == ':' && isDigit(s[k+1]) {
			sec, n := digitsAt(s[k+1:])
			if n != 2 {
				return token{}, 0, false
			}
			t.s, k = sec, k+1+n
			if k < len(s)-1 && (s[k] == '.' || s[k] == ',') && isDigit(s[k+1]) {
				_, n := digitsAt(s[k+1:])
				k += 1 + n
			}
		}
		return t, k, true
	}
	// A numeric date, or h.mm.
	if j < len(s)-1 && (s[j] == '/' || s[j] == '.' || s[j] == '-') && isDigit(s[j+1]) {
		sep := s[j]
		t := token{kind: tNumDate, sep: sep, nparts: 1}
		t.parts[0], t.pdigits[0] = first, j
		k := j
		for t.nparts < 3 && k < len(s)-1 && s[k] == sep && isDigit(s[k+1]) {
			v, n := digitsAt(s[k+1:])
			if n > 4 {
				return token{}, 0, false
			}
			t.parts[t.nparts], t.pdigits[t.nparts] = v, n
			t.nparts++
			k += 1 + n
		}
		if k < len(s)-1 && s[k] == sep && isDigit(s[k+1]) {
			return token{}, 0, false // a fourth part: not a date
		}
		if t.nparts == 2 {
			switch {
			case sep == '.' && j <= 2 && t.pdigits[1] == 2:
				return token{kind: tTime, h: first, m: t.parts[1]}, k, true
			case j == 4 && sep != '.':
				return t, k, true // 2024-04
			default:
				return token{}, 0, false
			}
		}
		return t, k, true
	}
	t := token{kind: tNum, n: first, digits: j}
	// An ordinal suffix belongs to the number; other letters ("2pm") are
	// read as a word.
	if j+2 <= len(s) {
		suf := strings.ToLower(s[j : j+2])
		if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (j+2 == len(s) || !isASCIILetter(s[j+2])) {
			t.ord = true
			j += 2
		}
	}
	return t, j, true
}

// scanOffset reads the digits of a UTC offset after its sign: "5", "05",
// "0530", "05:30", "5:30".
func scanOffset(s string, negative bool) (token, int, bool) {
	v, n := digitsAt(s)
	var h, m int
	k := n
	switch {
	case n <= 2:
		h = v
		if k < len(s)-1 && s[k] == ':' && isDigit(s[k+1]) {
			mv, mn := digitsAt(s[k+1:])
			if mn != 2 {
				return token{}, 0, false
			}
			m, k = mv, k+1+mn
		}
	case n == 4:
		h, m = v/100, v%100
	default:
		return token{}, 0, false
	}
	if h > 14 || m > 59 {
		return token{}, 0, false
	}
	off := h*60 + m
	if negative {
		off = -off
	}
	return token{kind: tOffset, off: off}, k, true
}

func digitsAt(s string) (int, int) {
	n := 0
	for n < len(s) && isDigit(s[n]) && n < 9 {
		n++
	}
	return atoi(s[:n]), n
}

func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

func isDigit(b byte) bool       { return b >= '0' && b <= '9' }
func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// twoDigitYear reads a two-digit year as the nearest: 00-69 are 2000-2069.
func twoDigitYear(v int) int {
	if v < 70 {
		return 2000 + v
	}
	return 1900 + v
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// usDST reports whether a wall-clock hour on a day falls in US daylight
// saving time: since 2007 from the second Sunday in March to the first
// Sunday in November, 1987-2006 from the first Sunday in April to the last
// Sunday in October, before that from the last Sunday in April. The clock
// changes at 2:00; the repeated hour in autumn is read as daylight time.
func usDST(y, m, d, h int) bool {
	var sm, sd, em, ed int
	switch {
	case y >= 2007:
		sm, sd = 3, nthSunday(y, 3, 2)
		em, ed = 11, nthSunday(y, 11, 1)
	case y >= 1987:
		sm, sd = 4, nthSunday(y, 4, 1)
		em, ed = 10, lastSunday(y, 10)
	default:
		sm, sd = 4, lastSunday(y, 4)
		em, ed = 10, lastSunday(y, 10)
	}
	day := m*100 + d
	start, end := sm*100+sd, em*100+ed
	switch {
	case day < start || day > end:
		return false
	case day == start:
		return h >= 2
	case day == end:
		return h < 2
	}
	return true
}

func nthSunday(y, m, n int) int {
	wd := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Weekday()
	return 1 + (7-int(wd))%7 + 7*(n-1)
}

func lastSunday(y, m int) int {
	last := daysIn(y, m)
	wd := time.Date(y, time.Month(m), last, 0, 0, 0, 0, time.UTC).Weekday()
	return last - int(wd)
}
