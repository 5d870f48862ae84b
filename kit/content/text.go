package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Budgets on the length of a string, in characters (runes). A poster text
// is a few hundred characters and the longest glossary entry of the bundled
// editions about 800: the budgets leave room for any real text and stop a
// pasted file, or a hostile one, before it reaches the layout.
const (
	// MaxTextLen is the longest string of a YAML data file (any field).
	MaxTextLen = 2000
	// MaxPageLen is the longest page body (Markdown after the front matter).
	MaxPageLen = 100_000
)

// badRune names a character that no field of the data may hold, or ""
// when r is allowed. Line feeds are allowed (YAML block scalars, page
// bodies); tabs, the other C0 controls, DEL, the C1 controls, the line and
// paragraph separators, the byte-order mark used as a zero-width no-break
// space and the bidirectional embeddings, overrides and isolates (which
// reorder what a reader sees: "gro.live" shown as "evil.org") are not.
// The left-to-right and right-to-left marks (U+200E, U+200F) are kept for
// right-to-left languages: they reorder nothing but neutral characters, and
// phone numbers, URLs and ids refuse them by their own rules.
func badRune(r rune) string {
	switch {
	case r == '\n':
		return ""
	case r == '\t':
		return "a tab (U+0009)"
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return fmt.Sprintf("the control character %U", r)
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf("the bidirectional control %U (it reorders the text shown)", r)
	case r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("the separator %U (use a line break)", r)
	case r == 0xfeff:
		return "a byte-order mark (U+FEFF) inside the text"
	case r == utf8.RuneError:
		return "an invalid character (U+FFFD)"
	case r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe:
		return fmt.Sprintf("the noncharacter %U", r)
	}
	return ""
}

// checkString reports what is wrong with any string of the data, whatever
// its field: a forbidden character, or a length over limit runes. It
// returns "" when s is acceptable.
func checkString(s string, limit int) string {
	n := 0
	for _, r := range s {
		if why := badRune(r); why != "" {
			return "contains " + why + ": remove it"
		}
		n++
	}
	if n > limit {
		return fmt.Sprintf("text too long: %d characters (at most %d)", n, limit)
	}
	return ""
}

// Blank reports whether s shows nothing: it is empty or made only of
// spaces and invisible characters (zero-width spaces and joiners, soft
// hyphens, word joiners, Hangul fillers, the braille blank…). A required
// text that is blank counts as missing.
func Blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !invisible(r) }) < 0
}

func invisible(r rune) bool {
	switch r {
	case '\u115f', '\u1160', '\u3164', '\uffa0', '\u2800', '\u034f', '\u180e':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zs, r) ||
		unicode.Is(unicode.Variation_Selector, r) || badRune(r) != ""
}
