package layout

import "math"

// Icon draws the named vector icon in a square of side s at (x, y): the
// figure in accent, details in paper (white) and ink. Names are those of
// content.Icons. The drawings are our own simple pictograms, no logo.
func Icon(name string, x, y, s float64, accent, paper, ink Color) []Shape {
	if paper == (Color{}) {
		paper = Color{255, 255, 255}
	}
	t := func(cs ...[]Point) [][]Point { // unit square → page
		out := make([][]Point, len(cs))
		for i, c := range cs {
			out[i] = make([]Point, len(c))
			for j, p := range c {
				out[i][j] = Point{x + p.X*s, y + p.Y*s}
			}
		}
		return out
	}
	switch name {
	case "stop-hand":
		// A red octagon with a raised open hand.
		hand := [][]Point{
			roundRect(0.33, 0.45, 0.34, 0.3, 0.08), // palm
			roundRect(0.33, 0.24, 0.07, 0.3, 0.035),
			roundRect(0.415, 0.19, 0.07, 0.33, 0.035),
			roundRect(0.5, 0.21, 0.07, 0.31, 0.035),
			roundRect(0.585, 0.27, 0.07, 0.27, 0.035),
			rotate(roundRect(0.2, 0.5, 0.2, 0.07, 0.035), 0.3, 0.535, -0.7), // thumb
		}
		return []Shape{
			{Fill: accent, Contours: t(polygon(0.5, 0.5, 0.5, 8, math.Pi/8))},
			{Fill: paper, Contours: t(hand...)},
		}
	case "no-money":
		// A banknote crossed out by a ring and bar.
		// Layers, not holes: a disc, the paper inside it, the note, the bar.
		note := roundRect(0.22, 0.34, 0.56, 0.32, 0.03)
		bar := rotate([]Point{{0.1, 0.455}, {0.9, 0.455}, {0.9, 0.545}, {0.1, 0.545}}, 0.5, 0.5, math.Pi/4)
		return []Shape{
			{Fill: accent, Contours: t(circle(0.5, 0.5, 0.5, 64))},
			{Fill: paper, Contours: t(circle(0.5, 0.5, 0.41, 64))},
			{Fill: ink, Contours: t(note)},
			{Fill: paper, Contours: t(circle(0.5, 0.5, 0.09, 32))},
			{Fill: accent, Contours: t(bar)},
		}
	case "keep-copy":
		// Two documents: the copy kept behind the original.
		back := roundRect(0.3, 0.1, 0.5, 0.62, 0.04)
		front := roundRect(0.18, 0.26, 0.5, 0.64, 0.04)
		lines := [][]Point{}
		for i := 0; i < 4; i++ {
			yy := 0.4 + float64(i)*0.11
			lines = append(lines, roundRect(0.26, yy, 0.34, 0.045, 0.02))
		}
		return []Shape{
			{Fill: ink, Contours: t(back)},
			{Fill: paper, Contours: t(roundRect(0.15, 0.23, 0.56, 0.7, 0.05))},
			{Fill: accent, Contours: t(front)},
			{Fill: paper, Contours: t(lines...)},
		}
	case "trusted-adult":
		// An adult and a young person side by side.
		return []Shape{
			{Fill: accent, Contours: t(circle(0.36, 0.27, 0.13, 40), halfDisc(0.36, 0.86, 0.26, 0.4))},
			{Fill: ink, Contours: t(circle(0.7, 0.45, 0.1, 40), halfDisc(0.7, 0.88, 0.19, 0.3))},
		}
	case "report":
		// A warning triangle with an exclamation mark.
		tri := []Point{{0.5, 0.06}, {0.96, 0.9}, {0.04, 0.9}}
		return []Shape{
			{Fill: accent, Contours: t(tri)},
			{Fill: paper, Contours: t(roundRect(0.455, 0.34, 0.09, 0.32, 0.04), circle(0.5, 0.76, 0.055, 24))},
		}
	case "phone":
		return []Shape{
			{Fill: accent, Contours: t(roundRect(0.28, 0.05, 0.44, 0.9, 0.08))},
			{Fill: paper, Contours: t(roundRect(0.33, 0.15, 0.34, 0.62, 0.02), circle(0.5, 0.86, 0.04, 20))},
		}
	case "web":
		return []Shape{
			{Fill: accent, Contours: t(circle(0.5, 0.5, 0.45, 64))},
			{Fill: paper, Contours: t(
				roundRect(0.1, 0.47, 0.8, 0.06, 0.02),
				roundRect(0.47, 0.1, 0.06, 0.8, 0.02),
			)},
		}
	}
	return nil
}

func circle(cx, cy, r float64, n int) []Point {
	return polygon(cx, cy, r, n, 0)
}

func polygon(cx, cy, r float64, n int, phase float64) []Point {
	ps := make([]Point, n)
	for i := range ps {
		a := phase + 2*math.Pi*float64(i)/float64(n)
		ps[i] = Point{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return ps
}

// halfDisc is the upper half of a disc (shoulders), cut at cy.
func halfDisc(cx, cy, rx, ry float64) []Point {
	n := 32
	ps := make([]Point, 0, n+1)
	for i := 0; i <= n; i++ {
		a := math.Pi + math.Pi*float64(i)/float64(n)
		ps = append(ps, Point{cx + rx*math.Cos(a), cy + ry*math.Sin(a)})
	}
	return ps
}

func roundRect(x, y, w, h, r float64) []Point {
	r = math.Min(r, math.Min(w, h)/2)
	var ps []Point
	corner := func(cx, cy, a0 float64) {
		for i := 0; i <= 6; i++ {
			a := a0 + math.Pi/2*float64(i)/6
			ps = append(ps, Point{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
	}
	corner(x+w-r, y+r, -math.Pi/2)
	corner(x+w-r, y+h-r, 0)
	corner(x+r, y+h-r, math.Pi/2)
	corner(x+r, y+r, math.Pi)
	return ps
}

func rotate(ps []Point, cx, cy, a float64) []Point {
	out := make([]Point, len(ps))
	c, s := math.Cos(a), math.Sin(a)
	for i, p := range ps {
		dx, dy := p.X-cx, p.Y-cy
		out[i] = Point{cx + dx*c - dy*s, cy + dx*s + dy*c}
	}
	return out
}
