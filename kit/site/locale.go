package site

import (
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/typo"
)

// locale returns the locale of an edition's language (typography, dates
// and file sizes of the pages): the kit's, else the built-in one (an
// edition the picker lists only).
func (p *project) locale(e *content.Edition) *typo.Locale {
	return p.kit.Locale(e.Language)
}
