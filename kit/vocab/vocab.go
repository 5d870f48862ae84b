// Package vocab is the one registry of what can appear on a poster: the
// box kinds a design's boxes show (`show:`), the sheets, the edition's
// poster texts (texts.yaml), and the translatable strings each needs, with
// their ids in the translation files and whether a character budget
// applies. Validation (content, layout, kitset), layout, l10n (export
// contexts and budgets) and the site read it; adding a box kind is its
// composer in kit/layout and one entry here.
//
// It is a foundation of the flow: it imports nothing of the module.
package vocab

import (
	"slices"
	"strings"
)

// Kind is a kind of box: what a design's box shows.
type Kind struct {
	Name string // the `show:` value
	// Strings are the ids of the strings the box shows, as the
	// translation files name them (kit/l10n): texts.title, advice. (a
	// trailing dot is a prefix: every advice step), i18n.advice_heading
	// (an interface string). {sheet} and {key} stand for the box's sheet
	// and key.
	Strings []string
	// Single: the box shows one string alone (a title, a label), so a
	// character budget makes sense: what fits at its minimum size.
	Single bool
	QR     bool // needs qr: (the side of its QR codes, mm)
	Icon   bool // needs icon: (the side of its icons, mm)
	Sheet  bool // needs sheet: (one of Sheets)
	Key    bool // needs key: (the interface string it prints)
	Small  bool // small print (dates, sources): a lower minimum size
}

// Kinds are every box kind, in the order of docs/POSTERS.md.
var Kinds = []Kind{
	{Name: "title", Strings: []string{"texts.title"}, Single: true},
	{Name: "definition", Strings: []string{"texts.definition"}, Single: true},
	{Name: "warning", Strings: []string{"texts.warning"}, Single: true},
	{Name: "advice", Strings: []string{"texts.advice_intro", "texts.shared_intro", "advice.", "i18n.advice_heading"}},
	{Name: "myths", Strings: []string{"myths.", "i18n.myths_heading", "i18n.myth_label", "i18n.reality_label"}},
	{Name: "contacts", Strings: []string{"contacts.", "i18n.contacts_heading", "i18n.need_", "i18n.poster_qr_alt"}, QR: true},
	{Name: "slogan", Strings: []string{"texts.slogan"}, Single: true},
	{Name: "question", Strings: []string{"texts.question"}, Single: true},
	{Name: "steps", Strings: []string{"advice.", "i18n.icon_"}, Icon: true},
	{Name: "call_to_action", Strings: []string{"texts.call_to_action"}, Single: true},
	// The month names of its dates are locale data (i18n.Required still
	// checks the months string while it is an interface string).
	{Name: "footer", Strings: []string{"i18n.sources_label", "i18n.verified_on", "i18n.not_verified", "i18n.emergency"}, Small: true},
	{Name: "sheet_title", Strings: []string{"sheets.{sheet}.title"}, Single: true, Sheet: true},
	{Name: "sheet", Strings: []string{"sheets.{sheet}."}, Sheet: true},
	{Name: "contacts_list", Strings: []string{"contacts.", "i18n.contacts_heading", "i18n.need_", "i18n.poster_qr_alt"}, QR: true},
	{Name: "label", Strings: []string{"i18n.{key}"}, Single: true, Key: true},
	// The distribution guide: every design's name and where it goes
	// (design_<id>, where_<id>), and its own headings.
	{Name: "guide", Strings: []string{"i18n." + DesignPrefix, "i18n." + WherePrefix, "i18n.guide_"}},
	{Name: "site", Strings: []string{"i18n.site_label", "i18n.poster_qr_alt"}, QR: true},
	{Name: "card_contacts", Strings: []string{"contacts.", "i18n.need_", "i18n.poster_qr_alt"}, QR: true},
}

// Sheets are the sheets of sheets.yaml a box can show (sheet:).
var Sheets = []string{"reflexes", "parents", "reception"}

// Texts are the keys of an edition's texts.yaml printed on the posters,
// all required, in the order of the file.
var Texts = []string{"title", "definition", "warning", "advice_intro", "shared_intro", "slogan", "question", "call_to_action"}

// The interface strings every design has in every language: its name
// (design_<id>: the downloads page, the guide, the PDF's title) and, for a
// poster, where it goes (where_<id>: the downloads page, the guide).
const (
	DesignPrefix = "design_"
	WherePrefix  = "where_"
)

// DesignKeys are the interface strings a design needs in every language
// of the editions it is built for: design_<id>, and where_<id> unless it is
// a document (the guide itself).
func DesignKeys(id string, document bool) []string {
	if document {
		return []string{DesignPrefix + id}
	}
	return []string{DesignPrefix + id, WherePrefix + id}
}

// IsDesignKey reports whether an interface string's key is one of a
// design's own (design_<id>, where_<id>): a kit folder that adds a design
// adds them to its i18n/.
func IsDesignKey(key string) bool {
	for _, p := range []string{DesignPrefix, WherePrefix} {
		if id, ok := strings.CutPrefix(key, p); ok && id != "" {
			return true
		}
	}
	return false
}

// Lookup returns the kind of that name.
func Lookup(name string) (Kind, bool) {
	i := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return Kind{}, false
	}
	return Kinds[i], true
}

// Names are the kinds' names, in registry order.
func Names() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = k.Name
	}
	return out
}

// StringIDs are the ids of the strings a box of this kind shows, with its
// sheet and key put in.
func (k Kind) StringIDs(sheet, key string) []string {
	out := make([]string, len(k.Strings))
	for i, s := range k.Strings {
		out[i] = strings.NewReplacer("{sheet}", sheet, "{key}", key).Replace(s)
	}
	return out
}

// Keys are the interface strings (i18n/) a box of this kind prints by
// name: its own headings and labels, and the key of a label. Prefixes
// (need_, icon_) are left out: they are checked where they are filled.
func (k Kind) Keys(sheet, key string) []string {
	var out []string
	for _, s := range k.StringIDs(sheet, key) {
		if name, ok := strings.CutPrefix(s, "i18n."); ok && name != "" && !strings.HasSuffix(name, "_") {
			out = append(out, name)
		}
	}
	return out
}
