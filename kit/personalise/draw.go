package personalise

import (
	"image"
	"image/draw"
	"math"
	"reflect"

	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/preview"
)

// canvas keeps the last preview drawn of one side of a design, so that a
// keystroke redraws only what changed: the page is laid out again (the
// layout is cheap), compared with the one drawn before, and only the
// rectangle holding the texts, shapes and images that differ is drawn
// again, through kit/preview, onto a copy of the previous image. Typing in
// the local block changes a few lines; drawing the whole poster each time
// was most of a keystroke's cost in the browser.
type canvas struct {
	key  string
	page *layout.Page
	img  *image.RGBA
}

// redrawFull is the share of the image above which a dirty rectangle is
// not worth it: the whole side is drawn again.
const redrawFull = 0.6

// drawSide returns the side pg drawn height pixels high, reusing c.
func (c *canvas) drawSide(key string, pg *layout.Page, fonts layout.Fonts, height int) (*image.RGBA, error) {
	if c.key != key || c.img == nil {
		img, err := preview.Draw(pg, fonts, height)
		if err != nil {
			return nil, err
		}
		c.key, c.page, c.img = key, pg, img
		return img, nil
	}
	s := float64(height) / pg.Height
	dirty, n := diff(c.page, pg)
	if n == 0 {
		c.page = pg
		return c.img, nil
	}
	// The rectangle in pixels, whole pixels, with a margin for antialiasing.
	r := image.Rect(
		int(math.Floor((dirty.x0-pg.Bleed)*s))-2, int(math.Floor((dirty.y0-pg.Bleed)*s))-2,
		int(math.Ceil((dirty.x1-pg.Bleed)*s))+2, int(math.Ceil((dirty.y1-pg.Bleed)*s))+2,
	).Intersect(c.img.Bounds())
	if r.Empty() {
		c.page = pg
		return c.img, nil
	}
	b := c.img.Bounds()
	if float64(r.Dx()*r.Dy()) > redrawFull*float64(b.Dx()*b.Dy()) {
		img, err := preview.Draw(pg, fonts, height)
		if err != nil {
			return nil, err
		}
		c.page, c.img = pg, img
		return img, nil
	}
	sub := clip(pg, r, s)
	part, err := preview.Draw(sub, fonts, r.Dy())
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(b)
	copy(img.Pix, c.img.Pix)
	draw.Draw(img, r, part, part.Bounds().Min, draw.Src)
	c.page, c.img = pg, img
	return img, nil
}

// rect is a rectangle in page points (y down, the bleed included).
type rect struct{ x0, y0, x1, y1 float64 }

func (a rect) union(b rect) rect {
	return rect{min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1)}
}

func (a rect) meets(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// textRect bounds a text run generously: ascenders, descenders and
// overhangs stay inside.
func textRect(t layout.Text) rect {
	return rect{t.X - t.Size, t.Y - 1.3*t.Size, t.X + t.Width + t.Size, t.Y + 0.6*t.Size}
}

func shapeRect(sh layout.Shape) rect {
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, c := range sh.Contours {
		for _, p := range c {
			r = r.union(rect{p.X, p.Y, p.X, p.Y})
		}
	}
	return r
}

func imageRect(im layout.Image) rect { return rect{im.X, im.Y, im.X + im.W, im.Y + im.H} }

// diff returns the rectangle holding every text, shape and image that
// differs between the two pages, and how many do. The lists are compared
// in order: what comes before the first difference and after the last is
// the same in both (the official boxes), everything between is marked, in
// both pages. The structure (Elem) does not count: the preview ignores it.
func diff(a, b *layout.Page) (rect, int) {
	if a.Width != b.Width || a.Height != b.Height || a.Bleed != b.Bleed {
		return rect{0, 0, a.Width + 2*a.Bleed, a.Height + 2*a.Bleed}, 1
	}
	out := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	n := 0
	mark := func(r rect) { out, n = out.union(r), n+1 }
	changed(a.Texts, b.Texts, func(t layout.Text) layout.Text { t.Elem = 0; return t }, textRect, mark)
	changed(a.Shapes, b.Shapes, func(s layout.Shape) layout.Shape { s.Elem = 0; return s }, shapeRect, mark)
	changed(a.Images, b.Images, func(i layout.Image) layout.Image { i.Elem = 0; return i }, imageRect, mark)
	return out, n
}

// changed calls mark with the rectangle of each item of a and b between
// their common beginning and their common end.
func changed[T any](a, b []T, norm func(T) T, bounds func(T) rect, mark func(rect)) {
	same := func(x, y T) bool { return reflect.DeepEqual(norm(x), norm(y)) }
	i := 0
	for i < len(a) && i < len(b) && same(a[i], b[i]) {
		i++
	}
	ja, jb := len(a), len(b)
	for ja > i && jb > i && same(a[ja-1], b[jb-1]) {
		ja, jb = ja-1, jb-1
	}
	for _, x := range a[i:ja] {
		mark(bounds(x))
	}
	for _, x := range b[i:jb] {
		mark(bounds(x))
	}
}

// clip returns the part of pg that the pixel rectangle r of its preview at
// scale s shows, as a page of its own: the items that meet it, moved so
// that r's corner is the page's. Drawn r.Dy() pixels high, it gives the
// same pixels as the whole page drawn at scale s, inside r.
func clip(pg *layout.Page, r image.Rectangle, s float64) *layout.Page {
	dx, dy := float64(r.Min.X)/s+pg.Bleed, float64(r.Min.Y)/s+pg.Bleed
	area := rect{dx, dy, float64(r.Max.X)/s + pg.Bleed, float64(r.Max.Y)/s + pg.Bleed}
	sub := &layout.Page{Width: float64(r.Dx()) / s, Height: float64(r.Dy()) / s}
	for _, sh := range pg.Shapes {
		if !shapeRect(sh).meets(area) {
			continue
		}
		cs := make([][]layout.Point, len(sh.Contours))
		for i, c := range sh.Contours {
			cs[i] = make([]layout.Point, len(c))
			for j, p := range c {
				cs[i][j] = layout.Point{X: p.X - dx, Y: p.Y - dy}
			}
		}
		sh.Contours = cs
		sub.Shapes = append(sub.Shapes, sh)
	}
	for _, im := range pg.Images {
		if imageRect(im).meets(area) {
			im.X, im.Y = im.X-dx, im.Y-dy
			sub.Images = append(sub.Images, im)
		}
	}
	for _, t := range pg.Texts {
		if textRect(t).meets(area) {
			t.X, t.Y = t.X-dx, t.Y-dy
			sub.Texts = append(sub.Texts, t)
		}
	}
	return sub
}
