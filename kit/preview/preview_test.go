package preview

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/awarekit/awarekit/kit/layout"
)

// TestEncode: the PNG writer's files decode, with image/png, to exactly
// the pixels drawn, whatever the rows look like.
func TestEncode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	paint := map[string]func(x, y int) color.RGBA{
		"flat": func(x, y int) color.RGBA { return color.RGBA{27, 42, 78, 255} },
		"noise": func(x, y int) color.RGBA {
			return color.RGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), 255}
		},
		"bands":  func(x, y int) color.RGBA { return color.RGBA{uint8(y / 3 * 40), 200, uint8(x), 255} },
		"stripe": func(x, y int) color.RGBA { return color.RGBA{uint8(x * 7), uint8(x * 13), uint8(x * 31), 255} },
	}
	for _, sz := range []image.Rectangle{image.Rect(0, 0, 1, 1), image.Rect(0, 0, 37, 11), image.Rect(5, 3, 64, 40)} {
		for name, f := range paint {
			img := image.NewRGBA(sz)
			for y := sz.Min.Y; y < sz.Max.Y; y++ {
				for x := sz.Min.X; x < sz.Max.X; x++ {
					img.SetRGBA(x, y, f(x, y))
				}
			}
			b, err := encode(img)
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s %v: %v", name, sz, err)
			}
			if got.Bounds().Dx() != sz.Dx() || got.Bounds().Dy() != sz.Dy() {
				t.Fatalf("%s %v: decoded %v", name, sz, got.Bounds())
			}
			for y := 0; y < sz.Dy(); y++ {
				for x := 0; x < sz.Dx(); x++ {
					r, g, bl, a := got.At(x, y).RGBA()
					w := img.RGBAAt(sz.Min.X+x, sz.Min.Y+y)
					if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(bl>>8) != w.B || a != 0xffff {
						t.Fatalf("%s %v: pixel (%d,%d) = %v %v %v %v, want %v", name, sz, x, y, r>>8, g>>8, bl>>8, a>>8, w)
					}
				}
			}
		}
	}
}

// TestRender: preview and thumbnail have their heights, show the page's
// colours where the layout put them, and are the same bytes every time.
func TestRender(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	navy := layout.Color{R: 27, G: 42, B: 78}
	pg := &layout.Page{
		Width: 595.28, Height: 841.89,
		Shapes: []layout.Shape{
			layout.Rect(0, 0, 595.28, 96.4, navy),
			// A triangle goes through the rasteriser, not the fill.
			{Fill: layout.Color{R: 200, G: 16, B: 46}, Contours: [][]layout.Point{poly(300, 400, 500, 400, 400, 600)}},
		},
		Texts: []layout.Text{{X: 40, Y: 60, Role: layout.Black, Size: 40, Text: "LA SEXTORSION", Color: layout.Color{R: 255, G: 255, B: 255}}},
	}
	pg.Back = &layout.Page{Width: pg.Width, Height: pg.Height}
	full, thumb, err := Render(pg, fonts)
	if err != nil {
		t.Fatal(err)
	}
	again, _, _ := Render(pg, fonts)
	if !bytes.Equal(full, again) {
		t.Error("two renders differ")
	}
	for _, c := range []struct {
		b []byte
		h int
	}{{full, Height}, {thumb, ThumbHeight}} {
		img, err := png.Decode(bytes.NewReader(c.b))
		if err != nil {
			t.Fatal(err)
		}
		side := int(float64(c.h)*595.28/841.89 + 0.5)
		if b := img.Bounds(); b.Dy() != c.h || b.Dx() != 2*side+c.h/40 {
			t.Errorf("height %d: image %v, want %d×%d (two sides and a gap)", c.h, b, 2*side+c.h/40, c.h)
		}
		at := func(x, y float64) color.RGBA {
			r, g, b, _ := img.At(int(x*float64(c.h)/841.89), int(y*float64(c.h)/841.89)).RGBA()
			return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
		}
		for _, p := range []struct {
			x, y float64
			want color.RGBA
		}{
			{10, 90, color.RGBA{27, 42, 78, 255}},      // the band, left of the text
			{580, 10, color.RGBA{27, 42, 78, 255}},     // the band's far corner
			{10, 120, color.RGBA{255, 255, 255, 255}},  // under the band
			{400, 480, color.RGBA{200, 16, 46, 255}},   // inside the triangle
			{310, 590, color.RGBA{255, 255, 255, 255}}, // beside it
		} {
			if got := at(p.x, p.y); got != p.want {
				t.Errorf("height %d: pixel at (%v, %v) pt = %v, want %v", c.h, p.x, p.y, got, p.want)
			}
		}
		// The title is drawn: white pixels inside the band.
		white := 0
		for x := 40.0; x < 400; x += 0.5 {
			if at(x, 45) == (color.RGBA{255, 255, 255, 255}) {
				white++
			}
		}
		if white == 0 {
			t.Errorf("height %d: no white text in the band", c.h)
		}
	}
}

func TestPixelRects(t *testing.T) {
	px := func(p layout.Point) (float32, float32) { return float32(p.X * 2), float32(p.Y * 2) }
	for _, c := range []struct {
		name string
		sh   layout.Shape
		want []image.Rectangle
		ok   bool
	}{
		{"rect", layout.Rect(1, 2, 10, 5, layout.Color{}), []image.Rectangle{image.Rect(2, 4, 22, 14)}, true},
		{"rounded edges", layout.Rect(0.3, 0.2, 1, 1, layout.Color{}), []image.Rectangle{image.Rect(1, 0, 3, 2)}, true},
		{"clockwise from top right", layout.Shape{Contours: [][]layout.Point{poly(10, 0, 10, 5, 0, 5, 0, 0)}}, []image.Rectangle{image.Rect(0, 0, 20, 10)}, true},
		{"QR runs", layout.Shape{Contours: [][]layout.Point{poly(0, 0, 1, 0, 1, 1, 0, 1), poly(2, 2, 3, 2, 3, 3, 2, 3)}}, []image.Rectangle{image.Rect(0, 0, 2, 2), image.Rect(4, 4, 6, 6)}, true},
		{"rhombus", layout.Shape{Contours: [][]layout.Point{poly(5, 0, 10, 5, 5, 10, 0, 5)}}, nil, false},
		{"triangle", layout.Shape{Contours: [][]layout.Point{poly(0, 0, 10, 0, 5, 5)}}, nil, false},
		{"a rect and a rhombus", layout.Shape{Contours: [][]layout.Point{poly(0, 0, 1, 0, 1, 1, 0, 1), poly(5, 0, 10, 5, 5, 10, 0, 5)}}, nil, false},
	} {
		got, ok := pixelRects(c.sh, px)
		if ok != c.ok || !slices.Equal(got, c.want) {
			t.Errorf("%s: pixelRects = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// poly returns a contour from x, y pairs.
func poly(xy ...float64) []layout.Point {
	var c []layout.Point
	for i := 0; i+1 < len(xy); i += 2 {
		c = append(c, layout.Point{X: xy[i], Y: xy[i+1]})
	}
	return c
}
