package layout

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/awarekit/awarekit/kit/typo"
)

// LocalSpec is a design's `local:` section: where a personalised poster's
// local block goes. Without a local block the design is drawn exactly as
// its boxes say; with one, the boxes listed under replace take their new
// geometry (the box of the same id is replaced whole) and the block is
// drawn in box, a box of kind local. The official texts stay word for word:
// only their box may shrink, and fit-or-fail still applies to them.
type LocalSpec struct {
	Side    string `yaml:"side"`    // front (default) | back
	Box     Box    `yaml:"box"`     // show: local
	Replace []Box  `yaml:"replace"` // boxes of that side, new geometry when a block is given
	// Drop lists boxes of that side left out when the block is given: the
	// boxes whose place it takes (the site band, in a fallback place).
	Drop []string `yaml:"drop"`
	// Compact sets the role, the phone and the hours on one line (a
	// short place: three lines hold a name, a role and a phone).
	Compact bool `yaml:"compact"`
	// Fallback is where the block goes when the official text has no room
	// beside Box even with the smallest block (an edition with longer
	// texts): Layout tries it only then. A smaller place takes a shorter
	// block; a block too long for it gets its own "too long" problem.
	Fallback *LocalSpec `yaml:"fallback"`
}

// officialOverflow reports whether err holds a problem of an official box
// (not a field of the local block): a text the block left no room.
func officialOverflow(err error) bool {
	var de *diag.Error
	if !errors.As(err, &de) {
		return false
	}
	for _, p := range de.Problems {
		if !strings.HasPrefix(p.Field, "local_") {
			return true
		}
	}
	return false
}

// Personalisable reports whether the design declares a local block.
func (d *Design) Personalisable() bool { return d.Local != nil }

// localBoxes returns the boxes of the front and the back to draw: the
// design's own, or the personalised ones when the job has a local block.
func (l *layouter) localBoxes() (front, back []Box) {
	d := l.job.Design
	front = d.Boxes
	if d.Back != nil {
		back = d.Back.Boxes
	}
	if l.job.Local == nil {
		return front, back
	}
	if d.Local == nil {
		l.probs.Add(l.job.Name(), 0, 0, "", "this design has no local block (no local: section)")
		return front, back
	}
	if d.Local.Side == "back" {
		return front, l.fitLocal(d.Local.boxes(back))
	}
	return l.fitLocal(d.Local.boxes(front)), back
}

// localLogoFloor is the least inner height, in design millimetres, of a
// local block with a logo: the logo stands that high at least.
const localLogoFloor = 16

// fitLocal gives a local block the height its content needs: the local
// box (the last of side) keeps its bottom edge and loses the height its
// text does not use at the largest size that fits (a logo keeps it at
// least localLogoFloor high), and the replaced boxes that end nearest
// above it, across its width, grow down by as much (the gap between them
// stays). So a block of two lines leaves the official text more room than
// one of six. A block that does not fit even at its smallest size keeps
// its box, and its overflow is reported as before.
func (l *layouter) fitLocal(side []Box) []Box {
	last := len(side) - 1
	b := side[last]
	// The height the block's content needs in its inner area, at the
	// largest size that fits (ok false when none does).
	need := func(b Box) (float64, bool) {
		r := l.inner(&b)
		c := composeLocal(l, &b, r)
		if c == nil {
			return 0, false
		}
		f, size := l.largest(&b, c, r.h)
		if f == nil {
			return 0, false
		}
		h, _ := f.height(setter{l.fonts, size})
		return h, true
	}
	r := l.inner(&b)
	h, ok := need(b)
	if !ok {
		return side
	}
	if l.job.Local.Logo != nil {
		h = max(h, min(r.h, localLogoFloor*l.ky))
	}
	// A quarter of a millimetre to spare, against rounding.
	slack := (r.h-h)/l.ky - 0.25
	if slack <= 0.5 {
		return side
	}
	shrunk := b
	shrunk.Y, shrunk.H = b.Y+slack, b.H-slack
	if l.job.Local.Logo != nil {
		// A smaller logo leaves the text more width: check it still fits.
		if _, ok := need(shrunk); !ok {
			return side
		}
	}
	out := slices.Clone(side)
	out[last] = shrunk
	// The replaced boxes ending nearest above the block, across its width.
	bottom := math.Inf(-1)
	above := func(o Box) bool {
		return o.Y+o.H <= b.Y+1e-6 && o.X < b.X+b.W-1e-9 && b.X < o.X+o.W-1e-9 &&
			slices.ContainsFunc(l.job.Design.Local.Replace, func(r Box) bool { return r.ID == o.ID })
	}
	for _, o := range side[:last] {
		if above(o) {
			bottom = max(bottom, o.Y+o.H)
		}
	}
	for i, o := range side[:last] {
		if above(o) && o.Y+o.H >= bottom-1e-6 {
			out[i].H += slack
		}
	}
	return out
}

// boxes returns a side's boxes with the replacements and the local box,
// without the dropped ones.
func (s *LocalSpec) boxes(side []Box) []Box {
	out := make([]Box, 0, len(side)+1)
	for _, b := range side {
		if slices.Contains(s.Drop, b.ID) {
			continue
		}
		for _, r := range s.Replace {
			if r.ID == b.ID {
				b = r
			}
		}
		out = append(out, b)
	}
	return append(out, s.Box)
}

// checkLocal checks the local: section: the local box and the replaced
// boxes are checked like every box (in the page, sizes readable, known
// colours), and the personalised side must have no overlap either; the
// same for its fallback place.
func (d *Design) checkLocal(add func(field, format string, args ...any), inPage func(field string, x, y, w, h float64), useColor func(field, c string)) {
	if d.Local == nil {
		return
	}
	d.checkLocalSpec(d.Local, "local", add, inPage, useColor)
	if f := d.Local.Fallback; f != nil {
		if f.Fallback != nil {
			add("local.fallback.fallback", "a fallback has no fallback of its own")
		}
		d.checkLocalSpec(f, "local.fallback", add, inPage, useColor)
	}
}

func (d *Design) checkLocalSpec(s *LocalSpec, at string, add func(field, format string, args ...any), inPage func(field string, x, y, w, h float64), useColor func(field, c string)) {
	side := d.Boxes
	switch s.Side {
	case "", "front":
	case "back":
		if d.Back == nil {
			add(at+".side", "back: the design has no back")
			return
		}
		side = d.Back.Boxes
	default:
		add(at+".side", "%q is not one of front, back", s.Side)
		return
	}
	if s.Box.Show != "local" {
		add(at+".box.show", "must be local")
	}
	sideName := map[bool]string{true: "back", false: "front"}[s.Side == "back"]
	for i, r := range s.Replace {
		if !slices.ContainsFunc(side, func(b Box) bool { return b.ID == r.ID }) {
			add(fmt.Sprintf("%s.replace[%d].id", at, i), "%q is not a box of the %s", r.ID, sideName)
		}
	}
	for i, id := range s.Drop {
		if !slices.ContainsFunc(side, func(b Box) bool { return b.ID == id }) {
			add(fmt.Sprintf("%s.drop[%d]", at, i), "%q is not a box of the %s", id, sideName)
		}
	}
	// The replaced boxes are checked like every box: kinds, place, sizes,
	// colours, overlaps on the personalised side. Box ids of the other
	// side count as seen.
	seen := map[string]bool{}
	other := d.Back
	if s.Side == "back" {
		other = &Side{Boxes: d.Boxes}
	}
	if other != nil {
		for _, b := range other.Boxes {
			seen[b.ID] = true
		}
	}
	all := s.boxes(side)
	d.checkBoxes(at, all[:len(all)-1], seen, add, inPage, useColor)
	// The local box itself: place, sizes readable on every paper size,
	// colours, and no overlap with the personalised side.
	b := s.Box
	f := at + "." + b.ID
	if b.ID == "" {
		add(at+".box.id", "missing (required)")
	} else if seen[b.ID] || slices.ContainsFunc(side, func(o Box) bool { return o.ID == b.ID }) {
		add(at+".box.id", "duplicate box id %q", b.ID)
	}
	inPage(f, b.X, b.Y, b.W, b.H)
	if b.Font != "" && !slices.Contains(DesignRoles, b.Font) {
		add(f+".font", "%q is not one of regular, bold, black", b.Font)
	}
	if len(b.Size) != 2 || b.Size[0] < b.Size[1] || b.Size[1] <= 0 {
		add(f+".size", "give [max, min] in points, max ≥ min > 0")
	} else {
		for _, sz := range d.Sizes {
			if got, min := b.Size[1]*d.Scale(sz), MinBody[sz]; got < min-1e-6 {
				add(f+".size", "the minimum %.1f pt on %s is under the %.1f pt readable there", got, sz, min)
			}
		}
	}
	for _, c := range []struct{ k, v string }{{"color", b.Color}, {"accent", b.Accent}, {"fill", b.Fill}} {
		useColor(f+"."+c.k, c.v)
	}
	for _, o := range all[:len(all)-1] {
		if b.X < o.X+o.W-1e-9 && o.X < b.X+b.W-1e-9 && b.Y < o.Y+o.H-1e-9 && o.Y < b.Y+b.H-1e-9 {
			add(f, "overlaps box %s", o.ID)
		}
	}
}

func init() { compose(composeLocal, "local") }

// composeLocal composes the local block: the logo on the left when there
// is one, then name, role, phone, hours, address and URL, and a small line
// saying who added it, centred in the box's height; the phone and the URL
// are clickable. A text that does not fit even at the box's smallest size
// is reported on the field that takes the most lines, as "too long by N
// lines at the smallest size", with the field name (local_address…) as the
// problem's field.
func composeLocal(l *layouter, b *Box, r rect) *composition {
	blk := l.job.Local
	if blk == nil {
		return nil
	}
	st := l.style(b)
	ink, accent, align := st.ink, st.accent, st.align
	var bs []Block
	var logo Image
	if blk.Logo != nil {
		lh := math.Min(r.h, r.w/4)
		lw := lh * float64(blk.LogoSize[0]) / float64(blk.LogoSize[1])
		if lw > r.w/4 {
			lw, lh = r.w/4, r.w/4*float64(blk.LogoSize[1])/float64(blk.LogoSize[0])
		}
		logo = Image{X: r.x, Y: r.y + (r.h-lh)/2, W: lw, H: lh, Data: blk.Logo}
		r.x, r.w = r.x+lw+l.k*2, r.w-lw-l.k*2
	}
	// One paragraph per field for the attribution of an overflow; printed
	// more compactly: the phone and the hours share a paragraph, and so do
	// the address and the URL; in a compact place (LocalSpec.Compact) the
	// role, the phone and the hours share one.
	compact := l.job.Design.Local != nil && l.job.Design.Local.Compact
	joins := func(prev []string, f string) bool {
		switch f {
		case local.FieldHours:
			return slices.Contains(prev, local.FieldPhone) || compact && slices.Contains(prev, local.FieldRole)
		case local.FieldPhone:
			return compact && slices.Contains(prev, local.FieldRole)
		case local.FieldURL:
			return slices.Contains(prev, local.FieldAddress)
		}
		return false
	}
	var single []Para
	var fields []string
	var paras []Para
	var paraFields [][]string
	for _, f := range local.Fields {
		v := blk.Get(f)
		if v == "" {
			continue
		}
		sp := Span{Text: l.t(v), Role: Regular, Color: ink, Scale: 1}
		switch f {
		case local.FieldName:
			sp.Role, sp.Color, sp.Scale = Black, accent, 1.1
		case local.FieldPhone:
			sp.Text, sp.Role = v, Black // as typed: typography never touches a number
		case local.FieldURL:
			sp.Text = v
		}
		// What the organisation typed reads as written, in an Arabic poster
		// too ("3 rue des Écoles, 69001 Lyon"): each paragraph takes the
		// direction of its first strong character.
		single = append(single, Para{Spans: []Span{sp}, Align: align, Leading: b.Leading, Isolate: true})
		fields = append(fields, f)
		if len(paraFields) > 0 && joins(paraFields[len(paraFields)-1], f) {
			last := &paras[len(paras)-1]
			last.Spans = append(last.Spans, Span{Text: "\u00a0· ", Role: Regular, Color: ink, Scale: 1}, sp)
			paraFields[len(paraFields)-1] = append(paraFields[len(paraFields)-1], f)
			continue
		}
		before := 0.05
		if len(paras) == 0 {
			before = 0
		}
		paras = append(paras, Para{Spans: []Span{sp}, Align: align, SpaceBefore: before, Leading: b.Leading, Isolate: true})
		paraFields = append(paraFields, []string{f})
	}
	note := Para{Spans: []Span{{Text: l.i18n("local_added"), Role: Regular, Color: ink, Scale: 0.7}}, Align: align, SpaceBefore: 0.2, Leading: b.Leading}
	paras = append(paras, note)
	// Read after the side's boxes: the logo (a figure named after the
	// organisation), then a paragraph per printed paragraph, the one
	// holding the phone or the URL a link (its whole paragraph is the
	// clickable area).
	name := typo.Plain(l.t(blk.Name))
	var logoAt int
	if logo.Data != nil {
		bs = append(bs, Block{Kind: BlockImage, Alt: name, Data: logo.Data, Size: blk.LogoSize})
		logoAt = len(bs)
	}
	links := make([]int, len(paras)) // the block of each paragraph that is a link, + 1
	for i, p := range paras {
		k := paragraph(p)
		if i < len(paraFields) {
			switch {
			case slices.Contains(paraFields[i], local.FieldPhone) && blk.Dial != "":
				k = Block{Kind: BlockLink, Target: "tel:" + blk.Dial, Alt: linkAlt(name, blk.Phone), Paras: []Para{p}}
			case slices.Contains(paraFields[i], local.FieldURL):
				k = Block{Kind: BlockLink, Target: blk.URL, Alt: linkAlt(name, blk.URL), Paras: []Para{p}}
			}
		}
		bs = append(bs, k)
		if k.Kind == BlockLink {
			links[i] = len(bs)
		}
	}

	s := &stack{paras: textParas(bs), r: r, centre: true}
	s.after = func(pg *Page, st setter, set block, top float64) {
		if logoAt > 0 {
			logo.Elem = bs[logoAt-1].elem
			pg.Images = append(pg.Images, logo)
		}
		// The phone and the URL are clickable in the PDF.
		yy := top
		for i, ls := range set.lines {
			if i > 0 {
				yy += set.paras[i].SpaceBefore * st.size
			}
			hh := 0.0
			for _, ln := range ls {
				hh += ln.height
			}
			if k := links[i]; k > 0 {
				link := &bs[k-1]
				x, w := r.x, r.w
				if i < len(paraFields) && slices.Contains(paraFields[i], local.FieldRole) {
					// A compact line (role · phone · hours): only the
					// number is the link, not the role beside it.
					x, w = phoneRun(pg.Texts, blk.Phone, r.x, r.w, yy, yy+hh)
				}
				pg.Links = append(pg.Links, Link{X: x, Y: yy, W: w, H: hh, URL: link.Target, Elem: link.elem})
			}
			yy += hh
		}
	}
	c := one(bs, s)
	c.overflow = func(size, excess float64, cut string) {
		_, min := l.sizes(b)
		lineH := min * lead(b)
		n := 1
		if !math.IsInf(excess, 1) {
			n = int(math.Ceil(excess/lineH - 1e-9))
		}
		// The culprit: the field with the most lines, or the one holding
		// a word wider than the box; of those with as many lines, the
		// longest (in a compact line every field alone takes one).
		st := setter{l.fonts, size}
		worst, most, widest := fields[0], -1, -1.0
		for i, f := range fields {
			alone := st.set(single[i:i+1], r.w)
			lines := len(alone.lines[0])
			if alone.cut != "" {
				lines = math.MaxInt
			}
			width := 0.0
			for _, ln := range alone.lines[0] {
				width += ln.width
			}
			if lines > most || lines == most && width >= widest {
				worst, most, widest = f, lines, width
			}
		}
		if math.IsInf(excess, 1) {
			l.probs.Add(l.job.Name()+"/"+b.ID, 0, 0, worst, "a word is wider than the box even at the smallest size: %q", cut)
		} else {
			s := "s"
			if n == 1 {
				s = ""
			}
			l.probs.Add(l.job.Name()+"/"+b.ID, 0, 0, worst, "too long by %d line%s at the smallest size", n, s)
		}
	}
	return c
}

// phoneRun returns the horizontal extent of the run printing phone in the
// area x…x+w, between the heights top and bottom (a line of the local
// block), or the whole area when no run prints it.
func phoneRun(texts []Text, phone string, x, w, top, bottom float64) (float64, float64) {
	for _, t := range texts {
		if strings.TrimSpace(t.Text) == phone && t.Y >= top && t.Y <= bottom && t.X >= x-1e-6 && t.X <= x+w {
			return t.X, t.Width
		}
	}
	return x, w
}
