package preview

import (
	"bytes"
	"testing"

	"github.com/awarekit/awarekit/kit/layout"
)

// TestGlyphCacheReproducible: a shaped run's pixels do not depend on what
// was drawn before it in the process. The glyph masks are shared by every
// Draw, per face of a size rounded to 1/16 pixel; a run at a size a hair
// different, drawn first, must not lend it masks rasterised at its own
// size (the bundled build's thumbnails differed from one run to the next:
// the editions are drawn in parallel).
func TestGlyphCacheReproducible(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	run := func(size float64) *layout.Page {
		k := size / 2000
		var gs []layout.Glyph
		for i := 0; i < 12; i++ {
			gs = append(gs, layout.Glyph{ID: uint16(3 + i*5), Advance: 1100 * k})
		}
		return &layout.Page{Width: 300, Height: 100, Texts: []layout.Text{{X: 10.3, Y: 60.2, Role: layout.Regular, Size: size, Glyphs: gs}}}
	}
	draw := func(pg *layout.Page) []byte {
		img, err := Draw(pg, fonts, 400)
		if err != nil {
			t.Fatal(err)
		}
		return img.Pix
	}
	reset := func() { faces.Lock(); faces.m = nil; faces.Unlock() }
	reset()
	alone := draw(run(12))
	reset()
	draw(run(12.007)) // the same face (48.03 px rounds to 48), another size
	after := draw(run(12))
	if !bytes.Equal(alone, after) {
		t.Error("a run's pixels depend on the run drawn before it at a size of the same face")
	}
}
