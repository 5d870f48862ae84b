// Package layout turns a poster design and an edition into a page
// description (layout.Page): positioned text lines measured with the real
// font metrics, filled shapes (backgrounds, vector icons, QR modules),
// images, link areas and the page's logical structure (Page.Elems). The
// PDF and PNG backends only draw that description, so the preview cannot
// disagree with the print, and the layout can be tested without writing a
// PDF.
//
// Composition is apart from typesetting. Each box kind has its composer,
// in a file of its own (compose_*.go, siteband.go, local.go) registered
// with compose: it turns the edition's content into blocks (blocks.go:
// heading, paragraph of styled spans, list and list item, contact card,
// link, QR code, icon, image, decoration), each with its role in the
// structure and its place in the reading order, and offers the forms
// (arrangements) they can take in the box: a stack of paragraphs, rows
// of a figure beside its text, a grid of cards, headed groups in
// columns, a band. One typesetter (typeset.go) then does for every box
// what each kind used to repeat: it tags the blocks into the page's
// elements (structure.go keeps the reading order across boxes), fits the
// box (the largest size in its range at which a form fits, trying the
// forms tier by tier; when even the smallest overflows, the design's own
// form is placed and reported, "overflows by N lines (X mm)", or the
// composer's own report, such as the local block's "too long by N lines
// at the smallest size" on the field at fault), records the size and
// places the blocks. Adding a box kind is one composer file and one entry
// in kit/vocab's registry (TestComposers checks both ways).
//
// Every text box has a font size range: the layout takes the largest size
// that fits, and when even the smallest overflows it reports the box and
// the amount, for every box at once, with every character that no font
// has. URLs, e-mail addresses and phone numbers are set whole (a URL may
// break after a "/"); soft hyphens are honoured. Words are hyphenated with
// the language's patterns (kit/hyphen) and paragraphs broken total-fit
// (breaks.go). Text is shaped with go-text/typesetting (shape.go: kerning,
// ligatures, Arabic joining), a character its role's face lacks set in a
// fallback face of the edition's language (fonts/fonts.yaml), lines
// reordered by the bidi algorithm (bidi.go), and a right-to-left
// edition's page mirrored (mirror.go); each text run carries its glyphs.
// It reads content and designs; it writes no file.
package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/hyphen"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/awarekit/awarekit/kit/typo"
)

// Job is one poster to lay out.
type Job struct {
	Edition *content.Edition
	Design  *Design
	Size    string            // a4, a3…
	Bleed   float64           // mm on each side; 0 for office prints
	I18n    map[string]string // interface strings of the edition's language
	Designs []*Design         // every design of the kit (the guide lists them)
	SiteURL string            // the edition's site (https://…/fr-FR/), for the "site" boxes and the guide; "" when the build has no absolute base URL
	Local   *local.Block      // a personalised poster's local block, or nil (local.go)
	Locale  *typo.Locale      // typography and date formats of the edition's language (nil: the built-in i18n/locale/<lang>.yaml)
}

// Name is edition/design/size, the prefix of every problem about the job.
func (j Job) Name() string { return j.Edition.Code + "/" + j.Design.ID + "/" + j.Size }

// Layout lays out one poster. The error is a *diag.Error listing every box
// that does not fit. A personalised poster whose official text has no room
// beside the local block is laid out again with the block in the design's
// fallback place, when it has one (local.go, LocalSpec.Fallback).
func Layout(fonts Fonts, j Job) (*Page, error) {
	pg, err := layoutOnce(fonts, j)
	if err == nil || j.Local == nil || j.Design.Local == nil || j.Design.Local.Fallback == nil || !officialOverflow(err) {
		return pg, err
	}
	alt := *j.Design
	alt.Local = j.Design.Local.Fallback
	j.Design = &alt
	pg2, err2 := layoutOnce(fonts, j)
	if err2 != nil && officialOverflow(err2) {
		return pg, err // no room there either: the first place's problems
	}
	return pg2, err2 // the block fits there, or is too long for it (its own problems)
}

func layoutOnce(fonts Fonts, j Job) (*Page, error) {
	d, e := j.Design, j.Edition
	w, h := d.PageSize(j.Size)
	k := d.Scale(j.Size) * mm // design millimetres → points
	pg := &Page{
		Edition: e.Code, Design: d.ID, Size: j.Size,
		Width: w, Height: h, Bleed: j.Bleed * mm, Marks: j.Bleed > 0,
		Author:   e.Publisher,
		Keywords: e.Code + " " + d.ID,
		Lang:     e.Code,
	}
	loc := j.Locale
	if loc == nil {
		loc = i18n.DefaultLocale(e.Language)
	}
	if _, set := fonts[optsRole]; !set {
		// Hyphenation in the edition's language, total-fit breaks (unless
		// the caller chose: see quality_test.go).
		var never, hold []string
		for _, n := range e.NeverHyphenated() {
			// As printed (typographic apostrophes, spaces) and as written.
			never = append(never, loc.Apply(n), n)
		}
		// The services' names the edition lists are also held together
		// at their spaces; a contact's name (often long: "119 – Allô
		// enfance en danger") is only never hyphenated.
		for _, n := range e.NoHyphenation {
			if n = strings.TrimSpace(n); strings.Contains(n, " ") {
				hold = append(hold, loc.Apply(n), n)
			}
		}
		fonts = withOpts(fonts, textOpts{hyph: hyphen.For(e.Language), never: never, hold: hold, fallback: Fallbacks(e.Language), rtl: loc.RightToLeft()})
	} else if o := (setter{fonts: fonts}).opts(); o.fallback == nil && !o.rtl {
		// The caller chose how to break (BeforeTotalFit, the quality
		// table); the faces and the direction are the language's all the
		// same, else an Arabic text would be set in Lato's .notdef boxes
		// left to right and compared with its real setting.
		o.fallback, o.rtl = Fallbacks(e.Language), loc.RightToLeft()
		fonts = withOpts(fonts, o)
	}
	l := &layouter{fonts: fonts, job: j, pg: pg, k: k, off: pg.Bleed, lang: e.Language, loc: loc, ky: k}
	if e.Draft() {
		// The draft band takes the top of the page; the design is set in
		// the rest, squeezed vertically, so that the band hides nothing.
		l.band = h * draftBand
		l.ky = k * (h - l.band) / h
	}
	pg.Title = l.documentTitle()
	pg.Subject = l.designName()
	l.h1 = l.titleBox()

	front, backBoxes := l.localBoxes()
	l.side(d.Shapes, front, d.ReadingOrder)
	if d.Back != nil {
		back := *pg
		back.Shapes, back.Texts, back.Links, back.Fitted, back.Images, back.Elems = nil, nil, nil, nil, nil, nil
		l.pg, l.back = &back, true
		l.side(d.Back.Shapes, backBoxes, d.Back.ReadingOrder)
		l.back = false
		pg.Back = l.pg
		l.pg = pg
	}
	if loc.RightToLeft() {
		for p := pg; p != nil; p = p.Back {
			mirror(p)
		}
	}
	return pg, l.probs.Err()
}

// side lays out one page: background, shapes, boxes, draft mark; then
// puts its structure in reading order.
func (l *layouter) side(shapes []ShapeSpec, boxes []Box, readingOrder []string) {
	d, pg := l.job.Design, l.pg
	// Background: the paper colour over the whole sheet, bleed included;
	// shapes touching the trim edge extend into the bleed.
	if d.Background != "" {
		pg.Shapes = append(pg.Shapes, Rect(0, 0, pg.MediaWidth(), pg.MediaHeight(), d.color(d.Background)))
	}
	for _, s := range shapes {
		x, y, sw, sh := l.rect(s.X, s.Y, s.W, s.H)
		x, y, sw, sh = l.bleedOut(x, y, sw, sh, s.X, s.Y, s.W, s.H)
		pg.Shapes = append(pg.Shapes, Rect(x, y, sw, sh, d.color(s.Color)))
	}
	rank := map[string]int{}
	for i, id := range ReadingOrder(readingOrder, boxes) {
		rank[id] = i
	}
	for i := range boxes {
		n := len(pg.Texts)
		r, listed := rank[boxes[i].ID]
		if !listed {
			r = len(rank) // a box the design does not order (a local block): read after the others
		}
		l.rank = r
		l.fitBox(&boxes[i])
		l.glyphs(boxes[i].ID, pg.Texts[n:])
	}
	if l.job.Edition.Draft() {
		n := len(pg.Texts)
		l.rank = -1 // read first
		l.draftMark()
		l.glyphs("draft_mark", pg.Texts[n:])
	}
	l.reorder()
}

// titleBox is the id of the box read first among the front's title-like
// boxes (title, slogan, sheet title, label): the poster's H1.
func (l *layouter) titleBox() string {
	d := l.job.Design
	for _, id := range ReadingOrder(d.ReadingOrder, d.Boxes) {
		for _, b := range d.Boxes {
			if b.ID == id && slices.Contains(titleShows, b.Show) {
				return id
			}
		}
	}
	return ""
}

// documentTitle is the PDF's title: the design's name in the edition's
// language, then the region.
func (l *layouter) documentTitle() string {
	return l.designName() + " – " + l.job.Edition.RegionName
}

// designName is the design's name in the edition's language, also the
// PDF's subject. One name per poster everywhere: the downloads page, the
// guide and the PDF's title all use the design's translated name
// (design_<id>).
func (l *layouter) designName() string {
	d := l.job.Design
	name := strings.TrimSpace(l.job.I18n["design_"+d.ID])
	if name == "" {
		name = d.Name
	}
	return typo.Plain(l.t(name))
}

type layouter struct {
	fonts Fonts
	job   Job
	pg    *Page
	k     float64 // points per design millimetre
	ky    float64 // the same vertically (less on drafts, under the band)
	band  float64 // height of the draft band, points (0 when published)
	off   float64 // bleed offset
	lang  string
	loc   *typo.Locale
	probs diag.List

	rank int    // the current box's place in the reading order
	h1   string // the id of the poster's title box
	back bool   // laying out the back page
}

func (l *layouter) rect(x, y, w, h float64) (float64, float64, float64, float64) {
	return l.off + x*l.k, l.off + l.band + y*l.ky, w * l.k, h * l.ky
}

// draftBand is the height of a draft's band, as a share of the page.
const draftBand = 0.03

// bleedOut extends a rectangle that touches a trim edge to the media edge.
func (l *layouter) bleedOut(x, y, w, h, dx, dy, dw, dh float64) (float64, float64, float64, float64) {
	d := l.job.Design
	if dx <= 0 {
		x -= l.off
		w += l.off
	}
	if dy <= 0 {
		y -= l.off + l.band
		h += l.off + l.band
	}
	if dx+dw >= d.Width-1e-9 {
		w += l.off
	}
	if dy+dh >= d.Height-1e-9 {
		h += l.off
	}
	return x, y, w, h
}

func (l *layouter) t(s string) string { return l.loc.Apply(s) }

func (l *layouter) i18n(key string) string {
	if v, ok := l.job.I18n[key]; ok {
		return l.t(v)
	}
	return key // a missing key shows up plainly; i18n.Load checks completeness
}

// overflow reports a box that does not fit at its smallest size: by how
// many lines, or which word is wider than the box.
func (l *layouter) overflow(b *Box, excess, lineH float64, cut string) {
	if math.IsInf(excess, 1) {
		l.probs.Add(l.job.Name()+"/"+b.ID, 0, 0, "", "%q is wider than the box even at %.1f pt", shorten(typo.Plain(cut)), lineH/lead(b))
		return
	}
	lines := int(math.Ceil(excess/lineH - 1e-9))
	if lines < 1 {
		lines = 1
	}
	s := "s"
	if lines == 1 {
		s = ""
	}
	l.probs.Add(l.job.Name()+"/"+b.ID, 0, 0, "", "overflows by %d line%s (%.1f mm)", lines, s, excess/mm)
}

// shorten keeps the start of a long word for a message.
func shorten(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// sizes returns the box's size range at the job's paper size.
func (l *layouter) sizes(b *Box) (max, min float64) {
	sc := l.job.Design.Scale(l.job.Size)
	return b.Size[0] * sc, b.Size[1] * sc
}

// fit finds the largest size in the box's range at which height(size) ≤
// avail, searching in steps of a quarter point. ok is false when even the
// minimum overflows; excess is then the overflow at the minimum.
func fit(max, min, avail float64, height func(float64) float64) (size float64, ok bool, excess float64) {
	if hmin := height(min); hmin > avail+1e-6 {
		return min, false, hmin - avail
	}
	if height(max) <= avail+1e-6 {
		return max, true, 0
	}
	lo, hi := 0, int(math.Floor((max-min)*4)) // lo fits, hi does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if height(min+float64(mid)/4) <= avail+1e-6 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return min + float64(lo)/4, true, 0
}

// fitBox lays out a box with URLs and e-mail addresses unbroken (but for
// a URL after a "/"), so that the fitting takes a smaller size rather than
// break one. Only when even the smallest size does not fit is the box set
// again allowing a URL or an address to break before a dot or an "@" (see
// relaxed), never at a hyphen; if that fails too, its problems stand.
func (l *layouter) fitBox(b *Box) {
	if b.Breaks == "greedy" {
		o := setter{fonts: l.fonts}.opts()
		o.greedy = true
		all := l.fonts
		l.fonts = withOpts(all, o)
		defer func() { l.fonts = all }()
	}
	if qualityHook != nil {
		o := setter{fonts: l.fonts}.opts()
		o.stats = &boxStats{}
		all := l.fonts
		l.fonts = withOpts(all, o)
		defer func() { qualityHook(l.job, b, *o.stats); l.fonts = all }()
	}
	saved, probs := *l.pg, len(l.probs)
	l.box(b)
	if len(l.probs) == probs {
		return
	}
	if st := (setter{fonts: l.fonts}).opts().stats; st != nil {
		*st = boxStats{}
	}
	*l.pg, l.probs = saved, l.probs[:probs]
	strict := l.fonts
	l.fonts = relaxed(strict)
	l.box(b)
	l.fonts = strict
}

// inner is box b's inner area on the page (its padding taken off).
func (l *layouter) inner(b *Box) rect {
	x, y, w, h := l.rect(b.X, b.Y, b.W, b.H)
	pad := b.Padding * l.k
	return rect{x + pad, y + pad, w - 2*pad, h - 2*pad}
}

func (l *layouter) box(b *Box) {
	d := l.job.Design
	x, y, w, h := l.rect(b.X, b.Y, b.W, b.H)
	if b.Fill != "" {
		fx, fy, fw, fh := l.bleedOut(x, y, w, h, b.X, b.Y, b.W, b.H)
		l.pg.Shapes = append(l.pg.Shapes, Rect(fx, fy, fw, fh, d.color(b.Fill)))
	}
	r := l.inner(b)
	c, known := composers[b.Show]
	if !known {
		return // the design checks name the kind
	}
	if comp := c(l, b, r); comp != nil {
		l.typeset(b, r, comp)
	}
}

func lead(b *Box) float64 {
	if b.Leading > 0 {
		return b.Leading
	}
	return 1.2
}

// style is what most composers read of a box: its ink and accent colours,
// its body face and its alignment.
type style struct {
	ink, accent Color
	role        Role
	align       Align
}

func (l *layouter) style(b *Box) style {
	d := l.job.Design
	s := style{ink: d.color(b.Color), accent: d.color(b.Accent), role: b.Font, align: b.Align}
	if b.Accent == "" {
		s.accent = s.ink
	}
	if s.role == "" {
		s.role = Regular
	}
	if s.align == "" {
		s.align = Left
	}
	return s
}

// para is a paragraph of the box's alignment and leading.
func (s style) para(b *Box, spans []Span, before float64) Para {
	return Para{Spans: spans, Align: s.align, SpaceBefore: before, Leading: b.Leading}
}

// body is text in the box's face, **emphasis** in the stronger one.
func (s style) body(text string) []Span { return Emphasis(text, s.role, strongOf(s.role), s.ink, 1) }

// sheet returns the sheet a box shows.
func (l *layouter) sheet(b *Box) content.Sheet {
	s := l.job.Edition.Sheets
	switch b.Sheet {
	case "parents":
		return s.Parents
	case "reception":
		return s.Reception
	}
	return s.Reflexes
}

func strongOf(r Role) Role {
	if r == Regular {
		return Bold
	}
	return Black
}

func formatDate(loc *typo.Locale, d content.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time()
	return loc.NumericDate(t.Year(), int(t.Month()), t.Day())
}

// draftMark prints the "draft – not verified" band across the top.
func (l *layouter) draftMark() {
	pg := l.pg
	red := Color{180, 20, 20}
	bh := l.band
	pg.Shapes = append(pg.Shapes, Rect(0, 0, pg.MediaWidth(), l.off+bh, red))
	st := setter{l.fonts, bh * 0.5}
	// Read first on the front; its repeat on a back page is an artifact.
	mark := []Block{paragraph(Para{Spans: []Span{{Text: l.i18n("draft_mark"), Role: Black, Color: Color{255, 255, 255}, Scale: 1}}, Align: Center, Leading: 1.2})}
	if l.back {
		mark[0].Kind = BlockDecoration
	}
	l.tag(nil, mark, 0)
	blk := st.set(mark[0].Paras, pg.Width)
	st.emit(pg, blk, l.off, l.off+(bh-blk.height)/2, pg.Width)
}

// errorf is a helper for design problems found while laying out.
func (l *layouter) errorf(b *Box, format string, args ...any) {
	l.probs.Add(l.job.Name()+"/"+b.ID, 0, 0, "", "%s", fmt.Sprintf(format, args...))
}
