package layout

import (
	"fmt"
	"net/url"
	"strings"

	"rsc.io/qr"

	"github.com/awarekit/awarekit/kit/typo"
)

// linkAlt describes a contact's link: its name and what it opens.
func linkAlt(name, reach string) string {
	name = typo.Plain(name)
	if reach == "" || name == reach {
		return name
	}
	return name + " – " + typo.Plain(reach)
}

// ShortURL prints a URL as its host, without scheme and www.
func ShortURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return s
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// QR draws a QR code (error correction M) for text as vector modules on a
// white square with a quiet zone of two modules, side points wide.
func QR(text string, x, y, side float64, ink, paper Color) []Shape {
	n, runs, err := QRRuns(text)
	if err != nil {
		panic(fmt.Sprintf("layout: QR of %q: %v", text, err)) // URLs are short: cannot happen
	}
	m := side / float64(n+4)
	shapes := []Shape{Rect(x, y, side, side, paper)}
	modules := Shape{Fill: ink}
	for _, r := range runs {
		x0, y0 := x+float64(r.Col+2)*m, y+float64(r.Row+2)*m
		modules.Contours = append(modules.Contours, []Point{{x0, y0}, {x0 + float64(r.Len)*m, y0}, {x0 + float64(r.Len)*m, y0 + m}, {x0, y0 + m}})
	}
	return append(shapes, modules)
}

// QRRun is a horizontal run of dark modules of a QR code.
type QRRun struct{ Row, Col, Len int }

// QRRuns encodes text as a QR code (error correction M) and returns its
// size in modules (without the quiet zone) and its dark modules, one run
// per horizontal stretch, row by row.
func QRRuns(text string) (int, []QRRun, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return 0, nil, err
	}
	n := code.Size
	var runs []QRRun
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < n && code.Black(col, row) {
				col++
			}
			runs = append(runs, QRRun{row, start, col - start})
		}
	}
	return n, runs, nil
}
