package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/layout"
)

func page(bleed float64) *layout.Page {
	return &layout.Page{
		Width: 595.28, Height: 841.89, Bleed: bleed, Marks: bleed > 0,
		Title: "T", Author: "A",
		Shapes: []layout.Shape{layout.Rect(0, 0, 100, 100, layout.Color{R: 200})},
		Texts:  []layout.Text{{X: 50, Y: 60, Role: layout.Bold, Size: 12, Text: "Bonjour « là »\u202f!"}},
		Links:  []layout.Link{{X: 100, Y: 50, W: 200, H: 30, URL: "https://example.org/a(b)"}},
	}
}

var rectRE = regexp.MustCompile(`/Rect \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]`)

// TestLinkPosition: gopdf places links with the document's page height;
// the link must land where the layout put it, bleed or not.
func TestLinkPosition(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, bleed := range []float64{0, 8.5} {
		var buf bytes.Buffer
		if err := Write(&buf, page(bleed), fonts, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		m := rectRE.FindSubmatch(buf.Bytes())
		if m == nil {
			t.Fatal("no link annotation")
		}
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		mh := 841.89 + 2*bleed
		want := [4]float64{100, mh - 50, 300, mh - 80}
		for i := range v {
			if d := v[i] - want[i]; d > 0.02 || d < -0.02 {
				t.Errorf("bleed %v: link /Rect %v, want %v", bleed, v, want)
				break
			}
		}
		if !bytes.Contains(buf.Bytes(), []byte("/CreationDate(D:20261124")) {
			t.Errorf("bleed %v: CreationDate is not the edition's date", bleed)
		}
		if bleed > 0 && !bytes.Contains(buf.Bytes(), []byte(fmt.Sprintf("/TrimBox [ %.2f %.2f %.2f %.2f ]", bleed, bleed, bleed+595.28, bleed+841.89))) {
			t.Errorf("no TrimBox at the trim")
		}
	}
}

// TestDeterministic: two writes of the same page give the same bytes (and
// a PDF: two failed writes would give two equal empty buffers).
func TestDeterministic(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	d := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	if err := Write(&a, page(8.5), fonts, d); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, page(8.5), fonts, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) || a.Len() < 1000 {
		t.Fatalf("not a PDF: %d bytes", a.Len())
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
}
