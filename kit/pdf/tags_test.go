package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/testkit"
)

// taggedPage is a page whose drawing order differs from its reading order:
// the QR code (a figure in a link) is drawn before the heading.
func taggedPage() *layout.Page {
	pg := page(8.5)
	pg.Lang = "fr-FR"
	pg.Title = "Sextorsion, c'est non ! – France"
	pg.Elems = []layout.Elem{
		{Kind: layout.ElemH1},
		{Kind: layout.ElemLink, Alt: "PHAROS – exemple.org"},
		{Kind: layout.ElemFigure, Parent: 2, Alt: "Code QR : exemple.org"},
	}
	pg.Shapes = append(pg.Shapes, layout.Shape{Fill: layout.Color{}, Elem: 3, Contours: [][]layout.Point{{{X: 100, Y: 50}, {X: 130, Y: 50}, {X: 130, Y: 80}, {X: 100, Y: 80}}}})
	pg.Texts[0].Elem = 1
	pg.Texts = append(pg.Texts, layout.Text{X: 50, Y: 80, Role: layout.Bold, Size: 12, Text: "exemple.org", Elem: 2, Width: 60})
	pg.Links[0].Elem = 2
	return pg
}

func TestTagged(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, taggedPage(), fonts, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(f, buf.Bytes(), 0o644)
	if info := testkit.Tool(t, "pdfinfo", f); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("not tagged:\n%s", info)
	}
	got := testkit.Tool(t, "pdfinfo", "-struct-text", f)
	want := "Document\n  H1 (block)\n    \"Bonjour « là »\u202f!\"\n  Link (inline)\n    Figure\n      \"\"\n    \"exemple.org\"\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "Object ") {
		t.Errorf("pdfinfo -struct-text:\n%s\nwant\n%s    Object …", got, want)
	}
	b := buf.Bytes()
	for _, s := range []string{
		"/Lang (fr-FR)",
		"/Alt (Code QR : exemple.org)",
		"/StructParent 1 /Contents <FEFF",
		"/ViewerPreferences << /DisplayDocTitle true >>",
		"<pdfuaid:part>1</pdfuaid:part>",
		"<dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li></rdf:Bag></dc:language>",
		`<rdf:li xml:lang="fr-FR">Sextorsion, c&#39;est non ! – France</rdf:li>`,
		"<xmp:CreateDate>2026-11-24T00:00:00Z</xmp:CreateDate>",
	} {
		if !bytes.Contains(b, []byte(s)) {
			t.Errorf("the PDF lacks %s", s)
		}
	}
	testkit.Tool(t, "qpdf", "--check", f)
}
