// Package typo applies the typographic rules of a language to plain text
// before it is measured and printed: French no-break spaces before : ; ! ?
// and inside « », Ukrainian «» without spaces and its apostrophe ʼ, Arabic
// ، ؛ ؟, typographic apostrophes, and no-break spaces inside numbers
// (phone numbers and thousands never split across lines); and formats
// dates and file sizes. The rules of each language are data (Rules and
// Locale, read from the kit's i18n/locale/<lang>.yaml by kit/i18n): no
// language is named in this package.
//
// It works on strings only (ApplyMarkdown on the text of a Markdown
// document, parsed as the site parses it, never on link targets or code);
// it knows nothing of fonts or layout. Whether a font has the narrow
// no-break space (U+202F) is the layout's business: it falls back to
// U+00A0 when the glyph is missing.
package typo

import (
	"strings"
	"unicode"
)

// Space characters the rules insert.
const (
	NBSP       = '\u00a0' // no-break space
	NarrowNBSP = '\u202f' // narrow no-break space (espace fine insécable)
)

// Apply returns s with the rules (nil: the zero Rules). It is
// idempotent: applying it twice gives the same text.
func (ru *Rules) Apply(s string) string {
	if s == "" {
		return s
	}
	if ru == nil {
		ru = &Rules{}
	}
	if ru.re == nil {
		ru.Prepare()
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs)+8)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case (r == '\'' || r == '’') && ru.letterApostrophe(rs, i):
			out = append(out, ru.LetterApostrophe)
			continue
		case r == '\'':
			out = append(out, '’')
			continue
		case isSpace(r) && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) && digitGroup(rs, i+1):
			// 8002 1234, 12 000, 116 000: keep the groups together.
			out = append(out, NBSP)
			continue
		}
		if p, ok := ru.Punctuation[r]; ok && !inURL(rs, i) && ru.afterScript(rs, i) {
			r = p // Arabic ، ؛ ؟ (then spaced as any mark, if the rules say so)
		}
		if sp, ok := ru.SpaceBefore[r]; ok {
			if inURL(rs, i) || r == ':' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
				out = append(out, r)
				continue
			}
			// A run such as « ?! » takes one space, before its first mark.
			if _, prev := ru.SpaceBefore[lastRune(out)]; i > 0 && !prev {
				out = trimSpaceEnd(out)
				if len(out) > 0 && out[len(out)-1] != '(' && (ru.QuoteOpen == 0 || out[len(out)-1] != ru.QuoteOpen) && out[len(out)-1] != '\n' {
					out = append(out, sp)
				}
			}
			out = append(out, r)
			continue
		}
		quotes := ru.QuoteSpace != 0 || ru.TightQuotes
		switch {
		case quotes && ru.QuoteOpen != 0 && r == ru.QuoteOpen:
			out = append(out, r)
			if ru.QuoteSpace != 0 {
				out = append(out, ru.QuoteSpace)
			}
			for i+1 < len(rs) && isSpace(rs[i+1]) {
				i++
			}
		case quotes && ru.QuoteClose != 0 && r == ru.QuoteClose:
			out = trimSpaceEnd(out)
			if ru.QuoteSpace != 0 {
				out = append(out, ru.QuoteSpace)
			}
			out = append(out, r)
		default:
			out = append(out, r)
		}
	}
	res := string(out)
	// A number and its unit stay together: 9 h, 18 h 30, 7 j/7, 25 ans, 50 %.
	// (Each rule starts with an ASCII digit, \d: skip them all when there is
	// none, as in most texts; the regexps were a third of a poster's layout.)
	if strings.ContainsAny(res, "0123456789") {
		if ru.re.unit != nil {
			res = ru.re.unit.ReplaceAllString(res, "$1\u00a0$2")
		}
		if ru.re.hour != nil {
			res = ru.re.hour.ReplaceAllString(res, "$1\u00a0$2")
		}
	}
	return res
}

func lastRune(rs []rune) rune {
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

// digitGroup reports whether rs[j:] starts with exactly two to four digits
// followed by a non-digit: the next group of a number, not a new number
// after a count (« 3 000 » joins, « en 2023 12 000 » would too, which is
// acceptable).
func digitGroup(rs []rune, j int) bool {
	n := 0
	for j+n < len(rs) && unicode.IsDigit(rs[j+n]) {
		n++
	}
	return n >= 2 && n <= 4
}

func isSpace(r rune) bool { return r == ' ' || r == NBSP || r == NarrowNBSP }

func trimSpaceEnd(rs []rune) []rune {
	for len(rs) > 0 && isSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// inURL reports whether the mark at position i belongs to a URL: it lies in
// a token holding "://" or starting with "www.", and more than closing
// punctuation follows it in that token.
func inURL(rs []rune, i int) bool {
	start, end := i, i
	for start > 0 && !isBreak(rs[start-1]) {
		start--
	}
	for end < len(rs) && !isBreak(rs[end]) {
		end++
	}
	tok := string(rs[start:end])
	if !strings.Contains(tok, "://") && !strings.HasPrefix(tok, "www.") {
		return false
	}
	return strings.TrimRight(string(rs[i+1:end]), ".,)»") != ""
}

func isBreak(r rune) bool { return unicode.IsSpace(r) || isSpace(r) }

// Plain undoes Apply's characters (no-break spaces, apostrophes), for
// comparing printed text with a source.
func Plain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ", "’", "'", "\u02bc", "'").Replace(s)
}
