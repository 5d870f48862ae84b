package typo

import "unicode"

// Rules are the typographic conventions of one language. They are a table
// keyed by language (Langs) rather than i18n data: Apply is called with the
// language alone, from the layout, the site and the kit's README, and no
// kit value reaches those calls yet (issue 14, items 2 and 6). A language
// missing from the table gets the zero Rules: typographic apostrophes and
// whole numbers only, as German.
type Rules struct {
	// SpaceBeforeMarks puts a no-break space before : and a narrow one
	// before ; ! ? (French). Without it, nothing is added or removed there.
	SpaceBeforeMarks bool
	// QuoteSpace is put inside « » (French: a no-break space). Zero: no
	// space at all, and the spaces a text has there are taken out
	// (Ukrainian «так»).
	QuoteSpace rune
	// TightQuotes takes out the spaces inside « » (when QuoteSpace is zero).
	TightQuotes bool
	// LetterApostrophe replaces ' and ’ between two letters of
	// ApostropheScript (Ukrainian: ʼ, U+02BC MODIFIER LETTER APOSTROPHE, a
	// letter of the word: мʼята, пʼять). Elsewhere ' prints as ’.
	LetterApostrophe rune
	ApostropheScript *unicode.RangeTable
}

// Langs holds the rules of each language that has any (ISO 639-1).
var Langs = map[string]Rules{
	"fr": {SpaceBeforeMarks: true, QuoteSpace: NBSP},
	"uk": {TightQuotes: true, LetterApostrophe: ModifierApostrophe, ApostropheScript: unicode.Cyrillic},
}

// ModifierApostrophe is the Ukrainian apostrophe (U+02BC), which Lato has.
const ModifierApostrophe = '\u02bc'

// letterApostrophe reports whether the apostrophe at rs[i] stands between
// two letters of the rules' script (and so is a letter of the word).
func (ru Rules) letterApostrophe(rs []rune, i int) bool {
	return ru.LetterApostrophe != 0 && i > 0 && i+1 < len(rs) &&
		unicode.Is(ru.ApostropheScript, rs[i-1]) && unicode.Is(ru.ApostropheScript, rs[i+1])
}
