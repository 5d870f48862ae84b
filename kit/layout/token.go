package layout

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// Tokens that must be read, typed or dialled exactly as printed: URLs (with
// or without a scheme), e-mail addresses and phone numbers. The wrapper
// never breaks one at a space or a hyphen inside it (a reader would type
// "internet-" / "signalement.gouv.fr" as a hyphenated word); a URL may
// break only after a "/", with no hyphen added. A token that cannot be
// broken there and does not fit the line counts as a cut word, so that the
// fitting takes a smaller size instead.

// tokenKind is the kind of an unbreakable token.
type tokenKind uint8

const (
	notToken tokenKind = iota
	urlToken
	emailToken
	phoneToken
)

var (
	// A host: labels of ASCII letters, digits and inner hyphens, ending in
	// a top-level domain of letters.
	hostRE  = `(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}`
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@` + hostRE)
	urlRE   = regexp.MustCompile(`(?i)(?:https?://[^\s<>"«»]+|(?:www\.)?` + hostRE + `(?::[0-9]{1,5})?(?:/[^\s<>"«»]*)?)`)
	// Groups of one to four digits separated by one space (ordinary,
	// no-break or narrow no-break), dot or hyphen; an optional leading +.
	phoneRE = regexp.MustCompile(`\+?[0-9]{1,4}(?:[ \x{00A0}\x{202F}.\-][0-9]{1,4})+`)
)

// trailing punctuation that ends a sentence rather than a URL.
const urlTrail = ".,;:!?)]}'’\""

// tokens marks, for each rune of rs, the kind of token it belongs to. The
// regular expressions run in linear time (RE2), once per paragraph.
func tokens(rs []rune) []tokenKind {
	kinds := make([]tokenKind, len(rs))
	// Most paragraphs hold no token: look for what each kind needs (an
	// "@"; a dot or a slash inside a word; two digits apart) before
	// running its expression.
	var at, dotted, digits bool
	for i, r := range rs {
		switch {
		case r == '@':
			at = true
		case (r == '.' || r == '/') && i+1 < len(rs) && rs[i+1] < utf8.RuneSelf && unicode.IsLetter(rs[i+1]):
			dotted = true
		case (r == ' ' || r == '\u00a0' || r == '\u202f' || r == '.' || r == '-') && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]):
			digits = true
		}
	}
	if !at && !dotted && !digits {
		return kinds
	}
	s := string(rs)
	// Byte offset → rune index.
	idx := make([]int, len(s)+1)
	n := 0
	for b := range s {
		idx[b] = n
		n++
	}
	idx[len(s)] = n
	for b := len(s) - 1; b >= 0; b-- {
		if !utf8.RuneStart(s[b]) {
			idx[b] = idx[b+1]
		}
	}
	free := func(a, b int) bool {
		for i := a; i < b; i++ {
			if kinds[i] != notToken {
				return false
			}
		}
		return true
	}
	mark := func(a, b int, k tokenKind) {
		for i := a; i < b; i++ {
			kinds[i] = k
		}
	}
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	bounded := func(a, b int, before string) bool {
		if a > 0 && (isWordRune(rs[a-1]) || containsRune(before, rs[a-1])) {
			return false
		}
		return b >= len(rs) || !isWordRune(rs[b])
	}
	var emails, urls, phones [][]int
	if at {
		emails = emailRE.FindAllStringIndex(s, -1)
	}
	if dotted {
		urls = urlRE.FindAllStringIndex(s, -1)
	}
	if digits {
		phones = phoneRE.FindAllStringIndex(s, -1)
	}
	for _, m := range emails {
		a, b := idx[m[0]], idx[m[1]]
		if bounded(a, b, "@.") {
			mark(a, b, emailToken)
		}
	}
	for _, m := range urls {
		a, b := idx[m[0]], idx[m[1]]
		for b > a && containsRune(urlTrail, rs[b-1]) {
			b--
		}
		if b > a && bounded(a, b, "@.-_/") && free(a, b) {
			mark(a, b, urlToken)
		}
	}
	for _, m := range phones {
		a, b := idx[m[0]], idx[m[1]]
		digits := 0
		for _, r := range rs[a:b] {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits >= 4 && digits <= 15 && bounded(a, b, ".,-/") && free(a, b) {
			mark(a, b, phoneToken)
		}
	}
	return kinds
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// relaxRole is a key that no design uses: a Fonts map holding it sets URLs
// and e-mail addresses with their last-resort breaks (before a dot or an
// "@"). The mode travels with the fonts so that every setter of a box
// (setter{l.fonts, size}) picks it up.
const relaxRole Role = "\x00relaxed"

// relaxed returns fonts in relaxed mode.
func relaxed(f Fonts) Fonts {
	r := make(Fonts, len(f)+1)
	for k, v := range f {
		r[k] = v
	}
	r[relaxRole] = f[Regular]
	return r
}

// relaxed reports whether s sets tokens with their last-resort breaks.
func (s setter) relaxed() bool {
	_, ok := s.fonts[relaxRole]
	return ok
}
