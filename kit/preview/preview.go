// Package preview draws a layout.Page as a PNG: the same description the
// PDF backend draws, rasterised with golang.org/x/image (vector shapes,
// TrueType text; raster logos reduced with imaging) at the preview's and the
// thumbnail's heights, and encoded as PNG (png.go).
//
// It only draws; the output is deterministic for a given page.
package preview

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	_ "image/jpeg"

	"github.com/awarekit/awarekit/kit/layout"
)

// Heights of the preview and the thumbnail, in pixels.
const (
	Height      = 1200
	ThumbHeight = 320 // shown at most 160 px high on the downloads page: sharp at 2× pixel density, and light
)

// Render returns the PNG preview and thumbnail of the trimmed page (the
// bleed is not shown). A two-sided design shows both sides next to each
// other, the front on the left.
//
// The thumbnail is drawn from the page at its own height, not reduced from
// the preview: as sharp, and a fifth of the work of a Lanczos reduction.
func Render(pg *layout.Page, fonts layout.Fonts) (full, thumb []byte, err error) {
	if full, err = render(pg, fonts, Height); err != nil {
		return nil, nil, err
	}
	if thumb, err = render(pg, fonts, ThumbHeight); err != nil {
		return nil, nil, err
	}
	return full, thumb, nil
}

func render(pg *layout.Page, fonts layout.Fonts, height int) ([]byte, error) {
	var img *image.RGBA
	for p := pg; p != nil; p = p.Back {
		side, err := Draw(p, fonts, height)
		if err != nil {
			return nil, err
		}
		img = beside(img, side, height/40)
	}
	return encode(img)
}

// beside returns a and b next to each other, with a grey gap.
func beside(a, b *image.RGBA, gap int) *image.RGBA {
	if a == nil {
		return b
	}
	out := image.NewRGBA(image.Rect(0, 0, a.Bounds().Dx()+gap+b.Bounds().Dx(), max(a.Bounds().Dy(), b.Bounds().Dy())))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.RGBA{200, 200, 200, 255}), image.Point{}, draw.Src)
	draw.Draw(out, a.Bounds(), a, image.Point{}, draw.Src)
	draw.Draw(out, b.Bounds().Add(image.Pt(a.Bounds().Dx()+gap, 0)), b, image.Point{}, draw.Src)
	return out
}

// Draw rasterises the trimmed page at the given pixel height.
func Draw(pg *layout.Page, fonts layout.Fonts, height int) (*image.RGBA, error) {
	s := float64(height) / pg.Height
	width := int(math.Round(pg.Width * s))
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	ox, oy := pg.Bleed, pg.Bleed
	px := func(p layout.Point) (float32, float32) {
		return float32((p.X - ox) * s), float32((p.Y - oy) * s)
	}
	var r vector.Rasterizer
	for _, sh := range pg.Shapes {
		// Rasterise within the shape's bounding box only.
		minX, minY, maxX, maxY := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
		for _, c := range sh.Contours {
			for _, p := range c {
				x, y := px(p)
				minX, minY = min(minX, x), min(minY, y)
				maxX, maxY = max(maxX, x), max(maxY, y)
			}
		}
		box := image.Rect(int(math.Floor(float64(minX))), int(math.Floor(float64(minY))), int(math.Ceil(float64(maxX))), int(math.Ceil(float64(maxY)))).Intersect(img.Bounds())
		if box.Empty() {
			continue
		}
		src := image.NewUniform(color.RGBA{sh.Fill.R, sh.Fill.G, sh.Fill.B, 255})
		if rects, ok := pixelRects(sh, px); ok {
			// Bands, fills and QR modules: a plain fill, snapped to whole
			// pixels, is many times faster than the rasteriser and looks
			// the same (QR modules even come out crisper).
			for _, rect := range rects {
				draw.Draw(img, rect.Intersect(img.Bounds()), src, image.Point{}, draw.Src)
			}
			continue
		}
		r.Reset(box.Dx(), box.Dy())
		ox, oy := float32(box.Min.X), float32(box.Min.Y)
		for _, c := range sh.Contours {
			if len(c) < 3 {
				continue
			}
			x, y := px(c[0])
			r.MoveTo(x-ox, y-oy)
			for _, p := range c[1:] {
				x, y := px(p)
				r.LineTo(x-ox, y-oy)
			}
			r.ClosePath()
		}
		r.Draw(img, box, src, image.Point{})
	}
	for _, im := range pg.Images {
		src, _, err := image.Decode(bytes.NewReader(im.Data))
		if err != nil {
			return nil, err
		}
		x0, y0 := px(layout.Point{X: im.X, Y: im.Y})
		x1, y1 := px(layout.Point{X: im.X + im.W, Y: im.Y + im.H})
		r := image.Rect(int(math.Round(float64(x0))), int(math.Round(float64(y0))), int(math.Round(float64(x1))), int(math.Round(float64(y1))))
		if r.Empty() {
			continue
		}
		// Raster images (an edition's logo) are reduced with imaging's
		// Lanczos filter, then laid over the page.
		draw.Draw(img, r, imaging.Resize(src, r.Dx(), r.Dy(), imaging.Lanczos), image.Point{}, draw.Over)
	}
	faces := faceCache{fonts: fonts}
	for _, t := range pg.Texts {
		face, err := faces.get(t.Role, t.Size*s)
		if err != nil {
			return nil, err
		}
		src := image.NewUniform(color.NRGBA{t.Color.R, t.Color.G, t.Color.B, 255})
		if len(t.Glyphs) > 0 {
			drawGlyphs(img, src, t, fonts[t.Role].SFNT(), face.(*glyphFace), s, ox, oy)
			continue
		}
		d := font.Drawer{
			Dst:  img,
			Src:  src,
			Face: face,
			Dot:  fixed.Point26_6{X: fixed.Int26_6((t.X - ox) * s * 64), Y: fixed.Int26_6((t.Y - oy) * s * 64)},
		}
		d.DrawString(t.Text)
	}
	return img, nil
}

// pixelRects reports whether every contour of sh is an axis-aligned
// rectangle (a band, a fill, the runs of a QR code), and returns them in
// pixels, each edge rounded to the nearest pixel.
func pixelRects(sh layout.Shape, px func(layout.Point) (float32, float32)) ([]image.Rectangle, bool) {
	rs := make([]image.Rectangle, 0, len(sh.Contours))
	round := func(v float32) int { return int(math.Round(float64(v))) }
	for _, c := range sh.Contours {
		x0, y0, x1, y1, ok := layout.AxisRect(c)
		if !ok {
			return nil, false
		}
		px0, py0 := px(layout.Point{X: x0, Y: y0})
		px1, py1 := px(layout.Point{X: x1, Y: y1})
		rs = append(rs, image.Rect(round(px0), round(py0), round(px1), round(py1)))
	}
	return rs, len(rs) > 0
}

type faceKey struct {
	role layout.Role
	size float64
}

type faceCache struct {
	fonts layout.Fonts
	m     map[faceKey]font.Face
}

// faces are shared by every Draw of the process, with their glyph masks:
// the same letters come back at the same sizes in every poster of every
// edition. They are dropped together when their masks reach maxGlyphBytes
// (the masks of the 5 bundled editions' previews take about 6 MB).
var faces struct {
	sync.Mutex
	m     map[faceKey]*glyphFace
	bytes int
}

const maxGlyphBytes = 64 << 20

func (c *faceCache) get(role layout.Role, px float64) (font.Face, error) {
	k := faceKey{role, math.Round(px*16) / 16}
	if f, ok := c.m[k]; ok {
		return f, nil
	}
	if c.m == nil {
		c.m = map[faceKey]font.Face{}
	}
	faces.Lock()
	defer faces.Unlock()
	if faces.m == nil || faces.bytes >= maxGlyphBytes {
		faces.m, faces.bytes = map[faceKey]*glyphFace{}, 0
	}
	g, ok := faces.m[k]
	if !ok {
		// opentype faces share the parsed font's buffers: made under the lock.
		f, err := opentype.NewFace(c.fonts[role].SFNT(), &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, err
		}
		g = &glyphFace{Face: f, m: map[glyphKey]glyph{}, ppem: fixed.Int26_6(math.Round(k.size * 64))}
		faces.m[k] = g
	}
	c.m[k] = g
	return g, nil
}

// glyphFace remembers the glyph masks of a face: a page sets the same
// letters hundreds of times, and rasterising each was most of the text's
// cost. A glyph is kept per quarter pixel of its position (the error, under
// a quarter of a pixel, does not show). It is safe for concurrent use: the
// face underneath is used under its lock.
type glyphFace struct {
	font.Face
	mu   sync.Mutex
	m    map[glyphKey]glyph
	ppem fixed.Int26_6 // the face's size: glyphs by id are rasterised at it, whatever the run's exact size
}

type glyphKey struct {
	r      rune
	fx, fy fixed.Int26_6 // the position's fraction of a pixel, in quarters
}

type glyph struct {
	dr      image.Rectangle // relative to the whole pixel of the position
	mask    *image.Alpha
	advance fixed.Int26_6
	ok      bool
}

func (f *glyphFace) Kern(r0, r1 rune) fixed.Int26_6 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.Face.Kern(r0, r1)
}

func (f *glyphFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	k := glyphKey{r: r, fx: dot.X & 63 &^ 15, fy: dot.Y & 63 &^ 15}
	g := f.cached(k, func() glyph {
		dr, mask, mp, adv, ok := f.Face.Glyph(fixed.Point26_6{X: k.fx, Y: k.fy}, r)
		g := glyph{dr: dr, advance: adv, ok: ok}
		if ok {
			// The face reuses its mask buffer: keep a copy.
			g.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			draw.Draw(g.mask, g.mask.Bounds(), mask, mp, draw.Src)
		}
		return g
	})
	if !g.ok {
		return image.Rectangle{}, nil, image.Point{}, g.advance, false
	}
	return g.dr.Add(image.Pt(int(dot.X>>6), int(dot.Y>>6))), g.mask, image.Point{}, g.advance, true
}

// cached returns the face's glyph for k, made by mk (and its mask
// counted in the cache's size) the first time k is asked for.
func (f *glyphFace) cached(k glyphKey, mk func() glyph) glyph {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, hit := f.m[k]
	if !hit {
		g = mk()
		f.m[k] = g
		if g.mask != nil {
			faces.Lock()
			faces.bytes += len(g.mask.Pix) + 64
			faces.Unlock()
		}
	}
	return g
}
