package personalise

import (
	"bytes"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
)

// TestSessionDecodedDesigns: the designs kit.json carries already decoded
// (read without YAML, finished by layout.FinishDesign) offer the same
// designs and give the same posters as the same designs decoded from
// their YAML files by layout.LoadDesigns, as the build reads them: page by
// page and PDF byte for byte, every personalisable design and size, with
// and without bleed.
func TestSessionDecodedDesigns(t *testing.T) {
	s, e := session(t)
	k, err := kitset.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	posters, err := fs.Sub(k.FS, "posters")
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := layout.LoadDesigns(posters, "posters")
	if err != nil {
		t.Fatal(err)
	}
	if len(fromYAML) != len(s.all) {
		t.Fatalf("%d designs from YAML, %d from kit.json", len(fromYAML), len(s.all))
	}
	y := &Session{Edition: e, all: fromYAML, i18n: s.i18n, fonts: s.fonts, locale: s.locale}
	for i, d := range fromYAML {
		if !reflect.DeepEqual(d, s.all[i]) {
			t.Errorf("design %s: decoded from kit.json differs from its YAML:\n%+v\n%+v", d.ID, s.all[i], d)
		}
		if d.Personalisable() && d.Kind != "document" {
			y.Designs = append(y.Designs, d)
		}
	}
	if !reflect.DeepEqual(y.Offer(), s.Offer()) || len(s.Offer()) < 4 {
		t.Fatalf("offered from YAML %v, from kit.json %v", y.Offer(), s.Offer())
	}
	blk, errs := local.Parse(map[string]string{local.FieldName: "Collège Jean Moulin – Vie scolaire", local.FieldPhone: "01 45 67 89 10"}, nil, "FR")
	if errs != nil {
		t.Fatal(errs)
	}
	date := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for i, d := range s.Designs {
		for _, size := range d.Sizes {
			for _, bleed := range []float64{0, 3} {
				job := func(ss *Session) layout.Job {
					return layout.Job{Edition: e, Design: ss.Designs[i], Size: size, Bleed: bleed, I18n: ss.i18n, Designs: ss.all, Local: blk, Locale: ss.locale}
				}
				a, err1 := Poster(s.fonts, job(s))
				b, err2 := Poster(y.fonts, job(y))
				if err1 != nil || err2 != nil {
					t.Fatalf("%s %s: %v / %v", d.ID, size, err1, err2)
				}
				if !reflect.DeepEqual(a, b) {
					t.Errorf("%s %s bleed %g: the pages differ", d.ID, size, bleed)
				}
				pa, err1 := PDF(a, s.fonts, date)
				pb, err2 := PDF(b, y.fonts, date)
				if err1 != nil || err2 != nil || !bytes.Equal(pa, pb) {
					t.Errorf("%s %s bleed %g: the PDFs differ (%v / %v)", d.ID, size, bleed, err1, err2)
				}
				n++
			}
		}
	}
	if n < 8 {
		t.Errorf("only %d posters compared", n)
	}
}

// TestOfferAspect: the width-to-height ratio offered per size is the one
// of the raw preview the engine draws (both sides of the card), so the
// page can draw it no larger than it is shown.
func TestOfferAspect(t *testing.T) {
	s, _ := session(t)
	n := 0
	for _, d := range s.Offer() {
		for i, z := range d.Sizes {
			res := s.Render(Request{Values: map[string]string{local.FieldName: "Collège Jean Moulin"}, Design: d.ID, Size: z, Preview: 400, Raw: true})
			if res.Image == nil {
				t.Fatalf("%s %s: no preview: %v %v", d.ID, z, res.Fields, res.Problems)
			}
			got := float64(res.Image.Bounds().Dx()) / float64(res.Image.Bounds().Dy())
			if a := d.Aspect[i]; a < got*0.99 || a > got*1.01 {
				t.Errorf("%s %s: aspect offered %.3f, drawn %.3f", d.ID, z, a, got)
			}
			n++
		}
	}
	if n < 5 {
		t.Errorf("only %d sizes", n)
	}
}

// TestKitJSONNoLocalPath: kit.json names the designs as in the kit
// (posters/<id>.yaml), never by the builder's kit folder: it is published.
func TestKitJSONNoLocalPath(t *testing.T) {
	_, e := session(t)
	k, err := kitset.LoadFS(nil, "/home/teacher/my-kit", []*content.Edition{e})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(k.Designs[0].File, "my-kit") {
		t.Fatalf("the kit's design is named %s: the test shows nothing", k.Designs[0].File)
	}
	b, err := KitJSON(k, e, "")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("my-kit")) || !bytes.Contains(b, []byte(`"File":"posters/la-sextorsion.yaml"`)) {
		t.Errorf("kit.json names the designs by the builder's folder: %.300s", b)
	}
	if !strings.Contains(k.Designs[0].File, "my-kit") {
		t.Errorf("KitJSON renamed the kit's own design: %s", k.Designs[0].File)
	}
}
