package typo

import (
	"regexp"
	"strings"
	"unicode"
)

// Rules are the typographic conventions of one language. They are data:
// kit/i18n reads them from the kit's i18n/locale/<lang>.yaml (over the
// embedded defaults) and checks them; nothing here knows a language. The
// zero Rules print typographic apostrophes and keep the groups of a number
// together, and nothing else.
type Rules struct {
	// SpaceBefore maps a mark to the space put before it (French: a
	// no-break space before :, a narrow one before ; ! ?). Spaces written
	// before a mark of the map are replaced by it; a run of marks (?!)
	// takes one, before its first mark. Marks inside a URL, and a colon
	// between digits (18:30), are left alone.
	SpaceBefore map[rune]rune
	// QuoteOpen and QuoteClose are the language's quotation marks (« »);
	// QuoteSpace is put inside them (French: a no-break space). With
	// TightQuotes and no QuoteSpace, the spaces inside are taken out
	// (Ukrainian «так»). With neither, quotes are printed as written.
	QuoteOpen, QuoteClose rune
	QuoteSpace            rune
	TightQuotes           bool
	// LetterApostrophe replaces ' and ’ between two letters of
	// ApostropheScript (Ukrainian: ʼ, U+02BC MODIFIER LETTER APOSTROPHE, a
	// letter of the word: мʼята, пʼять). Elsewhere ' prints as ’.
	LetterApostrophe rune
	ApostropheScript *unicode.RangeTable
	// Punctuation replaces marks that follow a letter of
	// PunctuationScript (Arabic: , ; ? become ، ؛ ؟ after an Arabic
	// word; a French name or a number keeps its comma).
	Punctuation       map[rune]rune
	PunctuationScript *unicode.RangeTable
	// Units are the words and symbols that stay on the line of the number
	// before them (9 h, 25 ans, 50 %); HourUnit also joins the minutes
	// after it (18 h 30).
	Units    []string
	HourUnit string

	re *unitRegexps // compiled from Units and HourUnit (Prepare)
}

type unitRegexps struct{ unit, hour *regexp.Regexp }

// ModifierApostrophe is the Ukrainian apostrophe (U+02BC), which Lato has.
const ModifierApostrophe = '\u02bc'

// Prepare compiles the unit rules; Apply calls it when the loader did not.
func (ru *Rules) Prepare() {
	re := &unitRegexps{}
	var words, symbols []string
	for _, u := range ru.Units {
		if u == "" {
			continue
		}
		r := []rune(u)
		if unicode.IsLetter(r[len(r)-1]) || unicode.IsDigit(r[len(r)-1]) {
			words = append(words, regexp.QuoteMeta(u))
		} else {
			symbols = append(symbols, regexp.QuoteMeta(u))
		}
	}
	var alts []string
	if len(words) > 0 {
		// \b is ASCII-only in Go: a letter after the unit is excluded by
		// hand, so that "5 hommes" keeps its space.
		alts = append(alts, `(?:`+strings.Join(words, "|")+`)(?:$|[^\pL\pN_])`)
	}
	if len(symbols) > 0 {
		alts = append(alts, `(?:`+strings.Join(symbols, "|")+`)`)
	}
	if len(alts) > 0 {
		re.unit = regexp.MustCompile(`(\d)[ \x{00a0}]+(` + strings.Join(alts, "|") + `)`)
	}
	if ru.HourUnit != "" {
		re.hour = regexp.MustCompile(`(\d\x{00a0}` + regexp.QuoteMeta(ru.HourUnit) + `) (\d)`)
	}
	ru.re = re
}

// letterApostrophe reports whether the apostrophe at rs[i] stands between
// two letters of the rules' script (and so is a letter of the word).
func (ru *Rules) letterApostrophe(rs []rune, i int) bool {
	return ru.LetterApostrophe != 0 && ru.ApostropheScript != nil && i > 0 && i+1 < len(rs) &&
		unicode.Is(ru.ApostropheScript, rs[i-1]) && unicode.Is(ru.ApostropheScript, rs[i+1])
}

// afterScript reports whether the nearest letter before rs[i] (across
// spaces, quotes and brackets, not across digits) is of the rules'
// punctuation script.
func (ru *Rules) afterScript(rs []rune, i int) bool {
	if ru.PunctuationScript == nil {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		r := rs[j]
		switch {
		case unicode.IsLetter(r):
			return unicode.Is(ru.PunctuationScript, r)
		case unicode.IsDigit(r):
			return false
		case unicode.IsSpace(r) || isSpace(r) || unicode.In(r, unicode.Pe, unicode.Pf, unicode.Po, unicode.Mn, unicode.Co):
			// (Co: the placeholders of ApplyMarkdown, where **markup** was)
			continue
		default:
			return false
		}
	}
	return false
}
