package hyphen

import (
	"strings"
	"testing"
)

// The expected points are those of the TeX patterns (checked against
// TeX's own \showhyphens conventions: Liang's odd levels), with the
// language's minimum fragment lengths.
func TestPoints(t *testing.T) {
	for _, tc := range []struct{ lang, word, want string }{
		{"fr", "signalement", "si-gna-le-ment"},
		{"fr", "sextorsion", "sex-tor-sion"},
		{"fr", "harcèlement", "har-cè-le-ment"},
		{"fr", "accompagnement", "ac-com-pa-gne-ment"},
		{"fr", "photographies", "pho-to-gra-phies"},
		{"fr", "téléphone", "té-lé-phone"},
		{"fr", "adolescents", "ado-les-cents"},
		{"fr", "représailles", "re-pré-sailles"},
		{"fr", "Gratuitement", "Gra-tui-te-ment"}, // capital initial: same points
		{"fr", "menaces", "me-naces"},             // not "mena-ces": three letters at least after the hyphen
		{"fr", "intimes", "in-times"},
		{"fr", "l’aide", "l’aide"}, // never next to an apostrophe
		{"fr", "qu’aujourd’hui", "qu’au-jour-d’hui"},
		{"fr", "vie", "vie"}, // too short
		{"de", "Nutzungsbedingungen", "Nut-zungs-be-din-gun-gen"},
		{"de", "Kinderschutz", "Kin-der-schutz"},
		{"de", "Beratungsstelle", "Be-ra-tungs-stel-le"},
		{"de", "Erpressung", "Er-pres-sung"},
		{"de", "Jugendlichen", "Ju-gend-li-chen"},
		{"de", "Bildschirmfotos", "Bild-schirm-fo-tos"},
		{"de", "Hilfsangebote", "Hilfs-an-ge-bo-te"},
		{"de", "Vertrauensperson", "Ver-trau-ens-per-son"},
		{"de", "Straße", "Stra-ße"},
		{"de", "Beweise", "Be-wei-se"},
		{"de", "oder", "oder"}, // "o-der": one letter before the hyphen
		{"de", "112", "112"},   // not a word
		{"de", "E-Mail", "E-Mail"},
	} {
		p := For(tc.lang)
		if got := p.Hyphenate(tc.word); got != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.lang, tc.word, got, tc.want)
		}
	}
}

func TestNoPatterns(t *testing.T) {
	for _, lang := range []string{"ar", "uk", "", "en"} {
		if p := For(lang); p != nil {
			t.Errorf("%q has patterns", lang)
		}
		var p *Patterns
		if pts := p.Points([]rune("signalement")); pts != nil {
			t.Errorf("nil patterns gave %v", pts)
		}
	}
}

func TestMinimums(t *testing.T) {
	p, err := Parse("xx", "1a1 1b1 1c1 1d1 1e1 1f1", 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Hyphenate("abcdef"); got != "ab-c-def" {
		t.Errorf("got %q, want ab-c-def", got)
	}
	if got := p.Hyphenate("abcd"); got != "abcd" {
		t.Errorf("got %q, want abcd (2+3 letters needed)", got)
	}
	if got := p.Hyphenate(strings.Repeat("a", MaxWord)); !strings.Contains(got, "-") {
		t.Errorf("a word of MaxWord letters got no hyphen")
	}
	if got := p.Hyphenate(strings.Repeat("a", MaxWord+1)); strings.Contains(got, "-") {
		t.Errorf("a word longer than MaxWord was hyphenated")
	}
	if _, err := Parse("xx", "1 a1", 2, 2); err == nil {
		t.Errorf("a pattern without letters was accepted")
	}
}

func TestCapitals(t *testing.T) {
	for w, want := range map[string]bool{"PHAROS": true, "ARRÊTE": true, "Pharos": false, "A": false, "NE": true, "3018": false, "e-ENFANCE": false} {
		if got := Capitals([]rune(w)); got != want {
			t.Errorf("Capitals(%q) = %v", w, got)
		}
	}
}
