package preview

import (
	"image"
	"image/draw"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/awarekit/awarekit/kit/layout"
)

// Shaped text. A run the layout shaped (layout.Text.Glyphs) is drawn glyph
// by glyph, by glyph id, at the pen positions the shaping gave: the same
// glyphs the PDF shows (Arabic joining forms, ligatures, kerning), which
// drawing the run's characters would not give.

// drawGlyphs draws a shaped run at pixel scale s; (ox, oy) is the page
// origin in points (the bleed).
func drawGlyphs(img *image.RGBA, src image.Image, t layout.Text, sf *sfnt.Font, face *glyphFace, s, ox, oy float64) {
	// The face's size, not the run's: its masks are shared by every run
	// of a size that rounds to it, so that what was drawn before changes
	// nothing.
	ppem := face.ppem
	pen := (t.X - ox) * s
	base := (t.Y - oy) * s
	for _, g := range t.Glyphs {
		x, y := pen+g.DX*s, base-g.DY*s
		dot := fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
		if dr, mask, ok := face.glyphID(sf, ppem, dot, g.ID); ok {
			draw.DrawMask(img, dr, src, image.Point{}, mask, image.Point{}, draw.Over)
		}
		pen += g.Advance * s
	}
}

// glyphID returns the mask of glyph gid at dot, from the face's cache
// (kept per quarter pixel, as Glyph's are: the key's rune is -1-gid, which
// no character has). ppem is always the face's own size (drawGlyphs), so
// the masks a face keeps do not depend on which run drew them first.
func (f *glyphFace) glyphID(sf *sfnt.Font, ppem fixed.Int26_6, dot fixed.Point26_6, gid uint16) (image.Rectangle, *image.Alpha, bool) {
	k := glyphKey{r: -1 - rune(gid), fx: dot.X & 63 &^ 15, fy: dot.Y & 63 &^ 15}
	g := f.cached(k, func() glyph { return rasterGlyph(sf, ppem, fixed.Point26_6{X: k.fx, Y: k.fy}, gid) })
	if !g.ok {
		return image.Rectangle{}, nil, false
	}
	return g.dr.Add(image.Pt(int(dot.X>>6), int(dot.Y>>6))), g.mask, true
}

// rasterGlyph rasterises one glyph's outline (sfnt.LoadGlyph: y down) with
// its origin at dot, as opentype.Face.Glyph does for a character.
func rasterGlyph(sf *sfnt.Font, ppem fixed.Int26_6, dot fixed.Point26_6, gid uint16) glyph {
	var buf sfnt.Buffer
	segs, err := sf.LoadGlyph(&buf, sfnt.GlyphIndex(gid), ppem, nil)
	if err != nil || len(segs) == 0 {
		return glyph{} // a space, or a glyph with no outline
	}
	b := segs.Bounds().Add(dot)
	dr := image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil())
	if dr.Dx() <= 0 || dr.Dy() <= 0 {
		return glyph{}
	}
	bx := dot.X - fixed.Int26_6(dr.Min.X<<6)
	by := dot.Y - fixed.Int26_6(dr.Min.Y<<6)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X+bx) / 64, float32(p.Y+by) / 64
	}
	r := vector.NewRasterizer(dr.Dx(), dr.Dy())
	r.DrawOp = draw.Src
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			r.MoveTo(pt(sg.Args[0]))
		case sfnt.SegmentOpLineTo:
			r.LineTo(pt(sg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(sg.Args[0])
			x2, y2 := pt(sg.Args[1])
			r.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(sg.Args[0])
			x2, y2 := pt(sg.Args[1])
			x3, y3 := pt(sg.Args[2])
			r.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	mask := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
	r.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	// dr relative to the whole pixel of the position, as Glyph keeps it.
	return glyph{dr: dr, mask: mask, ok: true}
}
