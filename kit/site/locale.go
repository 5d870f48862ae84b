package site

import (
	"io/fs"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/typo"
)

// loadLocales reads the locale of each language of the editions
// (i18n/locale/<lang>.yaml of the kit over the embedded ones), for the
// typography, dates and file sizes of the pages.
func (p *project) loadLocales(kit fs.FS, eds []*content.Edition) error {
	sub, err := fs.Sub(kit, "i18n")
	if err != nil {
		return err
	}
	p.locales = map[string]*typo.Locale{}
	for _, e := range eds {
		if p.locales[e.Language] != nil {
			continue
		}
		loc, err := i18n.LoadLocale(sub, "i18n", e.Language)
		if err != nil {
			return err
		}
		p.locales[e.Language] = loc
	}
	return nil
}

// locale returns the locale of an edition's language (the built-in one
// when loadLocales has not read it: an edition the picker lists only).
func (p *project) locale(e *content.Edition) *typo.Locale {
	if loc := p.locales[e.Language]; loc != nil {
		return loc
	}
	return i18n.DefaultLocale(e.Language)
}
