package content

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Claims a reader relies on — free, anonymous, confidential, round the
// clock — are printed only from a contact's own fields (cost, anonymous,
// confidential, hours), never from a heading or a sentence that covers
// several contacts. A text that makes such a claim about a contact must be
// backed by that contact's field.

// Claim is one kind of promise about a service.
type Claim struct {
	Key   string         // free | anonymous | confidential | 24h
	Field string         // the contact field that backs it
	Words *regexp.Regexp // how the claim is written (French, German, English, Ukrainian, Arabic)
	// Needles: every match of Words holds one of them (in lower case), so
	// a text holding none is not matched at all (ClaimsIn: the regular
	// expressions, case-insensitive and without a literal prefix, cost
	// 20 % of a one-poster process when run on every line of the pages).
	Needles []string
}

// ClaimKinds are the claims checked, with the words that make them in
// French, German, English, Ukrainian and Arabic. RE2's \b is an ASCII word
// boundary, so the Cyrillic and Arabic words start after wordStart
// instead; an Arabic word may carry the clitics و ف ب ل and the article
// (وسرية، المجاني), and only the listed endings, so that مجانين (madmen)
// and سريعًا (quickly) are not claims.
//
// Compiled on first use (the in-browser engine never checks claims, and
// these Unicode, case-folded patterns were most of kit/content's init).
var ClaimKinds = sync.OnceValue(func() []Claim {
	return []Claim{
		{"free", "cost", regexp.MustCompile(`(?i)\bgratuit\p{L}*|\bkostenlos\p{L}*|\bgebührenfrei\p{L}*|\bfree of charge|` +
			wordStart + `(?:безкоштовн|безплатн)\p{L}*|` + arabicWord(`مجان(?:ي|ية|يا|يًا|ًا|اً|ا)?`)),
			[]string{"gratuit", "kostenlos", "gebührenfrei", "free of charge", "безкоштовн", "безплатн", "مجان"}},
		{"anonymous", "anonymous", regexp.MustCompile(`(?i)\banonym\p{L}*|` + wordStart + `анонімн\p{L}*|(?:من )?(?:بدون|دون) (?:ذكر الاسم|الكشف عن الهوية)|مجهول(?:ة)? الهوية`),
			[]string{"anonym", "анонімн", "ذكر الاسم", "الهوية"}},
		{"confidential", "confidential", regexp.MustCompile(`(?i)\bconfidenti\p{L}*|\bvertraulich\p{L}*|` + wordStart + `конфіденційн\p{L}*|` + arabicWord(`سرّ?ي(?:ة|ًا|اً)?`)),
			[]string{"confidenti", "vertraulich", "конфіденційн", "سر"}},
		{"24h", "hours", regexp.MustCompile(`(?i)24\s*h(eures)?\s*(/|sur)\s*24|24/24|24/7|rund um die uhr|24 stunden|` + wordStart + `цілодобов\p{L}*|24 години на добу|على مدار الساعة|24 ساعة`),
			[]string{"24", "rund um die uhr", "цілодобов", "على مدار الساعة"}},
	}
})

// wordStart matches where a word begins: at the start of the text or
// after a character that is not part of a word.
const wordStart = `(?:^|[^\p{L}\p{M}\p{N}])`

// arabicWord matches the Arabic word stem (with its endings) whole, after
// the clitics و ف ب ل and the article ال.
func arabicWord(stem string) string {
	return wordStart + `[وفبل]?(?:ال|لل)?` + stem + `(?:$|[^\p{L}\p{M}\p{N}])`
}

// Find returns the claim's words as text writes them (without the
// character before a word that wordStart matched), or "".
func (cl Claim) Find(text string) string {
	return strings.TrimFunc(cl.Words.FindString(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r)
	})
}

// mayMatch reports whether text may hold a match of cl.Words: whether
// its lower case holds one of cl.Needles. The case-insensitive match of a
// regular expression also folds the Kelvin sign and the long s into k and
// s, which strings.ToLower does not: a text holding either is always
// matched.
func (cl Claim) mayMatch(lower string, folds bool) bool {
	if folds {
		return true
	}
	for _, n := range cl.Needles {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}

// Backs reports whether the contact's own fields back the claim.
func (c Contact) Backs(cl Claim) bool {
	switch cl.Key {
	case "free":
		return ClaimKinds()[0].Words.MatchString(c.Cost)
	case "anonymous":
		return c.Anonymous != nil && *c.Anonymous
	case "confidential":
		return c.Confidential
	case "24h":
		return ClaimKinds()[3].Words.MatchString(c.Hours)
	}
	return false
}

// Claims lists the claims the contact's fields make (anonymous,
// confidential): the templates and posters print these per contact. Cost
// and hours are printed as written.
func Claims(c Contact) []string {
	var out []string
	if c.Anonymous != nil && *c.Anonymous {
		out = append(out, "anonymous")
	}
	if c.Confidential {
		out = append(out, "confidential")
	}
	return out
}

// ClaimsIn returns the claims a text makes.
func ClaimsIn(text string) []Claim {
	var out []Claim
	lower, folds := strings.ToLower(text), strings.ContainsAny(text, "\u212a\u017f")
	for _, cl := range ClaimKinds() {
		if cl.mayMatch(lower, folds) && cl.Words.MatchString(text) {
			out = append(out, cl)
		}
	}
	return out
}

// claims checks that what a contact's name, purpose and description claim
// is backed by its fields.
func (c checker) claims(field string, k Contact) {
	for _, t := range []struct{ f, v string }{{"name", k.Name}, {"purpose", k.Purpose}, {"description", k.Description}} {
		for _, cl := range ClaimsIn(t.v) {
			if !k.Backs(cl) {
				c.add(field+"."+t.f, "says %q but the contact's %s: does not say so: claims are printed only from the contact's own fields (give %s:, with its source)", cl.Find(t.v), cl.Field, cl.Field)
			}
		}
	}
}

// sheetClaims checks that a sheet item naming a contact in bold
// (**3018** : …) claims only what that contact's fields back.
func (e *Edition) sheetClaims(c checker, field, item string) {
	if len(ClaimsIn(item)) == 0 {
		return
	}
	for _, k := range e.Contacts {
		names := []string{k.Name}
		if k.Phone != nil {
			names = append(names, k.Phone.Display)
		}
		named := false
		for _, n := range names {
			if n != "" && strings.Contains(item, "**"+n) {
				named = true
			}
		}
		if !named {
			continue
		}
		for _, cl := range ClaimsIn(item) {
			if !k.Backs(cl) {
				c.add(field, "says %q of %s, but the contact's %s: does not say so: claims are printed only from the contact's own fields", cl.Find(item), k.Name, cl.Field)
			}
		}
	}
}
