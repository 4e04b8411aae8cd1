package vault

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// maxName is the longest file name stem in bytes. With " (12345)" and ".md"
// a name stays well under the 255 bytes every file system allows, and a
// vault's paths under Windows' 260 characters in most folders.
const maxName = 100

// windowsReserved are the device names Windows refuses as file names, with
// or without an extension.
var windowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"COM¹": true, "COM²": true, "COM³": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
	"LPT¹": true, "LPT²": true, "LPT³": true,
}

// safeName turns a title into a file name stem that every file system and
// Obsidian's links accept. It returns fallback when nothing is left.
func safeName(title, fallback string) string {
	title = norm.NFC.String(strings.ToValidUTF8(title, "�"))
	var b strings.Builder
	space := false
	for _, r := range title {
		switch r {
		case '/', '\\', '|':
			r = '-'
		case ':':
			// "Meta: a denial" reads as "Meta - a denial".
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			r = '-'
		case '"':
			r = '\''
		case '[', '<':
			r = '('
		case ']', '>':
			r = ')'
		case '*', '?', '#', '^':
			r = ' '
		}
		if r == '\uFEFF' || r == '\u200B' || unicode.IsControl(r) || unicode.Is(unicode.Co, r) || r == utf8.RuneError {
			r = ' '
		}
		if unicode.IsSpace(r) {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	name := trimName(b.String())
	if len(name) > maxName {
		cut := maxName
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = trimName(name[:cut])
	}
	if name == "" {
		name = fallback
	}
	stem, _, _ := strings.Cut(name, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		name = "_" + name
	}
	return name
}

// trimName drops what may not start or end a file name: leading dots
// (hidden files, "..") and spaces, trailing dots and spaces (Windows drops
// them), and a dangling joiner or variation selector left by a cut.
func trimName(s string) string {
	s = strings.TrimLeft(s, ". ")
	return strings.TrimRightFunc(s, func(r rune) bool {
		return r == '.' || r == ' ' || r == '\u200D' || r == '\uFE0F' || unicode.Is(unicode.Mn, r)
	})
}

// namer hands out unique file names in one folder, ignoring case and
// Unicode normalisation as macOS and Windows do.
type namer struct {
	used map[string]bool
	fold cases.Caser
}

func newNamer() *namer {
	return &namer{used: map[string]bool{}, fold: cases.Fold()}
}

// name returns title made safe and unique in the folder.
func (n *namer) name(title, fallback string) string {
	base := safeName(title, "")
	if base == "" {
		base = safeName(fallback, "Untitled")
	}
	name := base
	for i := 2; ; i++ {
		key := n.fold.String(name)
		if !n.used[key] {
			n.used[key] = true
			return name
		}
		name = base + " (" + strconv.Itoa(i) + ")"
	}
}
