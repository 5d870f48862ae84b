// Package kitset holds what a build reads besides the data: the kit. It
// sits between layout and the packages that write outputs (pdf, preview,
// bundle, site, build), so that build, site, l10n and serve share one
// value instead of each re-reading the kit folder.
//
// It owns no output and runs no step of a build; it only describes what
// the steps share.
package kitset

import (
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/manifest"
)

// SiteJob is what the site builder gets from a build: it is defined here
// so that build (which calls the site through a hook, without linking
// Hugo) and site (which must not import build) share it.
type SiteJob struct {
	Out      string                       // the temporary output root: write the site here
	Editions []*content.Edition           // the editions being built
	All      []*content.Edition           // every edition of the data (for the language picker)
	Files    map[string][]manifest.File   // produced files per edition code, paths relative to Out
	I18n     map[string]map[string]string // merged interface strings per edition code
}
