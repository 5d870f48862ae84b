package l10n

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/vocab"
)

// Unit is an entry as a translator sees it: the source text, the current
// translation, where the text is shown and how much room it has.
type Unit struct {
	ID      string
	Source  string
	Target  string // empty when not translated yet
	State   string // StateNew, StateTranslated or StateStale
	Context string // where it is shown: poster boxes, site page, data file
	Budget  int    // characters that fit in its poster box at the minimum size; 0 when not in a single box
	Ref     string // where the source text is written: fr-LU/texts.yaml:12
	Notes   []string
	Line    int // in an imported file: the line of its msgstr (PO) or of the unit (XLIFF); 0 otherwise
}

// Unit states in exported files.
const (
	StateNew        = "new"        // never translated (or the edition still holds the source's copy)
	StateTranslated = "translated" // translated from the current source text
	StateStale      = "stale"      // translated, but the source text changed since
)

// shows is what a poster box shows, as string ids (a trailing . or _ is a
// prefix): the box kind's strings in the registry (vocab.Kinds).
func shows(b *layout.Box) []string {
	k, ok := vocab.Lookup(b.Show)
	if !ok {
		return nil
	}
	return k.StringIDs(b.Sheet, b.Key)
}

// single reports whether a box shows exactly one string (so a budget makes sense).
func single(b *layout.Box) bool {
	k, ok := vocab.Lookup(b.Show)
	return ok && k.Single
}

func matches(pats []string, id string) bool {
	for _, p := range pats {
		if p == id || (strings.HasSuffix(p, ".") || strings.HasSuffix(p, "_")) && strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// posters is what the designs say about the strings: which boxes show them.
type posters struct {
	designs []*layout.Design
	fonts   layout.Fonts
}

// loadPosters takes the designs and fonts of the kit (opt.Kit, else the
// kit folder opt.Root over the built-in one). Budgets are a help, not a
// requirement: without designs or fonts, units simply carry none.
func loadPosters(opt Options) posters {
	k := opt.Kit
	if k == nil {
		k, _ = kitset.Load(opt.Root, nil) // what it refuses, open reports
	}
	if k == nil {
		return posters{}
	}
	return posters{designs: k.Designs, fonts: k.Fonts}
}

func (p posters) boxes() []struct {
	d *layout.Design
	b *layout.Box
} {
	var out []struct {
		d *layout.Design
		b *layout.Box
	}
	for _, d := range p.designs {
		for i := range d.Boxes {
			out = append(out, struct {
				d *layout.Design
				b *layout.Box
			}{d, &d.Boxes[i]})
		}
		if d.Back != nil {
			for i := range d.Back.Boxes {
				out = append(out, struct {
					d *layout.Design
					b *layout.Box
				}{d, &d.Back.Boxes[i]})
			}
		}
	}
	return out
}

// where lists the poster boxes showing id, and the smallest budget of the
// single-text boxes among them (0 when none).
func (p posters) where(id, source string) (boxes []string, budget int) {
	for _, db := range p.boxes() {
		if !matches(shows(db.b), id) {
			continue
		}
		boxes = append(boxes, db.d.ID+"/"+db.b.ID)
		if single(db.b) {
			if n := p.budget(db.b, source); n > 0 && (budget == 0 || n < budget) {
				budget = n
			}
		}
	}
	return boxes, budget
}

var emphasisRE = regexp.MustCompile(`\*\*`)

// budget estimates how many characters of text like source fit in box b at
// its minimum size: lines that fit in the box's height, times characters of
// source's average width that fit in its width, less 10 % for the room
// lost at line ends. The same holds on every paper size (sizes scale with
// the page). awarekit check remains the judge.
func (p posters) budget(b *layout.Box, source string) int {
	if p.fonts == nil || len(b.Size) == 0 || source == "" {
		return 0
	}
	role := b.Font
	if role == "" {
		role = layout.Regular
	}
	f := p.fonts[role]
	if f == nil {
		return 0
	}
	size := b.Size[len(b.Size)-1]
	lead := b.Leading
	if lead <= 0 {
		lead = 1.2
	}
	const mm = 72 / 25.4
	w := (b.W - 2*b.Padding) * mm
	h := (b.H - 2*b.Padding) * mm
	text := emphasisRE.ReplaceAllString(source, "")
	n := utf8.RuneCountInString(text)
	if n == 0 || w <= 0 || h <= 0 {
		return 0
	}
	avg := f.Width(text, size) / float64(n)
	lines := math.Floor(h / (size * lead))
	if lines < 1 {
		lines = 1
	}
	return int(lines * math.Floor(w/avg) * 0.9)
}

// notes are the hints for translators, by kind of text.
var kindNotes = map[string]string{
	"title":            "The poster's title, in capitals like the source.",
	"slogan":           "The poster's slogan, in capitals, printed very large: keep it short.",
	"question":         "A question printed in capitals under the slogan.",
	"call_to_action":   "Printed in capitals at the foot of the poster.",
	"advice_keyword":   "The first words of an advice step, in capitals and bold; the step's text follows them and continues the same sentence.",
	"advice_text":      "Continues the sentence begun by the step's keyword (printed just before it).",
	"advice_note":      "A sentence printed after the advice step.",
	"contact_name":     "The service's name: keep it as it is unless the service has an official name in this language.",
	"contact_purpose":  "One line printed under the service's name on the posters: what it is for.",
	"law_title":        "The title of a legal reference; the article number itself is not translated.",
	"term_avoid":       "A term not to use any more (left column of « on ne dit plus / on dit »).",
	"term_use":         "The term to use instead.",
	"page_title":       "The title of a page of the site (its heading and the browser tab).",
	"page_description": "One sentence for search engines and link previews.",
	"page_body":        "Markdown: keep the ## headings, lists, links and **emphasis**; translate link texts, never addresses.",
	"sheet_item":       "One item of a list (flyer, parents' poster or officers' checklist).",
	"label":            "An interface string of the posters or the site.",
}

var digitsRE = regexp.MustCompile(`\d[\d  .]{2,}\d|https?://`)

// notes returns the translator notes of an entry.
func notes(e Entry, targetLang string) []string {
	var out []string
	if n := kindNotes[e.Kind]; n != "" {
		out = append(out, n)
	}
	if strings.HasPrefix(e.ID, "i18n.icon_") || e.ID == "i18n.poster_qr_alt" {
		out = append(out, "An alternative text: read aloud by screen readers from the posters' tagged PDFs, never printed. Say briefly what the picture shows.")
	}
	if strings.Contains(e.Text, "{target}") {
		out = append(out, "Keep {target}: the build puts the address or number the QR code opens there.")
	}
	if strings.Contains(e.Text, "**") && e.Kind != "page_body" {
		out = append(out, "Keep the ** markers around the words to emphasise.")
	}
	if digitsRE.MatchString(e.Text) {
		out = append(out, "Keep phone numbers, addresses and names exactly as they are.")
	}
	out = append(out, localeNotes(targetLang)...)
	return out
}

// context says where an entry is shown.
func (p posters) context(e Entry) (string, int) {
	boxes, budget := p.where(e.ID, e.Text)
	var parts []string
	if len(boxes) > 0 {
		parts = append(parts, "poster boxes: "+strings.Join(boxes, ", "))
	}
	switch {
	case strings.HasPrefix(e.Page, "pages."):
		parts = append(parts, "site page "+strings.TrimPrefix(e.Page, "pages."))
	case e.Page != "" && e.Page != "posters":
		parts = append(parts, "site: "+e.Page)
	}
	if budget > 0 {
		parts = append(parts, fmt.Sprintf("room for about %d characters at the minimum size (the source has %d)", budget, utf8.RuneCountInString(e.Text)))
	}
	return strings.Join(parts, "; "), budget
}
