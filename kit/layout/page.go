package layout

import (
	"fmt"
	"strings"
)

// Page is the description of one poster page that both backends draw:
// positioned text, filled shapes, QR modules and link areas, in points,
// origin at the top-left corner of the media box (the trimmed page plus the
// bleed on every side).
type Page struct {
	Edition string
	Design  string
	Size    string  // a4, a3…
	Width   float64 // trimmed page, points
	Height  float64
	Bleed   float64 // on each side, points; 0 for office prints

	Title    string // for document metadata
	Author   string
	Subject  string
	Keywords string

	Shapes []Shape
	Texts  []Text
	Images []Image
	Links  []Link
	Marks  bool // draw crop marks (print-shop variant)

	// Lang is the language of the page's text (BCP 47: fr-FR, de-LU).
	Lang string
	// Elems is the page's logical structure in reading order: every
	// element after its parent, siblings in the order they are read. Each
	// text run, shape, image and link names the element it belongs to
	// (its Elem field); those naming none are decoration (artifacts).
	// The PDF backend tags the page with it; the preview ignores it.
	Elems []Elem

	// Fitted records the font size each box was set at, for tests and
	// snapshots.
	Fitted []Fit

	// Back is the second page of a two-sided design (a card's verso).
	Back *Page
}

// Elem is an element of a page's logical structure.
type Elem struct {
	// Kind is the structure type: H1, H2, P, L, LI, Lbl, LBody, Figure,
	// Link (PDF 32000-1 §14.8.4).
	Kind string
	// Parent is the parent's number (index in Page.Elems + 1); 0 for an
	// element at the top of the page.
	Parent int
	// Alt is a Figure's alternative text, or a Link's description.
	Alt string

	rank int // place of the element's box in the reading order (layout)
}

// Element kinds.
const (
	ElemH1     = "H1"
	ElemH2     = "H2"
	ElemP      = "P"
	ElemL      = "L"
	ElemLI     = "LI"
	ElemLbl    = "Lbl"
	ElemLBody  = "LBody"
	ElemFigure = "Figure"
	ElemLink   = "Link"
)

// MediaWidth and MediaHeight are the full sheet, bleed included.
func (p *Page) MediaWidth() float64  { return p.Width + 2*p.Bleed }
func (p *Page) MediaHeight() float64 { return p.Height + 2*p.Bleed }

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Point is a position in points.
type Point struct{ X, Y float64 }

// Shape is a set of filled polygons of one colour (curves are flattened by
// the layout so that the backends only fill polygons). Contours may
// overlap: the shape is their union. There are no holes; icons are drawn
// in layers instead.
type Shape struct {
	Fill     Color
	Contours [][]Point
	Elem     int // the element it belongs to (index in Page.Elems + 1); 0: decoration
}

// Rect returns a rectangle shape.
func Rect(x, y, w, h float64, c Color) Shape {
	return Shape{Fill: c, Contours: [][]Point{{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}}}
}

// AxisRect reports whether the contour c is a rectangle with sides parallel
// to the page's, and returns its corners (x0, y0 top left, x1, y1 bottom
// right). Backends draw such contours (bands, fills, QR modules) faster.
func AxisRect(c []Point) (x0, y0, x1, y1 float64, ok bool) {
	if len(c) != 4 {
		return 0, 0, 0, 0, false
	}
	if !(c[0].Y == c[1].Y && c[1].X == c[2].X && c[2].Y == c[3].Y && c[3].X == c[0].X) &&
		!(c[0].X == c[1].X && c[1].Y == c[2].Y && c[2].X == c[3].X && c[3].Y == c[0].Y) {
		return 0, 0, 0, 0, false
	}
	return min(c[0].X, c[2].X), min(c[0].Y, c[2].Y), max(c[0].X, c[2].X), max(c[0].Y, c[2].Y), true
}

// Text is one run of text on one line: a single font, size and colour.
// X, Y is the left end of the baseline.
type Text struct {
	X, Y  float64
	Role  Role
	Size  float64
	Color Color
	Text  string  // the run's characters in logical order (for tags, snapshots, ActualText)
	Width float64 // as measured by the layout
	Elem  int     // the element it belongs to (index in Page.Elems + 1); 0: decoration
	// Glyphs are the run's shaped glyphs in visual (left-to-right) order;
	// when set, backends draw these, not Text.
	Glyphs []Glyph
	// RTL marks a right-to-left run (its Glyphs are still in visual order).
	RTL bool

	line int32 // the line it is set on (1 + index of the line's first run), for mirroring
}

// Glyph is one shaped glyph of a Text run, in visual (left-to-right) order.
type Glyph struct {
	ID      uint16  // glyph id in the run's font
	Advance float64 // pen advance, points at the run's size
	DX, DY  float64 // offset from the pen position, points (DY up)
	Text    string  // the characters of its cluster, on the cluster's first glyph; "" on the others
}

// Image is a raster image (an edition's logo), already checked by the
// loader: PNG or JPEG, within size limits. X, Y is its top-left corner.
type Image struct {
	X, Y, W, H float64
	Data       []byte
	Elem       int // the element it belongs to (a Figure)
}

// Link is a clickable area pointing at a URL.
type Link struct {
	X, Y, W, H float64
	URL        string
	Elem       int // the element it belongs to (a Link)
}

// Fit is the size chosen for a box.
type Fit struct {
	Box  string
	Size float64
}

// Snapshot renders the page as readable text: the chosen sizes and every
// text run with its position, so that a layout change shows up as a diff.
func (p *Page) Snapshot() string {
	var b strings.Builder
	fmt.Fprintf(&b, "page %s/%s/%s %.2fx%.2f bleed %.2f\n", p.Edition, p.Design, p.Size, p.Width, p.Height, p.Bleed)
	for _, f := range p.Fitted {
		fmt.Fprintf(&b, "fit %s %.2fpt\n", f.Box, f.Size)
	}
	for _, t := range p.Texts {
		fmt.Fprintf(&b, "text %7.2f %7.2f %-7s %5.2f %q\n", t.X, t.Y, t.Role, t.Size, t.Text)
	}
	for _, im := range p.Images {
		fmt.Fprintf(&b, "image %7.2f %7.2f %6.2f %6.2f %d bytes\n", im.X, im.Y, im.W, im.H, len(im.Data))
	}
	for _, l := range p.Links {
		fmt.Fprintf(&b, "link %7.2f %7.2f %6.2f %6.2f %s\n", l.X, l.Y, l.W, l.H, l.URL)
	}
	fmt.Fprintf(&b, "shapes %d\n", len(p.Shapes))
	if p.Back != nil {
		b.WriteString("back\n")
		b.WriteString(p.Back.Snapshot())
	}
	return b.String()
}

// PlainText returns the page's text in reading order, one line per text
// line, for comparisons with the sources.
func (p *Page) PlainText() string {
	var b strings.Builder
	lastY := -1.0
	for _, t := range p.Texts {
		if lastY >= 0 && t.Y != lastY {
			b.WriteByte('\n')
		}
		b.WriteString(t.Text)
		lastY = t.Y
	}
	if p.Back != nil {
		b.WriteString("\n")
		b.WriteString(p.Back.PlainText())
	}
	return b.String()
}
