package ingest

import "unicode/utf8"

// RuneOffset converts byteOff, a byte offset into text, to the code-point
// offset the notebook stores: the number of code points that end at or
// before byteOff. A byteOff inside a multi-byte character gives that
// character's own offset (it rounds down). Out of range it clamps: a
// negative byteOff gives 0 and one at or past len(text) gives the number of
// code points in text. In invalid UTF-8 each invalid byte counts as one code
// point, as a Go range loop counts them.
func RuneOffset(text string, byteOff int) int {
	if byteOff <= 0 {
		return 0
	}
	if byteOff >= len(text) {
		return utf8.RuneCountInString(text)
	}
	n := 0
	for i := 0; i < byteOff; n++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		if i+size > byteOff {
			break
		}
		i += size
	}
	return n
}

// ByteOffset converts runeOff, a code-point offset into text as the notebook
// stores it, to a byte offset into text, always at a character boundary.
// Out of range it clamps: a negative runeOff gives 0 and one at or past the
// number of code points in text gives len(text). Callers that must tell a
// bad offset from the end of the text compare runeOff with
// utf8.RuneCountInString(text) first.
func ByteOffset(text string, runeOff int) int {
	if runeOff <= 0 {
		return 0
	}
	n := 0
	for i := range text {
		if n == runeOff {
			return i
		}
		n++
	}
	return len(text)
}
