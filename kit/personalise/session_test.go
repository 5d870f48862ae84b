package personalise

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/awarekit/awarekit/kit/testkit"
)

func session(t *testing.T) (*Session, *content.Edition) {
	t.Helper()
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "data")), "data")
	if err != nil {
		t.Fatal(err)
	}
	e := set.Edition("fr-FR")
	b, err := json.MarshalIndent(e, "", "  ") // as the build writes content.json
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSession(b, kitJSON(t, e))
	if err != nil {
		t.Fatal(err)
	}
	return s, e
}

// kitJSON is the kit.json the build writes for e (the embedded kit).
func kitJSON(t *testing.T, e *content.Edition) []byte {
	t.Helper()
	k, err := kitset.Load("", []*content.Edition{e})
	if err != nil {
		t.Fatal(err)
	}
	b, err := KitJSON(k, e, "")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSessionKit: the session takes the designs and strings of kit.json,
// not the embedded ones (a kit folder's own design or wording is what the
// page offers), and refuses a kit.json without them.
func TestSessionKit(t *testing.T) {
	s, e := session(t)
	ce, _ := json.Marshal(e)
	var kd KitData
	if err := json.Unmarshal(kitJSON(t, e), &kd); err != nil {
		t.Fatal(err)
	}
	if len(kd.Designs) < 5 || kd.Strings["design_la-sextorsion"] == "" {
		t.Fatalf("kit.json: %d designs, strings %v", len(kd.Designs), kd.Strings["design_la-sextorsion"])
	}
	var two []*layout.Design
	for _, d := range kd.Designs {
		if d.ID == "la-sextorsion" || d.ID == "contacts" {
			two = append(two, d)
		}
	}
	kd.Designs = two
	kd.Strings["design_contacts"] = "Nos contacts"
	b, _ := json.Marshal(kd)
	s2, err := NewSession(ce, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s2.Offer() {
		got = append(got, d.ID+"="+d.Name)
	}
	if strings.Join(got, ",") != "contacts=Nos contacts,la-sextorsion="+s.i18n["design_la-sextorsion"] {
		t.Errorf("offered %v", got)
	}
	for _, bad := range []string{`{}`, `{"designs":[{"ID":"x","File":"posters/x.yaml","Sizes":["a4"]}],"strings":{}}`,
		// Decoded designs are checked again as LoadDesigns checks them: no
		// sizes, a colour not #rrggbb, an id not its file's, a null one.
		`{"designs":[{"ID":"x","File":"posters/x.yaml"}],"strings":{"a":"b"}}`,
		`{"designs":[{"ID":"x","File":"posters/x.yaml","Sizes":["a4"],"Colors":{"red":"red"}}],"strings":{"a":"b"}}`,
		`{"designs":[{"ID":"y","File":"posters/x.yaml","Sizes":["a4"]}],"strings":{"a":"b"}}`,
		`{"designs":[null],"strings":{"a":"b"}}`,
		`{"designs":{"x.yaml":"id: x"},"strings":{"a":"b"}}`, `[`} {
		if _, err := NewSession(ce, []byte(bad)); err == nil {
			t.Errorf("kit.json %s: no error", bad)
		}
	}
}

// TestSessionLocale: the session lays out with the kit's locale of the
// edition's language, as the build does: a kit whose French locale reads
// right to left gives a mirrored personalised poster; a bad locale is
// refused.
func TestSessionLocale(t *testing.T) {
	s, e := session(t)
	if !strings.Contains(string(kitJSON(t, e)), `"locale":"# French typography`) {
		t.Fatal("kit.json holds no locale")
	}
	ce, _ := json.Marshal(e)
	var kd KitData
	if err := json.Unmarshal(kitJSON(t, e), &kd); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(kd.Locale, "\ndirection: ltr") {
		t.Fatal("fr.yaml says no direction: ltr")
	}
	kd.Locale = strings.Replace(kd.Locale, "\ndirection: ltr", "\ndirection: rtl", 1)
	b, _ := json.Marshal(kd)
	rtl, err := NewSession(ce, b)
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := local.Parse(map[string]string{local.FieldName: "Collège Jean Moulin"}, nil, "FR")
	ltrPage, err1 := Poster(s.fonts, layout.Job{Edition: e, Design: s.Designs[0], Size: s.Designs[0].Sizes[0], I18n: s.i18n, Designs: s.all, Local: blk, Locale: s.locale})
	rtlPage, err2 := Poster(rtl.fonts, layout.Job{Edition: e, Design: rtl.Designs[0], Size: rtl.Designs[0].Sizes[0], I18n: rtl.i18n, Designs: rtl.all, Local: blk, Locale: rtl.locale})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if ltrPage.Snapshot() == rtlPage.Snapshot() || !rtl.locale.RightToLeft() {
		t.Error("a right-to-left locale in kit.json did not mirror the poster")
	}
	kd.Locale = "direction: sideways\n"
	b, _ = json.Marshal(kd)
	if _, err := NewSession(ce, b); err == nil || !strings.Contains(err.Error(), "direction") {
		t.Errorf("a bad locale: %v", err)
	}
}

// TestSessionRoundTrip: the edition read back from content.json lays out
// exactly as the one loaded from the data folder.
func TestSessionRoundTrip(t *testing.T) {
	s, e := session(t)
	blk, _ := local.Parse(map[string]string{local.FieldName: "Collège Jean Moulin", local.FieldPhone: "01 45 67 89 10"}, nil, "FR")
	for _, d := range s.Designs {
		for _, size := range d.Sizes {
			a, errA := Poster(s.fonts, jobFor(s, e, d.ID, size, blk))
			b, errB := Poster(s.fonts, jobFor(s, s.Edition, d.ID, size, blk))
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			if a.Snapshot() != b.Snapshot() {
				t.Errorf("%s/%s: the edition read from content.json lays out differently", d.ID, size)
			}
		}
	}
	if len(s.Designs) != 4 {
		t.Errorf("%d personalisable designs, want 4", len(s.Designs))
	}
}

func TestSessionRender(t *testing.T) {
	s, _ := session(t)
	r := s.Render(Request{Values: map[string]string{local.FieldName: "Collège Jean Moulin", local.FieldPhone: "01 45 67 89 10"}, Design: "la-sextorsion", Size: "a4", PDF: true, Preview: 400})
	if !r.OK() || !bytes.HasPrefix(r.PDF, []byte("%PDF-")) || !bytes.HasPrefix(r.Preview, []byte("\x89PNG")) || r.FileName != "la-sextorsion-a4-personalised-college-jean-moulin.pdf" {
		t.Fatalf("%+v", r)
	}
	f := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(f, r.PDF, 0o644)
	out, err := exec.Command("pdftotext", f, "-").Output()
	if err != nil || !strings.Contains(string(out), "Collège Jean Moulin") || !strings.Contains(string(out), "01 45 67 89 10") {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	r = s.Render(Request{Values: map[string]string{local.FieldName: "A", local.FieldPhone: "12"}, Design: "la-sextorsion", Size: "a4", Preview: 400})
	if r.OK() || len(r.Fields) != 1 || r.Fields[0].Field != local.FieldPhone || r.Preview != nil {
		t.Fatalf("%+v", r)
	}
	r = s.Render(Request{Values: map[string]string{local.FieldName: "A", local.FieldAddress: strings.Repeat("Bâtiment administratif ", 6), local.FieldRole: strings.Repeat("Accueil ", 10), local.FieldHours: strings.Repeat("lundi matin ", 10)}, Design: "la-sextorsion", Size: "a4", Preview: 400})
	if r.OK() || len(r.Fields) != 1 || r.Fields[0].Field != local.FieldAddress || !strings.HasSuffix(r.Fields[0].Msg, " at the smallest size") {
		t.Fatalf("%+v", r)
	}
}

func jobFor(s *Session, e *content.Edition, design, size string, blk *local.Block) layout.Job {
	for _, d := range s.Designs {
		if d.ID == design {
			return layout.Job{Edition: e, Design: d, Size: size, I18n: s.i18n, Designs: s.all, Local: blk}
		}
	}
	return layout.Job{}
}

// TestRawIncremental: a preview drawn again only where it changed is the
// preview drawn whole, pixel for pixel (but for faint antialiasing at the clip's edge),
// on a one-sided poster and on the card, whose block is on the back; and
// the fit problem carries its code and its number of lines.
func TestRawIncremental(t *testing.T) {
	s, _ := session(t)
	for _, c := range []struct{ design, size string }{{"la-sextorsion", "a4"}, {"bons-reflexes-carte", "card"}} {
		vals := map[string]string{local.FieldName: "Collège Jean Moulin", local.FieldPhone: "01 45 67 89 10"}
		req := Request{Values: vals, Design: c.design, Size: c.size, Preview: 500, Raw: true}
		if r := s.Render(req); !r.OK() || r.Image == nil {
			t.Fatalf("%s: %+v", c.design, r)
		}
		vals2 := map[string]string{local.FieldName: "Lycée Victor Hugo – CPE", local.FieldPhone: "01 45 67 89 11", local.FieldHours: "8 h–17 h"}
		req.Values = vals2
		r := s.Render(req)
		if !r.OK() || r.Image == nil {
			t.Fatalf("%s: %+v", c.design, r)
		}
		req.Raw = false
		full := s.Render(req)
		want, err := png.Decode(bytes.NewReader(full.Preview))
		if err != nil {
			t.Fatal(err)
		}
		if r.Image.Bounds() != want.Bounds() {
			t.Fatalf("%s: %v, want %v", c.design, r.Image.Bounds(), want.Bounds())
		}
		bad, far := 0, 0
		for y := 0; y < want.Bounds().Dy(); y++ {
			for x := 0; x < want.Bounds().Dx(); x++ {
				a := r.Image.RGBAAt(x, y)
				wr, wg, wb, _ := want.At(x, y).RGBA()
				d := max(absDiff(a.R, uint8(wr>>8)), absDiff(a.G, uint8(wg>>8)), absDiff(a.B, uint8(wb>>8)))
				if d > 2 {
					bad++
				}
				if d > 96 {
					far++
				}
			}
		}
		// A glyph at the clip's edge may fall in the next quarter pixel
		// (a faint antialiasing difference); a text left stale or missing
		// differs by far more.
		if n := want.Bounds().Dx() * want.Bounds().Dy(); far > 0 || bad*2000 > n {
			t.Errorf("%s: %d pixels differ from the whole preview, %d by far", c.design, bad, far)
		}
	}
	r := s.Render(Request{Values: map[string]string{local.FieldName: "A", local.FieldAddress: strings.Repeat("Bâtiment administratif ", 6), local.FieldRole: strings.Repeat("Accueil ", 10), local.FieldHours: strings.Repeat("lundi matin ", 10)}, Design: "la-sextorsion", Size: "a4", Preview: 400, Raw: true})
	if len(r.Fields) != 1 || r.Fields[0].Code != local.CodeFit || r.Fields[0].N < 1 {
		t.Fatalf("%+v", r.Fields)
	}
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestRoom: kit.json lists per design the sizes where the page's example
// block leaves the official text room (Room), and the session offers only
// those: an edition whose advice fills the la-sextorsion column offers
// that design no more, and the other designs still.
func TestRoom(t *testing.T) {
	_, e := session(t)
	k, err := kitset.Load("", []*content.Edition{e})
	if err != nil {
		t.Fatal(err)
	}
	if Example(k.I18n[e.Code], e.Region) == nil {
		t.Fatal("no example block in the strings")
	}
	all := Room(k, e, "")
	for _, id := range []string{"la-sextorsion", "c-est-non", "contacts", "bons-reflexes-carte"} {
		if len(all[id]) == 0 {
			t.Errorf("%s: no size with room in %s: %v", id, e.Code, all)
		}
	}
	// la-sextorsion without its fallback place, and an advice long enough
	// that the example block leaves it no room on either size while the
	// poster without a block still fits (a valid edition).
	for i, d := range k.Designs {
		if d.ID == "la-sextorsion" {
			cp, spec := *d, *d.Local
			spec.Fallback = nil
			cp.Local = &spec
			k.Designs[i] = &cp
		}
	}
	long := *e
	long.Advice = slices.Clone(e.Advice)
	var room map[string][]string
	for i := 0; ; i++ {
		if i == 300 {
			t.Fatalf("the advice never left the block no room: %v", room)
		}
		long.Advice[0].Text += " Gardez les preuves."
		if room = Room(k, &long, ""); len(room["la-sextorsion"]) == 0 {
			break
		}
	}
	for _, d := range k.Designs {
		if d.ID == "la-sextorsion" {
			for _, z := range d.Sizes {
				if _, err := layout.Layout(k.Fonts, layout.Job{Edition: &long, Design: d, Size: z, I18n: k.I18n[e.Code], Designs: k.Designs}); err != nil {
					t.Fatalf("the edition is no longer valid: %v", err)
				}
			}
		}
	}
	if _, ok := room["la-sextorsion"]; ok || len(room["contacts"]) == 0 {
		t.Fatalf("a full advice column: room %v", room)
	}
	b, err := KitJSON(k, &long, "")
	if err != nil {
		t.Fatal(err)
	}
	ce, _ := json.Marshal(&long)
	s, err := NewSession(ce, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Offer() {
		got = append(got, d.ID+":"+strings.Join(d.Sizes, ","))
		if len(d.Sizes) != len(d.Label) || len(d.Sizes) != len(d.Aspect) {
			t.Errorf("%s: %d sizes, %d labels, %d aspects", d.ID, len(d.Sizes), len(d.Label), len(d.Aspect))
		}
	}
	if slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "la-sextorsion:") }) || !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "contacts:") }) {
		t.Errorf("offered %v", got)
	}
}

// TestSessionSiteURL: with the build's site in kit.json (site_url), the
// personalised poster leads to the site as the official one does (its
// address in the site band); without it, no band.
func TestSessionSiteURL(t *testing.T) {
	_, e := session(t)
	k, err := kitset.Load("", []*content.Edition{e})
	if err != nil {
		t.Fatal(err)
	}
	ce, _ := json.Marshal(e)
	for _, site := range []string{"https://exemple.org/fr-FR/", ""} {
		kj, err := KitJSON(k, e, site)
		if err != nil {
			t.Fatal(err)
		}
		s, err := NewSession(ce, kj)
		if err != nil {
			t.Fatal(err)
		}
		r := s.Render(Request{Values: map[string]string{local.FieldName: "Collège Jean Moulin"}, Design: "la-sextorsion", Size: "a4", PDF: true})
		if !r.OK() {
			t.Fatalf("%+v", r)
		}
		f := filepath.Join(t.TempDir(), "p.pdf")
		os.WriteFile(f, r.PDF, 0o644)
		out, err := exec.Command("pdftotext", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(out), "exemple.org/fr-FR"); got != (site != "") {
			t.Errorf("site %q: the poster shows the address: %v\n%s", site, got, out)
		}
	}
	// A kit.json whose site_url is not the build's kind of address is
	// refused: it would become a link in the PDF.
	for _, bad := range []string{"javascript:alert(1)", "http://exemple.org/fr-FR/", "https:///fr-FR/", "https://exemple.org/?q=1"} {
		var kd KitData
		kj, _ := KitJSON(k, e, "")
		json.Unmarshal(kj, &kd)
		kd.SiteURL = bad
		b, _ := json.Marshal(kd)
		if _, err := NewSession(ce, b); err == nil || !strings.Contains(err.Error(), "site_url") {
			t.Errorf("site_url %q: %v", bad, err)
		}
	}
}
