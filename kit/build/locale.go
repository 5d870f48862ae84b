package build

import (
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/typo"
)

// locale returns the locale of an edition's language (typography, dates
// and units): the kit's, else the built-in one (kitset.Kit.Locale).
func (k *Kit) locale(e *content.Edition) *typo.Locale {
	return k.Kit.Locale(e.Language)
}
