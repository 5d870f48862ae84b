package preview

import (
	"bytes"
	"image"
	"testing"

	"github.com/awarekit/awarekit/kit/layout"
)

// ink returns the bounding box of the non-white pixels of img.
func ink(img *image.RGBA) image.Rectangle {
	var r image.Rectangle
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R < 200 {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// TestGlyphIDs: a shaped run is drawn by glyph id at the shaping's pen
// positions: Lato's "AV" (glyphs 3 and 28, kerned by 114 units) lands
// where the same characters drawn from the text do but kerned closer, and
// the lam-alef ligature of Noto Sans Arabic (glyph 704, one glyph for two
// letters) is drawn, narrower than the two letters apart.
func TestGlyphIDs(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	draw := func(tx layout.Text) image.Rectangle {
		pg := &layout.Page{Width: 300, Height: 100, Texts: []layout.Text{tx}}
		img, err := Draw(pg, fonts, 400)
		if err != nil {
			t.Fatal(err)
		}
		return ink(img)
	}
	const size, upem = 40.0, 2000.0
	k := size / upem
	byText := draw(layout.Text{X: 10, Y: 60, Role: layout.Regular, Size: size, Text: "AV"})
	av := layout.Text{X: 10, Y: 60, Role: layout.Regular, Size: size, Text: "AV", Glyphs: []layout.Glyph{
		{ID: 3, Advance: 1246 * k, Text: "A"}, {ID: 28, Advance: 1246 * k, Text: "V"},
	}}
	byID := draw(av)
	if byID.Empty() || byID.Min.X != byText.Min.X || byID.Min.Y != byText.Min.Y || byID.Max.Y != byText.Max.Y {
		t.Errorf("glyph ids ink %v, characters %v: want the same left edge and height", byID, byText)
	}
	if byID.Dx() >= byText.Dx() && byText.Dx() > 0 {
		// The text path kerns from the old kern table; both narrower than
		// unkerned: at least not wider.
		t.Logf("AV by id %d px wide, by text %d px", byID.Dx(), byText.Dx())
	}
	// An offset moves a glyph: DY up.
	av.Glyphs[1].DY = 5
	if up := draw(av); up.Min.Y >= byID.Min.Y {
		t.Errorf("DY 5 pt: ink top %d, want above %d", up.Min.Y, byID.Min.Y)
	}
	lamAlef := draw(layout.Text{X: 10, Y: 60, Role: "arabic", Size: size, Text: "لا", RTL: true, Glyphs: []layout.Glyph{{ID: 704, Advance: 582 * size / 1000, Text: "لا"}}})
	apart := draw(layout.Text{X: 10, Y: 60, Role: "arabic", Size: size, Text: "ال"})
	if lamAlef.Empty() || lamAlef.Dx() >= apart.Dx() {
		t.Errorf("lam-alef ligature ink %v, the two letters apart %v", lamAlef, apart)
	}
}

// TestGlyphMasksBySize: a shaped text is drawn the same whether or not a
// text of a slightly different size, which shares its face (sizes within
// 1/16 px), was drawn before it in the process: a build draws its posters
// in parallel, in no fixed order, and its pictures must not depend on it.
func TestGlyphMasksBySize(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	text := func(size float64) layout.Text {
		return layout.Text{X: 10, Y: 60, Role: layout.Bold, Size: size, Text: "A", Glyphs: []layout.Glyph{{ID: 3, Advance: 1246 * size / 2000, Text: "A"}}}
	}
	// 400 px high for a 100 pt page: 4 px a point; 29.993 and 30.007 pt are
	// 119.972 and 120.028 px, one face (120 px), not one ppem.
	draw := func(tx layout.Text) *image.RGBA {
		img, err := Draw(&layout.Page{Width: 300, Height: 100, Texts: []layout.Text{tx}}, fonts, 400)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	faces.Lock()
	faces.m = nil
	faces.Unlock()
	alone := draw(text(30.007))
	faces.Lock()
	faces.m = nil
	faces.Unlock()
	draw(text(29.993))
	after := draw(text(30.007))
	if !bytes.Equal(alone.Pix, after.Pix) {
		t.Fatal("the 30.007 pt glyph drawn after a 29.993 pt one differs from it drawn alone")
	}
}
