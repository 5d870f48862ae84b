// Package kitset loads the kit: what a build reads besides the data. The
// poster designs (posters/), the interface strings (i18n/), the fonts, and
// the site's layouts and assets, the kit folder's files over the defaults
// embedded in the binary (awarekit.KitFS). It is loaded once per build
// into one value, Kit, that build, site, l10n and serve share, so that no
// step re-reads the kit folder its own way.
//
// It sits between layout and the packages that write outputs (pdf,
// preview, bundle, site, build) in the flow. It owns no output and runs no
// step of a build; it only reads and checks what the steps share.
package kitset

import (
	"io/fs"
	"path"
	"path/filepath"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/awarekit/awarekit/kit/typo"
)

// Kit is the kit folder over the embedded defaults, read once.
type Kit struct {
	// Root is the kit folder as given ("" or ".": the working folder).
	Root string
	// FS is the kit folder's regular files over the embedded defaults
	// (posters/, i18n/, layouts/, assets/): what the site copies into its
	// Hugo project. What KitFS refused (links, FIFOs, devices) Load has
	// reported.
	FS fs.FS
	// User is the kit folder's own checked files alone, without the
	// defaults (nil: none): how a message tells the user's file from the
	// embedded default of the same path.
	User    fs.FS
	Designs []*layout.Design
	// I18n holds the merged interface strings of each edition loaded, by
	// edition code (fr-LU: i18n/fr.yaml, then i18n/fr-LU.yaml), without
	// typography (applied where they are printed).
	I18n map[string]map[string]string
	// Locales holds the locale of each language loaded (i18n/locale/
	// <lang>.yaml: typography, dates and units).
	Locales map[string]*typo.Locale
	Fonts   layout.Fonts
}

// Load reads the kit folder root (empty: the embedded defaults alone) for
// the editions eds: the designs, the fonts, and each edition's interface
// strings. Every problem is reported at once (a *diag.Error); the kit
// returned then holds what could be read.
func Load(root string, eds []*content.Edition) (*Kit, error) {
	user, err := awarekit.UserKit(root) // regular files only: links, FIFOs and devices refused
	return load(root, user, err, eds)
}

// LoadFS is Load for a kit folder given as a file system (a test's kit in
// memory, testkit.NewKit), shown as root in messages: its posters/, i18n/,
// layouts/ and assets/ are checked as a folder's are (awarekit.CheckKit)
// and override the embedded defaults. A nil fsys is the defaults alone.
func LoadFS(fsys fs.FS, root string, eds []*content.Edition) (*Kit, error) {
	user, err := awarekit.CheckKit(fsys, Shown(root))
	return load(root, user, err, eds)
}

func load(root string, user fs.FS, err error, eds []*content.Edition) (*Kit, error) {
	var probs diag.List
	probs = appendErr(probs, err)
	fsys := awarekit.Overlay(user, awarekit.Defaults, awarekit.Site)
	k := &Kit{Root: root, FS: fsys, User: user, I18n: map[string]map[string]string{}, Locales: map[string]*typo.Locale{}}
	fonts, err := layout.LoadFonts()
	if err != nil {
		return nil, err
	}
	k.Fonts = fonts
	posters, _ := fs.Sub(fsys, "posters")
	ds, err := layout.LoadDesigns(posters, path.Join(Shown(root), "posters"))
	if d, ok := err.(*diag.Error); ok {
		d.Problems = k.placeDesignProblems(d.Problems)
	}
	probs = appendErr(probs, err)
	k.Designs = ds
	probs = appendErr(probs, k.loadStrings(eds))
	return k, probs.Err()
}

// Add loads the strings of the editions the kit does not have yet (an
// edition added while the live preview runs).
func (k *Kit) Add(eds []*content.Edition) error {
	return k.loadStrings(eds)
}

// loadStrings loads the strings of the editions not loaded yet, and checks
// that they hold every string the designs need (checkStrings).
func (k *Kit) loadStrings(eds []*content.Edition) error {
	var probs diag.List
	tr, _ := fs.Sub(k.FS, "i18n")
	var loaded []*content.Edition
	for _, e := range eds {
		if _, ok := k.I18n[e.Code]; ok {
			continue
		}
		m, err := i18n.Load(tr, path.Join(Shown(k.Root), "i18n"), e.Language, e.Code)
		probs = appendErr(probs, err)
		k.I18n[e.Code] = m
		if _, done := k.Locales[e.Language]; !done {
			loc, err := i18n.LoadLocale(tr, path.Join(Shown(k.Root), "i18n"), e.Language)
			probs = appendErr(probs, err)
			k.Locales[e.Language] = loc
		}
		if err == nil {
			loaded = append(loaded, e)
		}
	}
	probs = append(probs, k.checkStrings(loaded)...)
	return probs.Err()
}

// Locale returns the locale of a language: the kit's, else (a language
// no edition loaded, or a Kit made by hand) the built-in one.
func (k *Kit) Locale(lang string) *typo.Locale {
	if k != nil {
		if loc := k.Locales[lang]; loc != nil {
			return loc
		}
	}
	return i18n.DefaultLocale(lang)
}

// Design returns the design of that id, or nil.
func (k *Kit) Design(id string) *layout.Design {
	for _, d := range k.Designs {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Shown is how the kit folder root is named in messages.
func Shown(root string) string {
	if root == "" || root == "." {
		return "."
	}
	return filepath.ToSlash(root)
}

func appendErr(l diag.List, err error) diag.List {
	if err == nil {
		return l
	}
	if d, ok := err.(*diag.Error); ok {
		return append(l, d.Problems...)
	}
	return append(l, diag.Problem{Msg: err.Error()})
}

// SiteJob is what the site builder gets from a build: it is defined here
// so that build (which calls the site through a hook, without linking
// Hugo) and site (which must not import build) share it.
type SiteJob struct {
	Out      string                     // the temporary output root: write the site here
	Editions []*content.Edition         // the editions being built
	All      []*content.Edition         // every edition of the data (for the language picker)
	Files    map[string][]manifest.File // produced files per edition code, paths relative to Out
	// Kit is the build's kit: designs (names, audiences), every edition's
	// strings, layouts and assets. Nil: the site loads it from its
	// Options.Root for every edition.
	Kit *Kit
}
