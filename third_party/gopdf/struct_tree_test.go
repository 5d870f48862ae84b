package gopdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tool runs a PDF reader on the file; a missing reader fails the test.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed (poppler-utils, qpdf)", name)
	}
	out, err := exec.Command(p, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// taggedDoc draws two pages: a heading, a figure with its alternative
// text and a link on the first, an artifact and a paragraph continued
// from the first page on the second. The structure is built in reading
// order, unlike the drawing order.
func taggedDoc(t *testing.T) []byte {
	t.Helper()
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetCompressLevel(0)
	gp.SetLanguage("fr-FR")
	gp.SetViewerPreferences(ViewerPreferences{DisplayDocTitle: true})
	gp.SetXMPMetadata([]byte(`<x:xmpmeta xmlns:x="adobe:ns:meta/"/>`))
	doc := gp.AddStructElement(nil, "Document")
	h1 := gp.AddStructElement(doc, "H1")
	fig := gp.AddStructElement(doc, "Figure")
	fig.Alt = "Code QR : exemple.fr"
	link := gp.AddStructElement(doc, "Link")
	p := gp.AddStructElement(doc, "P")
	p.Lang = "de-LU"

	gp.AddPage()
	gp.BeginArtifact()
	gp.RectFromUpperLeftWithStyle(0, 0, 595, 842, "F")
	gp.EndMarkedContent()
	gp.BeginMarkedContent(fig) // drawn before the heading
	gp.RectFromUpperLeftWithStyle(100, 200, 50, 50, "F")
	gp.EndMarkedContent()
	gp.BeginMarkedContent(h1)
	gp.RectFromUpperLeftWithStyle(10, 10, 50, 10, "F")
	gp.EndMarkedContent()
	gp.BeginMarkedContent(p)
	gp.RectFromUpperLeftWithStyle(10, 300, 50, 10, "F")
	gp.EndMarkedContent()
	gp.AddTaggedExternalLink("https://exemple.fr/a(b)", "Site : exemple.fr – été", 100, 200, 50, 50, link)

	gp.AddPage()
	gp.BeginMarkedContent(p)
	gp.RectFromUpperLeftWithStyle(10, 10, 50, 10, "F")
	gp.EndMarkedContent()

	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestStructTree(t *testing.T) {
	b := taggedDoc(t)
	f := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := tool(t, "qpdf", "--check", f); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	info := tool(t, "pdfinfo", f)
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		t.Errorf("pdfinfo does not say Tagged: yes:\n%s", info)
	}
	// The structure is in the order it was built, not the drawing order;
	// the link's kid is its annotation.
	got := tool(t, "pdfinfo", "-struct", f)
	want := []string{"Document", "H1", "Figure", "Link", "Object", "P"}
	var roles []string
	for _, l := range strings.Split(got, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			roles = append(roles, strings.Trim(f[0], `"`))
		}
	}
	if strings.Join(roles, " ") != strings.Join(want, " ") {
		t.Errorf("pdfinfo -struct: roles %v, want %v\n%s", roles, want, got)
	}
	for _, s := range []string{
		"/Lang (fr-FR)",
		"/MarkInfo << /Marked true >>",
		"/ViewerPreferences << /DisplayDocTitle true >>",
		"/Metadata ",
		"/Type /Metadata\n  /Subtype /XML",
		"/Artifact BMC\n",
		"/Figure <</MCID 0>> BDC\n",
		"/H1 <</MCID 1>> BDC\n",
		"/P <</MCID 0>> BDC\n", // the second page's numbering starts again
		"/Tabs /S",
		"/StructParents 0",
		"/StructParents 1",
		"/StructParent 2 /Contents <FEFF",
		"/Alt (Code QR : exemple.fr)",
		"/Lang (de-LU)",
		"/ParentTreeNextKey 3",
		// the paragraph's content spans two pages
		"<</Type /MCR /Pg",
		"/URI (https://exemple.fr/a\\(b\\))",
	} {
		if !bytes.Contains(b, []byte(s)) {
			t.Errorf("the PDF lacks %q", s)
		}
	}
	if n := bytes.Count(b, []byte("BDC")) + bytes.Count(b, []byte("BMC")); n != bytes.Count(b, []byte("EMC")) {
		t.Errorf("%d marked-content sequences begun, %d ended", n, bytes.Count(b, []byte("EMC")))
	}
	// The parent tree maps page 1's MCIDs 0, 1, 2 to the figure, the
	// heading and the paragraph.
	nums := regexp.MustCompile(`0 \[ (\d+) 0 R (\d+) 0 R (\d+) 0 R \]`).FindSubmatch(b)
	if nums == nil {
		t.Fatalf("no parent tree entry for page 1")
	}
	elem := func(id []byte) string {
		m := regexp.MustCompile(`(?s)\n` + string(id) + ` 0 obj\n<<\n  /Type /StructElem\n  /S /(\w+)`).FindSubmatch(b)
		if m == nil {
			return ""
		}
		return string(m[1])
	}
	if g := []string{elem(nums[1]), elem(nums[2]), elem(nums[3])}; strings.Join(g, " ") != "Figure H1 P" {
		t.Errorf("parent tree of page 1: %v, want Figure H1 P", g)
	}
	if !bytes.Equal(b, taggedDoc(t)) {
		t.Error("two writes of the same document differ")
	}
}

// TestUntagged: a document that uses none of it is written as before.
func TestUntagged(t *testing.T) {
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.AddPage()
	gp.RectFromUpperLeftWithStyle(0, 0, 10, 10, "F")
	gp.AddExternalLink("https://exemple.fr", 0, 0, 10, 10)
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"StructTreeRoot", "MarkInfo", "/Tabs", "StructParent", "/Lang", "/Metadata", "BDC", "BMC"} {
		if bytes.Contains(buf.Bytes(), []byte(s)) {
			t.Errorf("an untagged document has %s", s)
		}
	}
}

func TestTextString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fr-FR", "(fr-FR)"},
		{`a(b)\c`, `(a\(b\)\\c)`},
		{"été", "<FEFF00E9007400E9>"},
		{"a\nb", "<FEFF0061000A0062>"},
		{"😀", "<FEFFD83DDE00>"},
	} {
		if got := textString(nil, 0, c.in); got != c.want {
			t.Errorf("textString(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := pdfName("A b/#"); got != "A#20b#2F#23" {
		t.Errorf("pdfName = %s", got)
	}
}

// TestToUnicodeSharedGlyph: a glyph two characters share is written once
// in the ToUnicode map, as the lowest character, whatever the order of the
// text.
func TestToUnicodeSharedGlyph(t *testing.T) {
	for _, order := range [][]rune{{0xa0, ' ', 'a'}, {' ', 0xa0, 'a'}} {
		m := newMapGlyphIndexToCharacter()
		for _, r := range order {
			g := 3 // space and no-break space: one glyph
			if r == 'a' {
				g = 68
			}
			m.set(g, r)
		}
		if m.size() != 2 {
			t.Errorf("%q: %d entries, want 2", order, m.size())
		}
		if r, _ := m.runeByIndex(3); r != ' ' {
			t.Errorf("%q: glyph 3 maps to %q, want a space", order, r)
		}
		if r, ok := m.runeByIndex(68); !ok || r != 'a' {
			t.Errorf("%q: glyph 68 maps to %q", order, r)
		}
	}
}
