package bundle

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/manifest"
)

// TestExtraAtRoot: the README and the guide given as entries sit at the
// kit's root, are listed in the manifest (Read checks them), carry the
// given date like every entry, and two writes give the same bytes.
func TestExtraAtRoot(t *testing.T) {
	root, files := fixture(t)
	date := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	readme := Readme{Title: "Kit – France", Intro: []string{"Bonjour."}}.Text()
	extra := []Entry{
		{File: manifest.File{Path: "README.txt", Kind: "readme"}, Data: readme},
		{File: manifest.File{Path: "guide-a4.pdf", Kind: "poster-pdf", Design: "guide"}, Data: []byte("%PDF guide")},
	}
	var a, b bytes.Buffer
	if err := Write(&a, root, "kit-fr-FR", Manifest{Edition: "fr-FR"}, files, date, extra...); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, root, "kit-fr-FR", Manifest{Edition: "fr-FR"}, files, date, extra[1], extra[0]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same kit differ")
	}
	m, err := Read(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range m.Files {
		names = append(names, f.Path)
	}
	if got := strings.Join(names, " "); got != "README.txt guide-a4.pdf posters/a.pdf posters/a.png posters/b.pdf" {
		t.Errorf("manifest files: %s", got)
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(date) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, date)
		}
		if f.Name == "kit-fr-FR/README.txt" {
			rc, _ := f.Open()
			got, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Equal(got, readme) {
				t.Errorf("README = %q", got)
			}
		}
	}
	// The same path twice is refused rather than written twice.
	dup := append(extra, Entry{File: manifest.File{Path: "README.txt"}, Data: []byte("x")})
	if err := Write(io.Discard, root, "kit", Manifest{}, files, date, dup...); err == nil || !strings.Contains(err.Error(), "README.txt is in the kit twice") {
		t.Errorf("duplicate entry: %v", err)
	}
}

func TestReadmeText(t *testing.T) {
	r := Readme{
		Title: "Kit – Luxembourg",
		Intro: []string{"Ce kit contient les **affiches**."},
		Sections: []Section{{
			Heading: "Sources",
			Text:    []string{"Sourcés\u00a0:"},
			Items:   []string{"Chantage sexuel (sextorsion), page « Tous publics » – BEE SECURE", "https://www.example.org/un/chemin/tres/long/qui/ne/se/coupe/jamais/meme/au/dela/de/la/ligne/"},
		}},
	}
	want := "Kit – Luxembourg\r\n" +
		"================\r\n" +
		"\r\n" +
		"Ce kit contient les affiches.\r\n" +
		"\r\n\r\n" +
		"Sources\r\n" +
		"-------\r\n" +
		"\r\n" +
		"Sourcés\u00a0:\r\n" +
		"\r\n" +
		"- Chantage sexuel (sextorsion), page « Tous publics » – BEE SECURE\r\n" +
		"- https://www.example.org/un/chemin/tres/long/qui/ne/se/coupe/jamais/meme/au/dela/de/la/ligne/\r\n"
	if got := string(r.Text()); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
	// Wrapping: at 76 columns, at spaces, a no-break space holding.
	long := strings.Repeat("mot ", 30) + "3018\u00a0:"
	for _, l := range wrap(long, 76) {
		if n := len([]rune(l)); n > 76 {
			t.Errorf("line of %d: %q", n, l)
		}
	}
	if ls := wrap(long, 76); !strings.HasSuffix(ls[len(ls)-1], "3018\u00a0:") {
		t.Errorf("lines %q", ls)
	}
}
