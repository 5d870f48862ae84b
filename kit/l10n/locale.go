package l10n

import (
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/i18n"
)

// localeNotes tell the translator what the typography of the target
// language (i18n/locale/<lang>.yaml) does by itself, so that they type
// plain characters and leave it to the build.
func localeNotes(lang string) []string {
	loc := i18n.DefaultLocale(lang)
	if loc == nil {
		return nil
	}
	ru := loc.Rules
	var out []string
	if len(ru.SpaceBefore) > 0 {
		var marks []string
		for r := range ru.SpaceBefore {
			marks = append(marks, string(r))
		}
		// In the order a French note has always given them.
		slices.SortFunc(marks, func(a, b string) int { return strings.Index(":;!?", a) - strings.Index(":;!?", b) })
		s := "Write plain spaces before " + strings.Join(marks, " ")
		if ru.QuoteSpace != 0 {
			s += " and inside " + string(ru.QuoteOpen) + " " + string(ru.QuoteClose)
		}
		out = append(out, s+": the build adds the no-break spaces.")
	}
	if len(ru.Punctuation) > 0 {
		var from, to []string
		for _, r := range []rune{',', ';', '?', '!', ':', '.'} {
			if p, ok := ru.Punctuation[r]; ok {
				from, to = append(from, string(r)), append(to, string(p))
			}
		}
		if len(from) > 0 {
			out = append(out, "You may type "+strings.Join(from, " ")+": after a word of the language the build prints "+strings.Join(to, " ")+".")
		}
	}
	if ru.LetterApostrophe != 0 {
		out = append(out, "Type ' for the apostrophe: inside a word the build prints "+string(ru.LetterApostrophe)+".")
	}
	return out
}
