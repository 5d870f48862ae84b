package content

import "golang.org/x/text/language"

// rtlScripts are the scripts written right to left (Unicode's
// Bidi_Class R and AL scripts still in use) that a language may be written in.
var rtlScripts = map[string]bool{
	"Adlm": true, "Arab": true, "Hebr": true, "Mand": true, "Mend": true, "Nkoo": true,
	"Rohg": true, "Samr": true, "Syrc": true, "Thaa": true, "Yezi": true,
}

// Direction returns the writing direction of language lang (an ISO 639-1
// code such as ar, or a tag such as ar-FR): "rtl" when the script the
// language is usually written in (CLDR's likely subtags, through
// golang.org/x/text/language: ar → Arab) is written right to left, "ltr"
// otherwise and for an unknown language. Nothing here lists languages:
// Persian, Hebrew or Urdu need no Go, their script says it.
func Direction(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	if s, c := tag.Script(); c != language.No && rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}
