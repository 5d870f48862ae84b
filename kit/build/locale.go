package build

import (
	"io/fs"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/typo"
)

// loadLocales reads the locale of each language of the editions
// (i18n/locale/<lang>.yaml of the kit folder over the embedded ones: its
// typography, dates and units) and returns their problems.
func (k *Kit) loadLocales(tr fs.FS, shown string, eds []*content.Edition) diag.List {
	var probs diag.List
	k.Locales = map[string]*typo.Locale{}
	for _, e := range eds {
		if _, done := k.Locales[e.Language]; done {
			continue
		}
		loc, err := i18n.LoadLocale(tr, shown, e.Language)
		probs = appendErr(probs, err)
		k.Locales[e.Language] = loc
	}
	return probs
}

// locale returns the locale of an edition's language: the kit's, else
// (a Kit made without LoadKit) the built-in one.
func (k *Kit) locale(e *content.Edition) *typo.Locale {
	if loc := k.Locales[e.Language]; loc != nil {
		return loc
	}
	return i18n.DefaultLocale(e.Language)
}
