package gopdf

import (
	"bytes"
	"os"
	"regexp"
	"testing"
)

var contentRe = regexp.MustCompile(`(?s)<<\n/Length \d+\n>>\nstream\n([^\n]* rg\nq\n.*?)endstream`)

// TestContentGolden: the page content of a document with text (kerned),
// rectangles and lines is the text gopdf wrote before its writers stopped
// using fmt (testdata/content.golden, written by the fmt-based code).
func TestContentGolden(t *testing.T) {
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetNoCompression()
	if err := gp.AddTTFFontFromFontContainer("Lato", testContainer(t)); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	gp.SetFillColor(200, 16, 46)
	gp.RectFromUpperLeftWithStyle(10.333, 20.005, 100.5, 0.25, "F")
	gp.RectFromUpperLeftWithStyle(-1, 841.89, 0, 3, "FD")
	if err := gp.SetFont("Lato", "", 13.5); err != nil {
		t.Fatal(err)
	}
	gp.SetTextColor(0, 32, 96)
	gp.SetXY(40.125, 60.5)
	if err := gp.Text("AVANT « Tu » Wolfgang, V. 3018 – été"); err != nil {
		t.Fatal(err)
	}
	gp.SetCharSpacing(0.5)
	gp.SetXY(40, 90)
	gp.Text("Typographie")
	gp.SetLineWidth(0.4)
	gp.Line(0, 0, 20.127, 30)
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m := contentRe.FindSubmatch(buf.Bytes())
	if m == nil {
		t.Fatal("no content stream")
	}
	const golden = "testdata/content.golden"
	if os.Getenv("GOPDF_WRITE_GOLDEN") != "" {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, m[1], 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m[1], want) {
		t.Errorf("content stream:\n%s\nwant:\n%s", m[1], want)
	}
}
